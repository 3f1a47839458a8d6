//! Moves between homes: who moves out (employed residents leave unattractive districts more
//! often, and so do adults an effort placed in work), where vacancies fall, the letting rules
//! in force, and the rehousing of residents whose homes were demolished or merged — first in
//! their own area, then their district, then the rest of the municipality, the rest leaving it.

use super::cohort::{Cohort, ratio};
use super::intake::LettingShares;
use super::output::LedgerYear;
use super::state::{AreaState, Simulation};
use super::transition::AreaEfforts;
use crate::model::{Category, EffortKind, Letting, Params, PerGroup, PerTenure, RuleEffect};

/// The area's yearly move-out rate: its tenures' rates weighted by the persons they house.
pub(super) fn move_out_rate(area: &AreaState, p: &Params) -> f64 {
    let lettable = area.lettable();
    ratio(lettable.iter().map(|(t, c)| c * p.tenure.move_out_rate[t]).sum(), lettable.total())
}

/// The shares of each group that move out: the move-out rate for all, except that employed
/// residents leave unattractive districts more often (selective exit) and attractive ones less.
pub(super) fn leaving_shares(x: &PerGroup<f64>, rate: f64, attractiveness: f64, p: &Params) -> PerGroup<f64> {
    let employed_weight = libm::exp(-p.moves.selective_exit * attractiveness).clamp(0.2, 5.0);
    let weights = PerGroup { employed: employed_weight, ..PerGroup::from_fn(|_| 1.0) };
    let weighted: f64 = x.iter().map(|(g, n)| n * weights[g]).sum();
    let norm = ratio(x.total(), weighted);
    PerGroup::from_fn(|g| (weights[g] * norm * rate).clamp(0.0, 1.0))
}

/// Adults placed in work this year who also move away more often than others.
pub(super) fn placed_leaving_share(residents: &Cohort, placed: f64, rate: f64, p: &Params) -> f64 {
    let extra = placed * rate * (p.efforts.placed_exit_hazard - 1.0).max(0.0);
    ratio(extra, residents.persons.employed).clamp(0.0, 1.0)
}

/// The shares of vacancies that fall on each tenure: turnover plus new homes.
pub(super) fn vacancy_weights(area: &AreaState, p: &Params) -> PerTenure<f64> {
    let lettable = area.lettable();
    let w = PerTenure::from_fn(|t| lettable[t] * p.tenure.move_out_rate[t] + area.new_capacity[t]);
    let total = w.total();
    if total > 0.0 {
        PerTenure::from_fn(|t| w[t] / total)
    } else {
        let cap = lettable.total();
        PerTenure::from_fn(|t| ratio(lettable[t], cap))
    }
}

/// Letting rules in force in a year: the plan's, and the national rules for listed areas
/// (`assets/history.ron`) from the year each came into force.
pub(super) struct LettingYear {
    pub flexible: Vec<f64>,
    pub municipal: f64,
    pub joint: bool,
    /// Per area: the share of the municipality's allocations steered away from it to the
    /// other almene family homes (a joint allocation agreement for listed estates, the national
    /// ban on allocating to listed areas).
    pub steered: Vec<f64>,
    /// Per area: the national rule that refuses applicants on benefits applies.
    pub refusing: Vec<bool>,
}

