//! Random plans over every lever, for the adversarial check of the balance score: if a search
//! over plans can find a high score for a plan no housing official would call balanced, the
//! score is wrong, not the search. Seeded, so the same seed gives the same plans.

use super::levers::{Candidate, Lever, LeverKind, Setting};
use crate::model::{AreaKind, Plan, Tenure};
use crate::sim::Chance;

/// The years a random lever may start in: from the year after the plan's start to the 2030
/// deadline (or the fourteen years after a later start).
pub fn years(base: &Plan) -> (u16, u16) {
    let first = base.start_year + 1;
    (first, 2030.max(first + 4).min(base.span().last - 1))
}

/// Every lever in every area of `base`: removing, converting or merging its almene family
/// homes (up to all of them), building up to 1,000 homes of each kind, flexible letting where
/// it has almene homes, job consultants in its estates (up to 30), and the municipality's
/// allocation share.
pub fn every_lever(base: &Plan) -> Vec<Lever> {
    let mut levers = Vec::new();
    let years = years(base);
    for area in &base.municipality.areas {
        let family = area.homes[Tenure::AlmenFamily];
        let at = |kind: LeverKind, max: f64| Lever { kind, area: Some(area.id.clone()), max, years };
        if family > 0.0 {
            for kind in LeverKind::ALL.into_iter().filter(|k| k.removes_homes()) {
                levers.push(at(kind, family));
            }
        }
        for kind in LeverKind::ALL.into_iter().filter(|k| k.builds()) {
            levers.push(at(kind, 1000.0));
        }
        if area.homes.almen() > 0.0 {
            levers.push(at(LeverKind::FlexibleLetting, 1.0));
        }
        if area.kind == AreaKind::Estate {
            levers.push(at(LeverKind::JobConsultants, 30.0));
        }
    }
    levers.push(Lever { kind: LeverKind::Allocation, area: None, max: 1.0, years });
    levers
}

/// A random candidate: each lever used with probability `used`, at a random amount (all of it
/// one time in four) and year.
pub fn candidate(levers: &[Lever], used: f64, chance: &mut Chance) -> Candidate {
    let settings = levers
        .iter()
        .map(|lever| {
            if !chance.chance(used) {
                return Setting::default();
            }
            let amount = if chance.chance(0.25) { lever.max } else { chance.between(0.0, lever.max) };
            let span = usize::from(lever.years.1 - lever.years.0) + 1;
            #[allow(clippy::cast_possible_truncation)]
            let year = lever.years.0 + chance.below(span) as u16;
            Setting { amount, year }
        })
        .collect();
    Candidate { settings }
}
