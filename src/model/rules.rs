//! The government's list rules as data (`assets/rules.ron`): the 2010, 2014, 2018 and 2021 rule
//! sets, each a list of categories with criteria, thresholds and averaging windows.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Which rule set judges the estates. Written as its year in quotes (`"2021"`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum RuleSetId {
    Y2010,
    Y2014,
    Y2018,
    /// The rules in force today (L 23, 2021).
    #[default]
    Y2021,
}

impl TryFrom<String> for RuleSetId {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        Self::parse(&text).ok_or(format!("unknown rule set \"{text}\" (2010, 2014, 2018 or 2021)"))
    }
}

impl From<RuleSetId> for String {
    fn from(id: RuleSetId) -> Self {
        id.key().to_owned()
    }
}

impl RuleSetId {
    pub const ALL: [Self; 4] = [Self::Y2010, Self::Y2014, Self::Y2018, Self::Y2021];

    pub fn key(self) -> &'static str {
        match self {
            Self::Y2010 => "2010",
            Self::Y2014 => "2014",
            Self::Y2018 => "2018",
            Self::Y2021 => "2021",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == text)
    }
}

/// A category on (or beside) the list, as the rule set names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    #[default]
    None,
    Forebyggelse,
    Udsat,
    Ghetto,
    Parallelsamfund,
    HardGhetto,
    Omdannelse,
}

impl Category {
    pub const ALL: [Self; 7] = [
        Self::None,
        Self::Forebyggelse,
        Self::Udsat,
        Self::Ghetto,
        Self::Parallelsamfund,
        Self::HardGhetto,
        Self::Omdannelse,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Forebyggelse => "forebyggelse",
            Self::Udsat => "udsat",
            Self::Ghetto => "ghetto",
            Self::Parallelsamfund => "parallelsamfund",
            Self::HardGhetto => "hard_ghetto",
            Self::Omdannelse => "omdannelse",
        }
    }
}

/// What a criterion measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    /// 18–64-year-olds outside work and education (share).
    OutsideWork,
    /// Convicted persons aged 18+ (share; held input).
    Convicted,
    /// Immigrants and descendants from non-Western countries (share; held input).
    NonWestern,
    /// 30–59-year-olds with only basic schooling (share).
    BasicSchooling,
    /// Average gross income relative to the region's (ratio).
    Income,
}

impl Indicator {
    pub const ALL: [Self; 5] =
        [Self::OutsideWork, Self::Convicted, Self::NonWestern, Self::BasicSchooling, Self::Income];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::OutsideWork => "outside_work",
            Self::Convicted => "convicted",
            Self::NonWestern => "non_western",
            Self::BasicSchooling => "basic_schooling",
            Self::Income => "income",
        }
    }
}

/// How a value is compared with its threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// Met when the value is strictly above the threshold.
    Above,
    /// Met when the value is at or above the threshold.
    AtLeast,
    /// Met when the value is strictly below the threshold.
    Below,
}

impl Comparison {
    pub fn is_met(self, value: f64, threshold: f64) -> bool {
        match self {
            Self::Above => value > threshold,
            Self::AtLeast => value >= threshold,
            Self::Below => value < threshold,
        }
    }

    /// How far the value is from meeting the criterion, relative to the threshold: positive
    /// when not met, zero at the line, negative when met.
    pub fn margin(self, value: f64, threshold: f64) -> f64 {
        if threshold == 0.0 {
            return 0.0;
        }
        match self {
            Self::Above | Self::AtLeast => (threshold - value) / threshold,
            Self::Below => (value - threshold) / threshold,
        }
    }
}

/// One criterion: an indicator against a threshold, averaged over some years.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id, e.g. `outside_work_40` (shared, as every judged year carries it).
    pub id: Arc<str>,
    pub indicator: Indicator,
    pub comparison: Comparison,
    pub threshold: f64,
    /// The value is the mean of this many years, ending with the year judged (1 = this year).
    pub average_years: u32,
    /// Published thresholds that move with a national figure (convictions: a multiple of the
    /// national average), as `(year, threshold)` from the first year they apply (state on
    /// 1 January, so the list of 1 December 2018 applies from 2019). Before the first entry the
    /// first applies (no earlier value was published), after the last the last; `threshold`
    /// is the latest published value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thresholds_by_year: Vec<(u16, f64)>,
}

impl Criterion {
    /// The threshold in force in a year.
    pub fn threshold_in(&self, year: u16) -> f64 {
        let published = self.thresholds_by_year.iter().rev().find(|(from, _)| *from <= year);
        published.or(self.thresholds_by_year.first()).map_or(self.threshold, |(_, t)| *t)
    }
}

/// How many years in a row a category must hold for a harder one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consecutive {
    pub years: u32,
    /// Up to and including this year, `years_until` applies instead (the 2018–2020 lists).
    #[serde(default)]
    pub until_year: Option<u16>,
    #[serde(default)]
    pub years_until: Option<u32>,
}

impl Consecutive {
    pub fn years_in(&self, year: u16) -> u32 {
        match (self.until_year, self.years_until) {
            (Some(until), Some(years)) if year <= until => years,
            _ => self.years,
        }
    }
}

/// One category of a rule set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryRule {
    pub category: Category,
    /// The area must first be in this category (e.g. a ghetto is an udsat area that also …).
    #[serde(default)]
    pub builds_on: Option<Category>,
    /// At least `min_met` of these must be met.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    pub min_met: u32,
    /// All of these must be met too.
    #[serde(default)]
    pub required: Vec<Criterion>,
    /// The `builds_on` category must have held this many years in a row.
    #[serde(default)]
    pub consecutive: Option<Consecutive>,
    /// Whether the category puts the area on the government's list.
    pub listed: bool,
}

/// The law's 40 % rule (almenboligloven § 168 a, stk. 1): the numbers are the law's, not
/// assumptions, and carry their citation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlmenFamilyCap {
    /// At most this share of almene family homes (0.40).
    pub cap: f64,
    /// Every this many m² of commercial floor space counts as one home (75).
    pub commercial_m2_per_home: f64,
    /// Homes demolished after this year count in the denominator unless replaced (2010).
    pub demolished_after_year: u16,
    /// The share must be reached before 1 January of this year (2030).
    pub deadline_year: u16,
    /// The law's words and where they stand.
    pub source: String,
}

/// A rule set: the categories from mildest to hardest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    pub id: RuleSetId,
    pub name: String,
    pub source: String,
    /// Areas with fewer residents are never judged.
    pub min_residents: f64,
    pub categories: Vec<CategoryRule>,
}

impl RuleSet {
    /// The category that puts an area on the list in the first place (the mildest listed one).
    pub fn listing_rule(&self) -> Option<&CategoryRule> {
        self.categories.iter().find(|c| c.listed && c.builds_on.is_none())
    }

    /// Every distinct criterion of the rule set, in order of first use.
    pub fn all_criteria(&self) -> Vec<&Criterion> {
        let mut out: Vec<&Criterion> = Vec::new();
        for rule in &self.categories {
            for c in rule.criteria.iter().chain(&rule.required) {
                if !out.iter().any(|o| o.id == c.id) {
                    out.push(c);
                }
            }
        }
        out
    }
}
