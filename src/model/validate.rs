//! [`Plan::validate`], which names every problem that keeps a plan from being projected, each
//! with where it is and a sentence of the translation tables.

use super::action::{Action, ActionKind};
use super::assumptions::ParamTable;
use super::groups::{PerTenure, Tenure};
use super::place::InstitutionKind;
use super::plan::{CommentTarget, FIRST_YEAR, FORMAT_VERSION, LATEST_START, Plan, Span};
use std::collections::{BTreeMap, HashSet};

/// The first government list (2010): published points are no older.
const LIST_BEGAN: u16 = super::limits::FIRST_LIST_YEAR;

/// Counts above this are absurd for one municipality and are refused.
const MAX_COUNT: f64 = 10_000_000.0;
/// The longest homes may stand empty for one emptying (a renovation takes a few years).
const MAX_EMPTY_YEARS: u16 = 15;

/// One problem with a plan: where it is, and what is wrong as a sentence of the translation
/// tables (`problem.<key>`) with its values, so the command line says it in English and the
/// app in the room's language ([`crate::words::problem`]; `Display` is the English).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanProblem {
    /// Where in the plan, e.g. `actions[2] (demolish in taastrupgaard, 2018)`.
    pub location: String,
    pub key: &'static str,
    /// The sentence's values by name; a `what` names a field or a kind of place.
    pub args: Vec<(&'static str, String)>,
}

impl PlanProblem {
    pub fn new(location: &str, key: &'static str, args: Vec<(&'static str, String)>) -> Self {
        Self { location: location.to_owned(), key, args }
    }
}

/// Collects problems while walking a plan.
pub(super) struct Checker {
    pub(super) problems: Vec<PlanProblem>,
    /// The years the plan covers: its actions, letting rules and efforts lie in them.
    pub(super) span: Span,
}

impl Checker {
    pub(super) fn report(&mut self, location: &str, key: &'static str, args: Vec<(&'static str, String)>) {
        self.problems.push(PlanProblem::new(location, key, args));
    }

    /// A count or size: finite, not negative, not absurd.
    pub(super) fn amount(&mut self, location: &str, what: &str, value: f64) {
        let key = if value.is_nan() {
            "not_a_number"
        } else if value.is_infinite() {
            "infinite"
        } else if value < 0.0 {
            "negative"
        } else if value > MAX_COUNT {
            "absurdly_large"
        } else {
            return;
        };
        let args = vec![("what", what.to_owned()), ("value", short(value)), ("max", short(MAX_COUNT))];
        self.report(location, key, args);
    }

    /// A share between 0 and 1.
    pub(super) fn share(&mut self, location: &str, what: &str, value: f64) {
        if !(0.0..=1.0).contains(&value) {
            self.report(location, "not_a_share", vec![("what", what.to_owned()), ("value", short(value))]);
        }
    }

    /// A year the plan acts in: from its start to its horizon.
    pub(super) fn year(&mut self, location: &str, what: &str, year: u16) {
        self.year_within(location, what, year, self.span.first);
    }

    /// A year from `first` to the plan's horizon (published points may be older than the start).
    fn year_within(&mut self, location: &str, what: &str, year: u16, first: u16) {
        if !(first..=self.span.last).contains(&year) {
            let args = vec![
                ("what", what.to_owned()),
                ("year", year.to_string()),
                ("first", first.to_string()),
                ("last", self.span.last.to_string()),
            ];
            self.report(location, "year_outside", args);
        }
    }

    fn known(&mut self, location: &str, what: &str, id: &str, known: bool) {
        if !known {
            self.report(location, "unknown_id", vec![("what", what.to_owned()), ("id", clipped(id))]);
        }
    }
}

