//! The workshop app's state, without a window: the open plan (a [`Session`]), the room's view
//! of it ([`ViewState`]), the chart feed, the file side ([`document::Document`]), the meeting
//! room, and the [`Command`]s that change them. Drawing, the window and the system's dialogs
//! live in [`crate::ui`], which reads this state, queues commands and hands plan edits to the
//! session; nothing here knows egui.

pub mod command;
pub mod document;
mod exports;
pub mod feed;
pub mod municipality;
pub mod places;
pub mod room;
pub mod search;
pub mod session;
pub mod settings;
mod variants;
pub mod view;

pub use command::{Command, WindowRequest};
pub use document::{Dialog, FileDialogs, FileRequest, Pending};
pub use feed::ChartFeed;
pub use municipality::{ImportFile, ImportReport, NewMunicipality};
pub use session::Session;
pub use variants::VoteTarget;
pub use view::{CentralView, ChartTab, DifferenceMode, EditorTab, MapIndicator, Selection, ViewState};

use crate::assets::{self, Library};
use crate::files::Workspace;
use crate::i18n::{Tr, Translations};
use crate::model::{Plan, PlanEdit};
use std::sync::Arc;

/// The workshop app.
pub struct WorkshopApp {
    pub session: Session,
    pub view: ViewState,
    pub translations: &'static Translations,
    /// What the charts were last given (rebuilt when plan, selection or year change).
    pub feed: ChartFeed,
    /// Where plans, the recovery file and the recent files live.
    pub workspace: Workspace,
    /// The open plan as a file: path, dialogs, autosave, pinned variants.
    pub document: document::Document,
    /// Theme, text size, presentation mode, timer, help and the projector.
    pub room: room::Room,
    /// *Hvad skal der til?*: the room's goals and limits as filled in.
    pub search_form: search::SearchForm,
    /// The search running or last run, with its answer.
    pub search: Option<search::SearchJob>,
    /// Commands queued during the frame, run after it (see [`command`]).
    commands: Vec<Command>,
    /// The settings as last written (`None`: this app does not remember them, e.g. in tests).
    remembered: Option<settings::Settings>,
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
        let cap = session.library().cap.cap;
        let search_form = search::SearchForm::for_plan(session.plan(), session.projection(), cap);
        let mut app = Self {
            session,
            view: ViewState::default(),
            translations,
            feed: ChartFeed::default(),
            workspace,
            document,
            room: room::Room::default(),
            search_form,
            search: None,
            commands: Vec::new(),
            remembered: None,
        };
        app.refresh_feed();
        Ok(app)
    }

    /// The app with the Visionsplan open, as it starts, keeping its files in `workspace`.
    pub fn with_visionsplan(workspace: Workspace) -> Result<Self, String> {
        Self::new(assets::shipped_plan("visionsplan-2016.ron").map_err(|e| e.to_string())?, workspace)
    }

    /// Moves an institution to a district from the slider's year on (unless it stands there
    /// already then). Returns whether the plan changed.
    pub fn move_institution(&mut self, institution: &str, district: &str) -> bool {
        let span = self.session.plan().span();
        let year = crate::model::action_year_for(self.view.year, span);
        let shown = crate::model::shows_from(year, span);
        if places::institution_district(self.session.projection(), institution, shown) == Some(district) {
            return false;
        }
        let edit =
            PlanEdit::MoveInstitution { institution: institution.to_owned(), district: district.to_owned(), year };
        self.session.apply(edit)
    }

    /// Gives a district a profile (or takes it away) from the slider's year on, unless it holds
    /// that profile then already. Returns whether the plan changed.
    pub fn assign_profile(&mut self, district: &str, profile: Option<&str>) -> bool {
        let span = self.session.plan().span();
        let year = crate::model::action_year_for(self.view.year, span);
        let shown = crate::model::shows_from(year, span);
        if places::district_profile(self.session.projection(), district, shown) == profile {
            return false;
        }
        let edit = PlanEdit::AssignProfile { district: district.to_owned(), profile: profile.map(str::to_owned), year };
        self.session.apply(edit)
    }

    /// The system window's title: the plan's name, then the program's ("Visionsplan 2016 — By
    /// i balance"), with a `*` before it while the plan has unsaved changes, as the task bar
    /// shows it.
    pub fn window_title(&self) -> String {
        let mark = if self.session.is_dirty() { "*" } else { "" };
        format!("{mark}{} — By i balance", self.session.plan().name)
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
            rules: library.rule_set(self.session.plan().rule_set, self.view.year),
            observed: &library.observed,
            bands: bands.as_deref(),
        };
        self.feed = ChartFeed::build(self.session.projection(), self.session.baseline_projection(), &sources);
    }
}
