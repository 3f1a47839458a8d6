//! What the engine returns: plain numbers per area, district, school and year, the
//! municipality's totals, the flow ledger and the balance score. Serialisable for scripts.

use super::year_table::{Table, Years};
use crate::model::{AreaKind, Category, Comparison, Indicator, InstitutionKind, PerGroup, PerTenure, Plan, RuleSetId};
use serde::Serialize;
use std::sync::Arc;

/// The indicators of one area in one year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Indicators {
    /// 18–64-year-olds outside work and education, share 0–1.
    pub outside_work_share: f64,
    /// 18–64-year-olds in work, share 0–1.
    pub employment_share: f64,
    /// 30–59-year-olds with only basic schooling, share 0–1 (from group shares).
    pub basic_schooling_share: f64,
    /// Average gross income of 15–64-year-olds (students excluded) relative to the region's.
    pub income_ratio: f64,
    /// Convicted persons 18+, share 0–1 (held input, not projected).
    pub convicted_share: f64,
    /// Non-Western immigrants and descendants, share 0–1 (held input, not projected).
    pub non_western_share: f64,
}

impl Indicators {
    pub fn value(&self, indicator: Indicator) -> f64 {
        match indicator {
            Indicator::OutsideWork => self.outside_work_share,
            Indicator::Convicted => self.convicted_share,
            Indicator::NonWestern => self.non_western_share,
            Indicator::BasicSchooling => self.basic_schooling_share,
            Indicator::Income => self.income_ratio,
        }
    }
}

/// The criteria of a rule set, judged: at most this many (the 2021 rules have eight).
pub const MAX_CRITERIA: usize = 12;

/// An estate's judged criteria in one year; empty (and allocating nothing) for the areas the
/// list does not judge.
pub type Criteria = Vec<CriterionResult>;

/// An estate's judged criteria year by year: every criterion of the rule set, also for estates
/// too small to be judged, whose values are still shown. Read from the projection's table of
/// every estate's criteria, year by year; empty for the areas the
/// list does not judge, so a table of 10,000 areas records only its estates' criteria.
#[derive(Clone, Default)]
pub struct CriteriaByYear {
    /// None for areas the list does not judge (and until the run hands the table over).
    table: Option<Arc<Table<CriterionResult>>>,
    /// The estate's place among the plan's estates.
    estate: usize,
}

impl CriteriaByYear {
    /// The criteria of the plan's `estate`th estate.
    pub(super) fn column(table: &Arc<Table<CriterionResult>>, estate: usize) -> Self {
        Self { table: Some(Arc::clone(table)), estate }
    }

    /// How many years are recorded (none for areas the list does not judge).
    pub fn recorded_years(&self) -> usize {
        self.table.as_deref().map_or(0, Table::years)
    }

    /// The criteria judged in the year at `year_index` (empty for areas the list does not judge).
    pub fn in_year(&self, year_index: usize) -> &[CriterionResult] {
        self.table.as_deref().map_or(&[], |table| table.values(year_index, self.estate))
    }

    /// Every year's criteria, oldest first.
    pub fn years(&self) -> impl Iterator<Item = &[CriterionResult]> {
        (0..self.recorded_years()).map(|i| self.in_year(i))
    }
}

impl PartialEq for CriteriaByYear {
    fn eq(&self, other: &Self) -> bool {
        self.years().eq(other.years())
    }
}

impl std::fmt::Debug for CriteriaByYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.years()).finish()
    }
}

/// Written as the list of every year's criteria.
impl Serialize for CriteriaByYear {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.years())
    }
}

/// One criterion of the rule set, judged.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CriterionResult {
    pub id: crate::model::CriterionId,
    pub indicator: Indicator,
    pub comparison: Comparison,
    /// The value judged (averaged over the criterion's years).
    pub value: f64,
    pub threshold: f64,
    pub met: bool,
}

