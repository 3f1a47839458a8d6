//! Everything the app can be told to do from a menu, a tool-bar button or a key, as one enum:
//! [`Command`], with the text it is shown with and when it can be used. The UI queues commands
//! while it draws ([`WorkshopApp::queue`]); they run after the frame ([`WorkshopApp::run`]), so
//! no panel changes state under another panel's feet. What only the window can do (close,
//! full screen, a screenshot) comes back as a [`WindowRequest`] for the UI to carry out.
//!
//! The keys that trigger each command live with the UI (`ui::commands`), the one place that
//! reads shortcuts.

use super::{CentralView, Dialog, Pending, WorkshopApp};

/// A thing to do, from a menu, a button or a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// A new plan from the 2016 starting point.
    New,
    Open,
    /// The variants browser: saved plans, recent files and the shipped plans, with scores.
    Variants,
    Save,
    SaveAs,
    /// A new plan from a municipality's own table of areas.
    NewMunicipality,
    ExportWindow,
    ExportCsv,
    ExportReport,
    Quit,
    Undo,
    Redo,
    ToggleEditor,
    ToggleCharts,
    ShowMap,
    ShowCompare,
    /// *Hvad skal der til?*: the search for plans that meet the room's goals.
    ShowSearch,
    /// Full screen, large text, nothing that edits.
    Presentation,
    LeavePresentation,
    ToggleProjector,
    /// Hold the projector on what it shows now.
    Freeze,
    /// Show the room the plan as it is now, with the change since the freeze.
    Reveal,
    /// Take the reveal's words off the projector.
    ClearReveal,
    Help,
    PlayPause,
    /// Select the whole municipality.
    WholeMunicipality,
}

impl Command {
    pub const ALL: [Self; 26] = [
        Self::New,
        Self::Open,
        Self::Variants,
        Self::Save,
        Self::SaveAs,
        Self::NewMunicipality,
        Self::ExportWindow,
        Self::ExportCsv,
        Self::ExportReport,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::ToggleEditor,
        Self::ToggleCharts,
        Self::ShowMap,
        Self::ShowCompare,
        Self::ShowSearch,
        Self::Presentation,
        Self::LeavePresentation,
        Self::ToggleProjector,
        Self::Freeze,
        Self::Reveal,
        Self::ClearReveal,
        Self::Help,
        Self::PlayPause,
        Self::WholeMunicipality,
    ];

    /// The key of the command's text in the translations.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::New => "menu.new_from_2016",
            Self::Open => "menu.open",
            Self::Variants => "menu.variants",
            Self::Save => "menu.save",
            Self::SaveAs => "menu.save_as",
            Self::NewMunicipality => "menu.new_municipality",
            Self::ExportWindow => "export.window_png",
            Self::ExportCsv => "export.csv",
            Self::ExportReport => "export.report",
            Self::Quit => "menu.quit",
            Self::Undo => "menu.undo",
            Self::Redo => "menu.redo",
            Self::ToggleEditor => "menu.show_editor",
            Self::ToggleCharts => "menu.show_charts",
            Self::ShowMap => "toolbar.map",
            Self::ShowCompare => "toolbar.compare",
            Self::ShowSearch => "toolbar.search",
            Self::Presentation => "room.presentation",
            Self::LeavePresentation => "help.leave_presentation",
            Self::ToggleProjector => "projector.open",
            Self::Freeze => "projector.freeze",
            Self::Reveal => "projector.reveal",
            Self::ClearReveal => "projector.clear",
            Self::Help => "help.open",
            Self::PlayPause => "timeline.play",
            Self::WholeMunicipality => "toolbar.whole_municipality",
        }
    }

    /// Whether the command can be used now; a disabled one is greyed in menus and its key does
    /// nothing (so Esc reaches an open menu unless presentation mode is on).
    pub fn enabled(self, app: &WorkshopApp) -> bool {
        match self {
            Self::Undo => app.session.can_undo(),
            Self::Redo => app.session.can_redo(),
            Self::LeavePresentation => app.room.presentation,
            Self::Freeze => app.room.projector.open && app.room.projector.frozen.is_none(),
            Self::Reveal => app.room.projector.frozen.is_some(),
            Self::ClearReveal => app.room.projector.revealed.is_some(),
            Self::WholeMunicipality => app.view.selection != super::Selection::Municipality,
            _ => true,
        }
    }

    /// Whether the command is a switch that is on now (a check mark in menus).
    pub fn checked(self, app: &WorkshopApp) -> Option<bool> {
        match self {
            Self::ToggleEditor => Some(app.view.show_editor),
            Self::ToggleCharts => Some(app.view.show_charts),
            Self::Presentation => Some(app.room.presentation),
            Self::ToggleProjector => Some(app.room.projector.open),
            Self::ShowMap => Some(app.view.central == CentralView::Map),
            Self::ShowCompare => Some(app.view.central == CentralView::Compare),
            Self::ShowSearch => Some(app.view.central == CentralView::Search),
            Self::PlayPause => Some(app.view.playing),
            _ => None,
        }
    }

    /// Whether the command may run while a text field has the keyboard (its key is then the
    /// text field's: Ctrl+Z undoes typing, not the plan).
    pub fn while_typing(self) -> bool {
        !matches!(self, Self::Undo | Self::Redo | Self::PlayPause)
    }
}

