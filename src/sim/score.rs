//! The balance score (0–100, higher is more balanced): a weighted mean of four named
//! components, each 0–100, so every change of the score splits into component changes.

use super::cohort::{Cohort, ratio};
use super::output::{ScoreComponents, ScoreYear};
use super::state::Simulation;
use super::{parallel, schools, status};
use crate::model::{AreaKind, InstitutionKind, Params};

/// A component of the balance score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScoreComponent {
    /// The estates' distance from the list's thresholds.
    List,
    /// 100 × (1 − D) of outside-work adults against other adults across areas.
    Segregation,
    /// Estates' almene family share against the 40% cap, and the spread of almene homes.
    TenureMix,
    /// 100 × (1 − D) of disadvantaged pupils against other pupils across schools.
    SchoolMix,
}

/// The components in display order.
pub const COMPONENTS: [ScoreComponent; 4] =
    [ScoreComponent::List, ScoreComponent::Segregation, ScoreComponent::TenureMix, ScoreComponent::SchoolMix];

impl ScoreComponent {
    pub fn key(self) -> &'static str {
        match self {
            Self::List => "list",
            Self::Segregation => "segregation",
            Self::TenureMix => "tenure_mix",
            Self::SchoolMix => "school_mix",
        }
    }

    pub fn value(self, components: &ScoreComponents) -> f64 {
        match self {
            Self::List => components.list,
            Self::Segregation => components.segregation,
            Self::TenureMix => components.tenure_mix,
            Self::SchoolMix => components.school_mix,
        }
    }

    /// The component's weight as a share of all weights (the shares sum to 1).
    pub fn weight_share(self, params: &Params) -> f64 {
        let s = &params.score;
        let total = s.list + s.segregation + s.tenure_mix + s.school_mix;
        let own = match self {
            Self::List => s.list,
            Self::Segregation => s.segregation,
            Self::TenureMix => s.tenure_mix,
            Self::SchoolMix => s.school_mix,
        };
        if total > 0.0 { own / total } else { 0.25 }
    }
}

/// The dissimilarity index D = ½ Σ |aᵢ/A − bᵢ/B| of two groups over places, 0 (even) to 1.
pub fn dissimilarity(pairs: impl Iterator<Item = (f64, f64)> + Clone) -> f64 {
    dissimilarity_parts(pairs).iter().sum::<f64>().clamp(0.0, 1.0)
}

/// Each place's part of the dissimilarity index, ½ |aᵢ/A − bᵢ/B|; the parts sum to D.
pub fn dissimilarity_parts(pairs: impl Iterator<Item = (f64, f64)> + Clone) -> Vec<f64> {
    let (total_a, total_b) = pairs.clone().fold((0.0, 0.0), |(sa, sb), (a, b)| (sa + a, sb + b));
    if total_a <= 0.0 || total_b <= 0.0 {
        return pairs.map(|_| 0.0).collect();
    }
    pairs.map(|(a, b)| 0.5 * (a / total_a - b / total_b).abs()).collect()
}

/// The score in the simulation's current year, and each area's part of the segregation
/// component (points of 100 × D; they sum to 100 − the segregation component).
///
/// Every measure counts the residents displaced out of the municipality, and those still waiting
/// for a new home, in the area they came from: pushing disadvantaged residents out is no gain
/// for balance.
pub(super) fn score(sim: &Simulation) -> (ScoreYear, Vec<f64>) {
    let year = sim.world.year;
    let params = sim.engine.params;
    let p = &params.score;
    let areas = &sim.world.areas;
    let counted: Vec<Cohort> = parallel::map(areas.len(), |i| areas[i].counted());
    // The held values (convictions, origin) as this year's judging read them.
    let standings = &sim.world.standings;
    let judge = sim.engine.judge(year);
    let list_points = parallel::map(areas.len(), |i| {
        // Only estates with residents (a total that is not a number counts as none).
        let has_residents = counted[i].total() > 0.0;
        if areas[i].kind != AreaKind::Estate || !has_residents {
            return None;
        }
        let held = &standings[i].indicators;
        let indicators = status::indicators_of(&counted[i], held.convicted_share, held.non_western_share, params);
        let margin = judge.composition_margin(&indicators, year);
        Some((50.0 + 50.0 * margin / p.list_full_margin.max(1e-9)).clamp(0.0, 100.0))
    });
    let list = mean_or_full(list_points.into_iter().flatten());
    let segregation_parts = dissimilarity_parts(
        counted.iter().map(|c| (c.persons.outside_work, c.persons.employed + c.persons.in_education)),
    );
    let segregation = 100.0 * (1.0 - segregation_parts.iter().sum::<f64>().clamp(0.0, 1.0));
    let components =
        ScoreComponents { list, segregation, tenure_mix: tenure_mix(sim), school_mix: school_mix(sim, &counted) };
    let total = super::COMPONENTS.iter().map(|c| c.weight_share(params) * c.value(&components)).sum::<f64>();
    let parts = segregation_parts.iter().map(|d| 100.0 * d).collect();
    (ScoreYear { year, total: total.clamp(0.0, 100.0), components }, parts)
}

/// The estates' almene family shares against the law's cap, and how evenly almene homes are
/// spread over the districts.
fn tenure_mix(sim: &Simulation) -> f64 {
    let p = &sim.engine.params.score;
    let cap = sim.engine.cap.cap;
    let count_facilities = sim.schedule.plan.facilities_count_as_commercial;
    let estates = sim.world.areas.iter().filter(|a| a.kind == AreaKind::Estate);
    let cap_score = mean_or_full(estates.map(|a| {
        let share = status::share_168a(a, sim.engine.cap, count_facilities).share();
        if share <= cap { 100.0 } else { (100.0 * (1.0 - (share - cap) / (1.0 - cap).max(1e-9))).clamp(0.0, 100.0) }
    }));
    let mut almen = vec![(0.0, 0.0); sim.schedule.plan.municipality.districts.len()];
    for a in &sim.world.areas {
        if let Some(d) = a.district {
            let almen_homes = a.homes.almen();
            almen[d].0 += almen_homes;
            almen[d].1 += a.homes.total() - almen_homes;
        }
    }
    let spread = 100.0 * (1.0 - dissimilarity(almen.iter().copied()));
    (1.0 - p.tenure_spread_weight) * cap_score + p.tenure_spread_weight * spread
}

/// 100 × (1 − D) of disadvantaged pupils against other pupils across the active schools,
/// counting the children of residents displaced out of the municipality at their old schools.
fn school_mix(sim: &Simulation, counted: &[Cohort]) -> f64 {
    let mix = schools::pupils(sim, Some(counted));
    let schools = sim
        .world
        .institutions
        .iter()
        .enumerate()
        .filter(|(_, i)| i.active && i.kind == InstitutionKind::School)
        .map(|(i, _)| (mix.disadvantaged[i], mix.pupils[i] - mix.disadvantaged[i]));
    100.0 * (1.0 - dissimilarity(schools))
}

fn mean_or_full(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 100.0 } else { ratio(sum, n as f64) }
}
