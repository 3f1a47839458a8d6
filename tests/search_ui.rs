//! *Hvad skal der til?* in the app, driven by visible labels on a laptop's screen: the room sets
//! a goal, searches, and sees plans in words; pins one for *Sammenlign* and opens another as the
//! plan without losing its own work; the projector shows the answer; Stop stops a search and
//! says so; a goal no lever within the limits can reach is named, with the closest plan.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use by_i_balance::app::room::ProjectorView;
use by_i_balance::app::search::SearchState;
use by_i_balance::app::{CentralView, FileDialogs, WorkshopApp};
use by_i_balance::files::Workspace;
use by_i_balance::model::{EffortKind, PlanEdit};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::time::{Duration, Instant};

/// The longest a search may take here (the bound is 30 s on the room's laptop; a test
/// build on a shared machine is given twice that).
const TIMEOUT: Duration = Duration::from_secs(60);

/// The app with the Basisforløb 2026 open on a laptop's screen, its files in `dir`.
fn workshop_in(dir: &std::path::Path, size: [f32; 2]) -> Harness<'static, WorkshopApp> {
    let plan = by_i_balance::assets::shipped_plan("basisforloeb-2026.ron").unwrap();
    let mut app = WorkshopApp::new(plan, Workspace::at(dir)).unwrap();
    app.document.dialogs = FileDialogs::InApp;
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut WorkshopApp| by_i_balance::ui::main_ui(ui, app), app);
    by_i_balance::ui::setup(&harness.ctx);
    harness.run();
    harness
}

/// Scrolls to the (first) widget with this label and clicks it.
fn click(harness: &mut Harness<'_, WorkshopApp>, label: &str) {
    harness.get_all_by_label(label).next().unwrap_or_else(|| panic!("no '{label}' on screen")).scroll_to_me();
    harness.run();
    harness.get_all_by_label(label).next().unwrap().click();
    harness.run();
}

/// Opens the panel and sets the goal: Gadehavegaard at or under the § 168 a cap.
fn open_with_gadehavegaard(harness: &mut Harness<'_, WorkshopApp>) {
    click(harness, "Hvad skal der til?");
    assert_eq!(harness.state().view.central, CentralView::Search);
    harness.get_by_role_and_label(Role::ComboBox, "Højst 40 % almene familieboliger (§ 168 a) i").click();
    harness.run();
    let option = harness
        .get_all_by_label("Gadehavegaard")
        .find(|n| n.accesskit_node().role() != Role::CheckBox)
        .expect("Gadehavegaard is offered");
    option.click();
    harness.run();
    let form = &harness.state().search_form;
    assert!(form.cap && form.cap_area == "gadehavegaard" && form.cap_year == 2030, "{form:?}");
}

/// Runs frames until `done` holds of the app, or panics after [`TIMEOUT`]. Returns the time.
fn wait_for(harness: &mut Harness<'_, WorkshopApp>, what: &str, done: impl Fn(&WorkshopApp) -> bool) -> Duration {
    let started = Instant::now();
    while !done(harness.state()) {
        assert!(started.elapsed() < TIMEOUT, "{what}: not within {TIMEOUT:?}");
        std::thread::sleep(Duration::from_millis(25));
        harness.run();
    }
    harness.run();
    started.elapsed()
}

fn finished(app: &WorkshopApp) -> bool {
    app.search.as_ref().is_some_and(|job| !job.running())
}

/// While the search still runs: that a plan meets the goals, the best so far, and *Stop*.
fn the_room_hears_of_the_first_plan_at_once(harness: &Harness<'_, WorkshopApp>) {
    assert!(harness.query_by_label("Fundet en plan, der når målene").is_some(), "the room hears of it at once");
    let best = harness.query_by_label_contains("Bedste indtil nu: ");
    let best = best.and_then(|node| node.value()).unwrap_or_default();
    assert!(
        best.contains("beboere fordrevet af planens tilføjelser") && best.contains("balancescore 2030: "),
        "the best so far: {best}"
    );
    assert!(harness.query_by_label("Stop søgningen").is_some(), "and can still stop");
}

