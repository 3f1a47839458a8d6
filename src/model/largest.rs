//! The largest plan the limits allow: every count at its limit at once, every text at its
//! longest in four-byte characters, every number with all its digits. It is what the limits
//! promise to handle: a test holds that it is valid and, written compactly, fits the loader's
//! size limit; the limit benchmark and the README's figures for `project`, `report` and the app
//! are measured on it.

use super::limits::{
    MAX_ACTIONS, MAX_AREAS, MAX_CATCHMENT, MAX_CHANGE_LOG, MAX_COMMENTS, MAX_DISTRICTS, MAX_EFFORTS,
    MAX_FLEXIBLE_LETTING, MAX_ID_CHARS, MAX_INSTITUTIONS, MAX_LOG_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS,
    MAX_NOTES_CHARS, MAX_PROFILES, MAX_SHAPE_POINTS, MAX_TEXT_CHARS,
};
use super::{
    Action, ActionKind, ChangeEntry, Comment, CommentTarget, District, Effort, EffortKind, FlexibleLetting,
    Institution, InstitutionKind, PerGroup, PerTenure, Plan, Profile, Tenure,
};

/// `chars` characters of text, four bytes each, ending in `tag` (which keeps ids apart).
fn text(chars: usize, tag: &str) -> String {
    let tag_chars = tag.chars().count().min(chars);
    "🏠".repeat(chars - tag_chars) + &tag.chars().take(chars).collect::<String>()
}

fn id(kind: &str, i: usize) -> String {
    text(MAX_ID_CHARS, &format!("{kind}{i}"))
}

/// A count with all seventeen significant digits, well inside every check.
fn digits(i: usize) -> f64 {
    1_234.567_890_123_456_7 + f64::from(u32::try_from(i % 1000).unwrap_or(0))
}

/// `base` (for its assumptions, rule set and a template area) grown to every limit.
pub fn largest_plan(base: &Plan) -> Plan {
    let mut plan = base.clone();
    plan.name = text(MAX_NAME_CHARS, "");
    plan.author = text(MAX_NAME_CHARS, "");
    plan.notes = text(MAX_NOTES_CHARS, "");
    places(&mut plan);
    changes(&mut plan);
    plan
}

fn places(plan: &mut Plan) {
    let m = &mut plan.municipality;
    m.name = text(MAX_NAME_CHARS, "");
    m.profiles = (0..MAX_PROFILES)
        .map(|i| Profile {
            id: id("p", i),
            name_da: text(MAX_NAME_CHARS, ""),
            name_en: text(MAX_NAME_CHARS, ""),
            strength: 0.123_456_789_012_345_6,
            source: text(MAX_NOTE_CHARS, ""),
        })
        .collect();
    m.districts = (0..MAX_DISTRICTS)
        .map(|i| District {
            id: id("d", i),
            name: text(MAX_NAME_CHARS, ""),
            short_name: String::new(),
            profile: Some(id("p", i % MAX_PROFILES)),
        })
        .collect();
    let Some(template) = m.areas.first().cloned() else { return };
    let points = MAX_SHAPE_POINTS / MAX_AREAS;
    // Every area's outline carried in the plan, the points at their limit.
    #[allow(clippy::cast_precision_loss)] // Small whole numbers.
    let point = |k: usize| 12.123_456_78 + (k % 7) as f64 * 0.001;
    let outlines = (0..MAX_AREAS)
        .map(|i| super::AreaOutline {
            area: id("a", i),
            polygons: vec![vec![(0..points).map(|k| [point(k), 55.0 + point(k + 3) / 100.0]).collect()]],
        })
        .collect();
    m.map = super::MapSource::Embedded(super::MapData { areas: outlines, ..super::MapData::default() });
    m.areas = (0..MAX_AREAS)
        .map(|i| {
            let mut area = template.clone();
            area.id = id("a", i);
            area.name = text(MAX_NAME_CHARS, "");
            area.district = id("d", i % MAX_DISTRICTS);
            area.homes = PerTenure::from_fn(|_| digits(i));
            area.residents = PerGroup::from_fn(|_| 2.0 * digits(i));
            area.commercial_m2 = digits(i);
            area.held.source = text(MAX_TEXT_CHARS, "");
            area
        })
        .collect();
    m.institutions = (0..MAX_INSTITUTIONS)
        .map(|i| Institution {
            id: id("i", i),
            name: text(MAX_NAME_CHARS, ""),
            kind: InstitutionKind::School,
            district: id("d", i % MAX_DISTRICTS),
            capacity: digits(i),
            profile: Some(text(MAX_ID_CHARS, "")),
            catchment: (0..MAX_CATCHMENT).map(|k| id("d", (i + k) % MAX_DISTRICTS)).collect(),
        })
        .collect();
}

fn changes(plan: &mut Plan) {
    let area = |i: usize| id("a", i % MAX_AREAS);
    plan.actions = (0..MAX_ACTIONS)
        .map(|i| Action {
            id: crate::model::ActionId(u32::try_from(i + 1).unwrap_or(u32::MAX)),
            year: 2020,
            kind: ActionKind::Build { area: area(i), tenure: Tenure::PrivateRental, count: digits(i), over_years: 1 },
            note: text(MAX_NOTE_CHARS, ""),
        })
        .collect();
    plan.efforts = (0..MAX_EFFORTS)
        .map(|i| Effort {
            kind: EffortKind::JobConsultants,
            area: area(i),
            count: 1.234_567_890_123,
            from_year: 2017,
            to_year: 2039,
        })
        .collect();
    plan.letting.flexible = (0..MAX_FLEXIBLE_LETTING)
        .map(|i| FlexibleLetting { area: area(i), share: 0.123_456_789_012_345_6, from_year: 2018 })
        .collect();
    let time = "2026-11-29T13:03:12Z".to_owned();
    plan.comments = (0..MAX_COMMENTS)
        .map(|i| Comment {
            target: CommentTarget::Area(area(i)),
            author: text(MAX_NAME_CHARS, ""),
            text: text(MAX_TEXT_CHARS, ""),
            time: time.clone(),
        })
        .collect();
    plan.change_log = (0..MAX_CHANGE_LOG)
        .map(|_| ChangeEntry { time: time.clone(), edit: None, text: text(MAX_LOG_CHARS, "") })
        .collect();
}
