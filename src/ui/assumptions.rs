//! The assumptions panel: every parameter of the model with its value, unit, bounds and source,
//! a filter, a mark on the values the plan changes, and a reset to the shipped value. Edits go
//! into the plan's `assumptions` and re-project at once.

use super::widgets::number;
use crate::app::WorkshopApp;

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    ui.label(egui::RichText::new(tr.t("assumptions.title")).strong());
    ui.label(egui::RichText::new(tr.t("assumptions.help")).small());
    ui.horizontal(|ui| {
        ui.label(tr.t("assumptions.filter"));
        ui.text_edit_singleline(&mut app.view.assumption_filter).on_hover_text(tr.t("assumptions.filter"));
    });
    ui.checkbox(&mut app.view.show_only_changed_assumptions, tr.t("assumptions.only_changed"));
    let changed_count = app.session.plan().assumptions.len();
    ui.label(tr.fill("assumptions.changed_count", &[("count", &changed_count.to_string())]));
    let filter = app.view.assumption_filter.to_lowercase();
    let table = app.session.library().table.clone();
    let overrides = app.session.plan().assumptions.clone();
    let mut edit: Option<(String, Option<f64>)> = None;
    for def in &table.params {
        let changed = overrides.contains_key(&def.key);
        if app.view.show_only_changed_assumptions && !changed {
            continue;
        }
        let name = tr.param_name(&def.key);
        if !filter.is_empty() && !name.to_lowercase().contains(&filter) && !def.key.contains(&filter) {
            continue;
        }
        let value = overrides.get(&def.key).copied().unwrap_or(def.value);
        ui.group(|ui| {
            ui.horizontal_wrapped(|ui| {
                if changed {
                    ui.label(
                        egui::RichText::new(tr.t("assumptions.changed"))
                            .color(egui::Color32::WHITE)
                            .background_color(super::palette::LISTED)
                            .strong(),
                    );
                }
                ui.label(egui::RichText::new(&name).strong()).on_hover_text(&def.key);
            });
            ui.horizontal_wrapped(|ui| {
                let mut v = value;
                let decimals = if def.max - def.min > 50.0 { 0 } else { 3 };
                ui.add(number(&mut v, def.min..=def.max, decimals, tr)).on_hover_text(&name);
                ui.label(egui::RichText::new(tr.of("param_unit", &def.unit)).small());
                if v != value {
                    edit = Some((def.key.clone(), Some(v)));
                }
                if changed
                    && ui.button(tr.fill("assumptions.reset", &[("value", &tr.num(def.value, decimals))])).clicked()
                {
                    edit = Some((def.key.clone(), None));
                }
            });
            let decimals = if def.max - def.min > 50.0 { 0 } else { 3 };
            let range = if def.is_varied() {
                tr.fill(
                    "assumptions.range",
                    &[("low", &tr.num(def.low, decimals)), ("high", &tr.num(def.high, decimals))],
                )
            } else {
                tr.t("assumptions.not_varied").to_owned()
            };
            ui.label(egui::RichText::new(range).small());
            ui.label(
                egui::RichText::new(tr.fill("assumptions.source", &[("source", &def.source)]))
                    .small()
                    .color(ui.visuals().weak_text_color()),
            );
        });
    }
    if let Some((key, value)) = edit {
        app.session.apply(crate::model::PlanEdit::Assumption { key, value });
    }
}
