//! The engine's working state: the plan resolved to indices, and the state of every area,
//! district and institution on 1 January of the current year.

use super::attractiveness::{self, AttractivenessTerms};
use super::output::{AreaYear, Indicators, LedgerYear, MunicipalityYear, Projection, SchoolSeries, SchoolYear, Status};
use super::schools::{self, SchoolMix};
use super::{score, status, step};
use crate::model::{
    Action, ActionKind, AreaKind, Criterion, FIRST_YEAR, Group, InstitutionKind, Params, PerGroup, PerTenure, Plan,
    RuleSet, Tenure,
};

/// Indicator history kept for averaged criteria (the longest window is four years).
pub const HISTORY_YEARS: usize = 4;

/// One area's state.
#[derive(Clone, Debug)]
pub(super) struct AreaState {
    pub kind: AreaKind,
    pub district: Option<usize>,
    pub homes: PerTenure<f64>,
    /// Persons the homes of each tenure hold when full.
    pub capacity: PerTenure<f64>,
    /// Capacity built this year and not yet let.
    pub new_capacity: PerTenure<f64>,
    pub residents: PerGroup<f64>,
    /// The area's own deviation from the tenures' intake mixes, calibrated so that the 2016
    /// composition is stationary (zero for small and new areas).
    pub intake_residual: PerGroup<f64>,
    pub demolished: f64,
    pub built: f64,
    /// Estate homes demolished, sold or built as non-almene: the physical opening-up.
    pub opened: f64,
    pub commercial_m2: f64,
    pub culture_house: bool,
    pub campus: bool,
    pub status: Status,
    pub indicators: Indicators,
    /// Indicator values of the last years, newest last, for the averaged criteria.
    pub history: [[f64; 5]; HISTORY_YEARS],
    /// Years in a row each category (by rule index) has held.
    pub runs: Vec<u32>,
    pub held: crate::model::HeldInputs,
    pub estate_homes_2016: f64,
}

/// A school, daycare or other institution as it stands this year.
#[derive(Clone, Debug)]
pub(super) struct InstitutionState {
    pub kind: InstitutionKind,
    pub district: Option<usize>,
    pub catchment: Vec<usize>,
    pub has_profile: bool,
    pub active: bool,
}

/// Everything the engine carries from year to year.
pub(super) struct Simulation<'a> {
    pub params: &'a Params,
    pub rules: &'a RuleSet,
    /// The rule set's distinct criteria, listed once.
    pub criteria: Vec<&'a Criterion>,
    pub plan: &'a Plan,
    pub year: u16,
    pub areas: Vec<AreaState>,
    pub district_profiles: Vec<Option<usize>>,
    pub institutions: Vec<InstitutionState>,
    /// Actions by year offset from 2016, in file order within a year, each with the share of
    /// it carried out that year (phased building spreads over several years).
    pub actions_by_year: Vec<Vec<(&'a Action, f64)>>,
    pub attractiveness: Vec<AttractivenessTerms>,
    pub attractiveness_2016: Vec<f64>,
    pub school_mix: SchoolMix,
    pub area_index: std::collections::HashMap<&'a str, usize>,
    pub district_index: std::collections::HashMap<&'a str, usize>,
    pub institution_index: std::collections::HashMap<&'a str, usize>,
    pub profile_index: std::collections::HashMap<&'a str, usize>,
}

impl<'a> Simulation<'a> {
    pub fn new(plan: &'a Plan, params: &'a Params, rules: &'a RuleSet) -> Self {
        let m = &plan.municipality;
        let district_index = m.districts.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
        let area_index = m.areas.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let institution_index = m.institutions.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let profile_index = m.profiles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let mut sim = Self {
            params,
            rules,
            criteria: rules.all_criteria(),
            plan,
            year: FIRST_YEAR,
            areas: Vec::with_capacity(m.areas.len()),
            district_profiles: Vec::new(),
            institutions: Vec::new(),
            actions_by_year: Vec::new(),
            attractiveness: Vec::new(),
            attractiveness_2016: Vec::new(),
            school_mix: SchoolMix::default(),
            area_index,
            district_index,
            institution_index,
            profile_index,
        };
        sim.district_profiles =
            m.districts.iter().map(|d| d.profile.as_deref().and_then(|p| sim.profile_index.get(p).copied())).collect();
        sim.institutions = m
            .institutions
            .iter()
            .map(|inst| {
                let district = sim.district_index.get(inst.district.as_str()).copied();
                let mut catchment: Vec<usize> =
                    inst.catchment.iter().filter_map(|d| sim.district_index.get(d.as_str()).copied()).collect();
                catchment.extend(district);
                catchment.sort_unstable();
                catchment.dedup();
                InstitutionState {
                    kind: inst.kind,
                    district,
                    catchment,
                    has_profile: inst.profile.is_some(),
                    active: true,
                }
            })
            .collect();
        let span = usize::from(crate::model::LAST_YEAR - FIRST_YEAR) + 1;
        sim.actions_by_year = vec![Vec::new(); span];
        for action in &plan.actions {
            let years = match action.kind {
                ActionKind::Build { over_years, .. } => over_years.max(1),
                _ => 1,
            };
            for offset in 0..years {
                let year = action.year.saturating_add(offset);
                let slot = year.checked_sub(FIRST_YEAR).and_then(|i| sim.actions_by_year.get_mut(usize::from(i)));
                if let Some(slot) = slot {
                    slot.push((action, 1.0 / f64::from(years)));
                }
            }
        }
        sim.areas = m
            .areas
            .iter()
            .map(|a| {
                let weighted: f64 = a.homes.iter().map(|(t, n)| n * params.persons_per_home[t]).sum();
                let residents = a.residents.total();
                let fill = if weighted > 0.0 && residents > 0.0 { residents / weighted } else { 1.0 };
                AreaState {
                    kind: a.kind,
                    district: sim.district_index.get(a.district.as_str()).copied(),
                    homes: a.homes,
                    capacity: PerTenure::from_fn(|t| a.homes[t] * params.persons_per_home[t] * fill),
                    new_capacity: PerTenure::default(),
                    residents: a.residents,
                    intake_residual: PerGroup::default(),
                    demolished: 0.0,
                    built: 0.0,
                    opened: 0.0,
                    commercial_m2: a.commercial_m2,
                    culture_house: false,
                    campus: false,
                    status: Status::default(),
                    indicators: Indicators::default(),
                    history: [[0.0; 5]; HISTORY_YEARS],
                    runs: vec![0; rules.categories.len()],
                    held: a.held.clone(),
                    estate_homes_2016: if a.kind == AreaKind::Estate { a.homes.total() } else { 0.0 },
                }
            })
            .collect();
        sim.school_mix = schools::mix(&sim);
        for i in 0..sim.areas.len() {
            let indicators = status::indicators(&sim.areas[i], params, FIRST_YEAR);
            sim.areas[i].history = [status::indicator_values(&indicators); HISTORY_YEARS];
            sim.areas[i].indicators = indicators;
            let (st, runs) = status::judge(&sim.areas[i], rules, &sim.criteria, FIRST_YEAR, true);
            sim.areas[i].status = st;
            sim.areas[i].runs = runs;
        }
        sim.attractiveness = attractiveness::all(&sim);
        sim.attractiveness_2016 = sim.attractiveness.iter().map(|t| t.total).collect();
        step::calibrate(&mut sim);
        sim
    }

