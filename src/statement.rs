//! The plan against its baseline as a statement for scripts and minutes: what
//! `by-i-balance explain` prints, as text in the room's language or as JSON. Every figure comes
//! from [`Attribution::shown`], so it agrees with the action cards, *Forklar*, the projector and
//! the report to the shown digit, and the parts plus the interaction add up to the change.

use crate::explain::{Attribution, Tenths};
use crate::i18n::Tr;
use crate::model::Plan;
use crate::sim::{COMPONENTS, ChangeLedger, NeedLedger, Projection};
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

/// The households in need of an affordable home up to `year`, summed over the years (see
/// [`NeedLedger`]), and how many of them are still counted as without a home in `year`.
pub fn housing_need(projection: &Projection, year: u16) -> (NeedLedger, f64) {
    let mut sum = NeedLedger::default();
    for need in projection.ledger.iter().filter(|l| l.year <= year).map(|l| &l.need) {
        sum.shortfall += need.shortfall;
        sum.refused += need.refused;
        sum.unallocated += need.unallocated;
        sum.housed_almene += need.housed_almene;
        sum.housed_private += need.housed_private;
        sum.excluded += need.excluded;
    }
    let now = projection.municipality.iter().find(|m| m.year == year).map_or(0.0, |m| m.excluded_need);
    (sum, now)
}

/// Each estate's two ledgers of change from the plan's start to `year`: its id and name, and
/// the ledgers.
pub fn change_ledgers(projection: &Projection, year: u16) -> Vec<(&str, &str, ChangeLedger)> {
    let Some(y) = projection.year_index(year) else { return Vec::new() };
    projection.areas.iter().filter_map(|a| Some((a.id.as_str(), a.name.as_str(), *a.change.get(y)?))).collect()
}

/// What the plan did to people, in sentences: the displaced (rehoused, waiting, gone), the
/// households in need left without an affordable home, and each estate's change split into its
/// residents' own mobility and replacement. The explanation, *Forklar* and the report show them.
pub fn consequences(projection: &Projection, year: u16, tr: Tr<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    let (rehoused, waiting, left) = displaced(projection, year);
    if rehoused + waiting + left >= 0.5 {
        let values = [("rehoused", tr.num(rehoused, 0)), ("waiting", tr.num(waiting, 0)), ("left", tr.num(left, 0))];
        lines.push(words::fill_owned(tr, "explain.displaced", year, &values));
    }
    let (need, without) = housing_need(projection, year);
    if need.shortfall + need.refused + need.unallocated >= 0.5 {
        let values = [
            ("need", tr.num(need.shortfall + need.refused + need.unallocated, 0)),
            ("almene", tr.num(need.housed_almene, 0)),
            ("private", tr.num(need.housed_private, 0)),
            ("excluded", tr.num(need.excluded, 0)),
            ("without", tr.num(without, 0)),
        ];
        lines.push(words::fill_owned(tr, "explain.housing_need", year, &values));
    }
    for (_, name, ledger) in change_ledgers(projection, year) {
        lines.push(words::change_ledger(tr, name, &ledger, year));
    }
    lines
}

/// The statement as JSON: the change, its split by component and by part, the interaction,
/// the displaced, the households in need and each estate's ledgers of change. Keys are only
/// ever added.
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
                "first_year": effect.part.first_year(plan.start_year),
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
    let (need, without_home) = housing_need(projection, year);
    let ledgers: Vec<Value> = change_ledgers(projection, year)
        .into_iter()
        .map(|(id, name, ledger)| {
            let mut entry = json!({"area": id, "name": name});
            for (k, indicator) in ChangeLedger::INDICATORS.iter().enumerate() {
                let (mobility, replacement) = (ledger.mobility[k], ledger.replacement[k]);
                entry[indicator.key()] =
                    json!({"mobility": mobility, "replacement": replacement, "change": mobility + replacement});
            }
            entry
        })
        .collect();
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
        "housing_need": {
            "shortfall": need.shortfall,
            "refused": need.refused,
            "unallocated": need.unallocated,
            "housed_almene": need.housed_almene,
            "housed_private": need.housed_private,
            "excluded": need.excluded,
            "without_home": without_home,
        },
        "change_ledgers": ledgers,
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
    for line in consequences(projection, year, tr) {
        let _ = writeln!(out, "{line}");
    }
    out
}
