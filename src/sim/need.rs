//! Housing need is conserved. The households that need an affordable family home are a municipal
//! quantity that exists whatever a plan does to the supply: as many as the municipality's almene
//! family homes let in 2016 (their yearly turnover, LBF's 10.4 %), the households the
//! municipality allocates homes to, and the applicants a national rule refuses in the hardest
//! listed areas. When a plan lets fewer almene family homes than 2016 did (homes demolished, sold,
//! converted or standing empty and not replaced elsewhere in the municipality), allocates less
//! than the 2016 practice, or a rule refuses applicants, those households do not vanish: some are
//! housed in the almene family homes that remain (the municipality's priority, which raises their
//! concentration), some in private rentals, and the rest wait or leave the municipality. Those are
//! counted where the homes they lost were, for as long as they would have lived there, and the
//! balance score's housing-need component counts them.

use super::cohort::{Cohort, ratio};
use super::intake::{self, IntakeArea, LettingShares, TenureIntake};
use super::moves::{LettingYear, Rehousing};
use super::output::{LedgerYear, NeedLedger};
use super::state::{AreaState, Simulation};
use crate::model::{Letting, Params, PerGroup, PerTenure, Tenure};

/// The municipality's need as it stood in 2016.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct NeedReference {
    /// Almene family homes let (not standing empty) in 2016.
    pub homes_2016: f64,
    /// Persons living in almene family homes in 2016: the scale of the housing-need component.
    pub residents_2016: f64,
}

impl NeedReference {
    /// The need as the 2016 world holds it.
    pub fn of(areas: &[AreaState]) -> Self {
        let homes_2016 = areas.iter().map(|a| a.almen_family_homes_2016).sum();
        let residents_2016 = areas
            .iter()
            .map(|a| {
                let share = ratio(a.capacity[Tenure::AlmenFamily], a.capacity.total());
                share * a.residents.total()
            })
            .sum();
        Self { homes_2016, residents_2016 }
    }
}

/// Where the year's households in need went.
pub(super) struct NeedYear {
    /// Per area: households placed in its almene family or private rental vacancies, ahead of
    /// the ordinary intake.
    pub placed: Vec<Cohort>,
    /// Per area: households its lost homes (or its refusals, or the allocations not made) left
    /// without a home in the municipality this year.
    pub excluded: Vec<Cohort>,
    pub ledger: NeedLedger,
}

impl NeedYear {
    /// Books the year's need in the ledger: those housed in its place moved in from outside the
    /// homes' ordinary intake.
    pub fn book(&self, ledger: &mut LedgerYear) {
        ledger.need = self.ledger;
        ledger.moved_in += self.ledger.housed_almene + self.ledger.housed_private;
    }
}

/// An area's almene family homes that are let (those standing empty are not).
pub(super) fn lettable_family_homes(area: &AreaState) -> f64 {
    let t = Tenure::AlmenFamily;
    let homes = area.homes[t];
    if area.capacity[t] > 0.0 { homes * (area.capacity[t] - area.empty[t]).max(0.0) / area.capacity[t] } else { homes }
}

/// What the year's openings are, as the need phase reads them.
pub(super) struct Openings<'a> {
    pub vacancies: &'a [f64],
    pub weights: &'a [PerTenure<f64>],
    /// The year's rehousing of the displaced, if any (they took vacancies first).
    pub rehousing: Option<&'a Rehousing>,
    pub shares: &'a [LettingShares],
    pub letting: &'a LettingYear,
    /// Per area: the economy's factor on the odds of a newcomer being outside work.
    pub economy_odds: &'a dyn Fn(usize) -> f64,
}

