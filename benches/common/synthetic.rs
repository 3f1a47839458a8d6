//! Synthetic large plans for the benchmarks: a shipped plan copied side by side (beyond the
//! loader's limit of 1,000 areas if asked: only code builds such plans, no file can hold one).
//! (The frame benchmark's plan with a map is in `large_plan.rs`.)

use by_i_balance::assets;
use by_i_balance::model::{ActionKind, Plan};

/// The Visionsplan copied side by side until it has at least `areas` areas.
pub fn synthetic_plan(areas: usize) -> Plan {
    copied("visionsplan-2016.ron", areas)
}

/// The shipped plan `file` copied side by side until it has at least `areas` areas: every copy
/// has its own districts, institutions, actions and efforts, with ids suffixed by the copy's
/// number. Copies of two shipped plans with the same municipality share their municipality.
pub fn copied(file: &str, areas: usize) -> Plan {
    let base = assets::shipped_plan(file).expect("the plan ships");
    let per_copy = base.municipality.areas.len();
    let copies = areas.div_ceil(per_copy);
    let mut plan = base.clone();
    let m = &mut plan.municipality;
    m.areas.clear();
    m.districts.clear();
    m.institutions.clear();
    plan.actions.clear();
    plan.efforts.clear();
    let suffix = |id: &str, copy: usize| format!("{id}-{copy}");
    for copy in 0..copies {
        for area in &base.municipality.areas {
            let mut area = area.clone();
            area.id = suffix(&area.id, copy);
            area.district = suffix(&area.district, copy);
            m.areas.push(area);
        }
        for district in &base.municipality.districts {
            let mut district = district.clone();
            district.id = suffix(&district.id, copy);
            m.districts.push(district);
        }
        for inst in &base.municipality.institutions {
            let mut inst = inst.clone();
            inst.id = suffix(&inst.id, copy);
            inst.district = suffix(&inst.district, copy);
            inst.catchment = inst.catchment.iter().map(|d| suffix(d, copy)).collect();
            m.institutions.push(inst);
        }
        for action in &base.actions {
            let mut action = action.clone();
            match &mut action.kind {
                ActionKind::Demolish { area, .. }
                | ActionKind::Build { area, .. }
                | ActionKind::Sell { area, .. }
                | ActionKind::Convert { area, .. }
                | ActionKind::Merge { area, .. }
                | ActionKind::Empty { area, .. }
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
        for effort in &base.efforts {
            let mut effort = effort.clone();
            effort.area = suffix(&effort.area, copy);
            plan.efforts.push(effort);
        }
    }
    // The copies carry their original's action numbers: give every action its own.
    plan.number_actions();
    plan
}
