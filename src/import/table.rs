//! The table of areas (CSV): its header, its rows and every cell, each problem named by row and
//! column. Counts come first: a table with more rows than a plan has areas, or more cells than
//! such a table can hold, is refused before any row is read into an area. Numbers in a
//! semicolon-separated table are read as Danish Excel writes them: a decimal comma, and a
//! point only between groups of three digits (`1.234` homes are 1,234 homes, never 1.234;
//! `0.55` there is refused with words, as it is neither).

use super::{ImportProblem, OPTIONAL, REQUIRED, problem};
use crate::model::limits::{self, MAX_AREAS, SHOWN_CHARS, shown};
use crate::model::{Area, AreaKind, District, Group, HeldInputs, PerGroup, PerTenure, Tenure};
use std::collections::HashMap;

/// Separators a table may hold: a table within the limits (1,001 rows of 25 columns, its names
/// full of commas) holds far fewer, and each cell costs memory while reading.
const MAX_SEPARATORS: usize = 1_000_000;

/// The table: its header and rows, each with the line it is on.
pub(super) struct Table {
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
    /// Whether numbers use a decimal comma (semicolon-separated files from Danish Excel).
    pub decimal_comma: bool,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// The id in a row, as written.
    pub fn id<'t>(&self, cells: &'t [String]) -> &'t str {
        self.column("id").and_then(|c| cells.get(c)).map(|c| c.trim()).unwrap_or_default()
    }
}

pub(super) fn read_table(file: &str, text: &str) -> Result<Table, Vec<ImportProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let semicolons = first.matches(';').count() > first.matches(',').count();
    let separator = if semicolons { b';' } else { b',' };
    // A row is a line (no cell may hold a line break): more lines than a plan has areas are
    // refused before anything is read.
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    if lines > MAX_AREAS + 1 {
        let message = format!("the table has {} rows; a plan holds at most {MAX_AREAS} areas (a row each)", lines - 1);
        return Err(vec![problem(file, message)]);
    }
    let separators = text.bytes().filter(|b| *b == separator).count();
    if separators > MAX_SEPARATORS {
        let message = format!(
            "holds {separators} '{}' separators; a table of at most {MAX_AREAS} areas needs far fewer",
            char::from(separator)
        );
        return Err(vec![problem(file, message)]);
    }
    let mut reader = csv::ReaderBuilder::new().delimiter(separator).trim(csv::Trim::All).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => return Err(vec![problem(format!("{file}, header"), format!("cannot be read: {e}"))]),
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
        let at = format!("{file}, header, column {}", i + 1);
        if !required.contains(&name.as_str()) && !OPTIONAL.contains(&name.as_str()) {
            let shown_name = shown(name, SHOWN_CHARS);
            let message =
                format!("'{shown_name}' is not a column this table can have (optional: {})", OPTIONAL.join(", "));
            problems.push(problem(at, message));
        } else if header[..i].contains(name) {
            problems.push(problem(at, format!("the column '{name}' is there twice")));
        }
    }
    let mut rows = Vec::new();
    let mut count = 0usize;
    for record in reader.records() {
        count += 1;
        if count > MAX_AREAS {
            // Counted, not kept: the table is refused below.
            continue;
        }
        match record {
            Ok(r) => rows.push((r.position().map_or(0, |p| p.line() as usize), r.iter().map(str::to_owned).collect())),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(problem(format!("{file}, row {line}"), format!("cannot be read: {e}")));
            }
        }
    }
    if count > MAX_AREAS {
        let message = format!("the table has {count} rows; a plan holds at most {MAX_AREAS} areas (a row each)");
        return Err(vec![problem(file, message)]);
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

/// How a number may be written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Figure {
    /// A count (homes, residents, m²): in a semicolon table, thousands may be grouped with
    /// points (`1.234`).
    Count,
    /// A share, a level or a number of years: never grouped.
    Plain,
}

/// Whether `text` is a number grouped in thousands with points, as Danish Excel writes one
/// formatted "with 1000-separator": `1.234`, `12.345.678`, `1.234,5`.
fn grouped_in_thousands(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let whole = digits.split(',').next().unwrap_or_default();
    let mut groups = whole.split('.');
    let lead = groups.next().unwrap_or_default();
    let lead_ok = (1..=3).contains(&lead.len()) && lead.bytes().all(|b| b.is_ascii_digit()) && !lead.starts_with('0');
    let rest: Vec<&str> = groups.collect();
    let fraction_ok = digits.split(',').nth(1).is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    lead_ok
        && !rest.is_empty()
        && rest.iter().all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        && digits.matches(',').count() <= 1
        && fraction_ok
}

