//! Plan files: read, check, migrate and write RON, with errors that say what and where
//! (line and column, the path last). There is one way in, [`load_plan`]: it reads an ordinary
//! file of at most [`MAX_PLAN_BYTES`] through a bounded reader ([`read`]), parses, migrates
//! and validates, so every caller (the command line, Open, a dropped file, the browser, the
//! recovery file) gets only plans that can be used. Saving is atomic ([`write`]). No dialogs
//! here: callers pick paths.

mod read;
mod write;

pub use read::read_bounded;
pub(crate) use read::special_kind;
pub use write::{clean_stale_temps, write_atomically};

use crate::model::{
    AreaOutline, Coordinates, FORMAT_VERSION, MapData, MapSource, Municipality, ParamTable, Plan, PlanProblem,
};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The largest file the program reads (plans, the recovery file, the recent files). The
/// largest plan `model::limits` allows fits, pretty-printed, with room to spare (a test holds
/// it), so whatever the app saves it can open again.
pub const MAX_PLAN_BYTES: u64 = 32 * 1024 * 1024;

/// Where a text fails to parse, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Why a plan file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read the file: {reason} ({path})")]
    Read { path: PathBuf, reason: String },
    #[error("{} far larger than any plan (at most {MAX_PLAN_BYTES} bytes) ({path})", size_words(*.bytes))]
    TooLarge { path: PathBuf, bytes: Option<u64> },
    #[error("this is a folder, not a plan file ({path})")]
    NotAFile { path: PathBuf },
    #[error("this is a {kind}, not an ordinary file; a plan is read only from a file ({path})")]
    Special { path: PathBuf, kind: &'static str },
    #[error("the file is not a plan: {error} ({path})")]
    Parse { path: PathBuf, error: ParseError },
    #[error("the plan has {} problem(s): {} ({path})", problems.len(), problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid { path: PathBuf, problems: Vec<PlanProblem> },
}

fn size_words(bytes: Option<u64>) -> String {
    bytes.map_or_else(|| "the file goes on and on,".to_owned(), |b| format!("the file is {b} bytes,"))
}

/// Why a file could not be written. `what` names it: "the plan", "the report", ….
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot write {what}: {reason} ({path})")]
    Write { what: &'static str, path: PathBuf, reason: String },
    #[error("cannot write {what}: the file is read-only; save under another name, or make it writable first ({path})")]
    ReadOnly { what: &'static str, path: PathBuf },
    #[error("cannot turn {what} into text: {reason}")]
    Serialise { what: &'static str, reason: String },
}

/// Why a file could not be read, in words for a facilitator rather than an errno.
pub fn read_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "there is no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "you do not have permission to read it".to_owned(),
        _ => common_reason(e),
    }
}

/// Why a file could not be written, in words rather than an errno.
pub fn write_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "the folder does not exist".to_owned(),
        std::io::ErrorKind::PermissionDenied => "you do not have permission to write there".to_owned(),
        _ => common_reason(e),
    }
}

fn common_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let words = match e.kind() {
        K::StorageFull => "the disk is full",
        K::QuotaExceeded => "your disk quota is used up",
        K::ReadOnlyFilesystem => "the disk is read-only",
        K::IsADirectory => "it is a folder",
        K::NotADirectory => "a part of the path is a file, not a folder",
        K::FileTooLarge => "the file is too large for the disk",
        K::InvalidFilename => "the name is not a valid file name",
        K::AlreadyExists => "a file of that name is already there",
        K::CrossesDevices => "the folder is on another disk",
        K::TimedOut => "the disk did not answer in time",
        K::InvalidData => "the file is not text",
        K::WouldBlock => "the file is not ready to be read (is it a pipe?)",
        _ => {
            // No errno in front of a facilitator: keep the system's words, drop the number.
            let text = e.to_string();
            return match text.find(" (os error") {
                Some(at) => text[..at].to_owned(),
                None => text,
            };
        }
    };
    words.to_owned()
}

/// Parses RON into any type, with line and column on failure. The parser's message may quote
/// the file (an unknown field or variant); what it quotes is cut short and shown without
/// control characters (`limits::clip_quoted`), so a message never echoes megabytes.
pub fn parse_ron<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, ParseError> {
    ron::Options::default().from_str(text).map_err(|e| ParseError {
        line: e.span.start.line,
        column: e.span.start.col,
        message: crate::model::limits::clip_quoted(&e.code.to_string()),
    })
}

#[derive(Deserialize)]
struct VersionOnly {
    format_version: u32,
}

