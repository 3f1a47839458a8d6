//! Timed actions: what a plan does, in which year, where. Each changes the stock of homes or a
//! district's pull from 1 January of its year on.

use super::groups::Tenure;
use serde::{Deserialize, Serialize};

/// Floor space that is not homes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FacilityKind {
    CultureHouse,
    Campus,
    /// Shops, offices, workshops (erhverv): 75 m² count as one home under the 40% rule.
    Commercial,
}

impl FacilityKind {
    pub const ALL: [Self; 3] = [Self::CultureHouse, Self::Campus, Self::Commercial];

    pub fn key(self) -> &'static str {
        match self {
            Self::CultureHouse => "culture_house",
            Self::Campus => "campus",
            Self::Commercial => "commercial",
        }
    }
}

fn one_year() -> u16 {
    1
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference.
fn is_one_year(years: &u16) -> bool {
    *years == 1
}

/// What an action does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// Homes are torn down; their residents are displaced.
    Demolish { area: String, tenure: Tenure, count: f64 },
    /// New homes are built and let from the tenure's intake, spread evenly over `over_years`
    /// years from the action's year (1 = all in that year).
    Build {
        area: String,
        tenure: Tenure,
        count: f64,
        #[serde(default = "one_year", skip_serializing_if = "is_one_year")]
        over_years: u16,
    },
    /// Almene family homes are sold as owner-occupied homes; sitting residents stay.
    Sell { area: String, count: f64 },
    /// Homes change tenure (e.g. family homes become youth or elderly homes).
    Convert { area: String, from: Tenure, to: Tenure, count: f64 },
    /// `count` small homes become `count / 2` larger ones; residents who no longer fit move.
    Merge { area: String, tenure: Tenure, count: f64 },
    /// Homes are emptied ahead of a renovation or a demolition: their residents are rehoused
    /// under the rehousing duty, and the homes stand empty for `years` years (let again after,
    /// unless a demolition removed them meanwhile).
    Empty { area: String, tenure: Tenure, count: f64, years: u16 },
    /// Floor space of a culture house, campus or commercial use is added to an area.
    Facility { area: String, facility: FacilityKind, area_m2: f64 },
    /// An institution moves to another district.
    MoveInstitution { institution: String, district: String },
    /// A district gets a profile from the catalogue (or loses its profile with `None`).
    AssignProfile { district: String, profile: Option<String> },
    /// A school merges into another: pupils and catchments are pooled.
    MergeSchools { school: String, into: String },
    /// A school gets a strong profile (or loses it).
    SchoolProfile { school: String, profile: Option<String> },
}

impl ActionKind {
    /// The key used in translation tables and the change log.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Demolish { .. } => "demolish",
            Self::Build { .. } => "build",
            Self::Sell { .. } => "sell",
            Self::Convert { .. } => "convert",
            Self::Merge { .. } => "merge",
            Self::Empty { .. } => "empty",
            Self::Facility { .. } => "facility",
            Self::MoveInstitution { .. } => "move_institution",
            Self::AssignProfile { .. } => "assign_profile",
            Self::MergeSchools { .. } => "merge_schools",
            Self::SchoolProfile { .. } => "school_profile",
        }
    }

    /// The area the action changes homes or floor space in, if any.
    pub fn area(&self) -> Option<&str> {
        match self {
            Self::Demolish { area, .. }
            | Self::Build { area, .. }
            | Self::Sell { area, .. }
            | Self::Convert { area, .. }
            | Self::Merge { area, .. }
            | Self::Empty { area, .. }
            | Self::Facility { area, .. } => Some(area),
            _ => None,
        }
    }

    /// Every id the action names, with what it is (`area`, `institution`, `district`,
    /// `profile`, `school`), for the plan's checks.
    pub fn names(&self) -> Vec<(&'static str, &str)> {
        match self {
            Self::MoveInstitution { institution, district } => {
                vec![("institution", institution), ("district", district)]
            }
            Self::AssignProfile { district, profile } => std::iter::once(("district", district.as_str()))
                .chain(profile.as_deref().map(|p| ("profile", p)))
                .collect(),
            Self::MergeSchools { school, into } => vec![("school", school), ("school", into)],
            Self::SchoolProfile { school, profile } => {
                std::iter::once(("school", school.as_str())).chain(profile.as_deref().map(|p| ("profile", p))).collect()
            }
            other => other.area().map(|area| ("area", area)).into_iter().collect(),
        }
    }
}

/// An action's number within its plan: stable while the plan is edited, so undo, the effect
/// under each action and the change log can name one action among many alike. Files written
/// before format 5 have none; they are numbered when the plan opens (see
/// [`super::Plan::number_actions`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActionId(pub u32);

impl ActionId {
    /// Not yet numbered (an action made in code, or read from an older file).
    pub const UNSET: Self = Self(0);

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference.
    fn is_unset(&self) -> bool {
        *self == Self::UNSET
    }
}

/// A timed action. Two actions are equal when they do the same thing in the same year with
/// the same note, whatever their numbers: the baseline's and the plan's copies of one action
/// are numbered by their own files.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    #[serde(default, skip_serializing_if = "ActionId::is_unset")]
    pub id: ActionId,
    /// Carried out during this year (2016–2040); the figures for 1 January of the next year
    /// show it.
    pub year: u16,
    pub kind: ActionKind,
    /// Why, or where the figure comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl PartialEq for Action {
    fn eq(&self, other: &Self) -> bool {
        self.year == other.year && self.kind == other.kind && self.note == other.note
    }
}

impl Action {
    /// An action not yet numbered: the plan numbers it when it is added.
    pub fn new(year: u16, kind: ActionKind) -> Self {
        Self { id: ActionId::UNSET, year, kind, note: String::new() }
    }

    /// The homes (or m² of floor space) the action involves, for those that have a count.
    pub fn count(&self) -> Option<f64> {
        match &self.kind {
            ActionKind::Facility { area_m2, .. } => Some(*area_m2),
            ActionKind::Demolish { count, .. }
            | ActionKind::Build { count, .. }
            | ActionKind::Sell { count, .. }
            | ActionKind::Convert { count, .. }
            | ActionKind::Merge { count, .. }
            | ActionKind::Empty { count, .. } => Some(*count),
            _ => None,
        }
    }

    /// Sets the count of an action that has one (see [`Action::count`]).
    pub fn set_count(&mut self, value: f64) {
        match &mut self.kind {
            ActionKind::Facility { area_m2: count, .. }
            | ActionKind::Demolish { count, .. }
            | ActionKind::Build { count, .. }
            | ActionKind::Sell { count, .. }
            | ActionKind::Convert { count, .. }
            | ActionKind::Merge { count, .. }
            | ActionKind::Empty { count, .. } => *count = value,
            _ => {}
        }
    }
}
