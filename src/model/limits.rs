//! The largest plan the program accepts, and the text it accepts in a plan. Every limit is
//! checked by [`Plan::validate`](super::Plan::validate), so the command line, Open, the
//! recovery file and every edit in the app refuse a plan beyond one, with words. The limits
//! are set so that every command on a plan at all of them at once stays within the memory and
//! time the README states, and so that such a plan, written compactly, fits the loader's file
//! size limit (`io::MAX_PLAN_BYTES`): whatever the app saves, it can open.
//!
//! One text rule holds for every string a plan or an import can carry ([`text_fault`]): at
//! most its field's length, and none of the characters that can make a text read differently
//! from what it is or break the report's markup ([`forbidden`]) — control characters (line
//! breaks and tabs only in free text), direction marks and overrides, invisible formatting
//! characters and separators, Unicode noncharacters. [`shown`] is how a message quotes what
//! someone typed: at most [`SHOWN_CHARS`] characters, the forbidden ones as their code.

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

/// The year of the first government list: an area can have been listed for the years from it
/// to a plan's start (6 before 2016).
pub const FIRST_LIST_YEAR: u16 = 2010;
/// Landmarks (railways, stations, place names, …) on a map a plan carries.
pub const MAX_LANDMARKS: usize = 1_000;
/// Characters of someone's input that a message quotes; the rest is cut with "…".
pub const SHOWN_CHARS: usize = 80;

/// Whether a character is invisible trouble in a text: a control character (free text may
/// hold line breaks and tabs), a direction mark or override (U+061C, U+200E/F, U+202A–E,
/// U+2066–9), a line or paragraph separator (U+2028/9), an invisible formatting character
/// (zero-width space, word joiner and the invisible operators, byte-order mark, interlinear
/// annotation, tags, the Hangul fillers), or a Unicode noncharacter (U+FFFE, U+FFFF, …, which
/// XML cannot carry). The joiners and the soft hyphen (U+200C/D, U+00AD, U+034F) that emoji
/// and some scripts need are allowed in free text, not in names and ids, where they would make
/// two names that look alike differ.
pub fn forbidden(c: char, multiline: bool) -> bool {
    let direction =
        matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let invisible = matches!(
        c,
        '\u{2028}'
            | '\u{2029}'
            | '\u{200B}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{180E}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{E0000}'..='\u{E007F}'
    );
    let joiner = matches!(c, '\u{00AD}' | '\u{034F}' | '\u{200C}' | '\u{200D}');
    let noncharacter = matches!(c, '\u{FDD0}'..='\u{FDEF}') || u32::from(c) & 0xFFFE == 0xFFFE;
    let allowed_control = multiline && matches!(c, '\n' | '\t' | '\r');
    direction || invisible || noncharacter || (joiner && !multiline) || (c.is_control() && !allowed_control)
}

/// What is wrong with a text under the one text rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFault {
    /// It is this many characters long, more than its field holds.
    TooLong(usize),
    /// It holds this character, which [`forbidden`] refuses.
    Character(char),
}

/// What is wrong with `text` as a field of at most `max` characters (free text when
/// `multiline`), if anything: the one rule for every text a plan or an import carries.
pub fn text_fault(text: &str, max: usize, multiline: bool) -> Option<TextFault> {
    // A text of at most `max` bytes has at most `max` characters: no need to count.
    if text.len() > max {
        let chars = text.chars().count();
        if chars > max {
            return Some(TextFault::TooLong(chars));
        }
    }
    text.chars().find(|c| forbidden(*c, multiline)).map(TextFault::Character)
}

