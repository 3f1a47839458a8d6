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

use crate::map::{geojson, shape::Shape};
use crate::model::{
    Area, AreaKind, District, FORMAT_VERSION, Group, HeldInputs, MapData, MapSource, Municipality, PerGroup, PerTenure,
    Plan, Tenure, limits,
};
use geo::{MultiPolygon, Polygon};
use std::collections::{BTreeMap, HashMap};

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
pub const OPTIONAL: [&str; 10] = [
    "short_name",
    "district_name",
    "commercial_m2",
    "demolished_2011_2015",
    "convicted_share",
    "non_western_share",
    "basic_schooling_2016",
    "income_2016",
    "income_level",
    "years_listed_before_2016",
];

/// The texts a plan is built from, with the file names to name in messages.
pub struct Sources<'a> {
    pub areas_name: &'a str,
    pub areas: &'a str,
    /// The GeoJSON's file name and text, if there is one.
    pub map: Option<(&'a str, &'a str)>,
    /// The plan's (and the municipality's) name.
    pub name: &'a str,
}

/// A plan from a municipality's table and outlines, or every problem found.
pub fn plan_from_table(sources: &Sources<'_>) -> Result<Plan, Vec<ImportProblem>> {
    let table = read_table(sources.areas_name, sources.areas)?;
    let (areas, districts) = areas_from_rows(sources.areas_name, &table)?;
    let map = match sources.map {
        Some((name, text)) => MapSource::Embedded(read_outlines(name, text, sources.areas_name, &table, &areas)?),
        None => MapSource::Schematic,
    };
    let profiles = crate::assets::profile_catalogue().map_err(|e| vec![problem("the program", e.to_string())])?;
    let from = match sources.map {
        Some((map, _)) => format!("{} and {map}", sources.areas_name),
        None => sources.areas_name.to_owned(),
    };
    let plan = Plan {
        format_version: FORMAT_VERSION,
        name: sources.name.to_owned(),
        author: String::new(),
        notes: format!("Made from {from}."),
        start_year: crate::model::FIRST_YEAR,
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
    // never writes a plan that `check` refuses.
    let params = crate::assets::param_table().map_err(|e| vec![problem("the program", e.to_string())])?;
    let problems = plan.validate(&params);
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(problems
            .iter()
            .map(|p| problem(format!("{from}: {}", p.location), crate::words::problem_in_english(p)))
            .collect())
    }
}

fn problem(location: impl Into<String>, message: impl Into<String>) -> ImportProblem {
    ImportProblem { location: location.into(), message: message.into() }
}

/// The table: its header and rows, each with the line it is on.
struct Table {
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
    /// Whether numbers use a decimal comma (semicolon-separated files from Danish Excel).
    decimal_comma: bool,
}

impl Table {
    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

fn read_table(file: &str, text: &str) -> Result<Table, Vec<ImportProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let semicolons = first.matches(';').count() > first.matches(',').count();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if semicolons { b';' } else { b',' })
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => return Err(vec![problem(file, format!("cannot read the header row: {e}"))]),
    };
    let mut problems = Vec::new();
    let tenures = Tenure::ALL.map(Tenure::key);
    let groups = Group::ALL.map(Group::key);
    let required: Vec<&str> = REQUIRED.iter().chain(&tenures).chain(&groups).copied().collect();
    for column in &required {
        if !header.iter().any(|h| h == column) {
            problems.push(problem(format!("{file}, header"), format!("the column '{column}' is missing")));
        }
    }
    for (i, name) in header.iter().enumerate() {
        if !required.contains(&name.as_str()) && !OPTIONAL.contains(&name.as_str()) {
            let message = format!("'{name}' is not a column this table can have (optional: {})", OPTIONAL.join(", "));
            problems.push(problem(format!("{file}, header, column {}", i + 1), message));
        } else if header[..i].contains(name) {
            problems.push(problem(format!("{file}, header"), format!("the column '{name}' is there twice")));
        }
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => rows.push((r.position().map_or(0, |p| p.line() as usize), r.iter().map(str::to_owned).collect())),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(problem(format!("{file}, row {line}"), format!("cannot be read: {e}")));
            }
        }
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(problem(file, "the table has no rows"));
    }
    if problems.is_empty() { Ok(Table { header, rows, decimal_comma: semicolons }) } else { Err(problems) }
}

/// Reads the cells of one row, collecting what is wrong with them.
struct Row<'a> {
    file: &'a str,
    table: &'a Table,
    line: usize,
    cells: &'a [String],
    problems: &'a mut Vec<ImportProblem>,
}

