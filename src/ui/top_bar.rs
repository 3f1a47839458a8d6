//! The menu and tool bar: file, edit, view and language menus, undo and redo, the rule set,
//! what colours the map, and the plan's name with whether it has unsaved changes. Also the
//! keyboard shortcuts for undo and redo.

use crate::app::{CentralView, MapIndicator, Selection, WorkshopApp};
use crate::i18n::Language;
use crate::model::RuleSetId;
use egui::{Key, KeyboardShortcut, Modifiers};

const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// Ctrl+Q quits; Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, unless a text field is being
/// typed in (it has its own undo).
pub fn shortcuts(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    if ui.input_mut(|i| i.consume_shortcut(&QUIT)) {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let (redo, undo) = ui.input_mut(|i| {
        let redo = i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y);
        (redo, i.consume_shortcut(&UNDO))
    });
    if redo {
        redo_edit(app);
    } else if undo {
        undo_edit(app);
    }
}

fn undo_edit(app: &mut WorkshopApp) {
    let prefix = app.tr().t("edit.undone").to_owned();
    app.session.undo(&prefix);
}

fn redo_edit(app: &mut WorkshopApp) {
    let prefix = app.tr().t("edit.redone").to_owned();
    app.session.redo(&prefix);
}

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    egui::Panel::top("top_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            super::files::file_menu(ui, app);
            edit_menu(ui, app);
            view_menu(ui, app);
            language_menu(ui, app);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| plan_title(ui, app));
        });
        ui.horizontal_wrapped(|ui| tool_bar(ui, app));
        if let Some(error) = app.session.assumption_error() {
            let text = app.tr().fill("notice.assumption_error", &[("error", error)]);
            ui.colored_label(super::palette::LISTED, text);
        }
    });
}

fn plan_title(ui: &mut egui::Ui, app: &WorkshopApp) {
    let tr = app.tr();
    let state = if app.session.is_dirty() { tr.t("title.unsaved") } else { tr.t("title.saved") };
    ui.label(egui::RichText::new(state).italics());
    ui.strong(&app.session.plan().name);
}

fn edit_menu(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    let (mut undo, mut redo) = (false, false);
    ui.menu_button(tr.t("menu.edit"), |ui| {
        let undo_label = app
            .session
            .undo_labels()
            .last()
            .map_or_else(|| tr.t("menu.undo").to_owned(), |l| format!("{}: {l}", tr.t("menu.undo")));
        undo = ui.add_enabled(app.session.can_undo(), egui::Button::new(undo_label).shortcut_text("Ctrl+Z")).clicked();
        let redo_label = app
            .session
            .redo_labels()
            .last()
            .map_or_else(|| tr.t("menu.redo").to_owned(), |l| format!("{}: {l}", tr.t("menu.redo")));
        redo = ui
            .add_enabled(app.session.can_redo(), egui::Button::new(redo_label).shortcut_text("Ctrl+Shift+Z"))
            .clicked();
    });
    if undo {
        undo_edit(app);
    }
    if redo {
        redo_edit(app);
    }
}

fn view_menu(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    ui.menu_button(tr.t("menu.view"), |ui| {
        let view = &mut app.view;
        ui.checkbox(&mut view.show_editor, tr.t("menu.show_editor"));
        ui.checkbox(&mut view.show_charts, tr.t("menu.show_charts"));
        ui.separator();
        ui.label(tr.t("toolbar.map_colour"));
        for indicator in MapIndicator::ALL {
            ui.radio_value(&mut view.indicator, indicator, tr.of("indicator", indicator.key()));
        }
        super::room::view_menu_items(ui, app);
    });
}

fn language_menu(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let title = app.tr().t("menu.language").to_owned();
    ui.menu_button(title, |ui| {
        for language in Language::ALL {
            ui.radio_value(&mut app.view.language, language, language.native_name());
        }
    });
}

fn tool_bar(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    if ui.add_enabled(app.session.can_undo(), egui::Button::new(tr.t("toolbar.undo"))).clicked() {
        undo_edit(app);
    }
    if ui.add_enabled(app.session.can_redo(), egui::Button::new(tr.t("toolbar.redo"))).clicked() {
        redo_edit(app);
    }
    ui.separator();
    let mut rule_set = app.session.plan().rule_set;
    egui::ComboBox::from_label(tr.t("toolbar.rules")).selected_text(tr.of("rules", rule_set.key())).show_ui(ui, |ui| {
        for id in RuleSetId::ALL {
            ui.selectable_value(&mut rule_set, id, tr.of("rules", id.key()));
        }
    });
    if rule_set != app.session.plan().rule_set {
        let label = tr.fill("change.rule_set", &[("rules", &tr.of("rules", rule_set.key()))]);
        app.session.edit(label, None, |plan| plan.rule_set = rule_set);
    }
    ui.separator();
    egui::ComboBox::from_label(tr.t("toolbar.map_colour"))
        .selected_text(tr.of("indicator", app.view.indicator.key()))
        .show_ui(ui, |ui| {
            for indicator in MapIndicator::ALL {
                ui.selectable_value(&mut app.view.indicator, indicator, tr.of("indicator", indicator.key()));
            }
        });
    ui.separator();
    ui.selectable_value(&mut app.view.central, CentralView::Map, tr.t("toolbar.map"));
    ui.selectable_value(&mut app.view.central, CentralView::Compare, tr.t("toolbar.compare"));
    ui.separator();
    let selected = match &app.view.selection {
        Selection::Municipality => app.session.plan().municipality.name.clone(),
        Selection::District(id) => {
            app.session.plan().municipality.district(id).map(|d| d.name.clone()).unwrap_or_default()
        }
        Selection::Area(id) => app.session.plan().municipality.area(id).map(|a| a.name.clone()).unwrap_or_default(),
    };
    ui.label(tr.fill("toolbar.selected", &[("name", &selected)]));
    if app.view.selection != Selection::Municipality && ui.button(tr.t("toolbar.whole_municipality")).clicked() {
        app.view.selection = Selection::Municipality;
    }
    ui.separator();
    super::room::tool_bar(ui, app);
}
