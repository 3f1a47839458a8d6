//! Property tests over random plans built on the 2016 baseline: whatever the plan does, no
//! count goes negative, persons are conserved up to the ledger's named flows, and the balance
//! score is the weighted mean of its components, all within 0–100.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::assets::{self, Library};
use by_i_balance::model::{
    Action, ActionKind, Effort, EffortKind, FacilityKind, FlexibleLetting, Group, Params, Plan, RuleSetId, Tenure,
};
use by_i_balance::sim::{self, COMPONENTS};
use proptest::prelude::*;

const AREAS: [&str; 11] = [
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

fn arb_action() -> impl Strategy<Value = Action> {
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
    (2016..2040u16, kind).prop_map(|(year, kind)| Action { year, kind, note: String::new() })
}

fn arb_effort() -> impl Strategy<Value = Effort> {
    (0..3usize, 0..AREAS.len(), 0.0..40.0f64, 2016..2040u16, 0..10u16).prop_map(|(k, a, count, from, span)| Effort {
        kind: EffortKind::ALL[k],
        area: AREAS[a].to_owned(),
        count,
        from_year: from,
        to_year: (from + span).min(2040),
    })
}

prop_compose! {
    fn arb_plan()(
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_plan_projects_with_sound_numbers(mut plan in arb_plan(), rules in 0..4usize) {
        let library = Library::load().expect("assets");
        let params = Params::resolve(&library.table, &plan.assumptions).expect("overrides within range");
        plan.rule_set = RuleSetId::ALL[rules];
        let p = sim::project(&plan, by_i_balance::engine::inputs(&library, &plan, &params));
        prop_assert_eq!(p.years.len(), 25);
        for area in &p.areas {
            for y in &area.years {
                for t in Tenure::ALL {
                    prop_assert!(y.homes[t] >= 0.0 && y.homes[t].is_finite(), "{} {} homes {}", area.id, y.year, y.homes[t]);
                }
                for g in Group::ALL {
                    prop_assert!(y.residents[g] >= 0.0 && y.residents[g].is_finite(), "{} {} {:?}", area.id, y.year, y.residents);
                }
                prop_assert!((0.0..=1.0).contains(&y.almen_family_share_168a));
                prop_assert!((0.0..=1.0).contains(&y.indicators.outside_work_share));
            }
        }
        // Nobody vanishes: residents, those displaced who wait for a home and those displaced
        // who left the municipality change only by the ledger's named flows.
        for (window, flows) in p.municipality.windows(2).zip(&p.ledger) {
            let people = |m: &by_i_balance::sim::MunicipalityYear| m.residents + m.awaiting_rehousing + m.left_municipality;
            let expected = people(&window[0]) + flows.births - flows.deaths + flows.moved_in - flows.moved_out;
            let scale = people(&window[0]).max(1.0);
            prop_assert!((people(&window[1]) - expected).abs() < 1e-6 * scale,
                "{}: {} people, the ledger says {}", window[1].year, people(&window[1]), expected);
            let waiting = window[1].awaiting_rehousing - window[0].awaiting_rehousing;
            prop_assert!((waiting - (flows.displaced - flows.left - flows.rehoused)).abs() < 1e-6 * scale,
                "{}: the displaced are rehoused, wait or leave", window[1].year);
            let left = window[1].left_municipality - window[0].left_municipality;
            prop_assert!((left - flows.left).abs() < 1e-6 * scale, "{}: who left stays counted", window[1].year);
            let named: f64 = flows.rehoused_to.iter().map(|m| m.persons).sum();
            prop_assert!((named - flows.rehoused).abs() < 1e-6 * scale, "every rehoused person has a named destination");
            prop_assert!(flows.rehoused >= 0.0 && flows.left >= 0.0);
        }
        for s in &p.score {
            prop_assert!((0.0..=100.0).contains(&s.total), "{} total {}", s.year, s.total);
            let mut weighted = 0.0;
            for c in COMPONENTS {
                let v = c.value(&s.components);
                prop_assert!((0.0..=100.0).contains(&v), "{} {} = {}", s.year, c.key(), v);
                weighted += c.weight_share(&params) * v;
            }
            prop_assert!((s.total - weighted).abs() < 1e-9, "{} total {} ≠ weighted {}", s.year, s.total, weighted);
        }
    }
}
