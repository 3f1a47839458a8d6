//! The workshop app driven as a participant would, by visible labels, without a GPU: each test
//! asserts on the plan, the projection and what the charts were given.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use by_i_balance::app::{FileDialogs, Selection, WorkshopApp, places};
use by_i_balance::files::Workspace;
use by_i_balance::i18n::Language;
use by_i_balance::model::{ActionKind, Tenure};
use by_i_balance::model::{Plan, PlanEdit};
use common::settle;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The app in a harness, keeping its files in a fresh folder (dropped with the test).
fn workshop_in(dir: &tempfile::TempDir) -> Harness<'static, WorkshopApp> {
    let mut app = WorkshopApp::with_visionsplan(Workspace::at(dir.path())).unwrap();
    app.document.dialogs = FileDialogs::InApp;
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_ui_state(|ui, app: &mut WorkshopApp| by_i_balance::ui::main_ui(ui, app), app);
    by_i_balance::ui::setup(&harness.ctx);
    harness.run();
    harness
}

fn centre_of(harness: &Harness<'_, WorkshopApp>, role: Role, label: &str) -> Pos2 {
    harness.get_by_role_and_label(role, label).rect().center()
}

/// Presses at `from`, moves to `to` over a few frames, and releases there.
fn drag(harness: &mut Harness<'_, WorkshopApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for i in 1..=4 {
        let t = i as f32 / 4.0;
        harness.hover_at(from + (to - from) * t);
        harness.step();
    }
    harness.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    harness.run();
}

/// The plan without its change log, to compare what it does.
fn content(plan: &Plan) -> Plan {
    Plan { change_log: Vec::new(), ..plan.clone() }
}

fn score_2025(app: &WorkshopApp) -> f64 {
    app.session.projection().score_in(2025).unwrap().total
}

#[test]
fn changing_an_areas_homes_reprojects_and_the_charts_follow() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    harness.get_by_role_and_label(Role::Button, "Charlotteager").click();
    harness.run();
    assert_eq!(harness.state().view.selection, Selection::Area("charlotteager".into()));
    assert_eq!(harness.state().feed.composition.name, "Charlotteager", "the composition chart follows the selection");
    let app = harness.state();
    let y = app.session.projection().year_index(2025).unwrap();
    let owned_before = app.session.projection().area("charlotteager").unwrap().years[y].homes[Tenure::OwnerOccupied];
    let residents_before: f64 = app.feed.composition.plan.iter().map(|g| g[y]).sum();
    let bar_before =
        app.feed.tenure.iter().find(|b| b.area == "charlotteager").unwrap().shares[Tenure::OwnerOccupied.index()];

    harness.get_by_role_and_label(Role::SpinButton, "Ejerboliger").set_value_accesskit(owned_before.round() + 200.0);
    harness.run();

    let app = harness.state();
    let built = app.session.plan().actions.iter().any(|a| {
        a.year == 2024
            && matches!(&a.kind, ActionKind::Build { area, tenure: Tenure::OwnerOccupied, count, .. }
                if area == "charlotteager" && (*count - 200.0).abs() < 0.5)
    });
    assert!(built, "the edit became a build of 200 owner-occupied homes carried out in 2024");
    let owned_after = app.session.projection().area("charlotteager").unwrap().years[y].homes[Tenure::OwnerOccupied];
    assert!((owned_after - owned_before.round() - 200.0).abs() < 0.5, "the projection shows the new homes in 2025");
    let residents_after: f64 = app.feed.composition.plan.iter().map(|g| g[y]).sum();
    assert!(residents_after > residents_before + 200.0, "the composition chart was given the new residents");
    let bar_after =
        app.feed.tenure.iter().find(|b| b.area == "charlotteager").unwrap().shares[Tenure::OwnerOccupied.index()];
    assert!(bar_after > bar_before, "the tenure chart was given the larger owner-occupied share");
    assert!(app.session.is_dirty());
}

