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
            | Self::Facility { area, .. } => Some(area),
            _ => None,
        }
    }
}

/// A timed action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Carried out during this year (2016–2040); the figures for 1 January of the next year
    /// show it.
    pub year: u16,
    pub kind: ActionKind,
    /// Why, or where the figure comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}
