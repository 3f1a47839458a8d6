//! The commands behind the parser: each loads its plans through the one checked loader
//! (`io::open_plan`), prints every problem of a plan that cannot be used (exit 1), and writes
//! its result to standard output or, through [`super::output`], to a file.

use super::output::{self, Target};
use super::{EXIT_BAD_PLAN, EXIT_OK, EXIT_USAGE};
use crate::assets::Library;
use crate::i18n::Language;
use crate::io;
use crate::model::{FORMAT_VERSION, LAST_YEAR, Params, Plan, RuleSetId, Span};
use crate::sim::{self, COMPONENTS, Projection};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The shipped assumptions and rule sets, or the message that they are broken (a build bug).
fn library(err: &mut dyn Write) -> Option<Library> {
    Library::load().map_err(|e| writeln!(err, "error: {e}")).ok()
}

/// Loads and validates a plan, printing every problem; `None` when it cannot be used.
fn load_checked(path: &Path, library: &Library, err: &mut dyn Write) -> Option<io::Loaded> {
    match io::open_plan(path, &library.table) {
        Ok(loaded) => Some(loaded),
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

/// The year a command looks at: the one asked for, which must lie in the plan's years, or the
/// command's default for the plan. `None` after saying why.
fn year_of(plan: &Plan, asked: Option<u16>, default: fn(Span) -> u16, path: &Path, err: &mut dyn Write) -> Option<u16> {
    let span = plan.span();
    match asked {
        None => Some(default(span)),
        Some(year) if span.contains(year) => Some(year),
        Some(year) => {
            let _ = writeln!(
                err,
                "error: '{}' runs {}–{}; {year} is outside it ({})",
                plan.name,
                span.first,
                span.last,
                path.display()
            );
            None
        }
    }
}

/// `explain`'s year when none is asked for: the first milestone the plan reaches (2025 for a
/// plan from 2016, 2030 for one from 2026), or its last year.
pub(super) fn first_milestone(span: Span) -> u16 {
    span.milestones().first().copied().unwrap_or(span.last)
}

/// `score`'s year when none is asked for: the plan's last.
pub(super) fn last_year(span: Span) -> u16 {
    span.last
}

/// A plan with its parameters, projected under `rules` (or its own rule set, which the plan
/// then carries).
fn projected(
    path: &Path,
    library: &Library,
    rules: Option<RuleSetId>,
    err: &mut dyn Write,
) -> Option<(Plan, Params, Projection)> {
    let plan = load_checked(path, library, err)?.plan;
    project_loaded(plan, path, library, rules, err)
}

/// A loaded plan with its parameters, projected under `rules` (or its own rule set).
fn project_loaded(
    mut plan: Plan,
    path: &Path,
    library: &Library,
    rules: Option<RuleSetId>,
    err: &mut dyn Write,
) -> Option<(Plan, Params, Projection)> {
    plan.rule_set = rules.unwrap_or(plan.rule_set);
    let params = match Params::resolve(&library.table, &plan.assumptions) {
        Ok(params) => params,
        Err(e) => {
            let _ = writeln!(err, "error: {e} ({})", path.display());
            return None;
        }
    };
    let projection = sim::project(&plan, crate::engine::inputs(library, &plan, &params));
    Some((plan, params, projection))
}

/// `check`: whether the plan can be used, with its size.
pub(super) fn check(path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(library) = library(err) else { return EXIT_BAD_PLAN };
    let Some(io::Loaded { plan, .. }) = load_checked(path, &library, err) else { return EXIT_BAD_PLAN };
    let m = &plan.municipality;
    let (areas, actions, efforts) = (m.areas.len(), plan.actions.len(), plan.efforts.len());
    let _ = writeln!(out, "ok: '{}' can be used ({areas} areas, {actions} actions, {efforts} efforts)", plan.name);
    EXIT_OK
}

/// How `project` projects: as CSV (else JSON), under which rule set, with the bands.
#[derive(Clone, Copy)]
pub(super) struct Projecting {
    pub csv: bool,
    pub rules: Option<RuleSetId>,
    pub bands: bool,
}

/// `project`: the whole projection as JSON (with the bands if asked) or CSV.
pub(super) fn project(
    path: &Path,
    how: Projecting,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let target = match output::target(output, &[path]) {
        Ok(target) => target,
        Err(message) => return output::refuse(err, &message),
    };
    let Some(library) = library(err) else { return EXIT_BAD_PLAN };
    let Some((plan, _, projection)) = projected(path, &library, how.rules, err) else { return EXIT_BAD_PLAN };
    if how.csv {
        return match crate::export::projection_csv(&projection) {
            Ok(text) => output::deliver(&target, &text, "the projection", out, err),
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                EXIT_BAD_PLAN
            }
        };
    }
    let bands = if how.bands {
        let Some(bands) = crate::bands::bands(&library, &plan, crate::bands::RUNS, &|| false) else {
            let _ = writeln!(err, "error: the bands could not be computed ({})", path.display());
            return EXIT_BAD_PLAN;
        };
        Some(bands)
    } else {
        None
    };
    output::deliver_with(&target, "the projection", out, err, |w| {
        crate::export::write_projection_json(w, &projection, bands.as_ref())
    })
}

/// `explain`: the plan against the Basisforløb at `year`, by component and by part, as text or
/// JSON in `language`.
pub(super) fn explain(
    path: &Path,
    year: Option<u16>,
    json: bool,
    language: Language,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some(library) = library(err) else { return EXIT_BAD_PLAN };
    let Some(io::Loaded { plan, .. }) = load_checked(path, &library, err) else { return EXIT_BAD_PLAN };
    let Some(year) = year_of(&plan, year, first_milestone, path, err) else { return EXIT_USAGE };
    let prepared = crate::engine::baseline_for(&plan)
        .map_err(|e| e.to_string())
        .and_then(|baseline| crate::i18n::Translations::shared().map(|t| (baseline, t)));
    let (baseline, translations) = match prepared {
        Ok(prepared) => prepared,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_BAD_PLAN;
        }
    };
    let Some(attribution) = crate::engine::attribute(&library, &plan, &baseline, &|| false) else {
        let _ = writeln!(err, "error: the plan could not be explained ({})", path.display());
        return EXIT_BAD_PLAN;
    };
    let projection = crate::engine::project(&library, &plan);
    let tr = translations.tr(language);
    // A failed write to standard output sticks, and `run` fails the command with its reason.
    let _ = if json {
        writeln!(out, "{:#}", crate::statement::json(&attribution, &plan, &projection, year, tr))
    } else {
        write!(out, "{}", crate::statement::text(&attribution, &plan, &projection, year, tr))
    };
    EXIT_OK
}

