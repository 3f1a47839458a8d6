//! The shared harness of the integration tests: random plans built on the 2016 baseline
//! (actions of every kind, efforts, letting rules, and optionally assumption overrides), and the
//! shipped library; and for the tests that drive the app, waiting for its worker. `mod common;`
//! in a test file brings it in.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)] // Each test file uses part of it.

use by_i_balance::assets;
use by_i_balance::model::{Action, ActionKind, Effort, EffortKind, FacilityKind, FlexibleLetting, Plan, Tenure};
use proptest::prelude::*;

pub const AREAS: [&str; 11] = [
    "taastrupgaard",
    "kjeld-abells-oevrige",
    "gadehavegaard",
    "gregersens-oevrige",
    "charlotteager",
    "hartmanns-oevrige",
    "naerheden",
    "hoeje-taastrup-c",
    "taastrup-oevrige",
    "hedehusene-floeng",
    "landsbyerne",
];
const DISTRICTS: [&str; 4] = ["kjeld-abells", "gregersens", "hartmanns", "naerheden"];
const PROFILES: [&str; 4] = ["kultur", "viden", "science", "sport"];
const SCHOOLS: [&str; 4] = ["gadehaveskolen", "selsmoseskolen", "charlotteskolen", "hedehusene-skole"];

fn arb_tenure() -> impl Strategy<Value = Tenure> {
    (0..Tenure::ALL.len()).prop_map(|i| Tenure::ALL[i])
}

pub fn arb_action() -> impl Strategy<Value = Action> {
    let area = (0..AREAS.len()).prop_map(|i| AREAS[i].to_owned());
    let count = 0.0..1500.0f64;
    let kind = prop_oneof![
        (area.clone(), arb_tenure(), count.clone())
            .prop_map(|(area, tenure, count)| { ActionKind::Demolish { area, tenure, count } }),
        (area.clone(), arb_tenure(), count.clone(), 1..6u16)
            .prop_map(|(area, tenure, count, over_years)| ActionKind::Build { area, tenure, count, over_years }),
        (area.clone(), count.clone()).prop_map(|(area, count)| ActionKind::Sell { area, count }),
        (area.clone(), arb_tenure(), arb_tenure(), count.clone())
            .prop_map(|(area, from, to, count)| ActionKind::Convert { area, from, to, count }),
        (area.clone(), arb_tenure(), count.clone())
            .prop_map(|(area, tenure, count)| { ActionKind::Merge { area, tenure, count } }),
        (area, 0..3usize, 0.0..20_000.0f64).prop_map(|(area, f, area_m2)| ActionKind::Facility {
            area,
            facility: FacilityKind::ALL[f],
            area_m2
        }),
        (0..DISTRICTS.len(), 0..PROFILES.len()).prop_map(|(d, p)| ActionKind::AssignProfile {
            district: DISTRICTS[d].to_owned(),
            profile: Some(PROFILES[p].to_owned())
        }),
        (0..SCHOOLS.len(), 0..SCHOOLS.len())
            .prop_map(|(a, b)| ActionKind::MergeSchools { school: SCHOOLS[a].to_owned(), into: SCHOOLS[b].to_owned() }),
        (0..SCHOOLS.len(), 0..DISTRICTS.len()).prop_map(|(s, d)| ActionKind::MoveInstitution {
            institution: SCHOOLS[s].to_owned(),
            district: DISTRICTS[d].to_owned()
        }),
    ];
    (2016..2040u16, kind).prop_map(|(year, kind)| Action::new(year, kind))
}

pub fn arb_effort() -> impl Strategy<Value = Effort> {
    (0..3usize, 0..AREAS.len(), 0.0..40.0f64, 2016..2040u16, 0..10u16).prop_map(|(k, a, count, from, span)| Effort {
        kind: EffortKind::ALL[k],
        area: AREAS[a].to_owned(),
        count,
        from_year: from,
        to_year: (from + span).min(2040),
    })
}

