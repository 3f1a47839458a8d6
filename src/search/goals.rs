//! What a search looks for and may use, in the room's words: goals (an estate off the list from
//! a year, an estate at or under the § 168 a cap by its deadline, the balance score at least a
//! value in a year, the fewest residents displaced) and limits (which levers, in which areas,
//! the most homes demolished or sold, the most residents displaced, the years). A goal is judged
//! on a run's lean trace; how far a run falls short of it is a number the search can reduce.

use super::levers::LeverKind;
use crate::model::{AlmenFamilyCap, Plan};
use crate::sim::Trace;

/// One goal of a search.
#[derive(Clone, Debug, PartialEq)]
pub enum Goal {
    /// The estate is not on the government's list in `by` or any year after (under the law in
    /// force each year, or the plan's rule set).
    OffList { area: String, by: u16 },
    /// The estate's almene family homes are at most the law's cap (40 %) of its homes as
    /// § 168 a counts them, on 1 January of `by` (the law's deadline, 2030).
    Cap168a { area: String, by: u16 },
    /// The balance score is at least `value` in `year`.
    ScoreAtLeast { value: f64, year: u16 },
    /// As few residents displaced as possible: the first plan offered is the one that displaces
    /// fewest.
    FewestDisplaced,
}

/// The share of an area's homes a search may add by building, unless the room says otherwise:
/// about the densest of Høje-Taastrup's development plans (Taastrupgaard's of 2019 added 518–521
/// private homes or commercial units to 917 almene family homes, some 55 %).
pub const DENSIFICATION: f64 = 0.5;

/// What a search may use.
#[derive(Clone, Debug, PartialEq)]
pub struct Limits {
    /// The kinds of lever it may pull.
    pub levers: Vec<LeverKind>,
    /// The areas they may act in (the municipality's allocation share acts everywhere).
    pub areas: Vec<String>,
    /// The most almene family homes demolished or sold, all areas together.
    pub most_removed: Option<f64>,
    /// The most residents displaced (their homes demolished, merged or emptied), all years.
    pub most_displaced: Option<f64>,
    /// The most homes built in the areas searched, all kinds together.
    pub most_built: f64,
    /// The first and last year an action may be taken in.
    pub years: (u16, u16),
}

impl Limits {
    /// The limits a room starts from: every lever, in the estates the goals name (every estate
    /// when they name none); no cap on homes removed or residents displaced; at most
    /// [`DENSIFICATION`] of the areas' homes built; from the year after the plan's start (a
    /// decision taken now acts from next year) to the year before the latest goal year (at
    /// least to 2029, the last year whose actions count for the 2030 deadline).
    pub fn default_for(base: &Plan, goals: &[Goal]) -> Self {
        let named: Vec<String> = goals
            .iter()
            .filter_map(|g| match g {
                Goal::OffList { area, .. } | Goal::Cap168a { area, .. } => Some(area.clone()),
                _ => None,
            })
            .fold(Vec::new(), |mut areas, a| {
                if !areas.contains(&a) {
                    areas.push(a);
                }
                areas
            });
        let areas = if named.is_empty() {
            let estates = base.municipality.areas.iter().filter(|a| a.kind == crate::model::AreaKind::Estate);
            estates.map(|a| a.id.clone()).collect()
        } else {
            named
        };
        let span = base.span();
        let latest_goal = goals
            .iter()
            .filter_map(|g| match g {
                Goal::OffList { by, .. } | Goal::Cap168a { by, .. } => Some(*by),
                Goal::ScoreAtLeast { year, .. } => Some(*year),
                Goal::FewestDisplaced => None,
            })
            .max()
            .unwrap_or(2030);
        let first = (span.first + 1).min(span.last);
        let last = latest_goal.saturating_sub(1).max(2029).clamp(first, span.last.saturating_sub(1).max(first));
        let homes: f64 =
            base.municipality.areas.iter().filter(|a| areas.contains(&a.id)).map(|a| a.homes.total()).sum();
        Self {
            levers: LeverKind::ALL.to_vec(),
            areas,
            most_removed: None,
            most_displaced: None,
            most_built: (DENSIFICATION * homes).round(),
            years: (first, last),
        }
    }
}

