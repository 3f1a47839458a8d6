//! Every number the model uses that is not a fact about a place or the law: rates, mixes, effect
//! sizes, weights. The table ships in `assets/assumptions.ron`, each entry with its value, its
//! plausible range (low–high, which the bands draw from), its unit, the bounds an edit may take
//! and its source (or the word "assumption"); a plan may override any entry by key. The law's
//! numbers are not here: they live with the rule sets (`super::rules`).

use super::groups::{Group, PerGroup, PerTenure, Tenure};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One parameter as shipped: value, plausible range, unit, bounds and source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParamDef {
    /// Stable key, e.g. `move_out_rate.almen_family`.
    pub key: String,
    pub value: f64,
    /// The low end of the plausible range (the 10 % end for the bands' draws).
    pub low: f64,
    /// The high end of the plausible range. `low == high == value` means "not varied".
    pub high: f64,
    /// Unit in words, e.g. "share of residents per year".
    pub unit: String,
    /// Bounds an edit may take.
    pub min: f64,
    pub max: f64,
    /// Where the value comes from, or "assumption".
    pub source: String,
}

impl ParamDef {
    /// Whether the bands vary this parameter.
    pub fn is_varied(&self) -> bool {
        self.high > self.low
    }
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

    /// Every entry whose range does not hold `min ≤ low ≤ value ≤ high ≤ max`, in words.
    pub fn range_problems(&self) -> Vec<String> {
        self.params
            .iter()
            .filter(|d| !(d.min <= d.low && d.low <= d.value && d.value <= d.high && d.high <= d.max))
            .map(|d| format!("{}: expected {} ≤ {} ≤ {} ≤ {} ≤ {}", d.key, d.min, d.low, d.value, d.high, d.max))
            .collect()
    }
}

/// What each tenure brings: move-out, household size and who moves in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TenureParams {
    pub move_out_rate: PerTenure<f64>,
    pub persons_per_home: PerTenure<f64>,
    /// Newcomers' group mix per tenure (normalised where used).
    pub intake: PerTenure<PerGroup<f64>>,
    /// Share of employed newcomers with only basic schooling, per tenure.
    pub intake_basic_employed: PerTenure<f64>,
    /// Share of newcomers outside work with only basic schooling, per tenure.
    pub intake_basic_outside: PerTenure<f64>,
    /// Adult newcomers' earnings relative to their group's regional average, per tenure.
    pub intake_earnings: PerTenure<f64>,
}

/// Education and income of residents: the seeds for areas without official figures, and the
/// income of each group by education relative to the region.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EducationIncome {
    pub seed_basic_employed: f64,
    pub seed_basic_outside: f64,
    pub income_employed_basic: f64,
    pub income_employed_more: f64,
    pub income_outside_basic: f64,
    pub income_outside_more: f64,
}

/// Flows inside an area in a year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlowParams {
    pub births_per_adult: f64,
    pub children_age_out_rate: f64,
    pub adults_to_seniors_rate: f64,
    pub seniors_exit_rate: f64,
    pub job_finding_rate: f64,
    pub job_finding_basic_factor: f64,
    /// The economy's direction after its last published year: the job-finding rate changes by
    /// this share a year.
    pub job_finding_trend: f64,
    /// How fully the published employment rates by origin reach an area's residents (1: as
    /// the national odds moved).
    pub economy_response: f64,
    /// The yearly change of the persons an almene home holds (households grow smaller).
    pub almen_household_size_change: f64,
    pub job_loss_rate: f64,
    pub job_loss_basic_factor: f64,
    pub education_entry_rate: f64,
    pub education_completion_rate: f64,
    pub education_completion_to_work_share: f64,
    pub new_adults_in_education_share: f64,
    pub school_mix_influence: f64,
    pub pupils_per_child: f64,
    pub merged_home_persons_factor: f64,
}

