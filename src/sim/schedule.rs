//! The plan's timetable resolved once, before the first year: every action, effort and letting
//! rule turned from ids into indices and filed under the years it acts in, so a year's step never
//! looks up a name. Actions naming an area, district, institution or profile the plan does not
//! have are left out (an invalid plan still projects, without them).

use super::parallel;
use crate::model::{ActionKind, EffortKind, FacilityKind, Plan, Span, Tenure};
use foldhash::HashMap;

/// An action as the engine carries it out in one year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Step {
    Demolish {
        area: usize,
        tenure: Tenure,
        count: f64,
    },
    Merge {
        area: usize,
        tenure: Tenure,
        count: f64,
    },
    /// Homes emptied: their residents rehoused, the homes not let.
    Empty {
        area: usize,
        tenure: Tenure,
        count: f64,
    },
    /// Emptied homes let again (as many as still stand).
    Reopen {
        area: usize,
        tenure: Tenure,
        count: f64,
    },
    /// This year's part of a (possibly phased) building project.
    Build {
        area: usize,
        tenure: Tenure,
        count: f64,
    },
    Sell {
        area: usize,
        count: f64,
    },
    Convert {
        area: usize,
        from: Tenure,
        to: Tenure,
        count: f64,
    },
    Facility {
        area: usize,
        facility: FacilityKind,
        area_m2: f64,
    },
    MoveInstitution {
        institution: usize,
        district: usize,
    },
    AssignProfile {
        district: usize,
        profile: Option<usize>,
    },
    MergeSchools {
        school: usize,
        into: usize,
    },
    SchoolProfile {
        school: usize,
        has_profile: bool,
    },
}

/// An effort resolved to its area.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct EffortRun {
    pub area: usize,
    pub kind: EffortKind,
    pub count: f64,
    pub from_year: u16,
    pub to_year: u16,
}

/// The plan's timetable, resolved to indices.
pub(super) struct Schedule<'a> {
    pub plan: &'a Plan,
    /// The steps of each year (offset from the plan's start), in file order within a year.
    pub steps_by_year: Vec<Vec<Step>>,
    pub efforts: Vec<EffortRun>,
    /// Flexible letting rules as (area, share, from year).
    pub flexible: Vec<(usize, f64, u16)>,
    /// Per area: its district.
    pub area_districts: Vec<Option<usize>>,
    /// Per district: its areas, in plan order.
    pub district_areas: Vec<Vec<usize>>,
    pub area_index: HashMap<&'a str, usize>,
    pub district_index: HashMap<&'a str, usize>,
    /// Per area, per year of the plan: its held shares (convicted, non-Western), read from the
    /// plan's published points once, not again at every year's judging.
    held: Vec<HeldShares>,
    /// The years the plan covers.
    pub span: Span,
    /// Per area: the year of its last published share convicted (0: none).
    last_convicted_point: Vec<u16>,
}

/// An area's held shares in a year: convicted, non-Western.
pub(super) type HeldShares = (f64, f64);

/// A usable count: finite and not negative (the stock caps it when it is carried out).
fn count(value: f64) -> f64 {
    if value.is_finite() { value.max(0.0) } else { 0.0 }
}

impl<'a> Schedule<'a> {
    pub fn new(plan: &'a Plan) -> Self {
        let m = &plan.municipality;
        let area_index: HashMap<&str, usize> = m.areas.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let district_index: HashMap<&str, usize> =
            m.districts.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
        // Looked up on every core: a national table has 10,000 names to look up.
        let area_districts =
            parallel::map(m.areas.len(), |i| district_index.get(m.areas[i].district.as_str()).copied());
        let mut district_areas = vec![Vec::new(); m.districts.len()];
        for (i, district) in area_districts.iter().enumerate() {
            if let Some(d) = *district {
                district_areas[d].push(i);
            }
        }
        let span = plan.span();
        let years = span.year_count();
        // One row of the plan's years per area, side by side.
        let held = parallel::map(m.areas.len() * years, |k| {
            let held = &m.areas[k / years].held;
            #[allow(clippy::cast_possible_truncation)] // A span is a few dozen years.
            let year = span.first + (k % years) as u16;
            (held.convicted_in(year, span.first), held.non_western_in(year, span.first))
        });
        let last_convicted_point =
            m.areas.iter().map(|a| a.held.convicted_by_year.iter().map(|p| p.0).max().unwrap_or(0)).collect();
        let mut schedule = Self {
            plan,
            held,
            span,
            last_convicted_point,
            steps_by_year: vec![Vec::new(); span.year_count()],
            efforts: Vec::new(),
            flexible: Vec::new(),
            area_districts,
            district_areas,
            area_index,
            district_index,
        };
        schedule.file_actions();
        schedule.efforts = plan
            .efforts
            .iter()
            .filter_map(|e| {
                let &area = schedule.area_index.get(e.area.as_str())?;
                Some(EffortRun {
                    area,
                    kind: e.kind,
                    count: count(e.count),
                    from_year: e.from_year,
                    to_year: e.to_year,
                })
            })
            .collect();
        schedule.flexible = plan
            .letting
            .flexible
            .iter()
            .filter_map(|f| Some((*schedule.area_index.get(f.area.as_str())?, f.share.clamp(0.0, 1.0), f.from_year)))
            .collect();
        schedule
    }

