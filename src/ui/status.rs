//! The list-status table: each estate at 2016, 2025, 2030 and 2040 (and the slider's year)
//! under the plan's rule set, listed or not in words as well as colour, and below it every
//! criterion's value against its threshold at the slider's year.

use super::palette;
use crate::app::WorkshopApp;
use crate::i18n::Tr;
use crate::model::{AreaKind, Comparison, Indicator};
use crate::sim::{AreaSeries, CriterionResult, Status};

const YEARS: [u16; 4] = [2016, 2025, 2030, 2040];

pub fn show(ui: &mut egui::Ui, app: &WorkshopApp) {
    table(ui, app.tr(), app.session.projection(), app.session.plan().rule_set, app.view.year);
}

/// The status table and the criteria at `year`, for any projection.
pub fn table(
    ui: &mut egui::Ui,
    tr: Tr<'_>,
    projection: &crate::sim::Projection,
    rule_set: crate::model::RuleSetId,
    year: u16,
) {
    let rules = tr.of("rules", rule_set.key());
    ui.label(egui::RichText::new(tr.fill("status.title", &[("rules", &rules)])).strong());
    let mut years: Vec<u16> = YEARS.to_vec();
    if !years.contains(&year) {
        years.push(year);
        years.sort_unstable();
    }
    let estates: Vec<&AreaSeries> = projection.areas.iter().filter(|a| a.kind == AreaKind::Estate).collect();
    egui::ScrollArea::both().show(ui, |ui| {
        egui::Grid::new("status_table").striped(true).spacing([12.0, 6.0]).show(ui, |ui| {
            ui.strong(tr.t("status.estate"));
            for y in &years {
                let text = egui::RichText::new(y.to_string()).strong();
                ui.label(if *y == year { text.underline() } else { text });
            }
            ui.end_row();
            for estate in &estates {
                ui.label(&estate.name);
                for year in &years {
                    match projection.year_index(*year) {
                        Some(i) => status_cell(ui, tr, &estate.years[i].status),
                        None => {
                            ui.label("–");
                        }
                    }
                }
                ui.end_row();
            }
        });
        ui.add_space(8.0);
        ui.label(egui::RichText::new(tr.fill("status.criteria_title", &[("year", &year.to_string())])).strong());
        let Some(i) = projection.year_index(year) else { return };
        for estate in &estates {
            let status = &estate.years[i].status;
            egui::CollapsingHeader::new(format!("{} — {}", estate.name, status_words(tr, status)))
                .id_salt(("criteria", &estate.id))
                .default_open(estates.len() <= 3)
                .show(ui, |ui| criteria_grid(ui, tr, &estate.id, &status.criteria));
        }
        ui.label(egui::RichText::new(tr.t("status.held_note")).small().italics());
    });
}

/// "Listed · parallel society", "Not listed", "Not judged (under 1,000 residents)".
pub fn status_words(tr: Tr<'_>, status: &Status) -> String {
    if !status.judged {
        tr.t("status.not_judged").to_owned()
    } else if status.listed {
        format!("{} · {}", tr.t("status.listed"), tr.of("category", status.category.key()))
    } else if status.category == crate::model::Category::None {
        tr.t("status.not_listed").to_owned()
    } else {
        format!("{} · {}", tr.t("status.not_listed"), tr.of("category", status.category.key()))
    }
}

fn status_cell(ui: &mut egui::Ui, tr: Tr<'_>, status: &Status) {
    let (text, colour) = if status.listed {
        (tr.t("status.listed"), palette::LISTED)
    } else {
        (tr.t("status.not_listed"), palette::NOT_LISTED)
    };
    ui.label(egui::RichText::new(text).color(colour).strong()).on_hover_text(status_words(tr, status));
}

fn criterion_value(tr: Tr<'_>, indicator: Indicator, value: f64) -> String {
    match indicator {
        Indicator::Income => tr.fill("criterion.income_value", &[("value", &tr.pct(value, 1))]),
        _ => tr.pct(value, 1),
    }
}

fn criteria_grid(ui: &mut egui::Ui, tr: Tr<'_>, id: &str, criteria: &[CriterionResult]) {
    egui::Grid::new(("criteria_grid", id)).striped(true).spacing([10.0, 4.0]).show(ui, |ui| {
        for header in ["criterion.name", "criterion.value", "criterion.threshold", "criterion.met"] {
            ui.strong(tr.t(header));
        }
        ui.end_row();
        for c in criteria {
            let held = matches!(c.indicator, Indicator::Convicted | Indicator::NonWestern);
            let name = tr.of("indicator_name", c.indicator.key());
            ui.label(if held { format!("{name} {}", tr.t("criterion.held_mark")) } else { name });
            ui.label(criterion_value(tr, c.indicator, c.value));
            let comparison = match c.comparison {
                Comparison::Above => ">",
                Comparison::AtLeast => "≥",
                Comparison::Below => "<",
            };
            ui.label(format!("{comparison} {}", criterion_value(tr, c.indicator, c.threshold)));
            let (text, colour) = if c.met {
                (tr.t("criterion.met_yes"), palette::LISTED)
            } else {
                (tr.t("criterion.met_no"), palette::NOT_LISTED)
            };
            ui.label(egui::RichText::new(text).color(colour));
            ui.end_row();
        }
    });
}
