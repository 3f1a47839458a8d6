//! Legible in the room (issue 13), driven by visible labels: Esc closes an open menu and
//! leaves presentation mode only when it is on; a change logged in Danish reads in English
//! after switching; the projector is a picture that does not follow the pointer; the room's
//! votes are saved with their variants.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use by_i_balance::app::{Dialog, FileDialogs, WorkshopApp};
use by_i_balance::files::Workspace;
use by_i_balance::model::{PlanEdit, Vote};
use common::settle;
use egui::{Key, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn workshop_in(dir: &std::path::Path) -> Harness<'static, WorkshopApp> {
    let mut app = WorkshopApp::with_visionsplan(Workspace::at(dir)).unwrap();
    app.document.dialogs = FileDialogs::InApp;
    let mut harness = Harness::builder()
        .with_size([1366.0, 768.0])
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
fn esc_closes_an_open_menu_and_leaves_presentation_mode_only_when_it_is_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    click(&mut harness, "Filer");
    assert!(harness.query_by_label_contains("Gem som").is_some(), "the File menu is open");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label_contains("Gem som").is_none(), "Esc closed the menu");
    assert!(!harness.state().room.presentation, "and did not touch presentation mode");

    harness.key_press(Key::F11);
    harness.run();
    assert!(harness.state().room.presentation, "F11 starts presentation mode");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().room.presentation, "Esc leaves it");
}

#[test]
fn a_change_logged_in_danish_reads_in_english_after_switching() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    assert!(harness.state_mut().session.apply(PlanEdit::JointAllocation(None)), "the Visionsplan had the agreement");
    harness.run();
    click(&mut harness, "Kommunen");
    click(&mut harness, "Ændringslog (1)");
    assert!(harness.query_by_label("Ingen fælles anvisningsaftale").is_some(), "the entry reads in Danish");

    click(&mut harness, "Sprog");
    click(&mut harness, "English");
    assert!(harness.query_by_label("Change log (1)").is_some(), "the log's heading is English");
    assert!(harness.query_by_label("No joint allocation agreement").is_some(), "the same entry reads in English");
    assert!(harness.query_by_label("Ingen fælles anvisningsaftale").is_none(), "no Danish left in the log");
}

#[test]
fn the_projector_does_not_follow_the_pointer() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    click(&mut harness, "Åbn projektor");
    // The projector as a window of its own (kittest cannot open a second native one).
    let window = harness.get_by_label("By i balance – projektor").rect();
    harness.hover_at(Pos2::new(5.0, 760.0));
    settle(&mut harness);
    let still = format!("{:?}", harness.output().shapes);
    let mut looked = 0;
    for dy in [80.0, 180.0, 280.0, 380.0, 480.0] {
        for dx in [40.0, 240.0, 440.0, 640.0, 840.0] {
            let at = Pos2::new(window.left() + dx, window.top() + dy);
            if !window.shrink(10.0).contains(at) || at.x > 1360.0 || at.y > 760.0 {
                continue;
            }
            harness.hover_at(at);
            harness.run();
            looked += 1;
            let shown = format!("{:?}", harness.output().shapes);
            assert!(shown == still, "the projector changed under the pointer at {at:?}");
        }
    }
    assert!(looked >= 8, "the pointer went over the projector's views ({looked} places)");
}

#[test]
fn the_tenure_chart_marks_each_estate_s_share_as_the_law_counts_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    click(&mut harness, "Boligtyper");
    assert!(harness.query_by_label("40 %-grænsen (§ 168 a)").is_some(), "the 40 % line is in the legend");
    assert!(
        harness.query_by_label("§ 168 a-andel, som loven tæller").is_some(),
        "the law's share has its own mark in the legend, apart from the plain tenure bars"
    );
    let feed = &harness.state().feed.tenure;
    let taastrupgaard = feed.iter().find(|b| b.area == "taastrupgaard").unwrap();
    assert!(
        taastrupgaard.almen_family_share_168a < taastrupgaard.shares[0] - 0.05,
        "after the demolition the law's share ({}) is below the bar's plain share ({})",
        taastrupgaard.almen_family_share_168a,
        taastrupgaard.shares[0]
    );
    let text = by_i_balance::words::share_168a(
        harness.state().tr(),
        &taastrupgaard.parts,
        &harness.state().session.library().cap,
        harness.state().view.year,
    );
    assert!(harness.query_by_label(&format!("Taastrupgaard: {text}")).is_some(), "the count's parts are written out");
}

