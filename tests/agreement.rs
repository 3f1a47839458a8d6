//! One figure, one function: for 50 random plans, the action cards, *Forklar*, the projector's
//! reveal, the report and `by-i-balance explain` show the same figures to the shown digit, and
//! the parts (with their interaction) and the components each sum exactly to the shown change.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

mod common;

use by_i_balance::app::{ChartTab, EditorTab, FileDialogs, Selection, WorkshopApp};
use by_i_balance::assets::Library;
use by_i_balance::explain::{Attribution, Part};
use by_i_balance::files::Workspace;
use by_i_balance::i18n::{Language, Translations};
use by_i_balance::model::Plan;
use by_i_balance::report::{ReportInput, Variant};
use by_i_balance::{bands, engine, statement, words};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

const YEAR: u16 = 2025;
const PLANS: usize = 50;

/// 50 valid random plans, the same every run.
fn plans(library: &Library) -> Vec<Plan> {
    let mut runner = TestRunner::deterministic();
    let strategy = common::arb_plan_shipped_assumptions();
    let mut plans = Vec::new();
    while plans.len() < PLANS {
        let plan = strategy.new_tree(&mut runner).expect("a plan").current();
        if plan.validate(&library.table).is_empty() {
            plans.push(plan);
        }
    }
    plans
}

fn app_harness(dir: &tempfile::TempDir) -> Harness<'static, WorkshopApp> {
    let mut app = WorkshopApp::with_visionsplan(Workspace::at(dir.path())).unwrap();
    app.document.dialogs = FileDialogs::InApp;
    app.view.year = YEAR;
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_ui_state(|ui, app: &mut WorkshopApp| by_i_balance::ui::main_ui(ui, app), app);
    by_i_balance::ui::setup(&harness.ctx);
    harness.run();
    harness
}

