//! How far a projection moves when the assumptions move within their ranges: at least 200
//! projections of the plan, each with every varied assumption drawn from a triangular
//! distribution over its range (low, value, high) with a fixed seed, so the bands are the same
//! every time; the 10th and 90th percentiles of the score and of each area's outside-work share,
//! the share of runs in which each estate is listed, each estate's list-exit year as a range,
//! and the assumptions that move the plan's 2030 score most (a tornado). The law's numbers have
//! no range. Assumptions the plan sets itself are the room's choice and are not varied.
//!
//! The draws are made in order on the calling thread; the projections they drive run on every
//! core, a few at a time (so a newer edit still stops the work soon), and come back in the
//! order drawn, so the bands are the same on one core or many.
//!
//! The work has a budget ([`BANDS_WORK`]): a plan of up to some 240 areas gets all 200 runs
//! and a tornado of every varied assumption at both ends (some 200 projections more). A larger
//! plan gets a screened tornado, and from some 430 areas fewer runs (168 at 500 areas, and
//! [`FEWEST_RUNS`] at 1,000): the runs themselves rank the assumptions by how much the 2030 score moves
//! with each across them (its slope times its range), and only the [`SCREENED`] likeliest are
//! projected at both ends; the bars are those exact swings, largest first. So a plan at every
//! limit takes some 130 projections instead of 400, and `project --bands` and the report keep
//! within their ten seconds. The runs are always stated (`runs`), in the app and the report.

use crate::assets::Library;
use crate::engine;
use crate::model::{Category, FIRST_YEAR, Indicator, LAST_YEAR, ParamDef, Params, Plan};
use crate::sim::{self, Trace};
use rayon::prelude::*;

/// Projections handed to the cores at once, between two looks at `cancelled`.
const AT_ONCE: usize = 16;
/// The bands' budget, in area-projections (an area projected 2016–2040): all [`RUNS`] runs and
/// the whole tornado (two projections for each of some hundred varied assumptions) for a plan
/// of up to some 240 areas; fewer runs and a screened tornado beyond. About two seconds of one
/// core for a plan at every limit.
pub const BANDS_WORK: usize = 100_000;
/// The fewest runs the bands are made of.
pub const FEWEST_RUNS: usize = 100;
/// Assumptions a screened tornado projects at both ends: twice the bars it shows.
pub const SCREENED: usize = 2 * TORNADO_BARS;

/// `project` for every item, on every core, in the items' order; `None` as soon as
/// `cancelled` says so (it is asked before each few items).
fn on_every_core<T: Sync, R: Send>(
    items: &[T],
    cancelled: &dyn Fn() -> bool,
    project: impl Fn(&T) -> R + Sync + Send,
) -> Option<Vec<R>> {
    let mut out = Vec::with_capacity(items.len());
    for chunk in items.chunks(AT_ONCE) {
        if cancelled() {
            return None;
        }
        out.par_extend(chunk.par_iter().map(&project));
    }
    Some(out)
}

/// Projections in an ensemble.
pub const RUNS: usize = 200;
/// The seed of the draws: fixed, so the bands are deterministic.
pub const SEED: u64 = 0x5eed_b1b1_2016_2040;
/// The year the tornado ranks assumptions at.
pub const TORNADO_YEAR: u16 = 2030;
/// Bars in the tornado.
pub const TORNADO_BARS: usize = 10;

/// An estate's exit from the list across the runs.
#[derive(Clone, Debug, PartialEq)]
pub enum Exit {
    /// Not on the list in 2016 in most runs.
    NotListed,
    /// Leaves for good (off the list from that year through 2040) in most runs; the 10th to
    /// 90th percentile of the year, and the share of runs in which it leaves.
    Leaves { earliest: u16, latest: u16, share: f64 },
    /// Still listed in 2040 in most runs; the share of runs in which it leaves.
    StaysListed { share: f64 },
}

/// One assumption's swing of the score at [`TORNADO_YEAR`].
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoBar {
    pub key: String,
    /// The score with the assumption at its low and its high end (others at their values).
    pub score_at_low: f64,
    pub score_at_high: f64,
}

impl TornadoBar {
    pub fn swing(&self) -> f64 {
        (self.score_at_high - self.score_at_low).abs()
    }
}

