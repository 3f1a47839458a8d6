//! Indicators per area and the status under a rule set: each criterion's value against the
//! threshold in force that year, the category, the years in a row that the harder categories
//! count, and the margin to the listing line; and the § 168 a count of almene family homes as
//! the law counts it, part by part.

use super::cohort::{Cohort, ratio};
use super::output::{Criteria, CriterionResult, Indicators, MAX_CRITERIA, Share168a, Status};
use super::schedule::HeldShares;
use super::state::{AreaState, HISTORY_YEARS, Standing};
use crate::model::{
    AlmenFamilyCap, AreaKind, Category, CategoryRule, Criterion, Indicator, Params, RuleSet, RuleSetId, Span, Tenure,
};

/// The indicators of a body of residents: the projected ones from who lives there; the held
/// ones (convictions, origin) as given, from the area's published or assumed values.
pub(super) fn indicators_of(cohort: &Cohort, convicted: f64, non_western: f64, params: &Params) -> Indicators {
    let working_age = cohort.persons.working_age();
    Indicators {
        outside_work_share: cohort.outside_work_share(),
        employment_share: ratio(cohort.persons.employed, working_age),
        basic_schooling_share: cohort.basic_schooling_share(),
        income_ratio: cohort.income_ratio(&params.education),
        convicted_share: convicted,
        non_western_share: non_western,
    }
}

/// The area's indicators in a year (`held`: its held shares, convicted and non-Western, from
/// the plan's published or assumed values).
pub(super) fn indicators(area: &AreaState, (convicted, non_western): HeldShares, params: &Params) -> Indicators {
    indicators_of(&area.residents, convicted, non_western, params)
}

/// How prone a body of residents is to convictions against the same number of adults in work:
/// adults outside work count `conviction_outside_work_relative_risk` times, others once
/// (children and seniors are rarely convicted and do not move it). An area's share convicted
/// moves in proportion to this from its last published value.
pub(super) fn conviction_risk(residents: &Cohort, params: &Params) -> f64 {
    let p = &residents.persons;
    let risk = params.moves.conviction_outside_work_relative_risk.max(0.0);
    ratio(p.outside_work * risk + p.employed + p.in_education, p.working_age())
}

/// A band run's share convicted in a year: the projected share varied by the chance in a count
/// of convicted people (about as many as the share of the adults; a binomial count varies by
/// its square root), drawn from `seed`, the area and the year, so a run is repeatable.
pub(super) fn convicted_with_variation(projected: f64, residents: &Cohort, seed: u64, area: usize, year: u16) -> f64 {
    let adults = residents.persons.working_age() + residents.persons.seniors;
    let expected = projected * adults;
    if expected <= 0.0 {
        return projected;
    }
    let z = super::Chance::new(seed ^ ((area as u64) << 20) ^ u64::from(year)).standard_normal();
    (projected * (1.0 + z / libm::sqrt(expected))).max(0.0)
}

/// The figures the ledgers of change split (see [`super::ChangeLedger::figures`]) of a body of
/// residents.
pub(super) fn figures(cohort: &Cohort, params: &Params) -> [f64; 3] {
    [cohort.outside_work_share(), cohort.basic_schooling_share(), cohort.income_ratio(&params.education)]
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

/// Categories a rule set may have (the 2021 rules have four).
pub const MAX_CATEGORIES: usize = 8;

/// Years in a row each category of the rule set has held, by category index.
pub type Runs = arrayvec::ArrayVec<u32, MAX_CATEGORIES>;

/// One category compiled: its criteria as indices into the rule set's distinct criteria.
struct CompiledCategory<'a> {
    rule: &'a CategoryRule,
    criteria: arrayvec::ArrayVec<usize, MAX_CRITERIA>,
    required: arrayvec::ArrayVec<usize, MAX_CRITERIA>,
    /// The category it builds on, by index.
    base: Option<usize>,
}

/// A rule set compiled once for judging every estate every year: ids resolved to indices, so a
/// judgement compares no names and allocates nothing.
pub(super) struct Judge<'a> {
    rules: &'a RuleSet,
    /// The rule set's distinct criteria, in order of first use.
    criteria: Vec<&'a Criterion>,
    categories: Vec<CompiledCategory<'a>>,
    /// The category whose years in a row the hardest category counts.
    counted: Option<usize>,
    /// The listing rule's criteria, by index, and how many must be met.
    listing: Option<(arrayvec::ArrayVec<usize, MAX_CRITERIA>, usize)>,
    /// Per year of the plan: each criterion's threshold, by index (looked up in the published
    /// thresholds once, not for every estate every year).
    thresholds: Vec<arrayvec::ArrayVec<f64, MAX_CRITERIA>>,
    /// The years the thresholds are for.
    span: Span,
}

