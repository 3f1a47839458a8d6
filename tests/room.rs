//! The meeting room, driven by visible labels: the projector window opens and closes, freezes
//! and reveals; theme and text size switch; presentation mode and help open from the keyboard;
//! the round timer runs; a comment added in the editor is in the workshop report.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use by_i_balance::app::room::Theme;
use by_i_balance::app::{Dialog, FileDialogs, WorkshopApp};
use by_i_balance::files::Workspace;
use by_i_balance::model::{Action, ActionKind, CommentTarget, PlanEdit, Tenure};
use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn workshop_in(dir: &std::path::Path) -> Harness<'static, WorkshopApp> {
    let mut app = WorkshopApp::with_visionsplan(Workspace::at(dir)).unwrap();
    app.document.dialogs = FileDialogs::InApp;
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_ui_state(|ui, app: &mut WorkshopApp| by_i_balance::ui::main_ui(ui, app), app);
    by_i_balance::ui::setup(&harness.ctx);
    harness.run();
    harness
}

fn click(harness: &mut Harness<'_, WorkshopApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn the_projector_opens_freezes_reveals_and_closes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    click(&mut harness, "Åbn projektor");
    assert!(harness.state().room.projector.open);
    assert!(harness.query_by_label("By i balance – projektor").is_some(), "the projector window shows");
    let score = |app: &WorkshopApp| app.session.projection().score_in(2025).unwrap().total;
    let before = score(harness.state());

    click(&mut harness, "Frys projektoren");
    assert!(harness.state().room.projector.frozen.is_some());
    assert!(harness.query_by_label("(frosset)").is_some(), "the room is told the picture is frozen");
    harness.state_mut().session.apply(PlanEdit::AddAction(Action::new(
        2019,
        ActionKind::Demolish { area: "gadehavegaard".into(), tenure: Tenure::AlmenFamily, count: 300.0 },
    )));
    harness.run();
    let after = score(harness.state());
    assert_ne!(before, after, "the edit moved the score");
    let frozen_score = harness.state().room.projector.frozen.as_ref().unwrap().score();
    assert_eq!(frozen_score, before, "while frozen the projector keeps the old picture");

    click(&mut harness, "Vis ændringen");
    let app = harness.state();
    assert!(app.room.projector.frozen.is_none());
    let revealed = app.room.projector.revealed.clone().unwrap();
    let tr = app.tr();
    let score = &revealed.score;
    assert!(score.contains(&format!("fra {} til {}", tr.num(before, 1), tr.num(after, 1))), "{score}");
    assert!(harness.query_by_label(score).is_some(), "the change of the score is spelled out on the projector");
    assert_eq!(
        revealed.what, "Nedrivning af 300 almene familieboliger i Gadehavegaard (2019)",
        "and which change it is"
    );
    assert!(harness.query_by_label_contains(&revealed.what).is_some(), "the projector names the change it shows");

    click(&mut harness, "Luk projektor");
    assert!(!harness.state().room.projector.open);
    assert!(harness.query_by_label("By i balance – projektor").is_none());
}

#[test]
fn theme_and_text_size_switch_from_the_view_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    assert!(!harness.ctx.global_style().visuals.dark_mode, "light by default");
    click(&mut harness, "Vis");
    click(&mut harness, "Udseende og tekststørrelse");
    click(&mut harness, "Mørkt");
    assert_eq!(harness.state().room.theme, Theme::Dark);
    assert!(harness.ctx.global_style().visuals.dark_mode);
    click(&mut harness, "Vis");
    click(&mut harness, "Udseende og tekststørrelse");
    click(&mut harness, "Høj kontrast");
    assert_eq!(harness.ctx.global_style().visuals.override_text_color, Some(egui::Color32::BLACK));
    click(&mut harness, "Vis");
    click(&mut harness, "Udseende og tekststørrelse");
    click(&mut harness, "150 %");
    assert!((harness.ctx.zoom_factor() - 1.5).abs() < 1e-6, "text is 150 %");
}

#[test]
fn presentation_mode_and_help_from_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    assert!(harness.query_by_label("Antagelser").is_some(), "the editor shows");
    harness.key_press(Key::F11);
    harness.run();
    assert!(harness.state().room.presentation);
    assert!(harness.query_by_label("Antagelser").is_none(), "the editor is hidden");
    assert!(harness.query_by_label("Afspil").is_some(), "the year slider and play stay");
    let body = harness.ctx.global_style().text_styles[&egui::TextStyle::Body].size * harness.ctx.zoom_factor();
    assert!(body >= 18.0, "body text is {body} px, at least 18 for the back of the room");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().room.presentation);
    harness.key_press(Key::F1);
    harness.run();
    assert!(harness.query_by_label("Tastatur").is_some(), "the help window is open");
    assert!(harness.query_by_label("Ctrl+Z").is_some(), "the shortcuts are listed");
}

