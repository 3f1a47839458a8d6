//! The charts, drawn from the app's [`ChartFeed`](crate::app::ChartFeed): the balance score over
//! time (always shown), and in tabs the resident composition, the tenure mix per area with the
//! 40% line, the list-status table, the school mix and the explanation. Every axis has a unit,
//! every series a legend entry, shares are in percent, and hovering shows exact values.

use super::palette;
use crate::app::{ChartTab, WorkshopApp};
use crate::i18n::Tr;
use crate::model::{Group, Tenure};
use crate::sim::COMPONENTS;
use egui_plot::{Bar, BarChart, FilledArea, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points, VLine};

/// The least height of a chart with its axes, so that its plot area keeps at least 120 px and
/// its axis numbers on a 1366×768 laptop; a panel too short for it scrolls.
pub(super) const MIN_PLOT_HEIGHT: f32 = 170.0;

/// The least height of the charts panel that holds the score chart above any other tab's chart,
/// each whole with its legend, axes and table (a 1920×1080 screen has about 930 points); a
/// shorter panel (a 1366×768 laptop, with its title bar about 620 points, a 1280×720 screen,
/// presentation mode or a larger text size) shows one whole chart at a time, the score's
/// headline always above them and the score's chart as the first tab.
const BOTH_CHARTS_HEIGHT: f32 = 700.0;

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    let panel = ui.max_rect();
    if ui.available_height() < BOTH_CHARTS_HEIGHT {
        return one_chart_at_a_time(ui, app, tr, panel);
    }
    // The score's own tab is only for the short panel; here its chart is above.
    if app.view.chart_tab == ChartTab::Score {
        app.view.chart_tab = ChartTab::Composition;
    }
    let score = ui
        .scope(|ui| {
            // The button first: the headline wraps after it rather than pushing it to a row of
            // its own, which a 1366×768 laptop cannot spare.
            ui.horizontal_wrapped(|ui| {
                super::export::png_button(ui, app, "score", panel);
                score_headline(ui, app, tr);
            });
            score_chart(ui, app, tr, false);
        })
        .response
        .rect;
    super::export::remember_rect(ui.ctx(), "score", score);
    ui.separator();
    tab_row(ui, app, tr, panel, &ChartTab::ALL);
    tab_chart(ui, app, tr, app.view.chart_tab);
}

/// The short panel: the score's headline, then the tabs with the score's chart as the first,
/// and the chosen chart in all the height that is left.
fn one_chart_at_a_time(ui: &mut egui::Ui, app: &mut WorkshopApp, tr: Tr<'_>, panel: egui::Rect) {
    ui.horizontal_wrapped(|ui| score_headline(ui, app, tr));
    ui.separator();
    let mut tabs = vec![ChartTab::Score];
    tabs.extend(ChartTab::ALL);
    tab_row(ui, app, tr, panel, &tabs);
    tab_chart(ui, app, tr, app.view.chart_tab);
}

/// The PNG button of the chart below, and the tabs.
fn tab_row(ui: &mut egui::Ui, app: &mut WorkshopApp, tr: Tr<'_>, panel: egui::Rect, tabs: &[ChartTab]) {
    ui.horizontal_wrapped(|ui| {
        // Tight enough that the six tabs and the button keep one row on a 1366×768 laptop.
        ui.spacing_mut().item_spacing.x = 3.0;
        ui.spacing_mut().button_padding.x = 4.0;
        super::export::png_button(ui, app, "chart", panel);
        for &tab in tabs {
            ui.selectable_value(&mut app.view.chart_tab, tab, tr.of("chart_tab", tab.key()));
        }
    });
    // The chosen tab is marked; a line under the row would only take a chart's height.
    ui.add_space(2.0);
}

