//! The balance score (0–100, higher is more balanced): a weighted mean of four named
//! components, each 0–100, so every change of the score splits into component changes.

use super::cohort::ratio;
use super::output::{Indicators, ScoreComponents, ScoreYear};
use super::state::{AreaState, Simulation};
use super::{schools, status};
use crate::model::{AlmenFamilyCap, AreaKind, InstitutionKind, Params};

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
    /// 100 less two points (`score.housing_need_points_per_percent`) for every per cent of
    /// 2016's almene family residents who need an affordable home and have none in the
    /// municipality: displaced residents waiting count half, those who left in full, and so do
    /// households the plan's lost homes, refusals or allocations left without a home.
    HousingNeed,
}

/// How many components the score has.
pub const COMPONENT_COUNT: usize = 5;

/// The components in display order.
pub const COMPONENTS: [ScoreComponent; COMPONENT_COUNT] = [
    ScoreComponent::List,
    ScoreComponent::Segregation,
    ScoreComponent::TenureMix,
    ScoreComponent::SchoolMix,
    ScoreComponent::HousingNeed,
];

impl ScoreComponent {
    pub fn key(self) -> &'static str {
        match self {
            Self::List => "list",
            Self::Segregation => "segregation",
            Self::TenureMix => "tenure_mix",
            Self::SchoolMix => "school_mix",
            Self::HousingNeed => "housing_need",
        }
    }

    pub fn value(self, components: &ScoreComponents) -> f64 {
        match self {
            Self::List => components.list,
            Self::Segregation => components.segregation,
            Self::TenureMix => components.tenure_mix,
            Self::SchoolMix => components.school_mix,
            Self::HousingNeed => components.housing_need,
        }
    }

    /// The component's weight as a share of all weights (the shares sum to 1).
    pub fn weight_share(self, params: &Params) -> f64 {
        let s = &params.score;
        let total = s.list + s.segregation + s.tenure_mix + s.school_mix + s.housing_need;
        let own = match self {
            Self::List => s.list,
            Self::Segregation => s.segregation,
            Self::TenureMix => s.tenure_mix,
            Self::SchoolMix => s.school_mix,
            Self::HousingNeed => s.housing_need,
        };
        if total > 0.0 { own / total } else { 1.0 / COMPONENT_COUNT as f64 }
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
    let (year, params, sums) = (sim.world.year, sim.engine.params, &sim.world.score_sums);
    let segregation_parts = dissimilarity_parts(sums.segregation.iter().copied());
    let segregation = 100.0 * (1.0 - segregation_parts.iter().sum::<f64>().clamp(0.0, 1.0));
    let components = ScoreComponents {
        list: sums.list.or_full(),
        segregation,
        tenure_mix: tenure_mix(sim, sums),
        school_mix: school_mix(sim, sums),
        housing_need: housing_need(sums.need_cost, sim.world.need.residents_2016, &params.score),
    };
    let total = super::COMPONENTS.iter().map(|c| c.weight_share(params) * c.value(&components)).sum::<f64>();
    let points = segregation_parts.iter().map(|d| 100.0 * d).collect();
    (ScoreYear { year, total: total.clamp(0.0, 100.0), components }, points)
}

/// A mean taken as values come, in order: 100 (full marks) without any.
#[derive(Clone, Copy, Debug, Default)]
struct Mean {
    sum: f64,
    count: usize,
}

impl Mean {
    fn with(self, value: Option<f64>) -> Self {
        value.map_or(self, |v| Self { sum: self.sum + v, count: self.count + 1 })
    }

    fn or_full(self) -> f64 {
        if self.count == 0 { 100.0 } else { ratio(self.sum, self.count as f64) }
    }
}

/// The areas' parts of the score, summed in plan order as the year's areas are judged (see
/// [`area_parts`]), so the score takes no pass of its own over the areas.
#[derive(Clone, Debug, Default)]
pub(super) struct ScoreSums {
    list: Mean,
    cap: Mean,
    /// Per area: adults outside work, and adults in work or education.
    segregation: Vec<(f64, f64)>,
    /// Per district: almene homes and other homes.
    almen: Vec<(f64, f64)>,
    /// Per district: almene homes it had in 2016 and has no longer.
    almen_lost: Vec<f64>,
    /// Almene homes gained since 2016, summed over the areas that gained.
    almen_gained: f64,
    pupils: schools::DistrictPupils,
    /// Persons in need without a home in the municipality, weighted (see
    /// [`ScoreComponent::HousingNeed`]).
    need_cost: f64,
}

impl ScoreSums {
    pub fn new(areas: usize, districts: usize) -> Self {
        Self {
            list: Mean::default(),
            cap: Mean::default(),
            segregation: Vec::with_capacity(areas),
            almen: vec![(0.0, 0.0); districts],
            almen_lost: vec![0.0; districts],
            almen_gained: 0.0,
            pupils: schools::DistrictPupils::new(districts),
            need_cost: 0.0,
        }
    }

