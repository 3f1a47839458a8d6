//! Where things stand on 1 January of a year, read from the projection — the engine's own
//! record of which district each institution stands in, which schools still run and each
//! district's profile — so the editor and the map never replay the plan's actions themselves.

use crate::sim::Projection;
use std::collections::HashMap;

/// The district an institution stands in, in `year` (none once merged away or unknown).
pub fn institution_district<'p>(projection: &'p Projection, institution: &str, year: u16) -> Option<&'p str> {
    let y = projection.year_index(year)?;
    let series = projection.institutions.iter().find(|i| i.id == institution)?;
    if !series.active.get(y).copied().unwrap_or(false) {
        return None;
    }
    projection.institution_district(series, y)
}

/// Whether an institution still runs in `year` (a school merged into another does not).
pub fn institution_active(projection: &Projection, institution: &str, year: u16) -> bool {
    institution_district(projection, institution, year).is_some()
}

/// The profile a district holds in `year`.
pub fn district_profile<'p>(projection: &'p Projection, district: &str, year: u16) -> Option<&'p str> {
    let y = projection.year_index(year)?;
    projection.districts.iter().find(|d| d.id == district)?.profile.get(y)?.as_deref()
}

/// Every running institution's district and every district's profile in `year`: what the map
/// shows, gathered in one pass.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlacesAt {
    /// Institution id → district id, for the institutions still running.
    pub institutions: HashMap<String, String>,
    /// District id → profile id.
    pub profiles: HashMap<String, String>,
}

pub fn places_at(projection: &Projection, year: u16) -> PlacesAt {
    let Some(y) = projection.year_index(year) else { return PlacesAt::default() };
    PlacesAt {
        institutions: projection
            .institutions
            .iter()
            .filter(|i| i.active.get(y).copied().unwrap_or(false))
            .filter_map(|i| Some((i.id.clone(), projection.institution_district(i, y)?.to_owned())))
            .collect(),
        profiles: projection
            .districts
            .iter()
            .filter_map(|d| Some((d.id.clone(), d.profile.get(y)?.as_deref()?.to_owned())))
            .collect(),
    }
}

/// Whether a school has a strong profile in `year` (its 2016 profile as the plan's
/// school-profile actions before that year left it).
pub fn school_has_profile(projection: &Projection, school: &str, year: u16) -> bool {
    let Some(y) = projection.year_index(year) else { return false };
    projection
        .institutions
        .iter()
        .find(|i| i.id == school)
        .and_then(|i| i.strong_profile.get(y).copied())
        .unwrap_or(false)
}
