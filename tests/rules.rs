//! The government's list rules (2010, 2014, 2018, 2021) through `sim::evaluate`, worked out by
//! hand at and around every threshold: which criteria are met, the category, whether the estate
//! is listed, the years in a row that the hardest category counts (as a ghetto or parallel
//! society, towards hard ghetto or omdannelse; none while only udsat or off the list), the
//! 1,000-resident floor and the margin to the listing line. Conviction thresholds from 2018 are
//! the published multiples of the national average for the year judged.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::assets;
use by_i_balance::model::Indicator::{self, BasicSchooling, Convicted, Income, NonWestern, OutsideWork};
use by_i_balance::model::RuleSetId::{self, Y2010, Y2014, Y2018, Y2021};
use by_i_balance::model::{Category, RuleSet};
use by_i_balance::sim::{self, Criteria, CriterionResult, IndicatorHistory, Status};

/// Values that meet no criterion of any rule set, in `Indicator::ALL` order: outside work,
/// convicted, non-Western, basic schooling, income.
const CALM: [f64; 5] = [0.20, 0.005, 0.10, 0.20, 0.90];
/// Two of the four udsat criteria of 2018 and 2021: outside work and income.
const UDSAT: [(Indicator, f64); 2] = [(OutsideWork, 0.45), (Income, 0.50)];
/// The same with a non-Western majority: a ghetto (2018) or parallelsamfund (2021).
const MAJORITY: [(Indicator, f64); 3] = [(OutsideWork, 0.45), (Income, 0.50), (NonWestern, 0.55)];
/// Every criterion of every rule set met.
const EVERYTHING: [(Indicator, f64); 5] =
    [(OutsideWork, 0.60), (Convicted, 0.05), (NonWestern, 0.80), (BasicSchooling, 0.80), (Income, 0.30)];

/// The calm values with some indicators changed, the same in all four years.
fn steady(changes: &[(Indicator, f64)]) -> IndicatorHistory {
    let mut values = CALM;
    for &(indicator, value) in changes {
        values[indicator.index()] = value;
    }
    [values; 4]
}

/// `history` with one indicator taking a value per year, oldest first.
fn over_years(mut history: IndicatorHistory, indicator: Indicator, years: [f64; 4]) -> IndicatorHistory {
    for (row, value) in history.iter_mut().zip(years) {
        row[indicator.index()] = value;
    }
    history
}

/// An area judged: its status, and the criteria it was judged by.
struct Judged {
    status: Status,
    criteria: Criteria,
}

impl std::ops::Deref for Judged {
    type Target = Status;

    fn deref(&self) -> &Status {
        &self.status
    }
}

/// Judges an area under `rules` in 2022.
fn evaluate_in_2022(
    rules: &RuleSet,
    is_estate: bool,
    residents: f64,
    history: &IndicatorHistory,
    runs: &[u32],
) -> (Judged, Vec<u32>) {
    let (status, criteria, runs) = sim::evaluate(rules, 2022, is_estate, residents, history, runs);
    (Judged { status, criteria }, runs)
}

/// Judges an estate of 2,000 residents; `previous_runs` are last year's counts per category.
fn judge(id: RuleSetId, year: u16, history: &IndicatorHistory, previous_runs: &[u32]) -> (Judged, Vec<u32>) {
    let rules = assets::rule_set(id).expect("the rule set ships");
    let (status, criteria, runs) = sim::evaluate(&rules, year, true, 2000.0, history, previous_runs);
    (Judged { status, criteria }, runs)
}

#[track_caller]
fn assert_outcome(status: &Status, category: Category, listed: bool, consecutive_years: u32) {
    assert_eq!(
        (status.category, status.listed, status.consecutive_years),
        (category, listed, consecutive_years),
        "(category, listed, consecutive years)"
    );
}

