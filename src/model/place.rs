//! Places: areas (the unit that is projected), districts (what participants rearrange),
//! institutions and the catalogue of district profiles.

use super::groups::{PerGroup, PerTenure};
use super::map::MapSource;
use serde::{Deserialize, Serialize};

/// What kind of place an area is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    /// A social-housing estate: the unit the government's list judges.
    Estate,
    /// The rest of a district.
    Ordinary,
    /// A new town, built out by scheduled actions.
    Growth,
}

impl AreaKind {
    pub fn key(self) -> &'static str {
        match self {
            Self::Estate => "estate",
            Self::Ordinary => "ordinary",
            Self::Growth => "growth",
        }
    }
}

/// Inputs the model does not project: shown as "not projected" wherever they appear.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HeldInputs {
    /// Share of residents 18+ convicted under the penal code, weapons or drugs law (0–1).
    pub convicted_share: f64,
    /// Share of residents who are immigrants or descendants from non-Western countries (0–1).
    pub non_western_share: f64,
    /// Yearly change of `convicted_share`, in share points (0.001 = 0.1 point).
    #[serde(skip_serializing_if = "is_zero")]
    pub convicted_drift_per_year: f64,
    /// Yearly change of `non_western_share`, in share points.
    #[serde(skip_serializing_if = "is_zero")]
    pub non_western_drift_per_year: f64,
    /// Earnings of the area's residents relative to the group averages (1 = average).
    #[serde(skip_serializing_if = "is_one")]
    pub income_level: f64,
    /// Years the area had been in its 2016 list category before 2016 (for the rules that
    /// count consecutive years).
    #[serde(skip_serializing_if = "is_zero_years")]
    pub years_listed_before_2016: u32,
}

impl Default for HeldInputs {
    fn default() -> Self {
        Self {
            convicted_share: 0.0,
            non_western_share: 0.0,
            convicted_drift_per_year: 0.0,
            non_western_drift_per_year: 0.0,
            income_level: 1.0,
            years_listed_before_2016: 0,
        }
    }
}

/// A housing area (boligområde).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Stable id used by scripts, e.g. `taastrupgaard`.
    pub id: String,
    pub name: String,
    pub kind: AreaKind,
    /// The id of the district the area belongs to.
    pub district: String,
    /// Homes per tenure on 1 January 2016.
    pub homes: PerTenure<f64>,
    /// Residents per group on 1 January 2016.
    pub residents: PerGroup<f64>,
    #[serde(default)]
    pub held: HeldInputs,
    /// Commercial floor space (erhverv) in m², counted by the 40% rule.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub commercial_m2: f64,
    /// A short name for the map where the name does not fit (e.g. "K. Abells, øvr.").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_name: String,
    /// The schematic rectangle of plan files before format 4 (0–1, y down). Only read: on
    /// opening, `io::migrate` moves it into the municipality's map, and it is never written.
    #[serde(default, rename = "shape", skip_serializing)]
    pub legacy_shape: Vec<[f32; 2]>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference.
fn is_zero(value: &f64) -> bool {
    *value == 0.0
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_one(value: &f64) -> bool {
    *value == 1.0
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero_years(value: &u32) -> bool {
    *value == 0
}

/// A district (kvarter): a named group of areas with a profile and institutions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct District {
    pub id: String,
    pub name: String,
    /// A short name for the map's district tag where the name does not fit.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_name: String,
    /// The id of the district's profile in the catalogue, if it has one in 2016.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
}

/// What an institution is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstitutionKind {
    School,
    Daycare,
    CultureHouse,
    Campus,
    JobCentreOutpost,
}

impl InstitutionKind {
    pub const ALL: [Self; 5] = [Self::School, Self::Daycare, Self::CultureHouse, Self::Campus, Self::JobCentreOutpost];

    pub fn key(self) -> &'static str {
        match self {
            Self::School => "school",
            Self::Daycare => "daycare",
            Self::CultureHouse => "culture_house",
            Self::Campus => "campus",
            Self::JobCentreOutpost => "job_centre_outpost",
        }
    }
}

/// A school, daycare, culture house, campus or job-centre outpost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Institution {
    pub id: String,
    pub name: String,
    pub kind: InstitutionKind,
    /// The id of the district it stands in.
    pub district: String,
    /// Places (pupils, children or users).
    #[serde(default)]
    pub capacity: f64,
    /// A strong profile (e.g. "science"), which makes a school attractive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// For schools: the districts whose children go there (its own district is always served).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catchment: Vec<String>,
}

/// A district profile from the catalogue (kvartersprofil).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub name_da: String,
    pub name_en: String,
    /// Attractiveness it adds to a district that holds it alone (−1..1 scale).
    pub strength: f64,
    /// Where the figure comes from: a source, or "assumption".
    pub source: String,
}

/// The municipality as it stood on 1 January 2016.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    pub name: String,
    pub areas: Vec<Area>,
    pub districts: Vec<District>,
    pub institutions: Vec<Institution>,
    pub profiles: Vec<Profile>,
    /// The map the areas are drawn on (since format 4).
    #[serde(default)]
    pub map: MapSource,
}

impl Municipality {
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn district(&self, id: &str) -> Option<&District> {
        self.districts.iter().find(|d| d.id == id)
    }

    pub fn institution(&self, id: &str) -> Option<&Institution> {
        self.institutions.iter().find(|i| i.id == id)
    }

    pub fn profile(&self, id: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.id == id)
    }
}
