//! The comparison view in the centre of the window: the open plan beside up to four pinned
//! variants. The balance score of all on one chart (as values, or as the difference to the
//! reference in points or percent), each estate's status per variant at 2025, 2030 and 2040
//! in one table, and the residents of the selection in each as small multiples. The reference
//! is the open plan, or the baseline ("before and after").

use super::palette;
use crate::app::feed::residents_by_group;
use crate::app::{Dialog, DifferenceMode, VoteTarget, WorkshopApp};
use crate::compare::Comparison;
use crate::i18n::Tr;
use crate::model::{Group, PlanEdit, Vote};
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
        votes(ui, app, tr, &comparison);
        ui.separator();
        small_multiples(ui, app, tr, &comparison);
    });
}

/// The room's verdict: which table or group gives how many dots, then a button per variant.
/// Votes are saved with the variant they are for (see [`WorkshopApp::change_votes`]).
fn votes(ui: &mut egui::Ui, app: &mut WorkshopApp, tr: Tr<'_>, c: &Comparison) {
    ui.label(egui::RichText::new(tr.t("votes.title")).strong());
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr.t("votes.group"));
        let group = egui::TextEdit::singleline(&mut app.view.vote_group).hint_text(tr.t("votes.group_hint"));
        ui.add(group.desired_width(160.0)).labelled_by(label.id);
        let label = ui.label(tr.t("votes.dots"));
        let dots = egui::DragValue::new(&mut app.view.vote_dots)
            .range(1..=crate::model::limits::MAX_DOTS)
            .update_while_editing(false);
        ui.add(dots).labelled_by(label.id);
    });
    let group = app.view.vote_group.trim().to_owned();
    let mut change = None;
    // The baseline, when it is the reference, is not a variant the room votes on.
    let targets = std::iter::once(VoteTarget::Open).chain((0..app.document.pinned.len()).map(VoteTarget::Pinned));
    let offset = usize::from(app.view.compare_with_baseline);
    // A row per variant that wraps where the view is narrow, so its buttons are never cut.
    for (k, target) in targets.enumerate() {
        let Some(v) = c.variants.get(k + offset) else { continue };
        ui.push_id(("votes", k), |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&v.name).strong());
                ui.label(egui::RichText::new(crate::words::dots(tr, v.dots(), false)).strong());
                let by_group: Vec<String> = v.votes.iter().map(|x| format!("{}: {}", x.group, x.dots)).collect();
                if !by_group.is_empty() {
                    ui.label(format!("({})", by_group.join(" · ")));
                }
                let give = crate::words::dots(tr, app.view.vote_dots, true);
                let button = ui.add_enabled(!group.is_empty(), egui::Button::new(give));
                if button.on_disabled_hover_text(tr.t("votes.group_first")).clicked() {
                    let vote = Vote { group: group.clone(), dots: app.view.vote_dots };
                    change = Some((target, PlanEdit::AddVote(vote)));
                }
                if let Some(last) = v.votes.last()
                    && ui.button(tr.t("votes.remove_last")).clicked()
                {
                    change = Some((target, PlanEdit::RemoveVote(last.clone())));
                }
            });
        });
    }
    if let Some((target, edit)) = change
        && let Err(e) = app.change_votes(target, edit)
    {
        app.document.dialog = Some(Dialog::Message(tr.fill("votes.not_saved", &[("error", &e)])));
    }
}

fn controls(ui: &mut egui::Ui, app: &mut WorkshopApp, tr: Tr<'_>) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(tr.t("compare.title"));
        let can_pin = super::files::pins_left(app) > 0;
        if ui.add_enabled(can_pin, egui::Button::new(tr.t("compare.pin_current"))).clicked() {
            app.pin_snapshot();
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
    let height = 220.0_f32.max(super::charts::plot_height_for_title(ui, axis));
    let shown = Plot::new("compare_score")
        .height(height)
        .x_axis_label(tr.t("axis.year"))
        .y_axis_label(axis)
        .y_axis_formatter(move |mark, _| {
            let whole = (mark.value - mark.value.round()).abs() < 1e-9;
            tr.num(mark.value, if whole { 0 } else { 1 })
        })
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
    super::charts::name_chart(&shown.response, tr.t("chart_name.compare"));
    // A line per variant: with long names (a snapshot's) they read one by one.
    ui.vertical(|ui| {
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

/// Each variant's score and the room's dots, then each estate's status per variant at 2025,
/// 2030 and 2040.
pub(super) fn status_table(ui: &mut egui::Ui, tr: Tr<'_>, c: &Comparison) {
    ui.label(egui::RichText::new(tr.t("compare.status_title")).strong());
    // Each variant's column is as wide as the view allows; a long name wraps in its heading
    // rather than pushing the last variants out of sight.
    let columns = c.variants.len().max(1) as f32;
    let name_width = ((ui.available_width() - 200.0) / columns - 14.0).max(90.0);
    egui::ScrollArea::horizontal().id_salt("compare_status").show(ui, |ui| {
        egui::Grid::new("compare_status_grid").striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
            ui.strong(tr.t("status.estate"));
            ui.strong(tr.t("axis.year"));
            for v in &c.variants {
                ui.scope(|ui| {
                    ui.set_max_width(name_width);
                    ui.add(egui::Label::new(egui::RichText::new(&v.name).strong()).wrap());
                });
            }
            ui.end_row();
            // The score and the room's verdict side by side, on the projector too.
            ui.label(tr.t("compare.score_row"));
            ui.label(c.year.to_string());
            for v in &c.variants {
                ui.label(tr.num(v.score_in_year, 1));
            }
            ui.end_row();
            ui.label(tr.t("votes.row"));
            ui.label("");
            for v in &c.variants {
                ui.strong(v.dots().to_string());
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
    let legend: Vec<_> =
        Group::ALL.iter().rev().map(|g| (palette::group(*g), tr.of("group", g.key()), false)).collect();
    super::charts::legend_row(ui, &legend);
    // As many side by side as fit at 200 points or more (up to three), the rest on rows below.
    let gap = ui.spacing().item_spacing.x;
    let columns = (((ui.available_width() + gap) / (200.0 + gap)).floor() as usize).clamp(1, 3);
    let width = (ui.available_width() - gap * (columns as f32 - 1.0)) / columns as f32;
    let height = 150.0_f32.max(super::charts::plot_height_for_title(ui, tr.t("axis.residents")));
    let variants: Vec<_> = c.variants.iter().zip(&projections).collect();
    for row in variants.chunks(columns) {
        ui.horizontal(|ui| {
            for (v, p) in row {
                ui.vertical(|ui| {
                    ui.set_width(width);
                    ui.add(egui::Label::new(&v.name).wrap());
                    let series = residents_by_group(p, selection);
                    let years: Vec<f64> = p.years.iter().map(|y| f64::from(*y)).collect();
                    Plot::new(("compare_multiple", &v.name))
                        .width(width)
                        .height(height)
                        .y_axis_label(tr.t("axis.residents"))
                        .include_y(0.0)
                        .allow_drag(false)
                        .allow_zoom(false)
                        .allow_scroll(false)
                        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
                        .y_axis_formatter(move |mark, _| tr.num(mark.value, 0))
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
}
