//! Why the score moved: the difference between a plan and its baseline split into the plan's
//! parts (each action, effort, letting policy and change of the 2016 figures), so that the parts
//! add up exactly to the whole. Each part is added to the baseline in turn, in the order a
//! reader would follow (starting point, removed baseline actions, the plan's actions by year,
//! efforts, letting), and credited with the change it makes on top of the parts before it.
//! No egui here: the app runs it on a worker thread and words it in the user's language.

use crate::model::{Action, Effort, Letting, Params, Plan, RuleSet};
use crate::sim::{self, COMPONENTS, Projection};

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
}

impl Part {
    /// The area the part acts in, if it has one.
    pub fn area(&self) -> Option<&str> {
        match self {
            Self::Action(a) | Self::DroppedAction(a) => a.kind.area(),
            Self::Effort(e) | Self::DroppedEffort(e) => Some(&e.area),
            Self::StartingPoint | Self::Letting(_) => None,
        }
    }
}

/// What one part did, per projected year.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    pub part: Part,
    /// Change of the balance score, per year (points).
    pub score: Vec<f64>,
    /// Change of each score component (in [`COMPONENTS`] order) weighted by its share of the
    /// score, per year, so that the four add up to `score`.
    pub components: Vec<[f64; 4]>,
    /// Change of the outside-work share of the part's own area, per year (share points 0–1).
    pub area_outside_work: Vec<f64>,
}

/// The plan against its baseline, part by part.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub years: Vec<u16>,
    pub contributions: Vec<Contribution>,
}

impl Attribution {
    /// The position of a year in the series.
    pub fn year_index(&self, year: u16) -> Option<usize> {
        self.years.iter().position(|y| *y == year)
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

fn apply(plan: &mut Plan, part: &Part, target: &Plan) {
    match part {
        Part::StartingPoint => plan.municipality = target.municipality.clone(),
        Part::Action(a) => plan.actions.push(a.clone()),
        Part::DroppedAction(a) => {
            if let Some(i) = plan.actions.iter().position(|x| x == a) {
                plan.actions.remove(i);
            }
        }
        Part::Effort(e) => plan.efforts.push(e.clone()),
        Part::DroppedEffort(e) => {
            if let Some(i) = plan.efforts.iter().position(|x| x == e) {
                plan.efforts.remove(i);
            }
        }
        Part::Letting(l) => plan.letting = l.clone(),
    }
}

/// Splits plan − baseline into its parts. Both are projected with the plan's assumptions and
/// rule set, so the contributions sum to the difference of the two projections.
pub fn attribute(plan: &Plan, baseline: &Plan, params: &Params, rules: &RuleSet) -> Attribution {
    let mut current = baseline.clone();
    current.assumptions.clone_from(&plan.assumptions);
    current.rule_set = plan.rule_set;
    let mut before = sim::project(&current, params, rules);
    let mut contributions = Vec::new();
    for part in parts(plan, baseline) {
        apply(&mut current, &part, plan);
        let after = sim::project(&current, params, rules);
        contributions.push(contribution(part, &before, &after, params));
        before = after;
    }
    Attribution { years: before.years.clone(), contributions }
}

fn contribution(part: Part, before: &Projection, after: &Projection, params: &Params) -> Contribution {
    let score = after.score.iter().zip(&before.score).map(|(a, b)| a.total - b.total).collect();
    let components = after
        .score
        .iter()
        .zip(&before.score)
        .map(|(a, b)| COMPONENTS.map(|c| c.weight_share(params) * (c.value(&a.components) - c.value(&b.components))))
        .collect();
    let area_outside_work =
        match (part.area().and_then(|id| after.area(id)), part.area().and_then(|id| before.area(id))) {
            (Some(a), Some(b)) => a
                .years
                .iter()
                .zip(&b.years)
                .map(|(x, y)| x.indicators.outside_work_share - y.indicators.outside_work_share)
                .collect(),
            _ => vec![0.0; after.years.len()],
        };
    Contribution { part, score, components, area_outside_work }
}