/// What only the window can do, asked for by a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowRequest {
    /// Close the window (which asks about unsaved changes first).
    Close,
    Fullscreen(bool),
    /// A PNG of the whole window.
    Screenshot,
}

impl WorkshopApp {
    /// Queues a command to run after this frame.
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Takes the commands queued during the frame, oldest first.
    pub fn take_queued(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.commands)
    }

    /// Runs a command (if it is enabled). Returns what the window must do for it, if anything.
    pub fn run(&mut self, command: Command) -> Option<WindowRequest> {
        if !command.enabled(self) {
            return None;
        }
        match command {
            Command::New => self.request(Pending::New(Box::new(self.plan_from_2016()))),
            Command::Open => self.request(Pending::OpenDialog),
            Command::Variants => self.show(Dialog::Browser { notice: None }),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => self.save_as(None),
            Command::NewMunicipality => self.show(Dialog::NewMunicipality(super::NewMunicipality::default())),
            Command::ExportWindow => return Some(WindowRequest::Screenshot),
            Command::ExportCsv => self.export_csv(),
            Command::ExportReport => self.export_report(),
            Command::Quit => return Some(WindowRequest::Close),
            Command::Undo => {
                self.session.undo();
            }
            Command::Redo => {
                self.session.redo();
            }
            _ => return self.run_view(command),
        }
        None
    }

    /// The commands that change how the room sees the plan.
    fn run_view(&mut self, command: Command) -> Option<WindowRequest> {
        match command {
            Command::ToggleEditor => self.view.show_editor = !self.view.show_editor,
            Command::ToggleCharts => self.view.show_charts = !self.view.show_charts,
            Command::ShowMap => self.view.central = CentralView::Map,
            Command::ShowCompare => self.view.central = CentralView::Compare,
            Command::ShowSearch => self.view.central = CentralView::Search,
            Command::Presentation => {
                self.room.presentation = !self.room.presentation;
                return Some(WindowRequest::Fullscreen(self.room.presentation));
            }
            Command::LeavePresentation => {
                self.room.presentation = false;
                return Some(WindowRequest::Fullscreen(false));
            }
            Command::ToggleProjector => self.room.projector.open = !self.room.projector.open,
            Command::Freeze => self.freeze(),
            Command::Reveal => self.reveal(),
            Command::ClearReveal => self.clear_reveal(),
            Command::Help => self.room.help_open = !self.room.help_open,
            Command::PlayPause => self.view.playing = !self.view.playing,
            Command::WholeMunicipality => self.view.selection = super::Selection::Municipality,
            _ => {}
        }
        None
    }
}