pub(super) fn letting_in(sim: &Simulation, year: u16) -> LettingYear {
    let letting = &sim.schedule.plan.letting;
    let n = sim.world.areas.len();
    let mut flexible = vec![0.0; n];
    for &(area, share, from_year) in &sim.schedule.flexible {
        if from_year <= year {
            flexible[area] = share;
        }
    }
    let joint = letting.joint_allocation_from.is_some_and(|from| from <= year);
    let steer = sim.engine.params.moves.joint_allocation_steer_share.clamp(0.0, 1.0);
    let history = sim.engine.history;
    let ban = history.letting_rule(RuleEffect::NoMunicipalAllocation).filter(|rule| rule.from_year <= year);
    let refusal = history.letting_rule(RuleEffect::RefuseBenefitRecipients).filter(|rule| rule.from_year <= year);
    let (listed, standings) = (&sim.world.listed, &sim.world.standings);
    let steered = (0..n)
        .map(|i| {
            let prevention = standings[i].status.category == Category::Forebyggelse;
            let banned = ban
                .is_some_and(|rule| listed[i] || (prevention && rule.prevention_from.is_some_and(|from| from <= year)));
            if banned {
                1.0
            } else if joint && listed[i] {
                steer
            } else {
                0.0
            }
        })
        .collect();
    let refusing = (0..n)
        .map(|i| {
            refusal
                .is_some_and(|rule| standings[i].hardest_under_rule && rule.until_year.is_none_or(|until| year < until))
        })
        .collect();
    LettingYear { flexible, municipal: letting.municipal_allocation_share.clamp(0.0, 1.0), joint, steered, refusing }
}

/// Each area's letting shares. Allocations steered away from an area (a joint allocation
/// agreement, the national ban) go to the almene family homes of the areas nobody steers
/// from, so nobody the municipality must house disappears from the count.
pub(super) fn letting_shares(
    sim: &Simulation,
    letting: &LettingYear,
    vacancies: &[f64],
    weights: &[PerTenure<f64>],
) -> Vec<LettingShares> {
    let practice_2016 = Letting::default().municipal_allocation_share;
    let refused = sim.engine.params.moves.refused_benefit_share.clamp(0.0, 1.0);
    let n = sim.world.areas.len();
    let family_vacancies = |i: usize| vacancies[i] * weights[i].almen_family;
    let mut steered = 0.0;
    let mut receiving = 0.0;
    for i in 0..n {
        if letting.steered[i] > 0.0 {
            steered += letting.municipal * letting.steered[i] * family_vacancies(i);
        } else {
            receiving += family_vacancies(i);
        }
    }
    let extra = ratio(steered, receiving);
    (0..n)
        .map(|i| {
            let municipal = if letting.steered[i] > 0.0 {
                letting.municipal * (1.0 - letting.steered[i])
            } else {
                (letting.municipal + extra).min(1.0)
            };
            LettingShares {
                flexible: letting.flexible[i],
                municipal_change: municipal - practice_2016,
                refused: if letting.refusing[i] { refused } else { 0.0 },
            }
        })
        .collect()
}

pub(super) fn efforts_in(sim: &Simulation, year: u16) -> Vec<AreaEfforts> {
    let mut out = vec![AreaEfforts::default(); sim.world.areas.len()];
    for effort in sim.schedule.efforts.iter().filter(|e| e.from_year <= year && year <= e.to_year) {
        let slot = &mut out[effort.area];
        match effort.kind {
            EffortKind::JobConsultants => slot.job_consultants += effort.count,
            EffortKind::SocialWorkers => slot.social_workers += effort.count,
            EffortKind::FamilyCourses => slot.family_courses += effort.count,
        }
    }
    out
}

/// Where displaced residents went in a year.
pub(super) struct Rehousing {
    /// Per area: the persons rehoused there (they take vacancies ahead of ordinary intake).
    pub arrivals: Vec<Cohort>,
    /// Per origin area: the displaced who left the municipality this year.
    pub leaving: Vec<Cohort>,
    /// Per origin area: those still waiting for a home after this year.
    pub waiting: Vec<Cohort>,
    /// Per origin area: the persons from it rehoused this year (anywhere).
    pub rehoused_from: Vec<f64>,
}

impl Rehousing {
    /// Books the year's displaced, rehoused and leaving in the ledger.
    pub fn book(&self, displaced: &[Cohort], ledger: &mut LedgerYear) {
        ledger.displaced = displaced.iter().map(Cohort::total).sum();
        ledger.left = self.leaving.iter().map(Cohort::total).sum();
        ledger.rehoused = self.rehoused_from.iter().sum();
    }
}