#[test]
fn the_language_theme_text_size_and_the_last_plan_survive_a_restart() {
    use by_i_balance::app::room::{ProjectorScreen, Theme};
    use by_i_balance::i18n::Language;
    let dir = tempfile::tempdir().unwrap();
    let first = WorkshopApp::start(Workspace::at(dir.path()), None).unwrap();
    assert_eq!(first.session.plan().name, "Visionsplan 2016", "a first start opens the Visionsplan");
    assert_eq!(first.view.language, Language::Danish, "in Danish");
    let mut harness = Harness::builder()
        .with_size([1366.0, 768.0])
        .build_ui_state(|ui, app: &mut WorkshopApp| by_i_balance::ui::main_ui(ui, app), first);
    by_i_balance::ui::setup(&harness.ctx);
    harness.run();
    click(&mut harness, "Sprog");
    click(&mut harness, "English");
    // The projector opens full screen on screen 2 unless the room chose otherwise.
    assert_eq!(harness.state().room.projector.screen, ProjectorScreen::Second);
    click(&mut harness, "View");
    click(&mut harness, "Projector's screen");
    click(&mut harness, "in a window");
    let app = harness.state_mut();
    app.room.theme = Theme::HighContrast;
    app.room.text_size = 2;
    app.session.apply(PlanEdit::Name("Gruppe 3".into()));
    let path = dir.path().join("gruppe-3.ron");
    assert!(app.save_to(&path));
    app.remember_settings();
    drop(harness);

    let again = WorkshopApp::start(Workspace::at(dir.path()), None).unwrap();
    assert_eq!(again.view.language, Language::English, "the language is remembered");
    assert_eq!((again.room.theme, again.room.text_size), (Theme::HighContrast, 2), "and the look");
    assert_eq!(again.room.projector.screen, ProjectorScreen::Window, "and the projector's screen");
    assert_eq!(again.session.plan().name, "Gruppe 3", "the plan worked on opens again");
    assert_eq!(again.document.path.as_deref().map(|p| p.ends_with("gruppe-3.ron")), Some(true));

    std::fs::remove_file(&path).unwrap();
    let without = WorkshopApp::start(Workspace::at(dir.path()), None).unwrap();
    assert_eq!(without.session.plan().name, "Visionsplan 2016", "a plan that is gone is not looked for");
}

#[test]
fn save_as_asks_for_the_group_and_the_variant_carries_it() {
    use egui::Modifiers;
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    let author = harness.get_by_role_and_label(egui::Role::TextInput, "Gruppe eller forfatter");
    assert_eq!(author.accesskit_node().value().as_deref(), Some("Høje-Taastrup Kommune"), "it starts from the plan's");
    author.set_text_value_accesskit("Bord 3");
    harness.get_by_role_and_label(egui::Role::TextInput, "Navn").set_text_value_accesskit("Bord 3s plan");
    harness.run();
    click(&mut harness, "Gem");
    let path = harness.state().document.path.clone().expect("saved as a file");
    let saved = by_i_balance::io::load_plan(&path, &by_i_balance::assets::param_table().unwrap()).unwrap();
    assert_eq!((saved.name.as_str(), saved.author.as_str()), ("Bord 3s plan", "Bord 3"));
}