/// Brings a plan read from an older format up to [`FORMAT_VERSION`], one version at a time.
/// Returns the versions it passed through, e.g. `[1, 2, 3]` for a format-1 file.
pub fn migrate(plan: &mut Plan) -> Vec<u32> {
    let mut passed = Vec::new();
    while plan.format_version < FORMAT_VERSION && plan.format_version >= 1 {
        passed.push(plan.format_version);
        // 1 → 2: the change log was added; 2 → 3: comments were added (both start empty);
        // 3 → 4: see `model::migrate`, and the areas' rectangles became a map; 4 → 5: actions
        // are numbered (below, for every file) and the log keeps its old entries as words;
        // 5 → 6: see `model::migrate` (emptying homes is a new action; nothing else to do).
        if plan.format_version == 3 {
            let shipped = crate::assets::baseline_municipality().ok();
            crate::model::migrate::to_format_4(plan, shipped.as_ref());
            migrate_shapes_to_map(&mut plan.municipality);
        }
        if plan.format_version == 5 {
            let shipped = crate::assets::baseline_municipality().ok();
            crate::model::migrate::to_format_6(plan, shipped.as_ref());
        }
        plan.format_version += 1;
    }
    passed
}

/// The map shipped for Høje-Taastrup, which plans of formats 1–3 drew as the rectangles below.
pub use crate::model::HOEJE_TAASTRUP_MAP;

/// The rectangles (left, top, right, bottom; 0–1, y down) that formats 1–3 shipped for
/// Høje-Taastrup's areas. A file with exactly these is a variant of the shipped plans and is
/// drawn on the shipped map; any other rectangles were someone's own and stay a schematic.
const SHIPPED_RECTANGLES: [(&str, [f32; 4]); 11] = [
    ("taastrupgaard", [0.64, 0.64, 0.8, 0.96]),
    ("kjeld-abells-oevrige", [0.64, 0.26, 0.8, 0.62]),
    ("gadehavegaard", [0.46, 0.76, 0.62, 0.96]),
    ("gregersens-oevrige", [0.46, 0.52, 0.62, 0.74]),
    ("charlotteager", [0.13, 0.58, 0.24, 0.96]),
    ("hartmanns-oevrige", [0.02, 0.58, 0.12, 0.96]),
    ("naerheden", [0.26, 0.26, 0.44, 0.96]),
    ("hoeje-taastrup-c", [0.46, 0.26, 0.62, 0.5]),
    ("taastrup-oevrige", [0.82, 0.26, 0.98, 0.96]),
    ("hedehusene-floeng", [0.02, 0.26, 0.24, 0.56]),
    ("landsbyerne", [0.02, 0.02, 0.98, 0.24]),
];

/// Format 3 → 4: the schematic rectangle each area carried moves out of the areas into the
/// municipality's map. The shipped Høje-Taastrup rectangles become the shipped map; other
/// rectangles are kept as an embedded schematic map; no rectangles at all, a schematic layout.
pub fn migrate_shapes_to_map(municipality: &mut Municipality) {
    let shapes: Vec<(String, Vec<[f32; 2]>)> =
        municipality.areas.iter_mut().map(|a| (a.id.clone(), std::mem::take(&mut a.legacy_shape))).collect();
    let is_shipped = |(id, shape): &(String, Vec<[f32; 2]>)| {
        SHIPPED_RECTANGLES.iter().any(|(shipped, [l, t, r, b])| {
            let corners = [[*l, *t], [*r, *t], [*r, *b], [*l, *b]];
            shipped == id
                && shape.len() == 4
                && shape.iter().zip(corners).all(|(p, c)| (p[0] - c[0]).abs() < 1e-4 && (p[1] - c[1]).abs() < 1e-4)
        })
    };
    municipality.map = if shapes.len() == SHIPPED_RECTANGLES.len() && shapes.iter().all(is_shipped) {
        MapSource::Shipped(HOEJE_TAASTRUP_MAP.to_owned())
    } else if shapes.iter().any(|(_, shape)| !shape.is_empty()) {
        MapSource::Embedded(MapData {
            coordinates: Coordinates::Schematic,
            schematic: true,
            credit: String::new(),
            areas: shapes
                .into_iter()
                .filter(|(_, shape)| !shape.is_empty())
                .map(|(area, shape)| AreaOutline {
                    area,
                    polygons: vec![vec![shape.iter().map(|p| p.map(|c| (f64::from(c) * 1e6).round() / 1e6)).collect()]],
                })
                .collect(),
            landmarks: Vec::new(),
        })
    } else {
        MapSource::Schematic
    };
}

/// Parses a plan from RON text, checking its format version first and migrating files of an
/// older format to the current one.
pub fn parse_plan(text: &str) -> Result<Plan, ParseError> {
    parse_plan_versioned(text).map(|loaded| loaded.plan)
}

