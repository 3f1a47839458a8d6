//! Files on screen: the File menu, files dropped on the window, the window's close button, the
//! autosave tick, and the app's own dialogs — save/discard/cancel, "save as", restore after a
//! crash, messages — and the variants browser.

use super::commands;
use crate::app::Command;
use crate::app::document::{AUTOSAVE_SECONDS, MAX_PINNED};
use crate::app::{Dialog, Pending, WorkshopApp};
use crate::assets;
use crate::i18n::Tr;
use std::path::PathBuf;

/// Dropped files, the close button and autosave: everything the frame must check.
pub fn each_frame(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let dropped: Option<PathBuf> = ui.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_owned()));
    if let Some(path) = dropped {
        app.request(Pending::Open(path));
    }
    if ui.input(|i| i.viewport().close_requested()) && !app.document.quitting {
        if app.session.is_dirty() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
            app.request(Pending::Quit);
        } else {
            app.document.autosave.clear();
        }
    }
    if app.document.quitting {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
    let now = ui.input(|i| i.time);
    app.autosave(now, AUTOSAVE_SECONDS);
    if let Some(due) = app.autosave_due_in(now) {
        ui.ctx().request_repaint_after(std::time::Duration::from_secs_f64(due + 0.05));
    }
}

pub fn file_menu(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    let mut chosen: Option<Pending> = None;
    // The ways to a new plan and the exports in submenus, so the menu fits a laptop in
    // presentation mode at the largest text size.
    ui.menu_button(tr.t("menu.file"), |ui| {
        super::top_bar::fitted_menu_ui(ui, |ui| {
            ui.menu_button(tr.t("menu.new"), |ui| {
                super::top_bar::fitted_menu_ui(ui, |ui| {
                    commands::menu_entry(ui, app, Command::New, None);
                    for shipped in &assets::SHIPPED_PLANS {
                        let label = tr.fill("menu.new_from_shipped", &[("name", &tr.of("shipped", shipped.file_name))]);
                        if ui.button(label).clicked()
                            && let Ok(plan) = assets::shipped_plan(shipped.file_name)
                        {
                            chosen = Some(Pending::New(Box::new(plan)));
                        }
                    }
                    commands::menu_entry(ui, app, Command::NewMunicipality, None);
                });
            });
            commands::menu_entry(ui, app, Command::Open, None);
            commands::menu_entry(ui, app, Command::Variants, None);
            ui.menu_button(tr.t("menu.recent"), |ui| {
                super::top_bar::fitted_menu_ui(ui, |ui| {
                    if app.document.recent.is_empty() {
                        ui.label(tr.t("menu.no_recent"));
                    }
                    for path in &app.document.recent {
                        // The file's name and its folder's, whole on hover.
                        if ui.button(recent_name(path)).on_hover_text(path.display().to_string()).clicked() {
                            chosen = Some(Pending::Open(path.clone()));
                        }
                    }
                });
            });
            ui.separator();
            commands::menu_entry(ui, app, Command::Save, None);
            commands::menu_entry(ui, app, Command::SaveAs, None);
            ui.menu_button(tr.t("menu.export"), |ui| {
                super::top_bar::fitted_menu_ui(ui, |ui| {
                    for command in [Command::ExportReport, Command::ExportWindow, Command::ExportCsv] {
                        commands::menu_entry(ui, app, command, None);
                    }
                });
            });
            ui.separator();
            commands::menu_entry(ui, app, Command::Quit, None);
        });
    });
    if let Some(pending) = chosen {
        app.request(pending);
    }
}

/// A recent file as the menu names it: "gruppe-3.ron (saves)", short enough for any screen.
fn recent_name(path: &std::path::Path) -> String {
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match path.parent().and_then(|p| p.file_name()) {
        Some(folder) => format!("{file} ({})", folder.to_string_lossy()),
        None => file,
    }
}