#[test]
fn the_round_timer_counts_down() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    assert!(harness.query_by_label("10:00").is_some());
    click(&mut harness, "Start");
    harness.run_steps(8);
    let now = harness.ctx.input(|i| i.time);
    let left = harness.state().room.timer.remaining(now);
    assert!(left < 600.0 && left > 590.0, "{left} s left");
    click(&mut harness, "Pause");
    assert!(harness.state().room.timer.started_at.is_none());
}

#[test]
fn a_comment_added_in_the_editor_is_on_the_map_and_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    harness.get_by_role_and_label(Role::Button, "Charlotteager").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Hvem").set_text_value_accesskit("Beboer fra blok 4");
    harness.get_by_role_and_label(Role::MultilineTextInput, "Kommentar").set_text_value_accesskit("Behold legepladsen");
    harness.run();
    harness.get_by_label("Tilføj kommentar").scroll_to_me();
    harness.run();
    click(&mut harness, "Tilføj kommentar");
    let comments = &harness.state().session.plan().comments;
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].target, CommentTarget::Area("charlotteager".into()));
    assert_eq!(comments[0].author, "Beboer fra blok 4");
    click(&mut harness, "Filer");
    click(&mut harness, "Eksportér");
    click(&mut harness, "Lav workshoprapport (HTML)");
    let path = match &harness.state().document.dialog {
        Some(Dialog::Exported(path)) => path.clone(),
        other => panic!("expected the report's path, got {other:?}"),
    };
    assert!(harness.query_by_label(&format!("Gemt i {}", path.display())).is_some(), "the path is written out");
    assert!(harness.query_by_label("Åbn filen").is_some(), "the report opens in the browser from here");
    assert!(harness.query_by_label("Åbn mappen").is_some(), "and its folder in the file manager");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("Beboer fra blok 4") && html.contains("Behold legepladsen"), "the comment is in the report");
    assert!(html.contains("Charlotteager"));
}

#[test]
fn ctrl_shift_s_is_not_taken_by_the_timer_or_projector() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    assert!(matches!(harness.state().document.dialog, Some(Dialog::SaveAs { .. })));
}

/// Issue 25, item 10: one screen works. With the projector covering the laptop's window, the
/// room is run from the projector itself: the space bar freezes the picture and, once frozen,
/// reveals the change, naming it; Esc takes the reveal's words down; the small control in the
/// projector's corner does the same with a click; and a reveal's words go when the plan changes
/// again. The window's title names the plan, with a mark while it is unsaved.
#[test]
fn the_projector_is_run_from_its_own_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    let title = |h: &Harness<'_, WorkshopApp>| h.state().window_title();
    assert_eq!(title(&harness), "Visionsplan 2016 — By i balance");
    click(&mut harness, "Åbn projektor");
    let wall = harness.get_by_label("By i balance – projektor").rect();
    let on_wall = wall.center();
    // A click on the projector's picture first, as on its own window: the keys are its.
    let press = |h: &mut Harness<'_, WorkshopApp>, key: Key| {
        h.hover_at(on_wall);
        h.run();
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos: on_wall,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        h.run();
        h.key_press(key);
        h.run();
        h.run();
    };
    press(&mut harness, Key::Space);
    assert!(harness.state().room.projector.frozen.is_some(), "the space bar froze the picture");
    harness.state_mut().session.apply(PlanEdit::AddAction(Action::new(
        2019,
        ActionKind::Demolish { area: "gadehavegaard".into(), tenure: Tenure::AlmenFamily, count: 300.0 },
    )));
    harness.run();
    assert_eq!(title(&harness), "*Visionsplan 2016 — By i balance", "the title marks unsaved changes");
    let titles: Vec<String> = harness.output().viewport_output[&egui::ViewportId::ROOT]
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::ViewportCommand::Title(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert!(titles.is_empty() || titles == vec![title(&harness)], "{titles:?}");
    press(&mut harness, Key::Space);
    let revealed = harness.state().room.projector.revealed.clone().expect("the space bar revealed the change");
    assert_eq!(revealed.what, "Nedrivning af 300 almene familieboliger i Gadehavegaard (2019)");
    assert!(harness.query_by_label_contains(&revealed.what).is_some(), "the projector names the change");
    assert!(harness.query_by_label(&revealed.score).is_some(), "and what it did to the score");
    press(&mut harness, Key::Escape);
    assert!(harness.state().room.projector.revealed.is_none(), "Esc took the words down");
    assert!(!harness.state().room.presentation, "and left presentation mode alone");

    // The control in the projector's corner: freeze, then reveal.
    click(&mut harness, "Frys · mellemrum");
    assert!(harness.state().room.projector.frozen.is_some(), "the control froze the picture");
    harness.state_mut().session.apply(PlanEdit::FlexibleLetting {
        area: "gadehavegaard".into(),
        share: 0.5,
        year: 2020,
    });
    harness.run();
    click(&mut harness, "Vis ændringen · mellemrum");
    assert!(harness.state().room.projector.revealed.is_some(), "the control revealed the change");
    // The next change makes the words stale: they go.
    harness.state_mut().session.apply(PlanEdit::MunicipalAllocation(0.1));
    harness.run();
    harness.run();
    assert!(harness.state().room.projector.revealed.is_none(), "a new change took the old words down");
}
