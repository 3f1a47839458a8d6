//! Image snapshots of the main screen, in Danish and English at 1366×768 and 1920×1080 (and in
//! Danish at 1280×720, in presentation mode and with the projector open as a window), drawn
//! on the software renderer (`cargo test --features snapshot --test snapshots`; Mesa's lavapipe
//! Vulkan driver, Debian package mesa-vulkan-drivers). A changed layout fails the comparison;
//! `UPDATE_SNAPSHOTS=1` rewrites the committed images after a change that is meant.
#![cfg(feature = "snapshot")]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use by_i_balance::app::{Selection, WorkshopApp};
use by_i_balance::i18n::Language;
use egui_kittest::{Harness, SnapshotOptions};

fn main_screen(language: Language, size: [f32; 2]) -> Harness<'static, WorkshopApp> {
    let dir = std::env::temp_dir().join("by-i-balance-snapshots");
    let mut app = WorkshopApp::with_visionsplan(by_i_balance::files::Workspace::at(&dir)).unwrap();
    app.view.language = language;
    app.view.selection = Selection::Area("taastrupgaard".into());
    let mut harness = Harness::builder()
        .with_size(size)
        .wgpu()
        .build_ui_state(|ui, app: &mut WorkshopApp| by_i_balance::ui::main_ui(ui, app), app);
    by_i_balance::ui::setup(&harness.ctx);
    // The actions' effects and the bands come from a worker thread: wait for both so the
    // picture is stable.
    for _ in 0..2000 {
        harness.state_mut().session.poll_worker();
        let session = &harness.state().session;
        if session.attribution().is_some() && session.bands().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run();
    harness
}

fn snapshot(language: Language, code: &str, size: [f32; 2], name: &str) {
    let mut harness = main_screen(language, size);
    harness.snapshot_options(format!("main_screen_{code}_{name}"), &SnapshotOptions::default().threshold(1.0));
}

#[test]
fn main_screen_danish_small_laptop() {
    snapshot(Language::Danish, "da", [1280.0, 720.0], "1280x720");
}

/// The Danish main screen after one key, e.g. F11 (presentation) or F5 (projector).
fn snapshot_after_key(key: egui::Key, size: [f32; 2], name: &str) {
    let mut harness = main_screen(Language::Danish, size);
    harness.key_press(key);
    harness.run();
    harness.run();
    harness.snapshot_options(name, &SnapshotOptions::default().threshold(1.0));
}

/// F11 on the laptop: large text, nothing that edits.
#[test]
fn presentation_mode_danish_laptop() {
    snapshot_after_key(egui::Key::F11, [1366.0, 768.0], "presentation_da_1366x768");
}

/// The projector as the test harness shows it (a window over the laptop's screen).
#[test]
fn projector_danish() {
    snapshot_after_key(egui::Key::F5, [1920.0, 1080.0], "projector_da_1920x1080");
}

#[test]
fn main_screen_danish_laptop() {
    snapshot(Language::Danish, "da", [1366.0, 768.0], "1366x768");
}

#[test]
fn main_screen_danish_projector() {
    snapshot(Language::Danish, "da", [1920.0, 1080.0], "1920x1080");
}

#[test]
fn main_screen_english_laptop() {
    snapshot(Language::English, "en", [1366.0, 768.0], "1366x768");
}

#[test]
fn main_screen_english_projector() {
    snapshot(Language::English, "en", [1920.0, 1080.0], "1920x1080");
}

/// *Hvad skal der til?* on the laptop with the answer for Gadehavegaard under § 168 a by 2030
/// (seed 1), scrolled to the first plan: its words wrap within the panel.
#[test]
fn search_answer_danish_laptop() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let plan = by_i_balance::assets::shipped_plan("basisforloeb-2026.ron").unwrap();
    let mut app = WorkshopApp::new(plan, by_i_balance::files::Workspace::at(dir.path())).unwrap();
    app.search_form.cap_area = "gadehavegaard".into();
    app.view.central = by_i_balance::app::CentralView::Search;
    let mut harness = Harness::builder()
        .with_size([1366.0, 768.0])
        .wgpu()
        .build_ui_state(|ui, app: &mut WorkshopApp| by_i_balance::ui::main_ui(ui, app), app);
    by_i_balance::ui::setup(&harness.ctx);
    harness.run();
    harness.state_mut().start_search();
    let started = std::time::Instant::now();
    loop {
        harness.run();
        let app = harness.state();
        let searching = app.search.as_ref().is_some_and(by_i_balance::app::search::SearchJob::running);
        if !searching && app.session.attribution().is_some() && app.session.bands().is_some() {
            break;
        }
        assert!(started.elapsed().as_secs() < 120, "the search and the bands finish");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    harness.run();
    harness.get_by_label_contains("Plan 1 af 3 – ").scroll_to_me();
    harness.run();
    harness.snapshot_options("search_da_1366x768", &SnapshotOptions::default().threshold(1.0));
}