    /// Area `i`'s held shares (convicted, non-Western) in `year`.
    pub fn held(&self, i: usize, year: u16) -> HeldShares {
        let at = self.span.index(year).map(|y| i * self.span.year_count() + y);
        match at.and_then(|k| self.held.get(k)) {
            Some(&shares) => shares,
            None => self.plan.municipality.areas.get(i).map_or((0.0, 0.0), |a| {
                (a.held.convicted_in(year, self.span.first), a.held.non_western_in(year, self.span.first))
            }),
        }
    }

    /// The year of area `i`'s last published share convicted (0: none): up to it the share is
    /// the published one, after it the share moves with the residents.
    pub fn last_convicted_point(&self, i: usize) -> u16 {
        self.last_convicted_point.get(i).copied().unwrap_or(0)
    }

    /// Files every action under the years it acts in (a phased building project in each of its
    /// years, with its share).
    fn file_actions(&mut self) {
        let institutions: HashMap<&str, usize> =
            self.plan.municipality.institutions.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
        let profiles: HashMap<&str, usize> =
            self.plan.municipality.profiles.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
        let actions = &self.plan.actions;
        let years = |kind: &ActionKind| match kind {
            ActionKind::Build { over_years, .. } => (*over_years).max(1),
            _ => 1,
        };
        // Resolved on every core, filed in plan order.
        let steps = parallel::map(actions.len(), |k| {
            self.resolve(&actions[k].kind, &institutions, &profiles, f64::from(years(&actions[k].kind)))
        });
        for (action, step) in actions.iter().zip(steps) {
            let Some(step) = step else { continue };
            for offset in 0..years(&action.kind) {
                self.file(action.year.saturating_add(offset), step);
            }
            // Emptied homes are let again once the years are over.
            if let (ActionKind::Empty { years, .. }, Step::Empty { area, tenure, count }) = (&action.kind, step) {
                self.file(action.year.saturating_add(*years), Step::Reopen { area, tenure, count });
            }
        }
    }

    /// Files a step under the year it acts in (none outside the projection's years).
    fn file(&mut self, year: u16, step: Step) {
        if let Some(slot) = self.span.index(year).and_then(|i| self.steps_by_year.get_mut(i)) {
            slot.push(step);
        }
    }

    /// An action as a step; `years` spreads a building project's homes evenly.
    fn resolve(
        &self,
        kind: &ActionKind,
        institutions: &HashMap<&str, usize>,
        profiles: &HashMap<&str, usize>,
        years: f64,
    ) -> Option<Step> {
        let area = |id: &str| self.area_index.get(id).copied();
        let district = |id: &str| self.district_index.get(id).copied();
        let institution = |id: &str| institutions.get(id).copied();
        Some(match kind {
            ActionKind::Demolish { area: a, tenure, count: n } => {
                Step::Demolish { area: area(a)?, tenure: *tenure, count: count(*n) }
            }
            ActionKind::Merge { area: a, tenure, count: n } => {
                Step::Merge { area: area(a)?, tenure: *tenure, count: count(*n) }
            }
            ActionKind::Empty { area: a, tenure, count: n, .. } => {
                Step::Empty { area: area(a)?, tenure: *tenure, count: count(*n) }
            }
            ActionKind::Build { area: a, tenure, count: n, .. } => {
                Step::Build { area: area(a)?, tenure: *tenure, count: count(*n) / years }
            }
            ActionKind::Sell { area: a, count: n } => Step::Sell { area: area(a)?, count: count(*n) },
            ActionKind::Convert { area: a, from, to, count: n } => {
                Step::Convert { area: area(a)?, from: *from, to: *to, count: count(*n) }
            }
            ActionKind::Facility { area: a, facility, area_m2 } => {
                Step::Facility { area: area(a)?, facility: *facility, area_m2: count(*area_m2) }
            }
            ActionKind::MoveInstitution { institution: i, district: d } => {
                Step::MoveInstitution { institution: institution(i)?, district: district(d)? }
            }
            ActionKind::AssignProfile { district: d, profile } => Step::AssignProfile {
                district: district(d)?,
                profile: profile.as_deref().and_then(|p| profiles.get(p).copied()),
            },
            ActionKind::MergeSchools { school, into } => {
                Step::MergeSchools { school: institution(school)?, into: institution(into)? }
            }
            ActionKind::SchoolProfile { school, profile } => {
                Step::SchoolProfile { school: institution(school)?, has_profile: profile.is_some() }
            }
        })
    }
}