impl Row<'_> {
    fn at(&self, column: &str) -> String {
        format!("{}, row {}, column '{column}'", self.file, self.line)
    }

    fn text(&self, column: &str) -> Option<&str> {
        let i = self.table.column(column)?;
        self.cells.get(i).map(|c| c.trim()).filter(|c| !c.is_empty())
    }

    /// A cell held to the one text rule: at most `max` characters, nothing invisible.
    fn checked_text(&mut self, column: &str, max: usize) -> Option<String> {
        let text = self.text(column)?;
        match limits::text_fault(text, max, false) {
            None => Some(text.to_owned()),
            Some(fault) => {
                let message = crate::map::geojson::fault_words(fault, max);
                self.problems.push(problem(self.at(column), message));
                Some(String::new())
            }
        }
    }

    /// A cell that must hold text of at most `max` characters.
    fn required_text(&mut self, column: &str, max: usize) -> String {
        self.checked_text(column, max).unwrap_or_else(|| {
            self.problems.push(problem(self.at(column), "is empty"));
            String::new()
        })
    }

    /// A number from `min` to `max`; `default` where the column is absent or the cell empty.
    fn number(&mut self, column: &str, (min, max): (f64, f64), default: f64, figure: Figure) -> f64 {
        let Some(text) = self.text(column) else { return default };
        let quoted = shown(text, SHOWN_CHARS);
        let normalised = if !self.table.decimal_comma {
            text.to_owned()
        } else if !text.contains('.') {
            text.replace(',', ".")
        } else if figure == Figure::Count && grouped_in_thousands(text) {
            text.replace('.', "").replace(',', ".")
        } else {
            let message = format!(
                "'{quoted}' has a point; in a semicolon-separated table the decimal mark is a comma (0,55) and a \
                 point only groups thousands in a count (1.234 homes)"
            );
            self.problems.push(problem(self.at(column), message));
            return default;
        };
        match normalised.parse::<f64>() {
            Ok(v) if v.is_finite() && (min..=max).contains(&v) => v,
            Ok(v) if v.is_finite() => {
                self.problems.push(problem(self.at(column), format!("{v} is outside {min} to {max}")));
                default
            }
            _ => {
                self.problems.push(problem(self.at(column), format!("'{quoted}' is not a number")));
                default
            }
        }
    }
}

/// The non-Western share an estate takes when its row gives none: the country's on 1 January
/// 2013 (Danmarks Statistik, *Indvandrere i Danmark 2013*, table 1.1: 266,666 immigrants and
/// 123,614 descendants from non-Western countries of 5,602,628 residents). Below the list's
/// 30 % and 50 % lines, so such an estate is judged by the other criteria only.
pub(super) const COUNTRY_NON_WESTERN_SHARE: f64 = 0.07;
/// The convicted share an estate takes when its row gives none: the national average, a third
/// of the 2018 and 2021 laws' line of 2.35 % (facts.md), so it meets no conviction criterion.
pub(super) const COUNTRY_CONVICTED_SHARE: f64 = 0.0078;

/// The inputs the list's criteria need, each with the columns that may give it and what an
/// estate without it is given instead (for the warning; the app words each by its first
/// column).
pub const LIST_INPUTS: [(&[&str], &str); 4] = [
    (
        &["non_western_share"],
        "took 7 %, the whole country's non-Western share (Danmarks Statistik, 1 January 2013); below the \
         30 % and 50 % lines, they can be udsatte areas but never parallel-society, transformation or \
         prevention areas",
    ),
    (
        &["convicted_share"],
        "took 0.78 %, the national average (a third of the 2.35 % line of the 2018 and 2021 laws); they \
         never meet the conviction criterion",
    ),
    (
        &["basic_schooling_2016"],
        "took the model's shares by group (assumptions seed_basic.employed and \
         seed_basic.outside_work), not a published figure for the area",
    ),
    (
        &["income_2016", "income_level"],
        "took the model's incomes by group and schooling (assumptions income.*), not a published figure \
         for the area",
    ),
];

