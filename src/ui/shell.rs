//! The native window: eframe's entry point, the app inside it, the window fitted to the screen
//! on its first frame, the worker's results waking the window, and which file dialogs the
//! machine has.

use crate::app::{FileDialogs, WorkshopApp};
use crate::assets;
use crate::files::Workspace;
use std::sync::Arc;

/// Environment variable that starts the app in English (`en`) instead of Danish.
pub const LANGUAGE_VARIABLE: &str = "BY_I_BALANCE_LANGUAGE";

/// The app in its window.
struct Shell {
    app: WorkshopApp,
    /// Whether the window has been fitted to the screen (done once, on the first frame).
    fitted_to_screen: bool,
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if !self.fitted_to_screen {
            self.fitted_to_screen = super::fill_screen(ui.ctx());
        }
        super::main_ui(ui, &mut self.app);
        // The system's file dialog belongs to this window (a dialog of its own, on top of it and
        // with the keyboard), so it is started here, where the window is known.
        super::system_dialog::each_frame(ui.ctx(), &mut self.app, frame);
        self.app.remember_settings();
    }
}

/// Opens the app window, filling the screen, as [`WorkshopApp::start`] sets it up: the
/// remembered language, theme and text size, and the plan at `startup_plan` (a file opened from
/// the desktop), else the plan last worked on, else the Visionsplan; the autosave of a crashed
/// session is offered first.
pub fn run_native(startup_plan: Option<&std::path::Path>) -> Result<(), String> {
    let mut app = WorkshopApp::start(Workspace::locate(), startup_plan)?;
    if std::env::var(LANGUAGE_VARIABLE).is_ok_and(|v| v.eq_ignore_ascii_case("en")) {
        app.view.language = crate::i18n::Language::English;
    }
    if !super::system_dialog::available() {
        app.document.dialogs = FileDialogs::Missing;
    }
    let mut viewport = egui::ViewportBuilder::default();
    // A broken icon is a build bug; the app still opens, with the system's default icon.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(assets::ICON_PNG) {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title("By i balance")
            .with_inner_size([1366.0, 768.0])
            .with_maximized(true)
            .with_min_inner_size([1024.0, 640.0]),
        ..Default::default()
    };
    eframe::run_native(
        "By i balance",
        options,
        Box::new(|cc| {
            let ctx = cc.egui_ctx.clone();
            app.session.set_waker(Box::new(move || ctx.request_repaint()));
            super::setup(&cc.egui_ctx);
            Ok(Box::new(Shell { app, fitted_to_screen: false }))
        }),
    )
    .map_err(|e| e.to_string())
}
