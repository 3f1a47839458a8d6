//! The municipality tab: the plan's name, group and notes, its change log (read in the app's
//! language), comments on the whole plan, the letting rules and the efforts across the estates.

use super::super::widgets::number;
use crate::app::WorkshopApp;
use crate::i18n::Tr;
use crate::model::{AreaKind, EffortKind, Plan, PlanEdit, action_year_for, limits};
use std::sync::Arc;

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    let plan = Arc::clone(app.session.plan());
    texts(ui, app, &plan);
    change_log(ui, tr, &plan);
    super::super::comments::section(ui, app, &crate::model::CommentTarget::Plan);
    ui.separator();
    letting(ui, app, &plan);
    ui.separator();
    efforts(ui, app, &plan);
}

/// The plan's name, the group or author that made it, and its notes.
fn texts(ui: &mut egui::Ui, app: &mut WorkshopApp, plan: &Plan) {
    let tr = app.tr();
    let mut name = plan.name.clone();
    ui.label(tr.t("editor.plan_name"));
    let name_box = egui::TextEdit::singleline(&mut name).char_limit(limits::MAX_NAME_CHARS);
    if ui.add(name_box).on_hover_text(tr.t("editor.plan_name")).changed() {
        app.session.apply(PlanEdit::Name(name));
    }
    let mut author = plan.author.clone();
    ui.label(tr.t("editor.plan_author"));
    let author_box = egui::TextEdit::singleline(&mut author).char_limit(limits::MAX_NAME_CHARS);
    if ui.add(author_box).on_hover_text(tr.t("editor.plan_author")).changed() {
        app.session.apply(PlanEdit::Author(author));
    }
    let mut notes = tr.shipped(&plan.notes);
    ui.label(tr.t("editor.plan_notes"));
    let notes_box = egui::TextEdit::multiline(&mut notes).desired_rows(3).char_limit(limits::MAX_NOTES_CHARS);
    if ui.add(notes_box).on_hover_text(tr.t("editor.plan_notes")).changed() {
        app.session.apply(PlanEdit::Notes(notes));
    }
}

/// The plan's change log, newest first: every edit with its local time, in the app's language.
fn change_log(ui: &mut egui::Ui, tr: Tr<'_>, plan: &Plan) {
    let title = tr.fill("editor.change_log", &[("count", &plan.change_log.len().to_string())]);
    egui::CollapsingHeader::new(title).id_salt("change_log").show(ui, |ui| {
        if plan.change_log.is_empty() {
            ui.label(tr.t("editor.change_log_empty"));
        }
        for entry in plan.change_log.iter().rev() {
            ui.horizontal_wrapped(|ui| {
                let time = crate::time::local_time(&entry.time, tr.language);
                ui.label(egui::RichText::new(time).small().color(ui.visuals().weak_text_color()));
                ui.label(crate::words::change_entry(tr, &plan.municipality, entry));
            });
        }
    });
}

/// Municipal allocation, whether facilities count under § 168 a, and the joint agreement.
fn letting(ui: &mut egui::Ui, app: &mut WorkshopApp, plan: &Plan) {
    let tr = app.tr();
    ui.label(egui::RichText::new(tr.t("editor.letting")).strong());
    let now = plan.letting.municipal_allocation_share;
    let mut percent = now * 100.0;
    let slider =
        ui.add(super::super::widgets::percent_slider(&mut percent, 1.0, tr).text(tr.t("editor.municipal_allocation")));
    if slider.changed() && (percent / 100.0 - now).abs() > 1e-9 {
        app.session.apply(PlanEdit::MunicipalAllocation(percent / 100.0));
    }
    let mut counts = plan.facilities_count_as_commercial;
    let help = tr.t("share168a.facilities_help");
    if ui.checkbox(&mut counts, tr.t("share168a.facilities")).on_hover_text(help).changed() {
        app.session.apply(PlanEdit::FacilitiesCommercial(counts));
    }
    let year = action_year_for(app.view.year, app.session.plan().span());
    let joint = plan.letting.joint_allocation_from;
    let mut has_joint = joint.is_some();
    ui.checkbox(&mut has_joint, tr.fill("editor.joint_allocation", &[("year", &year.to_string())]));
    if has_joint != joint.is_some() {
        app.session.apply(PlanEdit::JointAllocation(has_joint.then_some(year)));
    }
}

/// Staff and courses per estate from the slider's year, one row per estate.
fn efforts(ui: &mut egui::Ui, app: &mut WorkshopApp, plan: &Plan) {
    let tr = app.tr();
    let year = action_year_for(app.view.year, app.session.plan().span());
    ui.label(egui::RichText::new(tr.fill("editor.efforts_from", &[("year", &year.to_string())])).strong());
    let mut edits = Vec::new();
    egui::Grid::new("efforts_grid").striped(true).show(ui, |ui| {
        ui.label("");
        for effort in EffortKind::ALL {
            ui.label(egui::RichText::new(tr.of("effort_short", effort.key())).small());
        }
        ui.end_row();
        for area in plan.municipality.areas.iter().filter(|a| a.kind == AreaKind::Estate) {
            ui.label(&area.name);
            for effort in EffortKind::ALL {
                let now = plan.effort_count(effort, &area.id, year);
                let mut count = now;
                let hover = format!("{} – {}", area.name, tr.of("effort", effort.key()));
                ui.add(number(&mut count, 0.0..=50.0, 0, tr).speed(0.1)).on_hover_text(hover);
                if count != now {
                    edits.push(PlanEdit::Effort { kind: effort, area: area.id.clone(), year, count: count.round() });
                }
            }
            ui.end_row();
        }
    });
    for edit in edits {
        app.session.apply(edit);
    }
}