/// Asserts which criteria are met, in any order.
#[track_caller]
fn assert_met(status: &Judged, expected: &[&str]) {
    let mut met: Vec<&str> = status.criteria.iter().filter(|c| c.met).map(|c| &*c.id).collect();
    let mut expected = expected.to_vec();
    met.sort_unstable();
    expected.sort_unstable();
    assert_eq!(met, expected, "criteria met");
}

#[track_caller]
fn assert_close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-12, "{actual} is not {expected}");
}

fn criterion<'a>(status: &'a Judged, id: &str) -> &'a CriterionResult {
    status.criteria.iter().find(|c| &*c.id == id).expect("the criterion is judged")
}

// ---- 2010: 2 of 3 ----

#[test]
fn y2010_two_of_three_criteria_make_a_ghetto_one_does_not() {
    let (status, runs) = judge(Y2010, 2010, &steady(&[(OutsideWork, 0.45), (Convicted, 0.03)]), &[]);
    assert!(status.judged);
    assert_met(&status, &["outside_work_40", "convicted_2_7"]);
    assert_outcome(&status, Category::Ghetto, true, 1);
    assert_eq!(runs, [1]);

    let (status, runs) = judge(Y2010, 2010, &steady(&[(NonWestern, 0.60)]), &[]);
    assert!(status.judged);
    assert_met(&status, &["non_western_50"]);
    assert_outcome(&status, Category::None, false, 0);
    assert_eq!(runs, [0]);
}

#[test]
fn y2010_values_exactly_at_the_thresholds_are_not_above_them() {
    let at = steady(&[(OutsideWork, 0.40), (Convicted, 0.027), (NonWestern, 0.50)]);
    let (status, _) = judge(Y2010, 2010, &at, &[]);
    assert_met(&status, &[]);
    assert_outcome(&status, Category::None, false, 0);

    let over = steady(&[(OutsideWork, 0.401), (Convicted, 0.0271), (NonWestern, 0.501)]);
    let (status, _) = judge(Y2010, 2010, &over, &[]);
    assert_met(&status, &["outside_work_40", "convicted_2_7", "non_western_50"]);
    assert_outcome(&status, Category::Ghetto, true, 1);
}

#[test]
fn y2010_averages_outside_work_and_convictions_over_four_years() {
    // Outside work (46 + 46 + 38 + 38) / 4 = 42% > 40%, though the last two years are at 38%.
    let history = over_years(steady(&[(NonWestern, 0.60)]), OutsideWork, [0.46, 0.46, 0.38, 0.38]);
    let (status, _) = judge(Y2010, 2010, &history, &[]);
    assert_close(criterion(&status, "outside_work_40").value, 0.42);
    assert_met(&status, &["outside_work_40", "non_western_50"]);
    assert_outcome(&status, Category::Ghetto, true, 1);

    // Convictions (3.5 + 3.5 + 2.0 + 2.0) / 4 = 2.75% > 2.7%.
    let history = over_years(steady(&[(NonWestern, 0.60)]), Convicted, [0.035, 0.035, 0.020, 0.020]);
    let (status, _) = judge(Y2010, 2010, &history, &[]);
    assert_met(&status, &["convicted_2_7", "non_western_50"]);
    assert!(status.listed);
}

// ---- 2014: 3 of 5 ----

#[test]
fn y2014_three_of_five_criteria_make_a_ghetto_two_do_not() {
    let two = [(OutsideWork, 0.45), (BasicSchooling, 0.55)];
    let (status, runs) = judge(Y2014, 2016, &steady(&two), &[]);
    assert_met(&status, &["outside_work_40", "basic_schooling_50"]);
    assert_outcome(&status, Category::None, false, 0);
    assert_eq!(runs, [0]);

    let three = [(OutsideWork, 0.45), (BasicSchooling, 0.55), (Income, 0.50)];
    let (status, runs) = judge(Y2014, 2016, &steady(&three), &[]);
    assert_met(&status, &["outside_work_40", "basic_schooling_50", "income_55"]);
    assert_outcome(&status, Category::Ghetto, true, 1);
    assert_eq!(runs, [1]);
}

