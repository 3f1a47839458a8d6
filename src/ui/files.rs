//! Files on screen: the File menu and its shortcuts (Ctrl+N/O/S/Shift+S), files dropped on the
//! window, the window's close button, the autosave tick, and the dialogs — save/discard/cancel,
//! the app's own "save as", restore after a crash, messages — and the variants browser.

use crate::app::document::{AUTOSAVE_SECONDS, MAX_PINNED};
use crate::app::{Dialog, Pending, WorkshopApp};
use crate::assets;
use crate::i18n::Tr;
use crate::model::Plan;
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);

/// A new plan from the 2016 starting point: the baseline's municipality, no actions.
fn plan_from_2016(app: &WorkshopApp) -> Plan {
    let mut plan = app.session.baseline().clone();
    plan.actions.clear();
    plan.efforts.clear();
    plan.change_log.clear();
    app.tr().t("plan.new_name").clone_into(&mut plan.name);
    plan.author.clear();
    plan.notes.clear();
    plan
}

/// Shortcuts, dropped files, the close button and autosave: everything the frame must check.
pub fn each_frame(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let (new, open, save_as, save) = ui.input_mut(|i| {
        let save_as = i.consume_shortcut(&SAVE_AS);
        (i.consume_shortcut(&NEW), i.consume_shortcut(&OPEN), save_as, i.consume_shortcut(&SAVE))
    });
    if new {
        let plan = plan_from_2016(app);
        app.request(Pending::New(Box::new(plan)));
    }
    if open {
        app.request_open_dialog();
    }
    if save_as {
        app.save_as(None);
    } else if save {
        app.save();
    }
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

impl WorkshopApp {
    /// "Open…" asks about unsaved changes before any dialog is shown.
    fn request_open_dialog(&mut self) {
        self.request(Pending::OpenDialog);
    }
}

pub fn file_menu(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    let mut chosen: Option<Pending> = None;
    let (mut open, mut save, mut save_as, mut browser, mut quit) = (false, false, false, false, false);
    ui.menu_button(tr.t("menu.file"), |ui| {
        if ui.add(egui::Button::new(tr.t("menu.new_from_2016")).shortcut_text("Ctrl+N")).clicked() {
            chosen = Some(Pending::New(Box::new(plan_from_2016(app))));
        }
        for shipped in &assets::SHIPPED_PLANS {
            let label = tr.fill("menu.new_from_shipped", &[("name", &tr.of("shipped", shipped.file_name))]);
            if ui.button(label).clicked()
                && let Ok(plan) = assets::shipped_plan(shipped.file_name)
            {
                chosen = Some(Pending::New(Box::new(plan)));
            }
        }
        if ui.button(tr.t("menu.new_municipality")).clicked() {
            super::map_import::open(app);
        }
        ui.separator();
        open = ui.add(egui::Button::new(tr.t("menu.open")).shortcut_text("Ctrl+O")).clicked();
        browser = ui.button(tr.t("menu.variants")).clicked();
        ui.menu_button(tr.t("menu.recent"), |ui| {
            if app.document.recent.is_empty() {
                ui.label(tr.t("menu.no_recent"));
            }
            for path in &app.document.recent {
                if ui.button(path.display().to_string()).clicked() {
                    chosen = Some(Pending::Open(path.clone()));
                }
            }
        });
        ui.separator();
        save = ui.add(egui::Button::new(tr.t("menu.save")).shortcut_text("Ctrl+S")).clicked();
        save_as = ui.add(egui::Button::new(tr.t("menu.save_as")).shortcut_text("Ctrl+Shift+S")).clicked();
        ui.separator();
        if ui.button(tr.t("export.window_png")).clicked() {
            super::export::request_png(ui.ctx(), app, "vindue", None);
            ui.close();
        }
        if ui.button(tr.t("export.csv")).clicked() {
            super::export::export_csv(app);
        }
        if ui.button(tr.t("export.report")).clicked() {
            super::export::export_report(app);
        }
        ui.separator();
        quit = ui.add(egui::Button::new(tr.t("menu.quit")).shortcut_text("Ctrl+Q")).clicked();
    });
    if let Some(pending) = chosen {
        app.request(pending);
    }
    if open {
        app.request_open_dialog();
    }
    if browser {
        app.document.dialog = Some(Dialog::Browser { notice: None });
    }
    if save {
        app.save();
    }
    if save_as {
        app.save_as(None);
    }
    if quit {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
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
        Dialog::SaveAs { name, then } => save_as_box(&ctx, app, tr, name, then),
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
        Dialog::Browser { notice } => super::variants::browser(&ctx, app, notice.as_deref()),
        Dialog::Rename { path, name } => super::variants::rename_box(&ctx, app, path, name),
        Dialog::NewMunicipality(form) => super::map_import::dialog(&ctx, app, form),
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

fn save_as_box(ctx: &egui::Context, app: &mut WorkshopApp, tr: Tr<'_>, mut name: String, then: Option<Pending>) {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("save_as")).show(ctx, |ui| {
        ui.heading(tr.t("files.save_as_title"));
        ui.label(tr.fill("files.save_as_where", &[("folder", &app.workspace.saves_dir.display().to_string())]));
        ui.horizontal(|ui| {
            ui.label(tr.t("files.variant_name"));
            ui.text_edit_singleline(&mut name).on_hover_text(tr.t("files.variant_name"));
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
            app.save_as_variant(&name, then);
        }
        Some(false) => app.document.dialog = None,
        None => app.document.dialog = Some(Dialog::SaveAs { name, then }),
    }
}

/// How many more variants can be pinned.
pub fn pins_left(app: &WorkshopApp) -> usize {
    MAX_PINNED.saturating_sub(app.document.pinned.len())
}
