//! *Usikkerhed* (uncertainty): how far the plan's score moves when the assumptions move within
//! their ranges. The 2030 score with the band of 200 runs, and a tornado of the eight assumptions
//! that move it most — each bar runs from the score with the assumption at its low end to the
//! score at its high end, the others at their values — so the room sees which beliefs the plan's
//! outcome rests on.

use super::charts::legend_row;
use super::palette;
use crate::app::WorkshopApp;
use crate::bands::{Bands, TORNADO_YEAR};
use crate::i18n::Tr;
use egui_plot::{Bar, BarChart, Plot, VLine};

/// The colours of an assumption's low and high end.
const LOW: egui::Color32 = egui::Color32::from_rgb(0x00, 0x72, 0xB2);
const HIGH: egui::Color32 = egui::Color32::from_rgb(0xE6, 0x9F, 0x00);

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    let Some(bands) = app.session.bands() else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr.t("score.band_working"));
        });
        return;
    };
    egui::ScrollArea::vertical().id_salt("uncertainty_scroll").show(ui, |ui| {
        summary(ui, tr, &bands);
        ui.add_space(6.0);
        let title = tr.fill("uncertainty.tornado_title", &[("year", &TORNADO_YEAR.to_string())]);
        ui.label(egui::RichText::new(title).strong());
        tornado(ui, app, tr, &bands);
        ui.label(egui::RichText::new(tr.t("uncertainty.how")).small().italics());
    });
}

fn summary(ui: &mut egui::Ui, tr: Tr<'_>, bands: &Bands) {
    let Some(y) = bands.years.iter().position(|y| *y == TORNADO_YEAR) else { return };
    ui.label(tr.fill(
        "uncertainty.summary",
        &[
            ("year", &TORNADO_YEAR.to_string()),
            ("score", &tr.num(bands.central[y], 1)),
            ("low", &tr.num(bands.score_low[y], 1)),
            ("high", &tr.num(bands.score_high[y], 1)),
            ("runs", &bands.runs.to_string()),
        ],
    ));
}

fn tornado(ui: &mut egui::Ui, app: &WorkshopApp, tr: Tr<'_>, bands: &Bands) {
    let Some(y) = bands.years.iter().position(|y| *y == TORNADO_YEAR) else { return };
    let central = bands.central[y];
    let table = &app.session.library().table;
    // The largest swing on top: the plot's categories count upwards.
    let bars: Vec<_> = bands.tornado.iter().rev().collect();
    let names: Vec<String> = bars.iter().map(|b| tr.param_name(&b.key)).collect();
    let segment = |i: usize, score: f64, colour, end: &str, key: &str| {
        let value = table.get(key).map_or(0.0, |d| if end == "low" { d.low } else { d.high });
        Bar::new(i as f64, score - central).base_offset(central).width(0.6).fill(colour).name(format!(
            "{}\n{}: {} → {}",
            tr.param_name(key),
            tr.t(if end == "low" { "uncertainty.at_low" } else { "uncertainty.at_high" }),
            tr.num(value, 3),
            tr.num(score, 1)
        ))
    };
    let low: Vec<Bar> = bars.iter().enumerate().map(|(i, b)| segment(i, b.score_at_low, LOW, "low", &b.key)).collect();
    let high: Vec<Bar> =
        bars.iter().enumerate().map(|(i, b)| segment(i, b.score_at_high, HIGH, "high", &b.key)).collect();
    legend_row(
        ui,
        &[
            (LOW, tr.t("uncertainty.at_low").to_owned(), false),
            (HIGH, tr.t("uncertainty.at_high").to_owned(), false),
            (palette::PLAN, tr.t("uncertainty.central").to_owned(), true),
        ],
    );
    let count = names.len();
    let height = 34.0 * count as f32 + 70.0;
    Plot::new("tornado")
        .height(height)
        .x_axis_label(tr.fill("uncertainty.axis", &[("year", &TORNADO_YEAR.to_string())]))
        .y_grid_spacer(move |_| (0..count).map(|i| egui_plot::GridMark { value: i as f64, step_size: 1.0 }).collect())
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 0.01 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_axis_min_width(180.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(tr.t("uncertainty.at_low"), low).color(LOW).horizontal());
            plot.bar_chart(BarChart::new(tr.t("uncertainty.at_high"), high).color(HIGH).horizontal());
            plot.vline(VLine::new(tr.t("uncertainty.central"), central).color(palette::PLAN).width(2.0));
        });
}
