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
    // The largest swing on top: the plot's rows count upwards.
    let bars: Vec<_> = bands.tornado.iter().rev().collect();
    let segment = |i: usize, score: f64, colour, end: &str, key: &str| {
        let value = table.get(key).map_or(0.0, |d| if end == "low" { d.low } else { d.high });
        let hover = tr.fill(
            if end == "low" { "uncertainty.hover_low" } else { "uncertainty.hover_high" },
            &[("name", &tr.param_name(key)), ("value", &tr.num(value, 3)), ("score", &tr.num(score, 1))],
        );
        Bar::new(i as f64, score - central).base_offset(central).width(0.45).fill(colour).name(hover)
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
    // Each bar's name is written above it, across the plot's width, so a long assumption's
    // name is never cut by an axis too narrow for it.
    let left = bars.iter().flat_map(|b| [b.score_at_low, b.score_at_high]).fold(central, f64::min);
    let right = bars.iter().flat_map(|b| [b.score_at_low, b.score_at_high]).fold(central, f64::max);
    let margin = ((right - left) * 0.05).max(0.1);
    let count = bars.len();
    // As tall as the panel has room for, each bar with its name above it readable.
    let height = (ui.available_height() - 8.0).clamp(24.0 * count as f32 + 70.0, 40.0 * count as f32 + 70.0);
    let ink = ui.visuals().text_color();
    let names: Vec<String> = bars.iter().map(|b| tr.param_name(&b.key)).collect();
    let shown = Plot::new("tornado")
        .height(height)
        .x_axis_label(tr.fill("uncertainty.axis", &[("year", &TORNADO_YEAR.to_string())]))
        .x_axis_formatter(move |mark, _| tr.num(mark.value, 1))
        .show_axes([true, false])
        .show_grid([true, false])
        .include_x(left - margin)
        .include_x(right + margin)
        .include_y(-0.5)
        .include_y(count as f64 - 0.2)
        .show_y(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .label_formatter(|_| None)
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(tr.t("uncertainty.at_low"), low)
                    .color(LOW)
                    .horizontal()
                    .element_formatter(super::charts::own_words()),
            );
            plot.bar_chart(
                BarChart::new(tr.t("uncertainty.at_high"), high)
                    .color(HIGH)
                    .horizontal()
                    .element_formatter(super::charts::own_words()),
            );
            for (i, name) in names.iter().enumerate() {
                let at = egui_plot::PlotPoint::new(left - margin, i as f64 + 0.25);
                let text = egui::RichText::new(name).color(ink);
                plot.text(egui_plot::Text::new(name, at, text).anchor(egui::Align2::LEFT_BOTTOM));
            }
            plot.vline(VLine::new(tr.t("uncertainty.central"), central).color(palette::PLAN).width(2.0));
        });
    super::charts::name_chart(&shown.response, tr.t("chart_name.tornado"));
}