impl Plan {
    /// Every problem that keeps the plan from being projected, each with where it is.
    /// An empty list means the plan can be used.
    pub fn validate(&self, table: &ParamTable) -> Vec<PlanProblem> {
        let mut check = Checker { problems: Vec::new(), span: self.span() };
        if !(FIRST_YEAR..=LATEST_START).contains(&self.start_year) {
            let args = vec![
                ("year", self.start_year.to_string()),
                ("first", FIRST_YEAR.to_string()),
                ("last", LATEST_START.to_string()),
            ];
            check.report("start_year", "start_year_outside", args);
        }
        if self.format_version > FORMAT_VERSION {
            let args = vec![("version", self.format_version.to_string()), ("max", FORMAT_VERSION.to_string())];
            check.report("format_version", "newer_format", args);
        } else if self.format_version != FORMAT_VERSION {
            let args = vec![("version", self.format_version.to_string()), ("max", FORMAT_VERSION.to_string())];
            check.report("format_version", "older_format", args);
        }
        super::limits::problems(self, &mut check.problems);
        self.validate_places(&mut check);
        self.validate_actions(&mut check);
        self.validate_policies(&mut check);
        self.validate_log(&mut check, table);
        let areas: HashSet<&str> = self.municipality.areas.iter().map(|a| a.id.as_str()).collect();
        let districts: HashSet<&str> = self.municipality.districts.iter().map(|d| d.id.as_str()).collect();
        for (i, comment) in self.comments.iter().enumerate() {
            let at = format!("comments[{i}]");
            match &comment.target {
                CommentTarget::Plan => {}
                CommentTarget::Area(id) => check.known(&at, "area", id, areas.contains(id.as_str())),
                CommentTarget::District(id) => check.known(&at, "district", id, districts.contains(id.as_str())),
            }
        }
        for (key, value) in &self.assumptions {
            let location = format!("assumptions[\"{}\"]", clipped(key));
            match table.get(key) {
                None => check.report(&location, "unknown_assumption", Vec::new()),
                Some(def) if !(def.min..=def.max).contains(value) => check.report(
                    &location,
                    "assumption_outside",
                    vec![
                        ("value", short(*value)),
                        ("min", def.min.to_string()),
                        ("max", def.max.to_string()),
                        ("unit", def.unit.clone()),
                    ],
                ),
                Some(_) => {}
            }
        }
        check.problems
    }

    fn validate_places(&self, check: &mut Checker) {
        let m = &self.municipality;
        if m.areas.is_empty() {
            check.report("municipality.areas", "no_areas", Vec::new());
        }
        let district_ids: HashSet<&str> = m.districts.iter().map(|d| d.id.as_str()).collect();
        let profile_ids: HashSet<&str> = m.profiles.iter().map(|p| p.id.as_str()).collect();
        duplicates(check, "municipality.areas", m.areas.iter().map(|a| a.id.as_str()));
        duplicates(check, "municipality.districts", m.districts.iter().map(|d| d.id.as_str()));
        duplicates(check, "municipality.institutions", m.institutions.iter().map(|i| i.id.as_str()));
        duplicates(check, "municipality.profiles", m.profiles.iter().map(|p| p.id.as_str()));
        for (i, area) in m.areas.iter().enumerate() {
            let at = format!("municipality.areas[{i}] ({})", clipped(&area.id));
            if area.id.trim().is_empty() {
                check.report(&at, "no_id", Vec::new());
            }
            check.known(&at, "district", &area.district, district_ids.contains(area.district.as_str()));
            for (tenure, homes) in area.homes.iter() {
                check.amount(&at, &format!("homes.{}", tenure.key()), homes);
            }
            for (group, persons) in area.residents.iter() {
                check.amount(&at, &format!("residents.{}", group.key()), persons);
            }
            check.amount(&at, "commercial_m2", area.commercial_m2);
            check.amount(&at, "demolished_2011_2015", area.demolished_2011_2015);
            self.validate_held(check, &at, &area.held);
            if area.legacy_shape.iter().flatten().any(|c| !c.is_finite()) {
                check.report(&at, "shape_not_a_number", Vec::new());
            }
        }
        let area_ids: HashSet<&str> = m.areas.iter().map(|a| a.id.as_str()).collect();
        check.problems.extend(m.map.problems(&|id| area_ids.contains(id)));
        if let super::MapSource::Shipped(name) = &m.map
            && !super::SHIPPED_MAPS.contains(&name.as_str())
        {
            let args = vec![("name", clipped(name)), ("names", super::SHIPPED_MAPS.join(", "))];
            check.report("municipality.map", "unknown_shipped_map", args);
        }
        if let super::Baseline::Shipped(name) = &self.baseline
            && !super::SHIPPED_BASELINES.contains(&name.as_str())
        {
            let args = vec![("name", clipped(name)), ("names", super::SHIPPED_BASELINES.join(", "))];
            check.report("baseline", "unknown_shipped_baseline", args);
        }
        for (i, district) in m.districts.iter().enumerate() {
            if let Some(profile) = &district.profile {
                let at = format!("municipality.districts[{i}] ({})", clipped(&district.id));
                check.known(&at, "profile", profile, profile_ids.contains(profile.as_str()));
            }
        }
        for (i, inst) in m.institutions.iter().enumerate() {
            let at = format!("municipality.institutions[{i}] ({})", clipped(&inst.id));
            check.known(&at, "district", &inst.district, district_ids.contains(inst.district.as_str()));
            check.amount(&at, "capacity", inst.capacity);
            for d in &inst.catchment {
                check.known(&at, "catchment district", d, district_ids.contains(d.as_str()));
            }
        }
        for (i, profile) in m.profiles.iter().enumerate() {
            if !(-1.0..=1.0).contains(&profile.strength) {
                let at = format!("municipality.profiles[{i}] ({})", clipped(&profile.id));
                check.report(&at, "profile_strength", vec![("value", short(profile.strength))]);
            }
        }
    }

