//! A body of residents with what they carry: persons per group, and for the adults in work
//! and outside work, how many have only basic schooling and their summed earnings factor
//! (1 = the group's regional average). Moving people moves what they carry, so a criterion
//! changes because who lives there changes, and nobody appears or vanishes in a move.

use crate::model::{EducationIncome, Group, PerGroup};

/// A value for each of the two adult groups the list's education and income criteria read.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Adults {
    pub employed: f64,
    pub outside_work: f64,
}

impl Adults {
    #[inline]
    pub fn plus(self, other: Self) -> Self {
        Self { employed: self.employed + other.employed, outside_work: self.outside_work + other.outside_work }
    }

    #[inline]
    pub fn scaled(self, factor: f64) -> Self {
        Self { employed: self.employed * factor, outside_work: self.outside_work * factor }
    }
}

/// Residents, movers or the displaced: persons per group and what the adults carry.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cohort {
    pub persons: PerGroup<f64>,
    /// Of the adults in work and outside work, how many have only basic schooling.
    pub basic: Adults,
    /// Of the adults in work and outside work, the sum of their earnings factors.
    pub earnings: Adults,
}

impl Cohort {
    #[inline]
    pub fn total(&self) -> f64 {
        self.persons.total()
    }

    #[inline]
    pub fn scaled(&self, factor: f64) -> Self {
        Self {
            persons: self.persons.scaled(factor),
            basic: self.basic.scaled(factor),
            earnings: self.earnings.scaled(factor),
        }
    }

    #[inline]
    pub fn plus(&self, other: &Self) -> Self {
        Self {
            persons: self.persons.plus(&other.persons),
            basic: self.basic.plus(other.basic),
            earnings: self.earnings.plus(other.earnings),
        }
    }

    /// Removes `share` of each group (its persons with what they carry) and returns them.
    #[inline]
    pub fn take_shares(&mut self, share: &PerGroup<f64>) -> Self {
        let taken = Self {
            persons: PerGroup::from_fn(|g| self.persons[g] * share[g].clamp(0.0, 1.0)),
            basic: Adults {
                employed: self.basic.employed * share.employed.clamp(0.0, 1.0),
                outside_work: self.basic.outside_work * share.outside_work.clamp(0.0, 1.0),
            },
            earnings: Adults {
                employed: self.earnings.employed * share.employed.clamp(0.0, 1.0),
                outside_work: self.earnings.outside_work * share.outside_work.clamp(0.0, 1.0),
            },
        };
        self.subtract(&taken);
        taken
    }

    /// Removes `share` of everyone.
    #[inline]
    pub fn take_share(&mut self, share: f64) -> Self {
        self.take_shares(&PerGroup::from_fn(|_| share))
    }

    /// Subtracts a part of this cohort, never going below zero.
    #[inline]
    pub fn subtract(&mut self, part: &Self) {
        self.persons = PerGroup::from_fn(|g| (self.persons[g] - part.persons[g]).max(0.0));
        self.basic.employed = (self.basic.employed - part.basic.employed).clamp(0.0, self.persons.employed);
        self.basic.outside_work =
            (self.basic.outside_work - part.basic.outside_work).clamp(0.0, self.persons.outside_work);
        self.earnings.employed = (self.earnings.employed - part.earnings.employed).max(0.0);
        self.earnings.outside_work = (self.earnings.outside_work - part.earnings.outside_work).max(0.0);
    }

    /// The share of a group's adults with only basic schooling.
    pub fn basic_share(&self, group: Group) -> f64 {
        match group {
            Group::Employed => ratio(self.basic.employed, self.persons.employed),
            Group::OutsideWork => ratio(self.basic.outside_work, self.persons.outside_work),
            _ => 0.0,
        }
    }

    /// The mean earnings factor of a group's adults (1 when the group is empty).
    pub fn earnings_mean(&self, group: Group) -> f64 {
        let (sum, n) = match group {
            Group::Employed => (self.earnings.employed, self.persons.employed),
            Group::OutsideWork => (self.earnings.outside_work, self.persons.outside_work),
            _ => (0.0, 0.0),
        };
        if n > 0.0 { sum / n } else { 1.0 }
    }

    /// Moves `basic` persons with only basic schooling and `more` persons with more from
    /// employed to outside work or back, carrying their mean earnings.
    pub fn move_adults(&mut self, from: Group, to: Group, basic: f64, more: f64) {
        let basic = basic.clamp(0.0, self.basic_of(from));
        let more = more.clamp(0.0, (self.persons[from] - self.basic_of(from)).max(0.0));
        let earnings = (basic + more) * self.earnings_mean(from);
        self.persons[from] -= basic + more;
        self.persons[to] += basic + more;
        *self.basic_mut(from) -= basic;
        *self.basic_mut(to) += basic;
        *self.earnings_mut(from) = (*self.earnings_mut(from) - earnings).max(0.0);
        *self.earnings_mut(to) += earnings;
    }

    fn basic_of(&self, group: Group) -> f64 {
        match group {
            Group::Employed => self.basic.employed,
            Group::OutsideWork => self.basic.outside_work,
            _ => 0.0,
        }
    }

