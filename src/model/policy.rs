//! Letting and allocation policies, and the efforts (job consultants, social workers, family
//! courses) a plan funds.

use serde::{Deserialize, Serialize};

/// Flexible letting in one area: a share of almene vacancies goes to applicants in work or
/// education.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlexibleLetting {
    pub area: String,
    /// Share of almene vacancies (0–1).
    pub share: f64,
    pub from_year: u16,
}

/// How almene vacancies are let.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Letting {
    /// Share of almene family vacancies the municipality allocates to housing-needy households
    /// (kommunal anvisning), 0–1.
    pub municipal_allocation_share: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flexible: Vec<FlexibleLetting>,
    /// From this year, a joint allocation agreement (fælles anvisningsaftale) steers municipal
    /// allocations away from listed estates to other almene homes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_allocation_from: Option<u16>,
}

impl Default for Letting {
    fn default() -> Self {
        Self { municipal_allocation_share: 0.25, flexible: Vec::new(), joint_allocation_from: None }
    }
}

/// What an effort funds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EffortKind {
    /// Job consultants (jobkonsulenter): adults from outside work into work.
    JobConsultants,
    /// Outposted social workers (fremskudte socialrådgivere): adults into education.
    SocialWorkers,
    /// Family courses (familiekurser): fewer young people start adult life outside work.
    FamilyCourses,
}

impl EffortKind {
    pub const ALL: [Self; 3] = [Self::JobConsultants, Self::SocialWorkers, Self::FamilyCourses];

    pub fn key(self) -> &'static str {
        match self {
            Self::JobConsultants => "job_consultants",
            Self::SocialWorkers => "social_workers",
            Self::FamilyCourses => "family_courses",
        }
    }
}

/// An effort in one area over a span of years.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effort {
    pub kind: EffortKind,
    pub area: String,
    /// Full-time staff, or course rounds a year for family courses.
    pub count: f64,
    pub from_year: u16,
    /// Last year the effort runs (inclusive).
    pub to_year: u16,
}
