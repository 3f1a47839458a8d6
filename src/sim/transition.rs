//! What happens to an area's residents inside a year, before anyone moves: births, ageing,
//! deaths, finding and losing work (less often and more often for adults with only basic
//! schooling), starting and completing an education, and the efforts' flows with diminishing
//! returns, placements that do not last, and children coming of age by their parents' and
//! schools' mix. Everyone who joins an adult group takes the area's earnings in that group, not
//! the region's average.

use super::cohort::{Cohort, ratio};
use crate::model::{EffortParams, FIRST_YEAR, FlowParams, Group, History, PerGroup};

/// Efforts active in one area in one year.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct AreaEfforts {
    pub job_consultants: f64,
    pub social_workers: f64,
    pub family_courses: f64,
}

/// The area's residents after the year's transitions, and the flows the ledger names.
pub(super) struct Transition {
    pub residents: Cohort,
    pub births: f64,
    pub deaths: f64,
    /// Adults moved into work or education by the efforts this year.
    pub effort_moves: f64,
    /// Of those, adults placed in work (some return outside work next year).
    pub placed: f64,
}

/// What shapes the year besides the residents themselves.
#[derive(Clone, Copy, Debug)]
pub(super) struct Context {
    /// Disadvantaged share at the schools the area's children attend.
    pub school_share: f64,
    pub efforts: AreaEfforts,
    /// Adults placed in work by efforts last year.
    pub placed_last_year: f64,
    /// The year's rates of work and education, the same in every area.
    pub rates: YearRates,
}

impl Context {
    /// A year with 2016's economy, no efforts and no school mix.
    pub fn in_2016(f: &FlowParams) -> Self {
        Self {
            school_share: 0.0,
            efforts: AreaEfforts::default(),
            placed_last_year: 0.0,
            rates: YearRates::new(f, 1.0),
        }
    }
}

/// A year's rates of leaving each adult group, the same in every area, so they are worked out
/// once a year, not per area: each group's flows out (into 65+ first), scaled down together
/// where they would take more than all.
#[derive(Clone, Copy, Debug)]
pub(super) struct YearRates {
    /// Employed with only basic schooling: into 65+, losing work.
    employed_basic: [f64; 2],
    /// Employed with more: into 65+, losing work.
    employed_more: [f64; 2],
    /// Outside work with only basic schooling: into 65+, finding work, starting an education.
    outside_basic: [f64; 3],
    /// Outside work with more: into 65+, finding work, starting an education.
    outside_more: [f64; 3],
    /// In education: into 65+, completing.
    education: [f64; 2],
}

impl YearRates {
    /// The rates in a year whose adults find work `economy` times as often as in 2016 (see
    /// [`economy`]).
    pub fn new(f: &FlowParams, economy: f64) -> Self {
        let a = f.adults_to_seniors_rate;
        let finding = f.job_finding_rate * economy;
        Self {
            employed_basic: bounded([a, f.job_loss_rate * f.job_loss_basic_factor]),
            employed_more: bounded([a, f.job_loss_rate]),
            outside_basic: bounded([a, finding * f.job_finding_basic_factor, f.education_entry_rate]),
            outside_more: bounded([a, finding, f.education_entry_rate]),
            education: bounded([a, f.education_completion_rate]),
        }
    }
}

/// Rates of flows out of one group, scaled down together if they would take more than all.
fn bounded<const N: usize>(rates: [f64; N]) -> [f64; N] {
    let rates = rates.map(|r| r.max(0.0));
    let sum: f64 = rates.iter().sum();
    let scale = if sum > 1.0 { 1.0 / sum } else { 1.0 };
    rates.map(|r| r * scale)
}

