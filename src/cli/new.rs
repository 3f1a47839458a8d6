//! `by-i-balance new`: a plan for any municipality from its own table of areas and, if it has
//! them, its own boundaries. Every problem is printed with its row and column (or GeoJSON
//! feature); nothing is written unless the plan is whole and valid.

use super::{EXIT_BAD_PLAN, EXIT_OK, output};
use crate::assets::Library;
use crate::io;
use std::io::Write;
use std::path::Path;

/// What `new` reads and where it writes.
pub(super) struct Inputs<'a> {
    pub areas: &'a Path,
    pub map: Option<&'a Path>,
    pub name: Option<&'a str>,
    pub start_year: u16,
    pub output: &'a Path,
}

fn problems(err: &mut dyn Write, problems: &[impl std::fmt::Display]) -> i32 {
    let _ = writeln!(err, "error: no plan was made; {} problem(s):", problems.len());
    for problem in problems {
        let _ = writeln!(err, "  - {problem}");
    }
    EXIT_BAD_PLAN
}

pub(super) fn new_plan(inputs: &Inputs<'_>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let inputs_read = [Some(inputs.areas), inputs.map].into_iter().flatten().collect::<Vec<_>>();
    let to_stdout = match output::target(Some(inputs.output), &inputs_read) {
        Ok(target) => matches!(target, output::Target::Stdout),
        Err(message) => return output::refuse(err, &message),
    };
    let read = |path: &Path| crate::import::read_input(path);
    let (areas_text, map_text) = match (read(inputs.areas), inputs.map.map(read).transpose()) {
        (Ok(a), Ok(m)) => (a, m),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_BAD_PLAN;
        }
    };
    let stem = inputs.output.file_stem().map_or_else(|| "Ny kommune".into(), |s| s.to_string_lossy());
    let areas_name = inputs.areas.to_string_lossy();
    let map_name = inputs.map.map(|m| m.to_string_lossy());
    let sources = crate::import::Sources {
        areas_name: &areas_name,
        areas: &areas_text,
        map: map_name.as_deref().zip(map_text.as_deref()),
        name: inputs.name.unwrap_or(&stem),
        start_year: inputs.start_year,
    };
    let (plan, warnings) = match crate::import::plan_from_table(&sources) {
        Ok(imported) => (imported.plan, imported.warnings),
        Err(found) => return problems(err, &found),
    };
    let table = match Library::load() {
        Ok(library) => library.table,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_BAD_PLAN;
        }
    };
    let found = plan.validate(&table);
    if !found.is_empty() {
        return problems(err, &found);
    }
    // What the table left out and the plan took instead, before it is written.
    for warning in &warnings {
        let _ = writeln!(err, "warning: {warning}");
    }
    if to_stdout {
        return match io::plan_to_file_text(&plan) {
            Ok(text) => output::deliver(&output::Target::Stdout, &text, "the plan", out, err),
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                EXIT_BAD_PLAN
            }
        };
    }
    match io::save_plan(inputs.output, &plan) {
        Ok(()) => {
            let map = if inputs.map.is_some() { "their outlines" } else { "a schematic map" };
            let target = inputs.output.display();
            let (name, areas, start) = (&plan.name, plan.municipality.areas.len(), plan.start_year);
            let _ = writeln!(out, "ok: '{name}' with {areas} areas and {map}, from 1 January {start} ({target})");
            EXIT_OK
        }
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            EXIT_BAD_PLAN
        }
    }
}