#[test]
fn y2014_values_exactly_at_the_thresholds_do_not_count() {
    let at = [(OutsideWork, 0.40), (NonWestern, 0.50), (Convicted, 0.027), (BasicSchooling, 0.50), (Income, 0.55)];
    let (status, _) = judge(Y2014, 2016, &steady(&at), &[]);
    assert_met(&status, &[]);
    assert_outcome(&status, Category::None, false, 0);

    let past =
        [(OutsideWork, 0.401), (NonWestern, 0.501), (Convicted, 0.0271), (BasicSchooling, 0.501), (Income, 0.549)];
    let (status, _) = judge(Y2014, 2016, &steady(&past), &[]);
    assert_met(&status, &["outside_work_40", "non_western_50", "convicted_2_7", "basic_schooling_50", "income_55"]);
    assert_outcome(&status, Category::Ghetto, true, 1);
}

#[test]
fn y2014_averages_outside_work_over_two_years_where_2010_takes_four() {
    // 2014: (38 + 43) / 2 = 40.5% > 40%, the third criterion → ghetto.
    // 2010: (20 + 20 + 38 + 43) / 4 = 30.25% → only non-Western is met → not listed.
    let base = steady(&[(NonWestern, 0.60), (BasicSchooling, 0.55)]);
    let history = over_years(base, OutsideWork, [0.20, 0.20, 0.38, 0.43]);

    let (status, _) = judge(Y2014, 2016, &history, &[]);
    assert_close(criterion(&status, "outside_work_40").value, 0.405);
    assert_met(&status, &["outside_work_40", "non_western_50", "basic_schooling_50"]);
    assert_outcome(&status, Category::Ghetto, true, 1);

    let (status, _) = judge(Y2010, 2016, &history, &[]);
    assert_close(criterion(&status, "outside_work_40").value, 0.3025);
    assert_met(&status, &["non_western_50"]);
    assert_outcome(&status, Category::None, false, 0);

    // The reverse: 46% for two years long ago counts in 2010's four-year average only.
    let history =
        over_years(steady(&[(NonWestern, 0.60), (BasicSchooling, 0.55)]), OutsideWork, [0.46, 0.46, 0.38, 0.38]);
    let (status, _) = judge(Y2014, 2016, &history, &[]);
    assert_close(criterion(&status, "outside_work_40").value, 0.38);
    assert_outcome(&status, Category::None, false, 0);
}

#[test]
fn y2014_one_bad_year_of_convictions_is_averaged_with_the_year_before() {
    // This year 3.0% > 2.7%, but (2.0 + 3.0) / 2 = 2.5%.
    let history =
        over_years(steady(&[(OutsideWork, 0.45), (BasicSchooling, 0.55)]), Convicted, [0.02, 0.02, 0.02, 0.03]);
    let (status, _) = judge(Y2014, 2016, &history, &[]);
    assert_close(criterion(&status, "convicted_2_7").value, 0.025);
    assert_met(&status, &["outside_work_40", "basic_schooling_50"]);
    assert_outcome(&status, Category::None, false, 0);
}

// ---- 2018: udsat, ghetto, hard ghetto ----

#[test]
fn y2018_two_of_four_criteria_make_an_udsat_area() {
    let (status, runs) = judge(Y2018, 2019, &steady(&UDSAT), &[]);
    assert_met(&status, &["outside_work_40", "income_55"]);
    // Listed as udsat: no year counts towards a hard ghetto yet.
    assert_outcome(&status, Category::Udsat, true, 0);
    assert_eq!(runs, [1, 0, 0]);

    let (status, runs) = judge(Y2018, 2019, &steady(&[(BasicSchooling, 0.65)]), &[]);
    assert_met(&status, &["basic_schooling_60"]);
    assert_outcome(&status, Category::None, false, 0);
    assert_eq!(runs, [0, 0, 0]);
}