#[test]
fn dragging_an_institution_onto_another_district_moves_it_from_the_chosen_year() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    let from = centre_of(&harness, Role::Button, "Charlotteskolen");
    let to = centre_of(&harness, Role::Button, "Gadehavegaard");
    let schools_before = harness.state().feed.schools.clone();
    let district_2024 =
        places::institution_district(harness.state().session.projection(), "charlotteskolen", 2024).map(str::to_owned);
    assert_ne!(district_2024.as_deref(), Some("gregersens"));
    drag(&mut harness, from, to);
    let app = harness.state();
    let plan = app.session.plan();
    let moved = plan.actions.iter().any(|a| {
        a.year == 2024
            && matches!(&a.kind, ActionKind::MoveInstitution { institution, district }
                if institution == "charlotteskolen" && district == "gregersens")
    });
    assert!(moved, "a move-institution action in 2024 was added: {:?}", app.session.undo_edits().collect::<Vec<_>>());
    let projection = app.session.projection();
    assert_eq!(places::institution_district(projection, "charlotteskolen", 2025), Some("gregersens"));
    assert_eq!(
        places::institution_district(projection, "charlotteskolen", 2024),
        district_2024.as_deref(),
        "not before 2025"
    );
    assert_ne!(app.feed.schools, schools_before, "the school chart was given the new pupil mix");
}

#[test]
fn dropping_a_profile_card_on_a_district_gives_it_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    let catalogue = by_i_balance::assets::profile_catalogue().unwrap();
    let year = harness.state().view.year;
    let projection = harness.state().session.projection().clone();
    let profile = catalogue
        .iter()
        .find(|p| places::district_profile(&projection, "taastrup", year) != Some(p.id.as_str()))
        .unwrap();
    let from = harness.get_by_label(&profile.name_da).rect().center();
    let to = centre_of(&harness, Role::Button, "Taastrup, øvrige");
    drag(&mut harness, from, to);
    let app = harness.state();
    assert_eq!(places::district_profile(app.session.projection(), "taastrup", 2025), Some(profile.id.as_str()));
    let p = app.session.projection();
    let d = p.districts.iter().find(|d| d.id == "taastrup").unwrap();
    assert_eq!(
        d.profile[p.year_index(2025).unwrap()].as_deref(),
        Some(profile.id.as_str()),
        "the engine sees it in 2025"
    );
    assert!(d.attractiveness[p.year_index(2025).unwrap()].profile > 0.0);
    assert_eq!(app.view.selection, Selection::District("taastrup".into()));
}

#[test]
fn adding_and_removing_an_action_changes_the_score_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    harness.get_by_role_and_label(Role::Button, "Taastrupgaard").click();
    harness.run();
    let original = harness.state().session.plan().clone();
    let score_before = score_2025(harness.state());
    harness.get_by_label("+ Tilføj").click();
    harness.run();
    let app = harness.state();
    let added = app.session.plan().actions.last().unwrap();
    assert_eq!(added.year, 2024);
    assert!(matches!(&added.kind, ActionKind::Demolish { area, tenure: Tenure::AlmenFamily, count }
        if area == "taastrupgaard" && *count == 100.0));
    assert_ne!(score_2025(app), score_before, "demolishing 100 homes moves the score");
    assert!(
        app.feed
            .score
            .plan
            .iter()
            .zip(&harness.state().feed.score.baseline)
            .all(|(p, b)| p.is_finite() && b.is_finite())
    );
    let text = "Nedrivning af 100 almene familieboliger i Taastrupgaard";
    assert!(harness.query_by_label(text).is_some(), "the action shows on the area's timeline in words");
    settle(&mut harness);
    harness.get_all_by_label("Fjern").last().unwrap().click();
    harness.run();
    assert_eq!(content(harness.state().session.plan()), content(&original), "removing the action gives back the plan");
    assert_eq!(harness.state().session.plan().change_log.len(), original.change_log.len() + 2, "both edits are logged");
    assert!((score_2025(harness.state()) - score_before).abs() < 1e-12);
}

#[test]
fn undo_and_redo_with_the_keyboard_and_a_slider_drag_is_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    harness.get_by_role_and_label(Role::Button, "Gadehavegaard").click();
    harness.run();
    let original = harness.state().session.plan().clone();
    let slider = harness.get_by_role_and_label(Role::Slider, "Almene familieboliger").rect();
    let steps_before = harness.state().session.undo_edits().count();
    drag(&mut harness, slider.center(), slider.center() + egui::vec2(slider.width() * 0.2, 0.0));
    let app = harness.state();
    assert_ne!(app.session.plan(), &original, "the drag changed the plan");
    let labels: Vec<_> = app.session.undo_edits().collect();
    assert_eq!(labels.len(), steps_before + 1, "one drag, one undo step: {labels:?}");
    let edited = app.session.plan().clone();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().session.plan(), &original, "Ctrl+Z takes the whole drag back");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().session.plan(), &edited, "Ctrl+Shift+Z does it again");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().session.plan(), &edited, "Ctrl+Y redoes too");
    let y = harness.state().session.projection().year_index(2025).unwrap();
    assert_eq!(
        harness.state().feed.score.plan[y],
        score_2025(harness.state()),
        "the score chart follows undo and redo"
    );
}