/// A tab's chart; one taller than the space left scrolls, rather than losing its lower axis.
fn tab_chart(ui: &mut egui::Ui, app: &mut WorkshopApp, tr: Tr<'_>, tab: ChartTab) {
    let chart = egui::ScrollArea::vertical()
        .id_salt("chart_tab")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.scope(|ui| match tab {
                ChartTab::Composition => composition_chart(ui, app, tr),
                ChartTab::TenureMix => tenure_chart(ui, app, tr),
                ChartTab::Status => super::status::show(ui, app),
                ChartTab::Schools => school_chart(ui, app, tr),
                ChartTab::Explain => super::explain::show(ui, app),
                ChartTab::Uncertainty => super::uncertainty::show(ui, app),
                ChartTab::Score => score_chart(ui, app, tr, true),
            })
            .response
            .rect
        })
        .inner;
    super::export::remember_rect(ui.ctx(), "chart", chart);
}

/// The score at the slider's year, against the baseline, in one sentence.
fn score_headline(ui: &mut egui::Ui, app: &WorkshopApp, tr: Tr<'_>) {
    let feed = &app.feed.score;
    let Some(i) = feed.years.iter().position(|y| *y == f64::from(app.view.year)) else { return };
    ui.scope(|ui| {
        ui.label(egui::RichText::new(tr.fill("score.headline", &[("year", &app.view.year.to_string())])).strong());
        ui.label(egui::RichText::new(tr.num(feed.plan[i], 1)).size(24.0).strong().color(palette::PLAN));
        let change = crate::explain::tenths(feed.plan[i]) - crate::explain::tenths(feed.baseline[i]);
        ui.label(tr.fill(
            "score.against_baseline",
            &[("baseline", &tr.num(feed.baseline[i], 1)), ("change", &crate::words::points(tr, change))],
        ));
        match (feed.low.get(i), feed.high.get(i)) {
            (Some(low), Some(high)) => {
                ui.label(tr.fill("score.band", &[("low", &tr.num(*low, 1)), ("high", &tr.num(*high, 1))]))
            }
            _ => ui.label(egui::RichText::new(tr.t("score.band_working")).small().italics()),
        }
        .on_hover_text(tr.t("score.band_help"));
    });
}

/// A legend above a chart: a swatch and a name per series in small type, wrapped to the
/// panel's width.
/// Dashed series show a dashed swatch. Its rows sit as close as lines of text (it holds nothing
/// to click), which gives a chart on a 1366×768 laptop the height to keep its year axis.
pub(super) fn legend_row(ui: &mut egui::Ui, entries: &[(egui::Color32, String, bool)]) {
    titled_legend_ui(ui, None, entries);
}

/// [`legend_row`] after the chart's title, on the same rows (where the panel is short).
pub(super) fn titled_legend_ui(ui: &mut egui::Ui, title: Option<&str>, entries: &[(egui::Color32, String, bool)]) {
    ui.add_space(2.0);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        ui.spacing_mut().interact_size.y = 16.0;
        if let Some(title) = title {
            ui.label(egui::RichText::new(title).strong());
        }
        for (colour, name, dashed) in entries {
            // Swatch and name are one widget, so the row wraps between entries, never inside one.
            // Small type: a legend of eight series keeps to two or three rows on a laptop.
            let galley = ui.painter().layout_no_wrap(
                name.clone(),
                egui::TextStyle::Small.resolve(ui.style()),
                ui.visuals().text_color(),
            );
            let size = egui::vec2(26.0 + galley.size().x + 8.0, galley.size().y.max(14.0));
            let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, name));
            let swatch =
                egui::Rect::from_min_size(egui::pos2(rect.left(), rect.center().y - 6.0), egui::vec2(22.0, 12.0));
            if *dashed {
                let y = swatch.center().y;
                for x in [swatch.left(), swatch.left() + 8.0, swatch.left() + 16.0] {
                    ui.painter()
                        .line_segment([egui::pos2(x, y), egui::pos2(x + 5.0, y)], egui::Stroke::new(2.5, *colour));
                }
            } else {
                ui.painter().rect_filled(swatch, 2.0, *colour);
            }
            let text_pos = egui::pos2(swatch.right() + 4.0, rect.center().y - galley.size().y / 2.0);
            ui.painter().galley(text_pos, galley, ui.visuals().text_color());
        }
    });
}

/// Height of a bar's row in a bar chart with a named row per area or school, at least: the
/// row's name, in small type, reads whole.
const BAR_ROW: f32 = 13.0;

