//! The open plan as a file: New, Open, Save, Save as, the recent files, the unsaved-changes
//! prompt, autosave every 30 seconds to a recovery file and restoring it after a crash, and
//! the variants pinned for comparison. Every way in (menu, shortcut, dropped file, browser)
//! ends in [`WorkshopApp::request`], so unsaved work is always asked about first.

use super::WorkshopApp;
use super::municipality::{ImportFile, ImportReport, NewMunicipality};
use crate::files::Recovery;
use crate::files::autosave::Autosave;
use crate::io;
use crate::model::Plan;
use crate::sim::Projection;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

/// Seconds between autosaves of a plan with unsaved changes: at most this much work is lost.
pub const AUTOSAVE_SECONDS: f64 = 30.0;
/// How many variants can be pinned beside the open plan.
pub const MAX_PINNED: usize = 4;

/// Something that replaces the open plan, and so must ask about unsaved changes first.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// A plan from the 2016 starting point or a shipped plan, not yet saved anywhere.
    New(Box<Plan>),
    /// A plan made from a municipality's table: it exists nowhere on disk, so it opens as
    /// unsaved work, and what the table lacked is shown.
    Imported(Box<(Plan, ImportReport)>),
    Open(PathBuf),
    /// A plan *Hvad skal der til?* found: it exists nowhere on disk, so it opens as unsaved
    /// work.
    Searched(Box<Plan>),
    /// Show the Open dialog (after the unsaved changes are dealt with).
    OpenDialog,
    Quit,
}

/// A dialog the app is showing.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// "Save, discard or cancel?" before `Pending`.
    Unsaved(Pending),
    /// "Save as": the variant's name and the group or author it is from, asked first; then the
    /// system's dialog picks the file, or (without one) it goes to the saves folder. `then`
    /// runs after.
    SaveAs { name: String, author: String, then: Option<Pending> },
    /// The variants browser; `notice` says why it opened instead of the system's dialog.
    Browser { notice: Option<String> },
    /// Renaming a variant file: its path and the new name being typed.
    Rename { path: PathBuf, name: String },
    /// "Restore the autosaved plan?" at start.
    Restore(Box<Recovery>),
    /// Something went wrong; the plan is unchanged.
    Message(String),
    /// An export was written here: open it, or the folder it is in.
    Exported(PathBuf),
    /// A new plan from a municipality's table of areas and boundaries (being filled in).
    NewMunicipality(NewMunicipality),
    /// A plan just made from a table, not yet on disk: what the table lacked, and the offer to
    /// save it now.
    Imported(ImportReport),
}

/// Which file dialogs to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileDialogs {
    /// The system's.
    System,
    /// Always the app's own browser and save box (tests, kiosks).
    InApp,
    /// The app's own, with a note that the machine has no system dialog to show.
    Missing,
}

/// A system file dialog the app wants shown (the UI shows it and answers with
/// [`WorkshopApp::file_picked`]).
#[derive(Clone, Debug, PartialEq)]
pub enum FileRequest {
    Open,
    /// A table or outlines for *New municipality from table*.
    Import(ImportFile),
    /// Save under a new name, suggesting `file_name`; `then` runs once saved.
    SaveAs {
        file_name: String,
        then: Option<Pending>,
    },
}

/// A variant pinned for comparison.
#[derive(Clone, Debug)]
pub struct Pinned {
    pub name: String,
    pub plan: Arc<Plan>,
    pub projection: Arc<Projection>,
    /// The variant's file, where its votes are saved (none yet for a snapshot or a shipped
    /// plan: the first vote saves it as a new variant).
    pub path: Option<PathBuf>,
}