/// The year's households in need and where they went; `None` when nobody is short of a home
/// (the supply is as in 2016 or more, nobody is refused, the allocation is the 2016 practice).
pub(super) fn housing_need(sim: &Simulation, openings: &Openings) -> Option<NeedYear> {
    let p = sim.engine.params;
    let areas = &sim.world.areas;
    let n = areas.len();
    let turnover = p.tenure.move_out_rate[Tenure::AlmenFamily].clamp(0.0, 1.0);
    let supply: f64 = areas.iter().map(lettable_family_homes).sum();
    let short_homes = (sim.world.need.homes_2016 - supply).max(0.0) * turnover;
    let losses: Vec<f64> =
        areas.iter().map(|a| (a.almen_family_homes_2016 - lettable_family_homes(a)).max(0.0)).collect();
    let lost: f64 = losses.iter().sum();
    let practice = Letting::default().municipal_allocation_share;
    let unallocated_share = (practice - openings.letting.municipal).max(0.0);
    let refusing = openings.shares.iter().any(|s| s.refused > 0.0);
    if (short_homes <= 0.0 || lost <= 0.0) && unallocated_share <= 0.0 && !refusing {
        return None;
    }
    let intakes = intake::tenure_intakes(p);
    let family_vacancies = |i: usize| openings.vacancies[i] * openings.weights[i].almen_family;
    // Who each origin's households in need are: those seeking an almene family home, and those
    // the municipality would have allocated one.
    let mut seeking = vec![Cohort::default(); n];
    let mut unallocated = vec![Cohort::default(); n];
    let mut ledger = NeedLedger::default();
    for i in 0..n {
        let short =
            if lost > 0.0 { short_homes * losses[i] / lost * areas[i].almen_family_persons_per_home } else { 0.0 };
        let refused = openings.shares[i].refused
            * openings.vacancies[i]
            * (openings.weights[i].almen_family + openings.weights[i].almen_youth + openings.weights[i].almen_elderly);
        let not_allocated = unallocated_share * family_vacancies(i);
        if short + refused + not_allocated <= 0.0 {
            continue;
        }
        let who = |change: f64, persons: f64| {
            let letting = LettingShares { municipal_change: change, ..openings.shares[i] };
            family_newcomers(&intakes, &areas[i], letting, (openings.economy_odds)(i), persons, p)
        };
        let applicants = who(openings.shares[i].municipal_change, short.max(refused));
        let refused_people = outside_work_only(&applicants, refused);
        seeking[i] = applicants.scaled(ratio(short, applicants.total())).plus(&refused_people);
        unallocated[i] = who(1.0, not_allocated);
        ledger.shortfall += short;
        ledger.refused += refused;
        ledger.unallocated += not_allocated;
    }
    let mut placed = vec![Cohort::default(); n];
    // The almene family homes that remain take what the municipality can claim of them, away
    // from the areas that refuse or are steered away from.
    let almen_room: Vec<f64> = (0..n)
        .map(|i| {
            let open = openings.letting.steered[i] == 0.0 && openings.shares[i].refused == 0.0;
            let claim = p.moves.need_almen_priority_share.clamp(0.0, 1.0) * family_vacancies(i);
            let rehoused_in = openings.rehousing.map_or(0.0, |r| r.arrivals[i].total());
            if open { (claim - rehoused_in).max(0.0) } else { 0.0 }
        })
        .collect();
    let (housed_almene, left_over) = place_pooled(&seeking, &almen_room, &mut placed);
    ledger.housed_almene = housed_almene;
    // Housed ahead of the others, they take homes other applicants in need would have had: the
    // same number of those are left without one instead, with the mix of the homes' intake, and
    // count where the lost homes (or the refusals) were.
    let passed_over = passed_over(&placed, &intakes, areas, openings, p);
    let housed_ahead =
        seeking.iter().map(Cohort::total).sum::<f64>() - left_over.iter().map(Cohort::total).sum::<f64>();
    let mut rest: Vec<Cohort> = (0..n)
        .map(|i| {
            let share = ratio(seeking[i].total() - left_over[i].total(), housed_ahead);
            left_over[i].plus(&unallocated[i]).plus(&passed_over.scaled(share))
        })
        .collect();
    // Private rentals take a share of the rest, up to half their vacancies.
    let private_share = p.moves.need_private_rental_share.clamp(0.0, 1.0);
    let private_room: Vec<f64> =
        (0..n).map(|i| 0.5 * openings.vacancies[i] * openings.weights[i].private_rental).collect();
    let wanting: Vec<Cohort> = rest.iter().map(|c| c.scaled(private_share)).collect();
    let (housed_private, not_housed) = place_pooled(&wanting, &private_room, &mut placed);
    ledger.housed_private = housed_private;
    for (r, (w, left)) in rest.iter_mut().zip(wanting.iter().zip(&not_housed)) {
        *r = r.scaled(1.0 - private_share).plus(left);
        debug_assert!(w.total() + 1e-9 >= left.total());
    }
    ledger.excluded = rest.iter().map(Cohort::total).sum();
    Some(NeedYear { placed, excluded: rest, ledger })
}

