//! A search's outcome as the room reads it, in either language: the goals and limits, each plan
//! offered (what it costs in residents displaced and homes removed, its score with the band's
//! range and how often it meets the goals, and what it does, part by part, with each part's
//! points by the same attribution as *Forklar*), the closest plan and the goals out of reach
//! when nothing met them, and how often each lever is used among the good plans. The command
//! line prints [`text`] or [`json`]; the app shows the same sentences.

use super::goals::{Goal, Limits, Standing};
use super::levers::{Lever, LeverKind};
use super::run::{Found, LeverUse, Outcome};
use crate::assets::Library;
use crate::explain::{Attribution, tenths};
use crate::i18n::Tr;
use crate::model::{AlmenFamilyCap, Municipality, Plan};
use serde_json::{Value, json};

/// A found plan with its explanation against the plan the search started from.
pub struct Explained<'a> {
    pub found: &'a Found,
    /// `None` only when the attribution could not be made (it was cancelled).
    pub attribution: Option<Attribution>,
}

/// Explains every plan of `outcome` (and the closest) against `base`, by the same attribution
/// as *Forklar*.
pub fn explain_all<'a>(library: &Library, base: &Plan, outcome: &'a Outcome) -> Vec<Explained<'a>> {
    outcome
        .plans
        .iter()
        .chain(&outcome.closest)
        .map(|found| Explained { found, attribution: crate::engine::attribute(library, &found.plan, base, &|| false) })
        .collect()
}

fn area_name<'a>(m: &'a Municipality, id: &'a str) -> &'a str {
    m.area(id).map_or(id, |a| a.name.as_str())
}

/// A goal in words: "Gadehavegaard højst 40 % almene familieboliger (§ 168 a) 1. januar 2030".
pub fn goal(tr: Tr<'_>, m: &Municipality, cap: &AlmenFamilyCap, goal: &Goal) -> String {
    match goal {
        Goal::OffList { area, by } => {
            tr.fill("search.goal.off_list", &[("area", area_name(m, area)), ("year", &by.to_string())])
        }
        Goal::Cap168a { area, by } => tr.fill(
            "search.goal.cap_168a",
            &[("area", area_name(m, area)), ("cap", &tr.pct(cap.cap, 0)), ("year", &by.to_string())],
        ),
        Goal::ScoreAtLeast { value, year } => {
            tr.fill("search.goal.score", &[("value", &tr.num(*value, 1)), ("year", &year.to_string())])
        }
        Goal::FewestDisplaced => tr.t("search.goal.fewest_displaced").to_owned(),
    }
}

/// How a plan stands against a goal, in words: "39,0 % 1. januar 2030 (nået)".
pub fn standing(tr: Tr<'_>, m: &Municipality, goal: &Goal, standing: &Standing) -> String {
    let met = tr.t(if standing.met() { "search.met" } else { "search.not_met" });
    let value = match goal {
        Goal::OffList { area, .. } if standing.value > 0.0 => tr.fill(
            "search.value.off_list",
            &[("area", area_name(m, area)), ("year", &format!("{:.0}", standing.value))],
        ),
        Goal::OffList { area, .. } => tr.fill("search.value.stays_listed", &[("area", area_name(m, area))]),
        Goal::Cap168a { area, by } => tr.fill(
            "search.value.cap_168a",
            &[("area", area_name(m, area)), ("share", &tr.pct(standing.value, 1)), ("year", &by.to_string())],
        ),
        Goal::ScoreAtLeast { year, .. } => {
            tr.fill("search.value.score", &[("score", &tr.num(standing.value, 1)), ("year", &year.to_string())])
        }
        Goal::FewestDisplaced => tr.fill("search.value.displaced", &[("count", &tr.num(standing.value, 0))]),
    };
    format!("{value} ({met})")
}

/// A lever's kind in words: "Salg", "Nye private lejeboliger".
pub fn lever_kind(tr: Tr<'_>, kind: LeverKind) -> String {
    tr.of("lever", kind.key())
}

/// A lever in words: "Salg i Gadehavegaard", "Kommunal anvisning (hele kommunen)".
pub fn lever(tr: Tr<'_>, m: &Municipality, lever: &Lever) -> String {
    let kind = lever_kind(tr, lever.kind);
    match &lever.area {
        Some(area) => tr.fill("search.lever_in", &[("lever", &kind), ("area", area_name(m, area))]),
        None => tr.fill("search.lever_everywhere", &[("lever", &kind)]),
    }
}

