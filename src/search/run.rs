//! The search: what would it take to meet the room's goals within its limits? Like Marxan, it
//! anneals many chains over the levers, each candidate judged on the central projection, every
//! chain weighing the costs (residents displaced, homes removed, the score) its own way, so the
//! chains together trace the trade-off; unlike it, it answers with a few distinct plans from that
//! trade-off, each checked against the uncertainty band, how often each lever is used among the
//! good plans, and — when nothing within the limits meets the goals — the closest plan and
//! which goal is out of reach.
//!
//! Chains run on every core; each draws from its own seed and the results are merged in chain
//! order, so a seed gives the same plans on one core or eight. `cancelled` stops the work, and
//! `observe` hears the progress and the best plan so far.

use super::goals::{self, Goal, Limits, Standing};
use super::levers::{self, Candidate, Lever, Setting};
use crate::assets::Library;
use crate::model::{ActionKind, Params, Plan, Tenure};
use crate::sim::{self, Chance, Inputs, Trace};
use rayon::prelude::*;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Most plans a search offers.
pub const MOST_PLANS: usize = 5;
/// Plans a search offers when it found that many ways to meet the goals.
pub const FEWEST_PLANS: usize = 3;
/// Projections a search may make for a plan of the Visionsplan's size; a larger municipality
/// gets fewer (see [`SEARCH_WORK`]).
pub const MOST_EVALUATIONS: usize = 24_000;
/// Area-projections a search may make in all: a 1,000-area table gets 2,400 projections.
pub const SEARCH_WORK: usize = 2_400_000;
/// Chains annealed side by side.
pub const CHAINS: usize = 16;
/// How often (in evaluations) a chain reports its progress.
const REPORT_EVERY: usize = 50;

/// What to search for.
#[derive(Clone, Debug)]
pub struct Request {
    pub goals: Vec<Goal>,
    pub limits: Limits,
    pub seed: u64,
    /// Projections to make at most (the budget is also held to [`SEARCH_WORK`]).
    pub evaluations: usize,
}

/// How a plan the search found stands.
#[derive(Clone, Debug)]
pub struct Found {
    pub plan: Plan,
    /// The lever settings that made it (in the order of [`Outcome::levers`]).
    pub candidate: Candidate,
    /// Per goal (in the request's order), on the central projection.
    pub goals: Vec<Standing>,
    /// Residents displaced over all years (their homes demolished, merged or emptied) by what
    /// the plan adds to the plan searched from.
    pub displaced: f64,
    /// Almene family homes out of the family stock: demolished, sold, converted, merged away.
    pub removed: f64,
    /// Almene family homes demolished or sold.
    pub demolished_or_sold: f64,
    /// The balance score in [`Outcome::score_year`], centrally.
    pub score: f64,
    /// The band: the share of runs (assumptions drawn) in which every goal is met, and the
    /// score's 10th and 90th percentiles; `None` until checked.
    pub band: Option<BandCheck>,
    /// Why it is offered beside the others (empty for the closest plan).
    pub why: Vec<Why>,
}

/// Why a plan is offered: what it is best at among the plans offered, or what else it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    FewestDisplaced,
    /// Fewest almene family homes out of the family stock.
    FewestRemoved,
    /// Fewest almene family homes demolished or sold (lost to the almene sector).
    FewestLost,
    HighestScore,
    /// Between the others on the trade-off.
    Between,
    /// Another way to the goals, with these kinds of lever, though another plan does better.
    OtherWay(Vec<super::LeverKind>),
}

/// A plan checked against the band.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandCheck {
    pub runs: usize,
    /// Share of runs meeting every goal (0–1).
    pub meets_goals: f64,
    pub score_low: f64,
    pub score_high: f64,
}

/// How often a lever is used among the good plans found.
#[derive(Clone, Debug, PartialEq)]
pub struct LeverUse {
    pub lever: Lever,
    pub used_in: usize,
    pub of: usize,
}

