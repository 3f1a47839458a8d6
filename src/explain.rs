//! Why the score moved: a plan against its baseline, split into the score's components and into
//! the plan's parts (each action, effort, letting policy and change of the 2016 figures), plus
//! what the parts do together (the interaction). A part's effect is what the plan loses without
//! it: the plan against the plan with that part taken out, so the effect of the change just
//! made is the change the room just saw. The interaction is the rest, so parts and interaction
//! add up exactly to the whole.
//!
//! This is the one attribution: the action cards, *Forklar*, the projector's reveal, the report
//! and `by-i-balance explain` all read it, and all show it through [`Attribution::shown`], which
//! rounds once, so every figure agrees to the shown digit and the parts sum exactly to the
//! shown total. No egui here: the app runs it on a worker thread.
//!
//! A part's own effect takes one projection from the year it first acts, so the work grows
//! with the parts, the years and the plan's size (its areas and everything it schedules).
//! Past [`SEPARATE_WORK`] (a national table with thousands of actions, or a few areas with
//! thousands of parts) the parts are attributed in groups of one kind and first year, or of
//! one kind, and [`Attribution::grouped`] says how many parts they hold, so *Forklar* can say
//! so.

use crate::model::{Action, Effort, Letting, Plan, Span};
use crate::sim::{self, COMPONENT_COUNT, COMPONENTS, Inputs, ScoreYear, Trace};

/// One part of a plan that differs from its baseline.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// The plan changes the 2016 figures (homes, residents, institutions, profiles).
    StartingPoint,
    /// An action of the plan that the baseline does not have.
    Action(Action),
    /// An action of the baseline that the plan drops.
    DroppedAction(Action),
    Effort(Effort),
    DroppedEffort(Effort),
    /// The plan's letting and allocation policy, where it differs.
    Letting(Letting),
    /// Parts of one kind that first act in the same year, attributed together (large plans).
    Group {
        /// What the members are: an action kind's key (`demolish`, …), `institutions`,
        /// `dropped_actions`, `efforts` or `dropped_efforts`.
        kind: &'static str,
        year: u16,
        members: Vec<Part>,
    },
}

impl Part {
    /// The area the part acts in, if it has one.
    pub fn area(&self) -> Option<&str> {
        match self {
            Self::Action(a) | Self::DroppedAction(a) => a.kind.area(),
            Self::Effort(e) | Self::DroppedEffort(e) => Some(&e.area),
            Self::StartingPoint | Self::Letting(_) | Self::Group { .. } => None,
        }
    }

    /// The first year the part acts, in a plan that starts in `start`: before it, plan and
    /// baseline agree.
    pub fn first_year(&self, start: u16) -> u16 {
        match self {
            Self::Action(a) | Self::DroppedAction(a) => a.year,
            Self::Effort(e) | Self::DroppedEffort(e) => e.from_year,
            Self::StartingPoint | Self::Letting(_) => start,
            Self::Group { year, .. } => *year,
        }
    }

    /// A stable key for the part, for the JSON of `explain`.
    pub fn kind_key(&self) -> &'static str {
        match self {
            Self::StartingPoint => "starting_point",
            Self::Action(_) => "action",
            Self::DroppedAction(_) => "dropped_action",
            Self::Effort(_) => "effort",
            Self::DroppedEffort(_) => "dropped_effort",
            Self::Letting(_) => "letting",
            Self::Group { .. } => "group",
        }
    }

    /// The group a part joins when a large plan is attributed in groups: its kind and first
    /// year; `None` for the parts that stay alone (the 2016 figures, the letting rules).
    fn group_key(&self) -> Option<(&'static str, u16)> {
        let kind = match self {
            Self::Action(a) => match a.kind.area() {
                Some(_) => a.kind.key(),
                None => "institutions",
            },
            Self::DroppedAction(_) => "dropped_actions",
            Self::Effort(_) => "efforts",
            Self::DroppedEffort(_) => "dropped_efforts",
            Self::StartingPoint | Self::Letting(_) | Self::Group { .. } => return None,
        };
        Some((kind, self.first_year(0)))
    }
}

/// At most this much work is attributed part by part: about a second on one core. A part's
/// work is one projection from the year it first acts: an area-year for each area and year it
/// runs, and [`ITEM_WORK`] for each action, effort and letting rule the plan holds (each
/// projection copies and schedules them all). The Visionsplan's 30 parts need some 10,000; a
/// 1,000-area plan with 2,500 actions, or 20 areas with 2,000 actions, 2,000 efforts and 1,000
/// letting rules (5,000 parts of about 5,500 each), would need tens of millions and are
/// attributed in groups.
pub const SEPARATE_WORK: usize = 2_400_000;