/// One year of transitions for an area's residents.
pub(super) fn transition(x: &Cohort, f: &FlowParams, e: &EffortParams, ctx: Context) -> Transition {
    let mut r = *x;
    let p = &x.persons;
    let births = f.births_per_adult.max(0.0) * p.working_age();
    let age_out = p.children * f.children_age_out_rate.clamp(0.0, 1.0);
    let deaths = p.seniors * f.seniors_exit_rate.clamp(0.0, 1.0);
    r.persons.children += births - age_out;
    r.persons.seniors -= deaths;
    work_and_education(&mut r, x, f, &ctx.rates);
    let new_adults = coming_of_age(x, f, e, ctx, age_out);
    r.persons.in_education += new_adults.in_education;
    r.persons.employed += new_adults.employed;
    r.persons.outside_work += new_adults.outside_work;
    // The list counts basic schooling among 30–59-year-olds and the model's adults are 18–64
    // without ages, so new adults who go straight into work or outside it join their group
    // at its present basic-schooling share and earnings: they neither lift nor lower the
    // criteria on entering; whether they study later does.
    r.basic.employed += new_adults.employed * x.basic_share(Group::Employed);
    r.basic.outside_work += new_adults.outside_work * x.basic_share(Group::OutsideWork);
    r.earnings.employed += new_adults.employed * x.earnings_mean(Group::Employed);
    r.earnings.outside_work += new_adults.outside_work * x.earnings_mean(Group::OutsideWork);
    let (effort_moves, placed) = efforts(&mut r, e, ctx);
    r.persons = PerGroup::from_fn(|g| r.persons[g].max(0.0));
    Transition { residents: r, births, deaths, effort_moves, placed }
}

/// The economy of one year against the one the starting composition stood on: how much more
/// often adults of each origin find work (1: as then). Published years read the employment
/// rates by origin (`assets/history.ron`); after the last published year the assumed trend
/// carries on from there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Economy {
    non_western: f64,
    other: f64,
}

impl Economy {
    /// The economy during `year` against the one a plan that starts in `start` stands on (the
    /// year before its start).
    pub fn in_year(history: &History, f: &FlowParams, year: u16, start: u16) -> Self {
        let (at, base) = (Self::absolute(history, f, year), Self::absolute(history, f, start.saturating_sub(1)));
        Self { non_western: at.non_western / base.non_western, other: at.other / base.other }
    }

    /// The economy during `year` against the published series' base year: the published odds,
    /// and after the last published year the assumed trend from there.
    fn absolute(history: &History, f: &FlowParams, year: u16) -> Self {
        let series = &history.employment;
        if let Some((non_western, other)) = series.index(year) {
            return Self { non_western, other };
        }
        let last = series.last_year().and_then(|y| Some((y, series.index(y)?)));
        let (from_year, (non_western, other)) = last.unwrap_or((FIRST_YEAR - 1, (1.0, 1.0)));
        let trend = libm::pow((1.0 + f.job_finding_trend).max(0.01), f64::from(year.saturating_sub(from_year)));
        Self { non_western: non_western * trend, other: other * trend }
    }

    /// The factor on an area's job finding (and the inverse on its newcomers' odds of being
    /// outside work): the origins' factors weighted by the area's non-Western share, reaching
    /// its residents as fully as `response` says.
    pub fn for_area(self, non_western_share: f64, response: f64) -> f64 {
        let nw = non_western_share.clamp(0.0, 1.0);
        let weighted = nw * self.non_western + (1.0 - nw) * self.other;
        (1.0 + response.max(0.0) * (weighted - 1.0)).max(0.01)
    }
}

