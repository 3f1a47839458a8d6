//! The command line for analysts and scripts: `project`, `score` and `check`. Exit codes:
//! 0 ok, 1 a plan that cannot be used (every problem in words), 2 bad usage. Never panics.

use crate::assets::Library;
use crate::export;
use crate::io;
use crate::model::{FIRST_YEAR, LAST_YEAR, Params, Plan, RuleSetId};
use crate::sim::{self, COMPONENTS, Projection};
use std::io::Write;
use std::path::Path;

/// The usage text printed for `--help` and after a usage error.
pub const USAGE: &str = "\
By i balance: projects a plan for Høje-Taastrup's housing estates to 2040.

Usage:
  by-i-balance                                  open the workshop app with the Visionsplan
  by-i-balance project PLAN.ron [--format json|csv] [--rules 2010|2014|2018|2021] [--bands]
                                                --bands adds the 10th/90th percentiles of the
                                                score and each estate's share of runs listed
  by-i-balance explain PLAN.ron [--year YEAR] [--format text|json] [--lang da|en]
                                                the change against the Basisforløb, split by
                                                score component and by the plan's parts
  by-i-balance score PLAN.ron [--year YEAR] [--rules 2010|2014|2018|2021]
  by-i-balance check PLAN.ron
  by-i-balance compare A.ron B.ron [...] [--year YEAR] [--format json|csv] [--rules ...]
  by-i-balance upgrade PLAN.ron [-o OUT.ron]   rewrite a plan in the current file format
  by-i-balance report A.ron [B.ron ...] [-o report.html] [--lang da|en]
                                                the workshop report as one HTML file
  by-i-balance new --areas AREAS.csv [--map MAP.geojson] [--name NAME] -o PLAN.ron
                                                a plan for any municipality from its own
                                                table of areas and (optional) boundaries

Exit status: 0 ok, 1 the plan cannot be used, 2 bad usage.";

/// Exit status of a command.
pub const EXIT_OK: i32 = 0;
pub const EXIT_BAD_PLAN: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

/// Output format of `project`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
    Text,
}

/// Parsed options shared by the commands.
struct Options<'a> {
    plans: Vec<&'a str>,
    format: Format,
    rules: Option<RuleSetId>,
    year: Option<u16>,
    output: Option<&'a str>,
    language: crate::i18n::Language,
    areas: Option<&'a str>,
    map: Option<&'a str>,
    name: Option<&'a str>,
    bands: bool,
    /// Whether `--format` was given (explain prints text unless asked for JSON).
    format_given: bool,
}

fn parse_options(args: &[String]) -> Result<Options<'_>, String> {
    let mut options = Options {
        plans: Vec::new(),
        format: Format::Json,
        rules: None,
        year: None,
        output: None,
        language: crate::i18n::Language::Danish,
        areas: None,
        map: None,
        name: None,
        bands: false,
        format_given: false,
    };
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        let value = |i: usize| args.get(i + 1).map(String::as_str).ok_or(format!("{arg} needs a value"));
        match arg {
            "--format" => {
                options.format = match value(i)? {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    "text" => Format::Text,
                    other => return Err(format!("unknown format '{other}' (json, csv or text)")),
                };
                options.format_given = true;
                i += 1;
            }
            "--rules" => {
                let text = value(i)?;
                options.rules = Some(
                    RuleSetId::parse(text).ok_or(format!("unknown rule set '{text}' (2010, 2014, 2018 or 2021)"))?,
                );
                i += 1;
            }
            "--year" => {
                let text = value(i)?;
                let year: u16 = text.parse().map_err(|_| format!("'{text}' is not a year"))?;
                if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
                    return Err(format!("the year {year} is outside {FIRST_YEAR}–{LAST_YEAR}"));
                }
                options.year = Some(year);
                i += 1;
            }
            "--lang" => {
                options.language = match value(i)? {
                    "da" => crate::i18n::Language::Danish,
                    "en" => crate::i18n::Language::English,
                    other => return Err(format!("unknown language '{other}' (da or en)")),
                };
                i += 1;
            }
            "--bands" => options.bands = true,
            "-o" | "--output" => {
                options.output = Some(value(i)?);
                i += 1;
            }
            "--areas" | "--map" | "--name" => {
                let slot = match arg {
                    "--areas" => &mut options.areas,
                    "--map" => &mut options.map,
                    _ => &mut options.name,
                };
                *slot = Some(value(i)?);
                i += 1;
            }
            flag if flag.starts_with('-') && flag.len() > 1 => return Err(format!("unknown option {flag}")),
            path => options.plans.push(path),
        }
        i += 1;
    }
    Ok(options)
}

