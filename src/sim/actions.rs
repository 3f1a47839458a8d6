//! The plan's actions carried out in a year: demolition and merging (which displace their
//! residents), building, sales and conversions (residents stay), facilities, and the moves of
//! institutions, profiles and schools. Each changes the stock from 1 January of the next year.

use super::cohort::{Cohort, ratio};
use super::state::{AreaState, Simulation};
use crate::model::{ActionKind, AreaKind, FacilityKind, InstitutionKind, Tenure};

/// A usable count: finite, not negative, at most what is there.
fn usable(count: f64, available: f64) -> f64 {
    if count.is_finite() { count.clamp(0.0, available.max(0.0)) } else { 0.0 }
}

/// Removes capacity from an area and displaces the residents it housed.
fn displace(area: &mut AreaState, tenure: Tenure, capacity_removed: f64) -> Cohort {
    let capacity_before = area.capacity.total();
    area.capacity[tenure] = (area.capacity[tenure] - capacity_removed).max(0.0);
    area.new_capacity[tenure] = area.new_capacity[tenure].min(area.capacity[tenure]);
    let occupancy = ratio(area.residents.total(), capacity_before).min(1.0);
    let persons = (capacity_removed * occupancy).min(area.residents.total());
    area.residents.take_share(ratio(persons, area.residents.total()))
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

/// Carries out an action (for phased building, `share` of it) and records whom it displaced.
pub(super) fn apply(sim: &mut Simulation, kind: &ActionKind, share: f64, displaced: &mut [Cohort]) {
    let area_of = |id: &str| sim.schedule.area_index.get(id).copied();
    match kind {
        ActionKind::Demolish { area, tenure, count } => {
            let Some(i) = area_of(area) else { return };
            let out = remove_homes(&mut sim.world.areas[i], *tenure, *count, None);
            displaced[i] = displaced[i].plus(&out);
        }
        ActionKind::Merge { area, tenure, count } => {
            let Some(i) = area_of(area) else { return };
            let factor = sim.engine.params.flows.merged_home_persons_factor;
            let out = remove_homes(&mut sim.world.areas[i], *tenure, *count, Some(factor));
            displaced[i] = displaced[i].plus(&out);
        }
        ActionKind::Build { area, tenure, count, .. } => {
            let Some(i) = area_of(area) else { return };
            let capacity_per_home = sim.engine.params.tenure.persons_per_home[*tenure];
            build(&mut sim.world.areas[i], *tenure, usable(*count, f64::MAX) * share, capacity_per_home);
        }
        ActionKind::Sell { area, count } => {
            let Some(i) = area_of(area) else { return };
            let a = &mut sim.world.areas[i];
            let sold = change_tenure(a, Tenure::AlmenFamily, Tenure::OwnerOccupied, *count);
            if a.kind == AreaKind::Estate {
                a.opened += sold;
            }
        }
        ActionKind::Convert { area, from, to, count } => {
            let Some(i) = area_of(area) else { return };
            change_tenure(&mut sim.world.areas[i], *from, *to, *count);
        }
        ActionKind::Facility { area, facility, area_m2 } => {
            let Some(i) = area_of(area) else { return };
            add_facility(&mut sim.world.areas[i], *facility, usable(*area_m2, f64::MAX));
        }
        _ => apply_to_institutions(sim, kind),
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
fn apply_to_institutions(sim: &mut Simulation, kind: &ActionKind) {
    let schedule = &sim.schedule;
    let world = &mut sim.world;
    match kind {
        ActionKind::MoveInstitution { institution, district } => {
            let (Some(&i), Some(&d)) =
                (schedule.institution_index.get(institution.as_str()), schedule.district_index.get(district.as_str()))
            else {
                return;
            };
            let inst = &mut world.institutions[i];
            inst.district = Some(d);
            if inst.kind == InstitutionKind::School && !inst.catchment.contains(&d) {
                inst.catchment.push(d);
            }
        }
        ActionKind::AssignProfile { district, profile } => {
            let Some(&d) = schedule.district_index.get(district.as_str()) else {
                return;
            };
            world.district_profiles[d] = profile.as_deref().and_then(|id| schedule.profile_index.get(id).copied());
        }
        ActionKind::MergeSchools { school, into } => {
            let (Some(&from), Some(&to)) =
                (schedule.institution_index.get(school.as_str()), schedule.institution_index.get(into.as_str()))
            else {
                return;
            };
            if from == to || !world.institutions[from].active {
                return;
            }
            let pooled = std::mem::take(&mut world.institutions[from].catchment);
            world.institutions[from].active = false;
            let target = &mut world.institutions[to];
            for d in pooled {
                if !target.catchment.contains(&d) {
                    target.catchment.push(d);
                }
            }
        }
        ActionKind::SchoolProfile { school, profile } => {
            if let Some(&i) = schedule.institution_index.get(school.as_str()) {
                world.institutions[i].has_profile = profile.is_some();
            }
        }
        _ => {}
    }
}
