//! The year slider at the bottom: play and pause, the plan's years (2016–2040 for the
//! Visionsplan) with its milestones marked, and the year shown large. Every panel shows the state
//! on 1 January of this year.

use crate::app::{Command, WorkshopApp};
use crate::model::Span;

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    egui::Panel::bottom("timeline").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let play_label = if app.view.playing { tr.t("timeline.pause") } else { tr.t("timeline.play") };
            if ui.add(egui::Button::new(play_label).min_size(egui::vec2(90.0, 30.0))).clicked() {
                app.queue(Command::PlayPause);
            }
            ui.label(egui::RichText::new(app.view.year.to_string()).size(26.0).strong())
                .on_hover_text(tr.t("timeline.year_help"));
            let slider_width = (ui.available_width() - 60.0).max(200.0);
            ui.spacing_mut().slider_width = slider_width;
            let span = app.session.plan().span();
            let response = ui.add(
                egui::Slider::new(&mut app.view.year, span.first..=span.last)
                    .step_by(1.0)
                    .show_value(false)
                    .text(tr.t("timeline.year")),
            );
            let response = response.on_hover_text(tr.t("timeline.year_help"));
            if response.dragged() {
                app.view.playing = false;
            }
            milestone_marks(ui, response.rect, span);
        });
        ui.add_space(14.0);
    });
}

/// Ticks under the slider for every fifth year and labelled marks at the milestones.
fn milestone_marks(ui: &egui::Ui, slider: egui::Rect, span: Span) {
    let radius = slider.height() / 2.5;
    let left = slider.left() + radius;
    let right = slider.right() - radius;
    let x_of =
        |year: u16| left + (right - left) * f32::from(year - span.first) / f32::from((span.last - span.first).max(1));
    let painter = ui.painter();
    let y = slider.bottom();
    let stroke = egui::Stroke::new(1.0, ui.visuals().weak_text_color());
    for year in span.years().filter(|y| y % 5 == 0 || *y == span.first) {
        painter.line_segment([egui::pos2(x_of(year), y), egui::pos2(x_of(year), y + 4.0)], stroke);
    }
    let font = egui::FontId::proportional(13.0);
    let strong = egui::Stroke::new(2.0, ui.visuals().strong_text_color());
    for year in std::iter::once(span.first).chain(span.milestones()) {
        let x = x_of(year);
        painter.line_segment([egui::pos2(x, y - 2.0), egui::pos2(x, y + 7.0)], strong);
        painter.text(
            egui::pos2(x, y + 7.0),
            egui::Align2::CENTER_TOP,
            year.to_string(),
            font.clone(),
            ui.visuals().strong_text_color(),
        );
    }
}
