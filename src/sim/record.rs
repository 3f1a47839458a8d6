//! What a run keeps: the full [`Projection`] the app, the CLI and the report read, or a lean
//! [`Trace`] (score, outside-work shares, list status) for the bands and the attribution, which
//! run hundreds of projections; and checkpoints of the world to resume runs from.

use super::attractiveness::AttractivenessTerms;
use super::cohort::ratio;
use super::output::CriteriaByYear;
use super::output::{AreaYear, CriterionResult, Id, LedgerYear, MunicipalityYear, Projection, SchoolYear, ScoreYear};
use super::state::{Simulation, Standing, World};
use super::year_table::{Table, Years};
use super::{score, status};
use crate::model::{AreaKind, Category, Group, Indicator, InstitutionKind, Plan, Tenure};

/// The lean record of a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    pub years: Vec<u16>,
    pub score: Vec<ScoreYear>,
    /// Per area (plan order), per year: the share of adults 18–64 outside work and education.
    pub outside_work: Vec<Vec<f64>>,
    /// Per area, per year: whether it is on the list.
    pub listed: Vec<Vec<bool>>,
    /// Per estate (in plan order), per year: what the list reads.
    pub estates: Vec<EstateTrace>,
    /// Per year: residents whose homes were demolished, merged or emptied during the year
    /// before (0 in the first year).
    pub displaced: Vec<f64>,
}

/// One estate's standing in a run, year by year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EstateTrace {
    /// The estate's place among the plan's areas.
    pub area: usize,
    pub years: Vec<EstateYear>,
}

/// What the list reads of an estate in one year: its category, residents and each criterion's
/// value as the rule set of the year averages it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EstateYear {
    pub category: Category,
    pub residents: f64,
    /// Each indicator's value as judged (averaged over the criterion's years), in
    /// [`Indicator::ALL`] order; the yearly value where the rule set has no such criterion.
    pub values: [f64; 5],
    /// How far from the listing line (see [`super::Status::list_margin`]).
    pub list_margin: f64,
    /// Almene family homes over all homes as § 168 a counts them.
    pub share_168a: f64,
}

impl EstateYear {
    /// The value of an indicator as judged.
    pub fn value(&self, indicator: Indicator) -> f64 {
        self.values[indicator.index()]
    }
}

impl Trace {
    /// The trace of the years up to and including `year`.
    pub(super) fn up_to(&self, year: u16) -> Self {
        let n = self.years.iter().take_while(|y| **y <= year).count();
        Self {
            years: self.years[..n].to_vec(),
            score: self.score[..n].to_vec(),
            outside_work: self.outside_work.iter().map(|a| a[..n].to_vec()).collect(),
            listed: self.listed.iter().map(|a| a[..n].to_vec()).collect(),
            estates: self.estates.iter().map(|e| EstateTrace { area: e.area, years: e.years[..n].to_vec() }).collect(),
            displaced: self.displaced[..n].to_vec(),
        }
    }

    /// The position of a year in the series.
    pub fn year_index(&self, year: u16) -> Option<usize> {
        self.years.iter().position(|y| *y == year)
    }
}

/// The world at the start of every year of a run.
#[derive(Clone, Debug, Default)]
pub struct Checkpoints {
    worlds: Vec<World>,
}

impl Checkpoints {
    pub(super) fn world(&self, year: u16) -> Option<&World> {
        let first = self.worlds.first()?.year;
        self.worlds.get(usize::from(year.checked_sub(first)?))
    }
}

fn lean(sim: &Simulation, trace: &mut Trace, displaced: f64) {
    if trace.outside_work.is_empty() {
        trace.outside_work = vec![Vec::with_capacity(25); sim.world.areas.len()];
        trace.listed = vec![Vec::with_capacity(25); sim.world.areas.len()];
        trace.estates = (0..sim.world.areas.len())
            .filter(|&i| sim.world.areas[i].kind == AreaKind::Estate)
            .map(|area| EstateTrace { area, years: Vec::with_capacity(25) })
            .collect();
    }
    trace.years.push(sim.world.year);
    trace.displaced.push(displaced);
    trace.score.push(score::score(sim).0);
    for (i, standing) in sim.world.standings.iter().enumerate() {
        trace.outside_work[i].push(standing.indicators.outside_work_share);
        trace.listed[i].push(standing.status.listed);
    }
    let (cap, count_facilities) = (sim.engine.cap, sim.schedule.plan.facilities_count_as_commercial);
    for estate in &mut trace.estates {
        let (area, standing) = (&sim.world.areas[estate.area], &sim.world.standings[estate.area]);
        let share_168a = status::share_168a(area, cap, count_facilities).share();
        estate.years.push(estate_year(area.residents.total(), standing, share_168a));
    }
}

