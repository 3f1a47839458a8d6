//! What the charts are given: plain series built from the projection and its baseline for the
//! current selection and year. Built once per change of plan, selection or year (not every
//! frame), drawn by `ui::charts`, and read by the tests to check what a participant would see.

use super::view::Selection;
use crate::bands::Bands;
use crate::model::{AreaKind, Category, Comparison, Group, Indicator, ObservedYear, RuleSet, Tenure};
use crate::sim::{COMPONENTS, Projection, Share168a};

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
    pub components: [Vec<f64>; crate::sim::COMPONENT_COUNT],
    /// The 10th and 90th percentiles of the plan's score per year (empty until the bands are
    /// ready).
    pub low: Vec<f64>,
    pub high: Vec<f64>,
}

/// One projected criterion of an area over time, in percent, with the listing line.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionLine {
    pub indicator: Indicator,
    pub plan: Vec<f64>,
    pub baseline: Vec<f64>,
    /// The listing rule's threshold at the slider's year, in percent.
    pub threshold: Option<(Comparison, f64)>,
    /// The 10th and 90th percentiles of the criterion as the list judges it, across the bands'
    /// runs, in percent (empty until the bands are in).
    pub band_low: Vec<f64>,
    pub band_high: Vec<f64>,
}

/// A published figure to show beside the projection.
#[derive(Clone, Debug, PartialEq)]
pub struct OfficialPoint {
    pub year: u16,
    pub indicator: Indicator,
    /// In percent.
    pub value: f64,
}

/// The list criteria the model projects for one area (the selected one, or the first estate),
/// with the band of its outside-work share and what the published lists said.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CriteriaFeed {
    pub area: String,
    pub name: String,
    pub years: Vec<f64>,
    pub lines: Vec<CriterionLine>,
    pub official: Vec<OfficialPoint>,
    /// The published status per list year.
    pub official_status: Vec<(u16, Category)>,
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
    /// The count's parts, to check it by hand.
    pub parts: Share168a,
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
    pub criteria: CriteriaFeed,
    pub tenure: Vec<TenureBar>,
    pub schools: Vec<SchoolBar>,
    /// Whether the bands were in when the feed was built.
    pub with_bands: bool,
}

/// What the feed is built from besides the projections.
pub struct FeedSources<'a> {
    pub revision: u64,
    pub selection: &'a Selection,
    pub year: u16,
    pub municipality_name: &'a str,
    pub rules: &'a RuleSet,
    pub observed: &'a [ObservedYear],
    pub bands: Option<&'a Bands>,
}

impl ChartFeed {
    /// Whether the feed was built for this revision, selection and year, with the bands if
    /// they are in.
    pub fn is_for(&self, revision: u64, selection: &Selection, year: u16, with_bands: bool) -> bool {
        self.revision == revision && &self.selection == selection && self.year == year && self.with_bands == with_bands
    }

    pub fn build(plan: &Projection, baseline: &Projection, sources: &FeedSources<'_>) -> Self {
        let FeedSources { revision, selection, year, .. } = *sources;
        Self {
            revision,
            selection: selection.clone(),
            year,
            composition: composition(plan, baseline, selection, sources.municipality_name),
            score: score(plan, baseline, sources.bands),
            criteria: criteria(plan, baseline, sources),
            tenure: tenure(plan, year),
            schools: schools(plan, baseline, year),
            with_bands: sources.bands.is_some(),
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

fn score(plan: &Projection, baseline: &Projection, bands: Option<&Bands>) -> ScoreFeed {
    ScoreFeed {
        years: plan.years.iter().map(|y| f64::from(*y)).collect(),
        plan: plan.score.iter().map(|s| s.total).collect(),
        baseline: baseline.score.iter().map(|s| s.total).collect(),
        components: COMPONENTS.map(|c| plan.score.iter().map(|s| c.value(&s.components)).collect()),
        low: bands.map(|b| b.score_low.clone()).unwrap_or_default(),
        high: bands.map(|b| b.score_high.clone()).unwrap_or_default(),
    }
}

/// The criteria the model projects, in the order the list names them.
const PROJECTED: [Indicator; 4] =
    [Indicator::OutsideWork, Indicator::BasicSchooling, Indicator::Income, Indicator::Convicted];

fn criteria(plan: &Projection, baseline: &Projection, sources: &FeedSources<'_>) -> CriteriaFeed {
    let index = match sources.selection {
        Selection::Area(id) => plan.areas.iter().position(|a| &a.id == id),
        _ => None,
    }
    .or_else(|| plan.areas.iter().position(|a| a.kind == AreaKind::Estate));
    let Some(index) = index else { return CriteriaFeed::default() };
    let area = &plan.areas[index];
    let base = baseline.area(&area.id);
    let percent = |series: &crate::sim::AreaSeries, indicator: Indicator| -> Vec<f64> {
        series.years.iter().map(|y| 100.0 * y.indicators.value(indicator)).collect()
    };
    let listing = sources.rules.listing_rule();
    let estate_bands = sources.bands.and_then(|b| b.estates.iter().find(|e| e.area == index));
    let band = |indicator: Indicator, high: bool| -> Vec<f64> {
        estate_bands.map_or_else(Vec::new, |e| {
            e.criteria
                .iter()
                .map(|c| 100.0 * if high { c[indicator.index()].1 } else { c[indicator.index()].0 })
                .collect()
        })
    };
    let lines = PROJECTED
        .iter()
        .map(|&indicator| CriterionLine {
            indicator,
            plan: percent(area, indicator),
            baseline: base.map(|b| percent(b, indicator)).unwrap_or_default(),
            threshold: listing
                .and_then(|rule| rule.criteria.iter().find(|c| c.indicator == indicator))
                .filter(|_| area.kind == AreaKind::Estate)
                .map(|c| (c.comparison, 100.0 * c.threshold_in(sources.year))),
            band_low: band(indicator, false),
            band_high: band(indicator, true),
        })
        .collect();
    let observed: Vec<&ObservedYear> = sources.observed.iter().filter(|o| o.area == area.id).collect();
    CriteriaFeed {
        area: area.id.clone(),
        name: area.name.clone(),
        years: plan.years.iter().map(|y| f64::from(*y)).collect(),
        lines,
        official: observed
            .iter()
            .flat_map(|o| {
                PROJECTED.iter().filter_map(|&indicator| {
                    o.value(indicator).map(|v| OfficialPoint { year: o.year, indicator, value: 100.0 * v })
                })
            })
            .collect(),
        official_status: observed.iter().map(|o| (o.year, o.category)).collect(),
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
                parts: at.share_168a_parts,
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
