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

/// Inputs the model does not project (convictions, non-Western share: shown as "not
/// projected" wherever they appear), and the 2016 seeds of the criteria the model does project
/// (education, income), which it then carries with the residents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HeldInputs {
    /// Share of residents 18+ convicted under the penal code, weapons or drugs law (0–1), 2016.
    pub convicted_share: f64,
    /// Share of residents who are immigrants or descendants from non-Western countries (0–1),
    /// 2016.
    pub non_western_share: f64,
    /// Later published values of `convicted_share`, as `(year, share)`; between points the
    /// value runs straight, after the last the drift applies.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub convicted_by_year: Vec<(u16, f64)>,
    /// Later published values of `non_western_share`, as `(year, share)`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub non_western_by_year: Vec<(u16, f64)>,
    /// Yearly change of `convicted_share` after its last published value, in share points
    /// (0.001 = 0.1 point).
    #[serde(skip_serializing_if = "is_zero")]
    pub convicted_drift_per_year: f64,
    /// Yearly change of `non_western_share` after its last published value, in share points.
    #[serde(skip_serializing_if = "is_zero")]
    pub non_western_drift_per_year: f64,
    /// Share of adults 18–64 not in education with only basic schooling in 2016 (the list's
    /// 30–59 criterion); `None` takes the assumptions' seeds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basic_schooling_2016: Option<f64>,
    /// Average gross income of adults (students excluded) relative to the region's in 2016;
    /// `None` takes the assumptions' group incomes as they are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub income_2016: Option<f64>,
    /// Where the held values and seeds come from: an official list, or "assumption".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Format 3 and older: one earnings level for the area. Read only to be dropped when such
    /// a file opens (format 4 seeds `income_2016` instead); never written.
    #[serde(skip_serializing, deserialize_with = "legacy_number")]
    pub income_level: Option<f64>,
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
            convicted_by_year: Vec::new(),
            non_western_by_year: Vec::new(),
            convicted_drift_per_year: 0.0,
            non_western_drift_per_year: 0.0,
            basic_schooling_2016: None,
            income_2016: None,
            source: String::new(),
            income_level: None,
            years_listed_before_2016: 0,
        }
    }
}

/// Reads a plain number (as format 3 wrote `income_level`) into `Some`.
fn legacy_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    f64::deserialize(deserializer).map(Some)
}

impl HeldInputs {
    /// The convicted share in a year of a plan that starts in `start`: published points after
    /// the start, straight between them, then drift.
    pub fn convicted_in(&self, year: u16, start: u16) -> f64 {
        held_in(self.convicted_share, &self.convicted_by_year, self.convicted_drift_per_year, (start, year))
    }

    /// The non-Western share in a year: published points after the start, straight between
    /// them, then drift.
    pub fn non_western_in(&self, year: u16, start: u16) -> f64 {
        held_in(self.non_western_share, &self.non_western_by_year, self.non_western_drift_per_year, (start, year))
    }
}

/// A held share in a year: the value at the start and later published points joined by straight
/// lines, then the drift from the last point, kept within 0–1. Points before the start are
/// history the starting value already holds.
fn held_in(value_at_start: f64, points: &[(u16, f64)], drift_per_year: f64, (start, year): (u16, u16)) -> f64 {
    let mut previous = (start, value_at_start);
    for &(at, value) in points.iter().filter(|(at, _)| *at > start) {
        if year <= at {
            let span = f64::from(at.saturating_sub(previous.0)).max(1.0);
            let along = f64::from(year.saturating_sub(previous.0)) / span;
            return (previous.1 + (value - previous.1) * along.min(1.0)).clamp(0.0, 1.0);
        }
        previous = (at, value);
    }
    (previous.1 + drift_per_year * f64::from(year.saturating_sub(previous.0))).clamp(0.0, 1.0)
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
    /// Homes demolished in the area from 2011 to 2015 (before the projection starts), which
    /// § 168 a counts in the area's homes unless they were replaced by almene family homes.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub demolished_2011_2015: f64,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference.
fn is_zero(value: &f64) -> bool {
    *value == 0.0
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