/// The bands of one plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Bands {
    pub runs: usize,
    pub years: Vec<u16>,
    /// The score with every assumption at its value.
    pub central: Vec<f64>,
    /// The 10th and 90th percentiles of the score, per year.
    pub score_low: Vec<f64>,
    pub score_high: Vec<f64>,
    /// Per area (plan order), per year: percentiles of the outside-work share.
    pub outside_work_low: Vec<Vec<f64>>,
    pub outside_work_high: Vec<Vec<f64>>,
    /// Per area, per year: the share of runs in which it is listed.
    pub listed_share: Vec<Vec<f64>>,
    /// Per area: its exit from the list (`NotListed` for areas the list does not judge).
    pub exits: Vec<Exit>,
    /// The assumptions that move the 2030 score most, largest swing first.
    pub tornado: Vec<TornadoBar>,
    /// Per estate (plan order): what the list reads, across the runs.
    pub estates: Vec<EstateBands>,
    /// Per estate (plan order): what the list reads with every assumption at its value.
    pub central_estates: Vec<sim::EstateTrace>,
}

/// The criteria the list reads of an estate, as a band: each year's 10th and 90th percentile of
/// every criterion as judged (averaged as the rule set of the year averages it) and of the
/// residents, and the share of runs in each category.
#[derive(Clone, Debug, PartialEq)]
pub struct EstateBands {
    /// The estate's place among the plan's areas.
    pub area: usize,
    /// Per year, in [`Indicator::ALL`] order: (10th, 90th percentile).
    pub criteria: Vec<[(f64, f64); 5]>,
    /// Per year: (10th, 90th percentile) of the residents.
    pub residents: Vec<(f64, f64)>,
    /// Per year: the share of runs in each category that occurs, most common first.
    pub categories: Vec<Vec<(Category, f64)>>,
}

impl EstateBands {
    /// The share of runs in which the estate is in `category` at the year index.
    pub fn category_share(&self, y: usize, category: Category) -> f64 {
        self.categories.get(y).and_then(|c| c.iter().find(|(k, _)| *k == category)).map_or(0.0, |(_, s)| *s)
    }
}

/// The `q`-th quantile (0–1) of values, by the nearest rank of the sorted values.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
    let rank = ((q * (sorted.len() - 1) as f64).round() as usize).min(sorted.len() - 1);
    sorted[rank]
}

/// Whether the plan leaves the assumption to the bands.
fn varied(plan: &Plan, def: &ParamDef) -> bool {
    def.is_varied() && !plan.assumptions.contains_key(&def.key)
}

/// The bands of a plan with at most `runs` projections (fewer for a plan past
/// [`BANDS_WORK`]). `cancelled` is asked between projections: a newer edit stops the work,
/// which then returns `None`.
pub fn bands(library: &Library, plan: &Plan, runs: usize, cancelled: &dyn Fn() -> bool) -> Option<Bands> {
    let areas = plan.municipality.areas.len().max(1);
    let varied_count = library.table.params.iter().filter(|d| varied(plan, d)).count();
    let large = areas.saturating_mul(runs + 2 * varied_count) > BANDS_WORK;
    let runs =
        if large { (BANDS_WORK / areas).saturating_sub(2 * SCREENED).clamp(FEWEST_RUNS.min(runs), runs) } else { runs };
    let (central_params, _) = engine::resolve(library, plan);
    let central = sim::trace(plan, engine::inputs(library, plan, &central_params), false).0;
    let (drawn, values) = draw(library, plan, runs)?;
    let traces = project_all(library, plan, &drawn, cancelled)?;
    let varied_defs: Vec<&ParamDef> = library.table.params.iter().filter(|d| varied(plan, d)).collect();
    let candidates = if large {
        let y = central.year_index(TORNADO_YEAR)?;
        let scores: Vec<f64> = traces.iter().map(|t| t.score[y].total).collect();
        screened(&varied_defs, &values, &scores)
    } else {
        varied_defs
    };
    let tornado = tornado(library, plan, &central_params, &central, &candidates, cancelled)?;
    Some(summarise(&central, &traces, tornado))
}

/// The `runs` projections behind the bands, each with the varied assumptions drawn afresh.
pub fn ensemble(library: &Library, plan: &Plan, runs: usize, cancelled: &dyn Fn() -> bool) -> Option<Vec<Trace>> {
    let (drawn, _) = draw(library, plan, runs)?;
    project_all(library, plan, &drawn, cancelled)
}

