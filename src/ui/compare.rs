//! The comparison view in the centre of the window: the open plan beside up to four pinned
//! variants. The balance score of all on one chart (as values, or as the difference to the
//! reference in points or percent), each estate's status per variant at 2025, 2030 and 2040
//! in one table, and the residents of the selection in each as small multiples. The reference
//! is the open plan, or the baseline ("before and after").

use super::palette;
use crate::app::feed::residents_by_group;
use crate::app::{Dialog, DifferenceMode, WorkshopApp};
use crate::compare::Comparison;
use crate::i18n::Tr;
use crate::model::Group;
use egui_plot::{FilledArea, Line, LineStyle, Plot, PlotPoints};

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    controls(ui, app, tr);
    let comparison = app.comparison();
    egui::ScrollArea::vertical().show(ui, |ui| {
        score_chart(ui, tr, &comparison, app.view.difference);
        ui.separator();
        status_table(ui, tr, &comparison);
        ui.separator();
        small_multiples(ui, app, tr, &comparison);
    });
}

fn controls(ui: &mut egui::Ui, app: &mut WorkshopApp, tr: Tr<'_>) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(tr.t("compare.title"));
        let can_pin = super::files::pins_left(app) > 0;
        if ui.add_enabled(can_pin, egui::Button::new(tr.t("compare.pin_current"))).clicked() {
            let plan = app.session.plan().clone();
            let name = format!("{} ({})", plan.name, tr.t("compare.snapshot"));
            app.pin(name, plan);
        }
        if ui.add_enabled(can_pin, egui::Button::new(tr.t("compare.pin_from_variants"))).clicked() {
            app.document.dialog = Some(Dialog::Browser { notice: None });
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.t("compare.reference"));
        ui.radio_value(&mut app.view.compare_with_baseline, false, tr.t("compare.reference_open"));
        ui.radio_value(&mut app.view.compare_with_baseline, true, tr.t("compare.reference_baseline"));
        ui.separator();
        ui.label(tr.t("compare.show"));
        for mode in DifferenceMode::ALL {
            ui.radio_value(&mut app.view.difference, mode, tr.of("compare.mode", mode.key()));
        }
    });
    let mut unpin = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.fill("compare.pinned", &[("count", &app.document.pinned.len().to_string())]));
        for (i, pinned) in app.document.pinned.iter().enumerate() {
            let label = tr.fill("compare.unpin", &[("name", &pinned.name)]);
            if ui.button(label).clicked() {
                unpin = Some(i);
            }
        }
    });
    if let Some(i) = unpin {
        app.document.pinned.remove(i);
    }
}

/// The score of every variant over time, as values or as the difference to the first.
pub(super) fn score_chart(ui: &mut egui::Ui, tr: Tr<'_>, c: &Comparison, mode: DifferenceMode) {
    let axis = match mode {
        DifferenceMode::Values => tr.t("axis.score"),
        DifferenceMode::Absolute => tr.t("compare.axis_points"),
        DifferenceMode::Relative => tr.t("compare.axis_percent"),
    };
    let Some(reference) = c.variants.first() else { return };
    let years: Vec<f64> = c.years.iter().map(|y| f64::from(*y)).collect();
    let mut legend = Vec::new();
    for (i, v) in c.variants.iter().enumerate() {
        legend.push((palette::variant(i), v.name.clone(), i == 0));
    }
    super::charts::legend_row(ui, &legend);
    Plot::new("compare_score")
        .height(220.0)
        .x_axis_label(tr.t("axis.year"))
        .y_axis_label(axis)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => {
                Some(format!("{plot_name}\n{:.0}: {}", position.x, tr.num(position.y, 1)))
            }
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            for (i, v) in c.variants.iter().enumerate() {
                let values: PlotPoints<'_> = years
                    .iter()
                    .zip(v.score.iter().zip(&reference.score))
                    .map(|(x, (s, r))| {
                        let y = match mode {
                            DifferenceMode::Values => *s,
                            DifferenceMode::Absolute => s - r,
                            DifferenceMode::Relative if *r != 0.0 => 100.0 * (s - r) / r,
                            DifferenceMode::Relative => 0.0,
                        };
                        [*x, y]
                    })
                    .collect();
                let line = Line::new(&v.name, values).color(palette::variant(i)).width(2.5);
                plot.line(if i == 0 { line.style(LineStyle::dashed_loose()) } else { line });
            }
        });
    ui.horizontal_wrapped(|ui| {
        for v in &c.variants {
            ui.label(tr.fill(
                "compare.score_line",
                &[
                    ("name", &v.name),
                    ("year", &c.year.to_string()),
                    ("score", &tr.num(v.score_in_year, 1)),
                    ("difference", &tr.signed(v.difference, 1)),
                    ("relative", &tr.signed(100.0 * v.relative_difference, 1)),
                ],
            ));
        }
    });
}

