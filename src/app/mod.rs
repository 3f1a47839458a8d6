//! The workshop app: the open plan (a [`Session`]), the room's view of it ([`ViewState`]), the
//! chart feed, and the eframe entry point. Drawing lives in [`crate::ui`]; this layer holds
//! state and turns gestures into plan edits.

pub mod document;
pub mod edits;
pub mod feed;
pub mod room;
pub mod session;
pub mod view;

pub use document::{Dialog, FileDialogs, NewMunicipality, Pending};
pub use feed::ChartFeed;
pub use session::Session;
pub use view::{CentralView, ChartTab, DifferenceMode, EditorTab, MapIndicator, Selection, ViewState};

use crate::assets::{self, Library};
use crate::files::Workspace;
use crate::i18n::{Tr, Translations};
use crate::model::Plan;
use std::sync::Arc;

/// The workshop app.
pub struct WorkshopApp {
    pub session: Session,
    pub view: ViewState,
    pub translations: &'static Translations,
    /// What the charts were last given (rebuilt when plan, selection or year change).
    pub feed: ChartFeed,
    /// Whether the window has been fitted to the screen (done once, on the first frame).
    pub fitted_to_screen: bool,
    /// Where plans, the recovery file and the recent files live.
    pub workspace: Workspace,
    /// The open plan as a file: path, dialogs, autosave, pinned variants.
    pub document: document::Document,
    /// Theme, text size, presentation mode, timer, help and the projector.
    pub room: room::Room,
}

impl WorkshopApp {
    /// The app with a plan open, keeping its files in `workspace`.
    pub fn new(plan: Plan, workspace: Workspace) -> Result<Self, String> {
        let library = Arc::new(Library::load().map_err(|e| e.to_string())?);
        let translations = Translations::shared()?;
        let session = Session::new(library, plan).map_err(|e| e.to_string())?;
        workspace.clean_stale_temps();
        let autosave = crate::files::autosave::Autosave::claim(&workspace);
        let document = document::Document::new(workspace.recent(), autosave);
        let mut app = Self {
            session,
            view: ViewState::default(),
            translations,
            feed: ChartFeed::default(),
            fitted_to_screen: false,
            workspace,
            document,
            room: room::Room::default(),
        };
        app.refresh_feed();
        Ok(app)
    }

    /// The app with the Visionsplan open, as it starts, keeping its files in `workspace`.
    pub fn with_visionsplan(workspace: Workspace) -> Result<Self, String> {
        Self::new(assets::shipped_plan("visionsplan-2016.ron").map_err(|e| e.to_string())?, workspace)
    }

    /// Texts and number formats in the current language.
    pub fn tr(&self) -> Tr<'static> {
        self.translations.tr(self.view.language)
    }

    /// Rebuilds the chart feed if the plan, the selection or the year changed since, or the
    /// bands came in.
    pub fn refresh_feed(&mut self) {
        self.session.poll_worker();
        let revision = self.session.revision();
        let bands = self.session.bands();
        if self.feed.is_for(revision, &self.view.selection, self.view.year, bands.is_some()) {
            return;
        }
        let library = self.session.library();
        let sources = feed::FeedSources {
            revision,
            selection: &self.view.selection,
            year: self.view.year,
            municipality_name: &self.session.plan().municipality.name,
            rules: library.rule_set(self.session.plan().rule_set),
            observed: &library.observed,
            bands: bands.as_deref(),
        };
        self.feed = ChartFeed::build(self.session.projection(), self.session.baseline_projection(), &sources);
    }
}

impl eframe::App for WorkshopApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if !self.fitted_to_screen {
            self.fitted_to_screen = crate::ui::fill_screen(ui.ctx());
        }
        crate::ui::main_ui(ui, self);
    }
}

/// Environment variable that starts the app in English (`en`) instead of Danish.
pub const LANGUAGE_VARIABLE: &str = "BY_I_BALANCE_LANGUAGE";

/// Opens the app window, filling the screen, with the Visionsplan loaded, or with the plan at
/// `startup_plan` (a file opened from the desktop); the autosave of a crashed session is offered
/// first.
pub fn run_native(startup_plan: Option<std::path::PathBuf>) -> Result<(), String> {
    let mut app = WorkshopApp::with_visionsplan(Workspace::locate())?;
    app.offer_recovery();
    if let Some(path) = startup_plan {
        app.open_at_start(&path);
    }
    if std::env::var(LANGUAGE_VARIABLE).is_ok_and(|v| v.eq_ignore_ascii_case("en")) {
        app.view.language = crate::i18n::Language::English;
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
            crate::ui::setup(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}