/// What a search answers.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The levers searched over.
    pub levers: Vec<Lever>,
    /// 3–5 distinct plans meeting every goal, from the trade-off between residents displaced,
    /// homes removed and the score (fewer when fewer distinct ones were found; none when no
    /// plan met the goals).
    pub plans: Vec<Found>,
    /// When no plan met the goals: the plan that came closest.
    pub closest: Option<Found>,
    /// Per goal: whether any plan found met it (a goal no plan met is out of reach within the
    /// limits).
    pub reachable: Vec<bool>,
    /// The plan searched from meets every goal already, with no lever pulled: the plans
    /// offered do more than the goals ask.
    pub already_met: bool,
    /// How often each lever is used among the good plans (the plans on the trade-off).
    pub uses: Vec<LeverUse>,
    pub score_year: u16,
    pub evaluations: usize,
    pub seed: u64,
}

/// The search's progress.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// A plan meeting every goal has been found.
    pub found: bool,
    /// The best plan so far: of those meeting the goals within the limits, the one that removes
    /// the fewest almene family homes (then displaces fewest, then scores highest). Which chain
    /// finds it first depends on the cores; the answer at the end does not.
    pub best: Option<Glimpse>,
}

/// What the room sees of the best plan so far while the search runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glimpse {
    /// Almene family homes out of the family stock.
    pub removed: f64,
    pub displaced: f64,
    /// The score in the outcome's score year, centrally.
    pub score: f64,
}

impl Glimpse {
    fn of(j: &Judged) -> Self {
        Self { removed: j.removed, displaced: j.displaced, score: j.score }
    }

    /// Whether this is a better plan so far than `other`: fewer homes removed, then fewer
    /// displaced, then a higher score.
    fn better_than(&self, other: &Self) -> bool {
        (self.removed, self.displaced, -self.score) < (other.removed, other.displaced, -other.score)
    }

    fn best(a: Option<Self>, b: Option<Self>) -> Option<Self> {
        match (a, b) {
            (Some(a), Some(b)) => Some(if b.better_than(&a) { b } else { a }),
            (a, b) => a.or(b),
        }
    }
}

/// How many costs the trade-off has (see [`Judged::costs`]).
const COSTS: usize = 4;

/// One candidate judged.
#[derive(Clone, Debug)]
struct Judged {
    candidate: Candidate,
    goals: Vec<Standing>,
    /// How far short of the goals (0: all met).
    shortfall: f64,
    /// How far past the limits (0: within).
    breach: f64,
    displaced: f64,
    removed: f64,
    demolished_or_sold: f64,
    score: f64,
    /// Levers the candidate pulls.
    used: usize,
}

impl Judged {
    fn feasible(&self) -> bool {
        self.shortfall <= 0.0 && self.breach <= 0.0
    }

    /// The costs the trade-off is drawn over: fewer displaced, fewer almene family homes
    /// removed, fewer of them lost to the almene sector (demolished or sold rather than
    /// converted or merged), higher score.
    fn costs(&self) -> [f64; COSTS] {
        [self.displaced, self.removed, self.demolished_or_sold, -self.score]
    }
}

/// What every evaluation reads.
struct Context<'a> {
    library: &'a Library,
    base: &'a Plan,
    levers: &'a [Lever],
    goals: &'a [Goal],
    limits: &'a Limits,
    params: &'a Params,
    score_year: u16,
    /// Scales of the costs: residents and almene family homes in the areas searched.
    residents: f64,
    homes: f64,
    /// Residents the plan searched from displaces already: a plan's cost is what it adds.
    base_displaced: f64,
}

/// The least difference in residents or homes that makes two plans different choices.
const LEAST_DIFFERENCE: f64 = 10.0;
/// ... as a share of the residents or homes of the areas searched.
const LEAST_DIFFERENCE_SHARE: f64 = 0.05;
/// The least difference in score that makes two plans different choices: more than the shown
/// tenth.
const LEAST_SCORE_DIFFERENCE: f64 = 0.25;

