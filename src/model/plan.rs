//! The plan: the municipality in 2016 plus everything a workshop changes (actions, letting,
//! efforts, rule set, assumption overrides), its votes, comments and change log. What makes a
//! plan unusable is checked in `validate.rs`.

use super::action::Action;
use super::place::Municipality;
use super::policy::{Effort, Letting};
use super::rules::RuleSetId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The plan-file format this build writes. Version 1 had no change log, version 2 no comments,
/// version 3 an `income_level` per area instead of the 2016 education and income seeds and a
/// schematic rectangle in every area instead of naming a map, version 4 no action numbers and a
/// change log of words instead of edits, version 5 no emptying of homes and the shipped
/// estates' earlier 2016 figures; files of every earlier version
/// open through `io::migrate`, and `tests/fixtures/` keeps one file per past version.
pub const FORMAT_VERSION: u32 = 6;
/// The earliest year a plan may start in (state on 1 January): the Visionsplan's, and the year
/// after the first published economy the engine reads (`assets/history.ron`).
pub const FIRST_YEAR: u16 = 2016;
/// The latest year a plan may start in.
pub const LATEST_START: u16 = 2035;
/// The horizon every plan reaches at least.
pub const LAST_YEAR: u16 = 2040;
/// Years a plan runs past its start at least.
pub const MIN_YEARS_AHEAD: u16 = 14;

/// The years a plan covers: from its start (the 1 January its table describes) to its horizon,
/// 2040 or fourteen years past the start, whichever is later.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub first: u16,
    pub last: u16,
}

impl Span {
    /// The span of a plan that starts in `first`.
    pub fn starting(first: u16) -> Self {
        Self { first, last: LAST_YEAR.max(first.saturating_add(MIN_YEARS_AHEAD)) }
    }

    /// Every year, first to last.
    pub fn years(self) -> std::ops::RangeInclusive<u16> {
        self.first..=self.last
    }

    /// How many years the span holds (at least one).
    pub fn year_count(self) -> usize {
        usize::from(self.last.saturating_sub(self.first)) + 1
    }

    pub fn contains(self, year: u16) -> bool {
        (self.first..=self.last).contains(&year)
    }

    /// The position of a year in the span.
    pub fn index(self, year: u16) -> Option<usize> {
        self.contains(year).then(|| usize::from(year - self.first))
    }

    /// The years the plan is judged at (2025, 2030, 2040) that the span holds.
    pub fn milestones(self) -> Vec<u16> {
        MILESTONES.into_iter().filter(|y| self.contains(*y)).collect()
    }
}
/// The years the plan is judged at: the slider marks them, tables and reports show them.
pub const MILESTONES: [u16; 3] = [2025, 2030, 2040];

/// A plan variant: one file holds the whole scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub format_version: u32,
    pub name: String,
    /// Who made it: a group, a board, an author.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The year the plan starts: its municipality is as it stood on 1 January of this year
    /// (since format 6; older files start in 2016). Years before it are history.
    #[serde(default = "first_year")]
    pub start_year: u16,
    /// What the plan is compared with: a shipped plan, or its own start with no actions (since
    /// format 6; older files of Høje-Taastrup's plans are compared with the Basisforløb 2016).
    #[serde(default)]
    pub baseline: Baseline,
    /// The rule set the plan is judged by.
    #[serde(default)]
    pub rule_set: RuleSetId,
    /// Whether the floor space of culture houses and campuses counts as erhvervsareal in the
    /// § 168 a count (75 m² = one home). The law names only erhvervsareal; whether a public
    /// institution counts is for the ministry's approval of the plan, so it is off by default.
    #[serde(default, skip_serializing_if = "is_false")]
    pub facilities_count_as_commercial: bool,
    pub municipality: Municipality,
    #[serde(default)]
    pub actions: Vec<Action>,
    #[serde(default)]
    pub letting: Letting,
    #[serde(default)]
    pub efforts: Vec<Effort>,
    /// Assumptions the plan changes, by key; the rest come from the shipped table.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub assumptions: BTreeMap<String, f64>,
    /// Every edit made in the app, oldest first (since format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub change_log: Vec<ChangeEntry>,
    /// What participants said, attached to the plan, an area or a district (since format 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    /// The room's dot votes for this variant, by the table or group that cast them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<Vote>,
}

/// The shipped plans another plan may name as its baseline (`saves/`, compiled in).
pub const SHIPPED_BASELINES: [&str; 1] = ["basisforloeb-2016.ron"];

/// What a plan is compared with: the development that happens anyway.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Baseline {
    /// A plan that ships with the product, by file name (`basisforloeb-2016.ron`).
    Shipped(String),
    /// The plan's own start: its municipality as the table gave it, with no actions, no
    /// efforts and the 2016 letting practice.
    #[default]
    Start,
}

/// Dots a table or group of the room gave a variant in *Sammenlign*.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// Which table or group ("Bord 2", "Beboerne i Charlotteager").
    pub group: String,
    pub dots: u32,
}

/// All the dots of some votes.
pub fn total_dots(votes: &[Vote]) -> u32 {
    votes.iter().map(|v| v.dots).fold(0, u32::saturating_add)
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference.
fn is_false(value: &bool) -> bool {
    !*value
}

fn first_year() -> u16 {
    FIRST_YEAR
}

impl Plan {
    /// The years the plan covers.
    pub fn span(&self) -> Span {
        Span::starting(self.start_year)
    }
}

/// What a comment is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentTarget {
    Plan,
    Area(String),
    District(String),
}

/// A participant's comment, with who said it and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub target: CommentTarget,
    /// Who said it (a name, a group, "beboer").
    pub author: String,
    pub text: String,
    /// When, in UTC, as `2026-11-26T14:03:12Z`.
    pub time: String,
}

/// One edit in a plan's change log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeEntry {
    /// When, in UTC, as `2026-11-26T14:03:12Z`.
    pub time: String,
    /// What was done, read back in the app's language (since format 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edit: Option<super::PlanEdit>,
    /// What, in the words the app showed then (files before format 5; in their language).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}
