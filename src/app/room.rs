//! The meeting room's state: theme and text size, presentation mode, the round timer, the help
//! screen, and the projector window with what it shows, frozen or live. The projector shows a
//! [`Picture`]: everything it draws, captured from the app, so that freezing is keeping one.

use super::WorkshopApp;
use super::feed::ChartFeed;
use super::view::{MapIndicator, Selection};
use crate::compare::Comparison;
use crate::model::Plan;
use crate::sim::Projection;
use std::sync::Arc;

/// The look of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    /// For bright rooms (the default).
    #[default]
    Light,
    Dark,
    /// Black on white, heavy lines, for projectors that wash colours out.
    HighContrast,
}

impl Theme {
    pub const ALL: [Self; 3] = [Self::Light, Self::Dark, Self::HighContrast];

    pub fn key(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::HighContrast => "high_contrast",
        }
    }
}

/// Text sizes offered, as a scale of the normal size.
pub const TEXT_SCALES: [f32; 4] = [1.0, 1.25, 1.5, 1.75];
/// The extra scale of presentation mode: 15-point body text becomes 19.5 points.
pub const PRESENTATION_SCALE: f32 = 1.3;

/// What the projector can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectorView {
    Map,
    Score,
    Composition,
    Status,
    Compare,
    /// *Hvad skal der til?*: the search's progress and the plans it found.
    Search,
}

impl ProjectorView {
    pub const ALL: [Self; 6] = [Self::Map, Self::Score, Self::Composition, Self::Status, Self::Compare, Self::Search];

    pub fn key(self) -> &'static str {
        match self {
            Self::Map => "map",
            Self::Score => "score",
            Self::Composition => "composition",
            Self::Status => "status",
            Self::Compare => "compare",
            Self::Search => "search",
        }
    }
}

/// Everything the projector draws, captured at one moment.
#[derive(Clone, Debug)]
pub struct Picture {
    pub plan: Arc<Plan>,
    pub map: Arc<crate::map::PlanMap>,
    pub projection: Arc<Projection>,
    /// The session's generation of the plan when the picture was taken.
    pub generation: u64,
    pub feed: ChartFeed,
    pub year: u16,
    /// The year the room meets in (see [`super::ViewState::this_year`]).
    pub this_year: u16,
    pub indicator: MapIndicator,
    pub selection: Selection,
    pub comparison: Comparison,
    /// The bands of the plan, if they were ready when the picture was taken.
    pub bands: Option<Arc<crate::bands::Bands>>,
    /// *Hvad skal der til?* in words, if a search was run.
    pub search: Option<super::search::SearchWords>,
}

impl Picture {
    pub fn capture(app: &WorkshopApp) -> Self {
        Self {
            plan: Arc::clone(app.session.plan()),
            map: Arc::clone(app.session.map()),
            projection: Arc::clone(app.session.projection()),
            generation: app.session.generation(),
            feed: app.feed.clone(),
            year: app.view.year,
            this_year: app.view.this_year,
            indicator: app.view.indicator,
            selection: app.view.selection.clone(),
            comparison: app.comparison(),
            bands: app.session.bands(),
            search: app.search_words(),
        }
    }

    /// The balance score shown, at the picture's year.
    pub fn score(&self) -> f64 {
        self.projection.score_in(self.year).map_or(0.0, |s| s.total)
    }

    /// The score and its components in a year of this picture's projection.
    pub fn score_year(&self, year: u16) -> crate::sim::ScoreYear {
        self.projection.score_in(year).copied().unwrap_or_default()
    }
}

/// Where the projector's window opens. Screens are numbered as the system lists them (usually
/// the laptop's own first); a screen that is not there leaves a maximised window to drag.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ProjectorScreen {
    /// Full screen on the second screen, the projector on a laptop (the default).
    #[default]
    Second,
    First,
    Third,
    /// A maximised window.
    Window,
}

impl ProjectorScreen {
    pub const ALL: [Self; 4] = [Self::Second, Self::First, Self::Third, Self::Window];