#[test]
fn y2018_convictions_count_from_exactly_three_times_the_national_average() {
    // The list of 1 December 2018 (judging 2019): 3 × the national average = 1.98%.
    let (status, _) = judge(Y2018, 2019, &steady(&[(OutsideWork, 0.45), (Convicted, 0.0198)]), &[]);
    assert_close(criterion(&status, "convicted_3x").threshold, 0.0198);
    assert_met(&status, &["outside_work_40", "convicted_3x"]);
    assert_outcome(&status, Category::Udsat, true, 0);

    let (status, _) = judge(Y2018, 2019, &steady(&[(OutsideWork, 0.45), (Convicted, 0.0197)]), &[]);
    assert_met(&status, &["outside_work_40"]);
    assert_outcome(&status, Category::None, false, 0);

    // The list of 1 December 2023 (judging 2024) published 2.35%: 2.34% no longer counts.
    let (status, _) = judge(Y2018, 2024, &steady(&[(OutsideWork, 0.45), (Convicted, 0.0234)]), &[]);
    assert_close(criterion(&status, "convicted_3x").threshold, 0.0235);
    assert_met(&status, &["outside_work_40"]);

    // Averaged over two years: (2.0 + 2.7) / 2 = 2.35%, exactly the 2024 line, so met.
    let history = over_years(steady(&[(OutsideWork, 0.45)]), Convicted, [0.0, 0.0, 0.020, 0.027]);
    let (status, _) = judge(Y2018, 2024, &history, &[]);
    assert_close(criterion(&status, "convicted_3x").value, 0.0235);
    assert_met(&status, &["outside_work_40", "convicted_3x"]);
    assert_outcome(&status, Category::Udsat, true, 0);
}

#[test]
fn y2018_the_other_thresholds_are_strict() {
    let at = [(OutsideWork, 0.40), (BasicSchooling, 0.60), (Income, 0.55), (NonWestern, 0.50)];
    let (status, _) = judge(Y2018, 2019, &steady(&at), &[]);
    assert_met(&status, &[]);
    assert_outcome(&status, Category::None, false, 0);

    // 55% with only basic schooling was over the 2014 line (50%) but is under 2018's (60%).
    let basic = steady(&[(BasicSchooling, 0.55)]);
    assert_met(&judge(Y2014, 2019, &basic, &[]).0, &["basic_schooling_50"]);
    assert_met(&judge(Y2018, 2019, &basic, &[]).0, &[]);
}

#[test]
fn y2018_a_ghetto_is_an_udsat_area_with_a_non_western_majority() {
    let (status, runs) = judge(Y2018, 2019, &steady(&MAJORITY), &[]);
    assert_met(&status, &["outside_work_40", "income_55", "non_western_50"]);
    assert_outcome(&status, Category::Ghetto, true, 1);
    assert_eq!(runs, [1, 1, 0]);

    // Exactly 50% non-Western is not a majority: udsat, and no ghetto year to count.
    let (status, runs) = judge(Y2018, 2019, &steady(&[UDSAT[0], UDSAT[1], (NonWestern, 0.50)]), &[]);
    assert_outcome(&status, Category::Udsat, true, 0);
    assert_eq!(runs, [1, 0, 0]);

    // A majority without two of the four criteria is nothing.
    let (status, runs) = judge(Y2018, 2019, &steady(&[(OutsideWork, 0.45), (NonWestern, 0.60)]), &[]);
    assert_met(&status, &["outside_work_40", "non_western_50"]);
    assert_outcome(&status, Category::None, false, 0);
    assert_eq!(runs, [0, 0, 0]);
}

