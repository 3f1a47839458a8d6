//! The data that ships inside the binary: the 2016 baseline, the profile catalogue, the
//! assumptions, the rule sets, the shipped plans and the icon. Everything is compiled in, so the
//! app never reads or fetches anything it needs at run time.

use crate::io::{self, ParseError};
use crate::model::{
    AlmenFamilyCap, History, Municipality, ObservedYear, ParamTable, Plan, Profile, RuleBook, RuleSet, RuleSetId,
};
use serde::Deserialize;

const BASELINE: &str = include_str!("../assets/baseline-htk-2016.ron");
const PROFILES: &str = include_str!("../assets/profiles.ron");
const ASSUMPTIONS: &str = include_str!("../assets/assumptions.ron");
const RULES: &str = include_str!("../assets/rules.ron");
const OBSERVED: &str = include_str!("../assets/observed.ron");
const HISTORY: &str = include_str!("../assets/history.ron");

/// The app's icon, 256 px (the window and task bar; the .exe's own icon is
/// `assets/icon/by-i-balance.ico`, drawn by `assets/icon/draw-icon.py`).
pub const ICON_PNG: &[u8] = include_bytes!("../assets/icon/by-i-balance.png");

/// A plan that ships in `saves/`, compiled in so it opens from anywhere.
pub struct ShippedPlan {
    pub file_name: &'static str,
    pub text: &'static str,
}

/// The plans in `saves/` that ship with the product.
pub const SHIPPED_PLANS: [ShippedPlan; 3] = [
    ShippedPlan { file_name: "visionsplan-2016.ron", text: include_str!("../saves/visionsplan-2016.ron") },
    ShippedPlan { file_name: "basisforloeb-2016.ron", text: include_str!("../saves/basisforloeb-2016.ron") },
    ShippedPlan {
        file_name: "det-der-skete-2016-2025.ron",
        text: include_str!("../saves/det-der-skete-2016-2025.ron"),
    },
];

/// A shipped data file that does not parse: a bug in the build, reported with where.
#[derive(Debug, thiserror::Error)]
#[error("the shipped file {file} is broken: {error}")]
pub struct AssetError {
    pub file: &'static str,
    pub error: ParseError,
}

fn parse<T: for<'de> Deserialize<'de>>(file: &'static str, text: &str) -> Result<T, AssetError> {
    io::parse_ron(text).map_err(|error| AssetError { file, error })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileCatalogue {
    profiles: Vec<Profile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSets {
    almen_family_cap: AlmenFamilyCap,
    rule_sets: Vec<RuleSet>,
}

/// The municipality on 1 January 2016, with the profile catalogue.
pub fn baseline_municipality() -> Result<Municipality, AssetError> {
    let mut municipality: Municipality = parse("assets/baseline-htk-2016.ron", BASELINE)?;
    municipality.profiles = profile_catalogue()?;
    Ok(municipality)
}

/// The catalogue of district profiles.
pub fn profile_catalogue() -> Result<Vec<Profile>, AssetError> {
    Ok(parse::<ProfileCatalogue>("assets/profiles.ron", PROFILES)?.profiles)
}

/// The shipped table of assumptions.
pub fn param_table() -> Result<ParamTable, AssetError> {
    parse("assets/assumptions.ron", ASSUMPTIONS)
}

/// All four rule sets.
pub fn rule_sets() -> Result<Vec<RuleSet>, AssetError> {
    Ok(parse::<RuleSets>("assets/rules.ron", RULES)?.rule_sets)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Observed {
    observed: Vec<ObservedYear>,
}

/// What the published lists said about the shipped estates (shown beside the projection).
pub fn observed() -> Result<Vec<ObservedYear>, AssetError> {
    Ok(parse::<Observed>("assets/observed.ron", OBSERVED)?.observed)
}

/// What happened, as published: the economy's path and the national letting rules.
pub fn history() -> Result<History, AssetError> {
    parse("assets/history.ron", HISTORY)
}

/// The law's 40 % rule (§ 168 a), which holds whatever rule set judges the list.
pub fn almen_family_cap() -> Result<AlmenFamilyCap, AssetError> {
    Ok(parse::<RuleSets>("assets/rules.ron", RULES)?.almen_family_cap)
}

/// One rule set by id.
pub fn rule_set(id: RuleSetId) -> Result<RuleSet, AssetError> {
    rule_sets()?.into_iter().find(|r| r.id == id).ok_or(AssetError {
        file: "assets/rules.ron",
        error: ParseError { line: 0, column: 0, message: format!("the rule set {} is missing", id.key()) },
    })
}

/// A shipped plan by file name, e.g. `visionsplan-2016.ron`.
pub fn shipped_plan(file_name: &str) -> Result<Plan, AssetError> {
    let shipped = SHIPPED_PLANS.iter().find(|p| p.file_name == file_name).ok_or(AssetError {
        file: "saves/",
        error: ParseError { line: 0, column: 0, message: format!("no shipped plan is called {file_name}") },
    })?;
    io::parse_plan(shipped.text).map_err(|error| AssetError { file: shipped.file_name, error })
}

/// Everything the engine needs besides a plan, loaded once.
pub struct Library {
    pub table: ParamTable,
    /// The published rule sets, in [`RuleSetId::PUBLISHED`] order.
    pub rule_sets: [RuleSet; 4],
    pub cap: AlmenFamilyCap,
    /// What the published lists said, by area and year.
    pub observed: Vec<ObservedYear>,
    /// What happened that every projection reads for the years it covers.
    pub history: History,
}

impl Library {
    /// Loads the shipped table and rule sets; every rule-set id must have its rules.
    pub fn load() -> Result<Self, AssetError> {
        let [a, b, c, d] = RuleSetId::PUBLISHED.map(rule_set);
        let rule_sets = [a?, b?, c?, d?];
        Ok(Self {
            table: param_table()?,
            rule_sets,
            cap: almen_family_cap()?,
            observed: observed()?,
            history: history()?,
        })
    }

    /// The rule sets a plan's choice judges with.
    pub fn rule_book(&self, id: RuleSetId) -> RuleBook<'_> {
        RuleBook { id, published: &self.rule_sets }
    }

    /// The rule set that judges `year` under a plan's choice.
    pub fn rule_set(&self, id: RuleSetId, year: u16) -> &RuleSet {
        self.rule_book(id).in_year(year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_icon_is_a_square_picture_with_see_through_corners() {
        let icon = eframe::icon_data::from_png_bytes(ICON_PNG).expect("the icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        let alpha = |x: u32, y: u32| icon.rgba[((y * icon.width + x) * 4 + 3) as usize];
        assert_eq!(alpha(0, 0), 0, "rounded corners let the desktop show through");
        assert_eq!(alpha(128, 128), 255, "the middle is opaque");
    }
}
