//! Speed of the projection engine: the app re-projects on every edit, so a live slider needs
//! the Visionsplan projected 2016→2040 in at most 200 µs and a 1,000-area plan in 20 ms.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::assets::{self, Library};
use by_i_balance::model::{ActionKind, Params, Plan};
use by_i_balance::{engine, sim};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// The Visionsplan copied side by side until it has at least `areas` areas: every copy has its
/// own districts, institutions, actions and efforts, with ids suffixed by the copy's number.
fn synthetic_plan(areas: usize) -> Plan {
    let vision = assets::shipped_plan("visionsplan-2016.ron").expect("the Visionsplan ships");
    let per_copy = vision.municipality.areas.len();
    let copies = areas.div_ceil(per_copy);
    let mut plan = vision.clone();
    let m = &mut plan.municipality;
    m.areas.clear();
    m.districts.clear();
    m.institutions.clear();
    plan.actions.clear();
    plan.efforts.clear();
    let suffix = |id: &str, copy: usize| format!("{id}-{copy}");
    for copy in 0..copies {
        for area in &vision.municipality.areas {
            let mut area = area.clone();
            area.id = suffix(&area.id, copy);
            area.district = suffix(&area.district, copy);
            m.areas.push(area);
        }
        for district in &vision.municipality.districts {
            let mut district = district.clone();
            district.id = suffix(&district.id, copy);
            m.districts.push(district);
        }
        for inst in &vision.municipality.institutions {
            let mut inst = inst.clone();
            inst.id = suffix(&inst.id, copy);
            inst.district = suffix(&inst.district, copy);
            inst.catchment = inst.catchment.iter().map(|d| suffix(d, copy)).collect();
            m.institutions.push(inst);
        }
        for action in &vision.actions {
            let mut action = action.clone();
            match &mut action.kind {
                ActionKind::Demolish { area, .. }
                | ActionKind::Build { area, .. }
                | ActionKind::Sell { area, .. }
                | ActionKind::Convert { area, .. }
                | ActionKind::Merge { area, .. }
                | ActionKind::Facility { area, .. } => *area = suffix(area, copy),
                ActionKind::MoveInstitution { institution, district } => {
                    *institution = suffix(institution, copy);
                    *district = suffix(district, copy);
                }
                ActionKind::AssignProfile { district, .. } => *district = suffix(district, copy),
                ActionKind::MergeSchools { school, into } => {
                    *school = suffix(school, copy);
                    *into = suffix(into, copy);
                }
                ActionKind::SchoolProfile { school, .. } => *school = suffix(school, copy),
            }
            plan.actions.push(action);
        }
        for effort in &vision.efforts {
            let mut effort = effort.clone();
            effort.area = suffix(&effort.area, copy);
            plan.efforts.push(effort);
        }
    }
    plan
}

fn projection(c: &mut Criterion) {
    let library = Library::load().expect("assets load");
    let vision = assets::shipped_plan("visionsplan-2016.ron").expect("the Visionsplan ships");
    let params = Params::resolve(&library.table, &vision.assumptions).expect("assumptions resolve");
    let inputs = engine::inputs(&library, &vision, &params);
    c.bench_function("project visionsplan 2016-2040", |b| {
        b.iter(|| sim::project(black_box(&vision), inputs));
    });
    c.bench_function("resolve assumptions and project visionsplan", |b| {
        b.iter(|| engine::project(&library, black_box(&vision)));
    });
    let large = synthetic_plan(1000);
    assert!(large.validate(&library.table).is_empty(), "the synthetic plan is valid");
    let mut group = c.benchmark_group("large");
    group.sample_size(20);
    group.bench_function("project 1,000 areas 2016-2040", |b| {
        b.iter(|| sim::project(black_box(&large), inputs));
    });
    group.finish();
}

criterion_group!(benches, projection);
criterion_main!(benches);
