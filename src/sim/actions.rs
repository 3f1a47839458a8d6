//! The plan's actions carried out in a year: demolition and merging (which displace their
//! residents), building, sales and conversions (residents stay), facilities, and the moves of
//! institutions, profiles and schools. Each changes the stock from 1 January of the next year.

use super::cohort::{Cohort, ratio};
use super::schedule::Step;
use super::state::{AreaState, Simulation};
use crate::model::{AreaKind, FacilityKind, InstitutionKind, Tenure};

/// A usable count: at most what is there.
fn usable(count: f64, available: f64) -> f64 {
    count.clamp(0.0, available.max(0.0))
}

/// Removes capacity from an area and displaces the residents it housed: homes standing empty
/// go first, then occupied ones.
fn displace(area: &mut AreaState, tenure: Tenure, capacity_removed: f64) -> Cohort {
    let from_empty = capacity_removed.min(area.empty[tenure]).max(0.0);
    area.empty[tenure] -= from_empty;
    let lettable_before = area.lettable().total();
    area.capacity[tenure] = (area.capacity[tenure] - capacity_removed).max(0.0);
    area.new_capacity[tenure] = area.new_capacity[tenure].min(area.capacity[tenure]);
    take_residents(area, capacity_removed - from_empty, lettable_before)
}

/// The residents of `capacity` of the area's let homes (of `lettable` in all), taken out.
fn take_residents(area: &mut AreaState, capacity: f64, lettable: f64) -> Cohort {
    let occupancy = ratio(area.residents.total(), lettable).min(1.0);
    let persons = (capacity.max(0.0) * occupancy).min(area.residents.total());
    area.residents.take_share(ratio(persons, area.residents.total()))
}

/// Empties homes: their residents are displaced (to be rehoused) and the homes stand empty.
fn empty_homes(area: &mut AreaState, tenure: Tenure, count: f64) -> Cohort {
    let per_home = ratio(area.capacity[tenure], area.homes[tenure]);
    let occupied = (area.capacity[tenure] - area.empty[tenure]).max(0.0);
    let capacity = usable(count * per_home, occupied);
    let lettable_before = area.lettable().total();
    area.empty[tenure] += capacity;
    area.new_capacity[tenure] = area.new_capacity[tenure].min(area.lettable()[tenure]);
    take_residents(area, capacity, lettable_before)
}

/// Lets emptied homes again (those a demolition has not removed meanwhile), from the tenure's
/// intake.
fn reopen_homes(area: &mut AreaState, tenure: Tenure, count: f64) {
    let per_home = ratio(area.capacity[tenure], area.homes[tenure]);
    let capacity = usable(count * per_home, area.empty[tenure]);
    area.empty[tenure] -= capacity;
    area.new_capacity[tenure] += capacity;
}

/// Moves homes (and the persons they house) from one tenure to another; residents stay.
fn change_tenure(area: &mut AreaState, from: Tenure, to: Tenure, count: f64) -> f64 {
    let count = usable(count, area.homes[from]);
    if count <= 0.0 {
        return 0.0;
    }
    let capacity = area.capacity[from] * ratio(count, area.homes[from]);
    area.homes[from] -= count;
    area.homes[to] += count;
    area.capacity[from] -= capacity;
    area.capacity[to] += capacity;
    if to == Tenure::AlmenFamily {
        area.almen_family_added += count;
    }
    count
}

/// Demolition or merging: homes go, their residents are displaced (merged homes hold more
/// persons each, so fewer are displaced). Only demolition counts for § 168 a.
fn remove_homes(area: &mut AreaState, tenure: Tenure, count: f64, merge_factor: Option<f64>) -> Cohort {
    let count = usable(count, area.homes[tenure]);
    if count <= 0.0 {
        return Cohort::default();
    }
    let per_home = ratio(area.capacity[tenure], area.homes[tenure]);
    let (homes_removed, capacity_removed) = match merge_factor {
        Some(factor) => (count / 2.0, count * per_home * (1.0 - factor / 2.0).max(0.0)),
        None => (count, count * per_home),
    };
    area.homes[tenure] -= homes_removed;
    if merge_factor.is_none() {
        area.demolished_since_2010 += count;
        if area.kind == AreaKind::Estate {
            area.opened += count;
        }
    }
    displace(area, tenure, capacity_removed)
}

