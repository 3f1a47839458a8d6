//! What really happened: the published list status of the estates and, where found, the
//! criteria values the ministry published, as data shipped in `assets/observed.ron`. The app
//! shows them beside the projection ("official figure") so the room sees how the model tracks
//! reality; the projection never reads them.

use super::rules::Category;
use serde::{Deserialize, Serialize};

/// One estate on one published list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObservedYear {
    /// The area's id in the shipped baseline.
    pub area: String,
    /// The year the list judges (1 January; the list of 1 December Y is shown at Y+1).
    pub year: u16,
    /// The list's date in words, e.g. "1 December 2023".
    pub list: String,
    /// The category the list gave the estate (`none`: off the lists the source names).
    pub category: Category,
    #[serde(default)]
    pub residents: Option<f64>,
    /// Share of 18–64 outside work and education, 0–1.
    #[serde(default)]
    pub outside_work: Option<f64>,
    #[serde(default)]
    pub convicted: Option<f64>,
    #[serde(default)]
    pub non_western: Option<f64>,
    /// Share of 30–59 with only basic schooling, 0–1.
    #[serde(default)]
    pub basic_schooling: Option<f64>,
    /// Income relative to the region's, 0–1.
    #[serde(default)]
    pub income: Option<f64>,
    pub source: String,
}

impl ObservedYear {
    /// The published value of an indicator, if the source gives it.
    pub fn value(&self, indicator: super::Indicator) -> Option<f64> {
        match indicator {
            super::Indicator::OutsideWork => self.outside_work,
            super::Indicator::Convicted => self.convicted,
            super::Indicator::NonWestern => self.non_western,
            super::Indicator::BasicSchooling => self.basic_schooling,
            super::Indicator::Income => self.income,
        }
    }
}
