//! *Forklar* ("explain"): the last edit's effect on the score at the slider's year, split into
//! the score's components and the estates it moved; and the whole plan against the baseline,
//! split into components and into the plan's parts, plus what the parts do together — every
//! figure from the one attribution, rounded once, so the parts add up to the total shown and
//! agree with the action cards, the projector and the report. Residents displaced out of the
//! municipality are named as a cost.

use crate::app::WorkshopApp;
use crate::app::session::{Change, ChangeKind};
use crate::explain::{Attribution, ScoreChange};
use crate::i18n::Tr;
use crate::model::AreaKind;
use crate::sim::{COMPONENTS, Projection};
use crate::words;

/// Parts listed one by one; the rest are summed in one line.
const LISTED_PARTS: usize = 12;

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    let year = app.view.year;
    let weights = COMPONENTS.map(|c| c.weight_share(app.session.params()));
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading(tr.t("explain.last_change"));
        match app.session.last_change() {
            Some(change) => {
                ui.label(egui::RichText::new(change_words(app, change)).strong());
                let meaning = tr.fill("explain.change_meaning", &[("year", &year.to_string())]);
                ui.label(egui::RichText::new(meaning).small().italics());
                change_lines(ui, tr, weights, &change.before, &change.after, year);
            }
            None => {
                ui.label(tr.t("explain.no_change"));
            }
        }
        ui.separator();
        ui.heading(tr.fill("explain.against_baseline", &[("year", &year.to_string())]));
        match app.session.attribution() {
            Some(attribution) => against_baseline(ui, app, tr, &attribution, year),
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr.t("explain.working"));
                });
            }
        }
    });
}

/// The score's change in one sentence and its components, each in points.
fn score_lines(ui: &mut egui::Ui, tr: Tr<'_>, change: &ScoreChange) {
    ui.label(words::score_change(tr, change));
    for (component, tenths) in COMPONENTS.iter().zip(change.components) {
        if tenths != 0 {
            ui.label(format!("  • {}: {}", tr.of("component", component.key()), words::points(tr, tenths)));
        }
    }
}

/// The change of the score from `before` to `after` at `year`, and the estates it moved.
fn change_lines(
    ui: &mut egui::Ui,
    tr: Tr<'_>,
    weights: [f64; crate::sim::COMPONENT_COUNT],
    before: &Projection,
    after: &Projection,
    year: u16,
) {
    let (Some(b), Some(a)) = (before.score_in(year), after.score_in(year)) else { return };
    let change = ScoreChange::between(b, a, weights);
    score_lines(ui, tr, &change);
    if change.change == 0 {
        ui.label(when_a_change_shows(tr, weights, before, after, year));
    }
    let (Some(yb), Some(ya)) = (before.year_index(year), after.year_index(year)) else { return };
    for (estate_after, estate_before) in
        after.areas.iter().zip(&before.areas).filter(|(x, _)| x.kind == AreaKind::Estate)
    {
        let (x, y) = (&estate_after.years[ya], &estate_before.years[yb]);
        let delta = x.indicators.outside_work_share - y.indicators.outside_work_share;
        if (100.0 * delta).abs() >= 0.05 {
            ui.label(format!(
                "  • {}: {} {}",
                estate_after.name,
                tr.t("explain.outside_work"),
                words::percentage_points(tr, delta)
            ));
        }
        if x.status.listed != y.status.listed {
            let key = if x.status.listed { "explain.now_listed" } else { "explain.now_off_list" };
            ui.label(format!("  • {}: {}", estate_after.name, tr.t(key)));
        }
    }
}

/// For a change that rounds to nothing at `year`: the first year it shows, and what it is in
/// the plan's last year — a profile or a school acts slowly, through who moves in.
fn when_a_change_shows(
    tr: Tr<'_>,
    weights: [f64; crate::sim::COMPONENT_COUNT],
    before: &Projection,
    after: &Projection,
    year: u16,
) -> String {
    let shown = |y: u16| match (before.score_in(y), after.score_in(y)) {
        (Some(b), Some(a)) => ScoreChange::between(b, a, weights).change,
        _ => 0,
    };
    let first = after.years.iter().copied().find(|&y| shown(y) != 0);
    let last = after.years.last().copied().unwrap_or(year);
    match first {
        Some(first) => words::shows_from(tr, year, first, (shown(last), last)),
        None => words::never_shows(tr, year, last),
    }
}