/// `score`: the score and its parts in one year, and each estate's status.
pub(super) fn score(
    path: &Path,
    year: Option<u16>,
    rules: Option<RuleSetId>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some(library) = library(err) else { return EXIT_BAD_PLAN };
    let Some((plan, params, projection)) = projected(path, &library, rules, err) else { return EXIT_BAD_PLAN };
    let Some(year) = year_of(&plan, year, last_year, path, err) else { return EXIT_USAGE };
    // A failed write to standard output sticks, and `run` fails the command with its reason.
    let _ = write_score(out, &projection, &params, year);
    EXIT_OK
}

/// `compare`: several plans side by side at a year.
pub(super) fn compare(
    paths: &[PathBuf],
    year: Option<u16>,
    csv: bool,
    rules: Option<RuleSetId>,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let inputs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let target = match output::target(output, &inputs) {
        Ok(target) => target,
        Err(message) => return output::refuse(err, &message),
    };
    if paths.len() > crate::compare::MAX_COMPARED_PLANS {
        let max = crate::compare::MAX_COMPARED_PLANS;
        return output::refuse(err, &format!("compare takes at most {max} plans at a time, not {}", paths.len()));
    }
    let Some(library) = library(err) else { return EXIT_BAD_PLAN };
    let mut projections = Vec::new();
    let mut areas = 0;
    for path in paths {
        let Some(loaded) = load_checked(path, &library, err) else { return EXIT_BAD_PLAN };
        areas += loaded.plan.municipality.areas.len();
        if areas > crate::compare::MAX_COMPARED_AREAS {
            let max = crate::compare::MAX_COMPARED_AREAS;
            let _ = writeln!(
                err,
                "error: the plans have more than {max} areas together; compare fewer at a time, so that the \
                 comparison is made within seconds and memory ({})",
                path.display()
            );
            return EXIT_BAD_PLAN;
        }
        // Every plan must reach the year: 2040 when none is asked for, which every plan does.
        let Some(_) = year_of(&loaded.plan, year, |_| LAST_YEAR, path, err) else { return EXIT_USAGE };
        let Some((plan, _, projection)) = project_loaded(loaded.plan, path, &library, rules, err) else {
            return EXIT_BAD_PLAN;
        };
        projections.push((plan.name, projection, plan.votes));
    }
    let named: Vec<(&str, &Projection, &[crate::model::Vote])> =
        projections.iter().map(|(n, p, v)| (n.as_str(), p, v.as_slice())).collect();
    let comparison = crate::compare::compare(&named, year.unwrap_or(LAST_YEAR));
    let text = if csv {
        match crate::compare::comparison_csv(&comparison) {
            Ok(text) => text,
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                return EXIT_BAD_PLAN;
            }
        }
    } else {
        format!("{:#}\n", crate::compare::comparison_json(&comparison))
    };
    output::deliver(&target, &text, "the comparison", out, err)
}