    /// The held inputs and 2016 seeds of one area.
    fn validate_held(&self, check: &mut Checker, at: &str, held: &super::HeldInputs) {
        check.share(at, "held.convicted_share", held.convicted_share);
        check.share(at, "held.non_western_share", held.non_western_share);
        for (what, drift) in [
            ("held.convicted_drift_per_year", held.convicted_drift_per_year),
            ("held.non_western_drift_per_year", held.non_western_drift_per_year),
        ] {
            if !(-0.1..=0.1).contains(&drift) {
                check.report(at, "drift", vec![("what", what.to_owned()), ("value", short(drift))]);
            }
        }
        for (what, points) in [
            ("held.convicted_by_year", &held.convicted_by_year),
            ("held.non_western_by_year", &held.non_western_by_year),
        ] {
            for (year, share) in points {
                check.year_within(at, &format!("{what}: the year"), *year, LIST_BEGAN);
                check.share(at, what, *share);
            }
            if points.windows(2).any(|w| w[0].0 >= w[1].0) {
                check.report(at, "years_in_order", vec![("what", what.to_owned())]);
            }
        }
        if let Some(share) = held.basic_schooling_2016 {
            check.share(at, "held.basic_schooling_2016", share);
        }
        if let Some(income) = held.income_2016
            && !(0.05..=5.0).contains(&income)
        {
            check.report(at, "income_2016", vec![("value", short(income))]);
        }
        if held.income_level.is_some() && self.format_version >= 4 {
            check.report(at, "income_level", Vec::new());
        }
        let most_listed = u32::from(self.start_year.saturating_sub(super::limits::FIRST_LIST_YEAR));
        if held.years_listed_before_2016 > most_listed {
            let years = held.years_listed_before_2016;
            let max = most_listed.to_string();
            check.report(at, "years_listed", vec![("years", years.to_string()), ("max", max)]);
        }
    }

    /// Checks each action in the order it takes effect, against the stock it meets.
    /// Checks the actions in the order they happen, against the homes and schools left by the
    /// actions before them.
    fn validate_actions(&self, check: &mut Checker) {
        let m = &self.municipality;
        let mut stock: BTreeMap<&str, PerTenure<f64>> = m.areas.iter().map(|a| (a.id.as_str(), a.homes)).collect();
        let mut places = KnownPlaces {
            schools: m.institutions.iter().map(|i| (i.id.as_str(), i.kind == InstitutionKind::School)).collect(),
            districts: m.districts.iter().map(|d| d.id.as_str()).collect(),
            profiles: m.profiles.iter().map(|p| p.id.as_str()).collect(),
        };
        let mut order: Vec<usize> = (0..self.actions.len()).collect();
        order.sort_by_key(|&i| self.actions[i].year);
        for i in order {
            let action = &self.actions[i];
            let at = format!("actions[{i}] ({} {}, {})", action.kind.key(), action_target(&action.kind), action.year);
            check.year(&at, "the year", action.year);
            if let Some(area) = action.kind.area() {
                check.known(&at, "area", area, stock.contains_key(area));
                check_homes_action(check, &at, action, stock.get_mut(area));
            } else {
                places.check(check, &at, &action.kind);
            }
        }
    }

