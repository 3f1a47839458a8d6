//! Plan parts in words a citizen can follow: actions, efforts, the parts of an attribution,
//! e.g. "Nedrivning af 188 almene familieboliger i Taastrupgaard (2018)". Used by the editor's
//! timeline, the explanation and the undo history.

use crate::explain::Part;
use crate::i18n::{Language, Tr};
use crate::model::{ActionKind, Effort, Municipality, Plan, Tenure};

fn area_name<'a>(m: &'a Municipality, id: &'a str) -> &'a str {
    m.area(id).map_or(id, |a| a.name.as_str())
}

fn district_name<'a>(m: &'a Municipality, id: &'a str) -> &'a str {
    m.district(id).map_or(id, |d| d.name.as_str())
}

fn institution_name<'a>(m: &'a Municipality, id: &'a str) -> &'a str {
    m.institution(id).map_or(id, |i| i.name.as_str())
}

/// A profile's name in the language.
pub fn profile_name(tr: Tr<'_>, m: &Municipality, id: &str) -> String {
    m.profile(id).map_or_else(
        || id.to_owned(),
        |p| match tr.language {
            Language::Danish => p.name_da.clone(),
            Language::English => p.name_en.clone(),
        },
    )
}

/// A tenure's name inside a sentence ("almene familieboliger").
pub fn tenure_lower(tr: Tr<'_>, tenure: Tenure) -> String {
    tr.of("tenure", tenure.key()).to_lowercase()
}

/// What an action does, without its year.
pub fn action(tr: Tr<'_>, m: &Municipality, kind: &ActionKind) -> String {
    let count = |c: f64| tr.num(c, 0);
    match kind {
        ActionKind::Demolish { area, tenure, count: c } => tr.fill(
            "action.demolish",
            &[("count", &count(*c)), ("tenure", &tenure_lower(tr, *tenure)), ("area", area_name(m, area))],
        ),
        ActionKind::Build { area, tenure, count: c, over_years } => {
            let text = tr.fill(
                "action.build",
                &[("count", &count(*c)), ("tenure", &tenure_lower(tr, *tenure)), ("area", area_name(m, area))],
            );
            if *over_years > 1 {
                format!("{text} {}", tr.fill("action.over_years", &[("years", &over_years.to_string())]))
            } else {
                text
            }
        }
        ActionKind::Sell { area, count: c } => {
            tr.fill("action.sell", &[("count", &count(*c)), ("area", area_name(m, area))])
        }
        ActionKind::Convert { area, from, to, count: c } => tr.fill(
            "action.convert",
            &[
                ("count", &count(*c)),
                ("from", &tenure_lower(tr, *from)),
                ("to", &tenure_lower(tr, *to)),
                ("area", area_name(m, area)),
            ],
        ),
        ActionKind::Merge { area, tenure, count: c } => tr.fill(
            "action.merge",
            &[("count", &count(*c)), ("tenure", &tenure_lower(tr, *tenure)), ("area", area_name(m, area))],
        ),
        ActionKind::Facility { area, facility, area_m2 } => tr.fill(
            "action.facility",
            &[
                ("facility", &tr.of("facility", facility.key())),
                ("m2", &tr.num(*area_m2, 0)),
                ("area", area_name(m, area)),
            ],
        ),
        ActionKind::MoveInstitution { institution, district } => tr.fill(
            "action.move_institution",
            &[("institution", institution_name(m, institution)), ("district", district_name(m, district))],
        ),
        ActionKind::AssignProfile { district, profile: Some(p) } => tr.fill(
            "action.assign_profile",
            &[("district", district_name(m, district)), ("profile", &profile_name(tr, m, p))],
        ),
        ActionKind::AssignProfile { district, profile: None } => {
            tr.fill("action.remove_profile", &[("district", district_name(m, district))])
        }
        ActionKind::MergeSchools { school, into } => tr.fill(
            "action.merge_schools",
            &[("school", institution_name(m, school)), ("into", institution_name(m, into))],
        ),
        ActionKind::SchoolProfile { school, profile: Some(p) } => tr.fill(
            "action.school_profile",
            &[("school", institution_name(m, school)), ("profile", &profile_name(tr, m, p))],
        ),
        ActionKind::SchoolProfile { school, profile: None } => {
            tr.fill("action.school_profile_none", &[("school", institution_name(m, school))])
        }
    }
}

/// An effort in words, with its years.
pub fn effort(tr: Tr<'_>, m: &Municipality, e: &Effort) -> String {
    tr.fill(
        "effort.sentence",
        &[
            ("count", &tr.num(e.count, 1)),
            ("kind", &tr.of("effort", e.kind.key()).to_lowercase()),
            ("area", area_name(m, &e.area)),
            ("from", &e.from_year.to_string()),
            ("to", &e.to_year.to_string()),
        ],
    )
}

/// A part of the plan against its baseline.
pub fn part(tr: Tr<'_>, plan: &Plan, part: &Part) -> String {
    let m = &plan.municipality;
    match part {
        Part::StartingPoint => tr.t("part.starting_point").to_owned(),
        Part::Action(a) => format!("{} ({})", action(tr, m, &a.kind), a.year),
        Part::DroppedAction(a) => {
            tr.fill("part.dropped", &[("what", &format!("{} ({})", action(tr, m, &a.kind), a.year))])
        }
        Part::Effort(e) => effort(tr, m, e),
        Part::DroppedEffort(e) => tr.fill("part.dropped", &[("what", &effort(tr, m, e))]),
        Part::Letting(l) => tr.fill("part.letting", &[("share", &tr.pct(l.municipal_allocation_share, 0))]),
    }
}