/// A horizontal bar chart's y axis: one mark per bar, named in small type, never faded however
/// close the rows (`small` is the small text's size).
fn category_axis(plot: Plot<'_>, names: Vec<String>, small: f32) -> Plot<'_> {
    let count = names.len();
    let axis = egui_plot::AxisHints::new_y()
        .formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 0.01 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .tick_label_font(egui::FontId::proportional(small))
        .label_spacing(4.0..=8.0)
        .min_thickness(100.0);
    plot.y_grid_spacer(move |_| (0..count).map(|i| egui_plot::GridMark { value: i as f64, step_size: 1.0 }).collect())
        .custom_y_axes(vec![axis])
}

fn points(xs: &[f64], ys: &[f64]) -> PlotPoints<'static> {
    xs.iter().zip(ys).map(|(x, y)| [*x, *y]).collect()
}

/// A plot with the year on the x axis and whole years in the hover label.
pub(super) fn year_plot<'a>(id: &'a str, tr: Tr<'a>, y_label: &'a str, height: f32) -> Plot<'a> {
    // Axis numbers 16 px apart still read (egui_plot fades them below 20): a short chart on a
    // 1366×768 laptop keeps its numbers.
    let y_axis = egui_plot::AxisHints::new_y().label(y_label).label_spacing(16.0..=22.0);
    Plot::new(id)
        .height(height)
        .x_axis_label(tr.t("axis.year"))
        .custom_y_axes(vec![y_axis])
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .y_axis_formatter(move |mark, _| tr.num(mark.value, 0))
        .label_formatter(move |pos| danish_hover(tr, pos))
}

/// A hover label in the room's number format: the series, the year and its value.
fn danish_hover(tr: Tr<'_>, pos: &egui_plot::HoverPosition<'_>) -> Option<String> {
    match pos {
        egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => {
            Some(format!("{plot_name}\n{:.0}: {}", position.x, tr.num(position.y, 1)))
        }
        egui_plot::HoverPosition::Elsewhere { position } => Some(format!("{:.0}", position.x)),
    }
}

fn score_chart(ui: &mut egui::Ui, app: &WorkshopApp, tr: Tr<'_>, alone: bool) {
    // Alone in its tab it takes the panel's height; above another chart, a share of it.
    let height = if alone { ui.available_height() } else { (ui.available_height() * 0.3).clamp(140.0, 260.0) };
    score_plot(ui, tr, &app.feed.score, app.view.year, height);
}

/// The least height of a plot whose y axis has `title`: the title is written along the axis and
/// must not run past the plot into the legend above (about 40 points go to the year axis).
pub(super) fn plot_height_for_title(ui: &egui::Ui, title: &str) -> f32 {
    let galley = ui.painter().layout_no_wrap(
        title.to_owned(),
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().text_color(),
    );
    galley.size().x + 48.0
}