/// An estate's year as the list reads it.
fn estate_year(residents: f64, standing: &Standing, share_168a: f64) -> EstateYear {
    let mut values = status::indicator_values(&standing.indicators);
    for criterion in &standing.criteria {
        values[criterion.indicator.index()] = criterion.value;
    }
    let list_margin = standing.status.list_margin;
    EstateYear { category: standing.status.category, residents, values, list_margin, share_168a }
}

/// Runs to 2040 keeping a trace that already holds the years before the simulation's year.
pub(super) fn run_lean(mut sim: Simulation, mut trace: Trace, keep_checkpoints: bool) -> (Trace, Checkpoints) {
    let mut checkpoints = Checkpoints::default();
    if trace.years.last() != Some(&sim.world.year) {
        lean(&sim, &mut trace, 0.0);
    }
    while sim.world.year < sim.schedule.span.last {
        if keep_checkpoints {
            checkpoints.worlds.push(sim.world.clone());
        }
        let ledger = sim.step();
        lean(&sim, &mut trace, ledger.displaced);
    }
    (trace, checkpoints)
}

/// Appends the simulation's current year to a full projection: a row for every area, side by
/// side; an estate's criteria join its series' list of criteria.
pub(super) fn full(sim: &Simulation, out: &mut Projection, ledger: Option<LedgerYear>) {
    let year = sim.world.year;
    out.years.push(year);
    let (score, segregation_points) = score::score(sim);
    let (count_facilities, cap) = (sim.schedule.plan.facilities_count_as_commercial, sim.engine.cap);
    let areas = &sim.world.areas;
    let standings = &sim.world.standings;
    let row = |i: usize| {
        let (area, standing) = (&areas[i], &standings[i]);
        let parts = status::share_168a(area, cap, count_facilities);
        AreaYear {
            year,
            homes: area.homes,
            residents: area.residents.persons,
            indicators: standing.indicators,
            status: standing.status,
            almen_family_share_168a: parts.share(),
            share_168a_parts: parts,
            commercial_m2: area.commercial_m2,
            left_municipality: area.left.total(),
            awaiting_rehousing: area.waiting.total(),
            excluded_need: area.excluded.total(),
            segregation_points: segregation_points[i],
            newcomers: area.newcomers,
            rehoused_in: area.rehoused_in,
            rehoused_out: area.rehoused_out,
        }
    };
    out.recording.areas.record(areas.len(), row);
    for &e in &out.recording.estates {
        out.areas[e].change.push(standings[e].change);
    }
    let Recording { estates, criteria, .. } = &mut out.recording;
    let per_estate = estates.first().map_or(0, |&i| standings[i].criteria.len());
    criteria.record_with(estates.len(), per_estate, |e, out| {
        let judged = &standings[estates[e]].criteria;
        debug_assert_eq!(judged.len(), per_estate, "every estate is judged by every criterion");
        out.extend_from_slice(judged);
    });
    // Summed in plan order, so the totals are the same however the rows were made.
    let rows = out.recording.areas.year(out.recording.areas.years().saturating_sub(1));
    let totals = rows.fold(MunicipalityYear { year, ..MunicipalityYear::default() }, add_area);
    out.municipality.push(municipality_year(totals));
    districts(sim, out);
    schools(sim, out);
    out.score.push(score);
    if let Some(ledger) = ledger {
        out.ledger.push(ledger);
    }
}

/// Adds an area's row to the municipality's totals.
fn add_area(mut totals: MunicipalityYear, area: &AreaYear) -> MunicipalityYear {
    for t in Tenure::ALL {
        totals.homes_by_tenure[t] += area.homes[t];
    }
    for g in Group::ALL {
        totals.residents_by_group[g] += area.residents[g];
    }
    totals.left_municipality += area.left_municipality;
    totals.awaiting_rehousing += area.awaiting_rehousing;
    totals.excluded_need += area.excluded_need;
    totals
}

/// The municipality's shares, from its summed totals.
fn municipality_year(mut totals: MunicipalityYear) -> MunicipalityYear {
    totals.homes = totals.homes_by_tenure.total();
    totals.residents = totals.residents_by_group.total();
    totals.almen_share = ratio(totals.homes_by_tenure.almen(), totals.homes);
    totals.outside_work_share = ratio(totals.residents_by_group.outside_work, totals.residents_by_group.working_age());
    totals
}