#[test]
fn y2018_a_hard_ghetto_needs_five_years_as_a_ghetto_to_2020_and_four_from_2021() {
    let ghetto = steady(&MAJORITY);
    // 2019, the 4th year as a ghetto (after longer as udsat): still a ghetto, five are needed.
    let (status, runs) = judge(Y2018, 2019, &ghetto, &[9, 3, 0]);
    assert_outcome(&status, Category::Ghetto, true, 4);
    assert_eq!(runs, [10, 4, 0]);
    // 2020 is the last year that needs five.
    let (status, runs) = judge(Y2018, 2020, &ghetto, &[3, 3, 0]);
    assert_outcome(&status, Category::Ghetto, true, 4);
    assert_eq!(runs, [4, 4, 0]);
    let (status, runs) = judge(Y2018, 2020, &ghetto, &[4, 4, 0]);
    // Hard from its fifth year as a ghetto; the years in a row are the ghetto years counted.
    assert_outcome(&status, Category::HardGhetto, true, 5);
    assert_eq!(runs, [5, 5, 1]);
    // From 2021 the 4th year is enough, the 3rd is not.
    let (status, runs) = judge(Y2018, 2021, &ghetto, &[2, 2, 0]);
    assert_outcome(&status, Category::Ghetto, true, 3);
    assert_eq!(runs, [3, 3, 0]);
    let (status, runs) = judge(Y2018, 2021, &ghetto, &[6, 3, 0]);
    assert_outcome(&status, Category::HardGhetto, true, 4);
    assert_eq!(runs, [7, 4, 1]);
    // And it stays hard the year after.
    let (status, runs) = judge(Y2018, 2022, &ghetto, &runs);
    assert_outcome(&status, Category::HardGhetto, true, 5);
    assert_eq!(runs, [8, 5, 2]);
}

#[test]
fn y2018_the_count_restarts_at_one_after_a_year_off_the_list() {
    let ghetto = steady(&MAJORITY);
    let (_, runs) = judge(Y2018, 2019, &ghetto, &[3, 3, 0]);
    assert_eq!(runs, [4, 4, 0]);
    let (status, runs) = judge(Y2018, 2020, &steady(&[]), &runs);
    assert_outcome(&status, Category::None, false, 0);
    assert_eq!(runs, [0, 0, 0]);
    let (status, runs) = judge(Y2018, 2021, &ghetto, &runs);
    assert_outcome(&status, Category::Ghetto, true, 1);
    assert_eq!(runs, [1, 1, 0]);
}

#[test]
fn y2018_losing_the_majority_ends_the_ghetto_count_but_not_the_udsat_count() {
    let (status, runs) = judge(Y2018, 2022, &steady(&UDSAT), &[6, 6, 2]);
    // Still udsat (seven years) but no longer a ghetto: the count towards hard ghetto is back
    // to none.
    assert_outcome(&status, Category::Udsat, true, 0);
    assert_eq!(runs, [7, 0, 0]);
    let (status, runs) = judge(Y2018, 2023, &steady(&MAJORITY), &runs);
    assert_outcome(&status, Category::Ghetto, true, 1);
    assert_eq!(runs, [8, 1, 0]);
}

// ---- 2021: forebyggelse, udsat, parallelsamfund, omdannelse ----

#[test]
fn y2021_udsat_and_parallelsamfund() {
    // Outside work 45% and income 50% also meet the forebyggelse criteria (over 30%, under
    // 65%), but without a non-Western share over 30% forebyggelse does not hold.
    let (status, runs) = judge(Y2021, 2022, &steady(&UDSAT), &[]);
    assert_met(&status, &["outside_work_30", "income_65", "outside_work_40", "income_55"]);
    assert_outcome(&status, Category::Udsat, true, 0);
    assert_eq!(runs, [0, 1, 0, 0]);

    let (status, runs) = judge(Y2021, 2022, &steady(&MAJORITY), &[]);
    assert_met(
        &status,
        &["outside_work_30", "income_65", "non_western_30", "outside_work_40", "income_55", "non_western_50"],
    );
    assert_outcome(&status, Category::Parallelsamfund, true, 1);
    assert_eq!(runs, [1, 1, 1, 0]);
}

