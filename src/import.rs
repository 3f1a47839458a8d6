//! A municipality of one's own: a plan built from a table of areas (CSV, one row per area) and,
//! optionally, the areas' real outlines (GeoJSON). The table names each area's id, name,
//! district and kind, its homes per tenure and residents per group on 1 January of the start
//! year, and optionally the inputs the model holds (convictions, non-Western share, income
//! level, years listed before 2016). Comma- or semicolon-separated (Danish Excel's CSV, with
//! decimal commas) are both read.
//!
//! Every problem is collected and named by row and column (or GeoJSON feature) before anything
//! is built: a table with a mistake gives no plan at all. No egui; callers read the files with
//! [`read_input`] and write the plan (`by-i-balance new` and the app's *New municipality from
//! table*).
//!
//! Every input within the limits is answered in seconds: counts come first (rows, cells,
//! points, features, outlines), then the cells, then the geometry, whose checks are bounded
//! ([`outlines`]); at most [`MAX_MESSAGES`] problems are listed and the rest counted. The
//! table is read in [`table`]. The plan notes and the map's credit name the files by their
//! names only, never the folders they came from.

mod outlines;
mod table;

pub use table::{LIST_INPUTS, LackingInput};

use crate::model::limits::{self, SHOWN_CHARS, shown};
use crate::model::{FORMAT_VERSION, MapSource, Municipality, Plan, PlanProblem};
use std::collections::BTreeMap;

/// At most this many problems are listed; the rest are counted in one last line.
pub const MAX_MESSAGES: usize = 50;

/// Tables and boundary files larger than this are refused before reading.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a table or boundary file as text: at most [`MAX_INPUT_BYTES`], UTF-8.
pub fn read_input(path: &std::path::Path) -> Result<String, String> {
    // The one bounded reader: an ordinary file only, its size counted while reading.
    let bytes = crate::io::read_bounded(path, MAX_INPUT_BYTES).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8 text (save it as CSV UTF-8)", path.display()))
}

/// One problem with the inputs: where (file, row, column or feature) and what.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct ImportProblem {
    pub location: String,
    pub message: String,
}

/// The columns every table must have, besides the six tenures and five groups.
pub const REQUIRED: [&str; 4] = ["id", "name", "district", "kind"];
/// Columns a table may have.
pub const OPTIONAL: [&str; 11] = [
    "short_name",
    "district_name",
    "commercial_m2",
    "demolished_2011_2015",
    "convicted_share",
    "non_western_share",
    "basic_schooling_2016",
    "income_2016",
    "income_level",
    "years_listed",
    "years_listed_before_2016",
];

/// The year on the computer's clock, as the start of a table made this year (within the years
/// a plan may start in).
pub fn this_year() -> u16 {
    let year = crate::time::this_year();
    year.clamp(crate::model::FIRST_YEAR, crate::model::LATEST_START)
}

/// The texts a plan is built from, with the file names to name in messages.
pub struct Sources<'a> {
    pub areas_name: &'a str,
    pub areas: &'a str,
    /// The GeoJSON's file name and text, if there is one.
    pub map: Option<(&'a str, &'a str)>,
    /// The plan's (and the municipality's) name.
    pub name: &'a str,
    /// The year whose 1 January the table's homes and residents describe: the plan's start.
    pub start_year: u16,
}

/// A plan made from a table, with what the user should know about it: the defaults estates
/// took for inputs of the list's criteria the table did not give, as warnings in English (the
/// command line) and as the inputs and estates themselves (the app words them).
#[derive(Debug)]
pub struct Imported {
    pub plan: Plan,
    pub warnings: Vec<ImportProblem>,
    pub lacking: Vec<LackingInput>,
}

/// A plan from a municipality's table and outlines, or every problem found (at most
/// [`MAX_MESSAGES`] of them, and a last one counting the rest).
pub fn plan_from_table(sources: &Sources<'_>) -> Result<Imported, Vec<ImportProblem>> {
    let from = match sources.map {
        Some((map, _)) => format!("{} and {map}", sources.areas_name),
        None => sources.areas_name.to_owned(),
    };
    plan_or_problems(sources).map_err(|problems| capped(problems, &from))
}

/// The last part of a path as given (a file's name without its folders).
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().filter(|n| !n.is_empty()).unwrap_or(path)
}