/// An input of the list's criteria that some estates' rows lack: the columns that would give
/// it, and the estates, each with the line its row is on. The app says it in the room's
/// language; [`LackingInput::problem`] says it in English for the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LackingInput {
    /// The columns any one of which gives the input (the first is its usual name).
    pub columns: &'static [&'static str],
    /// The estates without it: their ids (shortened to be shown) and lines.
    pub estates: Vec<(String, usize)>,
}

impl LackingInput {
    /// The warning in English, located at the table's column.
    pub fn problem(&self, file: &str) -> ImportProblem {
        let default = LIST_INPUTS.iter().find(|(columns, _)| *columns == self.columns).map_or("", |(_, d)| *d);
        let named =
            self.estates.iter().take(5).map(|(id, line)| format!("'{id}' (row {line})")).collect::<Vec<_>>().join(", ");
        let more = if self.estates.len() > 5 { format!(" and {} more", self.estates.len() - 5) } else { String::new() };
        let message = format!(
            "{} estate(s) have no {}: {named}{more}; the list's criteria need it, so they {default}",
            self.estates.len(),
            self.columns.join(" or "),
        );
        problem(format!("{file}, column '{}'", self.columns.first().copied().unwrap_or_default()), message)
    }
}

/// Each input of the list's criteria that estates lack, with the estates.
pub(super) fn lacking_list_inputs(table: &Table) -> Vec<LackingInput> {
    let kind = table.column("kind");
    let estates: Vec<&(usize, Vec<String>)> = table
        .rows
        .iter()
        .filter(|(_, cells)| kind.and_then(|k| cells.get(k)).is_some_and(|c| c.trim() == "estate"))
        .collect();
    let mut lacking = Vec::new();
    for (columns, _) in LIST_INPUTS {
        let given = |cells: &Vec<String>| {
            columns.iter().any(|c| table.column(c).and_then(|i| cells.get(i)).is_some_and(|v| !v.trim().is_empty()))
        };
        let without: Vec<(String, usize)> = estates
            .iter()
            .filter(|(_, cells)| !given(cells))
            .map(|(line, cells)| (shown(table.id(cells), SHOWN_CHARS), *line))
            .collect();
        if !without.is_empty() {
            lacking.push(LackingInput { columns, estates: without });
        }
    }
    lacking
}

/// Counts above this are absurd for one area.
const MAX_COUNT: f64 = 1_000_000.0;

fn area_from_row(row: &mut Row<'_>, start_year: u16) -> Area {
    let id = row.required_text("id", limits::MAX_ID_CHARS);
    let name = row.required_text("name", limits::MAX_NAME_CHARS);
    let district = row.required_text("district", limits::MAX_ID_CHARS);
    let kind_text = row.required_text("kind", limits::MAX_ID_CHARS);
    let kind = match kind_text.as_str() {
        "estate" => AreaKind::Estate,
        "ordinary" | "" => AreaKind::Ordinary,
        "growth" => AreaKind::Growth,
        other => {
            let message = format!("'{}' is not a kind (estate, ordinary or growth)", shown(other, SHOWN_CHARS));
            row.problems.push(problem(row.at("kind"), message));
            AreaKind::Ordinary
        }
    };
    let mut homes = PerTenure::default();
    for tenure in Tenure::ALL {
        homes[tenure] = row.number(tenure.key(), (0.0, MAX_COUNT), 0.0, Figure::Count);
    }
    let mut residents = PerGroup::default();
    for group in Group::ALL {
        residents[group] = row.number(group.key(), (0.0, MAX_COUNT), 0.0, Figure::Count);
    }
    // `income_level` (the name the list's criterion goes by) is read as `income_2016`: the
    // area's income relative to the region's, 1 = the region's average.
    let income = ["income_2016", "income_level"].into_iter().find(|c| row.text(c).is_some());
    let schooling = row.text("basic_schooling_2016").is_some();
    // An estate without its own figures takes the country's (and is warned about, see
    // `list_input_warnings`); other areas are never judged by the list.
    let estate = kind == AreaKind::Estate;
    let held = HeldInputs {
        convicted_share: row.number(
            "convicted_share",
            (0.0, 1.0),
            if estate { COUNTRY_CONVICTED_SHARE } else { 0.0 },
            Figure::Plain,
        ),
        non_western_share: row.number(
            "non_western_share",
            (0.0, 1.0),
            if estate { COUNTRY_NON_WESTERN_SHARE } else { 0.0 },
            Figure::Plain,
        ),
        basic_schooling_2016: schooling.then(|| row.number("basic_schooling_2016", (0.0, 1.0), 0.0, Figure::Plain)),
        income_2016: income.map(|column| row.number(column, (0.05, 5.0), 1.0, Figure::Plain)),
        years_listed_before_2016: years_listed(row, start_year),
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
        commercial_m2: row.number("commercial_m2", (0.0, 100.0 * MAX_COUNT), 0.0, Figure::Count),
        demolished_2011_2015: row.number("demolished_2011_2015", (0.0, MAX_COUNT), 0.0, Figure::Count),
        short_name: row.checked_text("short_name", limits::MAX_NAME_CHARS).unwrap_or_default(),
        legacy_shape: Vec::new(),
        empty_homes: Vec::new(),
        culture_house_m2: 0.0,
        campus_m2: 0.0,
    }
}

