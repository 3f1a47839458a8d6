//! The menu and tool bar: file, edit, view and language menus, undo and redo, the rule set,
//! what colours the map, and the plan's name with whether it has unsaved changes. Menu entries
//! and buttons are commands (`super::commands`).

use super::commands;
use crate::app::Command;
use crate::app::{CentralView, MapIndicator, WorkshopApp};
use crate::i18n::Language;
use crate::model::{PlanEdit, RuleSetId};
use crate::words;

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    egui::Panel::top("top_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            super::files::file_menu(ui, app);
            edit_menu(ui, app);
            view_menu(ui, app);
            language_menu(ui, app);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| plan_title(ui, app));
        });
        ui.horizontal(|ui| tool_bar(ui, app));
        if let Some(error) = app.session.assumption_error() {
            let text = app.tr().fill("notice.assumption_error", &[("error", error)]);
            ui.colored_label(super::palette::LISTED, text);
        }
    });
}

fn plan_title(ui: &mut egui::Ui, app: &WorkshopApp) {
    let tr = app.tr();
    // "Saved" only of a plan whose file holds it: a shipped plan as shipped is unchanged, and
    // a plan made from a table is not saved until it is written.
    let (state, hover) = match (app.session.is_dirty(), app.document.path.is_some()) {
        (true, _) => ("title.unsaved", "title.unsaved_hover"),
        (false, true) => ("title.saved", "title.saved_hover"),
        (false, false) => ("title.shipped", "title.shipped_hover"),
    };
    ui.label(egui::RichText::new(tr.t(state)).italics()).on_hover_text(tr.t(hover));
    // A long name is cut with an ellipsis where the menus begin (the whole name on hover).
    let name = &app.session.plan().name;
    ui.add(egui::Label::new(egui::RichText::new(name).strong()).truncate()).on_hover_text(name);
}

fn edit_menu(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    ui.menu_button(tr.t("menu.edit"), |ui| {
        fitted_menu_ui(ui, |ui| {
            let m = &app.session.plan().municipality;
            let entry = |e, way| shortened(&words::history(tr, m, e, way), MENU_ENTRY_CHARS);
            let undo = app.session.undo_edits().last().map(|e| entry(e, words::History::Undo));
            let redo = app.session.redo_edits().last().map(|e| entry(e, words::History::Redo));
            commands::menu_entry(ui, app, Command::Undo, undo);
            commands::menu_entry(ui, app, Command::Redo, redo);
        });
    });
}

/// The longest a menu entry made from the plan's words gets (a plan name may have 120
/// characters), so that a menu stays narrower than a 1280-pixel screen at 175 % text.
const MENU_ENTRY_CHARS: usize = 60;

/// `text` cut to `chars` characters with "…" where it was longer.
fn shortened(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(chars - 1).collect();
    short.push('…');
    short
}

/// A menu's contents fitted to the screen: at most as tall as the room below the menu's top,
/// scrolling beyond it (entries that can be long, such as what undo takes back, are shortened
/// where they are made). The View menu keeps its settings in submenus, so at the sizes the room uses —
/// 1280×720 and up, presentation mode and 175 % text — no menu needs to scroll.
pub(super) fn fitted_menu_ui<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let screen = ui.ctx().content_rect();
    let top = ui.next_widget_position().y;
    let room = (screen.bottom() - top - super::palette::MENU_MARGIN).max(120.0);
    egui::ScrollArea::vertical().max_height(room).auto_shrink([true, true]).show(ui, add).inner
}

fn view_menu(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    ui.menu_button(tr.t("menu.view"), |ui| {
        fitted_menu_ui(ui, |ui| {
            commands::menu_entry(ui, app, Command::ToggleEditor, None);
            commands::menu_entry(ui, app, Command::ToggleCharts, None);
            ui.separator();
            ui.menu_button(tr.t("toolbar.map_colour"), |ui| {
                fitted_menu_ui(ui, |ui| {
                    for indicator in MapIndicator::ALL {
                        ui.radio_value(&mut app.view.indicator, indicator, tr.of("indicator", indicator.key()));
                    }
                });
            });
            super::room::view_menu_items(ui, app);
        });
    });
}

fn language_menu(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let title = app.tr().t("menu.language").to_owned();
    ui.menu_button(title, |ui| {
        fitted_menu_ui(ui, |ui| {
            for language in Language::ALL {
                ui.radio_value(&mut app.view.language, language, language.native_name());
            }
        });
    });
}

/// A part of the tool bar, kept whole: on the row while the row has room for it, else in the
/// overflow menu at the row's end (a larger text size on a laptop), so the bar stays one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum ToolGroup {
    /// Undo, redo and the rule set (not in presentation mode, which hides what edits).
    PlanTools,
    MapColour,
    /// Map or comparison.
    Views,
    WholeMunicipality,
    Projector,
    Timer,
}

impl ToolGroup {
    const ALL: [Self; 6] =
        [Self::PlanTools, Self::MapColour, Self::Views, Self::WholeMunicipality, Self::Projector, Self::Timer];

    fn shown(self, app: &WorkshopApp) -> bool {
        match self {
            Self::PlanTools => !app.room.presentation,
            Self::WholeMunicipality => Command::WholeMunicipality.enabled(app),
            _ => true,
        }
    }