/// One part of the plan: its effect on the score in bold, then what it is, wrapped.
fn part_line(ui: &mut egui::Ui, text: &str, points: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(points).strong());
        ui.label(text);
    });
}

fn against_baseline(ui: &mut egui::Ui, app: &WorkshopApp, tr: Tr<'_>, attribution: &Attribution, year: u16) {
    let Some(shown) = attribution.shown(year) else { return };
    score_lines(ui, tr, &shown.change);
    ui.add_space(6.0);
    ui.label(egui::RichText::new(tr.t("explain.by_part")).strong());
    let meaning = tr.fill("explain.part_meaning", &[("year", &year.to_string())]);
    ui.label(egui::RichText::new(meaning).small().italics());
    if let Some(parts) = attribution.grouped {
        let areas = app.session.plan().municipality.areas.len();
        ui.label(tr.fill("explain.grouped", &[("parts", &parts.to_string()), ("areas", &areas.to_string())]));
    }
    // The largest parts one by one, the rest summed; then the parts that round to nothing at
    // this year, each saying when it starts to show (a profile, a school act slowly).
    let mut order: Vec<usize> = (0..shown.parts.len()).filter(|&i| shown.parts[i] != 0).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(shown.parts[i].abs()));
    let (listed, rest) = order.split_at(order.len().min(LISTED_PARTS));
    let quiet: Vec<usize> = (0..shown.parts.len()).filter(|&i| shown.parts[i] == 0).take(LISTED_PARTS).collect();
    for &i in listed {
        part_row(ui, app, tr, attribution, i, year);
    }
    let rest_sum: i64 = rest.iter().map(|&i| shown.parts[i]).sum();
    if !rest.is_empty() {
        let text = tr.fill("explain.rest", &[("count", &rest.len().to_string())]);
        part_line(ui, &text, &words::points(tr, rest_sum));
    }
    if shown.interaction != 0 {
        part_line(ui, tr.t("explain.interaction"), &words::points(tr, shown.interaction));
    }
    for &i in &quiet {
        part_row(ui, app, tr, attribution, i, year);
    }
    if shown.parts.is_empty() {
        ui.label(tr.t("explain.no_parts"));
    }
    displaced_line(ui, tr, app.session.projection(), year);
}

/// One part: what it is (and what it did to its area's outside-work share), and its figure.
fn part_row(ui: &mut egui::Ui, app: &WorkshopApp, tr: Tr<'_>, attribution: &Attribution, i: usize, year: u16) {
    let plan = app.session.plan();
    let effect = &attribution.parts[i];
    let mut text = words::part(tr, plan, &effect.part);
    if let (Some(area), Some(y)) =
        (effect.part.area().and_then(|id| plan.municipality.area(id)), attribution.year_index(year))
    {
        let delta = effect.area_outside_work[y];
        if (100.0 * delta).abs() >= 0.05 {
            text.push_str(&tr.fill(
                "explain.part_effect",
                &[("area", &area.name), ("change", &words::percentage_points(tr, delta)), ("year", &year.to_string())],
            ));
        }
    }
    part_line(ui, &text, &words::part_effect(tr, attribution, i, year));
}

/// What the plan did to people so far: the displaced (rehoused, waiting, gone), the households
/// in need left without a home — costs the score counts, not gains — and each estate's change
/// split into its residents' own mobility and replacement.
fn displaced_line(ui: &mut egui::Ui, tr: Tr<'_>, projection: &Projection, year: u16) {
    for line in crate::statement::consequences(projection, year, tr) {
        ui.add_space(6.0);
        ui.label(line);
    }
}

/// The last change in words: the edit, or what undo or redo did ("Fortrudt: tilbage til …").
pub fn change_words(app: &WorkshopApp, change: &Change) -> String {
    let tr = app.tr();
    let m = &app.session.plan().municipality;
    match change.kind {
        ChangeKind::Edit => crate::words::edit(tr, m, &change.edit),
        ChangeKind::Undone => crate::words::history(tr, m, &change.edit, crate::words::History::Undone),
        ChangeKind::Redone => crate::words::history(tr, m, &change.edit, crate::words::History::Redone),
    }
}