#[test]
fn a_search_finds_plans_to_pin_and_to_open_without_losing_the_room_s_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path(), [1366.0, 768.0]);
    open_with_gadehavegaard(&mut harness);
    click(&mut harness, "Søg efter planer");
    assert!(harness.state().search.as_ref().unwrap().running());
    let first = wait_for(&mut harness, "a plan meeting the goal", |app| {
        finished(app)
            || matches!(app.search.as_ref().unwrap().state, SearchState::Running { progress, .. } if progress.found)
    });
    if !finished(harness.state()) {
        the_room_hears_of_the_first_plan_at_once(&harness);
    }
    let answered = first + wait_for(&mut harness, "the answer", finished);
    println!("first plan meeting the goal after {first:.1?}, the answer after {answered:.1?}");

    let words = harness.state().search_words().unwrap();
    assert!(words.plans.len() >= 3, "3–5 plans: {:?}", words.plans);
    let plan = &words.plans[0];
    assert!(plan.title.starts_with(&format!("Plan 1 af {} – ", words.plans.len())), "says why: {}", plan.title);
    for line in [&plan.title, &plan.summary] {
        let shown = harness.get_by_label(line);
        assert!(shown.rect().right() <= 1366.0, "'{line}' wraps within the window: {:?}", shown.rect());
    }
    assert!(
        plan.summary.contains("beboere fordrevet af planens tilføjelser") && plan.summary.contains("balancescore 2030")
    );
    assert!(plan.goals.iter().all(|g| g.ends_with("(nået)")), "every plan meets the goal: {:?}", plan.goals);
    assert!(harness.query_by_label(&format!("• {}", plan.goals[0])).is_some());
    assert!(plan.parts.len() >= 2 && plan.parts[0].contains("point"), "its parts with points: {:?}", plan.parts);
    assert!(harness.query_by_label(&format!("– {}", plan.parts[0])).is_some());
    assert!(words.uses.len() >= 2, "how often each lever is used: {:?}", words.uses);
    assert!(words.uses[1].contains(" af "), "{}", words.uses[1]);
    assert!(harness.query_by_label(&format!("• {}", words.uses[1])).is_some());

    // Pinned as a variant, it is in Sammenlign.
    click(&mut harness, "Fastgør som variant");
    let name = "Basisforløb 2026 – Hvad skal der til?, plan 1";
    let pinned: Vec<&str> = harness.state().document.pinned.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(pinned, [name]);
    assert!(harness.query_by_label("Fastgjort i Sammenlign").is_some());
    click(&mut harness, "Sammenlign");
    assert!(harness.query_by_label(&format!("{name} – fjern")).is_some(), "Sammenlign shows the pinned plan");

    // The projector shows the answer too.
    harness.state_mut().room.projector.views = vec![ProjectorView::Search];
    click(&mut harness, "Åbn projektor");
    assert!(harness.query_by_label(&plan.summary).is_some(), "the projector shows the plans");
    click(&mut harness, "Luk projektor");

    // The room's own work, not yet saved, is asked about before a found plan replaces it.
    click(&mut harness, "Hvad skal der til?");
    let edit =
        PlanEdit::Effort { kind: EffortKind::JobConsultants, area: "taastrupgaard".into(), year: 2027, count: 3.0 };
    assert!(harness.state_mut().session.apply(edit));
    harness.run();
    assert!(harness.query_by_label_contains("Den åbne plan er ændret, siden søgningen begyndte").is_some());
    let own = harness.state().session.plan().clone();
    let second = harness.get_all_by_label("Åbn som plan").nth(1).unwrap();
    second.scroll_to_me();
    harness.run();
    harness.get_all_by_label("Åbn som plan").nth(1).unwrap().click();
    harness.run();
    assert!(harness.query_by_label("Ændringer er ikke gemt").is_some(), "unsaved work is asked about");
    click(&mut harness, "Annuller");
    assert_eq!(harness.state().session.plan(), &own, "cancel keeps the room's plan");

    harness.get_all_by_label("Åbn som plan").nth(1).unwrap().click_accesskit();
    harness.run();
    click(&mut harness, "Gem");
    harness.get_by_role_and_label(Role::TextInput, "Navn").set_text_value_accesskit("Vores plan");
    harness.run();
    click(&mut harness, "Gem");
    let saved = dir.path().join("saves/vores-plan.ron");
    let on_disk = by_i_balance::io::load_plan(&saved, &by_i_balance::assets::param_table().unwrap()).unwrap();
    assert_eq!(on_disk.efforts, own.efforts, "the room's work was saved first");
    let app = harness.state();
    assert_eq!(app.session.plan().name, "Basisforløb 2026 – Hvad skal der til?, plan 2");
    assert!(app.session.is_dirty(), "the found plan is unsaved work");
    assert!(app.document.path.is_none());
    let done = app.search.as_ref().unwrap().answer().unwrap();
    let base_actions = done.outcome.plans[1].plan.actions.len();
    assert_eq!(app.session.plan().actions.len(), base_actions, "it is the plan found, action for action");
}