#[test]
fn y2021_an_area_meeting_udsat_is_udsat_not_forebyggelse() {
    // 40% non-Western: forebyggelse holds too, and exactly 50% is no parallelsamfund.
    for non_western in [0.40, 0.50] {
        let (status, runs) = judge(Y2021, 2022, &steady(&[UDSAT[0], UDSAT[1], (NonWestern, non_western)]), &[]);
        assert_outcome(&status, Category::Udsat, true, 0);
        assert_eq!(runs, [1, 1, 0, 0], "{non_western}");
    }
}

#[test]
fn y2021_forebyggelse_is_a_category_but_not_the_list() {
    let values = [(NonWestern, 0.35), (OutsideWork, 0.35), (Income, 0.60)];
    let (status, runs) = judge(Y2021, 2022, &steady(&values), &[]);
    assert!(status.judged);
    assert_met(&status, &["non_western_30", "outside_work_30", "income_65"]);
    // A prevention area is on the list of prevention areas, not on the list; no year of it
    // counts towards omdannelse.
    assert_outcome(&status, Category::Forebyggelse, false, 0);
    assert_eq!(runs, [1, 0, 0, 0]);
    assert!(status.list_margin > 0.0, "off the list: {}", status.list_margin);

    let (status, runs) = judge(Y2021, 2023, &steady(&values), &runs);
    assert_outcome(&status, Category::Forebyggelse, false, 0);
    assert_eq!(runs, [2, 0, 0, 0]);
}

#[test]
fn y2021_forebyggelse_thresholds() {
    // Exactly 30% non-Western is not over 30%.
    let (status, _) = judge(Y2021, 2022, &steady(&[(NonWestern, 0.30), (OutsideWork, 0.35), (Income, 0.60)]), &[]);
    assert_met(&status, &["outside_work_30", "income_65"]);
    assert_outcome(&status, Category::None, false, 0);

    // Outside work exactly 30%, basic schooling exactly 60%, income exactly 65%: none met.
    let at = [(NonWestern, 0.35), (OutsideWork, 0.30), (BasicSchooling, 0.60), (Income, 0.65)];
    let (status, _) = judge(Y2021, 2022, &steady(&at), &[]);
    assert_met(&status, &["non_western_30"]);
    assert_outcome(&status, Category::None, false, 0);

    // Convictions at exactly twice the national average (1.57% on the list of 1 December 2023,
    // judging 2024) count; one criterion alone does not.
    let (status, _) = judge(Y2021, 2024, &steady(&[(NonWestern, 0.35), (OutsideWork, 0.35), (Convicted, 0.0157)]), &[]);
    assert_met(&status, &["non_western_30", "outside_work_30", "convicted_2x"]);
    assert_outcome(&status, Category::Forebyggelse, false, 0);
    let (status, _) = judge(Y2021, 2024, &steady(&[(NonWestern, 0.35), (OutsideWork, 0.35), (Convicted, 0.0156)]), &[]);
    assert_met(&status, &["non_western_30", "outside_work_30"]);
    let (status, _) = judge(Y2021, 2024, &steady(&[(NonWestern, 0.35), (Convicted, 0.0157)]), &[]);
    assert_outcome(&status, Category::None, false, 0);
}

#[test]
fn y2021_omdannelse_after_five_years_as_parallelsamfund() {
    let parallel = steady(&MAJORITY);
    let (status, runs) = judge(Y2021, 2024, &parallel, &[3, 3, 3, 0]);
    assert_outcome(&status, Category::Parallelsamfund, true, 4);
    assert_eq!(runs, [4, 4, 4, 0]);
    let (status, runs) = judge(Y2021, 2025, &parallel, &runs);
    // The fifth year as a parallel society makes an omdannelse area; the years counted go on.
    assert_outcome(&status, Category::Omdannelse, true, 5);
    assert_eq!(runs, [5, 5, 5, 1]);
    let (status, runs) = judge(Y2021, 2026, &parallel, &runs);
    assert_outcome(&status, Category::Omdannelse, true, 6);
    assert_eq!(runs, [6, 6, 6, 2]);
    // A year off the list starts it all over.
    let (status, runs) = judge(Y2021, 2027, &steady(&[]), &runs);
    assert_outcome(&status, Category::None, false, 0);
    assert_eq!(runs, [0, 0, 0, 0]);
    let (status, runs) = judge(Y2021, 2028, &parallel, &runs);
    assert_outcome(&status, Category::Parallelsamfund, true, 1);
    assert_eq!(runs, [1, 1, 1, 0]);
}

