//! `by-i-balance search`: what would it take to meet the room's goals within its limits? The
//! goals and limits are read in the command line's words (see [`crate::search::goals`]), the
//! search runs on every core, and the answer — 3–5 plans on the trade-off, each explained part
//! by part, or the closest plan and the goal out of reach, and how often each lever is used —
//! is printed as text or JSON in Danish or English (see [`crate::search::answer`]).

use super::commands::load_checked;
use super::{EXIT_BAD_PLAN, output};
use crate::assets::Library;
use crate::i18n::Language;
use crate::search::{self, Goal, Limits};
use std::io::Write;
use std::path::Path;

/// What `search` reads, asks and writes.
pub(super) struct Inputs<'a> {
    pub plan: &'a Path,
    pub goals: &'a [String],
    pub limits: &'a [String],
    pub seed: u64,
    pub json: bool,
    pub language: Language,
    pub output: Option<&'a Path>,
}

pub(super) fn search(inputs: &Inputs<'_>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let target = match output::target(inputs.output, &[inputs.plan]) {
        Ok(target) => target,
        Err(message) => return output::refuse(err, &message),
    };
    let prepared = Library::load()
        .map_err(|e| e.to_string())
        .and_then(|library| crate::i18n::Translations::shared().map(|t| (library, t)));
    let (library, translations) = match prepared {
        Ok(prepared) => prepared,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_BAD_PLAN;
        }
    };
    let Some(loaded) = load_checked(inputs.plan, &library, err) else { return EXIT_BAD_PLAN };
    let base = loaded.plan;
    let (goals, limits) = match request(&base, &library, inputs.goals, inputs.limits) {
        Ok(request) => request,
        Err(message) => return output::refuse(err, &format!("{message} ({})", inputs.plan.display())),
    };
    let request = search::Request {
        goals: goals.clone(),
        limits: limits.clone(),
        seed: inputs.seed,
        evaluations: search::run::MOST_EVALUATIONS,
    };
    let Some(outcome) = search::search(&library, &base, &request, &|_| {}, &|| false) else {
        let _ = writeln!(err, "error: the search was stopped before it had an answer ({})", inputs.plan.display());
        return EXIT_BAD_PLAN;
    };
    let explained = search::answer::explain_all(&library, &base, &outcome);
    let tr = translations.tr(inputs.language);
    let asked = (goals.as_slice(), &limits);
    let text = if inputs.json {
        format!("{:#}\n", search::answer::json(tr, &base, asked, &outcome, &explained, &library.cap))
    } else {
        search::answer::text(tr, &base, asked, &outcome, &explained, &library.cap)
    };
    output::deliver(&target, &text, "the search's answer", out, err)
}

/// The most of a message about a goal or limit that is shown: it quotes what was typed, and a
/// limit may name a thousand areas.
const LONGEST_MESSAGE: usize = 300;

/// The goals and limits from the command line's words: at least one goal; the limits start
/// from the room's defaults for those goals and each `--limit` changes one.
fn request(
    base: &crate::model::Plan,
    library: &Library,
    goals: &[String],
    limits: &[String],
) -> Result<(Vec<Goal>, Limits), String> {
    if goals.is_empty() {
        return Err("a search needs at least one --goal".to_owned());
    }
    let clipped = |message: String| crate::model::limits::shown(&message, LONGEST_MESSAGE);
    let goals: Vec<Goal> = goals
        .iter()
        .map(|g| search::goals::parse_goal(g, base, &library.cap).map_err(clipped))
        .collect::<Result<_, _>>()?;
    let mut asked = Limits::default_for(base, &goals);
    for limit in limits {
        search::goals::apply_limit(limit, base, &mut asked).map_err(clipped)?;
    }
    if asked.levers.is_empty() {
        return Err("the limits leave no lever to pull (levers= names none)".to_owned());
    }
    if asked.areas.is_empty() {
        return Err("the limits leave no area to act in (areas= names none)".to_owned());
    }
    Ok((goals, asked))
}