/// Moves: who leaves, who is rehoused, and how letting rules shift who moves in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MoveParams {
    pub rehoused_share: f64,
    pub rehouse_max_vacancy_share: f64,
    pub municipal_allocation_outside_work_odds: f64,
    pub flexible_letting_outside_work_odds: f64,
    pub joint_allocation_steer_share: f64,
    pub intake_sensitivity: f64,
    pub selective_exit: f64,
    pub calibration_min_residents: f64,
    /// Share of newcomers refused where the national rule refuses applicants on benefits.
    pub refused_benefit_share: f64,
    /// How many times as often adults outside work are convicted as other adults.
    pub conviction_outside_work_relative_risk: f64,
    /// Share of the remaining almene family vacancies the municipality claims for households
    /// left without an affordable home.
    pub need_almen_priority_share: f64,
    /// Share of the households still without a home who find a private rental.
    pub need_private_rental_share: f64,
}

/// What the efforts a plan funds do, from evaluations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EffortParams {
    pub job_consultant_persons_per_year: f64,
    /// Adults one job consultant works with at a time.
    pub job_consultant_caseload: f64,
    pub job_ready_share: f64,
    pub placement_relapse_share: f64,
    pub placed_exit_hazard: f64,
    pub social_worker_persons_per_year: f64,
    pub family_course_children_per_round: f64,
    pub family_course_effect: f64,
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
    pub profile_scale: f64,
}

/// Balance-score weights and scales.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreWeights {
    pub list: f64,
    pub segregation: f64,
    pub tenure_mix: f64,
    pub school_mix: f64,
    pub housing_need: f64,
    /// A margin of this size (share of the threshold) gives 100 points on the list component.
    pub list_full_margin: f64,
    /// Points the housing-need component loses for every per cent of the municipality's 2016
    /// almene family residents left without an affordable home.
    pub housing_need_points_per_percent: f64,
    /// Within the tenure component, the weight of the spread of almene homes over districts
    /// (the rest is the estates' almene family share against the 40% cap).
    pub tenure_spread_weight: f64,
}

