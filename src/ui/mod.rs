//! Everything the participants see. The only place that uses egui and egui_plot.

use crate::app::WorkshopApp;
use crate::model::AreaKind;
use egui_plot::{Legend, Line, Plot, PlotPoints};

/// The whole window.
pub fn main_ui(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading(&app.plan.name);
        if let Some(error) = &app.error {
            ui.colored_label(egui::Color32::DARK_RED, error);
        }
        let points: PlotPoints = app.projection.score.iter().map(|s| [f64::from(s.year), s.total]).collect();
        Plot::new("score")
            .height(300.0)
            .legend(Legend::default())
            .x_axis_label("År")
            .y_axis_label("Balancescore (0–100)")
            .include_y(0.0)
            .include_y(100.0)
            .show(ui, |plot| plot.line(Line::new("Balancescore", points)));
        egui::Grid::new("status").striped(true).show(ui, |ui| {
            ui.strong("Boligområde");
            for year in [2016u16, 2025, 2030, 2040] {
                ui.strong(year.to_string());
            }
            ui.end_row();
            for area in app.projection.areas.iter().filter(|a| a.kind == AreaKind::Estate) {
                ui.label(&area.name);
                for year in [2016u16, 2025, 2030, 2040] {
                    let listed = app.projection.year_index(year).is_some_and(|i| area.years[i].status.listed);
                    ui.label(if listed { "på listen" } else { "ikke på listen" });
                }
                ui.end_row();
            }
        });
    });
}
