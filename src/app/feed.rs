//! What the charts are given: plain series built from the projection and its baseline for the
//! current selection and year. Built once per change of plan, selection or year (not every
//! frame), drawn by `ui::charts`, and read by the tests to check what a participant would see.

use super::view::Selection;
use crate::model::{AreaKind, Group, Tenure};
use crate::sim::{COMPONENTS, Projection};

/// Residents per group over time, for the plan and its baseline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompositionFeed {
    /// The selection's name (area, district or municipality).
    pub name: String,
    pub years: Vec<f64>,
    /// Persons per group ([`Group::ALL`] order) per year.
    pub plan: [Vec<f64>; 5],
    pub baseline: [Vec<f64>; 5],
}

/// The balance score over time, plan against baseline, with the plan's components.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreFeed {
    pub years: Vec<f64>,
    pub plan: Vec<f64>,
    pub baseline: Vec<f64>,
    /// Each component ([`COMPONENTS`] order), 0–100, per year.
    pub components: [Vec<f64>; 4],
}

/// One area's homes by tenure at the chosen year.
#[derive(Clone, Debug, PartialEq)]
pub struct TenureBar {
    pub area: String,
    pub name: String,
    pub kind: AreaKind,
    /// Share of the area's homes per tenure ([`Tenure::ALL`] order), 0–1.
    pub shares: [f64; 6],
    pub homes: f64,
    /// Almene family homes as § 168 a counts them (the 40% line applies to this), 0–1.
    pub almen_family_share_168a: f64,
}

/// One school at the chosen year.
#[derive(Clone, Debug, PartialEq)]
pub struct SchoolBar {
    pub id: String,
    pub name: String,
    pub active: bool,
    pub pupils: f64,
    /// Share of pupils from households outside work, 0–1.
    pub disadvantaged_share: f64,
    pub baseline_share: f64,
}

/// Everything the charts show, and what it was built from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartFeed {
    pub revision: u64,
    pub selection: Selection,
    pub year: u16,
    pub composition: CompositionFeed,
    pub score: ScoreFeed,
    pub tenure: Vec<TenureBar>,
    pub schools: Vec<SchoolBar>,
}

impl ChartFeed {
    /// Whether the feed was built for this revision, selection and year.
    pub fn is_for(&self, revision: u64, selection: &Selection, year: u16) -> bool {
        self.revision == revision && &self.selection == selection && self.year == year
    }

    pub fn build(
        plan: &Projection,
        baseline: &Projection,
        revision: u64,
        selection: &Selection,
        year: u16,
        municipality_name: &str,
    ) -> Self {
        Self {
            revision,
            selection: selection.clone(),
            year,
            composition: composition(plan, baseline, selection, municipality_name),
            score: score(plan, baseline),
            tenure: tenure(plan, year),
            schools: schools(plan, baseline, year),
        }
    }
}

/// Residents per group ([`Group::ALL`] order) per year of the selection.
pub fn residents_by_group(p: &Projection, selection: &Selection) -> [Vec<f64>; 5] {
    let mut series: [Vec<f64>; 5] = Default::default();
    for (y, _) in p.years.iter().enumerate() {
        let total = match selection {
            Selection::Municipality => p.municipality[y].residents_by_group,
            Selection::District(d) => p
                .areas
                .iter()
                .filter(|a| &a.district == d)
                .fold(Default::default(), |sum: crate::model::PerGroup<f64>, a| sum.plus(&a.years[y].residents)),
            Selection::Area(id) => p.area(id).map(|a| a.years[y].residents).unwrap_or_default(),
        };
        for group in Group::ALL {
            series[group.index()].push(total[group]);
        }
    }
    series
}

fn composition(plan: &Projection, baseline: &Projection, selection: &Selection, municipality: &str) -> CompositionFeed {
    let name = match selection {
        Selection::Municipality => municipality.to_owned(),
        Selection::District(d) => {
            plan.districts.iter().find(|x| &x.id == d).map(|x| x.name.clone()).unwrap_or_default()
        }
        Selection::Area(a) => plan.area(a).map(|x| x.name.clone()).unwrap_or_default(),
    };
    CompositionFeed {
        name,
        years: plan.years.iter().map(|y| f64::from(*y)).collect(),
        plan: residents_by_group(plan, selection),
        baseline: residents_by_group(baseline, selection),
    }
}

fn score(plan: &Projection, baseline: &Projection) -> ScoreFeed {
    ScoreFeed {
        years: plan.years.iter().map(|y| f64::from(*y)).collect(),
        plan: plan.score.iter().map(|s| s.total).collect(),
        baseline: baseline.score.iter().map(|s| s.total).collect(),
        components: COMPONENTS.map(|c| plan.score.iter().map(|s| c.value(&s.components)).collect()),
    }
}

fn tenure(plan: &Projection, year: u16) -> Vec<TenureBar> {
    let Some(y) = plan.year_index(year) else { return Vec::new() };
    plan.areas
        .iter()
        .map(|a| {
            let at = &a.years[y];
            let homes = at.homes.total();
            TenureBar {
                area: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind,
                shares: Tenure::ALL.map(|t| if homes > 0.0 { at.homes[t] / homes } else { 0.0 }),
                homes,
                almen_family_share_168a: at.almen_family_share_168a,
            }
        })
        .collect()
}

fn schools(plan: &Projection, baseline: &Projection, year: u16) -> Vec<SchoolBar> {
    let (Some(y), Some(by)) = (plan.year_index(year), baseline.year_index(year)) else { return Vec::new() };
    plan.schools
        .iter()
        .map(|s| {
            let at = s.years[y];
            let base = baseline.schools.iter().find(|b| b.id == s.id).map_or(0.0, |b| b.years[by].disadvantaged_share);
            SchoolBar {
                id: s.id.clone(),
                name: s.name.clone(),
                active: at.active,
                pupils: at.pupils,
                disadvantaged_share: at.disadvantaged_share,
                baseline_share: base,
            }
        })
        .collect()
}