/// The dialog the app is showing, if any.
pub fn dialogs(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    if app.document.dialog.is_none() {
        app.document.dialog = app.document.queued.pop_front();
    }
    let Some(dialog) = app.document.dialog.clone() else { return };
    let tr = app.tr();
    let ctx = ui.ctx().clone();
    match dialog {
        Dialog::Unsaved(pending) => unsaved_prompt(&ctx, app, tr, pending),
        Dialog::SaveAs { name, author, then } => save_as_box(&ctx, app, tr, (name, author), then),
        Dialog::Restore(recovery) => {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("restore")).show(&ctx, |ui| {
                ui.heading(tr.t("files.restore_title"));
                ui.label(tr.fill(
                    "files.restore_text",
                    &[
                        ("name", &recovery.plan.name),
                        ("time", &crate::time::local_time(&recovery.saved_at, tr.language)),
                    ],
                ));
                ui.horizontal(|ui| {
                    if ui.button(tr.t("files.restore")).clicked() {
                        choice = Some(true);
                    }
                    if ui.button(tr.t("files.discard_recovery")).clicked() {
                        choice = Some(false);
                    }
                });
            });
            match choice {
                Some(true) => {
                    app.document.dialog = None;
                    app.restore(*recovery);
                }
                Some(false) => {
                    app.document.dialog = None;
                    app.document.autosave.clear();
                }
                None => {}
            }
        }
        Dialog::Message(message) => {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("message")).show(&ctx, |ui| {
                ui.set_max_width(520.0);
                ui.label(&message);
                close = ui.button(tr.t("notice.ok")).clicked();
            });
            if close {
                app.document.dialog = None;
            }
        }
        Dialog::Exported(path) => exported(&ctx, app, &path),
        Dialog::Browser { notice } => super::variants::browser(&ctx, app, notice.as_deref()),
        Dialog::Rename { path, name } => super::variants::rename_box(&ctx, app, path, name),
        Dialog::NewMunicipality(form) => super::map_import::dialog(&ctx, app, form),
        Dialog::Imported(report) => super::map_import::imported_box(&ctx, app, &report),
    }
}

/// Where an export went, with the file and its folder one click away (a report opens in the
/// browser, the folder in the file manager).
fn exported(ctx: &egui::Context, app: &mut WorkshopApp, path: &std::path::Path) {
    let tr = app.tr();
    let mut open = None;
    let mut close = false;
    egui::Modal::new(egui::Id::unique("exported")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.label(tr.fill("export.done", &[("path", &path.display().to_string())]));
        ui.horizontal(|ui| {
            if ui.button(tr.t("export.open_file")).clicked() {
                open = Some(path.to_owned());
            }
            if let Some(folder) = path.parent()
                && ui.button(tr.t("export.open_folder")).clicked()
            {
                open = Some(folder.to_owned());
            }
            close = ui.button(tr.t("notice.ok")).clicked();
        });
    });
    if let Some(target) = open {
        app.document.dialog = None;
        app.open_with_system(&target);
    } else if close {
        app.document.dialog = None;
    }
}

fn unsaved_prompt(ctx: &egui::Context, app: &mut WorkshopApp, tr: Tr<'_>, pending: Pending) {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
        ui.heading(tr.t("files.unsaved_title"));
        ui.label(tr.fill("files.unsaved_text", &[("name", &app.session.plan().name)]));
        ui.horizontal(|ui| {
            if ui.button(tr.t("files.save")).clicked() {
                choice = Some(0);
            }
            if ui.button(tr.t("files.discard")).clicked() {
                choice = Some(1);
            }
            if ui.button(tr.t("files.cancel")).clicked() {
                choice = Some(2);
            }
        });
    });
    match choice {
        Some(0) => {
            app.document.dialog = None;
            if app.document.path.is_some() {
                if app.save() {
                    app.perform(pending);
                }
            } else {
                app.save_as(Some(pending));
            }
        }
        Some(1) => {
            app.document.dialog = None;
            app.document.autosave.clear();
            app.perform(pending);
        }
        Some(_) => app.document.dialog = None,
        None => {}
    }
}

fn save_as_box(
    ctx: &egui::Context,
    app: &mut WorkshopApp,
    tr: Tr<'_>,
    (mut name, mut author): (String, String),
    then: Option<Pending>,
) {
    let mut choice = None;
    let system = app.document.dialogs == crate::app::FileDialogs::System;
    egui::Modal::new(egui::Id::unique("save_as")).show(ctx, |ui| {
        ui.heading(tr.t("files.save_as_title"));
        if system {
            ui.label(tr.t("files.save_as_then_system"));
        } else {
            ui.label(tr.fill("files.save_as_where", &[("folder", &app.workspace.saves_dir.display().to_string())]));
        }
        egui::Grid::new("save_as_fields").num_columns(2).show(ui, |ui| {
            ui.label(tr.t("files.variant_name"));
            ui.text_edit_singleline(&mut name).on_hover_text(tr.t("files.variant_name"));
            ui.end_row();
            ui.label(tr.t("files.variant_author"));
            ui.text_edit_singleline(&mut author).on_hover_text(tr.t("files.variant_author"));
            ui.end_row();
        });
        ui.horizontal(|ui| {
            if ui.add_enabled(!name.trim().is_empty(), egui::Button::new(tr.t("files.save"))).clicked() {
                choice = Some(true);
            }
            if ui.button(tr.t("files.cancel")).clicked() {
                choice = Some(false);
            }
        });
    });
    match choice {
        Some(true) => {
            app.document.dialog = None;
            app.save_as_named(&name, &author, then);
        }
        Some(false) => app.document.dialog = None,
        None => app.document.dialog = Some(Dialog::SaveAs { name, author, then }),
    }
}

/// How many more variants can be pinned.
pub fn pins_left(app: &WorkshopApp) -> usize {
    MAX_PINNED.saturating_sub(app.document.pinned.len())
}