/// The file side of the app's state.
#[derive(Debug)]
pub struct Document {
    /// The file the open plan was opened from or last saved to.
    pub path: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    pub dialog: Option<Dialog>,
    pub dialogs: FileDialogs,
    pub pinned: Vec<Pinned>,
    /// Generation of the plan last written to the recovery file, and when (app time, seconds).
    autosaved: (u64, f64),
    /// Whether the last autosave failed (its message is shown once, not every 30 seconds).
    autosave_failing: bool,
    /// Set when quitting has been confirmed, so the close is not asked about again.
    pub quitting: bool,
    /// The variants browser's rows, built when it opens (projecting every file once).
    pub browser_rows: Option<Vec<VariantRow>>,
    /// The folder the Open box is browsing for plans (any folder or drive).
    pub browsing: crate::files::folders::Browsing,
    /// Where browsing can start (home, drives, mounted sticks), looked up when the browser opens
    /// rather than every frame (a stick put in later shows the next time it opens).
    pub folder_places: Option<Vec<PathBuf>>,
    /// A system dialog the app wants shown.
    pub file_request: Option<FileRequest>,
    /// The system dialog on show, and where its answer comes.
    pub awaiting: Option<(FileRequest, Receiver<Option<PathBuf>>)>,
    /// Exports finished (off the UI thread), waiting to be reported.
    pub exports_finished: std::sync::Arc<std::sync::Mutex<Vec<Result<PathBuf, String>>>>,
    /// The recovery file this instance owns.
    pub autosave: Autosave,
    /// Dialogs waiting for the one on show to close (at start: a restore and a message).
    pub queued: std::collections::VecDeque<Dialog>,
}

/// One plan in the variants browser.
#[derive(Clone, Debug, PartialEq)]
pub struct VariantRow {
    /// The file, or `None` for a plan that ships with the program.
    pub path: Option<PathBuf>,
    pub name: String,
    pub author: String,
    pub notes: String,
    /// When the file was last written (UTC).
    pub modified: Option<String>,
    /// The balance score at 2025 and 2040, or why the file cannot be opened.
    pub scores: Result<(f64, f64), String>,
    pub plan: Option<Plan>,
}

impl Document {
    pub fn new(recent: Vec<PathBuf>, autosave: Autosave) -> Self {
        Self {
            path: None,
            recent,
            dialog: None,
            dialogs: FileDialogs::System,
            pinned: Vec::new(),
            autosaved: (0, f64::NEG_INFINITY),
            autosave_failing: false,
            quitting: false,
            browser_rows: None,
            browsing: crate::files::folders::Browsing::new(crate::files::folders::PLANS),
            folder_places: None,
            file_request: None,
            awaiting: None,
            exports_finished: std::sync::Arc::default(),
            autosave,
            queued: std::collections::VecDeque::new(),
        }
    }
}

impl WorkshopApp {
    /// Shows a dialog, or queues it behind the one on show.
    pub fn show(&mut self, dialog: Dialog) {
        if self.document.dialog.is_some() {
            self.document.queued.push_back(dialog);
        } else {
            self.document.dialog = Some(dialog);
        }
    }

    /// Why a file could not be opened, in the room's language where the plan's checks found it
    /// (each problem with where it is); the reading and parsing errors say it in English.
    fn load_error_words(&self, error: &io::LoadError) -> String {
        match error {
            io::LoadError::Invalid { problems, .. } => problems
                .iter()
                .map(|p| format!("{}: {}", p.location, crate::words::problem(self.tr(), p)))
                .collect::<Vec<_>>()
                .join("; "),
            other => other.to_string(),
        }
    }

    /// Opens the plan named when the program was started (a double-clicked file): like Open,
    /// but the autosave of an earlier session is left to be offered. If the file cannot be
    /// used, the Visionsplan stays open and a message says why.
    pub fn open_at_start(&mut self, path: &Path) {
        match io::load_plan(path, &self.session.library().table) {
            Ok(plan) => {
                self.session.replace_plan(plan);
                self.document.path = Some(path.to_owned());
                self.remember(path);
            }
            Err(e) => {
                let message = self.tr().fill("files.open_at_start_failed", &[("error", &self.load_error_words(&e))]);
                self.show(Dialog::Message(message));
            }
        }
    }

    /// Asks to replace the open plan; with unsaved changes, the user is asked first.
    pub fn request(&mut self, action: Pending) {
        if self.session.is_dirty() {
            self.document.dialog = Some(Dialog::Unsaved(action));
        } else {
            self.perform(action);
        }
    }

    /// Replaces the open plan (the user has agreed, or nothing was unsaved).
    pub fn perform(&mut self, action: Pending) {
        match action {
            Pending::New(plan) => {
                self.session.replace_plan(*plan);
                self.document.path = None;
                self.document.autosave.clear();
            }
            Pending::Imported(imported) => {
                let (plan, report) = *imported;
                self.session.replace_with_unsaved(plan, None);
                self.document.path = None;
                self.document.autosave.clear();
                self.show(Dialog::Imported(report));
            }
            Pending::Open(path) => self.open_path(&path),
            Pending::Searched(plan) => {
                self.session.replace_with_unsaved(*plan, None);
                self.document.path = None;
                self.document.autosave.clear();
            }
            Pending::OpenDialog => self.open_dialog(),
            Pending::Quit => {
                self.document.quitting = true;
                self.document.autosave.clear();
            }
        }
    }

