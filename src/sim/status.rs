//! Indicators per area and the status under a rule set: each criterion's value against the
//! threshold in force that year, the category, the years in a row that the harder categories
//! count, and the margin to the listing line; and the § 168 a count of almene family homes as
//! the law counts it, part by part.

use super::cohort::{Cohort, ratio};
use super::output::{CriterionResult, Indicators, Share168a, Status};
use super::state::{AreaState, Engine, HISTORY_YEARS};
use crate::model::{AlmenFamilyCap, AreaKind, Category, Criterion, HeldInputs, Indicator, Params, RuleSet, Tenure};

/// The indicators of a body of residents in a year: the projected ones from who lives there,
/// the held ones from the area's published or assumed values.
pub(super) fn indicators_of(cohort: &Cohort, held: &HeldInputs, params: &Params, year: u16) -> Indicators {
    let working_age = cohort.persons.working_age();
    Indicators {
        outside_work_share: cohort.outside_work_share(),
        employment_share: ratio(cohort.persons.employed, working_age),
        basic_schooling_share: cohort.basic_schooling_share(),
        income_ratio: cohort.income_ratio(&params.education),
        convicted_share: held.convicted_in(year),
        non_western_share: held.non_western_in(year),
    }
}

/// The area's indicators in a year.
pub(super) fn indicators(area: &AreaState, params: &Params, year: u16) -> Indicators {
    indicators_of(&area.residents, &area.held, params, year)
}

/// The indicator values in [`Indicator::ALL`] order, for the history.
pub(super) fn indicator_values(ind: &Indicators) -> [f64; 5] {
    Indicator::ALL.map(|i| ind.value(i))
}

/// Indicator values of the last four years, oldest first, each in [`Indicator::ALL`] order.
pub type IndicatorHistory = [[f64; 5]; HISTORY_YEARS];

/// The mean of the last `years` values of an indicator.
fn averaged(history: &IndicatorHistory, indicator: Indicator, years: u32) -> f64 {
    let n = (years as usize).clamp(1, HISTORY_YEARS);
    let sum: f64 = history[HISTORY_YEARS - n..].iter().map(|v| v[indicator.index()]).sum();
    sum / n as f64
}

/// Judges an area in the simulation. In 2016 (`initial`) the area is assumed to have been on
/// the list for `years_listed_before_2016` years already.
pub(super) fn judge(area: &AreaState, engine: &Engine, year: u16, initial: bool) -> (Status, Vec<u32>) {
    let assumed_runs;
    let previous_runs: &[u32] = if initial {
        assumed_runs = initial_runs(engine.rules, area.held.years_listed_before_2016);
        &assumed_runs
    } else {
        &area.runs
    };
    let is_estate = area.kind == AreaKind::Estate;
    let residents = area.residents.total();
    evaluate_with(engine.rules, &engine.criteria, year, is_estate, residents, &area.history, previous_runs)
}

/// Years in a row assumed before 2016: only the listed categories count them.
fn initial_runs(rules: &RuleSet, years: u32) -> Vec<u32> {
    rules.categories.iter().map(|c| if c.listed { years } else { 0 }).collect()
}

/// Judges one area under a rule set in a year: each criterion's averaged value against its
/// threshold, the hardest category that holds, and how many years in a row each category has
/// held (`previous_runs` are last year's, one per category of the rule set). Only estates are
/// judged, and only with at least the rule set's minimum residents.
pub fn evaluate(
    rules: &RuleSet,
    year: u16,
    is_estate: bool,
    residents: f64,
    history: &IndicatorHistory,
    previous_runs: &[u32],
) -> (Status, Vec<u32>) {
    evaluate_with(rules, &rules.all_criteria(), year, is_estate, residents, history, previous_runs)
}

fn criterion_result(c: &Criterion, value: f64, year: u16) -> CriterionResult {
    let threshold = c.threshold_in(year);
    CriterionResult {
        id: c.id.clone(),
        indicator: c.indicator,
        comparison: c.comparison,
        value,
        threshold,
        met: c.comparison.is_met(value, threshold),
    }
}

