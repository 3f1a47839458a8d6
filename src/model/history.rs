//! What happened, as published: the years that are history are data, not assumptions. The
//! table ships in `assets/history.ron`, each series with its source: the employment rate by
//! origin year by year (which sets how often residents find work and who moves in, against the
//! economy the 2016 composition stood on), and the national letting rules for listed areas
//! from the year each came into force. After a series' last published year the assumptions
//! take over, with their ranges (`job_finding_trend`).

use serde::{Deserialize, Serialize};

/// A published yearly series: `(year, value)` points, oldest first. Between two points the
/// value runs straight (and the source says which years are read that way).
pub type Points = Vec<(u16, f64)>;

/// The employment rate of 30–59-year-olds by origin (Danmarks Statistik, RAS208, end of
/// November), the economy's published path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmploymentSeries {
    /// The year whose rate the starting composition stands on: a plan's figures for
    /// 1 January Y stand on the rate of November Y−1.
    pub base_year: u16,
    /// Immigrants from non-Western countries.
    pub non_western: Points,
    /// Persons of Danish origin (the rest of an area's residents).
    pub other: Points,
    pub source: String,
}

/// Which listed areas a national letting rule covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleScope {
    /// Areas in the hardest category (hard ghetto, omdannelsesområde), and former ones until
    /// `until_year` (their development plan keeps the rule).
    Hardest,
    /// Every area on the list, and prevention areas from `prevention_from`.
    Listed,
}

/// What a national letting rule does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleEffect {
    /// Applicants who receive cash benefits, education benefit or integration benefit are
    /// refused (almenboligloven § 51 c): they are let elsewhere in the municipality.
    RefuseBenefitRecipients,
    /// The municipality may not allocate (anvise) homes to households on benefits (§ 59,
    /// stk. 6–7): its allocations go to the other almene family homes.
    NoMunicipalAllocation,
}

/// A national letting rule for listed areas, with the year it came into force.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalLettingRule {
    pub effect: RuleEffect,
    pub scope: RuleScope,
    /// The first year whose lettings it governs.
    pub from_year: u16,
    /// For [`RuleScope::Hardest`]: former hardest areas keep the rule until this year
    /// (exclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_year: Option<u16>,
    /// For [`RuleScope::Listed`]: prevention areas are covered from this year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prevention_from: Option<u16>,
    pub source: String,
}

/// Everything that happened and is published, as the engine reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    pub employment: EmploymentSeries,
    pub letting_rules: Vec<NationalLettingRule>,
}

impl History {
    /// No history: the economy stays as it was in the base year and no national letting rule
    /// applies (the 2016 economy's counterfactual, which the calibration holds steady).
    pub fn flat() -> Self {
        Self {
            employment: EmploymentSeries {
                base_year: super::FIRST_YEAR - 1,
                non_western: Vec::new(),
                other: Vec::new(),
                source: "none: the economy as it was".to_owned(),
            },
            letting_rules: Vec::new(),
        }
    }

    /// The rule with this effect, if the history has it.
    pub fn letting_rule(&self, effect: RuleEffect) -> Option<&NationalLettingRule> {
        self.letting_rules.iter().find(|r| r.effect == effect)
    }
}

impl EmploymentSeries {
    /// The last year both origins have a published rate (none: no history).
    pub fn last_year(&self) -> Option<u16> {
        let last = |points: &Points| points.last().map(|p| p.0);
        Some(last(&self.non_western)?.min(last(&self.other)?))
    }

    /// How much more often than in the base year adults of each origin find work in `year`
    /// (non-Western, other): the odds of being employed against the base year's, read from the
    /// published rates. `None` after the last published year or without a base-year rate.
    pub fn index(&self, year: u16) -> Option<(f64, f64)> {
        let last = self.last_year()?;
        if year > last {
            return None;
        }
        let index = |points: &Points| Some(odds(rate_in(points, year)?) / odds(rate_in(points, self.base_year)?));
        Some((index(&self.non_western)?, index(&self.other)?))
    }
}

/// The odds of a rate (rate ÷ (1 − rate)), kept finite.
fn odds(rate: f64) -> f64 {
    let rate = rate.clamp(1e-6, 1.0 - 1e-6);
    rate / (1.0 - rate)
}

/// A series' value in a year: published points joined by straight lines; `None` outside them.
fn rate_in(points: &Points, year: u16) -> Option<f64> {
    let after = points.iter().position(|p| p.0 >= year)?;
    let (to_year, to) = points[after];
    if to_year == year || after == 0 {
        return (to_year == year).then_some(to);
    }
    let (from_year, from) = points[after - 1];
    let along = f64::from(year - from_year) / f64::from(to_year - from_year);
    Some(from + (to - from) * along)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series() -> EmploymentSeries {
        EmploymentSeries {
            base_year: 2015,
            non_western: vec![(2015, 0.52), (2019, 0.607), (2022, 0.664)],
            other: vec![(2015, 0.836), (2022, 0.856)],
            source: String::new(),
        }
    }

    #[test]
    fn the_index_is_one_in_the_base_year_and_reads_published_odds() {
        let s = series();
        assert_eq!(s.index(2015), Some((1.0, 1.0)));
        let (nw, _) = s.index(2022).expect("published");
        let expected = (0.664 / 0.336) / (0.52 / 0.48);
        assert!((nw - expected).abs() < 1e-12, "{nw} against {expected}");
    }

    #[test]
    fn years_between_points_run_straight_and_years_after_are_not_history() {
        let s = series();
        let rate = rate_in(&s.non_western, 2017).expect("between points");
        assert!((rate - (0.52 + 0.087 / 2.0)).abs() < 1e-12);
        assert_eq!(s.index(2023), None, "after the last published year the assumption takes over");
        assert_eq!(History::flat().employment.index(2016), None);
    }
}