/// Ageing into 65+, job loss and finding (at the year's `rates`), education entry and
/// completion, each from the state at the start of the year.
fn work_and_education(r: &mut Cohort, x: &Cohort, f: &FlowParams, rates: &YearRates) {
    let p = &x.persons;
    let a = f.adults_to_seniors_rate;
    let (emp_basic, emp_more) = (rates.employed_basic, rates.employed_more);
    let (out_basic, out_more, edu) = (rates.outside_basic, rates.outside_more, rates.education);
    let (eb, em) = (x.basic.employed, (p.employed - x.basic.employed).max(0.0));
    let (ob, om) = (x.basic.outside_work, (p.outside_work - x.basic.outside_work).max(0.0));
    // Into 65+: each adult group loses its share, with what it carries.
    let seniors = PerGroup { employed: a, in_education: edu[0], outside_work: a, ..PerGroup::default() };
    let mut aged = *x;
    let aged_out = aged.take_shares(&PerGroup {
        employed: (eb * emp_basic[0] + em * emp_more[0]) / p.employed.max(f64::MIN_POSITIVE),
        outside_work: (ob * out_basic[0] + om * out_more[0]) / p.outside_work.max(f64::MIN_POSITIVE),
        ..seniors
    });
    r.subtract(&aged_out);
    r.persons.seniors += aged_out.persons.working_age();
    // Work: lost and found, carrying education and earnings.
    r.move_adults(Group::Employed, Group::OutsideWork, eb * emp_basic[1], em * emp_more[1]);
    r.move_adults(Group::OutsideWork, Group::Employed, ob * out_basic[1], om * out_more[1]);
    // Education: entrants leave the outside-work group; completers join work or stay outside,
    // now with more than basic schooling and the earnings their group has in the area.
    let entrants_basic = ob * out_basic[2];
    let entrants_more = om * out_more[2];
    let entrants_earnings = (entrants_basic + entrants_more) * x.earnings_mean(Group::OutsideWork);
    r.persons.outside_work -= entrants_basic + entrants_more;
    r.basic.outside_work = (r.basic.outside_work - entrants_basic).max(0.0);
    r.earnings.outside_work = (r.earnings.outside_work - entrants_earnings).max(0.0);
    r.persons.in_education += entrants_basic + entrants_more;
    let completed = p.in_education * edu[1];
    let to_work = completed * f.education_completion_to_work_share.clamp(0.0, 1.0);
    r.persons.in_education -= completed;
    r.persons.employed += to_work;
    r.persons.outside_work += completed - to_work;
    r.earnings.employed += to_work * x.earnings_mean(Group::Employed);
    r.earnings.outside_work += (completed - to_work) * x.earnings_mean(Group::OutsideWork);
}

/// Children who turn 18: most start an education; the rest split into work and outside work by
/// their parents' mix, softened by their schools' mix and by family courses.
fn coming_of_age(x: &Cohort, f: &FlowParams, e: &EffortParams, ctx: Context, age_out: f64) -> PerGroup<f64> {
    let parents_outside = x.outside_work_share();
    let influence = f.school_mix_influence.clamp(0.0, 1.0);
    let inherited = (1.0 - influence) * parents_outside + influence * ctx.school_share;
    let reached = (ctx.efforts.family_courses * e.family_course_children_per_round).min(x.persons.children);
    let course_drop = ratio(reached, x.persons.children) * e.family_course_effect;
    let outside_share = (inherited - course_drop).clamp(0.0, 1.0);
    let in_education = age_out * f.new_adults_in_education_share.clamp(0.0, 1.0);
    let outside_work = (age_out - in_education) * outside_share;
    PerGroup { in_education, outside_work, employed: age_out - in_education - outside_work, ..PerGroup::default() }
}

/// Adults the job consultants place in work in a year. Each consultant works with a caseload;
/// together they reach the adults they can reach, `pool`, as far as their caseloads go
/// (the more consultants per reachable adult, the more they work with people another
/// consultant would have reached), and each adult they work with is placed at the evaluated
/// rate: a consultant's placements a year over the caseload.
fn consultants_placed(pool: f64, consultants: f64, e: &EffortParams) -> f64 {
    let caseload = e.job_consultant_caseload.max(1.0);
    if pool <= 0.0 || consultants <= 0.0 || e.job_consultant_persons_per_year <= 0.0 {
        return 0.0;
    }
    let served = pool * (1.0 - libm::exp(-consultants * caseload / pool));
    (served * e.job_consultant_persons_per_year / caseload).min(pool)
}

