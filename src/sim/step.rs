//! One year of the projection, t → t+1: the year's actions, transitions inside each area,
//! moves out, rehousing of the displaced, and refilling of vacancies from the intake. Also the
//! calibration that makes each area's 2016 composition (groups, education, earnings) stationary.

use super::cohort::Cohort;
use super::intake::{self, IntakeArea};
use super::moves;
use super::output::LedgerYear;
use super::state::Simulation;
use super::transition::{self, AreaEfforts, Context};
use crate::model::{FIRST_YEAR, PerGroup, PerTenure};

/// Sets each area's calibrated intake residual so that, with no actions, the 2016 composition
/// is a fixed point: the inflow equals what transitions and moves take away.
pub(super) fn calibrate(sim: &mut Simulation) {
    let p = sim.engine.params;
    for i in 0..sim.world.areas.len() {
        let area = &sim.world.areas[i];
        if area.residents.total() < p.moves.calibration_min_residents {
            continue;
        }
        let ctx = Context { school_share: sim.world.school_mix.area_school_share[i], ..Context::default() };
        let after = transition::transition(&area.residents, &p.flows, &p.efforts, ctx).residents;
        let rate = moves::move_out_rate(area, p);
        let shares = moves::leaving_shares(&after.persons, rate, sim.world.attractiveness_now(area.district), p);
        let mut stayers = after;
        let left = stayers.take_shares(&shares);
        let needed = needed_inflow(&area.residents, &after, &left);
        let weights = moves::vacancy_weights(area, p);
        sim.world.areas[i].residual = intake::residual_for(&needed, &weights, p);
    }
}

/// The newcomers that keep a cohort as it was: what it was, less what transitions left, plus
/// who moved out; never negative.
fn needed_inflow(before: &Cohort, after: &Cohort, left: &Cohort) -> Cohort {
    let keep = |b: f64, a: f64, l: f64| (b - a + l).max(0.0);
    let mut needed = *before;
    needed.persons = PerGroup::from_fn(|g| keep(before.persons[g], after.persons[g], left.persons[g]));
    needed.basic.employed = keep(before.basic.employed, after.basic.employed, left.basic.employed);
    needed.basic.outside_work = keep(before.basic.outside_work, after.basic.outside_work, left.basic.outside_work);
    needed.earnings.employed = keep(before.earnings.employed, after.earnings.employed, left.earnings.employed);
    needed.earnings.outside_work =
        keep(before.earnings.outside_work, after.earnings.outside_work, left.earnings.outside_work);
    needed
}

/// Advances the simulation through `year`; returns the year's flows.
pub(super) fn advance(sim: &mut Simulation, year: u16) -> LedgerYear {
    let n = sim.world.areas.len();
    let mut displaced = vec![Cohort::default(); n];
    let slot = usize::from(year.saturating_sub(FIRST_YEAR));
    for k in 0..sim.schedule.steps_by_year.get(slot).map_or(0, Vec::len) {
        let step = sim.schedule.steps_by_year[slot][k];
        super::actions::apply(sim, step, &mut displaced);
    }
    let mut ledger = LedgerYear { year: year + 1, ..LedgerYear::default() };
    let efforts = moves::efforts_in(sim, year);
    let vacancies = live_and_move_out(sim, &efforts, &mut ledger);
    let p = sim.engine.params;
    let weights: Vec<PerTenure<f64>> = sim.world.areas.iter().map(|a| moves::vacancy_weights(a, p)).collect();
    let letting = moves::letting_in(sim, year);
    let rehousing = moves::rehouse(sim, &displaced, &vacancies, &weights, letting.joint);
    ledger.displaced = displaced.iter().map(Cohort::total).sum();
    ledger.left = rehousing.leaving.iter().map(Cohort::total).sum();
    ledger.rehoused = rehousing.rehoused_from.iter().sum();
    let shares = moves::letting_shares(sim, &letting, &vacancies, &weights);
    let economy_odds = 1.0 / transition::economy(&p.flows, year.saturating_sub(FIRST_YEAR));
    for i in 0..n {
        let change = sim.world.attractiveness_change(sim.world.areas[i].district);
        let area = &mut sim.world.areas[i];
        area.left = area.left.plus(&rehousing.leaving[i]);
        area.waiting = rehousing.waiting[i];
        area.rehoused_in = rehousing.arrivals[i].total();
        area.rehoused_out = rehousing.rehoused_from[i];
        area.residents = area.residents.plus(&rehousing.arrivals[i]);
        let open = (vacancies[i] - rehousing.arrivals[i].total()).max(0.0);
        area.newcomers = PerGroup::default();
        if open > 0.0 {
            let who = IntakeArea {
                weights: &weights[i],
                had_in_2016: &area.had_in_2016,
                residual: &area.residual,
                attractiveness_change: change,
                economy_odds,
            };
            let arrivals = intake::newcomers(&who, shares[i], open, p);
            ledger.moved_in += arrivals.total();
            area.newcomers = arrivals.persons;
            area.residents = area.residents.plus(&arrivals);
        }
        area.new_capacity = PerTenure::default();
    }
    ledger
}

/// Transitions and moves out in every area; returns each area's vacancies.
fn live_and_move_out(sim: &mut Simulation, efforts: &[AreaEfforts], ledger: &mut LedgerYear) -> Vec<f64> {
    let p = sim.engine.params;
    let mut vacancies = vec![0.0; sim.world.areas.len()];
    let economy = transition::economy(&p.flows, sim.world.year.saturating_sub(FIRST_YEAR));
    for (i, vacancy) in vacancies.iter_mut().enumerate() {
        let school_share = sim.world.school_mix.area_school_share.get(i).copied().unwrap_or(0.0);
        let attractiveness = sim.world.attractiveness_now(sim.world.areas[i].district);
        let area = &mut sim.world.areas[i];
        let ctx = Context { school_share, efforts: efforts[i], placed_last_year: area.placed, economy };
        let t = transition::transition(&area.residents, &p.flows, &p.efforts, ctx);
        let rate = moves::move_out_rate(area, p);
        let mut residents = t.residents;
        let leaving = residents.take_shares(&moves::leaving_shares(&residents.persons, rate, attractiveness, p));
        let placed_share = moves::placed_leaving_share(&residents, t.placed, rate, p);
        let placed_leaving = residents.take_shares(&PerGroup { employed: placed_share, ..PerGroup::default() });
        ledger.births += t.births;
        ledger.deaths += t.deaths;
        ledger.effort_moves += t.effort_moves;
        ledger.moved_out += leaving.total() + placed_leaving.total();
        let gap = area.capacity.total() - residents.total();
        if gap < 0.0 {
            // More people than the homes hold: the surplus moves away with the area's mix.
            let surplus = residents.take_share(-gap / residents.total());
            ledger.moved_out += surplus.total();
        }
        *vacancy = gap.max(0.0);
        area.residents = residents;
        area.placed = t.placed;
    }
    vacancies
}
