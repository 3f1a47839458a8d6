//! Every number the model uses that is not a fact about a place: rates, mixes, effect sizes,
//! weights. The table ships in `assets/assumptions.ron`, each entry with its unit, its bounds and
//! its source (or the word "assumption"); a plan may override any entry by key.

use super::groups::{Group, PerGroup, PerTenure, Tenure};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One parameter as shipped: value, unit, bounds and source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParamDef {
    /// Stable key, e.g. `move_out_rate.almen_family`.
    pub key: String,
    pub value: f64,
    /// Unit in words, e.g. "per year" or "share 0–1".
    pub unit: String,
    pub min: f64,
    pub max: f64,
    /// Where the value comes from, or "assumption".
    pub source: String,
}

/// The shipped table of parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParamTable {
    pub params: Vec<ParamDef>,
}

impl ParamTable {
    pub fn get(&self, key: &str) -> Option<&ParamDef> {
        self.params.iter().find(|p| p.key == key)
    }
}

/// Attractiveness weights (on the −1..1 attractiveness scale).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttractivenessWeights {
    pub culture_house: f64,
    pub campus: f64,
    pub school_profile: f64,
    pub commercial_per_1000_m2: f64,
    pub commercial_cap: f64,
    pub stigma_listed: f64,
    pub opening_per_share: f64,
    pub opening_cap: f64,
    pub tenure_mix_per_point: f64,
    pub school_mix_per_point: f64,
    pub profile_sharing_exponent: f64,
}

/// Balance-score weights and scales.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreWeights {
    pub list: f64,
    pub segregation: f64,
    pub tenure_mix: f64,
    pub school_mix: f64,
    /// A margin of this size (share of the threshold) gives 100 points on the list component.
    pub list_full_margin: f64,
    /// Within the tenure component, the weight of the spread of almene homes over districts
    /// (the rest is the estates' almene family share against the 40% cap).
    pub tenure_spread_weight: f64,
    pub almen_family_cap: f64,
}

/// The resolved parameters the engine reads: the table with the plan's overrides applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    pub move_out_rate: PerTenure<f64>,
    pub persons_per_home: PerTenure<f64>,
    pub intake: PerTenure<PerGroup<f64>>,
    pub flexible_intake: PerGroup<f64>,
    pub needy_intake: PerGroup<f64>,
    pub basic_schooling_share: PerGroup<f64>,
    pub income_ratio: PerGroup<f64>,
    pub births_per_adult: f64,
    pub children_age_out_rate: f64,
    pub adults_to_seniors_rate: f64,
    pub seniors_exit_rate: f64,
    pub job_finding_rate: f64,
    pub job_loss_rate: f64,
    pub education_entry_rate: f64,
    pub education_completion_rate: f64,
    pub education_completion_to_work_share: f64,
    pub new_adults_in_education_share: f64,
    pub school_mix_influence: f64,
    pub pupils_per_child: f64,
    pub rehoused_share: f64,
    pub rehouse_max_vacancy_share: f64,
    pub merged_home_persons_factor: f64,
    pub joint_allocation_steer_share: f64,
    pub intake_sensitivity: f64,
    pub selective_exit: f64,
    pub calibration_min_residents: f64,
    pub job_consultant_persons_per_year: f64,
    pub social_worker_persons_per_year: f64,
    pub family_course_effect: f64,
    pub attractiveness: AttractivenessWeights,
    pub score: ScoreWeights,
}

/// Why a table or an override could not be used.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ParamError {
    #[error("the assumption '{0}' is missing from the table")]
    Missing(String),
    #[error("'{0}' is not an assumption the model knows")]
    Unknown(String),
    #[error("the assumption '{key}' is {value}, outside its range {min}–{max}")]
    OutOfRange { key: String, value: f64, min: f64, max: f64 },
}

