//! What the app remembers between starts besides plans: the language, the theme, the text size,
//! the projector's screen and whether the window was maximised or its size (in `settings.ron`
//! in the data folder, written when one of them changes), and the plan last worked on (the
//! first of the recent files), which the next start opens.

use super::WorkshopApp;
use super::room::{ProjectorScreen, TEXT_SCALES, Theme, WindowState};
use crate::files::Workspace;
use crate::i18n::Language;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The room's choices that outlive a session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub language: Language,
    pub theme: Theme,
    /// Index into [`TEXT_SCALES`].
    pub text_size: usize,
    pub projector_screen: ProjectorScreen,
    /// The laptop window: maximised (by default) or its size.
    pub window: WindowState,
}

impl WorkshopApp {
    /// The app as a desktop start opens it: the remembered language, theme and text size; the
    /// autosave of a crashed session offered; then the plan at `startup_plan` (a file opened
    /// from the desktop), else the plan last worked on if it is still there, else the
    /// Visionsplan.
    pub fn start(workspace: Workspace, startup_plan: Option<&Path>) -> Result<Self, String> {
        let mut app = Self::with_visionsplan(workspace)?;
        if let Some(settings) = app.workspace.settings::<Settings>() {
            app.use_settings(settings);
        }
        app.remembered = Some(app.settings());
        app.offer_recovery();
        match startup_plan {
            Some(path) => app.open_at_start(path),
            None if app.document.dialog.is_none() => {
                if let Some(last) = app.workspace.recent().into_iter().next().filter(|p| p.is_file()) {
                    app.open_at_start(&last);
                }
            }
            None => {}
        }
        Ok(app)
    }

    /// The settings as they are now.
    pub fn settings(&self) -> Settings {
        Settings {
            language: self.view.language,
            theme: self.room.theme,
            text_size: self.room.text_size,
            projector_screen: self.room.projector.screen,
            window: self.room.window,
        }
    }

    fn use_settings(&mut self, settings: Settings) {
        self.view.language = settings.language;
        self.room.theme = settings.theme;
        self.room.text_size = settings.text_size.min(TEXT_SCALES.len() - 1);
        self.room.projector.screen = settings.projector_screen;
        self.room.window = settings.window;
    }

    /// Writes the settings if they changed since they were last written (called once a frame;
    /// a start through [`Self::start`] begins remembering). A disk that refuses is no reason to
    /// interrupt a workshop: the next change tries again.
    pub fn remember_settings(&mut self) {
        let Some(remembered) = self.remembered else { return };
        let now = self.settings();
        if now != remembered && self.workspace.save_settings(&now).is_ok() {
            self.remembered = Some(now);
        }
    }
}