/// The score over time, plan against baseline, with its components, from the chart feed.
pub(super) fn score_plot(ui: &mut egui::Ui, tr: Tr<'_>, feed: &crate::app::feed::ScoreFeed, year: u16, height: f32) {
    let year = f64::from(year);
    let mut entries = vec![
        (palette::PLAN, tr.t("series.plan").to_owned(), false),
        (palette::BASELINE, tr.t("series.baseline").to_owned(), true),
    ];
    let with_band = !feed.low.is_empty();
    if with_band {
        entries.insert(1, (palette::band(palette::PLAN), tr.t("series.band").to_owned(), false));
    }
    for (i, component) in COMPONENTS.iter().enumerate() {
        entries.push((palette::COMPONENTS[i], tr.of("component", component.key()), true));
    }
    legend_row(ui, &entries);
    let least = MIN_PLOT_HEIGHT.max(plot_height_for_title(ui, tr.t("axis.score")));
    let height = height.min(ui.available_height() - 8.0).max(least);
    let shown = year_plot("score_chart", tr, tr.t("axis.score"), height)
        .include_y(0.0)
        .include_y(100.0)
        .label_formatter(move |pos| {
            let p = match pos {
                egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => {
                    format!("{plot_name}\n{:.0}: {}", position.x, tr.num(position.y, 1))
                }
                egui_plot::HoverPosition::Elsewhere { position } => format!("{:.0}", position.x),
            };
            Some(p)
        })
        .show(ui, |plot| {
            for (i, component) in COMPONENTS.iter().enumerate() {
                let name = tr.of("component", component.key());
                plot.line(
                    Line::new(name, points(&feed.years, &feed.components[i]))
                        .color(palette::COMPONENTS[i])
                        .width(1.2)
                        .style(LineStyle::dotted_dense()),
                );
            }
            if with_band {
                plot.add(
                    FilledArea::new(tr.t("series.band"), &feed.years, &feed.low, &feed.high)
                        .fill_color(palette::band(palette::PLAN)),
                );
            }
            plot.line(
                Line::new(tr.t("series.baseline"), points(&feed.years, &feed.baseline))
                    .color(palette::BASELINE)
                    .width(2.0)
                    .style(LineStyle::dashed_loose()),
            );
            plot.line(Line::new(tr.t("series.plan"), points(&feed.years, &feed.plan)).color(palette::PLAN).width(3.0));
            plot.vline(VLine::new(tr.t("series.slider_year"), year).color(egui::Color32::from_gray(150)));
        });
    name_chart(&shown.response, tr.t("chart_name.score"));
}

/// Names a chart's plot area for screen readers (and for the tests that measure it).
pub(super) fn name_chart(response: &egui::Response, name: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, name));
}

fn composition_chart(ui: &mut egui::Ui, app: &mut WorkshopApp, tr: Tr<'_>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(tr.fill("composition.title", &[("name", &app.feed.composition.name)])).strong());
        ui.checkbox(&mut app.view.composition_in_percent, tr.t("composition.in_percent"));
    });
    let height = (ui.available_height() - 10.0).max(180.0);
    composition_plot(ui, tr, &app.feed.composition, app.view.composition_in_percent, app.view.year, height);
}

/// Residents of the selection per group, stacked, with the baseline dashed.
pub(super) fn composition_plot(
    ui: &mut egui::Ui,
    tr: Tr<'_>,
    feed: &crate::app::feed::CompositionFeed,
    percent: bool,
    year: u16,
    height: f32,
) {
    let scale = |series: &[Vec<f64>; 5]| -> [Vec<f64>; 5] {
        if !percent {
            return series.clone();
        }
        let totals: Vec<f64> = (0..feed.years.len()).map(|y| series.iter().map(|g| g[y]).sum()).collect();
        std::array::from_fn(|g| {
            series[g].iter().zip(&totals).map(|(v, t)| if *t > 0.0 { 100.0 * v / t } else { 0.0 }).collect()
        })
    };
    let plan = scale(&feed.plan);
    let baseline = scale(&feed.baseline);
    let unit = if percent { tr.t("axis.share_of_residents") } else { tr.t("axis.residents") };
    let hover_plan = plan.clone();
    let years = feed.years.clone();
    let mut entries: Vec<_> =
        Group::ALL.iter().rev().map(|g| (palette::group(*g), tr.of("group", g.key()), false)).collect();
    entries.push((egui::Color32::from_black_alpha(140), tr.t("series.baseline_ghost").to_owned(), true));
    legend_row(ui, &entries);
    let least = MIN_PLOT_HEIGHT.max(plot_height_for_title(ui, unit));
    let height = height.min(ui.available_height() - 8.0).max(least);
    let shown = year_plot("composition_chart", tr, unit, height)
        .include_y(0.0)
        .label_formatter(move |pos| {
            let x = match pos {
                egui_plot::HoverPosition::NearDataPoint { position, .. }
                | egui_plot::HoverPosition::Elsewhere { position } => position.x,
            };
            let i = years.iter().position(|y| (*y - x).abs() < 0.5)?;
            let mut text = format!("{:.0}", years[i]);
            for group in Group::ALL.iter().rev() {
                let value = hover_plan[group.index()][i];
                let shown = if percent { format!("{} %", tr.num(value, 1)) } else { tr.num(value, 0) };
                text.push_str(&format!("\n{}: {shown}", tr.of("group", group.key())));
            }
            Some(text)
        })
        .show(ui, |plot| {
            let mut lower = vec![0.0; feed.years.len()];
            let mut base_lower = vec![0.0; feed.years.len()];
            for group in Group::ALL {
                let g = group.index();
                let upper: Vec<f64> = lower.iter().zip(&plan[g]).map(|(l, v)| l + v).collect();
                let name = tr.of("group", group.key());
                plot.add(FilledArea::new(&name, &feed.years, &lower, &upper).fill_color(palette::group(group)));
                let base_upper: Vec<f64> = base_lower.iter().zip(&baseline[g]).map(|(l, v)| l + v).collect();
                plot.line(
                    Line::new(tr.t("series.baseline_ghost"), points(&feed.years, &base_upper))
                        .color(egui::Color32::from_black_alpha(140))
                        .style(LineStyle::dashed_dense())
                        .width(1.2),
                );
                lower = upper;
                base_lower = base_upper;
            }
            plot.vline(VLine::new(tr.t("series.slider_year"), f64::from(year)).color(egui::Color32::from_gray(120)));
        });
    name_chart(&shown.response, tr.t("chart_name.composition"));
}