    pub fn key(self) -> &'static str {
        match self {
            Self::Second => "second",
            Self::First => "first",
            Self::Third => "third",
            Self::Window => "window",
        }
    }

    /// The screen's index in the system's list, for full screen; none for a window.
    pub fn monitor(self) -> Option<usize> {
        match self {
            Self::First => Some(0),
            Self::Second => Some(1),
            Self::Third => Some(2),
            Self::Window => None,
        }
    }
}

/// The projector window.
#[derive(Clone, Debug)]
pub struct Projector {
    pub open: bool,
    pub screen: ProjectorScreen,
    pub views: Vec<ProjectorView>,
    /// While frozen, the room sees this picture, whatever the facilitator does.
    pub frozen: Option<Box<Picture>>,
    /// How many steps the undo history had when the picture was frozen: the edits after them
    /// are what a reveal shows.
    pub frozen_undo_steps: usize,
    /// After a reveal: which change it shows and what it did to the score, until it is cleared,
    /// the plan changes again, or [`REVEAL_SECONDS`] pass.
    pub revealed: Option<Revealed>,
}

/// Seconds a reveal stays on the projector before it clears itself.
pub const REVEAL_SECONDS: f64 = 120.0;

/// What a reveal tells the room.
#[derive(Clone, Debug, PartialEq)]
pub struct Revealed {
    /// Which change it shows: the edit in words, or how many and the last.
    pub what: String,
    /// What the change did to the balance score, in one sentence.
    pub score: String,
    /// What the number is, in one sentence: the score before and after, at the year shown.
    pub meaning: String,
    /// The plan's generation at the reveal: a later edit makes the words stale.
    pub generation: u64,
    /// App time (seconds) it was first shown, set by the window that shows it.
    pub shown_at: Option<f64>,
}

impl Revealed {
    /// Whether it should still be on the projector at app time `now` with the plan at
    /// `generation`.
    pub fn current(&self, generation: u64, now: f64) -> bool {
        self.generation == generation && self.shown_at.is_none_or(|at| now - at < REVEAL_SECONDS)
    }
}

impl Default for Projector {
    fn default() -> Self {
        Self {
            open: false,
            screen: ProjectorScreen::default(),
            views: vec![ProjectorView::Map, ProjectorView::Score],
            frozen: None,
            frozen_undo_steps: 0,
            revealed: None,
        }
    }
}

/// A timer for the rounds of a workshop.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundTimer {
    pub minutes: u32,
    /// App time (seconds) when it was started, if running.
    pub started_at: Option<f64>,
    /// Seconds run before the last pause.
    pub run_before: f64,
}

impl Default for RoundTimer {
    fn default() -> Self {
        Self { minutes: 10, started_at: None, run_before: 0.0 }
    }
}

impl RoundTimer {
    /// Seconds left at app time `now` (negative once the round is over).
    pub fn remaining(&self, now: f64) -> f64 {
        let run = self.run_before + self.started_at.map_or(0.0, |t| now - t);
        f64::from(self.minutes) * 60.0 - run
    }

    pub fn start(&mut self, now: f64) {
        if self.started_at.is_none() {
            self.started_at = Some(now);
        }
    }

    pub fn pause(&mut self, now: f64) {
        if let Some(t) = self.started_at.take() {
            self.run_before += now - t;
        }
    }

    pub fn reset(&mut self) {
        self.started_at = None;
        self.run_before = 0.0;
    }
}

/// How the laptop's window stands, remembered for the next start: maximised (the default, so
/// that a title bar and a task bar never push the year slider off the screen) or a size of its
/// own. Full screen (presentation mode) is never remembered: the next start is not a
/// presentation.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct WindowState {
    pub maximized: bool,
    /// The inner size in points when last not maximised, if ever.
    pub size: Option<[f32; 2]>,
}

impl Default for WindowState {
    fn default() -> Self {
        Self { maximized: true, size: None }
    }
}