/// [`evaluate`] with the rule set's distinct criteria listed once by the caller.
fn evaluate_with(
    rules: &RuleSet,
    all_criteria: &[&Criterion],
    year: u16,
    is_estate: bool,
    residents: f64,
    history: &IndicatorHistory,
    previous_runs: &[u32],
) -> (Status, Vec<u32>) {
    let n = rules.categories.len();
    let judged = is_estate && residents >= rules.min_residents;
    let criteria: Vec<CriterionResult> = if is_estate {
        all_criteria
            .iter()
            .map(|c| criterion_result(c, averaged(history, c.indicator, c.average_years), year))
            .collect()
    } else {
        Vec::new()
    };
    let met = |id: &str| criteria.iter().any(|c| &*c.id == id && c.met);
    let mut satisfied = vec![false; n];
    let mut runs = vec![0u32; n];
    if judged {
        for (i, rule) in rules.categories.iter().enumerate() {
            let base = rule.builds_on.and_then(|b| rules.categories.iter().position(|r| r.category == b));
            let base_ok = base.is_none_or(|b| satisfied[b]);
            let required_ok = rule.required.iter().all(|c| met(&c.id));
            let count = rule.criteria.iter().filter(|c| met(&c.id)).count();
            let consecutive_ok = match (&rule.consecutive, base) {
                (Some(consecutive), Some(b)) => runs[b] >= consecutive.years_in(year),
                _ => true,
            };
            satisfied[i] = base_ok && required_ok && count >= rule.min_met as usize && consecutive_ok;
            runs[i] = if satisfied[i] { previous_runs.get(i).copied().unwrap_or(0) + 1 } else { 0 };
        }
    }
    // The hardest category that holds; the rules list them mildest first.
    let hardest = (0..n).rev().find(|&i| satisfied[i]);
    let category = hardest.map_or(Category::None, |i| rules.categories[i].category);
    let listed = (0..n).any(|i| satisfied[i] && rules.categories[i].listed);
    let consecutive_years = counted_years(rules, &runs, listed);
    let list_margin = if judged { list_margin(&criteria, rules) } else { 1.0 };
    (Status { criteria, category, listed, consecutive_years, list_margin, judged }, runs)
}

/// The years in a row that count towards the hardest category: the run of the category the
/// consecutive rule builds on (ghetto, parallelsamfund), or of being listed where no rule
/// counts years. Zero when the area is off the list.
fn counted_years(rules: &RuleSet, runs: &[u32], listed: bool) -> u32 {
    if !listed {
        return 0;
    }
    let counted = rules
        .categories
        .iter()
        .find_map(|c| c.consecutive.as_ref().and(c.builds_on))
        .and_then(|base| rules.categories.iter().position(|c| c.category == base));
    match counted {
        Some(i) => runs[i],
        None => (0..runs.len()).filter(|&i| rules.categories[i].listed).map(|i| runs[i]).max().unwrap_or(0),
    }
}

/// The margin of the criterion that would list the area next: the `min_met`-th smallest margin
/// among the listing rule's criteria.
pub(super) fn list_margin(criteria: &[CriterionResult], rules: &RuleSet) -> f64 {
    let Some(rule) = rules.listing_rule() else {
        return 1.0;
    };
    let mut margins: Vec<f64> = rule
        .criteria
        .iter()
        .filter_map(|c| criteria.iter().find(|r| r.id == c.id))
        .map(|r| r.comparison.margin(r.value, r.threshold))
        .collect();
    margins.sort_by(f64::total_cmp);
    let k = (rule.min_met as usize).max(1);
    margins.get(k - 1).copied().unwrap_or(1.0)
}

/// The margin to the listing line of a body of residents judged on its present composition:
/// the balance score's view of an estate, counting those displaced out of the municipality as
/// still there.
pub(super) fn composition_margin(indicators: &Indicators, rules: &RuleSet, year: u16) -> f64 {
    let Some(rule) = rules.listing_rule() else {
        return 1.0;
    };
    let criteria: Vec<CriterionResult> =
        rule.criteria.iter().map(|c| criterion_result(c, indicators.value(c.indicator), year)).collect();
    list_margin(&criteria, rules)
}

/// Almene family homes over all homes as § 168 a counts them: homes demolished after 2010 and
/// not replaced by new almene family homes in the area, and one home per 75 m² of commercial
/// floor space (with culture houses and campuses if the plan counts them), join all homes.
pub(super) fn share_168a(area: &AreaState, cap: &AlmenFamilyCap, count_facilities: bool) -> Share168a {
    let floor_m2 = area.commercial_m2 + if count_facilities { area.facility_m2 } else { 0.0 };
    Share168a {
        almen_family: area.homes[Tenure::AlmenFamily],
        homes: area.homes.total(),
        demolished_counted: (area.demolished_since_2010 - area.almen_family_added).max(0.0),
        floor_space_homes: floor_m2 / cap.commercial_m2_per_home.max(1.0),
    }
}
