//! The projection engine: a plan goes in, a year-by-year projection of homes, residents,
//! indicators, list status and the balance score comes out. Pure functions over plain data:
//! no egui, no clock, no randomness, so the same plan gives the same numbers to the bit (the
//! transcendental functions come from the `libm` crate, so every platform computes the same).
//!
//! One year, t → t+1: the actions of year t change the stock (displacing residents), then
//! residents age, find and lose work, study, and move; the displaced are rehoused or leave;
//! vacancies refill from each tenure's intake, shifted by the district's attractiveness and the
//! letting rules. Education and income are carried by the residents who move in, stay and
//! leave. See `../shared/design/model.md` for the semantics and `assets/assumptions.ron` for
//! the numbers.

mod actions;
mod attractiveness;
mod chance;
mod cohort;
mod intake;
mod moves;
mod need;
mod output;
mod parallel;
mod record;
mod schedule;
mod schools;
mod score;
mod state;
mod status;
mod step;
mod transition;
mod year_table;

pub use attractiveness::AttractivenessTerms;
pub use chance::Chance;
pub use output::{
    AreaSeries, AreaYear, ChangeLedger, Criteria, CriteriaByYear, CriterionResult, DistrictSeries, Indicators,
    InstitutionSeries, LedgerYear, MAX_CRITERIA, MunicipalityYear, NeedLedger, Projection, SchoolSeries, SchoolYear,
    ScoreComponents, ScoreYear, Share168a, Status,
};
pub use record::{Checkpoints, EstateTrace, EstateYear, Trace};
pub use score::{COMPONENT_COUNT, COMPONENTS, ScoreComponent, dissimilarity};
pub use status::{IndicatorHistory, evaluate};
pub use year_table::{Column, Years};

use crate::model::{AlmenFamilyCap, History, Params, Plan, RuleBook};

/// Everything a projection is judged by besides the plan: its parameters, the rule set of the
/// list, and the law's 40 % rule.
#[derive(Clone, Copy)]
pub struct Inputs<'a> {
    pub params: &'a Params,
    pub rules: RuleBook<'a>,
    pub cap: &'a AlmenFamilyCap,
    /// What happened: the economy's path and the national letting rules, for the years they
    /// cover.
    pub history: &'a History,
    /// `Some(seed)` in a band's run: the share convicted varies from year to year by chance, as
    /// a count of a few dozen people does; `None` in the central projection.
    pub variation: Option<u64>,
}

/// Projects a plan from its start to its horizon (2040, or fourteen years past the start).
///
/// The plan should have passed [`Plan::validate`]; an invalid plan still projects without
/// panicking (unknown ids are skipped, counts are clamped to the stock).
pub fn project(plan: &Plan, inputs: Inputs) -> Projection {
    parallel::run(plan.municipality.areas.len(), || {
        let mut sim = state::Simulation::new(plan, inputs);
        let mut projection = Projection::empty(plan, inputs.rules.id, sim.engine.most_criteria());
        record::full(&sim, &mut projection, None);
        while sim.world.year < sim.schedule.span.last {
            let ledger = sim.step();
            record::full(&sim, &mut projection, Some(ledger));
        }
        record::finish(projection)
    })
}

/// Projects a plan keeping only what the bands and the attribution read (the score, each area's
/// outside-work share and list status), and optionally the world at the start of every year.
pub fn trace(plan: &Plan, inputs: Inputs, keep_checkpoints: bool) -> (Trace, Checkpoints) {
    parallel::run(plan.municipality.areas.len(), || {
        let sim = state::Simulation::new(plan, inputs);
        record::run_lean(sim, Trace::default(), keep_checkpoints)
    })
}

/// Projects `plan` from `year` on, starting from another run's world in that year (the plan
/// must have that run's municipality, and nothing of it may differ before `year`); the years
/// before are copied from `before`.
pub fn trace_from(checkpoints: &Checkpoints, before: &Trace, year: u16, plan: &Plan, inputs: Inputs) -> Trace {
    let Some(world) = checkpoints.world(year) else {
        return trace(plan, inputs, false).0;
    };
    parallel::run(plan.municipality.areas.len(), || {
        let sim = state::Simulation::resume(world.clone(), plan, inputs);
        record::run_lean(sim, before.up_to(year), false).0
    })
}