/// How often a lever is used among the good plans: "Salg i Gadehavegaard: i 9 af 10".
pub fn lever_use(tr: Tr<'_>, m: &Municipality, used: &LeverUse) -> String {
    tr.fill(
        "search.used",
        &[("lever", &lever(tr, m, &used.lever)), ("used", &used.used_in.to_string()), ("of", &used.of.to_string())],
    )
}

/// Why a plan is offered, in words: "færrest fordrevne beboere, højeste balancescore", "en
/// anden vej: omdannelse til ældreboliger".
pub fn why(tr: Tr<'_>, whys: &[super::Why]) -> String {
    use super::Why;
    let words: Vec<String> = whys
        .iter()
        .map(|why| match why {
            Why::FewestDisplaced => tr.t("search.why.fewest_displaced").to_owned(),
            Why::FewestRemoved => tr.t("search.why.fewest_removed").to_owned(),
            Why::FewestLost => tr.t("search.why.fewest_lost").to_owned(),
            Why::HighestScore => tr.t("search.why.highest_score").to_owned(),
            Why::Between => tr.t("search.why.between").to_owned(),
            Why::OtherWay(kinds) => {
                let levers: Vec<String> = kinds
                    .iter()
                    .map(|k| {
                        if k.builds() {
                            tr.t("search.why.building").to_owned()
                        } else {
                            lever_kind(tr, *k).to_lowercase()
                        }
                    })
                    .collect();
                let levers =
                    if levers.is_empty() { tr.t("search.why.letting_only").to_owned() } else { levers.join(", ") };
                tr.fill("search.why.other_way", &[("levers", &levers)])
            }
        })
        .collect();
    words.join(", ")
}

/// A plan's title among those offered: "Plan 2 af 3 – færrest fordrevne beboere".
pub fn plan_title(tr: Tr<'_>, index: usize, offered: usize, whys: &[super::Why]) -> String {
    let (n, of) = ((index + 1).to_string(), offered.to_string());
    if whys.is_empty() {
        tr.fill("search.plan_title", &[("n", &n), ("of", &of)])
    } else {
        tr.fill("search.plan_title_why", &[("n", &n), ("of", &of), ("why", &why(tr, whys))])
    }
}

/// The limits in words, one line.
pub fn limits(tr: Tr<'_>, m: &Municipality, limits: &Limits) -> String {
    let levers: Vec<String> = limits.levers.iter().map(|k| lever_kind(tr, *k).to_lowercase()).collect();
    let areas: Vec<&str> = limits.areas.iter().map(|a| area_name(m, a)).collect();
    let mut parts = vec![
        tr.fill("search.limit.levers", &[("levers", &levers.join(", "))]),
        tr.fill("search.limit.areas", &[("areas", &areas.join(", "))]),
        tr.fill("search.limit.years", &[("first", &limits.years.0.to_string()), ("last", &limits.years.1.to_string())]),
        tr.fill("search.limit.most_built", &[("count", &tr.num(limits.most_built, 0))]),
    ];
    if let Some(most) = limits.most_removed {
        parts.push(tr.fill("search.limit.most_removed", &[("count", &tr.num(most, 0))]));
    }
    if let Some(most) = limits.most_displaced {
        parts.push(tr.fill("search.limit.most_displaced", &[("count", &tr.num(most, 0))]));
    }
    parts.join("; ")
}

/// What a plan costs and scores, one line: "0 fordrevne beboere · 395 almene familieboliger
/// taget ud af familieboligerne (395 revet ned eller solgt) · balancescore 2030: 79,5".
pub fn summary(tr: Tr<'_>, found: &Found, score_year: u16) -> String {
    let mut line = tr.fill(
        "search.summary",
        &[
            ("displaced", &tr.num(found.displaced, 0)),
            ("removed", &tr.num(found.removed, 0)),
            ("demolished_or_sold", &tr.num(found.demolished_or_sold, 0)),
            ("year", &score_year.to_string()),
            ("score", &crate::words::score(tr, tenths(found.score))),
        ],
    );
    if let Some(band) = &found.band {
        line.push_str(" · ");
        line.push_str(&tr.fill(
            "search.band",
            &[
                ("low", &crate::words::score(tr, tenths(band.score_low))),
                ("high", &crate::words::score(tr, tenths(band.score_high))),
                ("share", &tr.pct(band.meets_goals, 0)),
                ("runs", &band.runs.to_string()),
            ],
        ));
    }
    line
}

/// The best plan so far while a search runs, one line: "Bedste indtil nu: 0 fordrevne beboere
/// · 387 almene familieboliger ud af familieboligerne · balancescore 2030: 81,5".
pub fn best_so_far(tr: Tr<'_>, best: &super::Glimpse, score_year: u16) -> String {
    tr.fill(
        "search.best_so_far",
        &[
            ("displaced", &tr.num(best.displaced, 0)),
            ("removed", &tr.num(best.removed, 0)),
            ("year", &score_year.to_string()),
            ("score", &crate::words::score(tr, tenths(best.score))),
        ],
    )
}