    fn validate_policies(&self, check: &mut Checker) {
        let areas: HashSet<&str> = self.municipality.areas.iter().map(|a| a.id.as_str()).collect();
        check.share("letting.municipal_allocation_share", "the share", self.letting.municipal_allocation_share);
        for (i, flex) in self.letting.flexible.iter().enumerate() {
            let at = format!("letting.flexible[{i}] ({})", clipped(&flex.area));
            check.known(&at, "area", &flex.area, areas.contains(flex.area.as_str()));
            check.share(&at, "share", flex.share);
            check.year(&at, "from_year", flex.from_year);
        }
        if let Some(year) = self.letting.joint_allocation_from {
            check.year("letting.joint_allocation_from", "the year", year);
        }
        for (i, effort) in self.efforts.iter().enumerate() {
            let at = format!("efforts[{i}] ({} in {})", effort.kind.key(), clipped(&effort.area));
            check.known(&at, "area", &effort.area, areas.contains(effort.area.as_str()));
            check.amount(&at, "count", effort.count);
            if effort.count > 1000.0 {
                check.report(&at, "too_much_staff", vec![("value", short(effort.count))]);
            }
            check.year(&at, "from_year", effort.from_year);
            check.year(&at, "to_year", effort.to_year);
            if effort.to_year < effort.from_year {
                let args = vec![("to", effort.to_year.to_string()), ("from", effort.from_year.to_string())];
                check.report(&at, "ends_before_start", args);
            }
        }
    }
}

/// An action on an area's homes, checked and applied to the area's homes as the actions
/// before it left them (`None`: the area is unknown, reported already).
fn check_homes_action(check: &mut Checker, at: &str, action: &Action, homes: Option<&mut PerTenure<f64>>) {
    let count = match &action.kind {
        ActionKind::Facility { area_m2, .. } => return check.amount(at, "area_m2", *area_m2),
        ActionKind::Demolish { count, .. }
        | ActionKind::Merge { count, .. }
        | ActionKind::Build { count, .. }
        | ActionKind::Sell { count, .. }
        | ActionKind::Convert { count, .. }
        | ActionKind::Empty { count, .. } => *count,
        _ => return,
    };
    check.amount(at, "count", count);
    if let ActionKind::Build { over_years, .. } = action.kind {
        if over_years == 0 {
            check.report(at, "over_years_zero", Vec::new());
        } else if u32::from(action.year) + u32::from(over_years) - 1 > u32::from(check.span.last) {
            let args = vec![
                ("years", over_years.to_string()),
                ("year", action.year.to_string()),
                ("last", check.span.last.to_string()),
            ];
            check.report(at, "build_past_end", args);
        }
    }
    if let ActionKind::Empty { years, .. } = action.kind
        && !(1..=MAX_EMPTY_YEARS).contains(&years)
    {
        check.report(at, "empty_years", vec![("years", years.to_string()), ("max", MAX_EMPTY_YEARS.to_string())]);
    }
    if let ActionKind::Convert { from, to, .. } = action.kind
        && from == to
    {
        check.report(at, "convert_same", vec![("tenure", from.key().to_owned())]);
    }
    let Some(homes) = homes else { return };
    let grows = count.is_finite() && count > 0.0;
    match action.kind {
        ActionKind::Demolish { tenure, .. } => {
            take(check, at, homes, tenure, count);
        }
        ActionKind::Merge { tenure, .. } => {
            take(check, at, homes, tenure, count);
            if grows {
                homes[tenure] += count / 2.0;
            }
        }
        ActionKind::Build { tenure, .. } if grows => homes[tenure] += count,
        ActionKind::Sell { .. } if take(check, at, homes, Tenure::AlmenFamily, count) => {
            homes[Tenure::OwnerOccupied] += count;
        }
        ActionKind::Convert { from, to, .. } if take(check, at, homes, from, count) => homes[to] += count,
        // Emptied homes still stand: there must be that many, and they stay in the stock.
        ActionKind::Empty { tenure, .. } if take(check, at, homes, tenure, count) => homes[tenure] += count,
        _ => {}
    }
}

