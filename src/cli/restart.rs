//! `by-i-balance restart`: a plan started again in a later year, from the state its projection
//! reaches then (see [`crate::restart`]); with `--decisions`, the decisions (actions, efforts,
//! letting, name, notes and baseline) come from another plan of that year, which is how a
//! shipped plan of today is written again after the model changes.

use super::commands::load_checked;
use super::{EXIT_BAD_PLAN, output};
use crate::assets::Library;
use std::io::Write;
use std::path::Path;

/// What `restart` reads and where it writes.
pub(super) struct Inputs<'a> {
    pub plan: &'a Path,
    pub year: u16,
    pub decisions: Option<&'a Path>,
    pub output: Option<&'a Path>,
}

pub(super) fn restart(inputs: &Inputs<'_>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let target = match output::target(inputs.output, &[inputs.plan]) {
        Ok(target) => target,
        Err(message) => return output::refuse(err, &message),
    };
    let library = match Library::load() {
        Ok(library) => library,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_BAD_PLAN;
        }
    };
    let Some(loaded) = load_checked(inputs.plan, &library, err) else { return EXIT_BAD_PLAN };
    let decisions = match inputs.decisions {
        Some(path) => match load_checked(path, &library, err) {
            Some(loaded) => Some(loaded.plan),
            None => return EXIT_BAD_PLAN,
        },
        None => None,
    };
    let mut plan = match crate::restart::restart(&library, &loaded.plan, inputs.year) {
        Ok(plan) => plan,
        Err(e) => {
            let _ = writeln!(err, "error: {e} ({})", inputs.plan.display());
            return EXIT_BAD_PLAN;
        }
    };
    if let Some(decided) = decisions {
        plan = crate::model::Plan {
            name: decided.name,
            author: decided.author,
            notes: decided.notes,
            baseline: decided.baseline,
            actions: decided.actions,
            efforts: decided.efforts,
            letting: decided.letting,
            ..plan
        };
        let problems = plan.validate(&library.table);
        if !problems.is_empty() {
            let _ = writeln!(err, "error: the decisions do not fit the restarted plan; {} problem(s):", problems.len());
            for problem in problems {
                let _ = writeln!(err, "  - {problem}");
            }
            return EXIT_BAD_PLAN;
        }
    }
    match crate::io::plan_to_file_text(&plan) {
        Ok(text) => output::deliver(&target, &text, "the restarted plan", out, err),
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            EXIT_BAD_PLAN
        }
    }
}