/// An area's standing under the rule set in one year (its criteria are in
/// [`AreaSeries::criteria`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Status {
    pub category: Category,
    pub listed: bool,
    /// Years in a row the area has been in its current category (0 for none).
    pub consecutive_years: u32,
    /// How far the area is from the listing line, relative to the thresholds: the margin of the
    /// criterion that would list it next. Positive = off the list by that much; negative =
    /// listed; 0 = exactly on a line.
    pub list_margin: f64,
    /// Whether the rule set judges the area (an estate with enough residents).
    pub judged: bool,
}

/// The parts of the § 168 a count, so a room can check the share by hand:
/// `almen_family / (homes + demolished_counted + floor_space_homes)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Share168a {
    /// Almene family homes (the numerator).
    pub almen_family: f64,
    /// All homes in the area.
    pub homes: f64,
    /// Homes demolished after 2010 and not replaced by new almene family homes in the area.
    pub demolished_counted: f64,
    /// Commercial floor space as homes (75 m² = one home).
    pub floor_space_homes: f64,
}

impl Share168a {
    /// The denominator: all homes as the law counts them.
    pub fn counted_homes(&self) -> f64 {
        self.homes + self.demolished_counted + self.floor_space_homes
    }

    /// Almene family homes over all homes as the law counts them, 0–1.
    pub fn share(&self) -> f64 {
        let total = self.counted_homes();
        if total > 0.0 { self.almen_family / total } else { 0.0 }
    }
}

/// One area in one year (state on 1 January).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaYear {
    pub year: u16,
    pub homes: PerTenure<f64>,
    pub residents: PerGroup<f64>,
    pub indicators: Indicators,
    pub status: Status,
    /// Almene family homes over all homes as almenboligloven § 168 a counts them.
    pub almen_family_share_168a: f64,
    /// The count's parts.
    pub share_168a_parts: Share168a,
    pub commercial_m2: f64,
    /// Residents displaced from this area who have left the municipality so far (they still
    /// count in this area's composition for the balance score).
    pub left_municipality: f64,
    /// Residents displaced from this area still waiting for a home in the municipality.
    pub awaiting_rehousing: f64,
    /// Households in need whom this area's lost homes left without a home in the municipality,
    /// still counted here (persons; they thin out at the homes' turnover).
    pub excluded_need: f64,
    /// Displaced residents rehoused in this area during the year before (the rehousing duty's
    /// named destinations; their sum over areas is the ledger's `rehoused`).
    pub rehoused_in: f64,
    /// Residents displaced from this area rehoused in the municipality during the year before.
    pub rehoused_out: f64,
    /// Who moved into the area's vacancies during the year before (ordinary intake; the
    /// rehoused are in the ledger), by group.
    pub newcomers: PerGroup<f64>,
    /// The area's part of the segregation index, in points of 100 × D (all areas' parts sum to
    /// 100 − the segregation component).
    pub segregation_points: f64,
}

/// One area over all years.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaSeries {
    pub id: String,
    pub name: String,
    pub kind: AreaKind,
    pub district: String,
    pub years: Years<AreaYear>,
    /// Per year, for estates: every criterion of the rule set, judged.
    pub criteria: CriteriaByYear,
    /// Per year, for estates: how its outside-work, basic-schooling and income figures changed
    /// since the plan's start, split into its residents' own mobility and replacement (empty
    /// for other areas).
    pub change: Vec<ChangeLedger>,
}

/// Two ledgers of an estate's change since the start: what its residents did (found or lost
/// work, studied, finished school, grew up, aged) and who replaced whom (moved in, moved out,
/// were displaced, rehoused or placed there); each in [`ChangeLedger::INDICATORS`] order, as a
/// change of the yearly share or ratio. The two add up to the change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ChangeLedger {
    pub mobility: [f64; 3],
    pub replacement: [f64; 3],
}

impl ChangeLedger {
    /// The figures the ledgers split: outside work, basic schooling, income.
    pub const INDICATORS: [Indicator; 3] = [Indicator::OutsideWork, Indicator::BasicSchooling, Indicator::Income];

