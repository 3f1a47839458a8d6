//! Plan files survive being saved: load → save → load gives the same plan, and saving again
//! gives the same bytes, for every shipped plan and for random valid plans. Files of every
//! earlier format open.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use by_i_balance::assets::{self, SHIPPED_PLANS};
use by_i_balance::io;
use by_i_balance::model::{
    Action, ActionKind, ChangeEntry, Coordinates, Effort, EffortKind, FORMAT_VERSION, MapSource, Plan, PlanEdit,
    RuleSetId, Tenure,
};
use proptest::prelude::*;

fn round_trip(plan: &Plan, dir: &std::path::Path) {
    let path = dir.join("plan.ron");
    io::save_plan(&path, plan).unwrap();
    let first = std::fs::read(&path).unwrap();
    let loaded = io::load_plan(&path, &by_i_balance::assets::param_table().unwrap()).unwrap();
    assert_eq!(&loaded, plan, "load → save → load gives the same plan");
    io::save_plan(&path, &loaded).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first, "a second save gives the same bytes");
    assert!(dir.join("plan.ron.bak").is_file(), "the previous version is kept as a backup");
}

#[test]
fn every_shipped_plan_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    for shipped in &SHIPPED_PLANS {
        let plan = assets::shipped_plan(shipped.file_name).unwrap();
        assert_eq!(plan.format_version, FORMAT_VERSION);
        round_trip(&plan, dir.path());
    }
}

#[test]
fn shipped_plans_are_stored_in_the_current_format() {
    for shipped in &SHIPPED_PLANS {
        let plan = assets::shipped_plan(shipped.file_name).unwrap();
        assert_eq!(io::plan_to_ron(&plan).unwrap(), shipped.text, "{} is not normalised", shipped.file_name);
    }
}

#[test]
fn files_of_every_earlier_format_open_and_upgrade() {
    // The shipped plan differs from an upgraded one only by the short names for the map.
    let mut shipped = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    shipped.municipality.areas.iter_mut().for_each(|a| a.short_name.clear());
    shipped.municipality.districts.iter_mut().for_each(|d| d.short_name.clear());
    for version in 1..FORMAT_VERSION {
        // Files before format 5 chose the 2021 rules; the shipped plan judges by the law in force.
        shipped.rule_set = if version < 5 { RuleSetId::Y2021 } else { RuleSetId::InForce };
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/fixtures/format-{version}-visionsplan.ron"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("no fixture for format {version}: {e}"));
        assert!(text.contains(&format!("format_version: {version},")), "the fixture is a format-{version} file");
        let mut plan = io::load_plan(&path, &by_i_balance::assets::param_table().unwrap()).unwrap();
        assert_eq!(plan.format_version, FORMAT_VERSION, "format {version} is migrated on opening");
        plan.municipality.areas.iter_mut().for_each(|a| a.short_name.clear());
        plan.municipality.districts.iter_mut().for_each(|d| d.short_name.clear());
        assert!(plan.change_log.is_empty() && plan.comments.is_empty());
        assert_eq!(plan, shipped, "format {version} gives the shipped plan in the current format");
    }
}

#[test]
fn a_format_4_plan_gets_one_id_per_action_and_projects_as_before() {
    let library = assets::Library::load().unwrap();
    let text = std::fs::read_to_string("tests/fixtures/format-4-visionsplan.ron").unwrap();
    assert!(text.contains("format_version: 4,") && !text.contains("id: 1,"), "the fixture is a format 4 file");
    let old = io::parse_plan(&text).unwrap();
    let mut ids: Vec<_> = old.actions.iter().map(|a| a.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), old.actions.len(), "every action has an id of its own, so undo and Forklar can name it");
    let mut shipped = io::parse_plan(&std::fs::read_to_string("saves/visionsplan-2016.ron").unwrap()).unwrap();
    shipped.rule_set = RuleSetId::Y2021; // as the format 4 file chose
    let project = |plan: &Plan| by_i_balance::engine::project(&library, plan);
    assert_eq!(project(&old), project(&shipped), "the format 4 Visionsplan projects as the shipped one");
}