/// The parameters of `runs` runs, drawn in order from the fixed seed, and for each run the
/// values drawn for the varied assumptions (in the table's order).
fn draw(library: &Library, plan: &Plan, runs: usize) -> Option<(Vec<Params>, Vec<Vec<f64>>)> {
    let mut draws = sim::Chance::new(SEED);
    (0..runs)
        .map(|_| {
            let mut values = Vec::new();
            let params = Params::resolve_with(
                &library.table,
                |def| match plan.assumptions.get(&def.key) {
                    Some(value) => *value,
                    None if varied(plan, def) => {
                        let value = draws.triangular(def.low, def.value, def.high);
                        values.push(value);
                        value
                    }
                    None => def.value,
                },
                &plan.assumptions,
            )
            .ok()?;
            Some((params, values))
        })
        .collect::<Option<Vec<_>>>()
        .map(|runs| runs.into_iter().unzip())
}

/// The projections of the drawn runs, on every core, in the order drawn; each run's share
/// convicted varies by chance from a seed of its own.
fn project_all(library: &Library, plan: &Plan, drawn: &[Params], cancelled: &dyn Fn() -> bool) -> Option<Vec<Trace>> {
    let runs: Vec<(u64, &Params)> = (0u64..).zip(drawn).collect();
    on_every_core(&runs, cancelled, |&(run, params)| {
        let inputs = sim::Inputs { variation: Some(SEED ^ (run + 1)), ..engine::inputs(library, plan, params) };
        sim::trace(plan, inputs, false).0
    })
}

/// The [`SCREENED`] assumptions likeliest to move the score most: across the runs, the slope
/// of the score on each assumption's drawn value times its range (the draws are independent,
/// so each slope is an estimate of that assumption's own effect), largest first.
fn screened<'a>(defs: &[&'a ParamDef], values: &[Vec<f64>], scores: &[f64]) -> Vec<&'a ParamDef> {
    let n = scores.len() as f64;
    let mean_score = scores.iter().sum::<f64>() / n;
    let mut estimated: Vec<(f64, &ParamDef)> = defs
        .iter()
        .enumerate()
        .map(|(k, def)| {
            let xs: Vec<f64> = values.iter().map(|v| v.get(k).copied().unwrap_or(def.value)).collect();
            let mean_x = xs.iter().sum::<f64>() / n;
            let covariance: f64 = xs.iter().zip(scores).map(|(x, s)| (x - mean_x) * (s - mean_score)).sum();
            let variance: f64 = xs.iter().map(|x| (x - mean_x).powi(2)).sum();
            let slope = if variance > 0.0 { covariance / variance } else { 0.0 };
            ((slope * (def.high - def.low)).abs(), *def)
        })
        .collect();
    estimated.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.key.cmp(&b.1.key)));
    estimated.into_iter().take(SCREENED).map(|(_, def)| def).collect()
}

fn summarise(central: &Trace, traces: &[Trace], tornado: Vec<TornadoBar>) -> Bands {
    let years = central.years.clone();
    let n_years = years.len();
    let per_year = |value: &dyn Fn(&Trace, usize) -> f64| -> (Vec<f64>, Vec<f64>) {
        (0..n_years)
            .map(|y| {
                let mut values: Vec<f64> = traces.iter().map(|t| value(t, y)).collect();
                values.sort_by(f64::total_cmp);
                (quantile(&values, 0.1), quantile(&values, 0.9))
            })
            .unzip()
    };
    let (score_low, score_high) = per_year(&|t, y| t.score[y].total);
    let n_areas = central.outside_work.len();
    let mut outside_work_low = Vec::with_capacity(n_areas);
    let mut outside_work_high = Vec::with_capacity(n_areas);
    let mut listed_share = Vec::with_capacity(n_areas);
    let mut exits = Vec::with_capacity(n_areas);
    for a in 0..n_areas {
        let (low, high) = per_year(&|t, y| t.outside_work[a][y]);
        outside_work_low.push(low);
        outside_work_high.push(high);
        #[allow(clippy::cast_precision_loss)]
        let share = |y: usize| traces.iter().filter(|t| t.listed[a][y]).count() as f64 / traces.len().max(1) as f64;
        listed_share.push((0..n_years).map(share).collect());
        exits.push(exit(traces, a));
    }
    let estates = central.estates.iter().enumerate().map(|(e, estate)| estate_bands(traces, e, estate.area)).collect();
    Bands {
        runs: traces.len(),
        years,
        central: central.score.iter().map(|s| s.total).collect(),
        score_low,
        score_high,
        outside_work_low,
        outside_work_high,
        listed_share,
        exits,
        tornado,
        estates,
        central_estates: central.estates.clone(),
    }
}

