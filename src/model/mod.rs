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
pub use largest::largest_plan;
pub use map::{AreaOutline, Coordinates, Landmark, LandmarkKind, MapData, MapSource, Ring, SHIPPED_MAPS};
pub use observed::ObservedYear;
pub use place::{Area, AreaKind, District, HeldInputs, Institution, InstitutionKind, Municipality, Profile};
pub use plan::{
    ChangeEntry, Comment, CommentTarget, FIRST_YEAR, FORMAT_VERSION, LAST_YEAR, MILESTONES, Plan, Vote, total_dots,
};
pub use policy::{Effort, EffortKind, FlexibleLetting, Letting};
pub use rules::{
    AlmenFamilyCap, Category, CategoryRule, Comparison, Consecutive, Criterion, CriterionId, Indicator, RuleBook,
    RuleSet, RuleSetId,
};
pub use validate::PlanProblem;