/// `upgrade`: a plan of an earlier format rewritten in the current one, over the file itself
/// (keeping a `.bak`) unless `-o` names another (`-o -`: standard output). Only a plan that
/// `check` accepts is written; a plan already in the current format is left as it is (unless
/// `-o` asks for a copy).
pub(super) fn upgrade(path: &Path, output: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let target = match output.map(|o| output::target(Some(o), &[])).transpose() {
        Ok(target) => target,
        Err(message) => return output::refuse(err, &message),
    };
    let Some(library) = library(err) else { return EXIT_BAD_PLAN };
    let Some(io::Loaded { plan, format_version }) = load_checked(path, &library, err) else { return EXIT_BAD_PLAN };
    let name = &plan.name;
    match target {
        None if format_version == FORMAT_VERSION => {
            let _ = writeln!(
                out,
                "ok: '{name}' is already in format {FORMAT_VERSION}; the file is unchanged ({})",
                path.display()
            );
            EXIT_OK
        }
        None => write_upgraded(&plan, path, format_version, out, err),
        Some(Target::File(target)) => write_upgraded(&plan, target, format_version, out, err),
        Some(Target::Stdout) => match io::plan_to_file_text(&plan) {
            Ok(text) => output::deliver(&Target::Stdout, &text, "the plan", out, err),
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                EXIT_BAD_PLAN
            }
        },
    }
}

fn write_upgraded(plan: &Plan, target: &Path, from: u32, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match io::save_plan(target, plan) {
        Ok(()) => {
            let done = if from == FORMAT_VERSION {
                format!("written in format {FORMAT_VERSION}")
            } else {
                format!("upgraded from format {from} to {FORMAT_VERSION}")
            };
            let _ = writeln!(out, "ok: '{}' {done} ({})", plan.name, target.display());
            EXIT_OK
        }
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            EXIT_BAD_PLAN
        }
    }
}

/// `report`: the workshop report for one or more plans.
pub(super) fn report(
    paths: &[PathBuf],
    output: Option<&Path>,
    language: Language,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let inputs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let target: Target<'_> = match output::target(output, &inputs) {
        Ok(target) => target,
        Err(message) => return output::refuse(err, &message),
    };
    if paths.len() > crate::report::MAX_REPORT_PLANS {
        let max = crate::report::MAX_REPORT_PLANS;
        return output::refuse(err, &format!("a report holds at most {max} plans, not {}", paths.len()));
    }
    let Some(library) = library(err) else { return EXIT_BAD_PLAN };
    let mut plans = Vec::new();
    for path in paths {
        let Some(loaded) = load_checked(path, &library, err) else { return EXIT_BAD_PLAN };
        plans.push(loaded.plan);
    }
    if let Some(why) = crate::report::too_much_for_one_report(&plans) {
        let _ = writeln!(err, "error: {why}");
        return EXIT_BAD_PLAN;
    }
    let html = crate::i18n::Translations::shared()
        .and_then(|translations| crate::report::report_for_plans(&library, &plans, translations.tr(language)));
    match html {
        Ok(html) => output::deliver(&target, &html, "the report", out, err),
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            EXIT_BAD_PLAN
        }
    }
}

fn write_score(out: &mut dyn Write, projection: &Projection, params: &Params, year: u16) -> std::io::Result<()> {
    let Some(i) = projection.year_index(year) else {
        return Ok(());
    };
    let score = &projection.score[i];
    let rules = match projection.rules.in_year(year) {
        published if published == projection.rules => format!("the {} rules", published.key()),
        published => format!("the law in force each year (for {year} the {} rules)", published.key()),
    };
    writeln!(out, "{}: balance score {year} under {rules}", projection.plan)?;
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
        let met: Vec<String> = area
            .criteria
            .in_year(i)
            .iter()
            .filter(|c| c.met)
            .map(|c| format!("{} {:.1}% vs {:.1}%", c.id, 100.0 * c.value, 100.0 * c.threshold))
            .collect();
        writeln!(
            out,
            "  {:<14} {:<10} {:<16} {} year(s) in a row; criteria met: {}",
            area.name,
            list_word(&y.status),
            y.status.category.key(),
            y.status.consecutive_years,
            if met.is_empty() { "none".to_owned() } else { met.join(", ") }
        )?;
    }
    Ok(())
}

/// Whether an estate is on a published list, in the words of the law: a prevention area is on
/// a list of its own and is never "not listed".
fn list_word(status: &crate::sim::Status) -> &'static str {
    match (status.listed, status.category) {
        (true, _) => "listed",
        (false, crate::model::Category::Forebyggelse) => "prevention",
        (false, _) => "not listed",
    }
}
