//! The balance score (0–100, higher is more balanced): a weighted mean of four named
//! components, each 0–100, so every change of the score splits into component changes.

use super::output::{ScoreComponents, ScoreYear};
use super::state::{Simulation, ratio};
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
    let (total_a, total_b) = pairs.clone().fold((0.0, 0.0), |(sa, sb), (a, b)| (sa + a, sb + b));
    if total_a <= 0.0 || total_b <= 0.0 {
        return 0.0;
    }
    let sum: f64 = pairs.map(|(a, b)| (a / total_a - b / total_b).abs()).sum();
    (0.5 * sum).clamp(0.0, 1.0)
}

pub(super) fn score(sim: &Simulation, year: u16) -> ScoreYear {
    let p = &sim.params.score;
    let estates: Vec<_> = sim.areas.iter().filter(|a| a.kind == AreaKind::Estate).collect();
    let list = mean_or_full(estates.iter().map(|a| {
        if a.status.judged {
            (50.0 + 50.0 * a.status.list_margin / p.list_full_margin.max(1e-9)).clamp(0.0, 100.0)
        } else {
            100.0
        }
    }));
    let segregation = 100.0
        * (1.0
            - dissimilarity(sim.areas.iter().map(|a| {
                let r = &a.residents;
                (r.outside_work, r.employed + r.in_education)
            })));
    let cap = p.almen_family_cap;
    let cap_score = mean_or_full(estates.iter().map(|a| {
        let (share, _) = super::status::almen_family_share_168a(a);
        if share <= cap { 100.0 } else { (100.0 * (1.0 - (share - cap) / (1.0 - cap).max(1e-9))).clamp(0.0, 100.0) }
    }));
    let n_districts = sim.plan.municipality.districts.len();
    let mut almen = vec![(0.0, 0.0); n_districts];
    for a in &sim.areas {
        if let Some(d) = a.district {
            let almen_homes = a.homes.almen();
            almen[d].0 += almen_homes;
            almen[d].1 += a.homes.total() - almen_homes;
        }
    }
    let spread = 100.0 * (1.0 - dissimilarity(almen.iter().copied()));
    let tenure_mix = (1.0 - p.tenure_spread_weight) * cap_score + p.tenure_spread_weight * spread;
    let mix = &sim.school_mix;
    let schools = sim
        .institutions
        .iter()
        .enumerate()
        .filter(|(_, i)| i.active && i.kind == InstitutionKind::School)
        .map(|(i, _)| (mix.disadvantaged[i], mix.pupils[i] - mix.disadvantaged[i]));
    let school_mix = 100.0 * (1.0 - dissimilarity(schools));
    let components = ScoreComponents { list, segregation, tenure_mix, school_mix };
    let total = super::COMPONENTS.iter().map(|c| c.weight_share(sim.params) * c.value(&components)).sum::<f64>();
    ScoreYear { year, total: total.clamp(0.0, 100.0), components }
}

fn mean_or_full(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 100.0 } else { ratio(sum, n as f64) }
}
