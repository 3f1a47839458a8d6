//! The variants browser: every plan in the saves folder, among the recent files and shipped
//! with the program, with its name, group or author, date, notes and balance score in 2025 and
//! 2040. One click opens a variant or pins it for comparison; variants can be renamed, and the
//! open plan saved as a new variant.

use super::files::pins_left;
use super::folder_browser::{FileWords, browser_ui};
use crate::app::document::VariantRow;
use crate::app::{CentralView, Dialog, Pending, WorkshopApp};
use crate::i18n::Tr;
use std::path::PathBuf;

pub fn browser(ctx: &egui::Context, app: &mut WorkshopApp, notice: Option<&str>) {
    let tr = app.tr();
    if app.document.browser_rows.is_none() {
        app.document.browser_rows = Some(app.variant_rows());
    }
    let rows = app.document.browser_rows.clone().unwrap_or_default();
    let mut open = true;
    let mut action: Option<RowAction> = None;
    egui::Window::new(tr.t("variants.title"))
        .id(egui::Id::unique("variants_browser"))
        .open(&mut open)
        .collapsible(false)
        .default_size([900.0, 480.0])
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            if let Some(notice) = notice {
                ui.colored_label(super::palette::LISTED, notice);
            }
            ui.label(tr.fill("variants.folder", &[("folder", &app.workspace.saves_dir.display().to_string())]));
            ui.horizontal(|ui| {
                if ui.button(tr.t("variants.save_current")).clicked() {
                    action = Some(RowAction::SaveCurrent);
                }
                if ui.button(tr.t("variants.refresh")).clicked() {
                    action = Some(RowAction::Refresh);
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(ui.available_height() * 0.6)
                .show(ui, |ui| table(ui, tr, &rows, pins_left(app), &mut action));
            ui.separator();
            // Without a system file dialog this is the way to a plan on a USB stick or a share.
            egui::CollapsingHeader::new(tr.t("folders.title"))
                .default_open(notice.is_some())
                .show(ui, |ui| folders(ui, app, tr, &mut action));
        });
    if !open {
        app.document.dialog = None;
        app.document.browser_rows = None;
        app.document.folder_places = None;
    }
    if let Some(action) = action {
        act(app, action);
    }
}

#[derive(Clone)]
enum RowAction {
    /// A plan file found by browsing folders.
    OpenFile(PathBuf),
    Open(usize),
    Pin(usize),
    Rename(usize),
    SaveCurrent,
    Refresh,
}

fn table(ui: &mut egui::Ui, tr: Tr<'_>, rows: &[VariantRow], pins_left: usize, action: &mut Option<RowAction>) {
    egui::Grid::new("variants_table").striped(true).spacing([14.0, 6.0]).show(ui, |ui| {
        for header in
            ["variants.name", "variants.author", "variants.date", "variants.score_2025", "variants.score_2040", ""]
        {
            if header.is_empty() {
                ui.label("");
            } else {
                ui.strong(tr.t(header));
            }
        }
        ui.end_row();
        for (i, row) in rows.iter().enumerate() {
            let name = ui.label(egui::RichText::new(&row.name).strong());
            if !row.notes.is_empty() {
                name.on_hover_text(tr.shipped(&row.notes));
            }
            ui.label(&row.author);
            ui.label(match (&row.path, &row.modified) {
                (None, _) => tr.t("variants.shipped").to_owned(),
                (Some(_), Some(date)) => crate::time::local_time(date, tr.language),
                (Some(_), None) => String::new(),
            });
            match &row.scores {
                Ok((s2025, s2040)) => {
                    ui.label(tr.num(*s2025, 1));
                    ui.label(tr.num(*s2040, 1));
                }
                Err(error) => {
                    ui.colored_label(super::palette::LISTED, tr.t("variants.cannot_open")).on_hover_text(error);
                    ui.label("");
                }
            }
            ui.horizontal(|ui| {
                let usable = row.scores.is_ok();
                if ui.add_enabled(usable, egui::Button::new(tr.t("variants.open"))).on_hover_text(&row.name).clicked() {
                    *action = Some(RowAction::Open(i));
                }
                let can_pin = usable && pins_left > 0;
                if ui.add_enabled(can_pin, egui::Button::new(tr.t("variants.pin"))).on_hover_text(&row.name).clicked() {
                    *action = Some(RowAction::Pin(i));
                }
                if row.path.is_some() && ui.button(tr.t("variants.rename")).on_hover_text(&row.name).clicked() {
                    *action = Some(RowAction::Rename(i));
                }
            });
            ui.end_row();
        }
    });
}

fn act(app: &mut WorkshopApp, action: RowAction) {
    let rows = app.document.browser_rows.clone().unwrap_or_default();
    match action {
        RowAction::OpenFile(path) => {
            app.document.dialog = None;
            app.document.browser_rows = None;
            app.request(Pending::Open(path));
        }
        RowAction::Open(i) => {
            let Some(row) = rows.get(i) else { return };
            app.document.dialog = None;
            app.document.browser_rows = None;
            match (&row.path, &row.plan) {
                (Some(path), _) => app.request(Pending::Open(path.clone())),
                (None, Some(plan)) => app.request(Pending::New(Box::new(plan.clone()))),
                (None, None) => {}
            }
        }
        RowAction::Pin(i) => {
            if let Some(VariantRow { name, plan: Some(plan), path, .. }) = rows.get(i) {
                app.pin(name.clone(), std::sync::Arc::new(plan.clone()), path.clone());
                app.view.central = CentralView::Compare;
            }
        }
        RowAction::Rename(i) => {
            if let Some(VariantRow { path: Some(path), name, .. }) = rows.get(i) {
                app.document.dialog = Some(Dialog::Rename { path: path.clone(), name: name.clone() });
            }
        }
        RowAction::SaveCurrent => {
            app.document.browser_rows = None;
            app.save_as(None);
        }
        RowAction::Refresh => app.document.browser_rows = None,
    }
}

pub fn rename_box(ctx: &egui::Context, app: &mut WorkshopApp, path: PathBuf, mut name: String) {
    let tr = app.tr();
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("rename")).show(ctx, |ui| {
        ui.heading(tr.t("variants.rename_title"));
        ui.label(path.display().to_string());
        ui.text_edit_singleline(&mut name).on_hover_text(tr.t("files.variant_name"));
        ui.horizontal(|ui| {
            if ui.add_enabled(!name.trim().is_empty(), egui::Button::new(tr.t("variants.rename"))).clicked() {
                choice = Some(true);
            }
            if ui.button(tr.t("files.cancel")).clicked() {
                choice = Some(false);
            }
        });
    });
    match choice {
        Some(true) => match app.rename_variant(&path, &name) {
            Ok(_) => app.document.dialog = Some(Dialog::Browser { notice: None }),
            Err(e) => app.document.dialog = Some(Dialog::Message(tr.fill("files.save_failed", &[("error", &e)]))),
        },
        Some(false) => app.document.dialog = Some(Dialog::Browser { notice: None }),
        None => app.document.dialog = Some(Dialog::Rename { path, name }),
    }
}

/// Any folder or drive: where to start, the folder's path (typed or clicked), its subfolders
/// and its plan files; a plan file opens with one click.
fn folders(ui: &mut egui::Ui, app: &mut WorkshopApp, tr: Tr<'_>, action: &mut Option<RowAction>) {
    let words = FileWords { file: "folders.plan", hover: "folders.open_plan", empty: "folders.empty" };
    let document = &mut app.document;
    if let Some(plan) = browser_ui(ui, tr, &mut document.browsing, &mut document.folder_places, &words) {
        *action = Some(RowAction::OpenFile(plan));
    }
}