    /// The three figures of a body of residents, in [`ChangeLedger::INDICATORS`] order.
    pub fn figures(indicators: &Indicators) -> [f64; 3] {
        Self::INDICATORS.map(|i| indicators.value(i))
    }
}

/// An id the record repeats every year (a profile's): shared, so a year's record copies a
/// pointer, not the text.
pub type Id = std::sync::Arc<str>;

/// One district over all years: its attractiveness and the terms it is made of.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DistrictSeries {
    pub id: String,
    pub name: String,
    /// Per year: the profile the district holds, if any.
    pub profile: Years<Option<Id>>,
    pub attractiveness: Years<super::AttractivenessTerms>,
}

/// Where an institution stands each year, and whether it still runs (a school merged into
/// another does not).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InstitutionSeries {
    pub id: String,
    pub name: String,
    pub kind: InstitutionKind,
    /// Per year: the district it stands in, by its place in [`Projection::districts`] (an
    /// index, not the id: a table of 10,000 areas records 270,000 of them).
    pub district: Years<Option<usize>>,
    /// Per year: false once merged into another school.
    pub active: Years<bool>,
    /// Per year: whether it has a strong profile (schools).
    pub strong_profile: Years<bool>,
}

/// One school in one year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct SchoolYear {
    pub year: u16,
    /// False once the school has merged into another.
    pub active: bool,
    pub pupils: f64,
    /// Share of pupils from households outside work (0–1).
    pub disadvantaged_share: f64,
}

/// One school over all years.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SchoolSeries {
    pub id: String,
    pub name: String,
    pub years: Years<SchoolYear>,
}

/// The municipality's totals in one year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct MunicipalityYear {
    pub year: u16,
    pub homes: f64,
    pub residents: f64,
    pub residents_by_group: PerGroup<f64>,
    pub homes_by_tenure: PerTenure<f64>,
    /// Almene homes (family, youth, elderly) over all homes, 0–1.
    pub almen_share: f64,
    pub outside_work_share: f64,
    /// Residents displaced by the plan who have left the municipality so far.
    pub left_municipality: f64,
    /// Residents displaced by the plan still waiting for a home in the municipality.
    pub awaiting_rehousing: f64,
    /// Households in need left without a home in the municipality, still counted.
    pub excluded_need: f64,
}

/// The balance score's components, each 0–100.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ScoreComponents {
    pub list: f64,
    pub segregation: f64,
    pub tenure_mix: f64,
    pub school_mix: f64,
    /// The households in need of an affordable home that have one in the municipality.
    pub housing_need: f64,
}

/// The balance score in one year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ScoreYear {
    pub year: u16,
    /// The weighted mean of the components, 0–100.
    pub total: f64,
    pub components: ScoreComponents,
}

/// Where people went during the year that ends on 1 January of `year`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LedgerYear {
    pub year: u16,
    pub births: f64,
    /// Seniors who died or moved into care.
    pub deaths: f64,
    /// Newcomers from outside the model's housing market (ordinary intake).
    pub moved_in: f64,
    /// Residents who moved away (ordinary moves and over-full homes).
    pub moved_out: f64,
    /// Residents whose homes were demolished or merged.
    pub displaced: f64,
    /// Displaced residents rehoused in almene homes in the municipality.
    pub rehoused: f64,
    /// Displaced residents who left the municipality (kept in their old area's count for the
    /// balance score).
    pub left: f64,
    /// Adults moved into work or education by job consultants and social workers.
    pub effort_moves: f64,
    /// Households in need of an affordable home, and where they went.
    pub need: NeedLedger,
}

