//! The government's list rules as data (`assets/rules.ron`): the 2010, 2014, 2018 and 2021 rule
//! sets, each a list of categories with criteria, thresholds and averaging windows; and the
//! choice of judging every year by the law in force that year.

use serde::{Deserialize, Serialize};

use super::plan::Span;

/// Which rule set judges the estates. Written as its year in quotes (`"2021"`), or
/// `"in_force"` for the law in force each year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum RuleSetId {
    /// Each year by the rules of the list that judged it: the 2014 rules for the lists of
    /// December 2014–2017, the 2018 law for 2018–2020, the 2021 law from 2021.
    InForce,
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
        Self::parse(&text).ok_or(format!("unknown rule set \"{text}\" ({})", Self::CHOICES))
    }
}

impl From<RuleSetId> for String {
    fn from(id: RuleSetId) -> Self {
        id.key().to_owned()
    }
}

impl RuleSetId {
    /// Every choice a plan may make, the law in force first.
    pub const ALL: [Self; 5] = [Self::InForce, Self::Y2010, Self::Y2014, Self::Y2018, Self::Y2021];
    /// The published rule sets, oldest first: each has its rules in `assets/rules.ron`.
    pub const PUBLISHED: [Self; 4] = [Self::Y2010, Self::Y2014, Self::Y2018, Self::Y2021];
    /// The choices as a reader types them, for messages.
    pub const CHOICES: &str = "in_force, 2010, 2014, 2018 or 2021";
    /// The last law published: years after today are judged by it, as no later one is known.
    pub const LAST_KNOWN: Self = Self::Y2021;

    /// Whether `year` is judged by the last known law only because no later law is known: it
    /// is after `this_year` (the year the room meets in), and this choice judges it by that law.
    pub fn assumed_in(self, year: u16, this_year: u16) -> bool {
        year > this_year && self.in_year(year) == Self::LAST_KNOWN
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::InForce => "in_force",
            Self::Y2010 => "2010",
            Self::Y2014 => "2014",
            Self::Y2018 => "2018",
            Self::Y2021 => "2021",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == text)
    }

    /// The published rule set that judges the state on 1 January of `year`. The list of
    /// 1 December judges the turn of the year, so the year is judged by the law of the list
    /// published the December before: the 2010 rules to 2014, the 2014 rules for 2015–2018
    /// (lists of December 2014–2017), the 2018 law for 2019–2021 (lists of 2018–2020) and the
    /// 2021 law from 2022. A fixed choice judges every year itself.
    pub fn in_year(self, year: u16) -> Self {
        match self {
            Self::InForce => match year {
                ..=2014 => Self::Y2010,
                2015..=2018 => Self::Y2014,
                2019..=2021 => Self::Y2018,
                _ => Self::Y2021,
            },
            published => published,
        }
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
    /// How hard the category is, comparable across rule sets: a later law's category counts
    /// the years an area held its predecessor (the 2018 law counted years on the ghetto list
    /// towards a hard ghetto; the 2021 law counted ghetto years as parallelsamfund years).
    pub fn rank(self) -> u8 {
        match self {
            Self::None => 0,
            Self::Forebyggelse => 1,
            Self::Udsat => 2,
            Self::Ghetto | Self::Parallelsamfund => 3,
            Self::HardGhetto | Self::Omdannelse => 4,
        }
    }

    /// The hardest category a list has (hard ghetto, omdannelsesområde).
    pub fn is_hardest(self) -> bool {
        self.rank() == 4
    }

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

/// A criterion's stable id, e.g. `outside_work_40`. The few ids of the shipped rule sets are
/// interned once for the life of the program, so a judged criterion is a plain copyable value
/// (the projection judges every estate every year).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CriterionId(&'static str);

impl CriterionId {
    /// The id for a name, interned.
    pub fn new(name: &str) -> Self {
        use std::collections::BTreeSet;
        use std::sync::{Mutex, OnceLock};
        static IDS: OnceLock<Mutex<BTreeSet<&'static str>>> = OnceLock::new();
        let mut ids = IDS.get_or_init(Mutex::default).lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(known) = ids.get(name) {
            return Self(known);
        }
        // Each distinct id is kept once; rule sets name a few dozen.
        let kept: &'static str = Box::leak(name.to_owned().into_boxed_str());
        ids.insert(kept);
        Self(kept)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl std::ops::Deref for CriterionId {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl std::fmt::Display for CriterionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for CriterionId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for CriterionId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Ok(Self::new(&name))
    }
}

/// One criterion: an indicator against a threshold, averaged over some years.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id, e.g. `outside_work_40`.
    pub id: CriterionId,
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

/// The rule sets a projection judges with: one published set, or each year's law in force.
#[derive(Clone, Copy, Debug)]
pub struct RuleBook<'a> {
    pub id: RuleSetId,
    /// Every published rule set, in [`RuleSetId::PUBLISHED`] order.
    pub published: &'a [RuleSet; 4],
}

impl<'a> RuleBook<'a> {
    /// The rule set that judges `year`.
    pub fn in_year(&self, year: u16) -> &'a RuleSet {
        let id = self.id.in_year(year);
        let index = RuleSetId::PUBLISHED.iter().position(|r| *r == id).unwrap_or_default();
        &self.published[index]
    }

    /// The published rule sets this book uses over a plan's years.
    pub fn used(&self, span: Span) -> impl Iterator<Item = &'a RuleSet> + '_ {
        self.published.iter().filter(move |set| span.years().any(|year| self.id.in_year(year) == set.id))
    }
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