/// Runs a command line (without the program name); writes to `out` and `err`; returns the
/// exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some((command, rest)) = args.split_first() else {
        let _ = writeln!(err, "{USAGE}");
        return EXIT_USAGE;
    };
    if matches!(command.as_str(), "--help" | "-h" | "help") {
        let _ = writeln!(out, "{USAGE}");
        return EXIT_OK;
    }
    if !matches!(command.as_str(), "check" | "project" | "score" | "compare" | "upgrade" | "report" | "explain" | "new")
    {
        return usage_error(err, &format!("unknown command '{command}'"));
    }
    let options = match parse_options(rest) {
        Ok(options) => options,
        Err(message) => return usage_error(err, &message),
    };
    if command == "new" {
        return new_plan(&options, out, err);
    }
    if options.areas.is_some() || options.map.is_some() || options.name.is_some() {
        return usage_error(err, "--areas, --map and --name are only for new");
    }
    match (command.as_str(), options.plans.len()) {
        (_, 0) => return usage_error(err, &format!("{command} needs a plan file")),
        ("compare", 1) => return usage_error(err, "compare needs at least two plan files"),
        ("compare", _) => return compare_plans(&options, out, err),
        ("report", _) => return report(&options, out, err),
        (_, n) if n > 1 => return usage_error(err, &format!("{command} takes one plan file, not {n}")),
        _ => {}
    }
    if options.output.is_some() && command != "upgrade" {
        return usage_error(err, "-o is only for upgrade and report");
    }
    let plan_path = options.plans[0];
    if command == "upgrade" {
        return upgrade(plan_path, options.output, out, err);
    }
    let library = match Library::load() {
        Ok(library) => library,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_BAD_PLAN;
        }
    };
    let plan = match load_checked(Path::new(plan_path), &library, err) {
        Some(plan) => plan,
        None => return EXIT_BAD_PLAN,
    };
    let params = match Params::resolve(&library.table, &plan.assumptions) {
        Ok(params) => params,
        Err(e) => {
            let _ = writeln!(err, "error: {e} ({plan_path})");
            return EXIT_BAD_PLAN;
        }
    };
    let mut plan = plan;
    plan.rule_set = options.rules.unwrap_or(plan.rule_set);
    let inputs = crate::engine::inputs(&library, &plan, &params);
    let written = match command.as_str() {
        "check" => writeln!(
            out,
            "ok: '{}' can be used ({} areas, {} actions, {} efforts)",
            plan.name,
            plan.municipality.areas.len(),
            plan.actions.len(),
            plan.efforts.len()
        ),
        "project" => {
            let projection = sim::project(&plan, inputs);
            match options.format {
                Format::Json | Format::Text => {
                    let mut json = export::projection_json(&projection);
                    if options.bands {
                        match crate::bands::bands(&library, &plan, crate::bands::RUNS, &|| false) {
                            Some(bands) => export::add_bands(&mut json, &bands),
                            None => {
                                let _ = writeln!(err, "error: the bands could not be computed ({plan_path})");
                                return EXIT_BAD_PLAN;
                            }
                        }
                    }
                    writeln!(out, "{json:#}")
                }
                Format::Csv => write!(out, "{}", export::projection_csv(&projection)),
            }
        }
        "explain" => explain(&library, &plan, &options, out, err),
        _ => {
            let projection = sim::project(&plan, inputs);
            write_score(out, &projection, &params, options.year.unwrap_or(LAST_YEAR))
        }
    };
    // A closed pipe (e.g. `| head`) is not the plan's fault: stop quietly.
    let _ = written;
    EXIT_OK
}

