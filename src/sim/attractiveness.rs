//! A district's attractiveness (−1..1): the sum of named terms, each shown to the user. It
//! shifts who moves in (employed and in-education newcomers up, outside-work down) and who
//! moves out (employed households leave unattractive districts more often).

use super::cohort::ratio;
use super::state::{AreaState, Simulation};
use crate::model::{AreaKind, InstitutionKind, Tenure};
use serde::Serialize;

/// The terms of one district's attractiveness in one year.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AttractivenessTerms {
    /// The district's profile, divided among the districts that share it.
    pub profile: f64,
    /// Culture house, campus, schools with a strong profile, commercial space.
    pub institutions: f64,
    /// Disadvantaged pupils in the district's schools against the municipality's share.
    pub school_mix: f64,
    /// An estate of the district on the list (last judged year).
    pub stigma: f64,
    /// Demolition, sales and new private homes in the district's estates.
    pub opening: f64,
    /// Almene family homes above the 40% line in the district.
    pub tenure_mix: f64,
    /// The sum, clamped to −1..1.
    pub total: f64,
}

/// What one area adds to its district's attractiveness.
#[derive(Clone, Copy)]
pub(super) struct AreaPart {
    district: Option<usize>,
    adds: Contribution,
}

impl AreaPart {
    pub fn listed(&self) -> bool {
        self.adds.listed
    }
}

/// What areas bring to their district's attractiveness: one area's part, or a district's
/// areas' parts summed.
#[derive(Clone, Copy, Default)]
struct Contribution {
    culture_house: bool,
    campus: bool,
    listed: bool,
    commercial_m2: f64,
    /// An estate's homes opened up, and its homes in 2016 (0 for other areas).
    opened: f64,
    estate_homes: f64,
    almen_family: f64,
    homes: f64,
}

impl Contribution {
    fn add(&mut self, area: &Self) {
        self.culture_house |= area.culture_house;
        self.campus |= area.campus;
        self.listed |= area.listed;
        self.commercial_m2 += area.commercial_m2;
        self.opened += area.opened;
        self.estate_homes += area.estate_homes;
        self.almen_family += area.almen_family;
        self.homes += area.homes;
    }
}

/// What `area`, on the list or not as just judged, adds to its district's attractiveness.
pub(super) fn area_part(area: &AreaState, listed: bool) -> AreaPart {
    let estate = area.kind == AreaKind::Estate;
    AreaPart {
        district: area.district,
        adds: Contribution {
            culture_house: area.culture_house,
            campus: area.campus,
            listed,
            commercial_m2: area.commercial_m2,
            opened: if estate { area.opened } else { 0.0 },
            estate_homes: if estate { area.estate_homes_2016 } else { 0.0 },
            almen_family: area.homes[Tenure::AlmenFamily],
            homes: area.homes.total(),
        },
    }
}

/// Every district's areas' parts, summed in plan order.
pub(super) struct DistrictSums {
    /// Per district, side by side, so adding an area's part touches one place in memory.
    districts: Vec<Contribution>,
}

impl DistrictSums {
    pub fn new(districts: usize) -> Self {
        Self { districts: vec![Contribution::default(); districts] }
    }

    /// Adds an area's part to its district's.
    pub fn add(&mut self, area: &AreaPart) {
        if let Some(sum) = area.district.and_then(|d| self.districts.get_mut(d)) {
            sum.add(&area.adds);
        }
    }
}

/// The terms for every district, from its areas' parts and the institutions.
pub(super) fn all(sim: &Simulation, areas: DistrictSums) -> Vec<AttractivenessTerms> {
    let a = &sim.engine.params.attractiveness;
    let municipality = &sim.schedule.plan.municipality;
    let world = &sim.world;
    let n = municipality.districts.len();
    let mut sharing = vec![0usize; municipality.profiles.len()];
    for p in world.district_profiles.iter().flatten() {
        sharing[*p] += 1;
    }
    let mut sums = areas.districts;
    let mut school_profile = vec![false; n];
    for inst in world.institutions.iter().filter(|i| i.active) {
        let Some(d) = inst.district else { continue };
        match inst.kind {
            InstitutionKind::CultureHouse => sums[d].culture_house = true,
            InstitutionKind::Campus => sums[d].campus = true,
            InstitutionKind::School => school_profile[d] |= inst.has_profile,
            InstitutionKind::Daycare | InstitutionKind::JobCentreOutpost => {}
        }
    }
    let school_mix = &world.school_mix;
    (0..n)
        .map(|d| {
            let profile = world.district_profiles[d].map_or(0.0, |p| {
                let strength = municipality.profiles[p].strength * a.profile_scale;
                strength / libm::pow(sharing[p] as f64, a.profile_sharing_exponent)
            });
            let s = &sums[d];
            let institutions = f64::from(u8::from(s.culture_house)) * a.culture_house
                + f64::from(u8::from(s.campus)) * a.campus
                + f64::from(u8::from(school_profile[d])) * a.school_profile
                + (s.commercial_m2 / 1000.0 * a.commercial_per_1000_m2).min(a.commercial_cap);
            let school_gap = school_mix.district_disadvantaged[d].map_or(0.0, |s| s - school_mix.municipal_share);
            let school = -a.school_mix_per_point * 100.0 * school_gap;
            let stigma = if s.listed { -a.stigma_listed } else { 0.0 };
            let opening = (a.opening_per_share * ratio(s.opened, s.estate_homes)).min(a.opening_cap);
            let over_cap = (ratio(s.almen_family, s.homes) - sim.engine.cap.cap).max(0.0);
            let tenure_mix = -a.tenure_mix_per_point * 100.0 * over_cap;
            let total = (profile + institutions + school + stigma + opening + tenure_mix).clamp(-1.0, 1.0);
            AttractivenessTerms { profile, institutions, school_mix: school, stigma, opening, tenure_mix, total }
        })
        .collect()
}