impl Context<'_> {
    /// How much two plans must differ in each cost to be different choices.
    fn tolerance(&self) -> [f64; COSTS] {
        let residents = LEAST_DIFFERENCE.max(LEAST_DIFFERENCE_SHARE * self.residents);
        let homes = LEAST_DIFFERENCE.max(LEAST_DIFFERENCE_SHARE * self.homes);
        [residents, homes, homes, LEAST_SCORE_DIFFERENCE]
    }

    fn inputs(&self, plan: &Plan) -> Inputs<'_> {
        crate::engine::inputs(self.library, plan, self.params)
    }

    fn judge(&self, candidate: Candidate) -> Judged {
        let plan = levers::plan_of(self.base, self.levers, &candidate);
        let trace = sim::trace(&plan, self.inputs(&plan), false).0;
        self.judge_trace(candidate, &plan, &trace)
    }

    fn judge_trace(&self, candidate: Candidate, plan: &Plan, trace: &Trace) -> Judged {
        let goals: Vec<Standing> =
            self.goals.iter().map(|g| goals::standing(g, plan, trace, &self.library.cap)).collect();
        let shortfall = goals.iter().map(|s| s.shortfall).sum();
        let (removed, demolished_or_sold, built) = removals(plan, self.base.actions.len());
        let displaced = (goals::displaced(trace) - self.base_displaced).max(0.0);
        let goals: Vec<Standing> = self
            .goals
            .iter()
            .zip(goals)
            .map(|(g, s)| if *g == Goal::FewestDisplaced { Standing { value: displaced, ..s } } else { s })
            .collect();
        let over = |value: f64, most: Option<f64>, scale: f64| most.map_or(0.0, |m| (value - m).max(0.0) / scale);
        let breach = over(demolished_or_sold, self.limits.most_removed, 100.0)
            + over(displaced, self.limits.most_displaced, 100.0)
            + over(built, Some(self.limits.most_built), 100.0);
        let score = trace.year_index(self.score_year).and_then(|i| trace.score.get(i)).map_or(0.0, |s| s.total);
        let used = key(&candidate, self.levers).len();
        Judged { candidate, goals, shortfall, breach, displaced, removed, demolished_or_sold, score, used }
    }
}

/// Almene family homes the plan's own actions (after the base's first `from`) take out of the
/// family stock, how many of them are demolished or sold, and the homes they build.
fn removals(plan: &Plan, from: usize) -> (f64, f64, f64) {
    let mut removed = 0.0;
    let mut demolished_or_sold = 0.0;
    let mut built = 0.0;
    for action in plan.actions.iter().skip(from) {
        match &action.kind {
            ActionKind::Demolish { tenure: Tenure::AlmenFamily, count, .. } | ActionKind::Sell { count, .. } => {
                removed += count;
                demolished_or_sold += count;
            }
            ActionKind::Convert { from: Tenure::AlmenFamily, count, .. } => removed += count,
            ActionKind::Merge { tenure: Tenure::AlmenFamily, count, .. } => removed += count / 2.0,
            ActionKind::Build { count, .. } => built += count,
            _ => {}
        }
    }
    (removed, demolished_or_sold, built)
}

/// How a chain weighs the costs against each other: residents displaced, homes removed, the
/// score. Chains cycle through these, so together they reach every end of the trade-off.
const WEIGHTS: [[f64; 3]; 8] = [
    [1.0, 0.0, 0.0],
    [0.0, 1.0, 0.0],
    [0.0, 0.0, 1.0],
    [1.0, 1.0, 0.0],
    [1.0, 0.0, 1.0],
    [0.0, 1.0, 1.0],
    [1.0, 1.0, 1.0],
    [2.0, 1.0, 0.5],
];

/// What missing a goal or passing a limit costs against the other costs.
const PENALTY: f64 = 10.0;
/// What pulling a lever costs: as much as 0.1 point of score. A room asks for the least it
/// must do, so a lever that does next to nothing is left alone (like Marxan's cost of a
/// planning unit), and how often a lever is used says something.
const PARSIMONY: f64 = 0.01;
/// A score the room reads to a tenth: a plan that loses less than this without a lever keeps
/// as good a score.
const SCORE_SHOWN: f64 = 0.05;

/// A chain's cost of a judged candidate under its weights.
fn cost(j: &Judged, weights: [f64; 3], ctx: &Context<'_>) -> f64 {
    #[allow(clippy::cast_precision_loss)] // A few dozen levers.
    let used = j.used as f64;
    PENALTY * (j.shortfall + j.breach) + weights[0] * j.displaced / ctx.residents + weights[1] * j.removed / ctx.homes
        - weights[2] * j.score / 10.0
        + PARSIMONY * used
}