/// `upgrade`: reads a plan of any earlier format and writes it in the current one (over the
/// file itself, keeping a `.bak`, unless `-o` names another file).
fn upgrade(path: &str, output: Option<&str>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            let _ = writeln!(err, "error: cannot read the file: {e} ({path})");
            return EXIT_BAD_PLAN;
        }
    };
    let from =
        io::parse_ron::<VersionOnly>(text.strip_prefix('\u{feff}').unwrap_or(&text)).map_or(0, |v| v.format_version);
    let plan = match io::load_plan(Path::new(path)) {
        Ok(plan) => plan,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_BAD_PLAN;
        }
    };
    let target = output.unwrap_or(path);
    match io::save_plan(Path::new(target), &plan) {
        Ok(()) => {
            let _ = writeln!(
                out,
                "ok: '{}' upgraded from format {from} to {} ({target})",
                plan.name,
                crate::model::FORMAT_VERSION
            );
            EXIT_OK
        }
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            EXIT_BAD_PLAN
        }
    }
}

/// `new`: a plan from a municipality's table of areas and, optionally, its outlines. Every
/// problem is printed with its row and column (or GeoJSON feature); nothing is written unless
/// the plan is whole and valid.
fn new_plan(options: &Options<'_>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (Some(areas), Some(target)) = (options.areas, options.output) else {
        return usage_error(err, "new needs --areas AREAS.csv and -o PLAN.ron");
    };
    if !options.plans.is_empty() {
        return usage_error(err, "new takes no plan file; name the table with --areas");
    }
    let read = |path: &str| crate::import::read_input(Path::new(path));
    let (areas_text, map_text) = match (read(areas), options.map.map(read).transpose()) {
        (Ok(a), Ok(m)) => (a, m),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_BAD_PLAN;
        }
    };
    let stem = Path::new(target).file_stem().map_or_else(|| "Ny kommune".into(), |s| s.to_string_lossy());
    let sources = crate::import::Sources {
        areas_name: areas,
        areas: &areas_text,
        map: options.map.zip(map_text.as_deref()),
        name: options.name.unwrap_or(&stem),
    };
    let plan = match crate::import::plan_from_table(&sources) {
        Ok(plan) => plan,
        Err(problems) => {
            let _ = writeln!(err, "error: no plan was made; {} problem(s):", problems.len());
            for problem in problems {
                let _ = writeln!(err, "  - {problem}");
            }
            return EXIT_BAD_PLAN;
        }
    };
    let table = match Library::load() {
        Ok(library) => library.table,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_BAD_PLAN;
        }
    };
    let problems = plan.validate(&table);
    if !problems.is_empty() {
        let _ = writeln!(err, "error: no plan was made; {} problem(s):", problems.len());
        for problem in problems {
            let _ = writeln!(err, "  - {problem}");
        }
        return EXIT_BAD_PLAN;
    }
    match io::save_plan(Path::new(target), &plan) {
        Ok(()) => {
            let map = if options.map.is_some() { "their outlines" } else { "a schematic map" };
            let _ =
                writeln!(out, "ok: '{}' with {} areas and {map} ({target})", plan.name, plan.municipality.areas.len());
            EXIT_OK
        }
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            EXIT_BAD_PLAN
        }
    }
}

/// `explain`: the plan against the Basisforløb at a year (2025 unless `--year`), by component
/// and by part, as text or JSON.
fn explain(
    library: &Library,
    plan: &Plan,
    options: &Options<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let Ok(baseline) = crate::engine::baseline_plan() else {
        return writeln!(err, "error: the Basisforløb that ships with the program is broken");
    };
    let Some(attribution) = crate::engine::attribute(library, plan, &baseline, &|| false) else { return Ok(()) };
    let projection = crate::engine::project(library, plan);
    let year = options.year.unwrap_or(crate::model::MILESTONES[0]);
    let translations = crate::i18n::Translations::shared().map_err(std::io::Error::other)?;
    let tr = translations.tr(options.language);
    if options.format_given && options.format == Format::Json {
        writeln!(out, "{:#}", crate::statement::json(&attribution, plan, &projection, year, tr))
    } else {
        write!(out, "{}", crate::statement::text(&attribution, plan, &projection, year, tr))
    }
}

#[derive(serde::Deserialize)]
struct VersionOnly {
    format_version: u32,
}