/// The year's households in need of an affordable family home beyond what the homes let them:
/// the lettings lost with almene family homes removed or standing empty, the applicants refused
/// in the hardest areas, the allocations not made; and where they went (persons). Those housed
/// in the almene homes that remain take homes other applicants in need would have had, so they
/// change who is left without a home, not how many: `shortfall + refused + unallocated =
/// housed_private + excluded`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct NeedLedger {
    /// Would have moved into almene family homes the plan no longer lets.
    pub shortfall: f64,
    /// Refused in the hardest listed areas because they receive benefits.
    pub refused: f64,
    /// Would have been allocated a home under the 2016 practice.
    pub unallocated: f64,
    /// Housed in the almene family homes that remain, ahead of other applicants (who are left
    /// without a home instead).
    pub housed_almene: f64,
    /// Housed in private rentals.
    pub housed_private: f64,
    /// Left without a home in the municipality: they wait or leave.
    pub excluded: f64,
}

/// The whole projection.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Projection {
    pub plan: String,
    pub rules: RuleSetId,
    pub years: Vec<u16>,
    pub areas: Vec<AreaSeries>,
    pub districts: Vec<DistrictSeries>,
    pub institutions: Vec<InstitutionSeries>,
    pub schools: Vec<SchoolSeries>,
    pub municipality: Vec<MunicipalityYear>,
    pub score: Vec<ScoreYear>,
    /// One entry per year from 2017: the flows of the year before.
    pub ledger: Vec<LedgerYear>,
    /// The municipality's profile ids, made once for the yearly record.
    #[serde(skip)]
    pub(super) ids: RecordIds,
    /// The yearly tables while the run records them; then every series reads its column.
    #[serde(skip)]
    pub(super) recording: super::record::Recording,
}

/// The ids the yearly record repeats, by the municipality's index.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct RecordIds {
    pub profiles: Vec<Id>,
}

impl Projection {
    /// A projection with room for every year of `plan`, whose estates are judged by at most
    /// `criteria_per_estate` criteria a year.
    pub(super) fn empty(plan: &Plan, rules: RuleSetId, criteria_per_estate: usize) -> Self {
        let m = &plan.municipality;
        let years = plan.span().year_count();
        Self {
            plan: plan.name.clone(),
            rules,
            years: Vec::new(),
            areas: m
                .areas
                .iter()
                .map(|a| AreaSeries {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    kind: a.kind,
                    district: a.district.clone(),
                    years: Years::default(),
                    criteria: CriteriaByYear::default(),
                    change: if a.kind == AreaKind::Estate { Vec::with_capacity(years) } else { Vec::new() },
                })
                .collect(),
            districts: m
                .districts
                .iter()
                .map(|d| DistrictSeries {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    profile: Years::default(),
                    attractiveness: Years::default(),
                })
                .collect(),
            institutions: m
                .institutions
                .iter()
                .map(|i| InstitutionSeries {
                    id: i.id.clone(),
                    name: i.name.clone(),
                    kind: i.kind,
                    district: Years::default(),
                    active: Years::default(),
                    strong_profile: Years::default(),
                })
                .collect(),
            schools: m
                .institutions
                .iter()
                .filter(|i| i.kind == InstitutionKind::School)
                .map(|i| SchoolSeries { id: i.id.clone(), name: i.name.clone(), years: Years::default() })
                .collect(),
            municipality: Vec::with_capacity(years),
            score: Vec::with_capacity(years),
            ledger: Vec::with_capacity(years),
            ids: RecordIds { profiles: m.profiles.iter().map(|p| Id::from(p.id.as_str())).collect() },
            recording: super::record::Recording::new(years, plan, criteria_per_estate),
        }
    }

    /// The position of a year in the series, if projected.
    pub fn year_index(&self, year: u16) -> Option<usize> {
        self.years.iter().position(|y| *y == year)
    }

    pub fn area(&self, id: &str) -> Option<&AreaSeries> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// The id of the district an institution stands in, in the year at `year_index`.
    pub fn institution_district(&self, series: &InstitutionSeries, year_index: usize) -> Option<&str> {
        let district = (*series.district.get(year_index)?)?;
        Some(self.districts.get(district)?.id.as_str())
    }

    /// The score in a year, if projected.
    pub fn score_in(&self, year: u16) -> Option<&ScoreYear> {
        self.score.iter().find(|s| s.year == year)
    }
}