impl Row<'_> {
    fn at(&self, column: &str) -> String {
        format!("{}, row {}, column '{column}'", self.file, self.line)
    }

    fn text(&self, column: &str) -> Option<&str> {
        let i = self.table.column(column)?;
        self.cells.get(i).map(|c| c.trim()).filter(|c| !c.is_empty())
    }

    /// A cell that must hold text of at most `max` characters.
    fn required_text(&mut self, column: &str, max: usize) -> String {
        match self.text(column) {
            Some(t) if t.chars().count() > max => {
                let message = format!("is {} characters long; at most {max}", t.chars().count());
                self.problems.push(problem(self.at(column), message));
                String::new()
            }
            Some(t) => t.to_owned(),
            None => {
                self.problems.push(problem(self.at(column), "is empty"));
                String::new()
            }
        }
    }

    /// A number from `min` to `max`; `default` where the column is absent or the cell empty.
    fn number(&mut self, column: &str, (min, max): (f64, f64), default: f64) -> f64 {
        let Some(text) = self.text(column) else { return default };
        let normalised = if self.table.decimal_comma { text.replace(',', ".") } else { text.to_owned() };
        match normalised.parse::<f64>() {
            Ok(v) if v.is_finite() && (min..=max).contains(&v) => v,
            Ok(v) => {
                self.problems.push(problem(self.at(column), format!("{v} is outside {min} to {max}")));
                default
            }
            Err(_) => {
                self.problems.push(problem(self.at(column), format!("'{text}' is not a number")));
                default
            }
        }
    }
}

/// Counts above this are absurd for one area.
const MAX_COUNT: f64 = 1_000_000.0;

fn area_from_row(row: &mut Row<'_>) -> Area {
    let id = row.required_text("id", limits::MAX_ID_CHARS);
    let name = row.required_text("name", limits::MAX_NAME_CHARS);
    let district = row.required_text("district", limits::MAX_ID_CHARS);
    let kind_text = row.required_text("kind", limits::MAX_ID_CHARS);
    let kind = match kind_text.as_str() {
        "estate" => AreaKind::Estate,
        "ordinary" => AreaKind::Ordinary,
        "growth" => AreaKind::Growth,
        "" => AreaKind::Ordinary,
        other => {
            row.problems.push(problem(row.at("kind"), format!("'{other}' is not a kind (estate, ordinary or growth)")));
            AreaKind::Ordinary
        }
    };
    let mut homes = PerTenure::default();
    for tenure in Tenure::ALL {
        homes[tenure] = row.number(tenure.key(), (0.0, MAX_COUNT), 0.0);
    }
    let mut residents = PerGroup::default();
    for group in Group::ALL {
        residents[group] = row.number(group.key(), (0.0, MAX_COUNT), 0.0);
    }
    // `income_level` (the name the list's criterion goes by) is read as `income_2016`: the
    // area's income relative to the region's, 1 = the region's average.
    let income = ["income_2016", "income_level"].into_iter().find(|c| row.text(c).is_some());
    let schooling = row.text("basic_schooling_2016").is_some();
    let held = HeldInputs {
        convicted_share: row.number("convicted_share", (0.0, 1.0), 0.0),
        non_western_share: row.number("non_western_share", (0.0, 1.0), 0.0),
        basic_schooling_2016: schooling.then(|| row.number("basic_schooling_2016", (0.0, 1.0), 0.0)),
        income_2016: income.map(|column| row.number(column, (0.05, 5.0), 1.0)),
        years_listed_before_2016: row.number("years_listed_before_2016", (0.0, 50.0), 0.0).round() as u32,
        source: "the municipality's table".to_owned(),
        ..HeldInputs::default()
    };
    Area {
        id,
        name,
        kind,
        district,
        homes,
        residents,
        held,
        commercial_m2: row.number("commercial_m2", (0.0, 100.0 * MAX_COUNT), 0.0),
        demolished_2011_2015: row.number("demolished_2011_2015", (0.0, MAX_COUNT), 0.0),
        short_name: row.text("short_name").unwrap_or_default().to_owned(),
        legacy_shape: Vec::new(),
    }
}