/// The districts, profiles and institutions an action may name; schools merged away are gone
/// for the actions after the merge.
struct KnownPlaces<'p> {
    /// Institution id → whether it is a school.
    schools: BTreeMap<&'p str, bool>,
    districts: HashSet<&'p str>,
    profiles: HashSet<&'p str>,
}

impl KnownPlaces<'_> {
    fn check(&mut self, check: &mut Checker, at: &str, kind: &ActionKind) {
        match kind {
            ActionKind::MoveInstitution { institution, district } => {
                check.known(at, "institution", institution, self.schools.contains_key(institution.as_str()));
                check.known(at, "district", district, self.districts.contains(district.as_str()));
            }
            ActionKind::AssignProfile { district, profile } => {
                check.known(at, "district", district, self.districts.contains(district.as_str()));
                if let Some(p) = profile {
                    check.known(at, "profile", p, self.profiles.contains(p.as_str()));
                }
            }
            ActionKind::MergeSchools { school, into } => {
                for id in [school, into] {
                    match self.schools.get(id.as_str()) {
                        None => check.known(at, "institution", id, false),
                        Some(false) => check.report(at, "not_a_school", vec![("id", clipped(id))]),
                        Some(true) => {}
                    }
                }
                if school == into {
                    check.report(at, "merge_into_itself", vec![("id", clipped(school))]);
                }
                self.schools.remove(school.as_str());
            }
            ActionKind::SchoolProfile { school, .. } => {
                check.known(at, "school", school, self.schools.get(school.as_str()) == Some(&true));
            }
            _ => {}
        }
    }
}

/// Takes `count` homes of a tenure from the stock, or reports that there are not that many.
fn take(check: &mut Checker, at: &str, homes: &mut PerTenure<f64>, tenure: Tenure, count: f64) -> bool {
    // Counts and stocks that are themselves wrong have been reported already.
    if !count.is_finite() || !(0.0..=MAX_COUNT).contains(&count) || homes[tenure] < 0.0 {
        return false;
    }
    if count > homes[tenure] + 1e-9 {
        let (count, there) = (short(count), short(homes[tenure]));
        let args = vec![("count", count), ("tenure", tenure.key().to_owned()), ("there", there)];
        check.report(at, "not_enough_homes", args);
        return false;
    }
    homes[tenure] -= count;
    true
}

/// A number as a person reads it: plain when ordinary, scientific when absurdly large or
/// small (never 309 digits for 1e308).
pub(super) fn short(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 1e9 || (magnitude > 0.0 && magnitude < 1e-6) { format!("{value:e}") } else { format!("{value}") }
}

/// An id as a message shows it: cut short if someone made it absurdly long, and any character
/// the text rule forbids shown as its code (see [`super::limits::shown`]).
fn clipped(id: &str) -> String {
    super::limits::shown(id, super::limits::MAX_ID_CHARS)
}

fn duplicates<'a>(check: &mut Checker, location: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            check.report(location, "id_twice", vec![("id", clipped(id))]);
        }
    }
}

/// What an action names, for locations: its area, institution or district.
fn action_target(kind: &ActionKind) -> String {
    match kind {
        ActionKind::MoveInstitution { institution, .. } => format!("of {}", clipped(institution)),
        ActionKind::AssignProfile { district, .. } => format!("to {}", clipped(district)),
        ActionKind::MergeSchools { school, .. } | ActionKind::SchoolProfile { school, .. } => {
            format!("of {}", clipped(school))
        }
        other => format!("in {}", clipped(other.area().unwrap_or("?"))),
    }
}
