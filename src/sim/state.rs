//! The engine's working state: what does not change during a run (parameters, rules), the
//! plan's timetable resolved to indices, and the world on 1 January of the current year: every
//! area, district and institution. The world can be copied, so a run can resume from a year of
//! another run (the attribution adds one part of a plan from the year it first acts).

use super::attractiveness::{self, AttractivenessTerms};
use super::cohort::Cohort;
use super::intake::Residual;
use super::output::{Indicators, Status};
use super::schools::{self, SchoolMix};
use super::{status, step};
use crate::model::{
    Action, ActionKind, AlmenFamilyCap, AreaKind, Criterion, FIRST_YEAR, HeldInputs, InstitutionKind, LAST_YEAR,
    Params, PerGroup, PerTenure, Plan, RuleSet,
};
use std::collections::HashMap;

/// Indicator history kept for averaged criteria (the longest window is four years).
pub const HISTORY_YEARS: usize = 4;

/// One area's state.
#[derive(Clone, Debug)]
pub(super) struct AreaState {
    pub kind: AreaKind,
    pub district: Option<usize>,
    pub homes: PerTenure<f64>,
    /// The tenures the area had in 2016: only their intake carries the calibrated residual.
    pub had_in_2016: PerTenure<bool>,
    /// Persons the homes of each tenure hold when full.
    pub capacity: PerTenure<f64>,
    /// Capacity built this year and not yet let.
    pub new_capacity: PerTenure<f64>,
    pub residents: Cohort,
    /// Residents displaced from this area who left the municipality, as they were when they
    /// left. They count in this area's composition for the balance score (people never vanish:
    /// moving the disadvantaged out of the municipality is no gain for balance).
    pub left: Cohort,
    /// Residents displaced from this area who wait for a home in the municipality (they live
    /// on in the area until one is found, and count in its composition for the balance score).
    pub waiting: Cohort,
    /// Adults placed in work by efforts last year.
    pub placed: f64,
    /// Who moved into the area's vacancies during the last year (ordinary intake, not the
    /// rehoused), by group.
    pub newcomers: PerGroup<f64>,
    pub residual: Residual,
    /// Homes demolished since 2010 (before 2016 from the plan's figures, then by actions).
    pub demolished_since_2010: f64,
    /// Almene family homes built (or converted into) since 2016, which replace demolished ones.
    pub almen_family_added: f64,
    /// Estate homes demolished, sold or built as non-almene: the physical opening-up.
    pub opened: f64,
    pub commercial_m2: f64,
    /// Floor space of culture houses and campuses.
    pub facility_m2: f64,
    pub culture_house: bool,
    pub campus: bool,
    pub status: Status,
    pub indicators: Indicators,
    /// Indicator values of the last years, newest last, for the averaged criteria.
    pub history: [[f64; 5]; HISTORY_YEARS],
    /// Years in a row each category (by rule index) has held.
    pub runs: Vec<u32>,
    pub held: HeldInputs,
    pub estate_homes_2016: f64,
}

impl AreaState {
    /// Who the balance score counts here: the residents, those displaced from here who wait
    /// for a home, and those displaced from here who left the municipality.
    pub fn counted(&self) -> Cohort {
        self.residents.plus(&self.waiting).plus(&self.left)
    }
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

/// What does not change during a run.
pub(super) struct Engine<'a> {
    pub params: &'a Params,
    pub rules: &'a RuleSet,
    pub cap: &'a AlmenFamilyCap,
    /// The rule set's distinct criteria, listed once.
    pub criteria: Vec<&'a Criterion>,
}

/// The plan's timetable, resolved to indices.
pub(super) struct Schedule<'a> {
    pub plan: &'a Plan,
    /// Actions by year offset from 2016, in file order within a year, each with the share of
    /// it carried out that year (phased building spreads over several years).
    pub actions_by_year: Vec<Vec<(&'a Action, f64)>>,
    pub area_index: HashMap<&'a str, usize>,
    pub district_index: HashMap<&'a str, usize>,
    pub institution_index: HashMap<&'a str, usize>,
    pub profile_index: HashMap<&'a str, usize>,
}

impl<'a> Schedule<'a> {
    pub fn new(plan: &'a Plan) -> Self {
        let m = &plan.municipality;
        let span = usize::from(LAST_YEAR - FIRST_YEAR) + 1;
        let mut actions_by_year = vec![Vec::new(); span];
        for action in &plan.actions {
            let years = match action.kind {
                ActionKind::Build { over_years, .. } => over_years.max(1),
                _ => 1,
            };
            for offset in 0..years {
                let year = action.year.saturating_add(offset);
                let slot = year.checked_sub(FIRST_YEAR).and_then(|i| actions_by_year.get_mut(usize::from(i)));
                if let Some(slot) = slot {
                    slot.push((action, 1.0 / f64::from(years)));
                }
            }
        }
        Self {
            plan,
            actions_by_year,
            area_index: m.areas.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect(),
            district_index: m.districts.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect(),
            institution_index: m.institutions.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect(),
            profile_index: m.profiles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect(),
        }
    }
}

/// The world on 1 January of `year`.
#[derive(Clone, Debug)]
pub(super) struct World {
    pub year: u16,
    pub areas: Vec<AreaState>,
    pub district_profiles: Vec<Option<usize>>,
    pub institutions: Vec<InstitutionState>,
    pub attractiveness: Vec<AttractivenessTerms>,
    pub attractiveness_2016: Vec<f64>,
    pub school_mix: SchoolMix,
}