    pub fn add(&mut self, area: &AreaParts) {
        self.list = self.list.with(area.list_point);
        self.cap = self.cap.with(area.cap_point);
        self.segregation.push(area.segregation);
        if let (Some(d), almen_homes, other_homes) = area.homes {
            self.almen[d].0 += almen_homes;
            self.almen[d].1 += other_homes;
            self.almen_lost[d] += (area.almen_2016 - almen_homes).max(0.0);
        }
        self.almen_gained += (area.homes.1 - area.almen_2016).max(0.0);
        self.pupils.add(area.pupils);
        self.need_cost += area.need_cost;
    }
}

/// What one area adds to the score, from who it counts (its residents, and those displaced from
/// it who wait or left) and its homes.
#[derive(Clone, Copy)]
pub(super) struct AreaParts {
    /// An estate's point for its distance from the list (estates with residents only).
    list_point: Option<f64>,
    /// Adults outside work, and adults in work or education.
    segregation: (f64, f64),
    /// An estate's point for its almene family share against the cap (estates only).
    cap_point: Option<f64>,
    /// The district, and its almene and other homes.
    homes: (Option<usize>, f64, f64),
    /// Almene homes in 2016.
    almen_2016: f64,
    pupils: schools::AreaPupils,
    /// Persons in need from here without a home in the municipality, weighted.
    need_cost: f64,
}

/// What the score's part of an area reads besides the area: the year's rules and assumptions.
pub(super) struct PartsContext<'a> {
    pub year: u16,
    pub params: &'a Params,
    pub cap: &'a AlmenFamilyCap,
    pub facilities_count_as_commercial: bool,
    /// The rule set that judges the year.
    pub judge: &'a status::Judge<'a>,
}

/// What an area adds to the score; `held` are the held indicators (convictions, origin) as this
/// year's judging read them.
pub(super) fn area_parts(area: &AreaState, held: &Indicators, ctx: &PartsContext) -> AreaParts {
    let params = ctx.params;
    let counted = area.counted();
    let is_estate = area.kind == AreaKind::Estate;
    // Only estates with residents (a total that is not a number counts as none).
    let list_point = (is_estate && counted.total() > 0.0).then(|| {
        let indicators = status::indicators_of(&counted, held.convicted_share, held.non_western_share, params);
        let margin = ctx.judge.composition_margin(&indicators, ctx.year);
        (50.0 + 50.0 * margin / params.score.list_full_margin.max(1e-9)).clamp(0.0, 100.0)
    });
    let cap = ctx.cap.cap;
    let cap_point = is_estate.then(|| {
        let share = status::share_168a(area, ctx.cap, ctx.facilities_count_as_commercial).share();
        if share <= cap { 100.0 } else { (100.0 * (1.0 - (share - cap) / (1.0 - cap).max(1e-9))).clamp(0.0, 100.0) }
    });
    let almen_homes = area.homes.almen();
    AreaParts {
        list_point,
        segregation: (counted.persons.outside_work, counted.persons.employed + counted.persons.in_education),
        cap_point,
        homes: (area.district, almen_homes, area.homes.total() - almen_homes),
        almen_2016: area.almen_homes_2016,
        pupils: schools::area_pupils(area.district, &counted, params.flows.pupils_per_child),
        need_cost: area.excluded.total() + area.left.total() + 0.5 * area.waiting.total(),
    }
}

/// The estates' almene family shares against the law's cap, and how evenly almene homes are
/// spread over the districts. Almene homes removed and not replaced anywhere in the
/// municipality still count where they stood (as § 168 a counts demolished homes): spreading
/// almene homes means building them where there are few, not removing them where there are many.
fn tenure_mix(sim: &Simulation, sums: &ScoreSums) -> f64 {
    let p = &sim.engine.params.score;
    let cap_score = sums.cap.or_full();
    let lost: f64 = sums.almen_lost.iter().sum();
    let unreplaced = ratio((lost - sums.almen_gained).max(0.0), lost);
    let counted = sums.almen.iter().zip(&sums.almen_lost).map(|(&(almen, other), l)| (almen + l * unreplaced, other));
    let spread = 100.0 * (1.0 - dissimilarity(counted));
    (1.0 - p.tenure_spread_weight) * cap_score + p.tenure_spread_weight * spread
}

/// 100 less `housing_need_points_per_percent` for every per cent of the municipality's 2016
/// almene family residents who need an affordable home and have none in the municipality.
fn housing_need(cost: f64, residents_2016: f64, s: &crate::model::ScoreWeights) -> f64 {
    (100.0 - s.housing_need_points_per_percent * 100.0 * ratio(cost, residents_2016)).clamp(0.0, 100.0)
}

/// 100 × (1 − D) of disadvantaged pupils against other pupils across the active schools,
/// counting the children of residents displaced out of the municipality at their old schools.
fn school_mix(sim: &Simulation, sums: &ScoreSums) -> f64 {
    let mix = schools::pupils(sim, &sim.world.school_mix.serving, &sums.pupils);
    let schools = sim
        .world
        .institutions
        .iter()
        .enumerate()
        .filter(|(_, i)| i.active && i.kind == InstitutionKind::School)
        .map(|(i, _)| (mix.disadvantaged[i], mix.pupils[i] - mix.disadvantaged[i]));
    100.0 * (1.0 - dissimilarity(schools))
}