/// The resolved parameters the engine reads: the table with the plan's overrides applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    pub tenure: TenureParams,
    pub education: EducationIncome,
    pub flows: FlowParams,
    pub moves: MoveParams,
    pub efforts: EffortParams,
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
        Self::resolve_with(table, |def| overrides.get(&def.key).copied().unwrap_or(def.value), overrides)
    }

    /// Resolves the table taking each value from `value_of` (the bands draw values this way).
    pub fn resolve_with(
        table: &ParamTable,
        mut value_of: impl FnMut(&ParamDef) -> f64,
        overrides: &BTreeMap<String, f64>,
    ) -> Result<Self, ParamError> {
        let mut params = Self::default();
        for def in &table.params {
            let value = value_of(def);
            if !value.is_finite() || value < def.min || value > def.max {
                return Err(ParamError::OutOfRange { key: def.key.clone(), value, min: def.min, max: def.max });
            }
            *params.slot(&def.key).ok_or_else(|| ParamError::Unknown(def.key.clone()))? = value;
        }
        if let Some(key) = overrides.keys().find(|k| table.get(k).is_none()) {
            return Err(ParamError::Unknown(key.clone()));
        }
        if let Some(missing) = Self::all_keys().into_iter().find(|k| table.get(k).is_none()) {
            return Err(ParamError::Missing(missing));
        }
        Ok(params)
    }

    /// Every key the model reads, in table order.
    pub fn all_keys() -> Vec<String> {
        let mut keys = Vec::new();
        for prefix in ["move_out_rate", "persons_per_home"] {
            keys.extend(Tenure::ALL.iter().map(|t| format!("{prefix}.{}", t.key())));
        }
        for t in Tenure::ALL {
            keys.extend(Group::ALL.iter().map(|g| format!("intake.{}.{}", t.key(), g.key())));
        }
        for t in Tenure::ALL {
            keys.push(format!("intake_basic.{}.employed", t.key()));
            keys.push(format!("intake_basic.{}.outside_work", t.key()));
        }
        keys.extend(Tenure::ALL.iter().map(|t| format!("intake_earnings.{}", t.key())));
        keys.extend(EDUCATION_KEYS.iter().map(|k| (*k).to_owned()));
        keys.extend(FLOW_KEYS.iter().map(|k| (*k).to_owned()));
        keys.extend(MOVE_KEYS.iter().map(|k| (*k).to_owned()));
        keys.extend(EFFORT_KEYS.iter().map(|k| (*k).to_owned()));
        keys.extend(ATTRACTIVENESS_KEYS.iter().map(|k| format!("attractiveness.{k}")));
        keys.extend(SCORE_KEYS.iter().map(|k| format!("score.{k}")));
        keys
    }

    /// The value behind a key, for reading and writing; `None` for a key the model does not know.
    pub fn slot(&mut self, key: &str) -> Option<&mut f64> {
        let (head, rest) = key.split_once('.').unwrap_or((key, ""));
        match head {
            "move_out_rate" => tenure_slot(&mut self.tenure.move_out_rate, rest),
            "persons_per_home" => tenure_slot(&mut self.tenure.persons_per_home, rest),
            "intake_earnings" => tenure_slot(&mut self.tenure.intake_earnings, rest),
            "intake" => {
                let (tenure, group) = rest.split_once('.')?;
                let tenure = Tenure::ALL.into_iter().find(|x| x.key() == tenure)?;
                group_slot(&mut self.tenure.intake[tenure], group)
            }
            "intake_basic" => match rest.split_once('.')? {
                (tenure, "employed") => tenure_slot(&mut self.tenure.intake_basic_employed, tenure),
                (tenure, "outside_work") => tenure_slot(&mut self.tenure.intake_basic_outside, tenure),
                _ => None,
            },
            "attractiveness" => self.attractiveness_slot(rest),
            "score" => self.score_slot(rest),
            _ => self.scalar_slot(key),
        }
    }

    fn scalar_slot(&mut self, key: &str) -> Option<&mut f64> {
        let (e, f, m, x) = (&mut self.education, &mut self.flows, &mut self.moves, &mut self.efforts);
        Some(match key {
            "seed_basic.employed" => &mut e.seed_basic_employed,
            "seed_basic.outside_work" => &mut e.seed_basic_outside,
            "income.employed_basic" => &mut e.income_employed_basic,
            "income.employed_more" => &mut e.income_employed_more,
            "income.outside_work_basic" => &mut e.income_outside_basic,
            "income.outside_work_more" => &mut e.income_outside_more,
            "births_per_adult" => &mut f.births_per_adult,
            "children_age_out_rate" => &mut f.children_age_out_rate,
            "adults_to_seniors_rate" => &mut f.adults_to_seniors_rate,
            "seniors_exit_rate" => &mut f.seniors_exit_rate,
            "job_finding_rate" => &mut f.job_finding_rate,
            "job_finding_basic_factor" => &mut f.job_finding_basic_factor,
            "job_finding_trend" => &mut f.job_finding_trend,
            "economy_response" => &mut f.economy_response,
            "almen_household_size_change" => &mut f.almen_household_size_change,
            "job_loss_rate" => &mut f.job_loss_rate,
            "job_loss_basic_factor" => &mut f.job_loss_basic_factor,
            "education_entry_rate" => &mut f.education_entry_rate,
            "education_completion_rate" => &mut f.education_completion_rate,
            "education_completion_to_work_share" => &mut f.education_completion_to_work_share,
            "new_adults_in_education_share" => &mut f.new_adults_in_education_share,
            "school_mix_influence" => &mut f.school_mix_influence,
            "pupils_per_child" => &mut f.pupils_per_child,
            "merged_home_persons_factor" => &mut f.merged_home_persons_factor,
            "rehoused_share" => &mut m.rehoused_share,
            "rehouse_max_vacancy_share" => &mut m.rehouse_max_vacancy_share,
            "municipal_allocation_outside_work_odds" => &mut m.municipal_allocation_outside_work_odds,
            "flexible_letting_outside_work_odds" => &mut m.flexible_letting_outside_work_odds,
            "joint_allocation_steer_share" => &mut m.joint_allocation_steer_share,
            "intake_sensitivity" => &mut m.intake_sensitivity,
            "selective_exit" => &mut m.selective_exit,
            "calibration_min_residents" => &mut m.calibration_min_residents,
            "letting.refused_benefit_share" => &mut m.refused_benefit_share,
            "conviction_outside_work_relative_risk" => &mut m.conviction_outside_work_relative_risk,
            "housing_need.almen_priority_share" => &mut m.need_almen_priority_share,
            "housing_need.private_rental_share" => &mut m.need_private_rental_share,
            "job_consultant_persons_per_year" => &mut x.job_consultant_persons_per_year,
            "job_consultant_caseload" => &mut x.job_consultant_caseload,
            "job_ready_share" => &mut x.job_ready_share,
            "placement_relapse_share" => &mut x.placement_relapse_share,
            "placed_exit_hazard" => &mut x.placed_exit_hazard,
            "social_worker_persons_per_year" => &mut x.social_worker_persons_per_year,
            "family_course_children_per_round" => &mut x.family_course_children_per_round,
            "family_course_effect" => &mut x.family_course_effect,
            _ => return None,
        })
    }

    fn attractiveness_slot(&mut self, key: &str) -> Option<&mut f64> {
        let a = &mut self.attractiveness;
        Some(match key {
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
            "profile_scale" => &mut a.profile_scale,
            _ => return None,
        })
    }

    fn score_slot(&mut self, key: &str) -> Option<&mut f64> {
        let s = &mut self.score;
        Some(match key {
            "weight_list" => &mut s.list,
            "weight_segregation" => &mut s.segregation,
            "weight_tenure_mix" => &mut s.tenure_mix,
            "weight_school_mix" => &mut s.school_mix,
            "weight_housing_need" => &mut s.housing_need,
            "list_full_margin" => &mut s.list_full_margin,
            "tenure_spread_weight" => &mut s.tenure_spread_weight,
            "housing_need_points_per_percent" => &mut s.housing_need_points_per_percent,
            _ => return None,
        })
    }
}

