//! The area tab: homes per tenure at the slider's year (and the § 168 a count of an estate),
//! the area's actions on a timeline with each one's effect, adding an action, and the area's
//! flexible letting and efforts.

use super::super::widgets::number;
use crate::app::view::DraftKind;
use crate::app::{Selection, WorkshopApp};
use crate::i18n::Tr;
use crate::model::{Action, AreaKind, EffortKind, FIRST_YEAR, FacilityKind, LAST_YEAR, PlanEdit, Tenure};
use crate::model::{action_year_for, shows_from};
use crate::words;

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    if let Some(id) = area_picker(ui, app, tr) {
        app.view.selection = Selection::Area(id);
    }
    let Some(area_id) = app.view.selected_area().map(str::to_owned) else {
        ui.label(tr.t("editor.click_an_area"));
        return;
    };
    let plan = std::sync::Arc::clone(app.session.plan());
    let Some(area) = plan.municipality.area(&area_id) else { return };
    let district = plan.municipality.district(&area.district).map_or("", |d| d.name.as_str());
    ui.heading(&area.name);
    ui.label(format!("{} · {}", tr.of("area_kind", area.kind.key()), district));
    homes(ui, app, &area_id);
    ui.separator();
    timeline(ui, app, &area_id);
    ui.separator();
    add_action(ui, app, &area_id);
    ui.separator();
    policies(ui, app, &area_id, area.kind);
    ui.separator();
    super::super::comments::section(ui, app, &crate::model::CommentTarget::Area(area_id.clone()));
}

/// A picker of the areas; returns the chosen id if it changed.
fn area_picker(ui: &mut egui::Ui, app: &WorkshopApp, tr: Tr<'_>) -> Option<String> {
    let m = &app.session.plan().municipality;
    let current = app.view.selected_area().and_then(|id| m.area(id)).map(|a| a.name.clone());
    let mut chosen = None;
    egui::ComboBox::from_label(tr.t("editor.choose_area"))
        .selected_text(current.unwrap_or_else(|| tr.t("editor.none_chosen").to_owned()))
        .show_ui(ui, |ui| {
            for area in &m.areas {
                if ui.selectable_label(app.view.selected_area() == Some(area.id.as_str()), &area.name).clicked() {
                    chosen = Some(area.id.clone());
                }
            }
        });
    chosen
}

/// Homes per tenure as the projection shows them when an edit made now would show; a change
/// is built or demolished the year before.
fn homes(ui: &mut egui::Ui, app: &mut WorkshopApp, area_id: &str) {
    let tr = app.tr();
    let year = action_year_for(app.view.year, app.session.plan().span());
    let shown = shows_from(year, app.session.plan().span());
    ui.label(egui::RichText::new(tr.fill("editor.homes_in", &[("year", &shown.to_string())])).strong());
    if shown != app.view.year {
        ui.label(egui::RichText::new(tr.t("editor.homes_from_2017")).small().italics());
    }
    let projection = std::sync::Arc::clone(app.session.projection());
    let Some((series, y)) = projection.area(area_id).zip(projection.year_index(shown)) else { return };
    let homes = series.years[y].homes;
    // The slider takes what the panel has left beside the names and the number, so a larger
    // text size never pushes the row past the panel's edge.
    let font = egui::TextStyle::Body.resolve(ui.style());
    let widest = Tenure::ALL
        .iter()
        .map(|t| ui.painter().layout_no_wrap(tr.of("tenure", t.key()), font.clone(), egui::Color32::BLACK).size().x)
        .fold(0.0, f32::max);
    let number_width = ui.spacing().interact_size.x * 1.6;
    let spacing = ui.spacing().item_spacing.x * 3.0;
    // Too narrow for name, slider and number side by side (a larger text size): the name above
    // its slider and number.
    let compact = ui.available_width() < widest + number_width + spacing + 60.0;
    let beside = if compact { 0.0 } else { widest };
    ui.spacing_mut().slider_width = (ui.available_width() - beside - number_width - spacing).clamp(40.0, 140.0);
    let mut edit = None;
    let mut row = |ui: &mut egui::Ui, tenure: Tenure| {
        let from = homes[tenure].round();
        let mut to = from;
        let max = (from * 2.0).max(from + 500.0).round();
        let name = tr.of("tenure", tenure.key());
        let slider =
            ui.add(egui::Slider::new(&mut to, 0.0..=max).step_by(1.0).show_value(false).text("")).on_hover_text(&name);
        let field = ui.add(number(&mut to, 0.0..=max, 0, tr)).on_hover_text(&name);
        if (slider.changed() || field.changed()) && to != from {
            edit = Some(PlanEdit::SetHomes { area: area_id.to_owned(), tenure, year, from, to });
        }
    };
    if compact {
        for tenure in Tenure::ALL {
            ui.label(tr.of("tenure", tenure.key()));
            ui.horizontal(|ui| row(ui, tenure));
        }
    } else {
        egui::Grid::new("homes_editor").num_columns(3).show(ui, |ui| {
            for tenure in Tenure::ALL {
                ui.label(tr.of("tenure", tenure.key()));
                row(ui, tenure);
                ui.end_row();
            }
        });
    }
    if let Some(edit) = edit {
        app.session.apply(edit);
    }
    if series.kind == AreaKind::Estate {
        let parts = &series.years[y].share_168a_parts;
        let text = words::share_168a(tr, parts, &app.session.library().cap, shown);
        ui.label(egui::RichText::new(text).small());
        demolished_before_2016(ui, app, area_id);
    }
}