fn plan_or_problems(sources: &Sources<'_>) -> Result<Imported, Vec<ImportProblem>> {
    if let Some(fault) = limits::text_fault(sources.name, limits::MAX_NAME_CHARS, false) {
        let message = crate::map::geojson::fault_words(fault, limits::MAX_NAME_CHARS);
        return Err(vec![problem(format!("the plan's name '{}'", shown(sources.name, SHOWN_CHARS)), message)]);
    }
    let table = table::read_table(sources.areas_name, sources.areas)?;
    let (areas, districts) = table::areas_from_rows(sources.areas_name, &table, sources.start_year)?;
    let credit = sources.map.map(|(name, _)| shown(file_name(name), limits::MAX_NAME_CHARS - 1)).unwrap_or_default();
    let (map, read) = match sources.map {
        Some((name, text)) => {
            let (data, read) = outlines::read_outlines(name, text, sources.areas_name, &table, &areas, &credit)?;
            (MapSource::Embedded(data), Some(read))
        }
        None => (MapSource::Schematic, None),
    };
    let profiles = crate::assets::profile_catalogue().map_err(|e| vec![problem("the program", e.to_string())])?;
    let from = match sources.map {
        Some((map, _)) => format!("{} and {}", file_name(sources.areas_name), file_name(map)),
        None => file_name(sources.areas_name).to_owned(),
    };
    let plan = Plan {
        format_version: FORMAT_VERSION,
        name: sources.name.to_owned(),
        author: String::new(),
        notes: shown(&format!("Made from {from}."), limits::MAX_NOTES_CHARS - 1),
        start_year: sources.start_year,
        baseline: crate::model::Baseline::Start,
        rule_set: Default::default(),
        facilities_count_as_commercial: false,
        municipality: Municipality {
            name: sources.name.to_owned(),
            areas,
            districts,
            institutions: Vec::new(),
            profiles,
            map,
        },
        actions: Vec::new(),
        letting: Default::default(),
        efforts: Vec::new(),
        assumptions: BTreeMap::new(),
        change_log: Vec::new(),
        comments: Vec::new(),
        votes: Vec::new(),
    };
    // Whatever the rows' own checks let through, the plan's rules have the last word: `new`
    // never writes a plan that `check` refuses. Each problem is named where it came from.
    let params = crate::assets::param_table().map_err(|e| vec![problem("the program", e.to_string())])?;
    let problems = plan.validate(&params);
    if problems.is_empty() {
        let lacking = table::lacking_list_inputs(&table);
        let warnings = lacking.iter().map(|l| l.problem(sources.areas_name)).collect();
        Ok(Imported { plan, warnings, lacking })
    } else {
        let places = Places { sources, table: &table, read: read.as_ref() };
        Err(problems.iter().map(|p| problem(places.of(p), crate::words::problem_in_english(p))).collect())
    }
}

/// At most [`MAX_MESSAGES`] problems, and a last one saying how many more there are.
fn capped(mut problems: Vec<ImportProblem>, from: &str) -> Vec<ImportProblem> {
    if problems.len() > MAX_MESSAGES {
        let more = problems.len() - MAX_MESSAGES;
        problems.truncate(MAX_MESSAGES);
        problems.push(problem(from, format!("and {more} more problems; correct the ones above first")));
    }
    problems
}

/// Where in the inputs a problem of the plan they made came from.
struct Places<'a> {
    sources: &'a Sources<'a>,
    table: &'a table::Table,
    read: Option<&'a crate::map::geojson::ReadMap>,
}

impl Places<'_> {
    /// The row and column, or the feature, a plan problem's location points at.
    fn of(&self, p: &PlanProblem) -> String {
        let (table_file, map_file) = (self.sources.areas_name, self.sources.map.map_or("", |(name, _)| name));
        let index = |prefix: &str| -> Option<usize> {
            let rest = p.location.strip_prefix(prefix)?;
            rest[..rest.find(']')?].parse().ok()
        };
        let what = p.args.iter().find(|(name, _)| *name == "what").map(|(_, value)| value.as_str());
        let column = match what {
            Some("the id") => Some("id"),
            Some("the name") => Some("name"),
            Some("the short name") => Some("short_name"),
            Some("the district" | "district") => Some("district"),
            _ => None,
        };
        let row = |i: usize| self.table.rows.get(i).map(|(line, _)| *line);
        if let Some(line) = index("municipality.areas[").and_then(row) {
            return match column {
                Some(c) => format!("{table_file}, row {line}, column '{c}'"),
                None => format!("{table_file}, row {line}"),
            };
        }
        if let Some(i) = index("municipality.districts[") {
            let column = if what == Some("the name") { "district_name" } else { "district" };
            let first = self.first_row_of_district(i);
            return match first {
                Some(line) => format!("{table_file}, row {line}, column '{column}'"),
                None => format!("{table_file}, column '{column}'"),
            };
        }
        let feature = |list: fn(&crate::map::geojson::ReadMap) -> &Vec<usize>, i: usize| {
            self.read.and_then(|r| list(r).get(i).copied())
        };
        if let Some(number) = index("municipality.map.areas[").and_then(|i| feature(|r| &r.features, i)) {
            return format!("{map_file}, feature {number}");
        }
        if let Some(number) = index("municipality.map.landmarks[").and_then(|i| feature(|r| &r.landmark_features, i)) {
            return format!("{map_file}, feature {number}");
        }
        if p.location.starts_with("municipality.map") && !map_file.is_empty() {
            return map_file.to_owned();
        }
        if p.location == "name" || p.location == "municipality.name" {
            return format!("the plan's name '{}'", shown(self.sources.name, SHOWN_CHARS));
        }
        table_file.to_owned()
    }

    /// The line of the first row naming the `i`-th district (districts are made in the order
    /// rows first name them).
    fn first_row_of_district(&self, i: usize) -> Option<usize> {
        let column = self.table.column("district")?;
        let mut seen: Vec<&str> = Vec::new();
        for (line, cells) in &self.table.rows {
            let district = cells.get(column).map_or("", |c| c.trim());
            if !district.is_empty() && !seen.contains(&district) {
                if seen.len() == i {
                    return Some(*line);
                }
                seen.push(district);
            }
        }
        None
    }
}

fn problem(location: impl Into<String>, message: impl Into<String>) -> ImportProblem {
    ImportProblem { location: location.into(), message: message.into() }
}
