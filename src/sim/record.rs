//! What a run keeps: the full [`Projection`] the app, the CLI and the report read, or a lean
//! [`Trace`] (score, outside-work shares, list status) for the bands and the attribution, which
//! run hundreds of projections; and checkpoints of the world to resume runs from.

use super::cohort::ratio;
use super::output::{AreaYear, LedgerYear, MunicipalityYear, Projection, SchoolSeries, SchoolYear, ScoreYear};
use super::state::{Simulation, World};
use super::{parallel, score, status, year_table};
use crate::model::{AreaKind, FIRST_YEAR, Group, InstitutionKind, LAST_YEAR, Tenure};

/// The lean record of a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    pub years: Vec<u16>,
    pub score: Vec<ScoreYear>,
    /// Per area (plan order), per year: the share of adults 18–64 outside work and education.
    pub outside_work: Vec<Vec<f64>>,
    /// Per area, per year: whether it is on the list.
    pub listed: Vec<Vec<bool>>,
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
        self.worlds.get(usize::from(year.checked_sub(FIRST_YEAR)?))
    }
}

fn lean(sim: &Simulation, trace: &mut Trace) {
    if trace.outside_work.is_empty() {
        trace.outside_work = vec![Vec::with_capacity(25); sim.world.areas.len()];
        trace.listed = vec![Vec::with_capacity(25); sim.world.areas.len()];
    }
    trace.years.push(sim.world.year);
    trace.score.push(score::score(sim).0);
    for (i, standing) in sim.world.standings.iter().enumerate() {
        trace.outside_work[i].push(standing.indicators.outside_work_share);
        trace.listed[i].push(standing.status.listed);
    }
}

/// Runs to 2040 keeping a trace that already holds the years before the simulation's year.
pub(super) fn run_lean(mut sim: Simulation, mut trace: Trace, keep_checkpoints: bool) -> (Trace, Checkpoints) {
    let mut checkpoints = Checkpoints::default();
    if trace.years.last() != Some(&sim.world.year) {
        lean(&sim, &mut trace);
    }
    while sim.world.year < LAST_YEAR {
        if keep_checkpoints {
            checkpoints.worlds.push(sim.world.clone());
        }
        sim.step();
        lean(&sim, &mut trace);
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
            segregation_points: segregation_points[i],
            newcomers: area.newcomers,
            rehoused_in: area.rehoused_in,
            rehoused_out: area.rehoused_out,
        }
    };
    let rows = parallel::map_in_blocks(areas.len(), year_table::BLOCK, row);
    parallel::for_each_mut(&mut out.areas, |i, series| {
        if series.kind == AreaKind::Estate {
            series.criteria.push(&standings[i].criteria);
        }
    });
    // Summed in plan order, so the totals are the same however the rows were made.
    let totals = rows.iter().flatten().fold(MunicipalityYear { year, ..MunicipalityYear::default() }, add_area);
    out.municipality.push(municipality_year(totals));
    out.rows.push(rows);
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
    let Projection { districts, institutions, ids, .. } = out;
    let world = &sim.world;
    parallel::for_each_mut(districts, |d, series| {
        let profile = world.district_profiles[d].and_then(|p| ids.profiles.get(p).cloned());
        series.profile.push(profile);
        series.attractiveness.push(world.attractiveness.terms[d].clone());
    });
    parallel::for_each_mut(institutions, |i, series| {
        let inst = &world.institutions[i];
        series.district.push(inst.district);
        series.active.push(inst.active);
        series.strong_profile.push(inst.has_profile);
    });
}

fn schools(sim: &Simulation, out: &mut Projection) {
    let municipality = &sim.schedule.plan.municipality;
    if out.schools.is_empty() {
        out.schools = municipality
            .institutions
            .iter()
            .filter(|i| i.kind == InstitutionKind::School)
            .map(|i| SchoolSeries { id: i.id.clone(), name: i.name.clone(), years: Vec::new() })
            .collect();
    }
    let year = sim.world.year;
    let mix = &sim.world.school_mix;
    let school_ids = sim.world.institutions.iter().enumerate().filter(|(_, i)| i.kind == InstitutionKind::School);
    for ((i, inst), series) in school_ids.zip(&mut out.schools) {
        let pupils = mix.pupils[i];
        series.years.push(SchoolYear {
            year,
            active: inst.active,
            pupils,
            disadvantaged_share: ratio(mix.disadvantaged[i], pupils),
        });
    }
}