impl Params {
    /// Resolves the table with overrides. Every key of the model must be in the table, every key
    /// in the table and the overrides must be known, and every value within its bounds.
    pub fn resolve(table: &ParamTable, overrides: &BTreeMap<String, f64>) -> Result<Self, ParamError> {
        let mut params = Self::default();
        let mut seen = 0usize;
        for def in &table.params {
            let value = overrides.get(&def.key).copied().unwrap_or(def.value);
            if !value.is_finite() || value < def.min || value > def.max {
                return Err(ParamError::OutOfRange { key: def.key.clone(), value, min: def.min, max: def.max });
            }
            if !params.set(&def.key, value) {
                return Err(ParamError::Unknown(def.key.clone()));
            }
            seen += 1;
        }
        if let Some(key) = overrides.keys().find(|k| table.get(k).is_none()) {
            return Err(ParamError::Unknown(key.clone()));
        }
        if seen != Self::KEY_COUNT {
            let missing = Self::all_keys().into_iter().find(|k| table.get(k).is_none());
            return Err(ParamError::Missing(missing.unwrap_or_default()));
        }
        Ok(params)
    }

    /// How many keys the model reads.
    pub const KEY_COUNT: usize = 6 + 6 + 30 + 5 * 4 + SCALAR_KEYS.len() + ATTRACTIVENESS_KEYS.len() + SCORE_KEYS.len();

    /// Every key the model reads, in table order.
    pub fn all_keys() -> Vec<String> {
        let mut keys = Vec::with_capacity(Self::KEY_COUNT);
        for prefix in ["move_out_rate", "persons_per_home"] {
            keys.extend(Tenure::ALL.iter().map(|t| format!("{prefix}.{}", t.key())));
        }
        for t in Tenure::ALL {
            keys.extend(Group::ALL.iter().map(|g| format!("intake.{}.{}", t.key(), g.key())));
        }
        for prefix in ["flexible_intake", "needy_intake", "basic_schooling_share", "income_ratio"] {
            keys.extend(Group::ALL.iter().map(|g| format!("{prefix}.{}", g.key())));
        }
        keys.extend(SCALAR_KEYS.iter().map(|k| (*k).to_owned()));
        keys.extend(ATTRACTIVENESS_KEYS.iter().map(|k| format!("attractiveness.{k}")));
        keys.extend(SCORE_KEYS.iter().map(|k| format!("score.{k}")));
        keys
    }

    /// Sets one parameter by key; false for a key the model does not know.
    fn set(&mut self, key: &str, value: f64) -> bool {
        let (head, rest) = key.split_once('.').unwrap_or((key, ""));
        match head {
            "move_out_rate" => set_tenure(&mut self.move_out_rate, rest, value),
            "persons_per_home" => set_tenure(&mut self.persons_per_home, rest, value),
            "intake" => {
                let Some((tenure, group)) = rest.split_once('.') else {
                    return false;
                };
                match Tenure::ALL.iter().find(|t| t.key() == tenure) {
                    Some(t) => set_group(&mut self.intake[*t], group, value),
                    None => false,
                }
            }
            "flexible_intake" => set_group(&mut self.flexible_intake, rest, value),
            "needy_intake" => set_group(&mut self.needy_intake, rest, value),
            "basic_schooling_share" => set_group(&mut self.basic_schooling_share, rest, value),
            "income_ratio" => set_group(&mut self.income_ratio, rest, value),
            "attractiveness" => self.set_attractiveness(rest, value),
            "score" => self.set_score(rest, value),
            _ => self.set_scalar(key, value),
        }
    }

    fn set_scalar(&mut self, key: &str, value: f64) -> bool {
        let slot = match key {
            "births_per_adult" => &mut self.births_per_adult,
            "children_age_out_rate" => &mut self.children_age_out_rate,
            "adults_to_seniors_rate" => &mut self.adults_to_seniors_rate,
            "seniors_exit_rate" => &mut self.seniors_exit_rate,
            "job_finding_rate" => &mut self.job_finding_rate,
            "job_loss_rate" => &mut self.job_loss_rate,
            "education_entry_rate" => &mut self.education_entry_rate,
            "education_completion_rate" => &mut self.education_completion_rate,
            "education_completion_to_work_share" => &mut self.education_completion_to_work_share,
            "new_adults_in_education_share" => &mut self.new_adults_in_education_share,
            "school_mix_influence" => &mut self.school_mix_influence,
            "pupils_per_child" => &mut self.pupils_per_child,
            "rehoused_share" => &mut self.rehoused_share,
            "rehouse_max_vacancy_share" => &mut self.rehouse_max_vacancy_share,
            "merged_home_persons_factor" => &mut self.merged_home_persons_factor,
            "joint_allocation_steer_share" => &mut self.joint_allocation_steer_share,
            "intake_sensitivity" => &mut self.intake_sensitivity,
            "selective_exit" => &mut self.selective_exit,
            "calibration_min_residents" => &mut self.calibration_min_residents,
            "job_consultant_persons_per_year" => &mut self.job_consultant_persons_per_year,
            "social_worker_persons_per_year" => &mut self.social_worker_persons_per_year,
            "family_course_effect" => &mut self.family_course_effect,
            _ => return false,
        };
        *slot = value;
        true
    }