#[test]
fn switching_language_changes_every_text_and_the_number_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    let score = score_2025(harness.state());
    let danish = by_i_balance::i18n::format_number(score, 1, Language::Danish);
    assert!(danish.contains(','), "Danish decimals use a comma: {danish}");
    assert!(harness.query_by_label(&danish).is_some(), "the score shows as {danish}");
    assert!(harness.query_by_label("Filer").is_some());
    harness.get_by_label("Sprog").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(harness.state().view.language, Language::English);
    assert!(harness.query_by_label("File").is_some());
    assert!(harness.query_by_label("Filer").is_none(), "no Danish menu left");
    assert!(harness.query_by_label("Residents").is_some(), "the chart tabs are in English");
    let english = by_i_balance::i18n::format_number(score, 1, Language::English);
    assert!(harness.query_by_label(&english).is_some(), "the score shows as {english}");
}

#[test]
fn the_explanation_names_the_action_and_its_effect() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    harness.get_by_role_and_label(Role::Button, "Taastrupgaard").click();
    harness.run();
    harness.get_by_label("+ Tilføj").click();
    harness.run();
    harness.get_by_label("Forklar").click();
    for _ in 0..500 {
        harness.step();
        harness.state_mut().session.poll_worker();
        if harness.state().session.attribution().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(2);
    let attribution = harness.state_mut().session.attribution().expect("the worker finished");
    let y = attribution.year_index(2025).unwrap();
    let sum: f64 = attribution.parts.iter().map(|c| c.score[y]).sum::<f64>() + attribution.interaction(y);
    let app = harness.state();
    let total = score_2025(app) - app.session.baseline_projection().score_in(2025).unwrap().total;
    assert!((sum - total).abs() < 1e-9, "the parts and their interaction add up to plan − baseline: {sum} vs {total}");
    assert!(harness.query_by_label("Seneste ændring").is_some());
    let action = "Nedrivning af 100 almene familieboliger i Taastrupgaard (2024)";
    let lines: Vec<String> = harness
        .query_all_by_label_contains(action)
        .filter_map(|n| n.accesskit_node().label().or_else(|| n.value()))
        .collect();
    assert!(lines.len() >= 2, "the last change and the plan's parts both name the action: {lines:?}");
    assert!(
        lines.iter().any(|l| l.contains("uden for arbejde i Taastrupgaard") && l.contains("procentpoint i 2025")),
        "the part says what it did to the estate's outside-work share: {lines:?}"
    );
}

#[test]
fn frames_without_an_edit_do_not_reproject() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    let revision = harness.state().session.revision();
    let projection = std::sync::Arc::clone(harness.state().session.projection());
    harness.hover_at(Pos2::new(700.0, 400.0));
    harness.run_steps(5);
    harness.get_by_label("Boligtyper").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.session.revision(), revision);
    assert!(std::sync::Arc::ptr_eq(&projection, app.session.projection()), "the same projection is kept");
    assert_eq!(app.feed.revision, revision, "the chart feed was not rebuilt for a new plan");
}

#[test]
fn an_assumption_is_changed_marked_and_reset() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    harness.get_by_label("Antagelser").click();
    harness.run();
    let key = "job_finding_rate";
    let name = "Finder arbejde";
    let score_before = score_2025(harness.state());
    let shipped = harness.state().session.library().table.get(key).unwrap().value;
    harness.get_by_role_and_label(Role::SpinButton, name).set_value_accesskit(shipped * 1.5);
    harness.run();
    let app = harness.state();
    assert_eq!(app.session.plan().assumptions.get(key), Some(&(shipped * 1.5)), "the edit went into the plan");
    assert_ne!(score_2025(app), score_before, "and the projection uses it");
    assert!(harness.query_by_label("ændret").is_some(), "the changed value is marked");
    let reset = by_i_balance::i18n::format_number(shipped, 3, Language::Danish);
    let reset_label = format!("Nulstil til {reset}");
    harness.get_by_label(&reset_label).scroll_to_me();
    harness.run();
    harness.get_by_label(&reset_label).click();
    harness.run();
    assert!(harness.state().session.plan().assumptions.is_empty(), "reset removes the override");
    assert_eq!(score_2025(harness.state()), score_before);
}

