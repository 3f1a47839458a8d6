//! How the room is looking at the plan, apart from the plan itself: the year on the slider,
//! what is selected, which indicator colours the map, which panels show, the language. Not
//! part of undo; a plan file never holds it.

use crate::i18n::Language;
use crate::model::{ActionKind, FacilityKind, Span, Tenure};

/// What the editor and the composition chart are about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Selection {
    #[default]
    Municipality,
    District(String),
    Area(String),
}

pub use crate::map::MapIndicator;

/// The tabs of the editor panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EditorTab {
    #[default]
    Area,
    District,
    Municipality,
    Assumptions,
}

impl EditorTab {
    pub const ALL: [Self; 4] = [Self::Area, Self::District, Self::Municipality, Self::Assumptions];

    pub fn key(self) -> &'static str {
        match self {
            Self::Area => "area",
            Self::District => "district",
            Self::Municipality => "municipality",
            Self::Assumptions => "assumptions",
        }
    }
}

/// The tabs of the chart panel (the score chart is shown above them where there is room; where
/// there is not, it is the first tab, shown first).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ChartTab {
    Composition,
    TenureMix,
    Status,
    Schools,
    Explain,
    /// How far the projection moves when the assumptions move within their ranges.
    Uncertainty,
    /// The balance score's chart as a tab of its own, where the panel is too short for it and
    /// another chart both (a laptop); elsewhere it is always shown.
    #[default]
    Score,
}

impl ChartTab {
    pub const ALL: [Self; 6] =
        [Self::Composition, Self::TenureMix, Self::Status, Self::Schools, Self::Explain, Self::Uncertainty];

    pub fn key(self) -> &'static str {
        match self {
            Self::Composition => "composition",
            Self::TenureMix => "tenure_mix",
            Self::Status => "status",
            Self::Schools => "schools",
            Self::Explain => "explain",
            Self::Uncertainty => "uncertainty",
            Self::Score => "score",
        }
    }
}

/// What the centre of the window shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CentralView {
    #[default]
    Map,
    /// The open plan beside the pinned variants.
    Compare,
    /// *Hvad skal der til?*: goals, limits and the plans a search found.
    Search,
}

/// How the comparison's score chart shows the variants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DifferenceMode {
    /// Each variant's own score.
    #[default]
    Values,
    /// Points above or below the reference.
    Absolute,
    /// Percent above or below the reference.
    Relative,
}

impl DifferenceMode {
    pub const ALL: [Self; 3] = [Self::Values, Self::Absolute, Self::Relative];

    pub fn key(self) -> &'static str {
        match self {
            Self::Values => "values",
            Self::Absolute => "absolute",
            Self::Relative => "relative",
        }
    }
}

/// The kinds of action the area editor adds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DraftKind {
    #[default]
    Demolish,
    Build,
    Sell,
    Convert,
    Merge,
    Empty,
    Facility,
}

impl DraftKind {
    pub const ALL: [Self; 7] =
        [Self::Demolish, Self::Build, Self::Sell, Self::Convert, Self::Merge, Self::Empty, Self::Facility];

    /// The same key as the action's (`demolish`, `build`, ...).
    pub fn key(self) -> &'static str {
        match self {
            Self::Demolish => "demolish",
            Self::Build => "build",
            Self::Sell => "sell",
            Self::Convert => "convert",
            Self::Merge => "merge",
            Self::Empty => "empty",
            Self::Facility => "facility",
        }
    }
}

/// The action being put together in the area editor before it is added.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionDraft {
    pub kind: DraftKind,
    pub tenure: Tenure,
    /// For conversions: the tenure the homes become.
    pub to: Tenure,
    pub facility: FacilityKind,
    /// Homes, or m² for a facility.
    pub count: f64,
    /// For emptying: the years the homes stand empty.
    pub years: u16,
}

impl Default for ActionDraft {
    fn default() -> Self {
        Self {
            kind: DraftKind::Demolish,
            tenure: Tenure::AlmenFamily,
            to: Tenure::AlmenYouth,
            facility: FacilityKind::CultureHouse,
            count: 100.0,
            years: 2,
        }
    }
}