#[test]
fn the_tool_bar_is_one_row_at_1366_and_1280_in_both_languages_with_a_long_plan_name() {
    use by_i_balance::i18n::Language;
    let long = "Visionsplan 2016 med bydelsgruppernes ændringer fra workshoppen i november, version 3, ".repeat(3);
    for (size, language, first, last) in [
        ([1366.0, 768.0], Language::Danish, "Fortryd", "Rundens længde"),
        ([1280.0, 720.0], Language::Danish, "Fortryd", "Rundens længde"),
        ([1366.0, 768.0], Language::English, "Undo", "Length of the round"),
        ([1280.0, 720.0], Language::English, "Undo", "Length of the round"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = WorkshopApp::with_visionsplan(Workspace::at(dir.path())).unwrap();
        app.document.dialogs = FileDialogs::InApp;
        app.view.language = language;
        app.session.apply(PlanEdit::Name(long.clone()));
        // With an area selected the bar also has "Whole municipality".
        app.view.selection = by_i_balance::app::Selection::Area("taastrupgaard".into());
        let mut harness = Harness::builder()
            .with_size(size)
            .build_ui_state(|ui, app: &mut WorkshopApp| by_i_balance::ui::main_ui(ui, app), app);
        by_i_balance::ui::setup(&harness.ctx);
        harness.run();
        let (a, b) = (harness.get_by_label(first).rect(), harness.get_by_label(last).rect());
        assert!(
            (a.center().y - b.center().y).abs() < 4.0 && b.right() <= size[0],
            "{size:?} {language:?}: {first} at {a:?} and {last} at {b:?} are not on one row"
        );
        let menu = harness.get_by_label(if language == Language::Danish { "Sprog" } else { "Language" }).rect();
        let name = harness.state().session.plan().name.clone();
        let title = harness.get_by_label(&name).rect();
        assert!(title.left() > menu.right(), "{size:?}: the long name is cut before the menus ({title:?})");
    }
}

/// The room's verdict: a table's dots for a pinned variant are written to that variant's file
/// at once (a snapshot is saved as a new variant first), the open plan's are an undoable edit
/// that survives save and reopen, the comparison shows each tally beside the scores, and the
/// report carries them.
#[test]
fn the_room_s_votes_are_saved_with_their_variants_and_reach_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    click(&mut harness, "Sammenlign");
    click(&mut harness, "Fastgør den åbne plan, som den er nu");
    assert_eq!(harness.state().document.pinned.len(), 1);
    for give in harness.get_all_by_label("+ 1 prik") {
        assert!(give.accesskit_node().is_disabled(), "no dots before the group is named");
    }
    harness.get_by_label("Bord eller gruppe:").scroll_to_me();
    harness.run();
    harness.get_by_label("Bord eller gruppe:").focus();
    harness.run();
    harness.get_by_label("Bord eller gruppe:").type_text("Bord 2");
    harness.run();
    harness.get_by_label("Prikker:").set_value_accesskit(3.0);
    harness.run();
    // The open plan's row first, then the pinned snapshot's.
    harness.get_all_by_label("+ 3 prikker").nth(1).unwrap().click();
    harness.run();
    let pinned = &harness.state().document.pinned[0];
    let file = pinned.path.clone().expect("the snapshot was saved as a variant for its votes");
    assert!(file.starts_with(dir.path()), "in the workspace's saves folder: {file:?}");
    let table = by_i_balance::assets::param_table().unwrap();
    let saved = by_i_balance::io::load_plan(&file, &table).unwrap();
    assert_eq!(saved.votes, vec![Vote { group: "Bord 2".into(), dots: 3 }], "the file holds the vote");

    harness.get_all_by_label("+ 3 prikker").next().unwrap().click();
    harness.run();
    assert_eq!(harness.state().session.plan().votes.len(), 1, "the open plan has its own vote");
    assert_eq!(harness.get_all_by_label("3 prikker").count(), 2, "each variant's tally shows");
    assert!(harness.query_by_label("Rummets prikker").is_some(), "beside the scores");
    assert!(harness.state_mut().session.undo());
    harness.run();
    assert!(harness.state().session.plan().votes.is_empty(), "the open plan's vote is undone");
    assert!(harness.state_mut().session.redo());
    // Saved with the open plan, and there again when it is reopened.
    let open_file = dir.path().join("med-stemmer.ron");
    assert!(harness.state_mut().save_to(&open_file), "the open plan saves");
    harness.state_mut().open_path(&open_file);
    harness.run();
    let reopened = &harness.state().session.plan().votes;
    assert_eq!(reopened, &vec![Vote { group: "Bord 2".into(), dots: 3 }], "the vote survives save and reopen");

    let library = by_i_balance::assets::Library::load().unwrap();
    let tr = by_i_balance::i18n::Translations::shared().unwrap().tr(by_i_balance::i18n::Language::Danish);
    let report = by_i_balance::report::report_for_plans(&library, &[saved], tr).unwrap();
    assert!(report.contains("Rummets prikker") && report.contains("Bord 2: 3"), "the report carries the vote");
}