// ---- who is judged ----

#[test]
fn estates_under_1000_residents_are_not_judged_whatever_their_numbers() {
    for id in RuleSetId::PUBLISHED {
        let rules = assets::rule_set(id).expect("the rule set ships");
        let runs: Vec<u32> = vec![9; rules.categories.len()];
        let (status, new_runs) = evaluate_in_2022(&rules, true, 999.0, &steady(&EVERYTHING), &runs);
        assert!(!status.judged, "{}", id.key());
        assert_outcome(&status, Category::None, false, 0);
        assert_eq!(new_runs, vec![0; rules.categories.len()], "{}: the count ends", id.key());
        assert!(status.list_margin > 0.0, "{}", id.key());

        let (status, _) = evaluate_in_2022(&rules, true, 1000.0, &steady(&EVERYTHING), &[]);
        assert!(status.judged, "{}", id.key());
        assert!(status.listed, "{}", id.key());
    }
}

#[test]
fn areas_that_are_not_estates_are_not_judged() {
    for id in RuleSetId::PUBLISHED {
        let rules = assets::rule_set(id).expect("the rule set ships");
        let (status, runs) = evaluate_in_2022(&rules, false, 5000.0, &steady(&EVERYTHING), &[]);
        assert!(!status.judged, "{}", id.key());
        assert!(status.criteria.is_empty(), "{}", id.key());
        assert_outcome(&status, Category::None, false, 0);
        assert!(runs.iter().all(|&r| r == 0), "{}", id.key());
    }
}

// ---- the margin to the listing line ----

#[test]
fn list_margin_is_the_distance_of_the_criterion_that_would_list_the_estate_next() {
    // 2021 udsat, two of four needed. Margins, (threshold − value) / threshold for "above" and
    // (value − threshold) / threshold for "below": outside work (0.40 − 0.44) / 0.40 = −0.10,
    // convictions (0.0235 − 0.005) / 0.0235 ≈ 0.79, basic schooling (0.60 − 0.20) / 0.60 ≈ 0.67,
    // income (0.50 − 0.55) / 0.55 ≈ −0.091. The second smallest is income's: listed by 9.1%.
    let (status, _) = judge(Y2021, 2022, &steady(&[(OutsideWork, 0.44), (Income, 0.50)]), &[]);
    assert!(status.listed);
    assert_close(status.list_margin, (0.50 - 0.55) / 0.55);

    // Income at 60% instead: (0.60 − 0.55) / 0.55 ≈ 0.091 is now the second smallest: off by 9.1%.
    let (status, _) = judge(Y2021, 2022, &steady(&[(OutsideWork, 0.44), (Income, 0.60)]), &[]);
    assert!(!status.listed);
    assert_close(status.list_margin, (0.60 - 0.55) / 0.55);

    // Convictions exactly at the "at least" line (1.98% for 2022): listed with a margin of 0.
    let (status, _) = judge(Y2018, 2022, &steady(&[(OutsideWork, 0.45), (Convicted, 0.0198)]), &[]);
    assert!(status.listed);
    assert_close(status.list_margin, 0.0);

    // 2014, three of five, the calm values: outside work 0.20/0.40 = 0.5, basic schooling
    // 0.30/0.50 = 0.6, income 0.35/0.55 ≈ 0.64, non-Western 0.40/0.50 = 0.8, convictions
    // 0.022/0.027 ≈ 0.81. The third smallest is income's.
    let (status, _) = judge(Y2014, 2016, &steady(&[]), &[]);
    assert!(!status.listed);
    assert_close(status.list_margin, (0.90 - 0.55) / 0.55);
}