impl World {
    /// The change in a district's attractiveness since 2016 (0 for areas without a district).
    pub fn attractiveness_change(&self, district: Option<usize>) -> f64 {
        district.map_or(0.0, |d| self.attractiveness[d].total - self.attractiveness_2016[d])
    }

    /// The district's attractiveness now.
    pub fn attractiveness_now(&self, district: Option<usize>) -> f64 {
        district.map_or(0.0, |d| self.attractiveness[d].total)
    }
}

/// Everything a run carries from year to year.
pub(super) struct Simulation<'a> {
    pub engine: Engine<'a>,
    pub schedule: Schedule<'a>,
    pub world: World,
}

impl<'a> Simulation<'a> {
    pub fn new(plan: &'a Plan, params: &'a Params, rules: &'a RuleSet, cap: &'a AlmenFamilyCap) -> Self {
        let engine = Engine { params, rules, cap, criteria: rules.all_criteria() };
        let schedule = Schedule::new(plan);
        let world = World {
            year: FIRST_YEAR,
            areas: plan.municipality.areas.iter().map(|a| initial_area(a, &schedule, &engine)).collect(),
            district_profiles: plan
                .municipality
                .districts
                .iter()
                .map(|d| d.profile.as_deref().and_then(|p| schedule.profile_index.get(p).copied()))
                .collect(),
            institutions: initial_institutions(plan, &schedule),
            attractiveness: Vec::new(),
            attractiveness_2016: Vec::new(),
            school_mix: SchoolMix::default(),
        };
        let mut sim = Self { engine, schedule, world };
        sim.world.school_mix = schools::mix(&sim, false);
        for i in 0..sim.world.areas.len() {
            let area = &mut sim.world.areas[i];
            let indicators = status::indicators(area, params, FIRST_YEAR);
            area.history = [status::indicator_values(&indicators); HISTORY_YEARS];
            area.indicators = indicators;
            let (st, runs) = status::judge(area, &sim.engine, FIRST_YEAR, true);
            area.status = st;
            area.runs = runs;
        }
        sim.world.attractiveness = attractiveness::all(&sim);
        sim.world.attractiveness_2016 = sim.world.attractiveness.iter().map(|t| t.total).collect();
        step::calibrate(&mut sim);
        sim
    }

    /// A run of `plan` that starts from another run's world (same municipality, so the same
    /// indices), for the years after it.
    pub fn resume(
        world: World,
        plan: &'a Plan,
        params: &'a Params,
        rules: &'a RuleSet,
        cap: &'a AlmenFamilyCap,
    ) -> Self {
        let engine = Engine { params, rules, cap, criteria: rules.all_criteria() };
        Self { engine, schedule: Schedule::new(plan), world }
    }

    /// Runs the year `world.year` → `world.year + 1`; returns the year's flows.
    pub fn step(&mut self) -> super::output::LedgerYear {
        let year = self.world.year;
        let ledger = step::advance(self, year);
        self.world.year = year + 1;
        self.world.school_mix = schools::mix(self, false);
        let next = self.world.year;
        for i in 0..self.world.areas.len() {
            let area = &mut self.world.areas[i];
            let indicators = status::indicators(area, self.engine.params, next);
            area.history.rotate_left(1);
            area.history[HISTORY_YEARS - 1] = status::indicator_values(&indicators);
            area.indicators = indicators;
            let (st, runs) = status::judge(area, &self.engine, next, false);
            area.status = st;
            area.runs = runs;
        }
        self.world.attractiveness = attractiveness::all(self);
        ledger
    }
}

fn initial_institutions(plan: &Plan, schedule: &Schedule) -> Vec<InstitutionState> {
    plan.municipality
        .institutions
        .iter()
        .map(|inst| {
            let district = schedule.district_index.get(inst.district.as_str()).copied();
            let mut catchment: Vec<usize> =
                inst.catchment.iter().filter_map(|d| schedule.district_index.get(d.as_str()).copied()).collect();
            catchment.extend(district);
            catchment.sort_unstable();
            catchment.dedup();
            InstitutionState { kind: inst.kind, district, catchment, has_profile: inst.profile.is_some(), active: true }
        })
        .collect()
}

fn initial_area(a: &crate::model::Area, schedule: &Schedule, engine: &Engine) -> AreaState {
    let params = engine.params;
    let weighted: f64 = a.homes.iter().map(|(t, n)| n * params.tenure.persons_per_home[t]).sum();
    let residents = a.residents.total();
    let fill = if weighted > 0.0 && residents > 0.0 { residents / weighted } else { 1.0 };
    AreaState {
        kind: a.kind,
        district: schedule.district_index.get(a.district.as_str()).copied(),
        homes: a.homes,
        had_in_2016: PerTenure::from_fn(|t| a.homes[t] > 0.0),
        capacity: PerTenure::from_fn(|t| a.homes[t] * params.tenure.persons_per_home[t] * fill),
        new_capacity: PerTenure::default(),
        residents: Cohort::seeded(a.residents, a.held.basic_schooling_2016, a.held.income_2016, &params.education),
        left: Cohort::default(),
        waiting: Cohort::default(),
        placed: 0.0,
        newcomers: PerGroup::default(),
        residual: Residual::default(),
        demolished_since_2010: a.demolished_2011_2015,
        almen_family_added: 0.0,
        opened: 0.0,
        commercial_m2: a.commercial_m2,
        facility_m2: 0.0,
        culture_house: false,
        campus: false,
        status: Status::default(),
        indicators: Indicators::default(),
        history: [[0.0; 5]; HISTORY_YEARS],
        runs: vec![0; engine.rules.categories.len()],
        held: a.held.clone(),
        estate_homes_2016: if a.kind == AreaKind::Estate { a.homes.total() } else { 0.0 },
    }
}