#[test]
fn a_format_3_plan_opens_saves_in_the_current_format_and_projects_identically() {
    let dir = tempfile::tempdir().unwrap();
    let library = assets::Library::load().unwrap();
    let text = std::fs::read_to_string("tests/fixtures/format-3-visionsplan.ron").unwrap();
    let old = io::parse_plan(&text).unwrap();
    assert_eq!(
        old.municipality.map,
        MapSource::Shipped("hoeje-taastrup".into()),
        "the shipped rectangles become the map"
    );
    assert!(old.municipality.areas.iter().all(|a| a.legacy_shape.is_empty()), "no area keeps a rectangle");
    let path = dir.path().join("upgraded.ron");
    io::save_plan(&path, &old).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains(&format!("format_version: {FORMAT_VERSION},")) && !saved.contains("shape:"), "{saved}");
    let reopened = io::load_plan(&path, &by_i_balance::assets::param_table().unwrap()).unwrap();
    let project = |plan: &Plan| by_i_balance::engine::project(&library, plan);
    assert_eq!(project(&reopened), project(&old), "the projection does not change with the format");
    assert_eq!(reopened, old);
}

#[test]
fn rectangles_of_a_plan_s_own_stay_a_schematic_map_and_early_format_4_files_get_their_map() {
    let text = std::fs::read_to_string("tests/fixtures/format-3-visionsplan.ron").unwrap();
    let own = text.replacen("(0.64, 0.64)", "(0.6, 0.6)", 1);
    let plan = io::parse_plan(&own).unwrap();
    let MapSource::Embedded(data) = &plan.municipality.map else { panic!("{:?}", plan.municipality.map) };
    assert_eq!(data.coordinates, Coordinates::Schematic);
    assert_eq!(data.areas.len(), plan.municipality.areas.len(), "every rectangle is kept");
    assert_eq!(data.areas[0].polygons[0][0][0], [0.6, 0.6]);
    let dir = tempfile::tempdir().unwrap();
    round_trip(&plan, dir.path());
    // A format-4 file from before the map (rectangles still in the areas) gets its map too.
    let early_4 = io::parse_plan(&text.replace("format_version: 3,", "format_version: 4,")).unwrap();
    assert_eq!(early_4.municipality.map, MapSource::Shipped("hoeje-taastrup".into()));
}

fn random_plan() -> impl Strategy<Value = Plan> {
    let areas = ["taastrupgaard", "gadehavegaard", "charlotteager", "naerheden", "landsbyerne"];
    (
        "[A-Za-zÆØÅæøå0-9 ,.'\"-]{1,30}",
        "[A-Za-zÆØÅæøå \\n\"\\\\{}()]{0,60}",
        prop::collection::vec((0..areas.len(), 2016u16..2040, 1.0f64..500.0, 1u16..4), 0..6),
        prop::collection::vec((0..areas.len(), 0.0f64..20.0, 2016u16..2030), 0..4),
        0.0f64..1.0,
        prop::collection::vec(("[a-z ]{1,20}", 0u32..100_000), 0..4),
        prop::option::of(0.0f64..0.3),
    )
        .prop_map(move |(name, notes, builds, efforts, allocation, log, job_rate)| {
            let mut plan = assets::shipped_plan("visionsplan-2016.ron").unwrap();
            plan.name = name;
            plan.notes = notes;
            for (area, year, count, over) in builds {
                let over_years = over.min(2041 - year);
                let kind =
                    ActionKind::Build { area: areas[area].into(), tenure: Tenure::OwnerOccupied, count, over_years };
                plan.actions.push(Action::new(year, kind));
            }
            for (area, count, from_year) in efforts {
                plan.efforts.push(Effort {
                    kind: EffortKind::SocialWorkers,
                    area: areas[area].into(),
                    count,
                    from_year,
                    to_year: 2040,
                });
            }
            // Every plan the app holds has its actions numbered (the loader and each edit do it).
            plan.number_actions();
            plan.letting.municipal_allocation_share = allocation;
            plan.change_log = log
                .into_iter()
                .map(|(text, seconds)| ChangeEntry {
                    time: format!("2026-11-26T00:00:{:02}Z", seconds % 60),
                    // Since format 5 an entry keeps the edit itself; older ones only their words.
                    edit: (seconds % 2 == 0).then(|| PlanEdit::Notes(text.clone())),
                    text,
                })
                .collect();
            if let Some(rate) = job_rate {
                plan.assumptions.insert("job_finding_rate".into(), rate);
            }
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn random_valid_plans_round_trip(plan in random_plan()) {
        let table = assets::param_table().unwrap();
        prop_assert!(plan.validate(&table).is_empty(), "{:?}", plan.validate(&table));
        let dir = tempfile::tempdir().unwrap();
        round_trip(&plan, dir.path());
    }
}