/// Job consultants and social workers work on the adults outside work they can reach, with
/// diminishing returns as that pool shrinks; half of last year's placements (by default) are
/// back outside work.
fn efforts(r: &mut Cohort, e: &EffortParams, ctx: Context) -> (f64, f64) {
    let relapse = (ctx.placed_last_year * e.placement_relapse_share.clamp(0.0, 1.0)).min(r.persons.employed);
    let basic_share = r.basic_share(Group::Employed);
    r.move_adults(Group::Employed, Group::OutsideWork, relapse * basic_share, relapse * (1.0 - basic_share));
    let reach = e.job_ready_share.clamp(0.0, 1.0);
    let moved = |pool: f64, staff: f64, per_staff: f64| {
        if pool <= 0.0 || staff <= 0.0 || per_staff <= 0.0 {
            0.0
        } else {
            pool * (1.0 - libm::exp(-per_staff * staff / pool))
        }
    };
    let placed = consultants_placed(r.persons.outside_work * reach, ctx.efforts.job_consultants, e);
    let basic_share = r.basic_share(Group::OutsideWork);
    r.move_adults(Group::OutsideWork, Group::Employed, placed * basic_share, placed * (1.0 - basic_share));
    let to_education =
        moved(r.persons.outside_work * reach, ctx.efforts.social_workers, e.social_worker_persons_per_year);
    let basic_share = r.basic_share(Group::OutsideWork);
    let earnings = to_education * r.earnings_mean(Group::OutsideWork);
    r.persons.outside_work -= to_education;
    r.basic.outside_work = (r.basic.outside_work - to_education * basic_share).max(0.0);
    r.earnings.outside_work = (r.earnings.outside_work - earnings).max(0.0);
    r.persons.in_education += to_education;
    (placed + to_education, placed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::Library;
    use crate::model::Params;
    use crate::sim::cohort::Adults;
    use proptest::prelude::*;

    fn params() -> Params {
        let library = Library::load().expect("assets");
        Params::resolve(&library.table, &Default::default()).expect("shipped assumptions resolve")
    }

    fn outside_after(x: &Cohort, consultants: f64) -> f64 {
        let p = params();
        let ctx = Context {
            efforts: AreaEfforts { job_consultants: consultants, ..AreaEfforts::default() },
            ..Context::in_2016(&p.flows)
        };
        transition(x, &p.flows, &p.efforts, ctx).residents.persons.outside_work
    }

    fn arb_residents() -> impl Strategy<Value = Cohort> {
        (prop::array::uniform5(0.0..3000.0f64), 0.0..1.0f64, 0.0..1.0f64).prop_map(|(n, b_emp, b_out)| {
            let persons = PerGroup::from_fn(|g| n[g.index()]);
            Cohort::arriving(
                persons,
                Adults { employed: b_emp, outside_work: b_out },
                Adults { employed: 1.0, outside_work: 1.0 },
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig {
        cases: 300,
        // A fixed seed: the same cases on every run, so the landing gate is repeatable.
        rng_seed: proptest::test_runner::RngSeed::Fixed(2016),
        ..ProptestConfig::default()
    })]

        /// More job consultants never leave more adults outside work, and each added
        /// consultant does no more than the one before (the first does the most).
        #[test]
        fn more_consultants_never_hurt_and_the_tenth_does_less_than_the_first(x in arb_residents()) {
            let outside: Vec<f64> = (0..=10).map(|n| outside_after(&x, f64::from(n))).collect();
            for pair in outside.windows(2) {
                prop_assert!(pair[1] <= pair[0] + 1e-9, "{outside:?}");
            }
            let first = outside[0] - outside[1];
            let tenth = outside[9] - outside[10];
            prop_assert!(tenth <= first + 1e-9, "the tenth moved {tenth}, the first {first}");
            if x.persons.outside_work > 100.0 {
                prop_assert!(tenth < first, "with people to reach, the tenth does strictly less");
            }
        }
    }

    /// Nobody appears or vanishes inside a year: persons change only by births and deaths.
    #[test]
    fn transitions_conserve_persons_but_for_births_and_deaths() {
        let p = params();
        let x = Cohort::arriving(
            PerGroup { children: 800.0, employed: 700.0, in_education: 160.0, outside_work: 800.0, seniors: 190.0 },
            Adults { employed: 0.5, outside_work: 0.8 },
            Adults { employed: 0.9, outside_work: 0.9 },
        );
        let ctx = Context {
            efforts: AreaEfforts { job_consultants: 7.0, social_workers: 2.0, family_courses: 3.0 },
            placed_last_year: 5.0,
            ..Context::in_2016(&p.flows)
        };
        let t = transition(&x, &p.flows, &p.efforts, ctx);
        assert!((t.residents.total() - (x.total() + t.births - t.deaths)).abs() < 1e-9);
        assert!(t.residents.basic.outside_work <= t.residents.persons.outside_work + 1e-9);
    }
}
