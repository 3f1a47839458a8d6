//! The native window: eframe's entry point, the app inside it, the window opened maximised (or
//! at the size it was left at) and its state remembered, its title naming the plan, the
//! worker's results waking the window, and which file dialogs the machine has.

use crate::app::{FileDialogs, WorkshopApp};
use crate::assets;
use crate::files::Workspace;
use std::sync::Arc;

/// Environment variable that starts the app in English (`en`) instead of Danish.
pub const LANGUAGE_VARIABLE: &str = "BY_I_BALANCE_LANGUAGE";

/// Seconds a window that should open maximised is given to become so before the app fills
/// the screen itself (a system without a window manager does not maximise).
const MAXIMISE_WAIT_SECONDS: f64 = 1.0;

/// The app in its window.
struct Shell {
    app: WorkshopApp,
    /// Whether the window's opening size is settled (maximised, filled, or left as it is).
    settled: bool,
    /// When the window was asked to maximise (app time, seconds).
    maximise_asked: Option<f64>,
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if !self.settled {
            self.settled = settle_window(ui.ctx(), self.app.room.window.maximized, &mut self.maximise_asked);
        } else {
            let (maximized, fullscreen, size) = ui.input(|i| {
                let v = i.viewport();
                (v.maximized, v.fullscreen, v.inner_rect.map(|r| [r.width(), r.height()]))
            });
            self.app.room.window = self.app.room.window.observed(maximized, fullscreen, size);
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
    let window = app.room.window;
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title(app.window_title())
            .with_inner_size(window.size.unwrap_or([1366.0, 768.0]))
            .with_maximized(window.maximized)
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
            Ok(Box::new(Shell { app, settled: false, maximise_asked: None }))
        }),
    )
    .map_err(|e| e.to_string())
}

/// The window's first moments. A window that should open maximised is asked to be once it is
/// on the screen (a window manager such as openbox does not take the request the window is
/// created with), and is settled when it reports so; one still not maximised
/// [`MAXIMISE_WAIT_SECONDS`] later (no window manager) is grown to the screen instead. A window
/// left at a size of its own keeps it. Returns whether it is settled.
fn settle_window(ctx: &egui::Context, maximized: bool, asked: &mut Option<f64>) -> bool {
    if !maximized {
        return true;
    }
    let (is_maximized, time) = ctx.input(|i| (i.viewport().maximized, i.time));
    if is_maximized == Some(true) {
        return true;
    }
    match *asked {
        None => {
            ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
            *asked = Some(time);
        }
        Some(at) if time - at >= MAXIMISE_WAIT_SECONDS => return super::fill_screen(ctx),
        Some(_) => {}
    }
    ctx.request_repaint_after(std::time::Duration::from_secs_f64(0.1));
    false
}