/// Carries out one year's step of an action and records whom it displaced.
pub(super) fn apply(sim: &mut Simulation, step: Step, displaced: &mut [Cohort]) {
    let areas = &mut sim.world.areas;
    match step {
        Step::Demolish { area, tenure, count } => {
            let out = remove_homes(&mut areas[area], tenure, count, None);
            displaced[area] = displaced[area].plus(&out);
        }
        Step::Empty { area, tenure, count } => {
            let out = empty_homes(&mut areas[area], tenure, count);
            displaced[area] = displaced[area].plus(&out);
        }
        Step::Reopen { area, tenure, count } => reopen_homes(&mut areas[area], tenure, count),
        Step::Merge { area, tenure, count } => {
            let factor = sim.engine.params.flows.merged_home_persons_factor;
            let out = remove_homes(&mut areas[area], tenure, count, Some(factor));
            displaced[area] = displaced[area].plus(&out);
        }
        Step::Build { area, tenure, count } => {
            build(&mut areas[area], tenure, count, sim.engine.params.tenure.persons_per_home[tenure]);
        }
        Step::Sell { area, count } => {
            let a = &mut areas[area];
            let sold = change_tenure(a, Tenure::AlmenFamily, Tenure::OwnerOccupied, count);
            if a.kind == AreaKind::Estate {
                a.opened += sold;
            }
        }
        Step::Convert { area, from, to, count } => {
            change_tenure(&mut areas[area], from, to, count);
        }
        Step::Facility { area, facility, area_m2 } => add_facility(&mut areas[area], facility, area_m2),
        _ => apply_to_institutions(sim, step),
    }
}

fn build(area: &mut AreaState, tenure: Tenure, count: f64, persons_per_home: f64) {
    let capacity = count * persons_per_home;
    area.homes[tenure] += count;
    area.capacity[tenure] += capacity;
    area.new_capacity[tenure] += capacity;
    if tenure == Tenure::AlmenFamily {
        area.almen_family_added += count;
    }
    if area.kind == AreaKind::Estate && !tenure.is_almen() {
        area.opened += count;
    }
}

fn add_facility(area: &mut AreaState, facility: FacilityKind, m2: f64) {
    match facility {
        FacilityKind::CultureHouse => {
            area.culture_house = true;
            area.facility_m2 += m2;
        }
        FacilityKind::Campus => {
            area.campus = true;
            area.facility_m2 += m2;
        }
        FacilityKind::Commercial => area.commercial_m2 += m2,
    }
}

/// Moves of institutions, profiles and school mergers.
fn apply_to_institutions(sim: &mut Simulation, step: Step) {
    let world = &mut sim.world;
    match step {
        Step::MoveInstitution { institution, district } => {
            let inst = &mut world.institutions[institution];
            inst.district = Some(district);
            if inst.kind == InstitutionKind::School && !inst.catchment.contains(&district) {
                inst.catchment.push(district);
            }
        }
        Step::AssignProfile { district, profile } => world.district_profiles[district] = profile,
        Step::MergeSchools { school, into } => {
            if school == into || !world.institutions[school].active {
                return;
            }
            let pooled = std::mem::take(&mut world.institutions[school].catchment);
            world.institutions[school].active = false;
            let target = &mut world.institutions[into];
            for d in pooled {
                if !target.catchment.contains(&d) {
                    target.catchment.push(d);
                }
            }
        }
        Step::SchoolProfile { school, has_profile } => world.institutions[school].has_profile = has_profile,
        _ => {}
    }
}
