//! Commands on screen: the one place that reads keyboard shortcuts, the keys of every
//! [`Command`], menu entries built from commands (text, shortcut, greyed when disabled, a check
//! mark for switches), and running the commands queued during a frame once it is drawn.

use crate::app::{Command, WindowRequest, WorkshopApp};
use egui::{Key, KeyboardShortcut, Modifiers};

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// The keys of a command, the first shown in menus.
pub fn shortcuts(command: Command) -> &'static [KeyboardShortcut] {
    match command {
        Command::New => const { &[key(CTRL, Key::N)] },
        Command::Open => const { &[key(CTRL, Key::O)] },
        Command::Save => const { &[key(CTRL, Key::S)] },
        Command::SaveAs => const { &[key(CTRL_SHIFT, Key::S)] },
        Command::Quit => const { &[key(CTRL, Key::Q)] },
        Command::Undo => const { &[key(CTRL, Key::Z)] },
        Command::Redo => const { &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)] },
        Command::Presentation => const { &[key(Modifiers::NONE, Key::F11)] },
        Command::LeavePresentation => const { &[key(Modifiers::NONE, Key::Escape)] },
        Command::ToggleProjector => const { &[key(Modifiers::NONE, Key::F5)] },
        Command::Help => const { &[key(Modifiers::NONE, Key::F1)] },
        _ => &[],
    }
}

/// The shortcut as the menus and the help write it ("Ctrl+Shift+Z").
pub fn shortcut_text(ctx: &egui::Context, command: Command) -> Option<String> {
    shortcuts(command).first().map(|s| ctx.format_shortcut(s))
}

/// Reads this frame's shortcuts and queues their commands. Only enabled commands take their
/// key, so Esc closes an open menu (even in presentation mode, which the next Esc leaves); while a text field has
/// the keyboard, Ctrl+Z and friends stay the text field's. Shortcuts with more modifiers are
/// tried first (Ctrl+Shift+Z before Ctrl+Z, which egui would otherwise also match).
pub fn read_shortcuts(ctx: &egui::Context, app: &mut WorkshopApp) {
    let typing = ctx.egui_wants_keyboard_input();
    // An open menu takes Esc first, in presentation mode too: it closes the menu, and the next
    // Esc leaves presentation mode.
    let menu_open = egui::Popup::is_any_open(ctx);
    let mut keys: Vec<(Command, &KeyboardShortcut)> = Command::ALL
        .into_iter()
        .filter(|c| c.enabled(app) && (!typing || c.while_typing()))
        .filter(|c| !(menu_open && *c == Command::LeavePresentation))
        .flat_map(|c| shortcuts(c).iter().map(move |s| (c, s)))
        .collect();
    keys.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
    let pressed: Vec<Command> =
        ctx.input_mut(|i| keys.iter().filter(|(_, s)| i.consume_shortcut(s)).map(|(c, _)| *c).collect());
    for command in pressed {
        app.queue(command);
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.command || m.ctrl || m.mac_cmd)
}

/// A menu entry for a command: its text (or `text` instead), its shortcut, greyed when it
/// cannot be used, with a check mark when it is a switch that is on. Clicking queues it.
pub fn menu_entry(ui: &mut egui::Ui, app: &mut WorkshopApp, command: Command, text: Option<String>) {
    let text = text.unwrap_or_else(|| app.tr().t(command.label_key()).to_owned());
    let mut button = match command.checked(app) {
        Some(on) => egui::Button::selectable(on, text),
        None => egui::Button::new(text),
    };
    if let Some(keys) = shortcut_text(ui.ctx(), command) {
        button = button.shortcut_text(keys);
    }
    if ui.add_enabled(command.enabled(app), button).clicked() {
        app.queue(command);
        ui.close();
    }
}

/// A tool-bar button for a command (no shortcut text; the key is in the tool tip).
pub fn button(ui: &mut egui::Ui, app: &mut WorkshopApp, command: Command, text: &str) -> egui::Response {
    let mut response = ui.add_enabled(command.enabled(app), egui::Button::new(text));
    if let Some(keys) = shortcut_text(ui.ctx(), command) {
        response = response.on_hover_text(keys);
    }
    if response.clicked() {
        app.queue(command);
    }
    response
}

/// Runs the commands queued during the frame and carries out what they ask of the window.
pub fn run_queued(ctx: &egui::Context, app: &mut WorkshopApp) {
    for command in app.take_queued() {
        match app.run(command) {
            Some(WindowRequest::Close) => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Some(WindowRequest::Fullscreen(on)) => ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on)),
            Some(WindowRequest::Screenshot) => super::export::request_png(ctx, app, "vindue", None),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_key() {
        let mut seen: Vec<(KeyboardShortcut, Command)> = Vec::new();
        for command in Command::ALL {
            for shortcut in shortcuts(command) {
                if let Some((_, other)) = seen.iter().find(|(s, _)| s == shortcut) {
                    panic!("{command:?} and {other:?} both use {shortcut:?}");
                }
                seen.push((*shortcut, command));
            }
        }
        assert!(seen.len() >= 11, "the documented shortcuts are all there");
    }
}