/// Presentation mode zooms the text and hides what edits; after Esc the laptop's charts panel
/// is as wide as before, and the undo button and the profile cards are back.
#[test]
fn presentation_hides_editing_and_leaves_the_panels_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    // The charts panel's left edge, read from its first tab.
    let width = |h: &Harness<'_, WorkshopApp>| h.get_by_label("Beboere").rect().left();
    let before = width(&harness);
    assert!(harness.query_by_label("Fortryd").is_some(), "undo is on the tool bar");
    harness.key_press(Key::F11);
    harness.run();
    harness.run();
    assert!(harness.query_by_label("Fortryd").is_none(), "presentation mode shows nothing that edits");
    assert!(harness.query_by_label_contains("Kulturkvarteret").is_none(), "no profile cards to drop");
    harness.key_press(Key::Escape);
    harness.run();
    harness.run();
    let after = width(&harness);
    assert!((after - before).abs() < 1.0, "the charts panel keeps its width after F11 and Esc: {before} → {after}");
    assert!(harness.query_by_label("Fortryd").is_some(), "undo is back");
}

/// Without a system file dialog the Open box still reaches a plan on a USB stick: type or pick
/// a folder, go into a subfolder, and one click on the file opens it.
#[test]
fn the_open_box_browses_any_folder_to_a_plan_on_a_stick() {
    let dir = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    std::fs::create_dir(stick.path().join("workshop")).unwrap();
    let mut plan = by_i_balance::assets::shipped_plan("basisforloeb-2016.ron").unwrap();
    plan.name = "Bord 3 fra stikket".into();
    by_i_balance::io::save_plan(&stick.path().join("workshop").join("bord-3.ron"), &plan).unwrap();
    let mut harness = workshop_in(dir.path());
    click(&mut harness, "Filer");
    click(&mut harness, "Varianter …");
    click(&mut harness, "Åbn fra en anden mappe, et drev eller et USB-stik");
    harness.get_by_label("Mappe:").focus();
    harness.run();
    harness.get_by_label("Mappe:").type_text(&stick.path().display().to_string());
    harness.run();
    click(&mut harness, "Gå til");
    click(&mut harness, "Mappen workshop");
    click(&mut harness, "Planen bord-3.ron");
    settle(&mut harness);
    assert_eq!(harness.state().session.plan().name, "Bord 3 fra stikket", "the plan on the stick is open");
    assert_eq!(
        harness.state().document.path.as_deref(),
        Some(stick.path().join("workshop").join("bord-3.ron").as_path())
    );
}

/// Every chart of the side panel keeps at least 120 px of plot area (its axes beside it) on a
/// 1366×768 and a 1280×720 screen, in both languages, with a long plan name, and its year axis
/// on the screen: a panel too short for two charts shows one at a time.
#[test]
fn every_chart_keeps_120_px_of_plot_at_1366_and_1280() {
    use by_i_balance::i18n::Language;
    let long = "Visionsplan 2016 med bydelsgruppernes ændringer fra workshoppen i november, version 3";
    for (size, language) in [
        ([1366.0, 768.0], Language::Danish),
        ([1280.0, 720.0], Language::Danish),
        ([1366.0, 768.0], Language::English),
        ([1280.0, 720.0], Language::English),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = WorkshopApp::with_visionsplan(Workspace::at(dir.path())).unwrap();
        app.view.language = language;
        app.session.apply(PlanEdit::Name(long.to_owned()));
        let tr = app.tr();
        let mut harness = Harness::builder()
            .with_size(size)
            .build_ui_state(|ui, app: &mut WorkshopApp| by_i_balance::ui::main_ui(ui, app), app);
        by_i_balance::ui::setup(&harness.ctx);
        harness.run();
        let height = |h: &Harness<'_, WorkshopApp>, key: &'static str| h.get_by_label(tr.t(key)).rect().height();
        // A panel too short for both shows one chart at a time, the score's in a tab of its own.
        let one_at_a_time = harness.query_by_label(tr.t("chart_tab.score")).is_some();
        for (tab, key) in [("chart_tab.score", "chart_name.score"), ("chart_tab.composition", "chart_name.composition")]
        {
            if one_at_a_time {
                click(&mut harness, tr.t(tab));
            }
            let plot = height(&harness, key);
            assert!(plot >= 120.0, "{size:?} {language:?}: {key} has {plot} px of plot");
            // Its year axis (numbers and title, about 36 px under the plot) above the year slider.
            let bottom = harness.get_by_label(tr.t(key)).rect().bottom();
            let slider = harness.get_by_label(tr.t("timeline.play")).rect().top();
            assert!(
                bottom + 36.0 <= slider,
                "{size:?} {language:?}: {key}'s axis ends at {bottom} + 36, slider at {slider}"
            );
        }
        click(&mut harness, tr.t("chart_tab.status"));
        let plot = height(&harness, "chart_name.criteria");
        assert!(plot >= 120.0, "{size:?} {language:?}: the criteria chart has {plot} px of plot");
    }
}