#[test]
fn stop_stops_a_running_search_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path(), [1280.0, 720.0]);
    open_with_gadehavegaard(&mut harness);
    click(&mut harness, "Søg efter planer");
    assert!(harness.query_by_label_contains("Afprøvet").is_some(), "the progress shows");
    click(&mut harness, "Stop søgningen");
    let took = wait_for(&mut harness, "the search to stop", finished);
    println!("stopped after {took:.1?}");
    assert!(matches!(harness.state().search.as_ref().unwrap().state, SearchState::Stopped));
    assert!(harness.query_by_label("Søgningen blev stoppet, før den havde et svar.").is_some());
    assert!(harness.query_by_label("Søg efter planer").is_some(), "the room can search again");
}

#[test]
fn a_goal_out_of_reach_is_named_and_the_closest_plan_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path(), [1280.0, 720.0]);
    open_with_gadehavegaard(&mut harness);
    // Job consultants change who lives in the estate, not its homes.
    for lever in by_i_balance::search::LeverKind::ALL {
        if lever != by_i_balance::search::LeverKind::JobConsultants {
            let tr = harness.state().tr();
            let label = by_i_balance::search::answer::lever_kind(tr, lever);
            harness.get_by_role_and_label(Role::CheckBox, &label).click();
            harness.run();
        }
    }
    assert_eq!(harness.state().search_form.levers, [by_i_balance::search::LeverKind::JobConsultants]);
    click(&mut harness, "Søg efter planer");
    // The search goes on while the laptop shows the map (the projector may be showing it).
    click(&mut harness, "Kort");
    let took = wait_for(&mut harness, "the answer", finished);
    println!("answered after {took:.1?}");
    click(&mut harness, "Hvad skal der til?");
    let out = harness
        .query_by_label_contains(
            "Ingen plan inden for grænserne når målene. Uden for rækkevidde: Gadehavegaard højst 40 %",
        )
        .expect("the goal out of reach is named");
    assert!(out.rect().right() <= 1280.0);
    assert!(harness.query_by_label("Den plan, der kom nærmest:").is_some(), "the closest plan is shown");
    assert!(
        harness.query_by_label("Åbn som plan").is_some() && harness.query_by_label("Fastgør som variant").is_some()
    );
    let words = harness.state().search_words().unwrap();
    assert_eq!(words.plans.len(), 1, "only the closest");
    assert!(words.plans[0].goals[0].ends_with("(ikke nået)"), "{:?}", words.plans[0].goals);
}