/// Rehouses the displaced under the rehousing duty: a share of each year's displaced stays in
/// the municipality and is placed in almene vacancies of their own area first, then their
/// district, then anywhere else in the municipality with room (not in listed estates under a
/// joint allocation agreement); the rest leave the municipality. Who cannot be placed this year
/// waits for the next year's vacancies, ahead of the newly displaced. The last step pools every
/// origin's seekers, so a year costs a pass over the areas, not one per origin.
pub(super) fn rehouse(
    sim: &Simulation,
    displaced: &[Cohort],
    vacancies: &[f64],
    weights: &[PerTenure<f64>],
    joint: bool,
) -> Rehousing {
    let p = sim.engine.params;
    let areas = &sim.world.areas;
    let n = areas.len();
    let mut room: Vec<f64> = (0..n)
        .map(|i| {
            let almen: f64 = weights[i].iter().filter(|(t, _)| t.is_almen()).map(|(_, w)| w).sum();
            vacancies[i] * almen * p.moves.rehouse_max_vacancy_share.clamp(0.0, 1.0)
        })
        .collect();
    let staying = p.moves.rehoused_share.clamp(0.0, 1.0);
    let mut out = Rehousing {
        arrivals: vec![Cohort::default(); n],
        leaving: displaced.iter().map(|d| d.scaled(1.0 - staying)).collect(),
        waiting: vec![Cohort::default(); n],
        rehoused_from: vec![0.0; n],
    };
    let listed = &sim.world.listed;
    let open_to = |origin: usize, j: usize| j == origin || !(joint && listed[j]);
    let mut seekers: Vec<(usize, Cohort, f64)> = Vec::new();
    for origin in 0..n {
        // Who seeks a home: those still waiting, and this year's displaced who stay.
        let seeking = areas[origin].waiting.plus(&displaced[origin].scaled(staying));
        let total = seeking.total();
        if total <= 0.0 {
            continue;
        }
        let mut left_over = total;
        let district: &[usize] = areas[origin].district.map_or(&[], |d| &sim.schedule.district_areas[d]);
        let own = std::iter::once(origin);
        let others = district.iter().copied().filter(|&j| j != origin && open_to(origin, j));
        for tier in [own.collect::<Vec<_>>(), others.collect()] {
            let placed = place(&tier, left_over, &mut room, &mut out.arrivals, &seeking.scaled(1.0 / total));
            left_over -= placed;
        }
        out.rehoused_from[origin] += total - left_over;
        seekers.push((origin, seeking, left_over));
    }
    // Anywhere else with room: every origin's remaining seekers together.
    let pool = seekers
        .iter()
        .fold(Cohort::default(), |acc, (_, seeking, left)| acc.plus(&seeking.scaled(left / seeking.total())));
    let pool_total = pool.total();
    let anywhere: Vec<usize> = (0..n).filter(|&j| !(joint && listed[j])).collect();
    let placed = if pool_total > 0.0 {
        place(&anywhere, pool_total, &mut room, &mut out.arrivals, &pool.scaled(1.0 / pool_total))
    } else {
        0.0
    };
    for (origin, seeking, left) in seekers {
        let share_placed = if pool_total > 0.0 { placed / pool_total } else { 0.0 };
        out.rehoused_from[origin] += left * share_placed;
        out.waiting[origin] = seeking.scaled(left * (1.0 - share_placed) / seeking.total());
    }
    out
}

/// Places up to `persons` of a mix (`per_person`: one person's share of each group) in the
/// rooms of `tier`, in proportion to each room; returns how many were placed.
fn place(tier: &[usize], persons: f64, room: &mut [f64], arrivals: &mut [Cohort], per_person: &Cohort) -> f64 {
    let available: f64 = tier.iter().map(|&j| room[j]).sum();
    if persons <= 0.0 || available <= 0.0 {
        return 0.0;
    }
    let placed = persons.min(available);
    for &j in tier {
        let here = placed * room[j] / available;
        if here > 0.0 {
            room[j] -= here;
            arrivals[j] = arrivals[j].plus(&per_person.scaled(here));
        }
    }
    placed
}
