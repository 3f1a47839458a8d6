//! Plan files: read, check, migrate and write RON, with errors that say what and where
//! (line and column, the path last). Saving is atomic: a temporary file is written, flushed and
//! renamed over the old one, which is kept as a backup. No dialogs here: callers pick paths.

use crate::model::{
    AreaOutline, Coordinates, FORMAT_VERSION, MapData, MapSource, Municipality, ParamTable, Plan, PlanProblem,
};
use serde::Deserialize;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Files larger than this are refused before reading: no plan is that big.
pub const MAX_PLAN_BYTES: u64 = 16 * 1024 * 1024;

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
    #[error("the file is {bytes} bytes, far larger than any plan (at most {max} bytes) ({path})", max = MAX_PLAN_BYTES)]
    TooLarge { path: PathBuf, bytes: u64 },
    #[error("this is a folder, not a plan file ({path})")]
    NotAFile { path: PathBuf },
    #[error("the file is not a plan: {error} ({path})")]
    Parse { path: PathBuf, error: ParseError },
    #[error("the plan has {} problem(s): {} ({path})", problems.len(), problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid { path: PathBuf, problems: Vec<PlanProblem> },
}

/// Why a plan could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot write the plan: {reason} ({path})")]
    Write { path: PathBuf, reason: String },
    #[error("cannot turn the plan into text: {0}")]
    Serialise(String),
}

/// Parses RON into any type, with line and column on failure.
pub fn parse_ron<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, ParseError> {
    ron::Options::default().from_str(text).map_err(|e| ParseError {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
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
        // 3 → 4: see `model::migrate`, and the areas' rectangles became a map.
        if plan.format_version == 3 {
            let shipped = crate::assets::baseline_municipality().ok();
            crate::model::migrate::to_format_4(plan, shipped.as_ref());
            migrate_shapes_to_map(&mut plan.municipality);
        }
        plan.format_version += 1;
    }
    passed
}

/// The map shipped for Høje-Taastrup, which plans of formats 1–3 drew as the rectangles below.
pub const HOEJE_TAASTRUP_MAP: &str = "hoeje-taastrup";

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
            migrate(&mut plan);
            // A format-4 file written before the map replaced the rectangles still has them.
            if plan.municipality.map == MapSource::Schematic
                && plan.municipality.areas.iter().any(|a| !a.legacy_shape.is_empty())
            {
                migrate_shapes_to_map(&mut plan.municipality);
            }
            Ok(plan)
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

/// Why a file could not be read, in words for a facilitator rather than an errno.
fn read_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "there is no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "you do not have permission to read it".to_owned(),
        _ => e.to_string(),
    }
}

/// Reads a plan file; parse errors carry line, column and the path.
pub fn load_plan(path: &Path) -> Result<Plan, LoadError> {
    let meta = fs::metadata(path).map_err(|e| LoadError::Read { path: path.to_owned(), reason: read_reason(&e) })?;
    if meta.is_dir() {
        return Err(LoadError::NotAFile { path: path.to_owned() });
    }
    if meta.len() > MAX_PLAN_BYTES {
        return Err(LoadError::TooLarge { path: path.to_owned(), bytes: meta.len() });
    }
    let bytes = fs::read(path).map_err(|e| LoadError::Read { path: path.to_owned(), reason: read_reason(&e) })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let column = valid.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        let message = "the file is not UTF-8 text; is it really a plan?".to_owned();
        LoadError::Parse { path: path.to_owned(), error: ParseError { line, column, message } }
    })?;
    parse_plan(&text).map_err(|error| LoadError::Parse { path: path.to_owned(), error })
}

/// Reads a plan file and checks it can be projected.
pub fn load_valid_plan(path: &Path, table: &ParamTable) -> Result<Plan, LoadError> {
    let plan = load_plan(path)?;
    let problems = plan.validate(table);
    if problems.is_empty() { Ok(plan) } else { Err(LoadError::Invalid { path: path.to_owned(), problems }) }
}

/// The plan as pretty RON with a stable field order, ready to diff.
pub fn plan_to_ron(plan: &Plan) -> Result<String, SaveError> {
    // One line per area, institution, action and effort: deeper values (homes, residents,
    // shapes, an action's kind) stay on their item's line, so a diff shows which item changed.
    let config = ron::ser::PrettyConfig::new().indentor("  ").struct_names(false).depth_limit(4).escape_strings(false);
    let mut text = ron::ser::to_string_pretty(plan, config).map_err(|e| SaveError::Serialise(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Writes `bytes` to `path` atomically: a temporary file beside it is written and flushed to
/// disk, the old file (if any) is kept as `<name>.bak`, and the temporary file is renamed over
/// the old one. A crash at any point leaves either the old or the new file whole.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |reason: String| SaveError::Write { path: path.to_owned(), reason };
    let name = path.file_name().ok_or_else(|| fail("the path has no file name".to_owned()))?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temp_name = name.to_owned();
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp = dir.join(temp_name);
    let result = (|| -> std::io::Result<()> {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if path.exists() {
            let mut backup = name.to_owned();
            backup.push(".bak");
            fs::copy(path, dir.join(backup))?;
        }
        fs::rename(&temp, path)?;
        if let Ok(d) = fs::File::open(dir) {
            // Make the rename itself durable; not every platform can sync a folder.
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&temp);
        fail(e.to_string())
    })
}

/// Saves a plan as pretty RON, atomically.
pub fn save_plan(path: &Path, plan: &Plan) -> Result<(), SaveError> {
    write_atomically(path, plan_to_ron(plan)?.as_bytes())
}