impl WindowState {
    /// The state after the window reported itself: `maximized`, `fullscreen` and its inner size
    /// in points as the system says (each `None` while unknown). A full-screen window leaves the
    /// state as it was; a size is only kept while not maximised, and whole points, so a
    /// window that did not change does not rewrite the settings.
    #[must_use]
    pub fn observed(self, maximized: Option<bool>, fullscreen: Option<bool>, size: Option<[f32; 2]>) -> Self {
        if fullscreen != Some(false) {
            return self;
        }
        let Some(maximized) = maximized else { return self };
        let size = match size {
            Some([w, h]) if !maximized && w >= 1.0 && h >= 1.0 => Some([w.round(), h.round()]),
            _ => self.size,
        };
        Self { maximized, size }
    }
}

/// The meeting room's settings and state.
#[derive(Clone, Debug, Default)]
pub struct Room {
    pub theme: Theme,
    /// Index into [`TEXT_SCALES`].
    pub text_size: usize,
    pub presentation: bool,
    pub help_open: bool,
    pub timer: RoundTimer,
    pub projector: Projector,
    /// The laptop window's state, for the next start.
    pub window: WindowState,
}

impl Room {
    /// The zoom the window should have: the text size, and more in presentation mode.
    pub fn zoom(&self) -> f32 {
        TEXT_SCALES[self.text_size.min(TEXT_SCALES.len() - 1)]
            * if self.presentation { PRESENTATION_SCALE } else { 1.0 }
    }
}

impl WorkshopApp {
    /// Holds the projector on the current picture.
    pub fn freeze(&mut self) {
        self.room.projector.frozen = Some(Box::new(Picture::capture(self)));
        self.room.projector.frozen_undo_steps = self.session.undo_edits().count();
        self.room.projector.revealed = None;
    }

    /// Shows the room the current state, with which change it is and what it did to the score
    /// since the freeze, in words.
    pub fn reveal(&mut self) {
        let Some(frozen) = self.room.projector.frozen.take() else { return };
        let now = Picture::capture(self);
        let tr = self.tr();
        let weights = crate::sim::COMPONENTS.map(|c| c.weight_share(self.session.params()));
        let change =
            crate::explain::ScoreChange::between(&frozen.score_year(now.year), &now.score_year(now.year), weights);
        self.room.projector.revealed = Some(Revealed {
            what: self.changes_since_freeze(&frozen),
            score: crate::words::score_change(tr, &change),
            meaning: tr.fill("projector.reveal_meaning", &[("year", &now.year.to_string())]),
            generation: self.session.generation(),
            shown_at: None,
        });
    }

    /// Takes the reveal's words off the projector.
    pub fn clear_reveal(&mut self) {
        self.room.projector.revealed = None;
    }

    /// The plan's changes since the picture was frozen, in words: the one edit, or how many and
    /// the last; what undo or redo did when the history went back past the freeze.
    fn changes_since_freeze(&self, frozen: &Picture) -> String {
        let tr = self.tr();
        let m = &self.session.plan().municipality;
        if frozen.generation == self.session.generation() {
            return tr.t("projector.no_change").to_owned();
        }
        let edits: Vec<_> = self.session.undo_edits().skip(self.room.projector.frozen_undo_steps).collect();
        match (edits.as_slice(), self.session.last_change()) {
            ([one], _) => crate::words::edit(tr, m, one),
            ([.., last], _) => tr.fill(
                "projector.changes",
                &[("count", &edits.len().to_string()), ("last", &crate::words::edit(tr, m, last))],
            ),
            ([], Some(change)) => {
                let way = match change.kind {
                    super::session::ChangeKind::Redone => crate::words::History::Redone,
                    _ => crate::words::History::Undone,
                };
                crate::words::history(tr, m, &change.edit, way)
            }
            ([], None) => tr.t("projector.changed").to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_round_timer_counts_down_and_pauses() {
        let mut timer = RoundTimer { minutes: 5, ..RoundTimer::default() };
        assert_eq!(timer.remaining(100.0), 300.0);
        timer.start(100.0);
        assert_eq!(timer.remaining(160.0), 240.0);
        timer.pause(160.0);
        assert_eq!(timer.remaining(1000.0), 240.0, "paused time does not count");
        timer.start(1000.0);
        assert_eq!(timer.remaining(1250.0), -10.0, "past the end it goes negative");
        timer.reset();
        assert_eq!(timer.remaining(2000.0), 300.0);
    }
}