/// A character's code as messages name it: `U+001B`.
pub fn code(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Someone's input as a message quotes it: at most `max` characters (then "…"), every
/// character [`forbidden`] in a name shown as its code in angle brackets (`<U+001B>`), so a
/// message never carries megabytes, a terminal's escape sequences or a direction override.
pub fn shown(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if forbidden(c, false) {
            out.push_str(&format!("<{}>", code(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A message made by a parser that may quote its input (between backticks or double quotes):
/// each quoted stretch cut to [`SHOWN_CHARS`] characters, the whole to 1,000, and forbidden
/// characters shown as their codes (see [`shown`]).
pub fn clip_quoted(message: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<(char, usize)> = None;
    for c in message.chars() {
        match quote {
            Some((q, _)) if c == q => {
                quote = None;
                out.push(c);
            }
            Some((q, n)) => {
                if n < SHOWN_CHARS {
                    out.push_str(&shown(&c.to_string(), 1));
                } else if n == SHOWN_CHARS {
                    out.push('…');
                }
                quote = Some((q, n + 1));
            }
            None => {
                if c == '`' || c == '"' {
                    quote = Some((c, 0));
                }
                out.push_str(&shown(&c.to_string(), 1));
            }
        }
    }
    shown(&out, 1_000)
}

struct Texts<'a> {
    problems: &'a mut Vec<PlanProblem>,
}

impl Texts<'_> {
    fn report(&mut self, location: &str, key: &'static str, args: Vec<(&'static str, String)>) {
        self.problems.push(PlanProblem::new(location, key, args));
    }

    fn check(&mut self, location: &str, what: &str, text: &str, max: usize, multiline: bool) {
        match text_fault(text, max, multiline) {
            None => {}
            Some(TextFault::TooLong(chars)) => {
                let args = vec![("what", what.to_owned()), ("chars", chars.to_string()), ("max", max.to_string())];
                self.report(location, "text_too_long", args);
                // A text too long may also hold a forbidden character: say both.
                if let Some(c) = text.chars().find(|c| forbidden(*c, multiline)) {
                    self.character(location, what, c);
                }
            }
            Some(TextFault::Character(c)) => self.character(location, what, c),
        }
    }

    fn character(&mut self, location: &str, what: &str, c: char) {
        let args = vec![("what", what.to_owned()), ("code", format!("{:04X}", u32::from(c)))];
        self.report(location, "control_character", args);
    }

    /// An id another part of the plan names (an area, a district, a school, …).
    fn id(&mut self, location: &str, what: &str, id: &str) {
        self.check(location, what, id, MAX_ID_CHARS, false);
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
    places(&mut t, m);
    map_texts(&mut t, &m.map);
    if let super::Baseline::Shipped(name) = &plan.baseline {
        t.id("baseline", "the baseline's name", name);
    }
    for (i, action) in plan.actions.iter().enumerate() {
        let at = format!("actions[{i}]");
        t.check(&at, "the note", &action.note, MAX_NOTE_CHARS, true);
        for (what, id) in action.kind.names() {
            t.id(&at, what, id);
        }
    }
    for (i, effort) in plan.efforts.iter().enumerate() {
        t.id(&format!("efforts[{i}]"), "area", &effort.area);
    }
    for (i, flexible) in plan.letting.flexible.iter().enumerate() {
        t.id(&format!("letting.flexible[{i}]"), "area", &flexible.area);
    }
    for key in plan.assumptions.keys() {
        t.id("assumptions", "the assumption's name", key);
    }
    for (i, c) in plan.comments.iter().enumerate() {
        let at = format!("comments[{i}]");
        t.check(&at, "the author", &c.author, MAX_NAME_CHARS, false);
        t.check(&at, "the text", &c.text, MAX_TEXT_CHARS, true);
        t.check(&at, "the time", &c.time, MAX_NAME_CHARS, false);
        if let CommentTarget::Area(id) | CommentTarget::District(id) = &c.target {
            t.id(&at, "the target", id);
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
        for (what, text, max, multiline) in e.edit.iter().flat_map(super::PlanEdit::texts) {
            t.check(&at, what, text, max, multiline);
        }
    }
}

/// The texts of the places: areas, districts, institutions, profiles.
fn places(t: &mut Texts<'_>, m: &super::Municipality) {
    for (i, a) in m.areas.iter().enumerate() {
        let at = format!("municipality.areas[{i}]");
        t.id(&at, "the id", &a.id);
        t.check(&at, "the name", &a.name, MAX_NAME_CHARS, false);
        t.check(&at, "the short name", &a.short_name, MAX_NAME_CHARS, false);
        t.id(&at, "the district", &a.district);
        t.check(&at, "held.source", &a.held.source, MAX_TEXT_CHARS, true);
    }
    for (i, d) in m.districts.iter().enumerate() {
        let at = format!("municipality.districts[{i}]");
        t.id(&at, "the id", &d.id);
        t.check(&at, "the name", &d.name, MAX_NAME_CHARS, false);
        t.check(&at, "the short name", &d.short_name, MAX_NAME_CHARS, false);
        if let Some(profile) = &d.profile {
            t.id(&at, "the profile", profile);
        }
    }
    for (i, inst) in m.institutions.iter().enumerate() {
        let at = format!("municipality.institutions[{i}]");
        t.id(&at, "the id", &inst.id);
        t.check(&at, "the name", &inst.name, MAX_NAME_CHARS, false);
        t.id(&at, "the district", &inst.district);
        if let Some(profile) = &inst.profile {
            t.id(&at, "the profile", profile);
        }
        if inst.catchment.len() > MAX_CATCHMENT {
            let args = vec![("count", inst.catchment.len().to_string()), ("max", MAX_CATCHMENT.to_string())];
            t.report(&at, "catchment_too_long", args);
        }
        for district in &inst.catchment {
            t.id(&at, "catchment district", district);
        }
    }
    for (i, p) in m.profiles.iter().enumerate() {
        let at = format!("municipality.profiles[{i}]");
        t.id(&at, "the id", &p.id);
        t.check(&at, "name_da", &p.name_da, MAX_NAME_CHARS, false);
        t.check(&at, "name_en", &p.name_en, MAX_NAME_CHARS, false);
        t.check(&at, "the source", &p.source, MAX_NOTE_CHARS, true);
    }
}

/// The texts of the map: a shipped map's name, or the credit, the outlines' area ids and the
/// landmarks' names of a map the plan carries (and how many landmarks).
fn map_texts(t: &mut Texts<'_>, map: &super::MapSource) {
    match map {
        super::MapSource::Schematic => {}
        super::MapSource::Shipped(name) => t.id("municipality.map", "the map's name", name),
        super::MapSource::Embedded(data) => {
            t.check("municipality.map", "the credit", &data.credit, MAX_NAME_CHARS, false);
            t.count("municipality.map.landmarks", "landmarks", data.landmarks.len(), MAX_LANDMARKS);
            for (i, outline) in data.areas.iter().enumerate() {
                t.id(&format!("municipality.map.areas[{i}]"), "area", &outline.area);
            }
            for (i, landmark) in data.landmarks.iter().enumerate() {
                let at = format!("municipality.map.landmarks[{i}]");
                t.check(&at, "the name", &landmark.name, MAX_NAME_CHARS, false);
            }
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
