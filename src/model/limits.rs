//! The largest plan the program accepts, and the text it accepts in a plan. Every limit is
//! checked by [`Plan::validate`](super::Plan::validate), so the command line, Open, the
//! recovery file and every edit in the app refuse a plan beyond one, with words. The limits
//! are set so that every command on a plan at all of them at once stays within the memory and
//! time the README states, and so that such a plan, written compactly, fits the loader's file
//! size limit (`io::MAX_PLAN_BYTES`): whatever the app saves, it can open.
//!
//! Text must not carry control characters (other than line breaks and tabs in free text) or
//! the invisible direction overrides that can make a name read differently from what it is.

use super::action::ActionKind;
use super::plan::{ChangeEntry, CommentTarget, Plan};
use super::validate::PlanProblem;

pub const MAX_AREAS: usize = 1_000;
pub const MAX_DISTRICTS: usize = 500;
pub const MAX_INSTITUTIONS: usize = 500;
/// Districts in one school's catchment.
pub const MAX_CATCHMENT: usize = 20;
pub const MAX_PROFILES: usize = 200;
/// Map points of all areas' outlines together.
pub const MAX_SHAPE_POINTS: usize = 100_000;
pub const MAX_ACTIONS: usize = 2_000;
pub const MAX_EFFORTS: usize = 2_000;
pub const MAX_FLEXIBLE_LETTING: usize = 1_000;
pub const MAX_COMMENTS: usize = 1_000;
/// Votes a variant may hold (a room of tables, over many meetings), and dots in one vote.
pub const MAX_VOTES: usize = 1_000;
pub const MAX_DOTS: u32 = 10_000;
/// The change log keeps this many entries, the newest (see [`push_change`]).
pub const MAX_CHANGE_LOG: usize = 5_000;
/// Characters in an id (area, district, institution, profile).
pub const MAX_ID_CHARS: usize = 64;
/// Characters in a name, an author or a time stamp.
pub const MAX_NAME_CHARS: usize = 120;
/// Characters in the plan's notes.
pub const MAX_NOTES_CHARS: usize = 4_000;
/// Characters in a comment or the source of an area's held figures.
pub const MAX_TEXT_CHARS: usize = 1_000;
/// Characters in an action's note or a profile's source.
pub const MAX_NOTE_CHARS: usize = 300;
/// Characters in one change-log entry.
pub const MAX_LOG_CHARS: usize = 300;
/// Adds an entry to a change log within its limits: the text is cut to [`MAX_LOG_CHARS`] and
/// the oldest entries give way beyond [`MAX_CHANGE_LOG`].
pub fn push_change(log: &mut Vec<ChangeEntry>, mut entry: ChangeEntry) {
    if entry.text.chars().count() > MAX_LOG_CHARS {
        entry.text = entry.text.chars().take(MAX_LOG_CHARS - 1).chain(['…']).collect();
    }
    log.push(entry);
    if log.len() > MAX_CHANGE_LOG {
        log.drain(..log.len() - MAX_CHANGE_LOG);
    }
}

/// Whether a character is invisible trouble: a control character, or a direction override.
fn forbidden(c: char, multiline: bool) -> bool {
    let direction = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}');
    let allowed_control = multiline && matches!(c, '\n' | '\t' | '\r');
    direction || (c.is_control() && !allowed_control)
}

struct Texts<'a> {
    problems: &'a mut Vec<PlanProblem>,
}

impl Texts<'_> {
    fn report(&mut self, location: &str, key: &'static str, args: Vec<(&'static str, String)>) {
        self.problems.push(PlanProblem::new(location, key, args));
    }

    fn check(&mut self, location: &str, what: &str, text: &str, max: usize, multiline: bool) {
        let chars = text.chars().count();
        if chars > max {
            let args = vec![("what", what.to_owned()), ("chars", chars.to_string()), ("max", max.to_string())];
            self.report(location, "text_too_long", args);
        }
        if let Some(c) = text.chars().find(|c| forbidden(*c, multiline)) {
            let args = vec![("what", what.to_owned()), ("code", format!("{:04X}", u32::from(c)))];
            self.report(location, "control_character", args);
        }
    }

    fn count(&mut self, location: &str, what: &str, count: usize, max: usize) {
        if count > max {
            let args = vec![("what", what.to_owned()), ("count", count.to_string()), ("max", max.to_string())];
            self.report(location, "too_many", args);
        }
    }
}