    fn set_attractiveness(&mut self, key: &str, value: f64) -> bool {
        let a = &mut self.attractiveness;
        let slot = match key {
            "culture_house" => &mut a.culture_house,
            "campus" => &mut a.campus,
            "school_profile" => &mut a.school_profile,
            "commercial_per_1000_m2" => &mut a.commercial_per_1000_m2,
            "commercial_cap" => &mut a.commercial_cap,
            "stigma_listed" => &mut a.stigma_listed,
            "opening_per_share" => &mut a.opening_per_share,
            "opening_cap" => &mut a.opening_cap,
            "tenure_mix_per_point" => &mut a.tenure_mix_per_point,
            "school_mix_per_point" => &mut a.school_mix_per_point,
            "profile_sharing_exponent" => &mut a.profile_sharing_exponent,
            _ => return false,
        };
        *slot = value;
        true
    }

    fn set_score(&mut self, key: &str, value: f64) -> bool {
        let s = &mut self.score;
        let slot = match key {
            "weight_list" => &mut s.list,
            "weight_segregation" => &mut s.segregation,
            "weight_tenure_mix" => &mut s.tenure_mix,
            "weight_school_mix" => &mut s.school_mix,
            "list_full_margin" => &mut s.list_full_margin,
            "tenure_spread_weight" => &mut s.tenure_spread_weight,
            "almen_family_cap" => &mut s.almen_family_cap,
            _ => return false,
        };
        *slot = value;
        true
    }
}

const SCALAR_KEYS: [&str; 22] = [
    "births_per_adult",
    "children_age_out_rate",
    "adults_to_seniors_rate",
    "seniors_exit_rate",
    "job_finding_rate",
    "job_loss_rate",
    "education_entry_rate",
    "education_completion_rate",
    "education_completion_to_work_share",
    "new_adults_in_education_share",
    "school_mix_influence",
    "pupils_per_child",
    "rehoused_share",
    "rehouse_max_vacancy_share",
    "merged_home_persons_factor",
    "joint_allocation_steer_share",
    "intake_sensitivity",
    "selective_exit",
    "calibration_min_residents",
    "job_consultant_persons_per_year",
    "social_worker_persons_per_year",
    "family_course_effect",
];

const ATTRACTIVENESS_KEYS: [&str; 11] = [
    "culture_house",
    "campus",
    "school_profile",
    "commercial_per_1000_m2",
    "commercial_cap",
    "stigma_listed",
    "opening_per_share",
    "opening_cap",
    "tenure_mix_per_point",
    "school_mix_per_point",
    "profile_sharing_exponent",
];

const SCORE_KEYS: [&str; 7] = [
    "weight_list",
    "weight_segregation",
    "weight_tenure_mix",
    "weight_school_mix",
    "list_full_margin",
    "tenure_spread_weight",
    "almen_family_cap",
];

fn set_tenure(target: &mut PerTenure<f64>, key: &str, value: f64) -> bool {
    match Tenure::ALL.iter().find(|t| t.key() == key) {
        Some(t) => {
            target[*t] = value;
            true
        }
        None => false,
    }
}

fn set_group(target: &mut PerGroup<f64>, key: &str, value: f64) -> bool {
    match Group::ALL.iter().find(|g| g.key() == key) {
        Some(g) => {
            target[*g] = value;
            true
        }
        None => false,
    }
}