/// The work one action, effort or letting rule adds to a projection, in area-years.
const ITEM_WORK: usize = 1;

/// `parts` as attributed for a plan of `areas` areas, within [`SEPARATE_WORK`] whatever the
/// area count: as they are; else gathered into groups of one kind and first year; else, when
/// even those would be too much work (a plan at every limit), into groups of one kind from
/// the first year any of them acts. A group of one stays the part itself; groups come in the
/// order each first appears.
fn grouped(parts: Vec<Part>, areas: usize, span: Span) -> Vec<Part> {
    fn items(part: &Part) -> usize {
        match part {
            Part::Letting(letting) => letting.flexible.len() + 1,
            Part::Group { members, .. } => members.iter().map(items).sum(),
            _ => 1,
        }
    }
    let size = parts.iter().map(items).sum::<usize>().saturating_mul(ITEM_WORK);
    let work = |parts: &[Part]| -> usize {
        parts
            .iter()
            .map(|p| {
                (usize::from(span.last.saturating_sub(p.first_year(span.first))) + 1).saturating_mul(areas.max(1))
                    + size
            })
            .fold(0, usize::saturating_add)
    };
    if work(&parts) <= SEPARATE_WORK {
        return parts;
    }
    let by_year = gather(parts.clone(), true);
    if work(&by_year) <= SEPARATE_WORK {
        return by_year;
    }
    gather(parts, false)
}

/// Parts gathered into groups of one kind (and, `by_year`, one first year; else from the
/// earliest year of any member); a group of one stays the part itself.
fn gather(parts: Vec<Part>, by_year: bool) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    for part in parts {
        let Some((kind, year)) = part.group_key() else {
            out.push(part);
            continue;
        };
        let existing = out.iter_mut().find_map(|p| match p {
            Part::Group { kind: k, year: y, members } if *k == kind && (!by_year || *y == year) => Some((y, members)),
            _ => None,
        });
        match existing {
            Some((y, members)) => {
                *y = (*y).min(year);
                members.push(part);
            }
            None => out.push(Part::Group { kind, year, members: vec![part] }),
        }
    }
    out.into_iter()
        .map(|p| match p {
            Part::Group { mut members, .. } if members.len() == 1 => members.remove(0),
            p => p,
        })
        .collect()
}

/// What the plan loses without one part, per projected year.
#[derive(Clone, Debug, PartialEq)]
pub struct PartEffect {
    pub part: Part,
    /// The plan's score less the score of the plan without the part, per year (points).
    pub score: Vec<f64>,
    /// The score of the plan without the part, per year: the part's shown figure is the plan's
    /// shown score less this one shown, one rounding each.
    pub without: Vec<f64>,
    /// Change of each score component (in [`COMPONENTS`] order) weighted by its share of the
    /// score, per year, so that they add up to `score`.
    pub components: Vec<[f64; COMPONENT_COUNT]>,
    /// Change of the outside-work share of the part's own area, per year (share 0–1).
    pub area_outside_work: Vec<f64>,
}

/// The plan against its baseline, part by part.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub years: Vec<u16>,
    /// The baseline's score per year.
    pub baseline: Vec<ScoreYear>,
    /// The plan's score per year.
    pub plan: Vec<ScoreYear>,
    /// Each component's share of the score, in [`COMPONENTS`] order.
    pub weights: [f64; COMPONENT_COUNT],
    pub parts: Vec<PartEffect>,
    /// When the parts were attributed in groups (a large plan): how many parts there are.
    pub grouped: Option<usize>,
}

/// Tenths of a point: the precision every score figure is shown with.
pub type Tenths = i64;

/// A change of the score between two projections at one year, rounded once: every figure in
/// tenths of a point; `to − from == change` and the components sum to `change`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScoreChange {
    pub year: u16,
    pub from: Tenths,
    pub to: Tenths,
    pub change: Tenths,
    /// In [`COMPONENTS`] order, each weighted by its share of the score.
    pub components: [Tenths; COMPONENT_COUNT],
}

impl ScoreChange {
    /// The change from `before` to `after` (the same year of two projections), with the
    /// components weighted by `weights` (each component's share of the score).
    pub fn between(before: &ScoreYear, after: &ScoreYear, weights: [f64; COMPONENT_COUNT]) -> Self {
        let (from, to) = (tenths(before.total), tenths(after.total));
        let change = to - from;
        let deltas: Vec<f64> = COMPONENTS
            .iter()
            .enumerate()
            .map(|(i, c)| weights[i] * (c.value(&after.components) - c.value(&before.components)))
            .collect();
        let c = apportion(&deltas, change);
        Self { year: after.year, from, to, change, components: std::array::from_fn(|i| c[i]) }
    }
}

