//! *Listen* (the list): each estate at 2016, 2025, 2030 and 2040 (and the slider's year) under
//! the plan's rule set in words as well as colour — on the list, a prevention area (on the list
//! of prevention areas), on no list, or not judged — with the range of years it leaves the list
//! across the bands' runs; a chart of the criteria the model projects for the selected estate
//! over time, with the list's lines, the band of its outside-work share and the official
//! figures; and every criterion at the slider's year, grouped by the rule it belongs to, met or
//! not marked with a symbol and words.

use super::charts::{legend_row, year_plot};
use super::palette;
use crate::app::WorkshopApp;
use crate::app::feed::CriteriaFeed;
use crate::bands::Exit;
use crate::i18n::Tr;
use crate::model::{AreaKind, CategoryRule, Comparison, Indicator, RuleSet};
use crate::sim::{AreaSeries, CriterionResult, Projection, Status};
use crate::words;
use egui_plot::{FilledArea, HLine, Line, LineStyle, MarkerShape, Points, VLine};

const YEARS: [u16; 4] = [2016, 2025, 2030, 2040];

/// What the list view shows, from the app or from a projector picture.
pub struct StatusView<'a> {
    pub projection: &'a Projection,
    pub rules: &'a RuleSet,
    pub criteria: &'a CriteriaFeed,
    /// Per area (plan order): its exit from the list across the bands' runs, once ready.
    pub exits: Option<&'a [Exit]>,
    pub year: u16,
}

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let bands = app.session.bands();
    let view = StatusView {
        projection: app.session.projection(),
        rules: app.session.library().rule_set(app.session.plan().rule_set, app.view.year),
        criteria: &app.feed.criteria,
        exits: bands.as_ref().map(|b| b.exits.as_slice()),
        year: app.view.year,
    };
    table(ui, app.tr(), &view);
}

/// The status table, the criteria chart and the criteria at the view's year.
pub fn table(ui: &mut egui::Ui, tr: Tr<'_>, view: &StatusView<'_>) {
    let rules = words::rules_in_year(tr, view.projection.rules, view.year);
    ui.label(egui::RichText::new(tr.fill("status.title", &[("rules", &rules)])).strong());
    let estates: Vec<(usize, &AreaSeries)> =
        view.projection.areas.iter().enumerate().filter(|(_, a)| a.kind == AreaKind::Estate).collect();
    egui::ScrollArea::both().id_salt("status_scroll").show(ui, |ui| {
        status_grid(ui, tr, view, &estates);
        ui.add_space(6.0);
        criteria_chart(ui, tr, view.criteria, view.year);
        ui.add_space(6.0);
        ui.label(egui::RichText::new(tr.fill("status.criteria_title", &[("year", &view.year.to_string())])).strong());
        let Some(i) = view.projection.year_index(view.year) else { return };
        for (_, estate) in &estates {
            let (status, criteria) = (&estate.years[i].status, estate.criteria.in_year(i));
            egui::CollapsingHeader::new(format!("{} — {}", estate.name, status_words(tr, status)))
                .id_salt(("criteria", &estate.id))
                .default_open(estate.id == view.criteria.area)
                .show(ui, |ui| criteria_by_rule(ui, tr, view.rules, &estate.id, criteria));
        }
        ui.label(egui::RichText::new(tr.t("status.held_note")).small().italics());
    });
}

fn status_grid(ui: &mut egui::Ui, tr: Tr<'_>, view: &StatusView<'_>, estates: &[(usize, &AreaSeries)]) {
    let mut years: Vec<u16> = YEARS.to_vec();
    if !years.contains(&view.year) {
        years.push(view.year);
        years.sort_unstable();
    }
    egui::Grid::new("status_table").striped(true).spacing([12.0, 6.0]).show(ui, |ui| {
        ui.strong(tr.t("status.estate"));
        for y in &years {
            let text = egui::RichText::new(y.to_string()).strong();
            ui.label(if *y == view.year { text.underline() } else { text });
        }
        ui.strong(tr.t("status.exit_short")).on_hover_text(tr.t("status.exit"));
        ui.end_row();
        for (index, estate) in estates {
            ui.label(&estate.name);
            for year in &years {
                match view.projection.year_index(*year) {
                    Some(i) => status_cell(ui, tr, &estate.years[i].status),
                    None => {
                        ui.label("–");
                    }
                }
            }
            let exit = view.exits.and_then(|e| e.get(*index));
            ui.label(words::exit_short(tr, exit)).on_hover_text(words::exit(tr, exit));
            ui.end_row();
        }
    });
}

/// The estate's standing in words (see [`words::status`]).
pub fn status_words(tr: Tr<'_>, status: &Status) -> String {
    words::status(tr, status)
}

fn status_cell(ui: &mut egui::Ui, tr: Tr<'_>, status: &Status) {
    let key = words::status_short_key(status.category, status.listed, status.judged);
    let colour = palette::status(status.category, status.listed, status.judged, ui.visuals().weak_text_color());
    ui.label(egui::RichText::new(tr.t(key)).color(colour).strong()).on_hover_text(status_words(tr, status));
}

/// A value as the list writes it: a share in percent (income as a share of the region's).
fn criterion_value(tr: Tr<'_>, value: f64) -> String {
    tr.pct(value, 1)
}