/// Each estate's status per variant at 2025, 2030 and 2040.
pub(super) fn status_table(ui: &mut egui::Ui, tr: Tr<'_>, c: &Comparison) {
    ui.label(egui::RichText::new(tr.t("compare.status_title")).strong());
    egui::ScrollArea::horizontal().id_salt("compare_status").show(ui, |ui| {
        egui::Grid::new("compare_status_grid").striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
            ui.strong(tr.t("status.estate"));
            ui.strong(tr.t("axis.year"));
            for v in &c.variants {
                ui.strong(&v.name);
            }
            ui.end_row();
            // Rows by estate id: each variant's status is looked up, never taken by position.
            for e in &c.estates {
                for year in crate::model::MILESTONES {
                    ui.label(&e.name);
                    ui.label(year.to_string());
                    for v in &c.variants {
                        match v.status(&e.id, year) {
                            Some(s) => {
                                let key = crate::words::status_short_key(s.kind, s.listed, s.judged);
                                let colour =
                                    palette::status(s.kind, s.listed, s.judged, ui.visuals().weak_text_color());
                                ui.colored_label(colour, tr.t(key))
                            }
                            None => ui.label("–"),
                        };
                    }
                    ui.end_row();
                }
            }
        });
    });
}

fn small_multiples(ui: &mut egui::Ui, app: &WorkshopApp, tr: Tr<'_>, c: &Comparison) {
    let selection = &app.view.selection;
    ui.label(egui::RichText::new(tr.fill("compare.residents_title", &[("name", &app.feed.composition.name)])).strong());
    let mut projections = Vec::new();
    if app.view.compare_with_baseline {
        projections.push(app.session.baseline_projection().clone());
    }
    projections.push(app.session.projection().clone());
    projections.extend(app.document.pinned.iter().map(|p| p.projection.clone()));
    let width = ((ui.available_width() - 12.0) / 3.0).max(200.0);
    ui.horizontal_wrapped(|ui| {
        for (v, p) in c.variants.iter().zip(&projections) {
            ui.vertical(|ui| {
                ui.set_width(width);
                ui.label(&v.name);
                let series = residents_by_group(p, selection);
                let years: Vec<f64> = p.years.iter().map(|y| f64::from(*y)).collect();
                Plot::new(("compare_multiple", &v.name))
                    .width(width)
                    .height(150.0)
                    .y_axis_label(tr.t("axis.residents"))
                    .include_y(0.0)
                    .allow_drag(false)
                    .allow_zoom(false)
                    .allow_scroll(false)
                    .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
                    .show(ui, |plot| {
                        let mut lower = vec![0.0; years.len()];
                        for group in Group::ALL {
                            let upper: Vec<f64> =
                                lower.iter().zip(&series[group.index()]).map(|(l, v)| l + v).collect();
                            plot.add(
                                FilledArea::new(tr.of("group", group.key()), &years, &lower, &upper)
                                    .fill_color(palette::group(group)),
                            );
                            lower = upper;
                        }
                    });
            });
        }
    });
}