/// Like [`parse_plan`], also telling the format the text was in.
pub fn parse_plan_versioned(text: &str) -> Result<Loaded, ParseError> {
    // Editors on Windows may start a UTF-8 file with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError { line: 1, column: 1, message: "the file is empty".to_owned() });
    }
    match parse_ron::<Plan>(text) {
        Ok(plan) if plan.format_version == 0 => Err(ParseError {
            line: 1,
            column: 1,
            message: format!("format_version 0 does not exist (versions are 1 to {FORMAT_VERSION})"),
        }),
        Ok(mut plan) => {
            let format_version = plan.format_version;
            migrate(&mut plan);
            // A format-4 file written before the map replaced the rectangles still has them.
            if plan.municipality.map == MapSource::Schematic
                && plan.municipality.areas.iter().any(|a| !a.legacy_shape.is_empty())
            {
                migrate_shapes_to_map(&mut plan.municipality);
            }
            plan.number_actions();
            Ok(Loaded { plan, format_version })
        }
        Err(error) => {
            // A version mismatch explains a failure better than the field it tripped on.
            if let Ok(VersionOnly { format_version }) = ron::Options::default().from_str::<VersionOnly>(text)
                && format_version > FORMAT_VERSION
            {
                return Err(ParseError {
                    line: 1,
                    column: 1,
                    message: format!(
                        "the plan was written by a newer By i balance (format {format_version}; this one reads up to {FORMAT_VERSION})"
                    ),
                });
            }
            Err(error)
        }
    }
}

/// A plan as read from a file: migrated to the current format, and the format it was in.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub plan: Plan,
    pub format_version: u32,
}

/// Turns the bytes of a plan file into a plan that can be used, or says what and where is
/// wrong: UTF-8, RON, format version, migration, then every check of [`Plan::validate`]. The
/// fuzz target drives this function.
pub fn plan_from_bytes(bytes: &[u8], path: &Path, table: &ParamTable) -> Result<Loaded, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let column = valid.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        let message = "the file is not UTF-8 text; is it really a plan?".to_owned();
        LoadError::Parse { path: path.to_owned(), error: ParseError { line, column, message } }
    })?;
    let loaded = parse_plan_versioned(text).map_err(|error| LoadError::Parse { path: path.to_owned(), error })?;
    let problems = loaded.plan.validate(table);
    if problems.is_empty() { Ok(loaded) } else { Err(LoadError::Invalid { path: path.to_owned(), problems }) }
}

/// Reads, migrates and checks a plan file: the one way a plan comes in from disk.
pub fn load_plan(path: &Path, table: &ParamTable) -> Result<Plan, LoadError> {
    open_plan(path, table).map(|loaded| loaded.plan)
}

/// Like [`load_plan`], also telling the format the file was in.
pub fn open_plan(path: &Path, table: &ParamTable) -> Result<Loaded, LoadError> {
    plan_from_bytes(&read_bounded(path, MAX_PLAN_BYTES)?, path, table)
}

/// The plan as pretty RON with a stable field order, ready to diff.
pub fn plan_to_ron(plan: &Plan) -> Result<String, SaveError> {
    // One line per area, institution, action and effort: deeper values (homes, residents,
    // shapes, an action's kind) stay on their item's line, so a diff shows which item changed.
    let config = ron::ser::PrettyConfig::new().indentor("  ").struct_names(false).depth_limit(4).escape_strings(false);
    let mut text = ron::ser::to_string_pretty(plan, config)
        .map_err(|e| SaveError::Serialise { what: "the plan", reason: e.to_string() })?;
    text.push('\n');
    Ok(text)
}

/// The plan as the RON of a plan file ([`plan_to_ron`]), refused with words if it would not
/// open again: the loader reads at most [`MAX_PLAN_BYTES`]. A plan within the model's limits
/// always fits (a test holds it for the largest plan the limits allow).
pub fn plan_to_file_text(plan: &Plan) -> Result<String, SaveError> {
    let text = plan_to_ron(plan)?;
    if text.len() as u64 > MAX_PLAN_BYTES {
        return Err(SaveError::Serialise {
            what: "the plan",
            reason: format!("it would be {} bytes, more than a plan file may hold ({MAX_PLAN_BYTES})", text.len()),
        });
    }
    Ok(text)
}

/// Saves a plan as pretty RON ([`plan_to_file_text`]), atomically.
pub fn save_plan(path: &Path, plan: &Plan) -> Result<(), SaveError> {
    write_atomically(path, plan_to_file_text(plan)?.as_bytes(), "the plan")
}