/// The applicants whose homes those housed ahead of them took: in each area, as many as were
/// placed there, with its almene family intake.
fn passed_over(
    placed: &[Cohort],
    intakes: &PerTenure<TenureIntake>,
    areas: &[AreaState],
    openings: &Openings,
    p: &Params,
) -> Cohort {
    (0..areas.len()).filter(|&j| placed[j].total() > 0.0).fold(Cohort::default(), |acc, j| {
        let who =
            family_newcomers(intakes, &areas[j], openings.shares[j], (openings.economy_odds)(j), placed[j].total(), p);
        acc.plus(&who)
    })
}

/// Who would move into an area's almene family vacancies: `persons` of its intake.
fn family_newcomers(
    intakes: &PerTenure<TenureIntake>,
    area: &AreaState,
    letting: LettingShares,
    economy_odds: f64,
    persons: f64,
    p: &Params,
) -> Cohort {
    if persons <= 0.0 {
        return Cohort::default();
    }
    let weights = PerTenure::from_fn(|t| if t == Tenure::AlmenFamily { 1.0 } else { 0.0 });
    let who = IntakeArea {
        intakes,
        weights: &weights,
        had_in_2016: &area.had_in_2016,
        residual: &area.residual,
        attractiveness_change: 0.0,
        economy_odds,
    };
    intake::newcomers(&who, LettingShares { refused: 0.0, ..letting }, persons, p)
}

/// `persons` adults outside work with what the applicants' adults outside work carry.
fn outside_work_only(applicants: &Cohort, persons: f64) -> Cohort {
    if persons <= 0.0 {
        return Cohort::default();
    }
    let group = PerGroup { outside_work: persons, ..PerGroup::default() };
    let basic =
        super::cohort::Adults { employed: 0.0, outside_work: applicants.basic_share(crate::model::Group::OutsideWork) };
    let earnings = super::cohort::Adults {
        employed: 1.0,
        outside_work: applicants.earnings_mean(crate::model::Group::OutsideWork),
    };
    Cohort::arriving(group, basic, earnings)
}

/// Places every origin's households, pooled, in the rooms in proportion to each room; returns
/// how many were placed and, per origin, who was not.
fn place_pooled(origins: &[Cohort], room: &[f64], placed: &mut [Cohort]) -> (f64, Vec<Cohort>) {
    let pool = origins.iter().fold(Cohort::default(), |acc, c| acc.plus(c));
    let (wanting, available) = (pool.total(), room.iter().sum::<f64>());
    if wanting <= 0.0 || available <= 0.0 {
        return (0.0, origins.to_vec());
    }
    let housed = wanting.min(available);
    let per_person = pool.scaled(1.0 / wanting);
    for (j, r) in room.iter().enumerate() {
        if *r > 0.0 {
            placed[j] = placed[j].plus(&per_person.scaled(housed * r / available));
        }
    }
    let share_left = 1.0 - housed / wanting;
    (housed, origins.iter().map(|c| c.scaled(share_left)).collect())
}