/// The years an area had been listed before the plan's start: a whole number from 0 to the
/// years since the first list (2010). A table may name the column `years_listed` or, as the
/// 2016 tables did, `years_listed_before_2016`.
fn years_listed(row: &mut Row<'_>, start_year: u16) -> u32 {
    let column = ["years_listed", "years_listed_before_2016"].into_iter().find(|c| row.text(c).is_some());
    let Some(column) = column else { return 0 };
    let max = f64::from(start_year.saturating_sub(limits::FIRST_LIST_YEAR));
    let years = row.number(column, (0.0, max), 0.0, Figure::Plain);
    if years.fract() != 0.0 {
        row.problems.push(problem(row.at(column), format!("{years} is not a whole number of years")));
        return 0;
    }
    // A whole number from 0 to the years since 2010.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = years as u32;
    whole
}

pub(super) fn areas_from_rows(
    file: &str,
    table: &Table,
    start_year: u16,
) -> Result<(Vec<Area>, Vec<District>), Vec<ImportProblem>> {
    let mut problems = Vec::new();
    let mut areas: Vec<Area> = Vec::new();
    let mut districts: Vec<District> = Vec::new();
    let mut district_at: HashMap<String, usize> = HashMap::new();
    let mut first_row: HashMap<String, usize> = HashMap::new();
    for (line, cells) in &table.rows {
        let mut row = Row { file, table, line: *line, cells, problems: &mut problems };
        let area = area_from_row(&mut row, start_year);
        let district_name = row.checked_text("district_name", limits::MAX_NAME_CHARS);
        if let Some(first) = first_row.get(&area.id).filter(|_| !area.id.is_empty()) {
            let message = format!("the id '{}' is used twice (first in row {first})", area.id);
            problems.push(problem(format!("{file}, row {line}, column 'id'"), message));
        }
        first_row.entry(area.id.clone()).or_insert(*line);
        match district_at.get(&area.district).map(|i| &districts[*i]) {
            Some(d) => {
                if let Some(name) = district_name.filter(|n| !n.is_empty() && *n != d.name) {
                    let message = format!("'{name}', but an earlier row names this district '{}'", d.name);
                    problems.push(problem(format!("{file}, row {line}, column 'district_name'"), message));
                }
            }
            None if !area.district.is_empty() => {
                district_at.insert(area.district.clone(), districts.len());
                districts.push(District {
                    id: area.district.clone(),
                    name: district_name.filter(|n| !n.is_empty()).unwrap_or_else(|| area.district.clone()),
                    short_name: String::new(),
                    profile: None,
                });
            }
            None => {}
        }
        areas.push(area);
    }
    if problems.is_empty() { Ok((areas, districts)) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::grouped_in_thousands;

    #[test]
    fn thousands_grouped_with_points_are_told_from_decimals() {
        for grouped in ["1.234", "12.345", "123.456.789", "1.234,5", "-1.000"] {
            assert!(grouped_in_thousands(grouped), "{grouped}");
        }
        for not in ["1.5", "0.234", "1.2345", "1234", "1.234.5", ".234", "1..234", "1.234,", "1,234.567", "1.234,5,6"] {
            assert!(!grouped_in_thousands(not), "{not}");
        }
    }
}