/// The estate's homes demolished 2011–2015 and not replaced, which § 168 a counts: the
/// municipality's own figure, 0 where none were (as in Høje-Taastrup's three estates).
fn demolished_before_2016(ui: &mut egui::Ui, app: &mut WorkshopApp, area_id: &str) {
    let tr = app.tr();
    let Some(area) = app.session.plan().municipality.areas.iter().find(|a| a.id == area_id) else { return };
    let before = area.demolished_2011_2015;
    let mut homes = before;
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.t("editor.demolished_2011_2015"));
        ui.add(number(&mut homes, 0.0..=10_000.0, 0, tr)).on_hover_text(tr.t("editor.demolished_2011_2015_help"));
    });
    if (homes - before).abs() > 0.5 {
        app.session.apply(PlanEdit::DemolishedBefore2016 { area: area_id.to_owned(), homes: homes.round() });
    }
}

/// The area's actions by year, each with its year and count to change, a button to remove it,
/// and what it does.
fn timeline(ui: &mut egui::Ui, app: &mut WorkshopApp, area_id: &str) {
    let tr = app.tr();
    ui.label(egui::RichText::new(tr.t("editor.actions")).strong());
    let plan = std::sync::Arc::clone(app.session.plan());
    let mut actions: Vec<&Action> = plan.actions.iter().filter(|a| a.kind.area() == Some(area_id)).collect();
    actions.sort_by_key(|a| a.year);
    if actions.is_empty() {
        ui.label(egui::RichText::new(tr.t("editor.no_actions")).italics());
    } else {
        // What the figure on each card is, once for all of them.
        let meaning = tr.fill("editor.effect_meaning", &[("year", &app.view.year.to_string())]);
        ui.label(egui::RichText::new(meaning).small().italics());
    }
    let mut edit = None;
    for action in actions {
        ui.group(|ui| {
            ui.label(words::action(tr, &plan.municipality, &action.kind));
            if !action.note.is_empty() {
                ui.label(egui::RichText::new(tr.shipped(&action.note)).small().italics());
            }
            if let Some(change) = action_row(ui, tr, action) {
                edit = Some(change);
            }
            let text = super::action_effect(app, action, true);
            ui.label(egui::RichText::new(text).small().color(ui.visuals().weak_text_color()));
        });
    }
    if let Some(edit) = edit {
        app.session.apply(edit);
    }
}

/// An action's year and count, and its remove button: the edit made, if any.
fn action_row(ui: &mut egui::Ui, tr: Tr<'_>, action: &Action) -> Option<PlanEdit> {
    // Wrapping: at a larger text size the remove button goes under the fields, never past the
    // panel's edge.
    ui.horizontal_wrapped(|ui| {
        let mut changed = action.clone();
        ui.label(tr.t("editor.year"));
        ui.add(egui::DragValue::new(&mut changed.year).range(FIRST_YEAR..=LAST_YEAR - 1).update_while_editing(false))
            .on_hover_text(tr.t("editor.year"));
        if let Some(count) = action.count() {
            let (max, unit) = match action.kind {
                crate::model::ActionKind::Facility { .. } => (100_000.0, "m²"),
                _ => (20_000.0, tr.t("unit.homes")),
            };
            let mut value = count;
            ui.add(number(&mut value, 0.0..=max, 0, tr).suffix(format!(" {unit}"))).on_hover_text(tr.t("editor.count"));
            changed.set_count(value);
        }
        if ui.button(tr.t("editor.remove")).clicked() {
            return Some(PlanEdit::RemoveAction(action.clone()));
        }
        (changed != *action).then(|| PlanEdit::ChangeAction { before: action.clone(), after: changed })
    })
    .inner
}

fn tenure_combo(ui: &mut egui::Ui, tr: Tr<'_>, id: &str, name_key: &'static str, tenure: &mut Tenure) {
    egui::ComboBox::from_id_salt(id)
        .selected_text(tr.of("tenure", tenure.key()))
        .show_ui(ui, |ui| {
            for t in Tenure::ALL {
                ui.selectable_value(tenure, t, tr.of("tenure", t.key()));
            }
        })
        .response
        .on_hover_text(tr.t(name_key));
}