impl<'a> Judge<'a> {
    /// How many criteria an estate is judged by.
    pub fn criteria_count(&self) -> usize {
        self.criteria.len()
    }

    /// The rule set it judges by.
    pub fn id(&self) -> RuleSetId {
        self.rules.id
    }

    pub fn new(rules: &'a RuleSet, span: Span) -> Self {
        let criteria: Vec<&Criterion> = rules.all_criteria().into_iter().take(MAX_CRITERIA).collect();
        let index_of = |c: &Criterion| criteria.iter().position(|x| x.id == c.id);
        let category_index = |category| rules.categories.iter().position(|r| r.category == category);
        let categories = rules
            .categories
            .iter()
            .take(MAX_CATEGORIES)
            .map(|rule| CompiledCategory {
                rule,
                criteria: rule.criteria.iter().filter_map(index_of).collect(),
                required: rule.required.iter().filter_map(index_of).collect(),
                base: rule.builds_on.and_then(category_index),
            })
            .collect();
        let counted =
            rules.categories.iter().find_map(|c| c.consecutive.as_ref().and(c.builds_on)).and_then(category_index);
        let listing = rules
            .listing_rule()
            .map(|rule| (rule.criteria.iter().filter_map(index_of).collect(), rule.min_met as usize));
        let thresholds = span.years().map(|year| criteria.iter().map(|c| c.threshold_in(year)).collect()).collect();
        Self { rules, criteria, categories, counted, listing, thresholds, span }
    }

    /// Each criterion judged on `value(criterion)` against its threshold in `year`.
    fn results(&self, year: u16, value: impl Fn(&Criterion) -> f64) -> impl Iterator<Item = CriterionResult> {
        let thresholds = self.span.index(year).and_then(|y| self.thresholds.get(y));
        self.criteria.iter().enumerate().map(move |(k, c)| {
            let threshold = thresholds.and_then(|t| t.get(k).copied()).unwrap_or_else(|| c.threshold_in(year));
            criterion_result(c, value(c), threshold)
        })
    }

    /// Each criterion's averaged value against the threshold of the year, into `out` (which
    /// keeps its allocation from year to year).
    fn criteria(&self, history: &IndicatorHistory, year: u16, out: &mut Criteria) {
        out.clear();
        out.extend(self.results(year, |c| averaged(history, c.indicator, c.average_years)));
    }

    /// Judges one estate (or, with `is_estate` false, an area the list does not judge); its
    /// criteria go into `criteria` (none for other areas).
    fn judge(
        &self,
        year: u16,
        (is_estate, residents): (bool, f64),
        history: &IndicatorHistory,
        previous: &[u32],
        criteria: &mut Criteria,
    ) -> (Status, Runs) {
        let n = self.categories.len();
        let judged = is_estate && residents >= self.rules.min_residents;
        if is_estate {
            self.criteria(history, year, criteria);
        } else {
            criteria.clear();
        }
        let mut satisfied = [false; MAX_CATEGORIES];
        let mut runs: Runs = std::iter::repeat_n(0, n).collect();
        if judged {
            for (i, c) in self.categories.iter().enumerate() {
                let base_ok = c.base.is_none_or(|b| satisfied[b]);
                let required_ok = c.required.iter().all(|&k| criteria[k].met);
                let count = c.criteria.iter().filter(|&&k| criteria[k].met).count();
                let consecutive_ok = match (&c.rule.consecutive, c.base) {
                    (Some(consecutive), Some(b)) => runs[b] >= consecutive.years_in(year),
                    _ => true,
                };
                satisfied[i] = base_ok && required_ok && count >= c.rule.min_met as usize && consecutive_ok;
                runs[i] = if satisfied[i] { previous.get(i).copied().unwrap_or(0) + 1 } else { 0 };
            }
        }
        // The hardest category that holds; the rules list them mildest first.
        let hardest = (0..n).rev().find(|&i| satisfied[i]);
        let category = hardest.map_or(Category::None, |i| self.categories[i].rule.category);
        let listed = (0..n).any(|i| satisfied[i] && self.categories[i].rule.listed);
        let consecutive_years = self.counted_years(&runs, listed);
        let list_margin = if judged { self.margin(criteria) } else { 1.0 };
        (Status { category, listed, consecutive_years, list_margin, judged }, runs)
    }