/// A bar's hover words are its own name (the series and its value in the room's number
/// format), without egui_plot's coordinates in English.
type BarWords = Box<dyn Fn(&Bar, &BarChart) -> String>;

pub(super) fn own_words() -> BarWords {
    Box::new(|bar, _| bar.name.clone())
}

/// The tenure shares of each area as bars stacked tenure on tenure, one row per area.
fn tenure_bars(tr: Tr<'_>, bars: &[crate::app::feed::TenureBar]) -> Vec<BarChart> {
    let mut charts: Vec<BarChart> = Vec::new();
    for tenure in Tenure::ALL {
        let t = tenure.index();
        let chart_bars = bars
            .iter()
            .enumerate()
            .map(|(i, b)| {
                Bar::new(i as f64, 100.0 * b.shares[t]).width(0.7).fill(palette::tenure(tenure)).name(format!(
                    "{}\n{}: {} %",
                    b.name,
                    tr.of("tenure", tenure.key()),
                    tr.num(100.0 * b.shares[t], 1)
                ))
            })
            .collect();
        let chart = BarChart::new(tr.of("tenure", tenure.key()), chart_bars)
            .color(palette::tenure(tenure))
            .horizontal()
            .element_formatter(own_words());
        let refs: Vec<&BarChart> = charts.iter().collect();
        let chart = chart.stack_on(&refs);
        charts.push(chart);
    }
    charts
}