/// How a run stands against one goal.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Standing {
    /// 0 when the goal is met; otherwise how far short, on a scale the search reduces (a
    /// listed year counts 1 and its distance to the line; a percentage point over the cap 0.1;
    /// a point of score 0.1).
    pub shortfall: f64,
    /// The figure the goal reads: the first year off the list for good (0: never), the § 168 a
    /// share at the deadline, the score in the year, the residents displaced.
    pub value: f64,
}

impl Standing {
    pub fn met(&self) -> bool {
        self.shortfall <= 0.0
    }
}

/// How `trace` (a run of a plan of `plan`'s municipality) stands against `goal`.
pub fn standing(goal: &Goal, plan: &Plan, trace: &Trace, cap: &AlmenFamilyCap) -> Standing {
    match goal {
        Goal::OffList { area, by } => {
            let Some(estate) = estate_trace(plan, trace, area) else { return unknown() };
            let mut shortfall = 0.0;
            let mut off_since = 0;
            for (year, y) in trace.years.iter().zip(&estate.years) {
                let listed = is_listed(trace, estate.area, *year);
                if listed {
                    off_since = 0;
                    if year >= by {
                        shortfall += 1.0 + (-y.list_margin).max(0.0);
                    }
                } else if off_since == 0 {
                    off_since = *year;
                }
            }
            Standing { shortfall, value: f64::from(off_since) }
        }
        Goal::Cap168a { area, by } => {
            let Some(estate) = estate_trace(plan, trace, area) else { return unknown() };
            let Some(y) = trace.year_index(*by).and_then(|i| estate.years.get(i)) else { return unknown() };
            Standing { shortfall: 10.0 * (y.share_168a - cap.cap).max(0.0), value: y.share_168a }
        }
        Goal::ScoreAtLeast { value, year } => {
            let Some(score) = trace.year_index(*year).and_then(|i| trace.score.get(i)) else { return unknown() };
            Standing { shortfall: 0.1 * (value - score.total).max(0.0), value: score.total }
        }
        Goal::FewestDisplaced => Standing { shortfall: 0.0, value: displaced(trace) },
    }
}

/// Whether the area is on the list in the year of the trace.
fn is_listed(trace: &Trace, area: usize, year: u16) -> bool {
    trace.year_index(year).and_then(|i| trace.listed.get(area)?.get(i).copied()).unwrap_or(false)
}

/// A goal that names what the plan does not have: never met, by a margin no plan closes.
fn unknown() -> Standing {
    Standing { shortfall: 1.0e6, value: f64::NAN }
}

/// The estate's trace, found by its id.
fn estate_trace<'t>(plan: &Plan, trace: &'t Trace, area: &str) -> Option<&'t crate::sim::EstateTrace> {
    let index = plan.municipality.areas.iter().position(|a| a.id == area)?;
    trace.estates.iter().find(|e| e.area == index)
}

/// Residents displaced over the whole run.
pub fn displaced(trace: &Trace) -> f64 {
    trace.displaced.iter().sum()
}