    /// The years in a row that count towards the hardest category: the run of the category the
    /// consecutive rule builds on (ghetto, parallelsamfund), or of being listed where no rule
    /// counts years. Zero when the area is off the list.
    fn counted_years(&self, runs: &[u32], listed: bool) -> u32 {
        if !listed {
            return 0;
        }
        match self.counted {
            Some(i) => runs[i],
            None => (0..runs.len()).filter(|&i| self.categories[i].rule.listed).map(|i| runs[i]).max().unwrap_or(0),
        }
    }

    /// The margin of the criterion that would list the area next: the `min_met`-th smallest
    /// margin among the listing rule's criteria.
    fn margin(&self, criteria: &[CriterionResult]) -> f64 {
        let Some((listing, min_met)) = &self.listing else { return 1.0 };
        let mut margins: arrayvec::ArrayVec<f64, MAX_CRITERIA> = listing
            .iter()
            .filter_map(|&k| criteria.get(k))
            .map(|r| r.comparison.margin(r.value, r.threshold))
            .collect();
        margins.sort_by(f64::total_cmp);
        margins.get((*min_met).max(1) - 1).copied().unwrap_or(1.0)
    }

    /// The margin to the listing line of indicators judged as they are this year.
    pub fn composition_margin(&self, indicators: &Indicators, year: u16) -> f64 {
        let criteria: arrayvec::ArrayVec<CriterionResult, MAX_CRITERIA> =
            self.results(year, |c| indicators.value(c.indicator)).collect();
        self.margin(&criteria)
    }

    /// Years in a row assumed before 2016: only the listed categories count them.
    fn initial_runs(&self, years: u32) -> Runs {
        self.categories.iter().map(|c| if c.rule.listed { years } else { 0 }).collect()
    }

    /// Last year's runs under another law, carried into this one: each category continues the
    /// run of the earlier law's category of the same rank (ghetto → parallelsamfund), as the
    /// 2018 and 2021 laws counted the years an area had been on the lists before them.
    fn carried_runs(&self, from: &Judge<'_>, runs: &[u32]) -> Runs {
        self.categories
            .iter()
            .map(|c| {
                let rank = c.rule.category.rank();
                let earlier = from.categories.iter().position(|e| e.rule.category.rank() == rank);
                earlier.and_then(|i| runs.get(i).copied()).unwrap_or(0)
            })
            .collect()
    }
}

/// Judges an area in the simulation. In 2016 (`initial`) the area is assumed to have been on
/// the list for `years_listed_before_2016` years already.
/// `judges` are the rule sets of this year and of last year (the same one but where the law
/// changed).
pub(super) fn judge(
    area: &AreaState,
    years_listed_before_2016: u32,
    standing: &mut Standing,
    judges: (&Judge, &Judge),
    year: u16,
    initial: bool,
) -> (Status, Runs) {
    let (j, last_year) = judges;
    let previous = if initial {
        j.initial_runs(years_listed_before_2016)
    } else if last_year.id() == j.id() {
        standing.runs.clone()
    } else {
        j.carried_runs(last_year, &standing.runs)
    };
    let area = (area.kind == AreaKind::Estate, area.residents.total());
    j.judge(year, area, &standing.history, &previous, &mut standing.criteria)
}

/// Judges one area under a rule set in a year: each criterion's averaged value against its
/// threshold, the hardest category that holds, and how many years in a row each category has
/// held (`previous_runs` are last year's, one per category of the rule set). Only estates are
/// judged, and only with at least the rule set's minimum residents. Returns the status, the
/// criteria (none for other areas) and the runs.
pub fn evaluate(
    rules: &RuleSet,
    year: u16,
    is_estate: bool,
    residents: f64,
    history: &IndicatorHistory,
    previous_runs: &[u32],
) -> (Status, Criteria, Vec<u32>) {
    let mut criteria = Criteria::new();
    let span = Span::starting(year);
    let (status, runs) =
        Judge::new(rules, span).judge(year, (is_estate, residents), history, previous_runs, &mut criteria);
    (status, criteria, runs.to_vec())
}

fn criterion_result(c: &Criterion, value: f64, threshold: f64) -> CriterionResult {
    CriterionResult {
        id: c.id,
        indicator: c.indicator,
        comparison: c.comparison,
        value,
        threshold,
        met: c.comparison.is_met(value, threshold),
    }
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
