//! *Listen* (the list): each estate at 2016, 2025, 2030 and 2040 (and the slider's year) under
//! the plan's rule set in words as well as colour — on the list, a prevention area (on the list
//! of prevention areas), on no list, or not judged — with the range of years it leaves the list
//! across the bands' runs; a chart of the criteria the model projects for the selected estate
//! over time, with the list's lines, the band of its outside-work share and the official
//! figures; and every criterion at the slider's year, grouped by the rule it belongs to, met or
//! not marked with a symbol and words.

use super::charts::{titled_legend_ui, year_plot};
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
    /// The year the room meets in: later years are judged by the last known law, and say so.
    pub this_year: u16,
}

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let bands = app.session.bands();
    let view = StatusView {
        projection: app.session.projection(),
        rules: app.session.library().rule_set(app.session.plan().rule_set, app.view.year),
        criteria: &app.feed.criteria,
        exits: bands.as_ref().map(|b| b.exits.as_slice()),
        year: app.view.year,
        this_year: app.view.this_year,
    };
    table(ui, app.tr(), &view);
}

/// The status table, the criteria chart and the criteria at the view's year, one under the
/// other: the caller puts them where they can scroll.
pub fn table(ui: &mut egui::Ui, tr: Tr<'_>, view: &StatusView<'_>) {
    // The title, and the law it is judged by in small type beside it: one line on a laptop.
    let rules = words::rules_in_year(tr, view.projection.rules, view.year, view.this_year);
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(tr.t("status.heading")).strong());
        ui.label(egui::RichText::new(tr.fill("status.judged_by", &[("rules", &rules)])).small());
    });
    let estates: Vec<(usize, &AreaSeries)> =
        view.projection.areas.iter().enumerate().filter(|(_, a)| a.kind == AreaKind::Estate).collect();
    // The table fits the panel's width: with few estates (as in Høje-Taastrup) they are the
    // columns and the years the rows; with many, each estate is a row, and the table scrolls
    // sideways. (The panel around it scrolls up and down.)
    if estates.len() <= TRANSPOSED_UP_TO {
        status_grid_by_year(ui, tr, view, &estates);
    } else {
        egui::ScrollArea::horizontal().id_salt("status_table").show(ui, |ui| status_grid(ui, tr, view, &estates));
    }
    assumed_law_note(ui, tr, view);
    ui.add_space(6.0);
    let assumed_from = assumed_from(view);
    criteria_chart(ui, tr, view.criteria, view.year, assumed_from);
    ui.add_space(6.0);
    ui.label(egui::RichText::new(tr.fill("status.criteria_title", &[("year", &view.year.to_string())])).strong());
    let Some(i) = view.projection.year_index(view.year) else { return };
    for (_, estate) in &estates {
        let (status, criteria) = (&estate.years[i].status, estate.criteria.in_year(i));
        // The short status in the heading, so it is never wider than the panel (a heading does
        // not wrap); the whole words on hover.
        let short = tr.t(words::status_short_key(status.category, status.listed, status.judged));
        egui::CollapsingHeader::new(format!("{} — {short}", estate.name))
            .id_salt(("criteria", &estate.id))
            .default_open(estate.id == view.criteria.area)
            .show(ui, |ui| criteria_by_rule(ui, tr, view.rules, &estate.id, criteria))
            .header_response
            .on_hover_text(status_words(tr, status));
    }
    ui.label(egui::RichText::new(tr.t("status.held_note")).small().italics());
}

/// Up to this many estates, the status table has a column per estate and a row per year.
const TRANSPOSED_UP_TO: usize = 4;

/// The years the table shows: the milestones and the slider's year.
fn table_years(view: &StatusView<'_>) -> Vec<u16> {
    let mut years: Vec<u16> = YEARS.to_vec();
    if !years.contains(&view.year) {
        years.push(view.year);
        years.sort_unstable();
    }
    years
}

/// A year heading the table's row or column: the slider's year underlined; a year judged by
/// the last known law only because no later one is known in italics, saying so on hover.
fn year_label(ui: &mut egui::Ui, tr: Tr<'_>, view: &StatusView<'_>, year: u16, small: bool) {
    let mut text = egui::RichText::new(year.to_string()).strong();
    if small {
        text = text.small();
    }
    if year == view.year {
        text = text.underline();
    }
    if view.projection.rules.assumed_in(year, view.this_year) {
        let hover = tr.fill("status.assumed_year", &[("year", &year.to_string()), ("law", &words::last_known_law(tr))]);
        ui.label(text.italics()).on_hover_text(hover);
    } else {
        ui.label(text);
    }
}

/// The first year judged by the last known law only because no later one is known, if the
/// plan has one.
fn assumed_from(view: &StatusView<'_>) -> Option<u16> {
    let rules = view.projection.rules;
    view.projection.years.iter().copied().find(|&year| rules.assumed_in(year, view.this_year))
}

/// Under the table, where it shows years after the one the room meets in: that they are judged
/// by the last known law, as no later one is known.
fn assumed_law_note(ui: &mut egui::Ui, tr: Tr<'_>, view: &StatusView<'_>) {
    let rules = view.projection.rules;
    let years: Vec<String> = table_years(view)
        .into_iter()
        .filter(|&y| view.projection.year_index(y).is_some() && rules.assumed_in(y, view.this_year))
        .map(|y| y.to_string())
        .collect();
    if years.is_empty() {
        return;
    }
    let text = tr.fill(
        "status.assumed_note",
        &[
            ("this_year", &view.this_year.to_string()),
            ("years", &years.join(", ")),
            ("law", &words::last_known_law(tr)),
        ],
    );
    ui.label(egui::RichText::new(text).small().italics());
}