/// The plan without the levers it does not need: each lever in turn is let go if the plan then
/// still meets what it met (the goals within the limits, or for the closest plan no farther
/// from them), displaces and removes no more, and keeps its score to the shown tenth.
fn simplified(ctx: &Context<'_>, judged: Judged) -> Judged {
    let mut best = judged;
    loop {
        let mut improved = false;
        for i in key(&best.candidate, ctx.levers).into_iter().map(|k| k.0) {
            let mut candidate = best.candidate.clone();
            candidate.settings[i].amount = 0.0;
            let without = ctx.judge(candidate);
            let still_meets = if best.feasible() {
                without.feasible()
            } else {
                without.shortfall + without.breach <= best.shortfall + best.breach
            };
            if still_meets
                && without.displaced <= best.displaced + 0.5
                && without.removed <= best.removed + 0.5
                && without.score >= best.score - SCORE_SHOWN
            {
                best = without;
                improved = true;
                break;
            }
        }
        if !improved {
            return best;
        }
    }
}

/// The year a search scores its plans in: a score goal's year, else 2030 (the § 168 a deadline)
/// if the plan reaches it, else its last year.
pub fn score_year(base: &Plan, goals: &[Goal]) -> u16 {
    let span = base.span();
    goals
        .iter()
        .find_map(|g| match g {
            Goal::ScoreAtLeast { year, .. } => Some(*year),
            _ => None,
        })
        .unwrap_or(if span.contains(2030) { 2030 } else { span.last })
}