#[test]
fn play_runs_the_years_and_stops_at_2040() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    harness.get_by_label("Afspil").click();
    harness.step();
    let start = harness.state().view.year;
    harness.run_steps(12);
    let app = harness.state();
    assert!(app.view.year > start, "the slider moved on from {start} to {}", app.view.year);
    assert_eq!(app.feed.year, app.view.year, "the charts follow the playing year");
    harness.state_mut().view.year = 2039;
    harness.run_steps(8);
    assert_eq!(harness.state().view.year, 2040);
    assert!(!harness.state().view.playing, "play stops at the horizon");
}

/// The bands take 200 projections and more: an edit's frame never waits for them. The frame
/// right after an edit is drawn without the band (saying it is being worked out), and the band
/// follows when the worker has it.
#[test]
fn an_edit_is_drawn_before_its_band_is_ready() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    let wait_for_bands = |harness: &mut Harness<'static, WorkshopApp>| {
        for _ in 0..4000 {
            harness.step();
            if harness.state().session.bands().is_some() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("the bands never came");
    };
    wait_for_bands(&mut harness);
    let score_band = |app: &WorkshopApp| app.feed.score.low.len();
    assert_eq!(score_band(harness.state()), 25, "the score chart has its band");
    harness.state_mut().session.apply(PlanEdit::MunicipalAllocation(0.4));
    harness.step();
    let app = harness.state();
    assert!(app.session.bands().is_none(), "the frame after the edit did not wait for its bands");
    assert_eq!(score_band(app), 0, "it was drawn without a band rather than with the old one");
    assert!(harness.query_by_label("Usikkerheden beregnes …").is_some(), "and says the band is on its way");
    wait_for_bands(&mut harness);
    harness.run_steps(2);
    assert_eq!(score_band(harness.state()), 25, "the band came after");
    assert!(harness.query_all_by_label_contains("80 % af kørslerne:").next().is_some());
}

/// A move that acts slowly says when it starts to show and what it is by the plan's last year,
/// never a bare ±0,0: a profile given in the slider's year does not yet show in that year's
/// score. One that shows for a while and is under 0,05 point again by then says so, never
/// "viser sig fra 2023, ±0,0 point i 2040".
#[test]
fn a_slow_move_says_when_it_shows_and_what_it_is_by_2040() {
    let dir = tempfile::tempdir().unwrap();
    let harness = workshop_in(&dir);
    slow_move_says_when_it_shows(harness, 2021, 2040);
}

/// A plan that starts in 2030 runs to 2044, and its slow moves say what they are by then.
#[test]
fn a_slow_move_in_a_later_plan_says_what_it_is_by_its_last_year() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    let library = by_i_balance::assets::Library::load().unwrap();
    let later = by_i_balance::restart::restart(&library, &content(harness.state().session.plan()), 2030).unwrap();
    assert_eq!(later.span().last, 2044);
    harness.state_mut().perform(by_i_balance::app::Pending::New(Box::new(later)));
    harness.run();
    slow_move_says_when_it_shows(harness, 2031, 2044);
}

/// Gives Hedehusene-Fløng a profile the year before `year`, looks at *Forklar* in `year`, and
/// checks its sentences name `last`.
fn slow_move_says_when_it_shows(mut harness: Harness<'static, WorkshopApp>, year: u16, last: u16) {
    harness.state_mut().view.year = year;
    harness.state_mut().view.chart_tab = by_i_balance::app::ChartTab::Explain;
    harness.state_mut().session.apply(PlanEdit::AssignProfile {
        district: "hedehusene-floeng".into(),
        profile: Some("groen".into()),
        year: year - 1,
    });
    for _ in 0..2000 {
        harness.step();
        if harness.state().session.attribution().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(2);
    let lines: Vec<String> = harness
        .query_all_by_label_contains("viser sig fra")
        .filter_map(|n| n.accesskit_node().label().or_else(|| n.value()))
        .collect();
    assert!(lines.len() >= 2, "the last change and the plan's part both say when they show: {lines:?}");
    for line in &lines {
        assert!(line.starts_with(&format!("under 0,05 point i {year}; viser sig fra 20")), "{line}");
        assert!(
            line.contains(&format!(" point i {last}"))
                || line.ends_with(&format!("men er under 0,05 point igen i {last}")),
            "and what it is by {last}: {line}"
        );
        assert!(!line.contains("±0,0"), "never a figure that contradicts \"viser sig\": {line}");
    }
}

#[test]
fn homes_demolished_before_2016_are_entered_in_the_area_tab_and_counted_under_168a() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    harness.get_by_role_and_label(Role::Button, "Taastrupgaard").click();
    harness.run();
    assert!(harness.query_by_label("Nedrevet 2011–2015, ikke erstattet:").is_some(), "the estate's field shows");
    let parts = |app: &WorkshopApp| {
        let p = app.session.projection();
        p.area("taastrupgaard").unwrap().years[p.year_index(2030).unwrap()].share_168a_parts
    };
    let before = parts(harness.state());
    harness.state_mut().session.apply(PlanEdit::DemolishedBefore2016 { area: "taastrupgaard".into(), homes: 100.0 });
    harness.run();
    let after = parts(harness.state());
    assert!(
        (after.demolished_counted - before.demolished_counted - 100.0).abs() < 1e-9,
        "the 100 homes are in the denominator"
    );
    assert!(after.share() < before.share(), "so the share as the law counts it falls");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(parts(harness.state()), before, "undo takes it back");
}