/// The `e`th estate's criteria, residents and categories across the runs.
fn estate_bands(traces: &[Trace], e: usize, area: usize) -> EstateBands {
    let years = traces.first().map_or(0, |t| t.years.len());
    let band = |value: &dyn Fn(&Trace) -> f64| {
        let mut values: Vec<f64> = traces.iter().map(value).collect();
        values.sort_by(f64::total_cmp);
        (quantile(&values, 0.1), quantile(&values, 0.9))
    };
    let year =
        |t: &Trace, y: usize| t.estates.get(e).and_then(|estate| estate.years.get(y)).copied().unwrap_or_default();
    let criteria = (0..years).map(|y| Indicator::ALL.map(|i| band(&|t| year(t, y).value(i)))).collect();
    let residents = (0..years).map(|y| band(&|t| year(t, y).residents)).collect();
    let categories = (0..years)
        .map(|y| {
            let mut counts: Vec<(Category, usize)> = Vec::new();
            for t in traces {
                let category = year(t, y).category;
                match counts.iter_mut().find(|(c, _)| *c == category) {
                    Some(count) => count.1 += 1,
                    None => counts.push((category, 1)),
                }
            }
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            #[allow(clippy::cast_precision_loss)]
            let share = |n: usize| n as f64 / traces.len().max(1) as f64;
            counts.into_iter().map(|(c, n)| (c, share(n))).collect()
        })
        .collect();
    EstateBands { area, criteria, residents, categories }
}

/// The year an area leaves the list for good in a run: the first year from which it stays
/// off through 2040. `None` if it is listed in 2040 (or never was).
fn exit_year(trace: &Trace, area: usize) -> Option<u16> {
    let listed = &trace.listed[area];
    if !listed.first().copied().unwrap_or(false) || listed.last().copied().unwrap_or(true) {
        return None;
    }
    let last_listed = listed.iter().rposition(|l| *l)?;
    trace.years.get(last_listed + 1).copied()
}

fn exit(traces: &[Trace], area: usize) -> Exit {
    let n = traces.len().max(1);
    let listed_2016 = traces.iter().filter(|t| t.listed[area].first().copied().unwrap_or(false)).count();
    if 2 * listed_2016 <= n {
        return Exit::NotListed;
    }
    let mut years: Vec<f64> = traces.iter().filter_map(|t| exit_year(t, area)).map(f64::from).collect();
    years.sort_by(f64::total_cmp);
    #[allow(clippy::cast_precision_loss)]
    let share = years.len() as f64 / n as f64;
    if 2 * years.len() <= n {
        return Exit::StaysListed { share };
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (first, last) =
        (traces[0].years.first().copied().unwrap_or(FIRST_YEAR), traces[0].years.last().copied().unwrap_or(LAST_YEAR));
    let year = |q: f64| (quantile(&years, q) as u16).clamp(first, last);
    Exit::Leaves { earliest: year(0.1), latest: year(0.9), share }
}

/// Each candidate assumption at its low and its high end, the others at their values: the
/// eight that move the 2030 score most.
fn tornado(
    library: &Library,
    plan: &Plan,
    central: &Params,
    central_trace: &Trace,
    candidates: &[&ParamDef],
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<TornadoBar>> {
    let y = central_trace.year_index(TORNADO_YEAR)?;
    let ends: Vec<(&ParamDef, f64)> = candidates.iter().flat_map(|d| [(*d, d.low), (*d, d.high)]).collect();
    let scores = on_every_core(&ends, cancelled, |(def, value)| {
        let mut params = central.clone();
        if let Some(slot) = params.slot(&def.key) {
            *slot = *value;
        }
        sim::trace(plan, engine::inputs(library, plan, &params), false).0.score[y].total
    })?;
    let mut bars: Vec<TornadoBar> = ends
        .chunks(2)
        .zip(scores.chunks(2))
        .map(|(ends, scores)| TornadoBar {
            key: ends[0].0.key.clone(),
            score_at_low: scores[0],
            score_at_high: scores.get(1).copied().unwrap_or(scores[0]),
        })
        .collect();
    bars.sort_by(|a, b| b.swing().total_cmp(&a.swing()).then_with(|| a.key.cmp(&b.key)));
    bars.truncate(TORNADO_BARS);
    Some(bars)
}