/// The status table with a column per estate: a row per year, then the exit from the list. Its
/// rows are in small type, so that a laptop's short panel keeps the chart below it whole.
fn status_grid_by_year(ui: &mut egui::Ui, tr: Tr<'_>, view: &StatusView<'_>, estates: &[(usize, &AreaSeries)]) {
    let rows = egui::Grid::new("status_table").striped(true).spacing([12.0, 2.0]).min_row_height(16.0);
    rows.show(ui, |ui| {
        ui.strong(tr.t("axis.year"));
        for (_, estate) in estates {
            ui.strong(&estate.name);
        }
        ui.end_row();
        for year in table_years(view) {
            year_label(ui, tr, view, year, true);
            for (_, estate) in estates {
                match view.projection.year_index(year) {
                    Some(i) => status_cell(ui, tr, &estate.years[i].status, true),
                    None => {
                        ui.label("–");
                    }
                }
            }
            ui.end_row();
        }
        ui.label(egui::RichText::new(tr.t("status.exit_short")).strong().small()).on_hover_text(tr.t("status.exit"));
        for (index, _) in estates {
            let exit = view.exits.and_then(|e| e.get(*index));
            ui.label(egui::RichText::new(words::exit_short(tr, exit)).small()).on_hover_text(words::exit(tr, exit));
        }
        ui.end_row();
    });
}

fn status_grid(ui: &mut egui::Ui, tr: Tr<'_>, view: &StatusView<'_>, estates: &[(usize, &AreaSeries)]) {
    let years = table_years(view);
    egui::Grid::new("status_table").striped(true).spacing([12.0, 6.0]).show(ui, |ui| {
        ui.strong(tr.t("status.estate"));
        for y in &years {
            year_label(ui, tr, view, *y, false);
        }
        ui.strong(tr.t("status.exit_short")).on_hover_text(tr.t("status.exit"));
        ui.end_row();
        for (index, estate) in estates {
            ui.label(&estate.name);
            for year in &years {
                match view.projection.year_index(*year) {
                    Some(i) => status_cell(ui, tr, &estate.years[i].status, false),
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

fn status_cell(ui: &mut egui::Ui, tr: Tr<'_>, status: &Status, small: bool) {
    let key = words::status_short_key(status.category, status.listed, status.judged);
    let colour = palette::status(status.category, status.listed, status.judged, ui.visuals().weak_text_color());
    let text = egui::RichText::new(tr.t(key)).color(colour).strong();
    ui.label(if small { text.small() } else { text }).on_hover_text(status_words(tr, status));
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
        ui.push_id(("criteria", id, r), |ui| {
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

/// One criterion on a line that wraps where the panel is narrow, never cut: "+ opfyldt ·
/// Uden for arbejde og uddannelse 45,1 % · grænsen: over 40,0 %".
fn criterion_row(ui: &mut egui::Ui, tr: Tr<'_>, c: &CriterionResult) {
    let held = matches!(c.indicator, Indicator::Convicted | Indicator::NonWestern);
    let name = tr.of("indicator_name", c.indicator.key());
    let (mark, words, colour) = if c.met {
        // Marks the app's fonts have (egui's default fonts carry no check mark).
        ("+", tr.t("criterion.met_yes"), palette::LISTED)
    } else {
        ("−", tr.t("criterion.met_no"), palette::NOT_LISTED)
    };
    let comparison = match c.comparison {
        Comparison::Above => tr.t("criterion.above"),
        Comparison::AtLeast => tr.t("criterion.at_least"),
        Comparison::Below => tr.t("criterion.below"),
    };
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        ui.label(egui::RichText::new(format!("{mark} {words}")).color(colour).strong());
        let name = if held { format!("{name} {}", tr.t("criterion.held_mark")) } else { name };
        ui.label(format!("{name}: {}", criterion_value(tr, c.value)));
        let threshold = format!("{comparison} {}", criterion_value(tr, c.threshold));
        ui.label(egui::RichText::new(tr.fill("criterion.line", &[("threshold", &threshold)])).weak());
    });
}

/// The projected criteria of the selected estate over time, in percent, with the list's lines,
/// each criterion's band as the list judges it (80 % of the bands' runs) and the official
/// figures as points.
/// From `assumed_from` on (if the plan reaches it), the years are judged by the last known
/// law; a dotted line marks where.
fn criteria_chart(ui: &mut egui::Ui, tr: Tr<'_>, feed: &CriteriaFeed, year: u16, assumed_from: Option<u16>) {
    if feed.lines.is_empty() {
        return;
    }
    let title = tr.fill("status.chart_title", &[("name", &feed.name)]);
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
    let assumed = assumed_from.map(|from| {
        let name = tr.fill("series.assumed_law", &[("year", &from.to_string()), ("law", &words::last_known_law(tr))]);
        (from, name)
    });
    if let Some((_, name)) = &assumed {
        entries.push((palette::ASSUMED_LAW, name.clone(), true));
    }
    titled_legend_ui(ui, Some(&title), &entries);
    // As tall as the panel has room for under the table (the height counts the year axis),
    // within reason; the criteria below it scroll.
    let least = super::charts::plot_height_for_title(ui, tr.t("axis.percent")).max(super::charts::MIN_PLOT_HEIGHT);
    let height = (ui.available_height() - 8.0).clamp(least, 260.0);
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
        if let Some((from, name)) = &assumed {
            // Between the last year whose law is known and the first judged by assumption.
            let at = f64::from(*from) - 0.5;
            plot.vline(VLine::new(name.clone(), at).color(palette::ASSUMED_LAW).style(LineStyle::dotted_dense()));
        }
    });
    super::charts::name_chart(&shown.response, tr.t("chart_name.criteria"));
}