/// A goal from the command line's words: `off-list:AREA:YEAR`, `168a:AREA[:YEAR]` (the law's
/// deadline if left out), `score:VALUE[:YEAR]` (the plan's last year if left out) or
/// `fewest-displaced`.
pub fn parse_goal(text: &str, plan: &Plan, cap: &AlmenFamilyCap) -> Result<Goal, String> {
    let parts: Vec<&str> = text.split(':').map(str::trim).collect();
    let year = |part: Option<&&str>, default: u16| -> Result<u16, String> {
        match part {
            None => Ok(default),
            Some(p) => p.parse::<u16>().map_err(|_| format!("'{p}' is not a year (in the goal '{text}')")),
        }
    };
    let area = |part: Option<&&str>| -> Result<String, String> {
        let id = part.ok_or(format!("the goal '{text}' names no area"))?;
        let found = plan.municipality.areas.iter().find(|a| a.id == *id);
        match found {
            Some(a) if a.kind == crate::model::AreaKind::Estate => Ok(a.id.clone()),
            Some(_) => Err(format!("'{id}' is not an estate; the list and § 168 a judge estates")),
            None => Err(format!("the plan has no area '{id}' (in the goal '{text}')")),
        }
    };
    let goal = match parts.first().copied() {
        Some("off-list") => Goal::OffList { area: area(parts.get(1))?, by: year(parts.get(2), 2030)? },
        Some("168a") => Goal::Cap168a { area: area(parts.get(1))?, by: year(parts.get(2), cap.deadline_year)? },
        Some("score") => {
            let value = parts.get(1).ok_or(format!("the goal '{text}' names no score"))?;
            let value: f64 = value.parse().map_err(|_| format!("'{value}' is not a score (in the goal '{text}')"))?;
            if !(0.0..=100.0).contains(&value) {
                return Err(format!("a score is from 0 to 100, not {value}"));
            }
            Goal::ScoreAtLeast { value, year: year(parts.get(2), plan.span().last)? }
        }
        Some("fewest-displaced") if parts.len() == 1 => Goal::FewestDisplaced,
        _ => {
            return Err(format!(
                "'{text}' is not a goal (off-list:AREA:YEAR, 168a:AREA[:YEAR], score:VALUE[:YEAR] or fewest-displaced)"
            ));
        }
    };
    let span = plan.span();
    let goal_year = match &goal {
        Goal::OffList { by, .. } | Goal::Cap168a { by, .. } => Some(*by),
        Goal::ScoreAtLeast { year, .. } => Some(*year),
        Goal::FewestDisplaced => None,
    };
    if let Some(y) = goal_year.filter(|y| !span.contains(*y)) {
        return Err(format!("'{}' runs {}–{}; the goal's year {y} is outside it", plan.name, span.first, span.last));
    }
    Ok(goal)
}

/// A limit from the command line's words: `levers=KIND,…`, `areas=ID,…`, `most-removed=N`
/// (homes demolished or sold), `most-displaced=N` (residents), `most-built=N` (homes) or
/// `years=FIRST-LAST`, applied to `limits`.
pub fn apply_limit(text: &str, plan: &Plan, limits: &mut Limits) -> Result<(), String> {
    let (name, value) = text.split_once('=').ok_or(format!("'{text}' is not a limit (NAME=VALUE)"))?;
    let list = || value.split(',').map(str::trim).filter(|v| !v.is_empty());
    let number = || -> Result<f64, String> {
        let n: f64 = value.trim().parse().map_err(|_| format!("'{value}' is not a number (in the limit '{text}')"))?;
        if n.is_finite() && n >= 0.0 { Ok(n) } else { Err(format!("'{value}' must be 0 or more")) }
    };
    match name.trim() {
        "levers" => {
            limits.levers = list()
                .map(|k| {
                    LeverKind::parse(k)
                        .ok_or(format!("'{k}' is not a lever ({})", LeverKind::ALL.map(LeverKind::key).join(", ")))
                })
                .collect::<Result<_, _>>()?;
        }
        "areas" => {
            limits.areas = list()
                .map(|id| {
                    plan.municipality
                        .areas
                        .iter()
                        .find(|a| a.id == id)
                        .map(|a| a.id.clone())
                        .ok_or(format!("the plan has no area '{id}' (in the limit '{text}')"))
                })
                .collect::<Result<_, _>>()?;
        }
        "most-removed" => limits.most_removed = Some(number()?),
        "most-displaced" => limits.most_displaced = Some(number()?),
        "most-built" => limits.most_built = number()?,
        "years" => {
            let (first, last) = value.split_once('-').ok_or(format!("'{value}' is not FIRST-LAST (e.g. 2027-2029)"))?;
            let parse = |y: &str| y.trim().parse::<u16>().map_err(|_| format!("'{y}' is not a year"));
            let (first, last) = (parse(first)?, parse(last)?);
            let span = plan.span();
            if first > last || !span.contains(first) || !span.contains(last) {
                return Err(format!(
                    "the years {first}–{last} must lie in order within the plan's {}–{}",
                    span.first, span.last
                ));
            }
            limits.years = (first, last);
        }
        other => {
            return Err(format!(
                "'{other}' is not a limit (levers, areas, most-removed, most-displaced, most-built or years)"
            ));
        }
    }
    Ok(())
}