fn areas_from_rows(file: &str, table: &Table) -> Result<(Vec<Area>, Vec<District>), Vec<ImportProblem>> {
    let mut problems = Vec::new();
    let mut areas: Vec<Area> = Vec::new();
    let mut districts: Vec<District> = Vec::new();
    let mut first_row: HashMap<String, usize> = HashMap::new();
    for (line, cells) in &table.rows {
        let mut row = Row { file, table, line: *line, cells, problems: &mut problems };
        let area = area_from_row(&mut row);
        let district_name = row.text("district_name").map(str::to_owned);
        if let Some(first) = first_row.get(&area.id).filter(|_| !area.id.is_empty()) {
            let message = format!("the id '{}' is used twice (first in row {first})", area.id);
            problems.push(problem(format!("{file}, row {line}, column 'id'"), message));
        }
        first_row.entry(area.id.clone()).or_insert(*line);
        match districts.iter_mut().find(|d| d.id == area.district) {
            Some(d) => {
                if let Some(name) = district_name.filter(|n| *n != d.name) {
                    let message = format!("'{name}', but an earlier row names this district '{}'", d.name);
                    problems.push(problem(format!("{file}, row {line}, column 'district_name'"), message));
                }
            }
            None if !area.district.is_empty() => districts.push(District {
                id: area.district.clone(),
                name: district_name.unwrap_or_else(|| area.district.clone()),
                short_name: String::new(),
                profile: None,
            }),
            None => {}
        }
        areas.push(area);
    }
    if problems.is_empty() { Ok((areas, districts)) } else { Err(problems) }
}

/// Overlaps larger than this share of the smaller outline are mistakes, not digitising noise.
const OVERLAP_TOLERANCE: f64 = 0.005;

/// The outlines from GeoJSON: one per area of the table, none for an id the table lacks, none
/// empty, none overlapping another.
fn read_outlines(
    file: &str,
    text: &str,
    table_file: &str,
    table: &Table,
    areas: &[Area],
) -> Result<MapData, Vec<ImportProblem>> {
    let read = geojson::read(text).map_err(|e| vec![problem(format!("{file}, {}", e.location), e.message)])?;
    let mut problems = Vec::new();
    let feature = |i: usize| format!("{file}, feature {} (id \"{}\")", read.features[i], read.data.areas[i].area);
    let first = read.data.areas.iter().flat_map(|a| a.polygons.iter().flatten().flatten()).next();
    let [lon, lat] = first.copied().unwrap_or([0.0, 0.0]);
    let plane = crate::map::projection::LocalPlane::centred_on(lon, lat);
    let mut shapes: Vec<Option<Shape>> = Vec::new();
    for (i, outline) in read.data.areas.iter().enumerate() {
        if !areas.iter().any(|a| a.id == outline.area) {
            problems.push(problem(feature(i), format!("no row of {table_file} has the id '{}'", outline.area)));
        }
        if read.data.areas[..i].iter().any(|o| o.area == outline.area) {
            problems.push(problem(feature(i), "a second outline for the same id".to_owned()));
        }
        let polygons: Vec<Polygon<f64>> = outline
            .polygons
            .iter()
            .filter_map(|rings| {
                let mut rings = rings.iter().map(|r| r.iter().map(|p| plane.project(p[0], p[1])).collect::<Vec<_>>());
                Some(Polygon::new(rings.next()?.into(), rings.map(Into::into).collect()))
            })
            .collect();
        let valid = polygons.iter().all(geo::Validation::is_valid);
        if !valid {
            problems.push(problem(feature(i), "the outline crosses itself or has a ring of fewer than three points"));
        }
        // Points on one line, or a ring drawn back on itself, enclose nothing: under a square
        // metre, or a sliver whose area is a ten-thousandth of its extent squared.
        let shape = Shape::new(MultiPolygon(polygons)).filter(|s| {
            let diagonal_sq = (s.bounds[2] - s.bounds[0]).powi(2) + (s.bounds[3] - s.bounds[1]).powi(2);
            s.area() >= 1.0 && s.area() >= 1e-4 * diagonal_sq
        });
        if shape.is_none() {
            problems.push(problem(feature(i), "the outline is empty (it encloses no area)"));
        }
        shapes.push(shape.filter(|_| valid));
    }
    overlaps(&shapes, &feature, &mut problems);
    for (line, cells) in &table.rows {
        let id = table.column("id").and_then(|c| cells.get(c)).map(|c| c.trim()).unwrap_or_default();
        if !read.data.areas.iter().any(|o| o.area == id) {
            let message = format!("no polygon in {file} has the id '{id}'");
            problems.push(problem(format!("{table_file}, row {line}, column 'id'"), message));
        }
    }
    let mut data = read.data;
    data.credit = file.to_owned();
    if problems.is_empty() { Ok(data) } else { Err(problems) }
}

fn overlaps(shapes: &[Option<Shape>], feature: &dyn Fn(usize) -> String, problems: &mut Vec<ImportProblem>) {
    for i in 0..shapes.len() {
        for j in i + 1..shapes.len() {
            let (Some(a), Some(b)) = (&shapes[i], &shapes[j]) else { continue };
            let shared = a.overlap(b);
            if shared > OVERLAP_TOLERANCE * a.area().min(b.area()) {
                let message = format!("overlaps {} by {:.0} m²", feature(j), shared);
                problems.push(problem(feature(i), message));
            }
        }
    }
}