/// `report`: the workshop report for one or more plans, to `-o FILE` (atomically) or stdout.
fn report(options: &Options<'_>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let library = match Library::load() {
        Ok(library) => library,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_BAD_PLAN;
        }
    };
    let mut plans = Vec::new();
    for path in &options.plans {
        let Some(plan) = load_checked(Path::new(path), &library, err) else { return EXIT_BAD_PLAN };
        plans.push(plan);
    }
    let translations = match crate::i18n::Translations::shared() {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_BAD_PLAN;
        }
    };
    let html = match crate::report::report_for_plans(&library, &plans, translations.tr(options.language)) {
        Ok(html) => html,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_BAD_PLAN;
        }
    };
    match options.output {
        Some(path) => match io::write_atomically(Path::new(path), html.as_bytes()) {
            Ok(()) => {
                let _ = writeln!(out, "ok: the report for {} plan(s) is in {path}", plans.len());
                EXIT_OK
            }
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                EXIT_BAD_PLAN
            }
        },
        None => {
            let _ = write!(out, "{html}");
            EXIT_OK
        }
    }
}

/// `compare`: several plans side by side at a year (2040 unless `--year`).
fn compare_plans(options: &Options<'_>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let library = match Library::load() {
        Ok(library) => library,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_BAD_PLAN;
        }
    };
    let mut projections = Vec::new();
    for path in &options.plans {
        let Some(plan) = load_checked(Path::new(path), &library, err) else { return EXIT_BAD_PLAN };
        let params = match Params::resolve(&library.table, &plan.assumptions) {
            Ok(params) => params,
            Err(e) => {
                let _ = writeln!(err, "error: {e} ({path})");
                return EXIT_BAD_PLAN;
            }
        };
        let mut plan = plan;
        plan.rule_set = options.rules.unwrap_or(plan.rule_set);
        projections.push((plan.name.clone(), sim::project(&plan, crate::engine::inputs(&library, &plan, &params))));
    }
    let named: Vec<(&str, &Projection)> = projections.iter().map(|(n, p)| (n.as_str(), p)).collect();
    let comparison = crate::compare::compare(&named, options.year.unwrap_or(LAST_YEAR));
    let _ = match options.format {
        Format::Json | Format::Text => writeln!(out, "{:#}", crate::compare::comparison_json(&comparison)),
        Format::Csv => write!(out, "{}", crate::compare::comparison_csv(&comparison)),
    };
    EXIT_OK
}

fn usage_error(err: &mut dyn Write, message: &str) -> i32 {
    let _ = writeln!(err, "error: {message}\n\n{USAGE}");
    EXIT_USAGE
}

/// Loads and validates a plan, printing every problem; `None` when it cannot be used.
fn load_checked(path: &Path, library: &Library, err: &mut dyn Write) -> Option<Plan> {
    match io::load_valid_plan(path, &library.table) {
        Ok(plan) => Some(plan),
        Err(io::LoadError::Invalid { path, problems }) => {
            let _ = writeln!(err, "error: the plan has {} problem(s) ({}):", problems.len(), path.display());
            for problem in problems {
                let _ = writeln!(err, "  - {problem}");
            }
            None
        }
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            None
        }
    }
}

fn write_score(out: &mut dyn Write, projection: &Projection, params: &Params, year: u16) -> std::io::Result<()> {
    let Some(i) = projection.year_index(year) else {
        return Ok(());
    };
    let score = &projection.score[i];
    writeln!(out, "{}: balance score {year} under the {} rules", projection.plan, projection.rules.key())?;
    writeln!(out, "  total        {:5.1} / 100", score.total)?;
    for c in COMPONENTS {
        writeln!(
            out,
            "  {:<12} {:5.1}   weight {:>3.0}%",
            c.key(),
            c.value(&score.components),
            100.0 * c.weight_share(params)
        )?;
    }
    writeln!(out, "estates:")?;
    for area in projection.areas.iter().filter(|a| a.kind == crate::model::AreaKind::Estate) {
        let y = &area.years[i];
        let met: Vec<String> = y
            .status
            .criteria
            .iter()
            .filter(|c| c.met)
            .map(|c| format!("{} {:.1}% vs {:.1}%", c.id, 100.0 * c.value, 100.0 * c.threshold))
            .collect();
        writeln!(
            out,
            "  {:<14} {:<10} {:<16} {} year(s) in a row; criteria met: {}",
            area.name,
            if y.status.listed { "listed" } else { "not listed" },
            y.status.category.key(),
            y.status.consecutive_years,
            if met.is_empty() { "none".to_owned() } else { met.join(", ") }
        )?;
    }
    Ok(())
}