/// The criteria of one estate, grouped by the rule they count for.
fn criteria_by_rule(ui: &mut egui::Ui, tr: Tr<'_>, rules: &RuleSet, id: &str, criteria: &[CriterionResult]) {
    for (r, rule) in rules.categories.iter().enumerate() {
        let listed_criteria: Vec<&CriterionResult> =
            rule.criteria.iter().chain(&rule.required).filter_map(|c| criteria.iter().find(|x| x.id == c.id)).collect();
        if listed_criteria.is_empty() {
            continue;
        }
        ui.label(egui::RichText::new(rule_heading(tr, rule, criteria)).strong());
        egui::Grid::new(("criteria_grid", id, r)).striped(true).spacing([10.0, 4.0]).show(ui, |ui| {
            for c in listed_criteria {
                criterion_row(ui, tr, c);
            }
        });
        ui.add_space(4.0);
    }
}

/// "Udsat boligområde: mindst 2 af 4 (2 opfyldt)".
fn rule_heading(tr: Tr<'_>, rule: &CategoryRule, criteria: &[CriterionResult]) -> String {
    let met = rule.criteria.iter().filter(|c| criteria.iter().any(|x| x.id == c.id && x.met)).count();
    let name = tr.of("category", rule.category.key());
    let mut text = if rule.criteria.is_empty() {
        tr.fill("status.rule_also", &[("category", &name)])
    } else {
        tr.fill(
            "status.rule_of",
            &[
                ("category", &name),
                ("min", &rule.min_met.to_string()),
                ("of", &rule.criteria.len().to_string()),
                ("met", &met.to_string()),
            ],
        )
    };
    if !rule.listed {
        text.push_str(&format!(" — {}", tr.t("status.rule_not_the_list")));
    }
    text
}

fn criterion_row(ui: &mut egui::Ui, tr: Tr<'_>, c: &CriterionResult) {
    let held = matches!(c.indicator, Indicator::Convicted | Indicator::NonWestern);
    let name = tr.of("indicator_name", c.indicator.key());
    let (mark, words, colour) = if c.met {
        // Marks the app's fonts have (egui's default fonts carry no check mark).
        ("+", tr.t("criterion.met_yes"), palette::LISTED)
    } else {
        ("−", tr.t("criterion.met_no"), palette::NOT_LISTED)
    };
    ui.label(egui::RichText::new(format!("{mark} {words}")).color(colour).strong());
    ui.label(if held { format!("{name} {}", tr.t("criterion.held_mark")) } else { name });
    ui.label(criterion_value(tr, c.value));
    let comparison = match c.comparison {
        Comparison::Above => tr.t("criterion.above"),
        Comparison::AtLeast => tr.t("criterion.at_least"),
        Comparison::Below => tr.t("criterion.below"),
    };
    ui.label(format!("{comparison} {}", criterion_value(tr, c.threshold)));
    ui.end_row();
}

/// The projected criteria of the selected estate over time, in percent, with the list's lines,
/// each criterion's band as the list judges it (80 % of the bands' runs) and the official
/// figures as points.
fn criteria_chart(ui: &mut egui::Ui, tr: Tr<'_>, feed: &CriteriaFeed, year: u16) {
    if feed.lines.is_empty() {
        return;
    }
    ui.label(egui::RichText::new(tr.fill("status.chart_title", &[("name", &feed.name)])).strong());
    let colour = |i: usize| palette::COMPONENTS[i % palette::COMPONENTS.len()];
    let mut entries: Vec<(egui::Color32, String, bool)> = feed
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| (colour(i), tr.of("indicator_name", line.indicator.key()), false))
        .collect();
    entries.push((egui::Color32::from_gray(90), tr.t("series.list_line").to_owned(), true));
    if feed.lines.iter().any(|line| !line.band_low.is_empty()) {
        entries.push((palette::band(colour(0)), tr.t("series.criteria_band").to_owned(), false));
    }
    if !feed.official.is_empty() {
        entries.push((palette::OFFICIAL, tr.t("series.official").to_owned(), false));
    }
    legend_row(ui, &entries);
    let height = (ui.available_height() * 0.45).clamp(160.0, 260.0);
    let plot = year_plot("criteria_chart", tr, tr.t("axis.percent"), height).include_y(0.0).include_y(100.0);
    let shown = plot.show(ui, |plot| {
        for (i, line) in feed.lines.iter().enumerate() {
            let name = tr.of("indicator_name", line.indicator.key());
            if !line.band_low.is_empty() {
                plot.add(
                    FilledArea::new(
                        format!("{name}: {}", tr.t("series.band")),
                        &feed.years,
                        &line.band_low,
                        &line.band_high,
                    )
                    .fill_color(palette::band(colour(i))),
                );
            }
            let points: Vec<[f64; 2]> = feed.years.iter().zip(&line.plan).map(|(x, y)| [*x, *y]).collect();
            plot.line(Line::new(name.clone(), points).color(colour(i)).width(2.5));
            if let Some((_, threshold)) = line.threshold {
                plot.hline(
                    HLine::new(format!("{name}: {}", tr.t("series.list_line")), threshold)
                        .color(colour(i))
                        .style(LineStyle::dashed_loose())
                        .width(1.2),
                );
            }
            let official: Vec<[f64; 2]> = feed
                .official
                .iter()
                .filter(|p| p.indicator == line.indicator)
                .map(|p| [f64::from(p.year), p.value])
                .collect();
            if !official.is_empty() {
                plot.points(
                    Points::new(format!("{name}: {}", tr.t("series.official")), official)
                        .shape(MarkerShape::Diamond)
                        .radius(6.0)
                        .color(palette::OFFICIAL),
                );
            }
        }
        plot.vline(VLine::new(tr.t("series.slider_year"), f64::from(year)).color(egui::Color32::from_gray(150)));
    });
    super::charts::name_chart(&shown.response, tr.t("chart_name.criteria"));
}