/// The attribution at one year, rounded once: the score's change (see [`ScoreChange`]), and
/// the parts plus the interaction, which sum exactly to `change.change`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub change: ScoreChange,
    /// In the order of [`Attribution::parts`].
    pub parts: Vec<Tenths>,
    /// What the parts do together, beyond each on its own.
    pub interaction: Tenths,
}

/// A value in tenths, rounded half away from zero (as people round).
pub fn tenths(value: f64) -> Tenths {
    // A score is 0–100 and a change at most ±100, so the cast cannot overflow.
    #[allow(clippy::cast_possible_truncation)]
    let t = (value * 10.0).round() as Tenths;
    t
}

/// Splits `total` (in tenths) among `values` (in points) so that each share is its value
/// rounded down or up and the shares sum exactly to `total`: the largest remainders round up.
pub fn apportion(values: &[f64], total: Tenths) -> Vec<Tenths> {
    #[allow(clippy::cast_possible_truncation)]
    let mut shares: Vec<Tenths> = values.iter().map(|v| (v * 10.0).floor() as Tenths).collect();
    let mut order: Vec<usize> = (0..values.len()).collect();
    let fraction = |i: usize| values[i] * 10.0 - (values[i] * 10.0).floor();
    order.sort_by(|&a, &b| fraction(b).total_cmp(&fraction(a)).then(a.cmp(&b)));
    let mut missing = total - shares.iter().sum::<Tenths>();
    if order.is_empty() {
        return shares;
    }
    let n = order.len();
    let mut k = 0;
    while missing > 0 {
        shares[order[k % n]] += 1;
        missing -= 1;
        k += 1;
    }
    k = 0;
    while missing < 0 {
        shares[order[n - 1 - k % n]] -= 1;
        missing += 1;
        k += 1;
    }
    shares
}

impl Attribution {
    /// The position of a year in the series.
    pub fn year_index(&self, year: u16) -> Option<usize> {
        self.years.iter().position(|y| *y == year)
    }

    /// Plan − baseline at a year index (points).
    pub fn total(&self, y: usize) -> f64 {
        self.plan[y].total - self.baseline[y].total
    }

    /// What the parts do together at a year index: the total less each part's own effect.
    pub fn interaction(&self, y: usize) -> f64 {
        self.total(y) - self.parts.iter().map(|p| p.score[y]).sum::<f64>()
    }

    /// The figures at a year, rounded once (see [`Shown`]): each part's figure is the plan's
    /// shown score less the shown score of the plan without it, exactly the change the room
    /// sees when the part is added last; the interaction is what is left of the shown change.
    pub fn shown(&self, year: u16) -> Option<Shown> {
        let y = self.year_index(year)?;
        let change = ScoreChange::between(&self.baseline[y], &self.plan[y], self.weights);
        let parts: Vec<Tenths> = self.parts.iter().map(|part| change.to - tenths(part.without[y])).collect();
        let interaction = change.change - parts.iter().sum::<Tenths>();
        Some(Shown { change, parts, interaction })
    }

    /// For a part whose effect rounds to nothing at `year`: the first year its shown effect is
    /// not zero, and its shown effect at the horizon. `None` when it shows at `year` already.
    pub fn when_it_shows(&self, part: usize, year: u16) -> Option<(Option<u16>, Tenths)> {
        let shown_at = |y: u16| self.shown(y).and_then(|s| s.parts.get(part).copied()).unwrap_or(0);
        if shown_at(year) != 0 {
            return None;
        }
        let first = self.years.iter().copied().find(|&y| shown_at(y) != 0);
        Some((first, shown_at(self.years.last().copied().unwrap_or_default())))
    }

    /// The index of a part in [`Attribution::parts`].
    pub fn part_index(&self, part: &Part) -> Option<usize> {
        self.parts.iter().position(|p| &p.part == part)
    }

    /// The part that is the plan's action with this number, if the action is one of the parts
    /// (an action the baseline has too is not).
    pub fn action_part(&self, id: crate::model::ActionId) -> Option<usize> {
        self.parts.iter().position(|p| matches!(&p.part, Part::Action(a) if a.id == id))
    }
}