/// The action being put together: its kind, tenures or facility, count, and "Add".
fn add_action(ui: &mut egui::Ui, app: &mut WorkshopApp, area_id: &str) {
    let tr = app.tr();
    let year = action_year_for(app.view.year, app.session.plan().span());
    ui.label(egui::RichText::new(tr.fill("editor.add_action", &[("year", &year.to_string())])).strong());
    let draft = &mut app.view.draft;
    egui::ComboBox::from_label(tr.t("editor.action_kind"))
        .selected_text(tr.of("action_kind", draft.kind.key()))
        .show_ui(ui, |ui| {
            for kind in DraftKind::ALL {
                ui.selectable_value(&mut draft.kind, kind, tr.of("action_kind", kind.key()));
            }
        });
    ui.horizontal_wrapped(|ui| match draft.kind {
        DraftKind::Demolish | DraftKind::Build | DraftKind::Merge => {
            tenure_combo(ui, tr, "draft_tenure", "editor.tenure", &mut draft.tenure);
        }
        DraftKind::Empty => {
            tenure_combo(ui, tr, "draft_tenure", "editor.tenure", &mut draft.tenure);
            ui.add(egui::DragValue::new(&mut draft.years).range(1..=15).suffix(format!(" {}", tr.t("unit.years"))))
                .on_hover_text(tr.t("editor.empty_years"));
        }
        DraftKind::Convert => {
            tenure_combo(ui, tr, "draft_from", "editor.from", &mut draft.tenure);
            ui.label(tr.t("editor.into"));
            tenure_combo(ui, tr, "draft_to", "editor.to", &mut draft.to);
        }
        DraftKind::Facility => {
            egui::ComboBox::from_id_salt("draft_facility")
                .selected_text(tr.of("facility", draft.facility.key()))
                .show_ui(ui, |ui| {
                    for f in FacilityKind::ALL {
                        ui.selectable_value(&mut draft.facility, f, tr.of("facility", f.key()));
                    }
                })
                .response
                .on_hover_text(tr.t("editor.facility"));
        }
        DraftKind::Sell => {
            ui.label(tr.of("tenure", Tenure::AlmenFamily.key()));
        }
    });
    let added = ui
        .horizontal_wrapped(|ui| {
            let unit = if draft.kind == DraftKind::Facility { "m²" } else { tr.t("unit.homes") };
            ui.add(number(&mut draft.count, 1.0..=20_000.0, 0, tr).suffix(format!(" {unit}")))
                .on_hover_text(tr.t("editor.count"));
            ui.button(tr.t("editor.add")).clicked().then(|| Action::new(year, draft.action(area_id)))
        })
        .inner;
    if let Some(action) = added {
        app.session.apply(PlanEdit::AddAction(action));
    }
}

/// Flexible letting (not in growth areas) and the efforts in the area, from the slider's year.
fn policies(ui: &mut egui::Ui, app: &mut WorkshopApp, area_id: &str, kind: AreaKind) {
    let tr = app.tr();
    let year = action_year_for(app.view.year, app.session.plan().span());
    ui.label(egui::RichText::new(tr.fill("editor.policies_from", &[("year", &year.to_string())])).strong());
    let plan = std::sync::Arc::clone(app.session.plan());
    let mut edits = Vec::new();
    // A row per setting, its name beside it where the panel is wide enough, else above it.
    let compact = ui.available_width() < super::super::palette::EDITOR_ROW_WIDTH;
    let mut rows = |ui: &mut egui::Ui| {
        let end_row = |ui: &mut egui::Ui| {
            if !compact {
                ui.end_row();
            }
        };
        if kind != AreaKind::Growth {
            let now = plan.flexible_share(area_id);
            let mut percent = now * 100.0;
            ui.label(tr.t("editor.flexible_letting"));
            let slider = ui
                .add(super::super::widgets::percent_slider(&mut percent, 5.0, tr).text(""))
                .on_hover_text(tr.t("editor.flexible_letting"));
            end_row(ui);
            // Only a gesture changes the plan: the slider's steps must not round a share that
            // a file holds (20.34 %) just by being shown.
            if slider.changed() && (percent / 100.0 - now).abs() > 1e-9 {
                edits.push(PlanEdit::FlexibleLetting { area: area_id.to_owned(), share: percent / 100.0, year });
            }
        }
        for effort in EffortKind::ALL {
            let now = plan.effort_count(effort, area_id, year);
            let mut count = now;
            ui.label(tr.of("effort", effort.key()));
            let field =
                ui.add(number(&mut count, 0.0..=50.0, 0, tr).speed(0.1)).on_hover_text(tr.of("effort", effort.key()));
            end_row(ui);
            if field.changed() && count != now {
                edits.push(PlanEdit::Effort { kind: effort, area: area_id.to_owned(), year, count: count.round() });
            }
        }
    };
    if compact {
        rows(ui);
    } else {
        egui::Grid::new("area_policies").num_columns(2).show(ui, |ui| rows(ui));
    }
    for edit in edits {
        app.session.apply(edit);
    }
}