fn districts(sim: &Simulation, out: &mut Projection) {
    let Projection { recording, ids, .. } = out;
    let world = &sim.world;
    let districts = world.district_profiles.len();
    recording
        .district_profiles
        .record(districts, |d| world.district_profiles[d].and_then(|p| ids.profiles.get(p).cloned()));
    recording.attractiveness.record(districts, |d| world.attractiveness.terms[d].clone());
    let institutions = &world.institutions;
    recording.institution_districts.record(institutions.len(), |i| institutions[i].district);
    recording.institutions_active.record(institutions.len(), |i| institutions[i].active);
    recording.strong_profiles.record(institutions.len(), |i| institutions[i].has_profile);
}

/// The yearly tables a run records into.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Recording {
    pub areas: Table<AreaYear>,
    pub district_profiles: Table<Option<Id>>,
    pub attractiveness: Table<AttractivenessTerms>,
    pub institution_districts: Table<Option<usize>>,
    pub institutions_active: Table<bool>,
    pub strong_profiles: Table<bool>,
    pub schools: Table<SchoolYear>,
    /// The institutions that are schools, in the order of [`Projection::schools`].
    pub school_institutions: Vec<usize>,
    /// Every estate's criteria, year by year.
    pub criteria: Table<CriterionResult>,
    /// The areas that are estates, in plan order.
    pub estates: Vec<usize>,
}

impl Recording {
    /// Tables for `years` years of `plan`, whose estates are judged by at most
    /// `criteria_per_estate` criteria a year; their blocks are made now (see [`Table::for_run`]).
    pub fn new(years: usize, plan: &Plan, criteria_per_estate: usize) -> Self {
        let m = &plan.municipality;
        let school_institutions: Vec<usize> =
            (0..m.institutions.len()).filter(|i| m.institutions[*i].kind == InstitutionKind::School).collect();
        let estates: Vec<usize> = (0..m.areas.len()).filter(|i| m.areas[*i].kind == AreaKind::Estate).collect();
        Self {
            areas: Table::for_run(years, m.areas.len(), 1),
            district_profiles: Table::for_run(years, m.districts.len(), 1),
            attractiveness: Table::for_run(years, m.districts.len(), 1),
            institution_districts: Table::for_run(years, m.institutions.len(), 1),
            institutions_active: Table::for_run(years, m.institutions.len(), 1),
            strong_profiles: Table::for_run(years, m.institutions.len(), 1),
            schools: Table::for_run(years, school_institutions.len(), 1),
            criteria: Table::for_run(years, estates.len(), criteria_per_estate),
            school_institutions,
            estates,
        }
    }
}

/// Hands the recorded tables to the series, once every year is recorded: each reads its
/// column.
pub(super) fn finish(mut out: Projection) -> Projection {
    let recording = std::mem::take(&mut out.recording);
    let areas = recording.areas.finish();
    for (i, series) in out.areas.iter_mut().enumerate() {
        series.years = Years::column(&areas, i);
    }
    let criteria = recording.criteria.finish();
    for (estate, &i) in recording.estates.iter().enumerate() {
        out.areas[i].criteria = CriteriaByYear::column(&criteria, estate);
    }
    let (profiles, attractiveness) = (recording.district_profiles.finish(), recording.attractiveness.finish());
    for (d, series) in out.districts.iter_mut().enumerate() {
        series.profile = Years::column(&profiles, d);
        series.attractiveness = Years::column(&attractiveness, d);
    }
    let districts = recording.institution_districts.finish();
    let (active, strong_profiles) = (recording.institutions_active.finish(), recording.strong_profiles.finish());
    for (i, series) in out.institutions.iter_mut().enumerate() {
        series.district = Years::column(&districts, i);
        series.active = Years::column(&active, i);
        series.strong_profile = Years::column(&strong_profiles, i);
    }
    let schools = recording.schools.finish();
    for (s, series) in out.schools.iter_mut().enumerate() {
        series.years = Years::column(&schools, s);
    }
    out
}

fn schools(sim: &Simulation, out: &mut Projection) {
    let year = sim.world.year;
    let (mix, institutions) = (&sim.world.school_mix, &sim.world.institutions);
    let Recording { schools, school_institutions, .. } = &mut out.recording;
    schools.record(school_institutions.len(), |s| {
        let i = school_institutions[s];
        let pupils = mix.pupils[i];
        SchoolYear {
            year,
            active: institutions[i].active,
            pupils,
            disadvantaged_share: ratio(mix.disadvantaged[i], pupils),
        }
    });
}