/// The parts of `plan` that differ from `baseline`, in reading order.
pub fn parts(plan: &Plan, baseline: &Plan) -> Vec<Part> {
    let mut parts = Vec::new();
    if plan.municipality != baseline.municipality {
        parts.push(Part::StartingPoint);
    }
    parts.extend(baseline.actions.iter().filter(|a| !plan.actions.contains(a)).cloned().map(Part::DroppedAction));
    let mut added: Vec<&Action> = plan.actions.iter().filter(|a| !baseline.actions.contains(a)).collect();
    added.sort_by_key(|a| a.year);
    parts.extend(added.into_iter().cloned().map(Part::Action));
    parts.extend(baseline.efforts.iter().filter(|e| !plan.efforts.contains(e)).cloned().map(Part::DroppedEffort));
    parts.extend(plan.efforts.iter().filter(|e| !baseline.efforts.contains(e)).cloned().map(Part::Effort));
    if plan.letting != baseline.letting {
        parts.push(Part::Letting(plan.letting.clone()));
    }
    parts
}

/// Takes a part out of a copy of the plan (a dropped one is put back; a group takes out its
/// members), taking the 2016 figures and the letting rules from `baseline`.
fn remove_part(plan: &mut Plan, part: &Part, baseline: &Plan) {
    match part {
        Part::StartingPoint => plan.municipality.clone_from(&baseline.municipality),
        Part::Action(a) => {
            if let Some(at) = plan.actions.iter().position(|x| x == a) {
                plan.actions.remove(at);
            }
        }
        Part::DroppedAction(a) => plan.actions.push(a.clone()),
        Part::Effort(e) => {
            if let Some(at) = plan.efforts.iter().position(|x| x == e) {
                plan.efforts.remove(at);
            }
        }
        Part::DroppedEffort(e) => plan.efforts.push(e.clone()),
        Part::Letting(_) => plan.letting.clone_from(&baseline.letting),
        Part::Group { members, .. } => members.iter().for_each(|m| remove_part(plan, m, baseline)),
    }
}

/// Splits plan − baseline into its parts: each part's effect is what the plan loses without it.
/// Both are projected with the plan's inputs (the baseline aligned to the plan by the caller).
/// `cancelled` is asked between parts: a newer edit stops a running attribution, which then
/// returns `None`.
pub fn attribute(plan: &Plan, baseline: &Plan, inputs: Inputs, cancelled: &dyn Fn() -> bool) -> Option<Attribution> {
    let base_trace = sim::trace(baseline, inputs, false).0;
    let (plan_trace, checkpoints) = sim::trace(plan, inputs, true);
    let mut effects = Vec::new();
    let separate = parts(plan, baseline);
    let count = separate.len();
    let attributed = grouped(separate, plan.municipality.areas.len(), plan.span());
    let grouped = (attributed.len() < count).then_some(count);
    for part in attributed {
        if cancelled() {
            return None;
        }
        let mut without = plan.clone();
        remove_part(&mut without, &part, baseline);
        let trace = if matches!(part, Part::StartingPoint) {
            sim::trace(&without, inputs, false).0
        } else {
            sim::trace_from(&checkpoints, &plan_trace, part.first_year(plan.start_year), &without, inputs)
        };
        let area = part.area().and_then(|id| plan.municipality.areas.iter().position(|a| a.id == id));
        effects.push(effect(part, &trace, &plan_trace, area, inputs));
    }
    let weights = COMPONENTS.map(|c| c.weight_share(inputs.params));
    Some(Attribution {
        years: base_trace.years.clone(),
        baseline: base_trace.score,
        plan: plan_trace.score,
        weights,
        parts: effects,
        grouped,
    })
}

fn effect(part: Part, before: &Trace, after: &Trace, area: Option<usize>, inputs: Inputs) -> PartEffect {
    let score = after.score.iter().zip(&before.score).map(|(a, b)| a.total - b.total).collect();
    let components = after
        .score
        .iter()
        .zip(&before.score)
        .map(|(a, b)| {
            COMPONENTS.map(|c| c.weight_share(inputs.params) * (c.value(&a.components) - c.value(&b.components)))
        })
        .collect();
    // A plan may hold areas the baseline lacks (the index is the plan's): no panic, no share.
    let pair = area.and_then(|i| Some((after.outside_work.get(i)?, before.outside_work.get(i)?)));
    let area_outside_work = match pair {
        Some((after_area, before_area)) => after_area.iter().zip(before_area).map(|(a, b)| a - b).collect(),
        None => vec![0.0; after.years.len()],
    };
    let without = before.score.iter().map(|s| s.total).collect();
    PartEffect { part, score, without, components, area_outside_work }
}