const EDUCATION_KEYS: [&str; 6] = [
    "seed_basic.employed",
    "seed_basic.outside_work",
    "income.employed_basic",
    "income.employed_more",
    "income.outside_work_basic",
    "income.outside_work_more",
];

const FLOW_KEYS: [&str; 18] = [
    "births_per_adult",
    "children_age_out_rate",
    "adults_to_seniors_rate",
    "seniors_exit_rate",
    "job_finding_rate",
    "job_finding_basic_factor",
    "job_finding_trend",
    "economy_response",
    "almen_household_size_change",
    "job_loss_rate",
    "job_loss_basic_factor",
    "education_entry_rate",
    "education_completion_rate",
    "education_completion_to_work_share",
    "new_adults_in_education_share",
    "school_mix_influence",
    "pupils_per_child",
    "merged_home_persons_factor",
];

const MOVE_KEYS: [&str; 12] = [
    "rehoused_share",
    "rehouse_max_vacancy_share",
    "municipal_allocation_outside_work_odds",
    "flexible_letting_outside_work_odds",
    "joint_allocation_steer_share",
    "intake_sensitivity",
    "selective_exit",
    "calibration_min_residents",
    "letting.refused_benefit_share",
    "conviction_outside_work_relative_risk",
    "housing_need.almen_priority_share",
    "housing_need.private_rental_share",
];

const EFFORT_KEYS: [&str; 8] = [
    "job_consultant_persons_per_year",
    "job_consultant_caseload",
    "job_ready_share",
    "placement_relapse_share",
    "placed_exit_hazard",
    "social_worker_persons_per_year",
    "family_course_children_per_round",
    "family_course_effect",
];

const ATTRACTIVENESS_KEYS: [&str; 12] = [
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
    "profile_scale",
];

const SCORE_KEYS: [&str; 8] = [
    "weight_list",
    "weight_segregation",
    "weight_tenure_mix",
    "weight_school_mix",
    "weight_housing_need",
    "list_full_margin",
    "tenure_spread_weight",
    "housing_need_points_per_percent",
];

fn tenure_slot<'a>(target: &'a mut PerTenure<f64>, key: &str) -> Option<&'a mut f64> {
    Tenure::ALL.into_iter().find(|t| t.key() == key).map(|t| &mut target[t])
}

fn group_slot<'a>(target: &'a mut PerGroup<f64>, key: &str) -> Option<&'a mut f64> {
    Group::ALL.into_iter().find(|g| g.key() == key).map(|g| &mut target[g])
}

/// Whether a key is one that earlier versions of the model read and this one does not: a plan
/// file of format 3 or older that overrides one has the override dropped when it opens
/// (`score.almen_family_cap` became the law's 40 %, which lives with the rule sets).
pub fn is_retired_key(key: &str) -> bool {
    key == "score.almen_family_cap"
        || ["flexible_intake.", "needy_intake.", "basic_schooling_share.", "income_ratio."]
            .iter()
            .any(|prefix| key.starts_with(prefix))
}
