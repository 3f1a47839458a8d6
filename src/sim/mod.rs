//! The projection engine: a plan goes in, a year-by-year projection of homes, residents,
//! indicators, list status and the balance score comes out. Pure functions over plain data:
//! no egui, no clock, no randomness, so the same plan gives the same numbers to the bit.
//!
//! One year, t → t+1: the actions of year t change the stock (displacing residents), then
//! residents age, find and lose work, and move; vacancies refill from the intake mix of each
//! tenure, shifted by the district's attractiveness and the letting policy. See
//! `../shared/design/model.md` for the semantics and `assets/assumptions.ron` for the numbers.

mod attractiveness;
mod output;
mod schools;
mod score;
mod state;
mod status;
mod step;

pub use attractiveness::AttractivenessTerms;
pub use output::{
    AreaSeries, AreaYear, CriterionResult, DistrictSeries, Indicators, LedgerYear, MunicipalityYear, Projection,
    SchoolSeries, SchoolYear, ScoreComponents, ScoreYear, Status,
};
pub use score::{COMPONENTS, ScoreComponent, dissimilarity};
pub use status::{COMMERCIAL_M2_PER_HOME, IndicatorHistory, evaluate};

use crate::model::{FIRST_YEAR, LAST_YEAR, Params, Plan, RuleSet};

/// Projects a plan from 2016 to 2040 under a rule set.
///
/// The plan should have passed [`Plan::validate`]; an invalid plan still projects without
/// panicking (unknown ids are skipped, counts are clamped to the stock).
pub fn project(plan: &Plan, params: &Params, rules: &RuleSet) -> Projection {
    let mut sim = state::Simulation::new(plan, params, rules);
    let mut projection = Projection::empty(plan, rules.id);
    sim.record(&mut projection, None);
    for year in FIRST_YEAR..LAST_YEAR {
        let ledger = sim.step(year);
        sim.record(&mut projection, Some(ledger));
    }
    projection
}