/// Presentation mode on a 1366×768 laptop has no room for the score chart above another chart:
/// it shows one chart at a time under the score's headline, the score's chart as the first tab,
/// and the residents chart, chosen, lies wholly on the screen with at least 120 px of plot.
#[test]
fn presentation_on_a_laptop_shows_one_whole_chart_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    harness.key_press(Key::F11);
    harness.run();
    harness.run();
    assert!(harness.state().room.presentation);
    let screen = harness.ctx.content_rect();
    for (tab, chart) in [("Beboere", "chart_name.composition"), ("Balancescore", "chart_name.score")] {
        click(&mut harness, tab);
        let tr = harness.state().tr();
        let plot = harness.get_by_label(tr.t(chart)).rect();
        assert!(plot.height() >= 120.0, "{tab}: {} px of plot", plot.height());
        assert!(plot.bottom() <= screen.bottom() && plot.top() >= screen.top(), "{tab}: {plot:?} in {screen:?}");
    }
}

/// The projector opens full screen on the second screen, the wall beside a laptop; where there
/// is no such screen, or the room chose a window, it opens maximised to be dragged there.
#[test]
fn the_projector_opens_full_screen_on_the_second_screen() {
    use by_i_balance::app::room::ProjectorScreen;
    let wall = by_i_balance::ui::projector_builder("Projektor", ProjectorScreen::default());
    assert_eq!(wall.monitor, Some(1), "screen 2 in the system's list");
    assert_eq!(wall.maximized, Some(true), "maximised where screen 2 is missing");
    let window = by_i_balance::ui::projector_builder("Projektor", ProjectorScreen::Window);
    assert_eq!((window.monitor, window.maximized), (None, Some(true)));
    let first = by_i_balance::ui::projector_builder("Projektor", ProjectorScreen::First);
    assert_eq!(first.monitor, Some(0));
}

