//! The plan against its baseline as a statement for scripts and minutes: what
//! `by-i-balance explain` prints, as text in the room's language or as JSON. Every figure comes
//! from [`Attribution::shown`], so it agrees with the action cards, *Forklar*, the projector and
//! the report to the shown digit, and the parts plus the interaction add up to the change.

use crate::explain::{Attribution, Tenths};
use crate::i18n::Tr;
use crate::model::Plan;
use crate::sim::{COMPONENTS, Projection};
use crate::words;
use serde_json::{Value, json};
use std::fmt::Write;

#[allow(clippy::cast_precision_loss)] // Tenths of a 0–100 score.
fn points(tenths: Tenths) -> f64 {
    tenths as f64 / 10.0
}

/// Residents displaced by the plan up to `year`: rehoused in the municipality, still waiting
/// for a home, and gone from the municipality.
pub fn displaced(projection: &Projection, year: u16) -> (f64, f64, f64) {
    let rehoused = projection.ledger.iter().filter(|l| l.year <= year).map(|l| l.rehoused).sum();
    let now = projection.municipality.iter().find(|m| m.year == year);
    (rehoused, now.map_or(0.0, |m| m.awaiting_rehousing), now.map_or(0.0, |m| m.left_municipality))
}

/// The statement as JSON: the change, its split by component and by part, the interaction,
/// and the displaced. Keys are only ever added.
pub fn json(attribution: &Attribution, plan: &Plan, projection: &Projection, year: u16, tr: Tr<'_>) -> Value {
    let Some(shown) = attribution.shown(year) else {
        return json!({"plan": plan.name, "year": year, "error": "the year is not projected"});
    };
    let components: serde_json::Map<String, Value> =
        COMPONENTS.iter().zip(shown.change.components).map(|(c, t)| (c.key().to_owned(), json!(points(t)))).collect();
    let parts: Vec<Value> = attribution
        .parts
        .iter()
        .zip(&shown.parts)
        .enumerate()
        .map(|(i, (effect, tenths))| {
            let mut part = json!({
                "kind": effect.part.kind_key(),
                "what": words::part(tr, plan, &effect.part),
                "first_year": effect.part.first_year(),
                "area": effect.part.area(),
                "points": points(*tenths),
            });
            if let Some((first, by_2040)) = attribution.when_it_shows(i, year) {
                part["shows_from"] = json!(first);
                part["points_2040"] = json!(points(by_2040));
            }
            part
        })
        .collect();
    let (rehoused, waiting, left) = displaced(projection, year);
    json!({
        "plan": plan.name,
        "rules": plan.rule_set.key(),
        "year": year,
        "from": points(shown.change.from),
        "to": points(shown.change.to),
        "change": points(shown.change.change),
        "components": components,
        "parts": parts,
        "interaction": points(shown.interaction),
        "displaced": {"rehoused": rehoused, "awaiting_rehousing": waiting, "left_municipality": left},
        "text": words::score_change(tr, &shown.change),
    })
}

/// The statement as text in the room's language, one line per component and part.
pub fn text(attribution: &Attribution, plan: &Plan, projection: &Projection, year: u16, tr: Tr<'_>) -> String {
    let Some(shown) = attribution.shown(year) else { return String::new() };
    let mut out = format!("{}\n", words::score_change(tr, &shown.change));
    for (component, tenths) in COMPONENTS.iter().zip(shown.change.components) {
        let _ = writeln!(out, "  {}: {}", tr.of("component", component.key()), words::points(tr, tenths));
    }
    let _ = writeln!(out, "{}", tr.t("explain.by_part"));
    let mut order: Vec<usize> = (0..shown.parts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(shown.parts[i].abs()));
    for i in order {
        let what = words::part(tr, plan, &attribution.parts[i].part);
        let _ = writeln!(out, "  {}: {what}", words::part_effect(tr, attribution, i, year));
    }
    if shown.interaction != 0 {
        let _ = writeln!(out, "  {}: {}", words::points(tr, shown.interaction), tr.t("explain.interaction"));
    }
    let (rehoused, _, left) = displaced(projection, year);
    if rehoused + left >= 0.5 {
        let _ = writeln!(
            out,
            "{}",
            tr.fill(
                "explain.displaced",
                &[("year", &year.to_string()), ("rehoused", &tr.num(rehoused, 0)), ("left", &tr.num(left, 0))]
            )
        );
    }
    out
}