impl ActionDraft {
    /// The action this draft makes in an area.
    pub fn action(&self, area: &str) -> ActionKind {
        let area = area.to_owned();
        let count = self.count;
        match self.kind {
            DraftKind::Demolish => ActionKind::Demolish { area, tenure: self.tenure, count },
            DraftKind::Build => ActionKind::Build { area, tenure: self.tenure, count, over_years: 1 },
            DraftKind::Sell => ActionKind::Sell { area, count },
            DraftKind::Convert => ActionKind::Convert { area, from: self.tenure, to: self.to, count },
            DraftKind::Merge => ActionKind::Merge { area, tenure: self.tenure, count },
            DraftKind::Empty => ActionKind::Empty { area, tenure: self.tenure, count, years: self.years.max(1) },
            DraftKind::Facility => ActionKind::Facility { area, facility: self.facility, area_m2: count },
        }
    }
}

pub use crate::model::MILESTONES;

/// The room's view of the plan.
#[derive(Clone, Debug)]
pub struct ViewState {
    pub year: u16,
    /// The year the room meets in (the computer's clock at start): the law is known to it, and
    /// the years after it are judged by the last known law, which the list says.
    pub this_year: u16,
    pub playing: bool,
    /// App time (seconds) of the last step of play; `None` until the first frame of a play.
    pub play_clock: Option<f64>,
    pub selection: Selection,
    pub indicator: MapIndicator,
    pub language: Language,
    pub show_editor: bool,
    pub show_charts: bool,
    pub editor_tab: EditorTab,
    pub chart_tab: ChartTab,
    /// The composition chart in percent of residents instead of persons.
    pub composition_in_percent: bool,
    pub assumption_filter: String,
    pub show_only_changed_assumptions: bool,
    pub draft: ActionDraft,
    pub central: CentralView,
    /// Compare every variant with the baseline instead of with the open plan.
    pub compare_with_baseline: bool,
    pub difference: DifferenceMode,
    /// The comment being written, and who is saying it (kept for the next comment).
    pub comment_author: String,
    pub comment_text: String,
    /// The table or group voting in *Sammenlign*, and how many dots it gives (kept between
    /// votes).
    pub vote_group: String,
    pub vote_dots: u32,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            year: 2025,
            this_year: crate::time::this_year(),
            playing: false,
            play_clock: None,
            selection: Selection::Municipality,
            indicator: MapIndicator::default(),
            language: Language::Danish,
            show_editor: true,
            show_charts: true,
            editor_tab: EditorTab::default(),
            chart_tab: ChartTab::default(),
            composition_in_percent: false,
            assumption_filter: String::new(),
            show_only_changed_assumptions: false,
            draft: ActionDraft::default(),
            central: CentralView::default(),
            compare_with_baseline: false,
            difference: DifferenceMode::default(),
            comment_author: String::new(),
            comment_text: String::new(),
            vote_group: String::new(),
            vote_dots: 1,
        }
    }
}

impl ViewState {
    /// Moves play on to app time `now` (seconds): one year a second through the plan's years,
    /// from its start again if it stood at the end, stopping at the end. Returns the seconds
    /// until the next step while playing.
    pub fn advance_play(&mut self, now: f64, span: Span) -> Option<f64> {
        if !self.playing {
            self.play_clock = None;
            return None;
        }
        let last = *self.play_clock.get_or_insert_with(|| {
            if self.year >= span.last {
                self.year = span.first;
            }
            now
        });
        let steps = ((now - last).max(0.0).floor() as u16).min(span.last - span.first);
        if steps > 0 {
            self.year = (self.year + steps).min(span.last);
            self.play_clock = Some(last + f64::from(steps));
        }
        if self.year >= span.last {
            self.playing = false;
            self.play_clock = None;
            return None;
        }
        self.play_clock.map(|last| (last + 1.0 - now).max(0.0))
    }

    /// The selected area's id, if an area is selected.
    pub fn selected_area(&self) -> Option<&str> {
        match &self.selection {
            Selection::Area(id) => Some(id),
            _ => None,
        }
    }
}