/// Every limit the plan goes beyond, each with where.
pub(super) fn problems(plan: &Plan, out: &mut Vec<PlanProblem>) {
    let mut t = Texts { problems: out };
    let m = &plan.municipality;
    t.count("municipality.areas", "areas", m.areas.len(), MAX_AREAS);
    t.count("municipality.districts", "districts", m.districts.len(), MAX_DISTRICTS);
    t.count("municipality.institutions", "institutions", m.institutions.len(), MAX_INSTITUTIONS);
    t.count("municipality.profiles", "profiles", m.profiles.len(), MAX_PROFILES);
    let points = map_points(m);
    t.count("municipality.areas", "map points in the area outlines", points, MAX_SHAPE_POINTS);
    t.count("actions", "actions", plan.actions.len(), MAX_ACTIONS);
    t.count("efforts", "efforts", plan.efforts.len(), MAX_EFFORTS);
    t.count("letting.flexible", "flexible letting rules", plan.letting.flexible.len(), MAX_FLEXIBLE_LETTING);
    t.count("comments", "comments", plan.comments.len(), MAX_COMMENTS);
    t.count("votes", "votes", plan.votes.len(), MAX_VOTES);
    t.count("change_log", "change-log entries", plan.change_log.len(), MAX_CHANGE_LOG);
    t.check("name", "the name", &plan.name, MAX_NAME_CHARS, false);
    t.check("author", "the author", &plan.author, MAX_NAME_CHARS, false);
    t.check("notes", "the notes", &plan.notes, MAX_NOTES_CHARS, true);
    t.check("municipality.name", "the name", &m.name, MAX_NAME_CHARS, false);
    for (i, a) in m.areas.iter().enumerate() {
        let at = format!("municipality.areas[{i}]");
        t.check(&at, "the id", &a.id, MAX_ID_CHARS, false);
        t.check(&at, "the name", &a.name, MAX_NAME_CHARS, false);
        t.check(&at, "the district", &a.district, MAX_ID_CHARS, false);
        t.check(&at, "held.source", &a.held.source, MAX_TEXT_CHARS, true);
    }
    for (i, d) in m.districts.iter().enumerate() {
        let at = format!("municipality.districts[{i}]");
        t.check(&at, "the id", &d.id, MAX_ID_CHARS, false);
        t.check(&at, "the name", &d.name, MAX_NAME_CHARS, false);
    }
    for (i, inst) in m.institutions.iter().enumerate() {
        let at = format!("municipality.institutions[{i}]");
        t.check(&at, "the id", &inst.id, MAX_ID_CHARS, false);
        t.check(&at, "the name", &inst.name, MAX_NAME_CHARS, false);
        if let Some(profile) = &inst.profile {
            t.check(&at, "the profile", profile, MAX_ID_CHARS, false);
        }
        if inst.catchment.len() > MAX_CATCHMENT {
            let args = vec![("count", inst.catchment.len().to_string()), ("max", MAX_CATCHMENT.to_string())];
            t.report(&at, "catchment_too_long", args);
        }
    }
    for (i, p) in m.profiles.iter().enumerate() {
        let at = format!("municipality.profiles[{i}]");
        t.check(&at, "the id", &p.id, MAX_ID_CHARS, false);
        t.check(&at, "name_da", &p.name_da, MAX_NAME_CHARS, false);
        t.check(&at, "name_en", &p.name_en, MAX_NAME_CHARS, false);
        t.check(&at, "the source", &p.source, MAX_NOTE_CHARS, true);
    }
    for (i, action) in plan.actions.iter().enumerate() {
        t.check(&format!("actions[{i}]"), "the note", &action.note, MAX_NOTE_CHARS, true);
        if let ActionKind::SchoolProfile { profile: Some(profile), .. } = &action.kind {
            t.check(&format!("actions[{i}]"), "the profile", profile, MAX_ID_CHARS, false);
        }
    }
    for (i, c) in plan.comments.iter().enumerate() {
        let at = format!("comments[{i}]");
        t.check(&at, "the author", &c.author, MAX_NAME_CHARS, false);
        t.check(&at, "the text", &c.text, MAX_TEXT_CHARS, true);
        t.check(&at, "the time", &c.time, MAX_NAME_CHARS, false);
        if let CommentTarget::Area(id) | CommentTarget::District(id) = &c.target {
            t.check(&at, "the target", id, MAX_ID_CHARS, false);
        }
    }
    for (i, v) in plan.votes.iter().enumerate() {
        let at = format!("votes[{i}]");
        t.check(&at, "the group", &v.group, MAX_NAME_CHARS, false);
        if v.dots > MAX_DOTS {
            t.report(&at, "too_many_dots", vec![("dots", v.dots.to_string()), ("max", MAX_DOTS.to_string())]);
        }
    }
    for (i, e) in plan.change_log.iter().enumerate() {
        let at = format!("change_log[{i}]");
        t.check(&at, "the text", &e.text, MAX_LOG_CHARS, true);
        t.check(&at, "the time", &e.time, MAX_NAME_CHARS, false);
        for (what, text) in e.edit.iter().flat_map(super::PlanEdit::texts) {
            t.check(&at, what, text, MAX_NOTES_CHARS, true);
        }
    }
}

/// The points of the outlines a plan carries: its embedded map (areas and landmarks) and any
/// rectangles of an older format not yet turned into a map.
fn map_points(m: &super::Municipality) -> usize {
    let ring_points = |rings: &[super::Ring]| rings.iter().map(Vec::len).sum::<usize>();
    let embedded = match &m.map {
        super::MapSource::Embedded(data) => {
            data.areas.iter().flat_map(|a| &a.polygons).map(|p| ring_points(p)).sum::<usize>()
                + data.landmarks.iter().map(|l| ring_points(&l.parts)).sum::<usize>()
        }
        _ => 0,
    };
    embedded + m.areas.iter().map(|a| a.legacy_shape.len()).sum::<usize>()
}