    /// Opens a plan file; on any problem the open plan stays and a message says why.
    pub fn open_path(&mut self, path: &Path) {
        match io::load_plan(path, &self.session.library().table) {
            Ok(plan) => {
                self.session.replace_plan(plan);
                self.unpin_opened(path);
                self.document.path = Some(path.to_owned());
                self.remember(path);
                self.document.autosave.clear();
            }
            Err(e) => {
                let message = self.tr().fill("files.open_failed", &[("error", &self.load_error_words(&e))]);
                self.document.dialog = Some(Dialog::Message(message));
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        if let Ok(recent) = self.workspace.remember(path) {
            self.document.recent = recent;
        }
    }

    /// Saves to the plan's file, or asks for one. Returns whether the plan is now saved.
    pub fn save(&mut self) -> bool {
        match self.document.path.clone() {
            Some(path) => self.save_to(&path),
            None => {
                self.save_as(None);
                false
            }
        }
    }

    /// Writes the plan to `path` (atomically, keeping a backup) and makes it the plan's file.
    pub fn save_to(&mut self, path: &Path) -> bool {
        self.rehome_pinned_at(path);
        match io::save_plan(path, self.session.plan()) {
            Ok(()) => {
                self.session.mark_saved();
                self.document.path = Some(path.to_owned());
                self.remember(path);
                self.document.autosave.clear();
                true
            }
            Err(e) => {
                let message = self.tr().fill("files.save_failed", &[("error", &e.to_string())]);
                self.document.dialog = Some(Dialog::Message(message));
                false
            }
        }
    }

    /// Saves the plan as a new variant called `name` in the saves folder (the plan takes the
    /// name); `then` runs once it is saved.
    pub fn save_as_variant(&mut self, name: &str, then: Option<Pending>) {
        let name = name.trim();
        if !name.is_empty() && name != self.session.plan().name {
            self.session.apply(crate::model::PlanEdit::Name(name.to_owned()));
        }
        match self.workspace.new_variant_path(&self.session.plan().name.clone()) {
            Ok(path) => {
                if self.save_to(&path)
                    && let Some(then) = then
                {
                    self.perform(then);
                }
            }
            Err(e) => {
                let message = self.tr().fill("files.save_failed", &[("error", &e.to_string())]);
                self.document.dialog = Some(Dialog::Message(message));
            }
        }
    }

    /// "Save as": first the variant's name and its group or author (a room's variants are
    /// told apart by who made them), then [`Self::save_as_named`].
    pub fn save_as(&mut self, then: Option<Pending>) {
        let plan = self.session.plan();
        self.document.dialog = Some(Dialog::SaveAs { name: plan.name.clone(), author: plan.author.clone(), then });
    }

    /// Names the plan and its author as typed, then saves it: through the system's dialog, or
    /// as a new variant in the saves folder where there is none.
    pub fn save_as_named(&mut self, name: &str, author: &str, then: Option<Pending>) {
        let author = author.trim();
        if author != self.session.plan().author {
            self.session.apply(crate::model::PlanEdit::Author(author.to_owned()));
        }
        if self.document.dialogs == FileDialogs::System {
            let name = name.trim();
            if !name.is_empty() && name != self.session.plan().name {
                self.session.apply(crate::model::PlanEdit::Name(name.to_owned()));
            }
            let file_name = format!("{}.ron", crate::files::file_stem_for(&self.session.plan().name));
            self.document.file_request = Some(FileRequest::SaveAs { file_name, then });
        } else {
            self.save_as_variant(name, then);
        }
    }

    /// The answer of a system dialog: a path, or `None` if it was cancelled.
    pub fn file_picked(&mut self, request: FileRequest, path: Option<PathBuf>) {
        let Some(path) = path else { return };
        match request {
            FileRequest::Open => self.request(Pending::Open(path)),
            FileRequest::Import(file) => self.import_file_picked(file, &path),
            FileRequest::SaveAs { then, .. } => {
                if self.save_to(&path)
                    && let Some(then) = then
                {
                    self.perform(then);
                }
            }
        }
    }

    /// "Open": the system's dialog, or the variants browser.
    pub fn open_dialog(&mut self) {
        match self.document.dialogs {
            FileDialogs::System => self.document.file_request = Some(FileRequest::Open),
            FileDialogs::InApp => self.document.dialog = Some(Dialog::Browser { notice: None }),
            FileDialogs::Missing => {
                let notice = self.tr().t("files.no_system_dialog").to_owned();
                self.document.dialog = Some(Dialog::Browser { notice: Some(notice) });
            }
        }
    }

    /// Writes the recovery file if the plan changed since the last autosave and `interval`
    /// seconds have passed since it. `now` is any clock in seconds (the app's frame time).
    /// Returns whether it wrote.
    pub fn autosave(&mut self, now: f64, interval: f64) -> bool {
        let (generation, at) = self.document.autosaved;
        if !self.session.is_dirty() || self.session.generation() == generation || now - at < interval {
            return false;
        }
        let recovery = Recovery {
            saved_at: crate::time::now_utc(),
            path: self.document.path.clone(),
            plan: Plan::clone(self.session.plan()),
        };
        // A failed autosave is retried at the next interval; the plan itself is unaffected. The
        // first failure of a run of them is said in words (a full disk, a folder gone); a window
        // that cannot autosave at all said so at start.
        let written = self.document.autosave.write(&recovery);
        self.document.autosaved = (self.session.generation(), now);
        let failing = written.is_err();
        if let Err(e) = written
            && !self.document.autosave_failing
            && self.document.autosave.unavailable().is_none()
        {
            let message = self.tr().fill("files.autosave_failed", &[("error", &e.to_string())]);
            self.show(Dialog::Message(message));
        }
        self.document.autosave_failing = failing;
        !failing
    }

    /// Seconds until the next autosave is due, if one is waiting.
    pub fn autosave_due_in(&self, now: f64) -> Option<f64> {
        let (generation, at) = self.document.autosaved;
        (self.session.is_dirty() && self.session.generation() != generation)
            .then(|| (at + AUTOSAVE_SECONDS - now).max(0.0))
    }

    /// Offers the recovery file left by a session that did not end cleanly, if any. One that
    /// cannot be used is set aside (not deleted) and a message says why.
    pub fn offer_recovery(&mut self) {
        match self.document.autosave.read(&self.session.library().table) {
            None => {}
            Some(Ok(recovery)) => self.show(Dialog::Restore(Box::new(recovery))),
            Some(Err(error)) => {
                let error = error.to_string();
                let message = match self.document.autosave.set_aside() {
                    Ok(aside) => {
                        let paths: Vec<String> = aside.iter().map(|p| p.display().to_string()).collect();
                        self.tr().fill("files.recovery_unusable", &[("error", &error), ("path", &paths.join(", "))])
                    }
                    Err(reason) => {
                        self.tr().fill("files.recovery_unusable_kept", &[("error", &error), ("reason", &reason)])
                    }
                };
                self.show(Dialog::Message(message));
            }
        }
        self.warn_if_no_autosave();
    }

    /// Tells the room, in words, when this window cannot autosave at all: the data folder
    /// cannot be used, or other windows hold every recovery file.
    fn warn_if_no_autosave(&mut self) {
        use crate::files::autosave::{MAX_INSTANCES, Unavailable};
        let message = match self.document.autosave.unavailable() {
            None => return,
            Some(Unavailable::DataFolder { reason, folder }) => self
                .tr()
                .fill("files.autosave_no_folder", &[("folder", &folder.display().to_string()), ("reason", reason)]),
            Some(Unavailable::EverySlotHeld { folder }) => self.tr().fill(
                "files.autosave_every_slot",
                &[("max", &MAX_INSTANCES.to_string()), ("folder", &folder.display().to_string())],
            ),
        };
        self.show(Dialog::Message(message));
    }

    /// Opens the autosaved plan as unsaved work (its file, if it had one, is still the target).
    pub fn restore(&mut self, recovery: Recovery) {
        let table = &self.session.library().table;
        let on_disk = recovery.path.as_deref().and_then(|p| io::load_plan(p, table).ok());
        self.session.replace_with_unsaved(recovery.plan, on_disk);
        self.document.path = recovery.path;
    }
}