/// What a plan does, part by part against the plan the search started from, each with its
/// points in `year` ("Salg af 395 almene familieboliger i Gadehavegaard (2027): +3,2 point"),
/// then the change in all.
pub fn parts(tr: Tr<'_>, plan: &Plan, attribution: &Attribution, year: u16) -> Vec<String> {
    let mut lines: Vec<String> = attribution
        .parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{}: {}",
                crate::words::part(tr, plan, &p.part),
                crate::words::part_effect(tr, attribution, i, year)
            )
        })
        .collect();
    if let Some(shown) = attribution.shown(year) {
        lines.push(crate::words::score_change(tr, &shown.change));
    }
    lines
}

/// When no plan met the goals: which goals no plan met ("Uden for rækkevidde: …"), or that
/// each was met but never all at once.
pub fn out_of_reach(tr: Tr<'_>, m: &Municipality, cap: &AlmenFamilyCap, goals: &[Goal], outcome: &Outcome) -> String {
    let unmet: Vec<String> = goals
        .iter()
        .zip(&outcome.reachable)
        .filter(|(_, reachable)| !**reachable)
        .map(|(g, _)| goal(tr, m, cap, g))
        .collect();
    if unmet.is_empty() {
        tr.t("search.none_together").to_owned()
    } else {
        tr.fill("search.out_of_reach", &[("goals", &unmet.join("; "))])
    }
}

/// One plan's block of the text answer: its title, costs and score, its goals, its parts.
fn plan_block(tr: Tr<'_>, goals: &[Goal], outcome: &Outcome, title: String, explained: &Explained<'_>) -> Vec<String> {
    let found = explained.found;
    let m = &found.plan.municipality;
    let mut lines = vec![String::new(), title, format!("  {}", summary(tr, found, outcome.score_year))];
    lines.extend(goals.iter().zip(&found.goals).map(|(g, s)| format!("  {}", standing(tr, m, g, s))));
    match &explained.attribution {
        Some(attribution) => {
            lines.push(format!("  {}", tr.fill("search.parts_heading", &[("year", &outcome.score_year.to_string())])));
            lines.extend(
                parts(tr, &found.plan, attribution, outcome.score_year).into_iter().map(|p| format!("    - {p}")),
            );
        }
        None => lines.push(format!("  {}", tr.t("search.no_explanation"))),
    }
    lines
}

