//! School mix: each district's pupils are shared among the schools that serve it; a school's
//! disadvantaged share is the share of its pupils from households outside work.

use super::cohort::{Cohort, ratio};
use super::state::{AreaState, Simulation};
use crate::model::InstitutionKind;

/// Pupils and disadvantaged pupils per institution (zero for non-schools), and per district
/// the pupil-weighted disadvantaged share of the schools that stand in it.
#[derive(Clone, Debug, Default)]
pub(super) struct SchoolMix {
    pub pupils: Vec<f64>,
    pub disadvantaged: Vec<f64>,
    pub district_disadvantaged: Vec<Option<f64>>,
    /// Disadvantaged share of all pupils in the municipality.
    pub municipal_share: f64,
    /// Per district: the mean disadvantaged share of the schools its children attend (none for
    /// a district no school serves).
    pub attended: Vec<Option<f64>>,
    /// Per area: the disadvantaged share at the schools its children attend (see
    /// [`SchoolMix::school_share_of`]), filled in when the year's areas are judged.
    pub area_school_share: Vec<f64>,
    /// Which active school takes which share of which district's pupils, in the schools' order
    /// and then their catchments' (see [`serving`]).
    pub serving: Vec<Serving>,
}

/// An active school's share of one district's pupils: the district's pupils are shared equally
/// among the active schools whose catchment holds it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Serving {
    school: usize,
    district: usize,
    share: f64,
}

/// Every active school's share of each district in its catchment, worked out once a year (the
/// schools change only by actions) as one list, so the two sums over schools a year (the
/// residents' pupils, and the balance score's) make no pass over every institution.
pub(super) fn serving(sim: &Simulation) -> Vec<Serving> {
    let institutions = &sim.world.institutions;
    let schools = || institutions.iter().enumerate().filter(|(_, i)| i.active && i.kind == InstitutionKind::School);
    let mut count = vec![0usize; sim.schedule.plan.municipality.districts.len()];
    for (_, school) in schools() {
        for &d in &school.catchment {
            count[d] += 1;
        }
    }
    schools()
        .flat_map(|(i, school)| school.catchment.iter().map(move |&d| (i, d)))
        .map(|(school, district)| Serving { school, district, share: 1.0 / count[district] as f64 })
        .collect()
}

impl SchoolMix {
    /// The disadvantaged share at the schools an area's children attend: its district's, or
    /// for an area no school serves, its own residents' outside-work share.
    pub fn school_share_of(&self, area: &AreaState) -> f64 {
        area.district
            .and_then(|d| self.attended.get(d).copied().flatten())
            .unwrap_or_else(|| area.residents.outside_work_share())
    }
}

/// Pupils and disadvantaged pupils at each institution (zero for non-schools).
pub(super) struct Pupils {
    pub pupils: Vec<f64>,
    pub disadvantaged: Vec<f64>,
}

/// One area's pupils: the district whose schools they attend, and how many, of them
/// disadvantaged.
#[derive(Clone, Copy, Debug)]
pub(super) struct AreaPupils {
    district: Option<usize>,
    pupils: f64,
    disadvantaged: f64,
}

/// The pupils among `children` (an area's residents, or the balance score's count of them,
/// which adds the children of the displaced at their old schools) of an area in `district`.
pub(super) fn area_pupils(district: Option<usize>, children: &Cohort, pupils_per_child: f64) -> AreaPupils {
    let pupils = children.persons.children * pupils_per_child;
    AreaPupils { district, pupils, disadvantaged: pupils * children.outside_work_share() }
}

/// Every district's pupils and disadvantaged pupils, summed from its areas' in plan order.
#[derive(Clone, Debug, Default)]
pub(super) struct DistrictPupils {
    /// Per district: pupils, and of them disadvantaged (side by side, so adding an area's
    /// pupils touches one place in memory).
    districts: Vec<(f64, f64)>,
}

impl DistrictPupils {
    pub fn new(districts: usize) -> Self {
        Self { districts: vec![(0.0, 0.0); districts] }
    }

    /// Adds an area's pupils to its district's.
    pub fn add(&mut self, area: AreaPupils) {
        if let Some((pupils, disadvantaged)) = area.district.and_then(|d| self.districts.get_mut(d)) {
            *pupils += area.pupils;
            *disadvantaged += area.disadvantaged;
        }
    }
}

/// Each school's pupils, with every district's pupils shared among the schools that serve it
/// (`serving`, see [`serving`]).
pub(super) fn pupils(sim: &Simulation, serving: &[Serving], districts: &DistrictPupils) -> Pupils {
    let institutions = sim.world.institutions.len();
    let mut out = Pupils { pupils: vec![0.0; institutions], disadvantaged: vec![0.0; institutions] };
    for s in serving {
        let (pupils, disadvantaged) = districts.districts[s.district];
        out.pupils[s.school] += pupils * s.share;
        out.disadvantaged[s.school] += disadvantaged * s.share;
    }
    out
}

/// Every district's pupils among the residents now, summed in plan order. (A year's step sums
/// them as it lets the last vacancies.)
pub(super) fn district_pupils(sim: &Simulation) -> DistrictPupils {
    let per_child = sim.engine.params.flows.pupils_per_child;
    let mut districts = DistrictPupils::new(sim.schedule.plan.municipality.districts.len());
    for area in &sim.world.areas {
        districts.add(area_pupils(area.district, &area.residents, per_child));
    }
    districts
}

/// The school mix of the residents now, whose pupils are `districts`.
pub(super) fn mix(sim: &Simulation, districts: &DistrictPupils) -> SchoolMix {
    let n_districts = sim.schedule.plan.municipality.districts.len();
    let institutions = &sim.world.institutions;
    let serving = serving(sim);
    let Pupils { pupils, disadvantaged } = pupils(sim, &serving, districts);
    let mut out = SchoolMix {
        pupils,
        disadvantaged,
        district_disadvantaged: vec![None; n_districts],
        municipal_share: 0.0,
        attended: Vec::new(),
        area_school_share: Vec::new(),
        serving: Vec::new(),
    };
    let total_pupils: f64 = out.pupils.iter().sum();
    out.municipal_share = ratio(out.disadvantaged.iter().sum(), total_pupils);
    // Per district: the mix of the schools its children attend (for social inheritance) and of
    // the schools standing in it (for attractiveness).
    let mut attended = vec![(0.0, 0.0); n_districts];
    for s in &serving {
        attended[s.district].0 += ratio(out.disadvantaged[s.school], out.pupils[s.school]);
        attended[s.district].1 += 1.0;
    }
    let mut standing = vec![(0.0, 0.0); n_districts];
    for (i, inst) in institutions.iter().enumerate() {
        if let (true, InstitutionKind::School, Some(d)) = (inst.active, inst.kind, inst.district) {
            standing[d].0 += out.disadvantaged[i];
            standing[d].1 += out.pupils[i];
        }
    }
    for (slot, (disadvantaged, pupils)) in out.district_disadvantaged.iter_mut().zip(&standing) {
        if *pupils > 0.0 {
            *slot = Some(disadvantaged / pupils);
        }
    }
    out.attended = attended.iter().map(|&(shares, schools)| (schools > 0.0).then(|| shares / schools)).collect();
    out.serving = serving;
    out
}
