//! What colours the map, shared by the app and the report: each area's value of the chosen
//! indicator at a year, and the colour it is drawn in. Plain numbers and RGB, no egui.

use crate::colours::{self, Rgb};
use crate::i18n::Tr;
use crate::model::AreaKind;
use crate::sim::{AreaYear, Projection};

/// What colours the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MapIndicator {
    /// 18–64-year-olds outside work and education.
    #[default]
    OutsideWork,
    /// Almene family homes as § 168 a counts them (the 40% line).
    AlmenFamilyShare,
    /// The estate's standing under the rule set.
    Status,
    /// How many points of the segregation index the area accounts for.
    BalanceContribution,
}

impl MapIndicator {
    pub const ALL: [Self; 4] = [Self::OutsideWork, Self::AlmenFamilyShare, Self::Status, Self::BalanceContribution];

    pub fn key(self) -> &'static str {
        match self {
            Self::OutsideWork => "outside_work",
            Self::AlmenFamilyShare => "almen_family_share",
            Self::Status => "status",
            Self::BalanceContribution => "balance_contribution",
        }
    }
}

/// Each area's value of the indicator at year index `y` (None where it does not apply).
pub fn values(p: &Projection, y: usize, indicator: MapIndicator) -> Vec<Option<f64>> {
    match indicator {
        MapIndicator::OutsideWork => p.areas.iter().map(|a| Some(a.years[y].indicators.outside_work_share)).collect(),
        MapIndicator::AlmenFamilyShare => p.areas.iter().map(|a| Some(a.years[y].almen_family_share_168a)).collect(),
        MapIndicator::Status => {
            p.areas.iter().map(|a| (a.kind == AreaKind::Estate).then_some(a.years[y].status.list_margin)).collect()
        }
        // The projection's own part of the segregation index per area, as the score counts it
        // (displaced residents in the area they came from).
        MapIndicator::BalanceContribution => p.areas.iter().map(|a| Some(a.years[y].segregation_points)).collect(),
    }
}

/// Grey, for areas the indicator does not apply to.
pub const NOT_APPLICABLE: Rgb = [225, 225, 225];

/// Where a value sits on the indicator's colour scale (0–1), and the scale's ends in words
/// are given by the legend: 0–40 % outside work, 0–100 % almene family homes, 0–10 points.
pub fn scale_position(indicator: MapIndicator, value: f64) -> f64 {
    match indicator {
        MapIndicator::OutsideWork => value / 0.4,
        MapIndicator::AlmenFamilyShare => value,
        MapIndicator::BalanceContribution => value / 10.0,
        MapIndicator::Status => 0.0,
    }
}

/// The colour an area is drawn in.
pub fn colour(indicator: MapIndicator, value: Option<f64>, at: &AreaYear) -> Rgb {
    match (indicator, value) {
        (_, None) => NOT_APPLICABLE,
        (MapIndicator::Status, Some(_)) => colours::category(at.status.category, at.status.listed),
        (indicator, Some(v)) => colours::sequential(scale_position(indicator, v)),
    }
}

/// The value as it stands under an area's name: short, as the legend says the rest.
pub fn value_text(tr: Tr<'_>, indicator: MapIndicator, value: Option<f64>, at: &AreaYear) -> String {
    let Some(v) = value else { return String::new() };
    match indicator {
        MapIndicator::OutsideWork => tr.pct(v, 1),
        MapIndicator::AlmenFamilyShare => tr.pct(v, 0),
        MapIndicator::BalanceContribution => format!("{} {}", tr.num(v, 1), tr.t("unit.points")),
        MapIndicator::Status => {
            let s = &at.status;
            match s.category {
                crate::model::Category::None | crate::model::Category::Forebyggelse if s.judged => {
                    tr.t(crate::words::status_short_key(s.category, s.listed, s.judged)).to_owned()
                }
                category if s.judged => tr.of("category", category.key()),
                _ => tr.t("status.short_not_judged").to_owned(),
            }
        }
    }
}