prop_compose! {
    /// A random plan on the Basisforløb, with random overrides of two assumptions.
    pub fn arb_plan()(
        actions in prop::collection::vec(arb_action(), 0..10),
        efforts in prop::collection::vec(arb_effort(), 0..4),
        municipal in 0.0..1.0f64,
        joint in prop::option::of(2016..2040u16),
        flexible in prop::collection::vec((0..AREAS.len(), 0.0..1.0f64, 2016..2040u16), 0..3),
        selective_exit in 0.0..2.0f64,
        intake_sensitivity in 0.0..3.0f64,
    ) -> Plan {
        let mut plan = assets::shipped_plan("basisforloeb-2016.ron").expect("ships");
        plan.actions.extend(actions);
        plan.efforts = efforts;
        plan.letting.municipal_allocation_share = municipal;
        plan.letting.joint_allocation_from = joint;
        plan.letting.flexible = flexible
            .into_iter()
            .map(|(a, share, from_year)| FlexibleLetting { area: AREAS[a].to_owned(), share, from_year })
            .collect();
        plan.assumptions.insert("selective_exit".into(), selective_exit);
        plan.assumptions.insert("intake_sensitivity".into(), intake_sensitivity);
        plan
    }
}

prop_compose! {
    /// A random plan on the Basisforløb that keeps the shipped assumptions.
    pub fn arb_plan_shipped_assumptions()(mut plan in arb_plan()) -> Plan {
        plan.assumptions.clear();
        plan
    }
}

/// Runs frames until the worker has the attribution and the bands of this revision, so that
/// nothing changes on screen afterwards but what the test does (a click aimed at a label cannot
/// land on a line that moved when the effects arrived).
pub fn settle(harness: &mut egui_kittest::Harness<'_, by_i_balance::app::WorkshopApp>) {
    for _ in 0..2_000 {
        harness.run();
        let session = &harness.state().session;
        if session.attribution().is_some() && session.bands().is_some() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the worker never finished this revision");
}

/// A projection of `plan` with the economy and the letting rules as they were in 2016 (no
/// history) and households that keep their size: the counterfactual the calibration holds
/// steady.
pub fn project_without_history(plan: &Plan) -> by_i_balance::sim::Projection {
    let library = by_i_balance::assets::Library::load().expect("shipped assets load");
    let mut plan = plan.clone();
    plan.assumptions.insert("almen_household_size_change".into(), 0.0);
    let (params, _) = by_i_balance::engine::resolve(&library, &plan);
    let flat = by_i_balance::model::History::flat();
    let inputs = by_i_balance::engine::inputs(&library, &plan, &params);
    by_i_balance::sim::project(&plan, by_i_balance::sim::Inputs { history: &flat, ..inputs })
}

/// Decodes standard base64 (the report's embedded images).
pub fn unbase64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let values: Vec<u32> =
        text.bytes().filter(|b| *b != b'=').map(|b| ALPHABET.iter().position(|a| *a == b).unwrap() as u32).collect();
    let mut out = Vec::new();
    for chunk in values.chunks(4) {
        let n = chunk.iter().enumerate().fold(0, |n, (i, v)| n | (v << (18 - 6 * i)));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

/// Checks that a workshop report is well-formed markup and that so is every SVG image it
/// embeds; returns how many images it checked, or the first fault in words.
pub fn report_is_well_formed(html: &str) -> Result<usize, String> {
    let doc = roxmltree::Document::parse(html.trim_start_matches("<!DOCTYPE html>"))
        .map_err(|e| format!("the report is not well-formed: {e}"))?;
    let mut images = 0;
    for img in doc.descendants().filter(|n| n.tag_name().name() == "img") {
        let Some(data) = img.attribute("src").and_then(|s| s.strip_prefix("data:image/svg+xml;base64,")) else {
            continue;
        };
        let svg = String::from_utf8(unbase64(data)).map_err(|e| format!("an image is not UTF-8: {e}"))?;
        roxmltree::Document::parse(&svg).map_err(|e| format!("an SVG image is not well-formed: {e}"))?;
        images += 1;
    }
    Ok(images)
}