/// The whole answer as text, for the command line. `explained` is [`explain_all`] of `outcome`.
pub fn text(
    tr: Tr<'_>,
    base: &Plan,
    request: (&[Goal], &Limits),
    outcome: &Outcome,
    explained: &[Explained<'_>],
    cap: &AlmenFamilyCap,
) -> String {
    let (goals, limits_asked) = request;
    let m = &base.municipality;
    let mut lines = vec![tr.fill("search.heading", &[("plan", &base.name)])];
    lines.extend(goals.iter().map(|g| tr.fill("search.goal_line", &[("goal", &goal(tr, m, cap, g))])));
    lines.push(tr.fill("search.limits_line", &[("limits", &limits(tr, m, limits_asked))]));
    #[allow(clippy::cast_precision_loss)] // A count of projections.
    let count = tr.num(outcome.evaluations as f64, 0);
    lines.push(tr.fill("search.searched", &[("count", &count), ("seed", &outcome.seed.to_string())]));
    if outcome.already_met {
        lines.push(String::new());
        lines.push(tr.t("search.already_met").to_owned());
    }
    let offered = outcome.plans.len();
    for (i, explained) in explained.iter().take(offered).enumerate() {
        let title = plan_title(tr, i, offered, &explained.found.why);
        lines.extend(plan_block(tr, goals, outcome, title, explained));
    }
    if let Some(closest) = explained.get(offered).filter(|_| outcome.closest.is_some()) {
        lines.push(String::new());
        lines.push(out_of_reach(tr, m, cap, goals, outcome));
        lines.extend(plan_block(tr, goals, outcome, tr.t("search.closest_title").to_owned(), closest));
    }
    if !outcome.uses.is_empty() {
        lines.push(String::new());
        lines.push(tr.t("search.uses_heading").to_owned());
        lines.extend(outcome.uses.iter().map(|used| format!("  - {}", lever_use(tr, m, used))));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Tenths of a point as points.
#[allow(clippy::cast_precision_loss)] // Tenths of a 0–100 score.
fn points_of(tenths: crate::explain::Tenths) -> f64 {
    tenths as f64 / 10.0
}

fn goal_json(g: &Goal) -> Value {
    match g {
        Goal::OffList { area, by } => json!({ "kind": "off_list", "area": area, "year": by }),
        Goal::Cap168a { area, by } => json!({ "kind": "cap_168a", "area": area, "year": by }),
        Goal::ScoreAtLeast { value, year } => json!({ "kind": "score", "value": value, "year": year }),
        Goal::FewestDisplaced => json!({ "kind": "fewest_displaced" }),
    }
}

fn lever_json(tr: Tr<'_>, m: &Municipality, lever: &Lever) -> Value {
    json!({ "kind": lever.kind.key(), "area": lever.area, "words": self::lever(tr, m, lever) })
}

fn found_json(
    tr: Tr<'_>,
    goals: &[Goal],
    outcome: &Outcome,
    found: &Found,
    attribution: Option<&Attribution>,
) -> Value {
    let m = &found.plan.municipality;
    let settings: Vec<Value> = outcome
        .levers
        .iter()
        .zip(&found.candidate.settings)
        .filter(|(_, s)| s.amount > 0.0)
        .map(|(lever, s)| {
            json!({
                "lever": lever_json(tr, m, lever),
                "amount": super::levers::rounded(lever.kind, s.amount),
                "year": s.year,
            })
        })
        .collect();
    let parts: Vec<Value> = attribution.map_or_else(Vec::new, |a| {
        let shown = a.shown(outcome.score_year);
        a.parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let tenths = shown.as_ref().and_then(|s| s.parts.get(i).copied()).unwrap_or(0);
                json!({
                    "words": crate::words::part(tr, &found.plan, &p.part),
                    "points": points_of(tenths),
                    "effect": crate::words::part_effect(tr, a, i, outcome.score_year),
                })
            })
            .collect()
    });
    json!({
        "displaced": found.displaced,
        "almen_family_homes_removed": found.removed,
        "demolished_or_sold": found.demolished_or_sold,
        "score": found.score,
        "band": found.band.map(|b| json!({
            "runs": b.runs,
            "meets_goals": b.meets_goals,
            "score_low": b.score_low,
            "score_high": b.score_high,
        })),
        "goals": goals.iter().zip(&found.goals).map(|(g, s)| json!({
            "goal": goal_json(g),
            "value": if s.value.is_finite() { json!(s.value) } else { Value::Null },
            "met": s.met(),
            "words": standing(tr, m, g, s),
        })).collect::<Vec<_>>(),
        "levers": settings,
        "parts": parts,
        "summary": summary(tr, found, outcome.score_year),
        "why": why(tr, &found.why),
    })
}

/// The whole answer as JSON, with the words in the language of `tr` beside the figures.
pub fn json(
    tr: Tr<'_>,
    base: &Plan,
    request: (&[Goal], &Limits),
    outcome: &Outcome,
    explained: &[Explained<'_>],
    cap: &AlmenFamilyCap,
) -> Value {
    let (goals, limits_asked) = request;
    let m = &base.municipality;
    let attribution =
        |found: &Found| explained.iter().find(|e| std::ptr::eq(e.found, found)).and_then(|e| e.attribution.as_ref());
    json!({
        "plan": base.name,
        "start_year": base.start_year,
        "score_year": outcome.score_year,
        "seed": outcome.seed,
        "evaluations": outcome.evaluations,
        "already_met": outcome.already_met,
        "goals": goals.iter().zip(&outcome.reachable).map(|(g, reachable)| json!({
            "goal": goal_json(g),
            "words": goal(tr, m, cap, g),
            "reachable": reachable,
        })).collect::<Vec<_>>(),
        "limits": {
            "levers": limits_asked.levers.iter().map(|k| k.key()).collect::<Vec<_>>(),
            "areas": limits_asked.areas,
            "most_removed": limits_asked.most_removed,
            "most_displaced": limits_asked.most_displaced,
            "most_built": limits_asked.most_built,
            "years": [limits_asked.years.0, limits_asked.years.1],
            "words": limits(tr, m, limits_asked),
        },
        "plans": outcome.plans.iter().map(|f| found_json(tr, goals, outcome, f, attribution(f))).collect::<Vec<_>>(),
        "closest": outcome.closest.as_ref().map(|f| found_json(tr, goals, outcome, f, attribution(f))),
        "lever_use": outcome.uses.iter().map(|u| json!({
            "lever": lever_json(tr, m, &u.lever),
            "used_in": u.used_in,
            "of": u.of,
            "words": lever_use(tr, m, u),
        })).collect::<Vec<_>>(),
    })
}
