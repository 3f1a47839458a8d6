//! The world a run reaches on 1 January of a year, area by area, as a table of that year would
//! describe it: what a plan restarted in that year starts from (`crate::restart`).

use super::Inputs;
use super::output::{Indicators, Status};
use super::state::Simulation;
use super::status;
use crate::model::{PerGroup, PerTenure, Plan};

/// One area as the central run finds it on 1 January of a year.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaOn {
    pub homes: PerTenure<f64>,
    /// Who lives there, with those displaced from the area who still wait for a home in the
    /// municipality (they live on in the area until one is found).
    pub residents: PerGroup<f64>,
    /// Homes standing empty ahead of a renovation or demolition, per tenure.
    pub empty_homes: PerTenure<f64>,
    pub indicators: Indicators,
    pub status: Status,
    /// Homes demolished after 2010 and not replaced by almene family homes (§ 168 a).
    pub demolished_counted: f64,
    /// Commercial floor space, m² (with what the plan's actions added).
    pub commercial_m2: f64,
    /// Whether the refusal of applicants on benefits has come to stay with the area.
    pub refusal_rule_carried: bool,
}

/// Every area of `plan` (in plan order) as its central run finds it on 1 January of `year`;
/// `None` when the year is not in the plan's span.
pub fn areas_on(plan: &Plan, inputs: Inputs, year: u16) -> Option<Vec<AreaOn>> {
    if !plan.span().contains(year) {
        return None;
    }
    let mut sim = Simulation::new(plan, inputs);
    while sim.world.year < year {
        sim.step();
    }
    let (cap, count_facilities) = (sim.engine.cap, plan.facilities_count_as_commercial);
    let world = &sim.world;
    let areas = world.areas.iter().zip(&world.standings).map(|(area, standing)| {
        let per_home = |t| super::cohort::ratio(area.capacity[t], area.homes[t]);
        AreaOn {
            homes: area.homes,
            residents: area.residents.plus(&area.waiting).persons,
            empty_homes: PerTenure::from_fn(|t| {
                let per = per_home(t);
                if per > 0.0 { (area.empty[t] / per).min(area.homes[t]) } else { 0.0 }
            }),
            indicators: standing.indicators,
            status: standing.status,
            demolished_counted: status::share_168a(area, cap, count_facilities).demolished_counted,
            commercial_m2: area.commercial_m2,
            refusal_rule_carried: standing.hardest_under_rule,
        }
    });
    Some(areas.collect())
}