    /// The change in a district's attractiveness since 2016 (0 for areas without a district).
    pub fn attractiveness_change(&self, district: Option<usize>) -> f64 {
        district.map_or(0.0, |d| self.attractiveness[d].total - self.attractiveness_2016[d])
    }

    /// The district's attractiveness now.
    pub fn attractiveness_now(&self, district: Option<usize>) -> f64 {
        district.map_or(0.0, |d| self.attractiveness[d].total)
    }

    pub fn step(&mut self, year: u16) -> LedgerYear {
        let ledger = step::advance(self, year);
        self.year = year + 1;
        self.school_mix = schools::mix(self);
        for area in &mut self.areas {
            let indicators = status::indicators(area, self.params, self.year);
            area.history.rotate_left(1);
            area.history[HISTORY_YEARS - 1] = status::indicator_values(&indicators);
            area.indicators = indicators;
            let (st, runs) = status::judge(area, self.rules, &self.criteria, self.year, false);
            area.status = st;
            area.runs = runs;
        }
        self.attractiveness = attractiveness::all(self);
        ledger
    }

    /// Appends the current year to the projection.
    pub fn record(&self, out: &mut Projection, ledger: Option<LedgerYear>) {
        let year = self.year;
        out.years.push(year);
        let mut totals = MunicipalityYear { year, ..MunicipalityYear::default() };
        for (area, series) in self.areas.iter().zip(&mut out.areas) {
            let (share_168a, demolished_counted) = status::almen_family_share_168a(area);
            series.years.push(AreaYear {
                year,
                homes: area.homes,
                residents: area.residents,
                indicators: area.indicators,
                status: area.status.clone(),
                almen_family_share_168a: share_168a,
                demolished_counted,
                commercial_m2: area.commercial_m2,
            });
            for t in Tenure::ALL {
                totals.homes_by_tenure[t] += area.homes[t];
            }
            for g in Group::ALL {
                totals.residents_by_group[g] += area.residents[g];
            }
        }
        totals.homes = totals.homes_by_tenure.total();
        totals.residents = totals.residents_by_group.total();
        totals.almen_share = ratio(totals.homes_by_tenure.almen(), totals.homes);
        totals.outside_work_share =
            ratio(totals.residents_by_group.outside_work, totals.residents_by_group.working_age());
        out.municipality.push(totals);
        for (d, series) in out.districts.iter_mut().enumerate() {
            let profile = self.district_profiles[d].map(|p| self.plan.municipality.profiles[p].id.clone());
            series.profile.push(profile);
            series.attractiveness.push(self.attractiveness[d].clone());
        }
        if out.schools.is_empty() {
            out.schools = self
                .plan
                .municipality
                .institutions
                .iter()
                .filter(|i| i.kind == InstitutionKind::School)
                .map(|i| SchoolSeries { id: i.id.clone(), name: i.name.clone(), years: Vec::new() })
                .collect();
        }
        let school_ids = self.institutions.iter().enumerate().filter(|(_, i)| i.kind == InstitutionKind::School);
        for ((i, inst), series) in school_ids.zip(&mut out.schools) {
            let pupils = self.school_mix.pupils[i];
            series.years.push(SchoolYear {
                year,
                active: inst.active,
                pupils,
                disadvantaged_share: ratio(self.school_mix.disadvantaged[i], pupils),
            });
        }
        out.score.push(score::score(self, year));
        if let Some(ledger) = ledger {
            out.ledger.push(ledger);
        }
    }
}

/// `a / b`, or 0 when `b` is not positive.
pub(super) fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}