fn tenure_chart(ui: &mut egui::Ui, app: &WorkshopApp, tr: Tr<'_>) {
    ui.label(egui::RichText::new(tr.fill("tenure.title", &[("year", &app.view.year.to_string())])).strong());
    let bars = &app.feed.tenure;
    // The short names where the areas have them ("Kjeld Abells, øvr."): the axis leaves the
    // bars their width on a laptop.
    let m = &app.session.plan().municipality;
    let names: Vec<String> = bars
        .iter()
        .map(|b| {
            m.area(&b.area)
                .filter(|a| !a.short_name.is_empty())
                .map_or_else(|| b.name.clone(), |a| a.short_name.clone())
        })
        .collect();
    let small = egui::TextStyle::Small.resolve(ui.style()).size;
    let charts = tenure_bars(tr, bars);
    let mut entries: Vec<_> =
        Tenure::ALL.iter().map(|t| (palette::tenure(*t), tr.of("tenure", t.key()), false)).collect();
    let law = ui.visuals().strong_text_color();
    entries.push((law, tr.t("series.line_40").to_owned(), true));
    entries.push((law, tr.t("series.share_168a").to_owned(), false));
    legend_row(ui, &entries);
    // The 40 % line judges the share as § 168 a counts it (demolished homes not replaced by
    // almene family homes and floor space in the denominator), not the bar's plain share:
    // a diamond on each estate's row marks it.
    let counted: Vec<[f64; 2]> = bars
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == crate::model::AreaKind::Estate)
        .map(|(i, b)| [100.0 * b.almen_family_share_168a, i as f64])
        .collect();
    // Every area gets a readable row (the tab scrolls rather than hiding names); the § 168 a
    // count of each estate, written out below the chart, keeps its lines in view where it can.
    let lines = 2.2
        * egui::TextStyle::Small.resolve(ui.style()).size
        * bars.iter().filter(|b| b.kind == crate::model::AreaKind::Estate).count() as f32;
    let least = BAR_ROW * bars.len() as f32 + 60.0;
    let height = (ui.available_height() - 10.0 - lines).max(least);
    let plot = category_axis(Plot::new("tenure_chart"), names, small)
        .height(height)
        .x_axis_label(tr.t("axis.share_of_homes"))
        .include_x(0.0)
        .include_x(100.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([true, false])
        .x_axis_formatter(move |mark, _| tr.num(mark.value, 0))
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => {
                Some(format!("{plot_name}\n{} %", tr.num(position.x, 1)))
            }
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        });
    let shown = plot.show(ui, |plot| {
        for chart in charts {
            plot.bar_chart(chart);
        }
        plot.points(Points::new(tr.t("series.share_168a"), counted).shape(MarkerShape::Diamond).radius(7.0).color(law));
        plot.vline(VLine::new(tr.t("series.line_40"), 40.0).color(law).width(2.0).style(LineStyle::dashed_loose()));
    });
    name_chart(&shown.response, tr.t("chart_name.tenure"));
    let cap = &app.session.library().cap;
    for bar in bars.iter().filter(|b| b.kind == crate::model::AreaKind::Estate) {
        ui.label(
            egui::RichText::new(format!(
                "{}: {}",
                bar.name,
                crate::words::share_168a(tr, &bar.parts, cap, app.view.year)
            ))
            .small(),
        );
    }
}

fn school_chart(ui: &mut egui::Ui, app: &WorkshopApp, tr: Tr<'_>) {
    ui.label(egui::RichText::new(tr.fill("schools.title", &[("year", &app.view.year.to_string())])).strong());
    let schools: Vec<_> = app.feed.schools.iter().filter(|s| s.active).collect();
    let names: Vec<String> = schools.iter().map(|s| s.name.clone()).collect();
    let plan_bars = schools
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Bar::new(i as f64 + 0.2, 100.0 * s.disadvantaged_share).width(0.38).fill(palette::PLAN).name(format!(
                "{}\n{}: {} %\n{}: {}",
                s.name,
                tr.t("series.plan"),
                tr.num(100.0 * s.disadvantaged_share, 1),
                tr.t("schools.pupils"),
                tr.num(s.pupils, 0)
            ))
        })
        .collect();
    let base_bars = schools
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Bar::new(i as f64 - 0.2, 100.0 * s.baseline_share).width(0.38).fill(palette::BASELINE).name(format!(
                "{}\n{}: {} %",
                s.name,
                tr.t("series.baseline"),
                tr.num(100.0 * s.baseline_share, 1)
            ))
        })
        .collect();
    legend_row(
        ui,
        &[
            (palette::PLAN, tr.t("series.plan").to_owned(), false),
            (palette::BASELINE, tr.t("series.baseline").to_owned(), false),
        ],
    );
    let height = (ui.available_height() - 10.0).max(2.0 * BAR_ROW * schools.len() as f32 + 60.0);
    let small = egui::TextStyle::Small.resolve(ui.style()).size;
    let shown = category_axis(Plot::new("school_chart"), names, small)
        .height(height)
        .x_axis_label(tr.t("axis.disadvantaged_pupils"))
        .include_x(0.0)
        .include_x(60.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([true, false])
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(tr.t("series.baseline"), base_bars)
                    .color(palette::BASELINE)
                    .horizontal()
                    .element_formatter(own_words()),
            );
            plot.bar_chart(
                BarChart::new(tr.t("series.plan"), plan_bars)
                    .color(palette::PLAN)
                    .horizontal()
                    .element_formatter(own_words()),
            );
        });
    name_chart(&shown.response, tr.t("chart_name.schools"));
}