/// Types `text` into the `n`th number field labelled `label` and presses Enter, as a participant
/// does: a click puts the field into typing, which selects what it held.
fn type_number(harness: &mut Harness<'_, WorkshopApp>, label: &str, n: usize, text: &str) {
    harness.get_all_by_role_and_label(Role::SpinButton, label).nth(n).unwrap().click();
    harness.run();
    for c in text.chars() {
        harness.event(Event::Text(c.to_string()));
        harness.run();
    }
    harness.key_press(Key::Enter);
    harness.run();
}

/// Issue 25, item 7: a number typed into a field is one edit, made on Enter: typing 5000 into
/// the demolition in Taastrupgaard logs no "5 boliger" and "50 boliger" on the way, and, as the
/// estate has no 5,000 homes to demolish, it is refused and the plan stays as it was; typing 150
/// is one line in the change log.
#[test]
fn typing_a_number_is_one_edit_and_a_refused_one_leaves_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    harness.get_by_role_and_label(Role::Button, "Taastrupgaard").click();
    harness.run();
    let demolition = |app: &WorkshopApp| {
        app.session
            .plan()
            .actions
            .iter()
            .find_map(|a| match &a.kind {
                ActionKind::Demolish { area, count, .. } if area == "taastrupgaard" => Some(*count),
                _ => None,
            })
            .unwrap()
    };
    let before = content(harness.state().session.plan());
    assert_eq!(demolition(harness.state()), 188.0);
    // The first count in homes on the area's timeline is the demolition's (2018); the field is
    // named by its unit.
    let field = harness.get_all_by_role_and_label(Role::SpinButton, "boliger").next().unwrap();
    assert_eq!(field.accesskit_node().value().as_deref(), Some("188 boliger"));
    type_number(&mut harness, "boliger", 0, "5000");
    let app = harness.state();
    assert_eq!(content(app.session.plan()), before, "the refused 5000 left the plan as it was");
    assert!(
        app.session.plan().change_log.is_empty(),
        "nothing was logged on the way: {:?}",
        app.session.plan().change_log
    );
    assert!(app.session.refusal().is_some(), "the refusal is kept with its reason");
    assert!(harness.query_by_label_contains("Ændringen blev afvist").is_some(), "and shown in the editor");

    type_number(&mut harness, "boliger", 0, "150");
    let app = harness.state();
    assert_eq!(demolition(app), 150.0, "150 went in");
    assert_eq!(app.session.plan().change_log.len(), 1, "as one edit: {:?}", app.session.plan().change_log);
    let line = by_i_balance::words::change_entry(
        app.tr(),
        &app.session.plan().municipality,
        &app.session.plan().change_log[0],
    );
    assert!(line.contains("150") && !line.contains(" 15 ") && !line.contains(" 1 "), "{line}");
    assert!(harness.state_mut().session.undo(), "and one undo takes it back");
    assert_eq!(demolition(harness.state()), 188.0);
}

