//! The one way into the projection: a plan and the shipped library in, a projection out, with
//! one resolution of the plan's assumptions and one alignment of the baseline. The app, its
//! workers, the command line, the comparison and the report all project through here, so the
//! same plan shows the same numbers everywhere.

use crate::assets::{self, AssetError, Library};
use crate::explain::{self, Attribution};
use crate::model::{Baseline, Params, Plan};
use crate::sim::{self, Inputs, Projection};

/// The shipped plan Høje-Taastrup's plans of 2016 are compared with: the development that
/// happens anyway.
pub const BASELINE_PLAN: &str = "basisforloeb-2016.ron";

/// The shipped Basisforløb 2016.
pub fn baseline_plan() -> Result<Plan, AssetError> {
    assets::shipped_plan(BASELINE_PLAN)
}

/// What `plan` is compared with: the shipped plan it names, or its own start with no actions,
/// no efforts and the 2016 letting practice (a plan made from a municipality's own table).
pub fn baseline_for(plan: &Plan) -> Result<Plan, AssetError> {
    match &plan.baseline {
        Baseline::Shipped(name) => assets::shipped_plan(name),
        Baseline::Start => Ok(Plan {
            actions: Vec::new(),
            efforts: Vec::new(),
            letting: Default::default(),
            change_log: Vec::new(),
            comments: Vec::new(),
            votes: Vec::new(),
            ..plan.clone()
        }),
    }
}

/// A plan's parameters: its overrides on the shipped table; if they cannot be used, the shipped
/// values and the reason in words.
pub fn resolve(library: &Library, plan: &Plan) -> (Params, Option<String>) {
    match Params::resolve(&library.table, &plan.assumptions) {
        Ok(params) => (params, None),
        Err(e) => (Params::resolve(&library.table, &Default::default()).unwrap_or_default(), Some(e.to_string())),
    }
}

/// The inputs a plan is projected with, given its resolved parameters.
pub fn inputs<'a>(library: &'a Library, plan: &Plan, params: &'a Params) -> Inputs<'a> {
    Inputs {
        params,
        rules: library.rule_book(plan.rule_set),
        cap: &library.cap,
        history: &library.history,
        variation: None,
    }
}

/// Projects a plan with its own assumptions and rule set.
pub fn project(library: &Library, plan: &Plan) -> Projection {
    let (params, _) = resolve(library, plan);
    sim::project(plan, inputs(library, plan, &params))
}

/// The plan against `baseline` (aligned here), part by part; `None` if `cancelled` said stop.
pub fn attribute(library: &Library, plan: &Plan, baseline: &Plan, cancelled: &dyn Fn() -> bool) -> Option<Attribution> {
    let (params, _) = resolve(library, plan);
    let aligned = aligned_baseline(baseline, plan);
    explain::attribute(plan, &aligned, inputs(library, plan, &params), cancelled)
}

/// The baseline as `plan` judges it: with the plan's assumptions, rule set and way of counting
/// facilities, so that plan and baseline compare like with like.
pub fn aligned_baseline(baseline: &Plan, plan: &Plan) -> Plan {
    let mut aligned = baseline.clone();
    aligned.assumptions.clone_from(&plan.assumptions);
    aligned.rule_set = plan.rule_set;
    aligned.facilities_count_as_commercial = plan.facilities_count_as_commercial;
    aligned
}