    fn width_id(self) -> egui::Id {
        egui::Id::unique(("tool_group_width", self))
    }
}

/// Where the overflow menu's width is kept between frames.
fn more_width_id() -> egui::Id {
    egui::Id::unique("tool_more_width")
}

fn tool_bar(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    // Spaced tightly enough for one row on a 1280×720 screen with an area selected.
    ui.spacing_mut().item_spacing.x = 5.0;
    ui.spacing_mut().button_padding.x = 5.0;
    let groups: Vec<ToolGroup> = ToolGroup::ALL.into_iter().filter(|g| g.shown(app)).collect();
    // Each group's width as last laid out on the row (a group not yet seen counts as fitting,
    // and the frame is laid out again once it is measured).
    let widths: Vec<f32> = groups.iter().map(|g| ui.data(|d| d.get_temp(g.width_id())).unwrap_or(0.0)).collect();
    let more_width = ui.data(|d| d.get_temp(more_width_id())).unwrap_or(80.0);
    let on_row = groups_on_row(&widths, more_width, ui.available_width());
    let right_edge = ui.max_rect().right();
    for (i, group) in groups[..on_row].iter().enumerate() {
        let rect = ui
            .horizontal(|ui| {
                if i > 0 {
                    ui.separator();
                }
                tool_group(ui, app, tr, *group);
            })
            .response
            .rect;
        ui.data_mut(|d| d.insert_temp(group.width_id(), rect.width() + ui.spacing().item_spacing.x));
    }
    if on_row < groups.len() {
        ui.separator();
        let more = ui.menu_button(tr.t("toolbar.more"), |ui| {
            fitted_menu_ui(ui, |ui| {
                for group in &groups[on_row..] {
                    ui.horizontal(|ui| tool_group(ui, app, tr, *group));
                }
            });
        });
        let width = more.response.rect.width() + ui.spacing().item_spacing.x * 2.0 + 6.0;
        ui.data_mut(|d| d.insert_temp(more_width_id(), width));
    }
    if ui.min_rect().right() > right_edge + 0.5 && !ui.ctx().will_discard() {
        ui.ctx().request_discard("a tool bar group did not fit its row");
    }
}

/// How many groups, from the left, sit on a row `available` wide: all if they fit, else as many
/// as fit beside the overflow menu.
fn groups_on_row(widths: &[f32], more_width: f32, available: f32) -> usize {
    if widths.iter().sum::<f32>() <= available {
        return widths.len();
    }
    let mut used = more_width;
    widths
        .iter()
        .take_while(|w| {
            used += **w;
            used <= available
        })
        .count()
}

fn tool_group(ui: &mut egui::Ui, app: &mut WorkshopApp, tr: crate::i18n::Tr<'_>, group: ToolGroup) {
    match group {
        ToolGroup::PlanTools => plan_tools(ui, app, tr),
        // The combo box says what it holds; its name is on hover, and the selection's name is
        // in the editor and the charts' titles.
        ToolGroup::MapColour => {
            egui::ComboBox::from_id_salt("map_colour")
                .selected_text(tr.of("indicator", app.view.indicator.key()))
                .show_ui(ui, |ui| {
                    for indicator in MapIndicator::ALL {
                        ui.selectable_value(&mut app.view.indicator, indicator, tr.of("indicator", indicator.key()));
                    }
                })
                .response
                .on_hover_text(tr.t("toolbar.map_colour"));
        }
        ToolGroup::Views => {
            // Tighter than the other groups' buttons: three views beside each other keep the bar
            // one row on a 1280-point screen with an area selected.
            ui.spacing_mut().item_spacing.x = 2.0;
            ui.spacing_mut().button_padding.x = 3.0;
            for (command, view) in [
                (Command::ShowMap, CentralView::Map),
                (Command::ShowCompare, CentralView::Compare),
                (Command::ShowSearch, CentralView::Search),
            ] {
                if ui.selectable_label(app.view.central == view, tr.t(command.label_key())).clicked() {
                    app.queue(command);
                }
            }
        }
        ToolGroup::WholeMunicipality => {
            commands::button(ui, app, Command::WholeMunicipality, tr.t("toolbar.whole_municipality"));
        }
        ToolGroup::Projector => super::room::projector_tools(ui, app),
        ToolGroup::Timer => super::room::timer_tools(ui, app),
    }
}

/// Undo, redo and the rule set: what edits the plan from the tool bar.
fn plan_tools(ui: &mut egui::Ui, app: &mut WorkshopApp, tr: crate::i18n::Tr<'_>) {
    commands::button(ui, app, Command::Undo, tr.t("toolbar.undo"));
    commands::button(ui, app, Command::Redo, tr.t("toolbar.redo"));
    ui.separator();
    let mut rule_set = app.session.plan().rule_set;
    egui::ComboBox::from_id_salt("rule_set")
        .selected_text(tr.of("rules_short", rule_set.key()))
        .show_ui(ui, |ui| {
            for id in RuleSetId::ALL {
                ui.selectable_value(&mut rule_set, id, tr.of("rules", id.key()));
            }
        })
        .response
        .on_hover_text(tr.t("toolbar.rules"));
    if rule_set != app.session.plan().rule_set {
        app.session.apply(PlanEdit::RuleSet(rule_set));
    }
}