/// Issue 25, item 9: plain words. Undoing a changed action reads as one sentence ("Fortrudt:
/// tilbage til Nedrivning af 188 …"), never "Fortrudt: Ændret: …", in Forklar and in the Edit
/// menu; one dot is "1 prik"; a prevention area is never also "ikke på listen".
#[test]
fn undo_and_the_list_read_as_plain_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    let before = harness.state().session.plan().actions.iter().find(|a| a.id.0 == 14).unwrap().clone();
    let mut after = before.clone();
    after.set_count(150.0);
    assert!(harness.state_mut().session.apply(PlanEdit::ChangeAction { before, after }));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.state_mut().view.chart_tab = by_i_balance::app::ChartTab::Explain;
    // Forklar's spinner turns until the worker has the attribution of the plan as undone.
    wait_for_attribution(&mut harness);
    let undone = "Fortrudt: tilbage til Nedrivning af 188 almene familieboliger i Taastrupgaard (2018)";
    assert!(harness.query_by_label(undone).is_some(), "Forklar says what undo did in one sentence");
    assert!(harness.query_all_by_label_contains("Fortrudt: Ændret").next().is_none());
    harness.get_by_label("Rediger").click();
    harness.run();
    assert!(
        harness.query_by_label_contains("Gentag: Nedrivning af 150 almene familieboliger").is_some(),
        "the Edit menu says what redo makes again"
    );
    let tr = harness.state().tr();
    assert_eq!(by_i_balance::words::dots(tr, 1, true), "+ 1 prik");
    assert_eq!(by_i_balance::words::dots(tr, 3, false), "3 prikker");
    let prevention = by_i_balance::sim::Status {
        category: by_i_balance::model::Category::Forebyggelse,
        listed: false,
        consecutive_years: 0,
        list_margin: 0.5,
        judged: true,
    };
    let words = by_i_balance::words::status(tr, &prevention);
    assert!(words.starts_with("Forebyggelsesområde") && !words.contains("ikke på listen"), "{words}");
}

/// Issue 25, item 1: wherever a part's effect is shown, one sentence says what the number is —
/// on the area's action cards, and in Forklar for the last change and for the plan's parts
/// (which with their interaction add up to the plan against the Basisforløb).
#[test]
fn every_effect_says_what_its_number_is() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    harness.get_by_role_and_label(Role::Button, "Taastrupgaard").click();
    harness.run();
    let card = "Virkningen på et kort er, hvad planen mister uden denne handling i 2025.";
    assert!(harness.query_by_label(card).is_some(), "the cards say what their figure is");
    harness.state_mut().session.apply(PlanEdit::MunicipalAllocation(0.2));
    harness.state_mut().view.chart_tab = by_i_balance::app::ChartTab::Explain;
    wait_for_attribution(&mut harness);
    assert!(harness.query_by_label("Planen før og efter ændringen, i 2025.").is_some(), "the last change says it");
    let parts = "Hver dels tal er, hvad planen mister uden den i 2025. Delene plus samspillet giver tilsammen \
                 planen mod basisforløbet.";
    assert!(harness.query_by_label(parts).is_some(), "the plan's parts say it");
}

/// Steps the app until the worker has the attribution of the plan as it is (Forklar's spinner
/// turns until then), then lets it settle.
fn wait_for_attribution(harness: &mut Harness<'_, WorkshopApp>) {
    for _ in 0..2000 {
        harness.step();
        if harness.state().session.attribution().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(3);
}

/// The list judges each year by the law in force then; years after the one the room meets in
/// are judged by the last known law, and the list tab says so where it shows them: under the
/// table, in the law named beside its title, and in the criteria chart's legend.
#[test]
fn years_after_this_one_say_they_are_judged_by_the_last_known_law() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(&dir);
    harness.state_mut().view.this_year = 2026;
    harness.state_mut().view.chart_tab = by_i_balance::app::ChartTab::Status;
    harness.state_mut().view.selection = by_i_balance::app::Selection::Area("taastrupgaard".into());
    harness.run();
    let note = "Årene efter 2026 (2030, 2040) bedømmes efter den seneste kendte lov (2021)";
    assert!(harness.query_by_label_contains(note).is_some(), "the table's later years are labelled");
    assert!(
        harness.query_by_label("(loven, som den gjaldt hvert år; 2025: reglerne fra 2021)").is_some(),
        "2025's law is known"
    );
    assert!(harness.query_by_label("Fra 2027: den seneste kendte lov (2021)").is_some(), "the chart marks where");

    harness.state_mut().view.year = 2035;
    harness.run();
    let judged = "(Loven, som den gjaldt hvert år; 2035 bedømmes efter den seneste kendte lov (2021))";
    assert!(harness.query_by_label(judged).is_some(), "the slider's year says which law it assumes");

    // A room that meets in 2040 knows the law of every year the plan shows.
    harness.state_mut().view.this_year = 2040;
    harness.run();
    assert!(harness.query_by_label_contains("den seneste kendte lov").is_none());
}