    fn basic_mut(&mut self, group: Group) -> &mut f64 {
        if group == Group::Employed { &mut self.basic.employed } else { &mut self.basic.outside_work }
    }

    fn earnings_mut(&mut self, group: Group) -> &mut f64 {
        if group == Group::Employed { &mut self.earnings.employed } else { &mut self.earnings.outside_work }
    }

    /// A cohort of newcomers: `persons` with the given shares of basic schooling among the
    /// employed and those outside work, and the given earnings factor.
    pub fn arriving(persons: PerGroup<f64>, basic_share: Adults, earnings_factor: Adults) -> Self {
        Self {
            persons,
            basic: Adults {
                employed: persons.employed * basic_share.employed.clamp(0.0, 1.0),
                outside_work: persons.outside_work * basic_share.outside_work.clamp(0.0, 1.0),
            },
            earnings: Adults {
                employed: persons.employed * earnings_factor.employed.max(0.0),
                outside_work: persons.outside_work * earnings_factor.outside_work.max(0.0),
            },
        }
    }

    /// The 2016 residents of an area: the groups as given, education seeded so that the share
    /// with only basic schooling is `basic_2016` (the assumptions' seeds shifted by one common
    /// step on the log-odds scale, so each group keeps its place and stays within 0–1), and
    /// earnings so that income relative to the region is `income_2016` (or the group averages).
    pub fn seeded(
        persons: PerGroup<f64>,
        basic_2016: Option<f64>,
        income_2016: Option<f64>,
        e: &EducationIncome,
    ) -> Self {
        let prior = Adults { employed: e.seed_basic_employed, outside_work: e.seed_basic_outside };
        let basic_share = match basic_2016 {
            Some(target) => shifted_to(prior, persons, target.clamp(0.0, 1.0)),
            None => prior,
        };
        let mut cohort = Self::arriving(persons, basic_share, Adults { employed: 1.0, outside_work: 1.0 });
        if let Some(target) = income_2016 {
            let at_average = cohort.income_ratio(e);
            if at_average > 0.0 {
                cohort.earnings = cohort.earnings.scaled(target / at_average);
            }
        }
        cohort
    }

    /// Share of adults 18–64 outside work and education.
    pub fn outside_work_share(&self) -> f64 {
        ratio(self.persons.outside_work, self.persons.working_age())
    }

    /// Share of adults in work or outside work (not in education: the list's 30–59-year-olds
    /// are rarely students) with only basic schooling.
    pub fn basic_schooling_share(&self) -> f64 {
        ratio(self.basic.employed + self.basic.outside_work, self.persons.employed + self.persons.outside_work)
    }

    /// Average gross income of adults in work or outside work (students excluded, as the law
    /// does) relative to the region's average.
    pub fn income_ratio(&self, e: &EducationIncome) -> f64 {
        let group = |n: f64, basic: f64, earnings: f64, with_basic: f64, with_more: f64| {
            let mean_earnings = if n > 0.0 { earnings / n } else { 1.0 };
            mean_earnings * (basic * with_basic + (n - basic).max(0.0) * with_more)
        };
        let employed = group(
            self.persons.employed,
            self.basic.employed,
            self.earnings.employed,
            e.income_employed_basic,
            e.income_employed_more,
        );
        let outside = group(
            self.persons.outside_work,
            self.basic.outside_work,
            self.earnings.outside_work,
            e.income_outside_basic,
            e.income_outside_more,
        );
        ratio(employed + outside, self.persons.employed + self.persons.outside_work)
    }
}

/// The two groups' shares moved by one common step on the log-odds scale until their weighted
/// mean over `persons` is `target`. The mean rises with the step and its slope is the weighted
/// p(1 − p), so Newton's method finds the step in a few rounds; a round that would leave the
/// bracket known to hold the step halves the bracket instead.
fn shifted_to(prior: Adults, persons: PerGroup<f64>, target: f64) -> Adults {
    let logit = |p: f64| {
        let p = p.clamp(1e-6, 1.0 - 1e-6);
        libm::log(p / (1.0 - p))
    };
    let logistic = |x: f64| 1.0 / (1.0 + libm::exp(-x));
    let (employed, outside) = (logit(prior.employed), logit(prior.outside_work));
    let at = |step: f64| Adults { employed: logistic(employed + step), outside_work: logistic(outside + step) };
    let adults = persons.employed + persons.outside_work;
    let weighted = |e: f64, o: f64| ratio(e * persons.employed + o * persons.outside_work, adults);
    let (mut low, mut high, mut step) = (-30.0, 30.0, 0.0);
    for _ in 0..200 {
        let a = at(step);
        let gap = weighted(a.employed, a.outside_work) - target;
        if gap < 0.0 {
            low = step;
        } else {
            high = step;
        }
        if gap.abs() < 1e-14 || high - low < 1e-12 {
            break;
        }
        let slope = weighted(a.employed * (1.0 - a.employed), a.outside_work * (1.0 - a.outside_work));
        let newton = step - gap / slope;
        step = if slope > 0.0 && newton > low && newton < high { newton } else { 0.5 * (low + high) };
    }
    at(step)
}

/// `a / b`, or 0 when `b` is not positive.
pub fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}