/// At the largest text size a 1366×768 laptop has no room for the whole tool bar: it stays one
/// row, and what does not fit (the round timer last of all) is in the "Mere »" menu at the
/// row's end, in both languages.
#[test]
fn the_tool_bar_stays_one_row_at_the_largest_text_size() {
    use by_i_balance::i18n::Language;
    for (language, undo, more, timer) in [
        (Language::Danish, "Fortryd", "Mere »", "Rundens længde"),
        (Language::English, "Undo", "More »", "Length of the round"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = WorkshopApp::with_visionsplan(Workspace::at(dir.path())).unwrap();
        app.view.language = language;
        app.room.text_size = by_i_balance::app::room::TEXT_SCALES.len() - 1;
        let mut harness = Harness::builder()
            .with_size([1366.0, 768.0])
            .build_ui_state(|ui, app: &mut WorkshopApp| by_i_balance::ui::main_ui(ui, app), app);
        by_i_balance::ui::setup(&harness.ctx);
        harness.run();
        harness.run();
        let screen = harness.ctx.content_rect();
        let (first, menu) = (harness.get_by_label(undo).rect(), harness.get_by_label(more).rect());
        assert!((first.center().y - menu.center().y).abs() < 4.0, "{language:?}: {first:?} and {menu:?} on one row");
        assert!(
            menu.right() <= screen.right(),
            "{language:?}: the menu ends at {} of {}",
            menu.right(),
            screen.right()
        );
        assert!(harness.query_by_label(timer).is_none(), "{language:?}: the timer is not squeezed onto the row");
        click(&mut harness, more);
        assert!(harness.query_by_label(timer).is_some(), "{language:?}: the timer is in the menu");
    }
}

/// Issue 25, item 8: the room's dots are never lost. A pinned snapshot of the open plan has a
/// name of its own (in the comparison, the votes, its file and the report), so its dots are
/// saved in a file of its own, which saving the open plan leaves alone; the open plan's own
/// file cannot be pinned a second time (its dots belong in the open plan's row); and saving the
/// open plan over a pinned variant's file first moves that variant, dots and all, to a file of
/// its own, with a message saying where.
#[test]
fn dots_given_to_a_pinned_copy_survive_saving_the_open_plan() {
    use egui::Modifiers;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    let open_file = dir.path().join("bord-1.ron");
    assert!(harness.state_mut().save_to(&open_file), "the open plan has a file");
    click(&mut harness, "Sammenlign");
    click(&mut harness, "Fastgør den åbne plan, som den er nu");
    let open_name = harness.state().session.plan().name.clone();
    let snapshot = harness.state().document.pinned[0].name.clone();
    assert!(snapshot.starts_with(&format!("{open_name} – øjebliksbillede kl. ")), "{snapshot}");
    assert_eq!(harness.state().document.pinned[0].plan.name, snapshot, "the name is the plan's own");
    assert_eq!(harness.state().variant_names(), vec![open_name.clone(), snapshot.clone()]);
    assert!(harness.query_all_by_label(&snapshot).count() >= 2, "the comparison and its votes show it by its name");

    harness.state_mut().view.vote_group = "Bord 1".into();
    harness.run();
    harness.get_all_by_label("+ 1 prik").nth(1).unwrap().scroll_to_me();
    harness.run();
    harness.get_all_by_label("+ 1 prik").nth(1).unwrap().click();
    harness.run();
    let snapshot_file = harness.state().document.pinned[0].path.clone().expect("the snapshot was saved for its dots");
    assert_ne!(snapshot_file, open_file, "in a file of its own");

    // Saving the open plan (Ctrl+S) leaves the snapshot's file and its dot as they were.
    harness.state_mut().session.apply(PlanEdit::Notes("Efter første runde".into()));
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    harness.run();
    let table = by_i_balance::assets::param_table().unwrap();
    let saved_open = by_i_balance::io::load_plan(&open_file, &table).unwrap();
    assert_eq!(saved_open.notes, "Efter første runde", "the open plan was saved");
    let saved_snapshot = by_i_balance::io::load_plan(&snapshot_file, &table).unwrap();
    assert_eq!((saved_snapshot.name.as_str(), saved_snapshot.votes.len()), (snapshot.as_str(), 1), "dots kept");

    // The open plan's own file is the open plan, not a second variant.
    let plan = std::sync::Arc::new(saved_open);
    assert!(!harness.state_mut().pin(open_name.clone(), plan, Some(open_file.clone())), "not pinned twice");
    assert_eq!(harness.state().document.pinned.len(), 1);
    assert!(matches!(&harness.state().document.dialog, Some(Dialog::Message(m)) if m.contains("er den åbne plan")));
    harness.state_mut().document.dialog = None;

    // Saving the open plan over the snapshot's file moves the snapshot, dot and all, first.
    assert!(harness.state_mut().save_to(&snapshot_file));
    let moved = harness.state().document.pinned[0].path.clone().unwrap();
    assert_ne!(moved, snapshot_file, "the snapshot moved to a file of its own");
    let kept = by_i_balance::io::load_plan(&moved, &table).unwrap();
    assert_eq!((kept.name.as_str(), kept.votes.len()), (snapshot.as_str(), 1), "with its dot");
    assert!(
        matches!(&harness.state().document.dialog, Some(Dialog::Message(m)) if m.contains(&moved.display().to_string())),
        "a message says where it went"
    );

    // The report tells the two apart by name.
    harness.state_mut().document.dialog = None;
    harness.state_mut().export_report();
    let done = harness.state().document.exports_finished.lock().unwrap().pop().unwrap().unwrap();
    let html = std::fs::read_to_string(done).unwrap();
    assert!(html.contains(&snapshot) && html.contains(&open_name), "the report names both variants");
}
