//! One year of the projection, t → t+1: the year's actions, transitions inside each area,
//! moves out, rehousing of the displaced, and refilling of vacancies from the intake. Also the
//! calibration that makes each area's 2016 composition (groups, education, earnings) stationary.

use super::cohort::Cohort;
use super::intake::{self, IntakeArea, Residual};
use super::output::LedgerYear;
use super::schools::{self, DistrictPupils};
use super::state::{AreaState, Simulation};
use super::transition::{self, AreaEfforts, Context};
use super::{moves, need, parallel, status};
use crate::model::{AreaKind, PerGroup, PerTenure, Tenure};

/// Sets each area's calibrated intake residual so that, with no actions, the 2016 composition
/// is a fixed point: the inflow equals what transitions and moves take away.
pub(super) fn calibrate(sim: &mut Simulation) {
    let residuals = parallel::map(sim.world.areas.len(), |i| calibrated_residual(sim, i));
    for (area, residual) in sim.world.areas.iter_mut().zip(residuals) {
        if let Some(residual) = residual {
            area.residual = residual;
        }
    }
}

/// The intake residual that keeps area `i` as it was in 2016; none for an area too small to
/// calibrate.
fn calibrated_residual(sim: &Simulation, i: usize) -> Option<Residual> {
    let p = sim.engine.params;
    let area = &sim.world.areas[i];
    if area.residents.total() < p.moves.calibration_min_residents {
        return None;
    }
    let ctx = Context { school_share: sim.world.school_mix.area_school_share[i], ..Context::in_2016(&p.flows) };
    let after = transition::transition(&area.residents, &p.flows, &p.efforts, ctx).residents;
    let rate = moves::move_out_rate(area, p);
    let shares = moves::leaving_shares(&after.persons, rate, sim.world.attractiveness.now(area.district), p);
    let mut stayers = after;
    let left = stayers.take_shares(&shares);
    let needed = needed_inflow(&area.residents, &after, &left);
    let weights = moves::vacancy_weights(area, p);
    Some(intake::residual_for(&needed, &weights, p))
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

/// Advances the simulation through `year`; returns the year's flows, and every district's
/// pupils as the residents are at the end of it (for the next year's school mix).
pub(super) fn advance(sim: &mut Simulation, year: u16) -> (LedgerYear, DistrictPupils) {
    let n = sim.world.areas.len();
    let mut displaced = vec![Cohort::default(); n];
    let slot = sim.schedule.span.index(year).unwrap_or(usize::MAX);
    let steps = sim.schedule.steps_by_year.get(slot).map_or(0, Vec::len);
    for k in 0..steps {
        let step = sim.schedule.steps_by_year[slot][k];
        super::actions::apply(sim, step, &mut displaced);
    }
    let mut ledger = LedgerYear { year: year + 1, ..LedgerYear::default() };
    let efforts = moves::efforts_in(sim, year);
    let Openings { vacancies, weights } = live_and_move_out(sim, &efforts, &mut ledger);
    let p = sim.engine.params;
    let letting = moves::letting_in(sim, year);
    // Only a year with actions displaces anyone; without them and with nobody waiting, nobody
    // is rehoused (most years of a plan).
    let rehousing = (steps > 0 || sim.world.someone_waiting)
        .then(|| moves::rehouse(sim, &displaced, &vacancies, &weights, letting.joint));
    if let Some(rehousing) = &rehousing {
        rehousing.book(&displaced, &mut ledger);
    }
    sim.world.someone_waiting = rehousing.as_ref().is_some_and(|r| r.waiting.iter().any(|w| w.total() > 0.0));
    let shares = moves::letting_shares(sim, &letting, &vacancies, &weights);
    let economy = transition::Economy::in_year(sim.engine.history, &p.flows, year, sim.schedule.span.first);
    let schedule = &sim.schedule;
    let economy_odds = |i: usize| 1.0 / economy.for_area(schedule.held(i, year).1, p.flows.economy_response);
    let openings = need::Openings {
        vacancies: &vacancies,
        weights: &weights,
        rehousing: rehousing.as_ref(),
        shares: &shares,
        letting: &letting,
        economy_odds: &economy_odds,
    };
    let need = need::housing_need(sim, &openings);
    if let Some(need) = &need {
        need.book(&mut ledger);
    }
    let turnover = p.tenure.move_out_rate[Tenure::AlmenFamily].clamp(0.0, 1.0);
    let attractiveness = &sim.world.attractiveness;
    let pupils_per_child = p.flows.pupils_per_child;
    let intakes = intake::tenure_intakes(p);
    let newcomers = |i: usize, area: &mut AreaState| {
        settle_rehousing(area, rehousing.as_ref(), i);
        area.new_capacity = PerTenure::default();
        area.newcomers = PerGroup::default();
        let placed = settle_need(area, need.as_ref(), i, turnover);
        let open = (vacancies[i] - area.rehoused_in - placed).max(0.0);
        let arrived = (open > 0.0).then(|| {
            let who = IntakeArea {
                intakes: &intakes,
                weights: &weights[i],
                had_in_2016: &area.had_in_2016,
                residual: &area.residual,
                attractiveness_change: attractiveness.change(area.district),
                economy_odds: economy_odds(i),
            };
            let arrivals = intake::newcomers(&who, shares[i], open, p);
            area.newcomers = arrivals.persons;
            area.residents = area.residents.plus(&arrivals);
            arrivals.total()
        });
        // The year's last change to the area: its pupils now make the next year's school mix.
        (arrived, schools::area_pupils(area.district, &area.residents, pupils_per_child))
    };
    let mut pupils = DistrictPupils::new(sim.world.district_profiles.len());
    // Summed in plan order, so the totals are the same however the areas were split.
    parallel::fold_mut(&mut sim.world.areas, newcomers, (&mut ledger, &mut pupils), |(ledger, pupils), area| {
        if let Some(arrived) = area.0 {
            ledger.moved_in += arrived;
        }
        pupils.add(area.1);
        (ledger, pupils)
    });
    (ledger, pupils)
}

/// The displaced who arrive in area `i`, leave from it or wait, in its record.
fn settle_rehousing(area: &mut AreaState, rehousing: Option<&moves::Rehousing>, i: usize) {
    if let Some(rehousing) = rehousing {
        area.left = area.left.plus(&rehousing.leaving[i]);
        area.waiting = rehousing.waiting[i];
        area.rehoused_in = rehousing.arrivals[i].total();
        area.rehoused_out = rehousing.rehoused_from[i];
        area.residents = area.residents.plus(&rehousing.arrivals[i]);
    } else {
        area.waiting = Cohort::default();
        area.rehoused_in = 0.0;
        area.rehoused_out = 0.0;
    }
}

/// Those in need whom area `i`'s lost homes left without one thin out as tenants would have
/// moved on, and this year's join them; those placed here move in (they take vacancies first).
/// Returns how many were placed here.
fn settle_need(area: &mut AreaState, need: Option<&need::NeedYear>, i: usize, turnover: f64) -> f64 {
    area.excluded = area.excluded.scaled(1.0 - turnover);
    let Some(need) = need else { return 0.0 };
    area.excluded = area.excluded.plus(&need.excluded[i]);
    area.residents = area.residents.plus(&need.placed[i]);
    need.placed[i].total()
}

/// Each area's vacancies after the year's moves out, and the shares of them each tenure has.
struct Openings {
    vacancies: Vec<f64>,
    weights: Vec<PerTenure<f64>>,
}

/// What one area's year of living and moving out leaves: its vacancies and the share of them
/// each tenure has, and its flows for the ledger.
struct Lived {
    vacancies: f64,
    weights: PerTenure<f64>,
    births: f64,
    deaths: f64,
    effort_moves: f64,
    /// Ordinary moves out, and the surplus of an over-full area.
    moved_out: (f64, Option<f64>),
}

/// Transitions and moves out in every area; returns each area's vacancies and their tenures.
fn live_and_move_out(sim: &mut Simulation, efforts: &[AreaEfforts], ledger: &mut LedgerYear) -> Openings {
    let p = sim.engine.params;
    let year = sim.world.year;
    let economy = transition::Economy::in_year(sim.engine.history, &p.flows, year, sim.schedule.span.first);
    let (school_shares, attractiveness) = (&sim.world.school_mix.area_school_share, &sim.world.attractiveness);
    let schedule = &sim.schedule;
    let response = p.flows.economy_response;
    let household = (1.0 + p.flows.almen_household_size_change).max(0.0);
    let live = |i: usize, area: &mut AreaState| {
        // Households in almene homes grow smaller: the homes hold fewer persons each year.
        for t in Tenure::ALL.into_iter().filter(|t| t.is_almen()) {
            area.capacity[t] *= household;
            area.empty[t] *= household;
            area.new_capacity[t] *= household;
        }
        area.almen_family_persons_per_home *= household;
        let school_share = school_shares.get(i).copied().unwrap_or(0.0);
        let rates = transition::YearRates::new(&p.flows, economy.for_area(schedule.held(i, year).1, response));
        let ctx = Context { school_share, efforts: efforts[i], placed_last_year: area.placed, rates };
        let t = transition::transition(&area.residents, &p.flows, &p.efforts, ctx);
        if area.kind == AreaKind::Estate {
            let figures = |c: &Cohort| status::figures(c, p);
            area.figures_in_year = Some((figures(&area.residents), figures(&t.residents)));
        }
        let rate = moves::move_out_rate(area, p);
        let mut residents = t.residents;
        let exit = moves::leaving_shares(&residents.persons, rate, attractiveness.now(area.district), p);
        let leaving = residents.take_shares(&exit);
        let placed_share = moves::placed_leaving_share(&residents, t.placed, rate, p);
        let placed_leaving = residents.take_shares(&PerGroup { employed: placed_share, ..PerGroup::default() });
        let gap = area.lettable().total() - residents.total();
        // More people than the homes hold: the surplus moves away with the area's mix.
        let surplus = (gap < 0.0).then(|| residents.take_share(-gap / residents.total()).total());
        area.residents = residents;
        area.placed = t.placed;
        Lived {
            vacancies: gap.max(0.0),
            weights: moves::vacancy_weights(area, p),
            births: t.births,
            deaths: t.deaths,
            effort_moves: t.effort_moves,
            moved_out: (leaving.total() + placed_leaving.total(), surplus),
        }
    };
    let n = sim.world.areas.len();
    let mut openings = Openings { vacancies: Vec::with_capacity(n), weights: Vec::with_capacity(n) };
    // Summed in plan order, so the ledger is the same however the areas were split. The
    // openings are borrowed through the fold, not moved at every area.
    parallel::fold_mut(&mut sim.world.areas, live, &mut openings, |openings, area| {
        ledger.births += area.births;
        ledger.deaths += area.deaths;
        ledger.effort_moves += area.effort_moves;
        ledger.moved_out += area.moved_out.0;
        if let Some(surplus) = area.moved_out.1 {
            ledger.moved_out += surplus;
        }
        openings.vacancies.push(area.vacancies);
        openings.weights.push(area.weights);
        openings
    });
    openings
}
