//! Indicators per area and the status under a rule set: criteria with values and thresholds,
//! category, consecutive years, the margin to the listing line; and the § 168 a 40% share.

use super::output::{CriterionResult, Indicators, Status};
use super::state::{AreaState, HISTORY_YEARS, ratio};
use crate::model::{AreaKind, Category, Criterion, FIRST_YEAR, Indicator, Params, RuleSet, Tenure};

/// One home per this many m² of commercial floor space under § 168 a.
pub const COMMERCIAL_M2_PER_HOME: f64 = 75.0;

/// The area's indicators in a year, from its residents and its held inputs.
pub(super) fn indicators(area: &AreaState, params: &Params, year: u16) -> Indicators {
    let r = &area.residents;
    let working_age = r.working_age();
    let basic: f64 = [
        r.employed * params.basic_schooling_share.employed,
        r.in_education * params.basic_schooling_share.in_education,
        r.outside_work * params.basic_schooling_share.outside_work,
    ]
    .iter()
    .sum();
    // Students are left out of the income criterion, as the law does.
    let earners = r.employed + r.outside_work;
    let income = r.employed * params.income_ratio.employed + r.outside_work * params.income_ratio.outside_work;
    let years = f64::from(year.saturating_sub(FIRST_YEAR));
    let held = &area.held;
    Indicators {
        outside_work_share: ratio(r.outside_work, working_age),
        employment_share: ratio(r.employed, working_age),
        basic_schooling_share: ratio(basic, working_age),
        income_ratio: ratio(income, earners) * held.income_level,
        convicted_share: (held.convicted_share + held.convicted_drift_per_year * years).clamp(0.0, 1.0),
        non_western_share: (held.non_western_share + held.non_western_drift_per_year * years).clamp(0.0, 1.0),
    }
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

/// Judges an area in the simulation. In 2016 (`initial`) the area is assumed to have been in
/// each category that holds for `years_listed_before_2016` years already.
pub(super) fn judge(
    area: &AreaState,
    rules: &RuleSet,
    criteria: &[&Criterion],
    year: u16,
    initial: bool,
) -> (Status, Vec<u32>) {
    let assumed_runs;
    let previous_runs: &[u32] = if initial {
        assumed_runs = vec![area.held.years_listed_before_2016; rules.categories.len()];
        &assumed_runs
    } else {
        &area.runs
    };
    let is_estate = area.kind == AreaKind::Estate;
    evaluate_with(rules, criteria, year, is_estate, area.residents.total(), &area.history, previous_runs)
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
            .map(|c| {
                let value = averaged(history, c.indicator, c.average_years);
                CriterionResult {
                    id: c.id.clone(),
                    indicator: c.indicator,
                    comparison: c.comparison,
                    value,
                    threshold: c.threshold,
                    met: c.comparison.is_met(value, c.threshold),
                }
            })
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
    let consecutive_years = hardest.map_or(0, |i| runs[i]);
    let list_margin = if judged { list_margin(&criteria, rules) } else { 1.0 };
    (Status { criteria, category, listed, consecutive_years, list_margin, judged }, runs)
}

/// The margin of the criterion that would list the area next: the `min_met`-th smallest margin
/// among the listing rule's criteria.
fn list_margin(criteria: &[CriterionResult], rules: &RuleSet) -> f64 {
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

/// Almene family homes over all homes as § 168 a counts them: demolished homes not replaced
/// by new homes in the area, and one home per 75 m² of commercial space, join the total.
/// Returns the share and the demolished homes counted.
pub(super) fn almen_family_share_168a(area: &AreaState) -> (f64, f64) {
    let demolished_counted = (area.demolished - area.built).max(0.0);
    let total = area.homes.total() + demolished_counted + area.commercial_m2 / COMMERCIAL_M2_PER_HOME;
    (ratio(area.homes[Tenure::AlmenFamily], total), demolished_counted)
}