/// Waits for the session's worker to attribute the open plan.
fn wait_for_attribution(harness: &mut Harness<'static, WorkshopApp>) {
    for _ in 0..2000 {
        harness.state_mut().session.poll_worker();
        if harness.state().session.attribution().is_some() {
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the worker never attributed the plan");
}

fn has_label(harness: &Harness<'static, WorkshopApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// The report's explanation section for one plan.
fn report_html(library: &Library, plan: &Plan, attribution: &Attribution) -> String {
    let (params, _) = engine::resolve(library, plan);
    let projection = engine::project(library, plan);
    let bands = bands::bands(library, plan, 4, &|| false).unwrap();
    let baseline = engine::aligned_baseline(&engine::baseline_plan().unwrap(), plan);
    let baseline_projection = engine::project(library, &baseline);
    let input = ReportInput {
        variants: vec![Variant { plan, projection: &projection, params: &params, attribution, bands: &bands }],
        baseline: &baseline_projection,
        table: &library.table,
        cap: &library.cap,
        generated: "2026-11-29T12:00:00Z".into(),
        tr: Translations::shared().unwrap().tr(Language::Danish),
        indicator: by_i_balance::map::MapIndicator::default(),
        observed: &library.observed,
    };
    by_i_balance::report::workshop_report(&input)
}

#[test]
fn cards_forklar_reveal_report_and_explain_agree_on_every_figure() {
    let library = Library::load().unwrap();
    let tr = Translations::shared().unwrap().tr(Language::Danish);
    let baseline = engine::baseline_plan().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_harness(&dir);
    for (n, plan) in plans(&library).into_iter().enumerate() {
        let attribution = engine::attribute(&library, &plan, &baseline, &|| false).unwrap();
        let shown = attribution.shown(YEAR).unwrap();
        // The parts and their interaction, and the components, sum exactly to the change.
        assert_eq!(shown.parts.iter().sum::<i64>() + shown.interaction, shown.change.change, "plan {n}");
        assert_eq!(shown.change.components.iter().sum::<i64>(), shown.change.change, "plan {n}");
        assert_eq!(shown.change.to - shown.change.from, shown.change.change, "plan {n}");
        // explain: the JSON's figures are the shown ones.
        let projection = engine::project(&library, &plan);
        let json = statement::json(&attribution, &plan, &projection, YEAR, tr);
        let tenths = |v: &serde_json::Value| (v.as_f64().unwrap() * 10.0).round() as i64;
        assert_eq!(tenths(&json["change"]), shown.change.change, "plan {n}");
        assert_eq!(tenths(&json["interaction"]), shown.interaction, "plan {n}");
        let parts: Vec<i64> = json["parts"].as_array().unwrap().iter().map(|p| tenths(&p["points"])).collect();
        assert_eq!(parts, shown.parts, "plan {n}");
        let sentence = words::score_change(tr, &shown.change);
        // compare: the difference to the baseline is the shown change, one rounding.
        let base_projection = engine::project(&library, &engine::aligned_baseline(&baseline, &plan));
        let comparison =
            by_i_balance::compare::compare(&[("basis", &base_projection, &[]), ("plan", &projection, &[])], YEAR);
        assert_eq!((comparison.variants[1].difference * 10.0).round() as i64, shown.change.change, "plan {n}: compare");
        // The report says the same.
        let report = report_html(&library, &plan, &attribution);
        assert!(report.contains(&sentence), "plan {n}: the report lacks {sentence}");
        // The app: Forklar, the cards and the reveal, from the same plan.
        harness.state_mut().session.replace_plan(engine::baseline_plan().unwrap());
        harness.run_steps(2);
        harness.state_mut().freeze();
        harness.state_mut().session.replace_plan(plan.clone());
        harness.state_mut().reveal();
        assert_eq!(
            harness.state().room.projector.revealed.as_ref().map(|r| r.score.as_str()),
            Some(sentence.as_str()),
            "plan {n}: the reveal"
        );
        wait_for_attribution(&mut harness);
        assert_eq!(*harness.state().session.attribution().unwrap(), attribution, "plan {n}: the app's attribution");
        harness.state_mut().view.chart_tab = ChartTab::Explain;
        harness.run_steps(2);
        assert!(has_label(&harness, &sentence), "plan {n}: Forklar lacks {sentence}");
        check_a_card(&mut harness, &attribution, n);
    }
}

/// The card of the plan's first added action in an area says the part's figure as Forklar does.
fn check_a_card(harness: &mut Harness<'static, WorkshopApp>, attribution: &Attribution, n: usize) {
    let tr = Translations::shared().unwrap().tr(Language::Danish);
    let Some((i, area)) = attribution.parts.iter().enumerate().find_map(|(i, p)| match &p.part {
        Part::Action(a) => a.kind.area().map(|area| (i, area.to_owned())),
        _ => None,
    }) else {
        return;
    };
    let figure = words::part_effect(tr, attribution, i, YEAR);
    harness.state_mut().view.selection = Selection::Area(area.clone());
    harness.state_mut().view.editor_tab = EditorTab::Area;
    let revision = harness.state().session.revision();
    harness.run_steps(3);
    assert_eq!(
        harness.state().session.revision(),
        revision,
        "plan {n}: looking at the area changed the plan: {:?}",
        harness.state().session.last_change().map(|c| c.edit.clone())
    );
    let card = tr.fill("editor.effect", &[("year", &YEAR.to_string()), ("score", &figure), ("outside", "")]);
    let card_start = card.split("; ").next().unwrap().to_owned();
    assert!(has_label(harness, &card_start), "plan {n}: no card in {area} says {card_start}");
    // Forklar lists the twelve largest parts one by one, largest first, as the app does.
    let shown = attribution.shown(YEAR).unwrap();
    let mut order: Vec<usize> = (0..shown.parts.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(shown.parts[k].abs()));
    if order.iter().take(12).any(|&k| k == i) {
        assert!(has_label(harness, &figure), "plan {n}: Forklar does not say {figure} for the part");
    }
}

/// One definition of an action's effect: what the plan loses without it. For 50 random plans,
/// an action added in the workshop has, on its card, the change the room saw when it was added:
/// the projector's reveal of that change, to the shown digit, at several years.
#[test]
fn an_added_action_s_card_is_the_change_the_reveal_showed() {
    use by_i_balance::model::{Action, ActionKind, Tenure};
    let library = Library::load().unwrap();
    let tr = Translations::shared().unwrap().tr(Language::Danish);
    let baseline = engine::baseline_plan().unwrap();
    let estates = ["taastrupgaard", "gadehavegaard", "charlotteager"];
    let mut chance = by_i_balance::sim::Chance::new(25);
    let mut checked = 0;
    for (n, before) in plans(&library).into_iter().enumerate() {
        let mut after = before.clone();
        let area = estates[chance.below(estates.len())].to_owned();
        let count = (chance.between(10.0, 300.0)).round();
        #[allow(clippy::cast_possible_truncation)]
        let year = 2017 + chance.below(12) as u16;
        let kind = match chance.below(3) {
            0 => ActionKind::Sell { area, count },
            1 => ActionKind::Build { area, tenure: Tenure::OwnerOccupied, count, over_years: 1 },
            _ => ActionKind::Demolish { area, tenure: Tenure::AlmenFamily, count },
        };
        let id = after.add_action(Action::new(year, kind));
        if !after.validate(&library.table).is_empty() {
            continue;
        }
        let aligned = engine::aligned_baseline(&baseline, &after);
        let (from, to) = (engine::project(&library, &before), engine::project(&library, &after));
        let attribution = engine::attribute(&library, &after, &aligned, &|| false).unwrap();
        let part = attribution.action_part(id).expect("the added action is a part");
        for card_year in [2025, 2030, 2040] {
            let weights = by_i_balance::sim::COMPONENTS.map(|c| c.weight_share(&engine::resolve(&library, &after).0));
            let reveal = by_i_balance::explain::ScoreChange::between(
                from.score_in(card_year).unwrap(),
                to.score_in(card_year).unwrap(),
                weights,
            );
            let card = attribution.shown(card_year).unwrap().parts[part];
            assert_eq!(card, reveal.change, "plan {n}, {card_year}: card {card} against the reveal {}", reveal.change);
            assert_eq!(
                words::points(tr, card),
                words::points(tr, reveal.change),
                "plan {n}, {card_year}: the same words"
            );
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} of {PLANS} plans took the added action");
}
