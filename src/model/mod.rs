//! The plan as data: places, tenures, resident groups, institutions, profiles, timed actions,
//! letting policies, efforts and assumptions. Plain serde types, no egui, no simulation.
//!
//! A [`Plan`] is self-contained: it carries the municipality as it stood in 2016, so one file
//! holds a whole scenario and opens the same years later.

mod action;
mod assumptions;
mod changelog;
pub mod edit;
mod groups;
mod history;
mod largest;
pub mod limits;
mod map;
pub mod migrate;
mod observed;
mod place;
mod plan;
mod policy;
mod rules;
mod validate;

pub use action::{Action, ActionId, ActionKind, FacilityKind};
pub use assumptions::{
    AttractivenessWeights, EducationIncome, EffortParams, FlowParams, MoveParams, ParamDef, ParamTable, Params,
    ScoreWeights, TenureParams, is_retired_key,
};
pub use edit::{PlanEdit, action_year_for, shows_from};
pub use groups::{Group, PerGroup, PerTenure, Tenure};
pub use history::{EmploymentSeries, History, NationalLettingRule, RuleEffect, RuleScope};
pub use largest::largest_plan;
pub use map::{
    AreaOutline, Coordinates, HOEJE_TAASTRUP_MAP, Landmark, LandmarkKind, MapData, MapSource, Ring, SHIPPED_MAPS,
};
pub use observed::ObservedYear;
pub use place::{Area, AreaKind, District, HeldInputs, Institution, InstitutionKind, Municipality, Profile};
pub use plan::{
    Baseline, ChangeEntry, Comment, CommentTarget, FIRST_YEAR, FORMAT_VERSION, LAST_YEAR, LATEST_START, MILESTONES,
    Plan, SHIPPED_BASELINES, Span, Vote, total_dots,
};
pub use policy::{Effort, EffortKind, FlexibleLetting, Letting};
pub use rules::{
    AlmenFamilyCap, Category, CategoryRule, Comparison, Consecutive, Criterion, CriterionId, Indicator, RuleBook,
    RuleSet, RuleSetId,
};
pub use validate::PlanProblem;