/// Searches the plans `levers` make of `base` for `request`'s goals.
pub fn search(
    library: &Library,
    base: &Plan,
    request: &Request,
    observe: &(dyn Fn(Progress) + Sync),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Outcome> {
    let levers = levers::levers_within(base, &request.limits);
    let (params, _) = crate::engine::resolve(library, base);
    let score_year = score_year(base, &request.goals);
    let in_limits = |id: &str| request.limits.areas.iter().any(|a| a == id);
    let searched = base.municipality.areas.iter().filter(|a| in_limits(&a.id));
    let (residents, homes) =
        searched.fold((0.0, 0.0), |(r, h), a| (r + a.residents.total(), h + a.homes[Tenure::AlmenFamily]));
    let ctx = Context {
        library,
        base,
        levers: &levers,
        goals: &request.goals,
        limits: &request.limits,
        params: &params,
        score_year,
        residents: residents.max(1_000.0),
        homes: homes.max(100.0),
        base_displaced: 0.0,
    };
    let base_displaced = goals::displaced(&sim::trace(base, ctx.inputs(base), false).0);
    let ctx = Context { base_displaced, ..ctx };
    let areas = base.municipality.areas.len().max(1);
    let total = request.evaluations.min(SEARCH_WORK / areas).max(CHAINS * 10);
    let per_chain = total / CHAINS;
    let done = AtomicUsize::new(0);
    let best: Mutex<Option<Glimpse>> = Mutex::new(None);
    let chains: Vec<Option<Vec<Judged>>> = (0..CHAINS)
        .into_par_iter()
        .map(|chain| {
            let progress = |chain_best: Option<Glimpse>| {
                let best = {
                    // A chain that panicked while holding the lock left a glimpse still whole.
                    let mut best = best.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                    *best = Glimpse::best(*best, chain_best);
                    *best
                };
                let done = done.fetch_add(REPORT_EVERY, Ordering::Relaxed) + REPORT_EVERY;
                observe(Progress { done: done.min(total), total, found: best.is_some(), best });
            };
            anneal(&ctx, chain, request.seed, per_chain, &progress, cancelled)
        })
        .collect();
    let judged: Vec<Judged> = chains.into_iter().collect::<Option<Vec<_>>>()?.into_iter().flatten().collect();
    let evaluations = per_chain * CHAINS;
    let mut outcome = summarise(&ctx, &judged, request.seed, evaluations);
    for plan in outcome.plans.iter_mut().chain(outcome.closest.as_mut()) {
        plan.band = Some(band_check(&ctx, &plan.plan, cancelled)?);
    }
    let best = outcome.plans.iter().map(|f| Glimpse { removed: f.removed, displaced: f.displaced, score: f.score });
    let best = best.fold(None, |b, g| Glimpse::best(b, Some(g)));
    observe(Progress { done: total, total, found: !outcome.plans.is_empty(), best });
    Some(outcome)
}

/// One chain of simulated annealing: from nothing (or, in every other chain, a random
/// start), each step changes one lever and keeps the change if it costs less, or by chance
/// while the temperature is high. Returns every candidate judged that met the goals within the
/// limits, and the one that came closest.
fn anneal(
    ctx: &Context<'_>,
    chain: usize,
    seed: u64,
    steps: usize,
    progress: &dyn Fn(Option<Glimpse>),
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<Judged>> {
    let mut chance = Chance::new(seed ^ (chain as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let weights = WEIGHTS[chain % WEIGHTS.len()];
    let start = if chain.is_multiple_of(2) {
        nothing_pulled(ctx)
    } else {
        super::random::candidate(ctx.levers, 3.0 / ctx.levers.len().max(1) as f64, &mut chance)
    };
    let mut current = ctx.judge(start);
    let mut current_cost = cost(&current, weights, ctx);
    let mut kept: Vec<Judged> = Vec::new();
    let mut closest = current.clone();
    let mut chain_best: Option<Glimpse> = None;
    let (hot, cold) = (1.0f64, 0.002f64);
    for step in 0..steps {
        if step % REPORT_EVERY == REPORT_EVERY - 1 {
            if cancelled() {
                return None;
            }
            progress(chain_best);
        }
        if ctx.levers.is_empty() {
            break;
        }
        let temperature = hot * (cold / hot).powf(step as f64 / steps.max(1) as f64);
        let next = ctx.judge(changed(&current.candidate, ctx.levers, &mut chance));
        let next_cost = cost(&next, weights, ctx);
        if next.feasible() {
            chain_best = Glimpse::best(chain_best, Some(Glimpse::of(&next)));
            kept.push(next.clone());
        } else if next.shortfall + next.breach < closest.shortfall + closest.breach {
            closest = next.clone();
        }
        let delta = next_cost - current_cost;
        if delta <= 0.0 || chance.unit() < libm::exp(-delta / temperature) {
            current = next;
            current_cost = next_cost;
        }
    }
    if current.feasible() {
        kept.push(current);
    }
    kept.push(closest);
    Some(kept)
}

/// A candidate with one lever changed: its amount (to nothing, to all it may do, to any amount,
/// or a step up or down) or its year.
fn changed(candidate: &Candidate, levers: &[Lever], chance: &mut Chance) -> Candidate {
    let mut next = candidate.clone();
    let i = chance.below(levers.len());
    let (lever, setting) = (&levers[i], &mut next.settings[i]);
    if setting.amount > 0.0 && chance.chance(0.25) {
        let span = usize::from(lever.years.1.saturating_sub(lever.years.0)) + 1;
        #[allow(clippy::cast_possible_truncation)] // A span is a few dozen years.
        let year = lever.years.0 + chance.below(span) as u16;
        setting.year = year;
        return next;
    }
    let roll = chance.unit();
    setting.amount = if roll < 0.2 {
        0.0
    } else if roll < 0.3 {
        lever.max
    } else if roll < 0.55 {
        chance.between(0.0, lever.max)
    } else {
        let step = lever.max * chance.between(0.02, 0.2);
        let up = chance.chance(0.5);
        (setting.amount + if up { step } else { -step }).clamp(0.0, lever.max)
    };
    setting.amount = levers::rounded(lever.kind, setting.amount);
    if setting.year < lever.years.0 || setting.year > lever.years.1 {
        setting.year = lever.years.0;
    }
    next
}

/// The candidate that pulls no lever: the plan searched from.
fn nothing_pulled(ctx: &Context<'_>) -> Candidate {
    Candidate { settings: vec![Setting { amount: 0.0, year: ctx.limits.years.0 }; ctx.levers.len()] }
}

/// The candidate a room would write down: only the levers used, amounts rounded.
fn key(candidate: &Candidate, levers: &[Lever]) -> Vec<(usize, i64, u16)> {
    let mut key = Vec::new();
    for (i, (s, l)) in candidate.settings.iter().zip(levers).enumerate() {
        let amount = levers::rounded(l.kind, s.amount.min(l.max));
        if amount > 0.0 {
            #[allow(clippy::cast_possible_truncation)] // Homes, staff, or a share in percent.
            let whole = (amount * 100.0).round() as i64;
            key.push((i, whole, s.year));
        }
    }
    key
}

/// Whether `a` is clearly better than `b`: no worse in any cost by more than that cost's
/// `tolerance`, and better in one by more. A plan that displaces 400 residents to remove 12
/// fewer homes than another is not a real choice.
fn dominates(a: &[f64; COSTS], b: &[f64; COSTS], tolerance: &[f64; COSTS]) -> bool {
    let no_worse = (0..COSTS).all(|k| a[k] <= b[k] + tolerance[k]);
    no_worse && (0..COSTS).any(|k| a[k] < b[k] - tolerance[k])
}

/// Whether two plans differ in some cost by more than its tolerance: different choices.
fn distinct(a: &Judged, b: &Judged, tolerance: &[f64; COSTS]) -> bool {
    let (a, b) = (a.costs(), b.costs());
    (0..COSTS).any(|k| (a[k] - b[k]).abs() > tolerance[k])
}

/// Feasible plans kept for choosing: enough to hold the trade-off, few enough to compare each
/// with each.
const KEPT_FOR_CHOOSING: usize = 2_000;
/// The good plans whose levers are counted: the best tenth of those found, at least this many.
const FEWEST_GOOD: usize = 10;

/// The outcome of the chains: a few distinct plans that meet the goals, how often each lever is
/// used among the good ones, and the closest plan when none met the goals.
fn summarise(ctx: &Context<'_>, judged: &[Judged], seed: u64, evaluations: usize) -> Outcome {
    let mut reachable = vec![false; ctx.goals.len()];
    for j in judged {
        for (r, s) in reachable.iter_mut().zip(&j.goals) {
            *r |= s.met();
        }
    }
    let mut seen = std::collections::HashSet::new();
    let mut feasible: Vec<Judged> =
        judged.iter().filter(|j| j.feasible() && seen.insert(key(&j.candidate, ctx.levers))).cloned().collect();
    let scales = Scales::of(&feasible);
    feasible.sort_by(|a, b| scales.sum(a).total_cmp(&scales.sum(b)));
    feasible.truncate(KEPT_FOR_CHOOSING);
    let good = (feasible.len() / 10).max(FEWEST_GOOD).min(feasible.len());
    let uses = ctx
        .levers
        .iter()
        .enumerate()
        .map(|(i, lever)| LeverUse {
            lever: lever.clone(),
            used_in: feasible[..good].iter().filter(|j| key(&j.candidate, ctx.levers).iter().any(|k| k.0 == i)).count(),
            of: good,
        })
        .filter(|u| u.used_in > 0)
        .collect();
    let fewest_first = ctx.goals.contains(&Goal::FewestDisplaced);
    let (candidates, from_the_trade_off) = self::chosen(&feasible, ctx.levers, (&scales, &ctx.tolerance()));
    let chosen = offered(ctx, candidates, from_the_trade_off, fewest_first);
    let closest = if chosen.is_empty() {
        let closest = judged.iter().min_by(|a, b| (a.shortfall + a.breach).total_cmp(&(b.shortfall + b.breach)));
        closest.cloned().map(|j| simplified(ctx, j))
    } else {
        None
    };
    let whys = why_offered(&chosen, ctx.levers, &ctx.tolerance());
    let found = |(j, why): (Judged, Vec<Why>)| Found {
        why,
        plan: levers::plan_of(ctx.base, ctx.levers, &j.candidate),
        candidate: j.candidate,
        goals: j.goals,
        displaced: j.displaced,
        removed: j.removed,
        demolished_or_sold: j.demolished_or_sold,
        score: j.score,
        band: None,
    };
    Outcome {
        levers: ctx.levers.to_vec(),
        plans: chosen.into_iter().zip(whys).map(found).collect(),
        closest: closest.map(|j| found((j, Vec::new()))),
        reachable,
        already_met: ctx.judge(nothing_pulled(ctx)).feasible(),
        uses,
        score_year: ctx.score_year,
        evaluations,
        seed,
    }
}

/// Each cost's lowest value and range among the feasible plans, to weigh them alike.
struct Scales([(f64, f64); COSTS]);

impl Scales {
    fn of(plans: &[Judged]) -> Self {
        Self(std::array::from_fn(|k| {
            let (lo, hi) =
                plans.iter().map(|j| j.costs()[k]).fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v), h.max(v)));
            (lo, (hi - lo).max(1e-9))
        }))
    }

    /// The costs as shares of their ranges (0: the best found).
    fn at(&self, j: &Judged) -> [f64; COSTS] {
        let c = j.costs();
        std::array::from_fn(|k| (c[k] - self.0[k].0) / self.0[k].1)
    }

    fn sum(&self, j: &Judged) -> f64 {
        self.at(j).iter().sum()
    }
}

/// A plan's way of meeting the goals: the kinds of lever it changes the homes with (which it
/// removes from the almene family stock, and whether it builds); letting and efforts only
/// tune a way.
fn strategy(candidate: &Candidate, levers: &[Lever]) -> Vec<super::LeverKind> {
    let mut kinds: Vec<super::LeverKind> = key(candidate, levers)
        .iter()
        .map(|k| levers[k.0].kind)
        .filter(|k| k.removes_homes() || k.builds())
        .map(|k| if k.builds() { super::LeverKind::BuildPrivate } else { k })
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    kinds
}

/// The candidates to offer, best first: from the trade-off (see [`Judged::costs`]), the best
/// at each end and then each next the farthest from those picked, up to [`MOST_PLANS`] clearly
/// different ones; then the best plan of each other way of meeting the goals (other kinds of
/// lever). With how many came from the trade-off.
fn chosen(
    feasible: &[Judged],
    levers: &[Lever],
    (scales, tolerance): (&Scales, &[f64; COSTS]),
) -> (Vec<Judged>, usize) {
    let dominated = |j: &Judged| feasible.iter().any(|other| dominates(&other.costs(), &j.costs(), tolerance));
    let front: Vec<&Judged> = feasible.iter().filter(|j| !dominated(j)).collect();
    let mut picked: Vec<&Judged> = Vec::new();
    for k in 0..COSTS {
        let best = front.iter().copied().min_by(|a, b| a.costs()[k].total_cmp(&b.costs()[k]));
        if let Some(b) = best.filter(|b| !picked.iter().any(|p| std::ptr::eq(*p, *b))) {
            picked.push(b);
        }
    }
    let distance = |j: &Judged, picked: &[&Judged]| {
        picked
            .iter()
            .map(|p| scales.at(j).iter().zip(scales.at(p)).map(|(a, b)| (a - b).powi(2)).sum::<f64>())
            .fold(f64::MAX, f64::min)
    };
    while picked.len() < MOST_PLANS {
        let next = front
            .iter()
            .copied()
            .filter(|j| picked.iter().all(|p| distinct(j, p, tolerance)))
            .max_by(|a, b| distance(a, &picked).total_cmp(&distance(b, &picked)));
        match next {
            Some(next) if distance(next, &picked) > 1e-6 => picked.push(next),
            _ => break,
        }
    }
    let from_the_trade_off = picked.len();
    // Then, should the trade-off hold too few real choices, the best of each other way of
    // meeting the goals (the feasible plans are in order of their weighed costs, so the first
    // of a way is its best).
    let mut ways: Vec<Vec<super::LeverKind>> = picked.iter().map(|j| strategy(&j.candidate, levers)).collect();
    for j in feasible {
        let way = strategy(&j.candidate, levers);
        if !ways.contains(&way) {
            ways.push(way);
            picked.push(j);
        }
    }
    (picked.into_iter().cloned().collect(), from_the_trade_off)
}

/// The plans offered: the candidates in [`chosen`]'s order, each let go of what it does not
/// need, kept when it is a different choice from those kept, until [`MOST_PLANS`] — past the
/// trade-off's own picks only while fewer than [`FEWEST_PLANS`]. Ordered by homes removed (the
/// least a room must do first), or by residents displaced when that is a goal.
fn offered(
    ctx: &Context<'_>,
    candidates: Vec<Judged>,
    from_the_trade_off: usize,
    fewest_displaced_first: bool,
) -> Vec<Judged> {
    let tolerance = ctx.tolerance();
    let mut out: Vec<Judged> = Vec::new();
    for (i, plan) in candidates.into_iter().enumerate() {
        if out.len() >= MOST_PLANS || (i >= from_the_trade_off && out.len() >= FEWEST_PLANS) {
            break;
        }
        let plan = simplified(ctx, plan);
        // Past the trade-off, a plan is offered as another way: one its kinds of lever make.
        let another_way = i < from_the_trade_off || {
            let way = strategy(&plan.candidate, ctx.levers);
            out.iter().all(|kept| strategy(&kept.candidate, ctx.levers) != way)
        };
        if another_way && out.iter().all(|kept| distinct(kept, &plan, &tolerance)) {
            out.push(plan);
        }
    }
    if fewest_displaced_first {
        out.sort_by(|a, b| a.displaced.total_cmp(&b.displaced).then(a.removed.total_cmp(&b.removed)));
    } else {
        out.sort_by(|a, b| a.removed.total_cmp(&b.removed).then(a.displaced.total_cmp(&b.displaced)));
    }
    out
}

/// Why each plan is offered: when another offered plan is clearly better, it is another way,
/// named by its kinds of lever; else the costs in which it is best among `plans` (within the
/// tolerance, where the plans differ in that cost at all), or between the others.
fn why_offered(plans: &[Judged], levers: &[Lever], tolerance: &[f64; COSTS]) -> Vec<Vec<Why>> {
    const BEST_AT: [Why; COSTS] = [Why::FewestDisplaced, Why::FewestRemoved, Why::FewestLost, Why::HighestScore];
    if plans.len() < 2 {
        // One plan is simply the answer.
        return vec![Vec::new(); plans.len()];
    }
    let costs: Vec<[f64; COSTS]> = plans.iter().map(Judged::costs).collect();
    let (lowest, highest): (Vec<f64>, Vec<f64>) = (0..COSTS)
        .map(|k| costs.iter().map(|c| c[k]).fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v), h.max(v))))
        .unzip();
    plans
        .iter()
        .zip(&costs)
        .map(|(plan, c)| {
            if costs.iter().any(|other| dominates(other, c, tolerance)) {
                return vec![Why::OtherWay(strategy(&plan.candidate, levers))];
            }
            let why: Vec<Why> = (0..COSTS)
                .filter(|&k| highest[k] - lowest[k] > tolerance[k] && c[k] <= lowest[k] + tolerance[k])
                .map(|k| BEST_AT[k].clone())
                .collect();
            if why.is_empty() { vec![Why::Between] } else { why }
        })
        .collect()
}

/// A plan against the band: the share of [`crate::bands::RUNS`] runs meeting every goal, and
/// the score's 10th and 90th percentiles in the score year.
fn band_check(ctx: &Context<'_>, plan: &Plan, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<BandCheck> {
    let traces = crate::bands::ensemble(ctx.library, plan, crate::bands::RUNS, cancelled)?;
    let runs = traces.len();
    let meets =
        traces.iter().filter(|t| ctx.goals.iter().all(|g| goals::standing(g, plan, t, &ctx.library.cap).met())).count();
    let mut scores: Vec<f64> = traces
        .iter()
        .filter_map(|t| t.year_index(ctx.score_year).and_then(|i| t.score.get(i)).map(|s| s.total))
        .collect();
    scores.sort_by(f64::total_cmp);
    let at = |q: f64| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let i = ((scores.len().saturating_sub(1)) as f64 * q).round() as usize;
        scores.get(i).copied().unwrap_or(f64::NAN)
    };
    #[allow(clippy::cast_precision_loss)] // A few hundred runs.
    let meets_goals = if runs == 0 { 0.0 } else { meets as f64 / runs as f64 };
    Some(BandCheck { runs, meets_goals, score_low: at(0.1), score_high: at(0.9) })
}
