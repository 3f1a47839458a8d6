//! *Hvad skal der til?* in the app: the room's question as a form ([`SearchForm`]: goals,
//! limits and seed), the search of a copy of the open plan on a thread of its own
//! ([`SearchJob`]: progress, cancel, the answer with every plan explained by the same
//! attribution as *Forklar*), the answer in the words the command line uses
//! ([`SearchWords`], for the panel and the projector alike), and a plan it found opened as the
//! open plan (asking about unsaved work first) or pinned as a variant for *Sammenlign*.

use super::{Pending, WorkshopApp};
use crate::assets::Library;
use crate::explain::Attribution;
use crate::i18n::Tr;
use crate::model::{AreaKind, ChangeEntry, Plan};
use crate::search::run::{Found, Outcome, Progress};
use crate::search::{self, Goal, LeverKind, Limits, answer};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// The law's deadline for § 168 a: 1 January 2030.
pub const CAP_DEADLINE: u16 = 2030;

/// What the room asks for, as the form holds it. A limit left `None` follows the goals
/// ([`Limits::default_for`]) until the room sets it.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchForm {
    /// An estate off the list from a year.
    pub off_list: bool,
    pub off_list_area: String,
    pub off_list_year: u16,
    /// An estate at or under the § 168 a cap on 1 January of a year.
    pub cap: bool,
    pub cap_area: String,
    pub cap_year: u16,
    /// The balance score at least a value in a year.
    pub score: bool,
    pub score_value: f64,
    pub score_year: u16,
    pub fewest_displaced: bool,
    /// The kinds of lever the search may pull.
    pub levers: Vec<LeverKind>,
    pub areas: Option<Vec<String>>,
    pub most_removed: Option<f64>,
    pub most_displaced: Option<f64>,
    pub most_built: Option<f64>,
    pub years: Option<(u16, u16)>,
    pub seed: u64,
    /// The municipality the form was filled in for (a plan of another one starts it afresh).
    pub municipality: String,
}

impl SearchForm {
    /// The form a room starts from for `plan`: the first estate over the § 168 a cap in 2030 in
    /// `projection` (else the first estate) at or under it by the law's deadline, every lever,
    /// the limits the goal suggests, seed 1.
    pub fn for_plan(plan: &Plan, projection: &crate::sim::Projection, cap: f64) -> Self {
        let span = plan.span();
        let year = CAP_DEADLINE.clamp(span.first, span.last);
        let estates: Vec<&str> = estates(plan).collect();
        let over_cap = projection.year_index(year).and_then(|y| {
            projection.areas.iter().find(|a| {
                a.kind == AreaKind::Estate && a.years.get(y).is_some_and(|at| at.almen_family_share_168a > cap)
            })
        });
        let area = over_cap.map(|a| a.id.clone()).or_else(|| estates.first().map(|a| (*a).to_owned()));
        let area = area.unwrap_or_default();
        let score_now = projection.score_in(year).map_or(50.0, |s| s.total);
        Self {
            off_list: false,
            off_list_area: area.clone(),
            off_list_year: year,
            cap: true,
            cap_area: area,
            cap_year: year,
            score: false,
            score_value: (score_now + 5.0).round().min(100.0),
            score_year: year,
            fewest_displaced: false,
            levers: LeverKind::ALL.to_vec(),
            areas: None,
            most_removed: None,
            most_displaced: None,
            most_built: None,
            years: None,
            seed: 1,
            municipality: plan.municipality.name.clone(),
        }
    }

    /// Whether the form was filled in for `plan`'s municipality and still names its estates.
    pub fn fits(&self, plan: &Plan) -> bool {
        let estate = |id: &str| estates(plan).any(|e| e == id);
        self.municipality == plan.municipality.name && estate(&self.cap_area) && estate(&self.off_list_area)
    }

    /// The goals ticked, in the form's order.
    pub fn goals(&self) -> Vec<Goal> {
        let mut goals = Vec::new();
        if self.off_list {
            goals.push(Goal::OffList { area: self.off_list_area.clone(), by: self.off_list_year });
        }
        if self.cap {
            goals.push(Goal::Cap168a { area: self.cap_area.clone(), by: self.cap_year });
        }
        if self.score {
            goals.push(Goal::ScoreAtLeast { value: self.score_value, year: self.score_year });
        }
        if self.fewest_displaced {
            goals.push(Goal::FewestDisplaced);
        }
        goals
    }

    /// The limits: the room's where set, else what the goals suggest.
    pub fn limits(&self, plan: &Plan) -> Limits {
        let mut limits = Limits::default_for(plan, &self.goals());
        limits.levers = LeverKind::ALL.into_iter().filter(|k| self.levers.contains(k)).collect();
        if let Some(areas) = &self.areas {
            limits.areas.clone_from(areas);
        }
        limits.most_removed = self.most_removed;
        limits.most_displaced = self.most_displaced;
        if let Some(most) = self.most_built {
            limits.most_built = most;
        }
        if let Some(years) = self.years {
            limits.years = years;
        }
        limits
    }

    /// The search the form asks for, or the key of the text that says what is missing.
    pub fn request(&self, plan: &Plan) -> Result<search::Request, &'static str> {
        let goals = self.goals();
        if goals.is_empty() {
            return Err("search.need_goal");
        }
        let limits = self.limits(plan);
        if limits.levers.is_empty() {
            return Err("search.need_lever");
        }
        if limits.areas.is_empty() {
            return Err("search.need_area");
        }
        if limits.years.0 > limits.years.1 {
            return Err("search.need_years");
        }
        Ok(search::Request { goals, limits, seed: self.seed, evaluations: search::run::MOST_EVALUATIONS })
    }
}

/// The ids of the plan's estates, in its order.
pub fn estates(plan: &Plan) -> impl Iterator<Item = &str> {
    plan.municipality.areas.iter().filter(|a| a.kind == AreaKind::Estate).map(|a| a.id.as_str())
}

/// A search's answer with every plan (and the closest) explained against the plan searched.
#[derive(Debug)]
pub struct Answer {
    pub outcome: Outcome,
    /// Per plan of [`Outcome::plans`], then the closest: its attribution (see
    /// [`answer::explain_all`]).
    pub attributions: Vec<Option<Attribution>>,
}

impl Answer {
    /// The plans offered, then the closest, each with its attribution.
    fn found(&self) -> impl Iterator<Item = (&Found, Option<&Attribution>)> {
        let plans = self.outcome.plans.iter().chain(&self.outcome.closest);
        plans.zip(self.attributions.iter().map(Option::as_ref).chain(std::iter::repeat(None)))
    }
}

/// Where a search stands.
#[derive(Clone, Debug)]
pub enum SearchState {
    /// Searching (`explaining`: the plans are found and being explained).
    Running {
        progress: Progress,
        explaining: bool,
    },
    /// Cancelled by the room before it had an answer.
    Stopped,
    Done(Arc<Answer>),
}

/// What the search thread and the app share.
#[derive(Debug, Default)]
struct Shared {
    done: AtomicUsize,
    total: AtomicUsize,
    found: AtomicBool,
    /// The best plan so far, as the search last reported it.
    best: Mutex<Option<search::Glimpse>>,
    explaining: AtomicBool,
    cancel: AtomicBool,
    /// The answer, or `None` when the search was stopped; taken by [`SearchJob::poll`].
    finished: Mutex<Option<Option<Answer>>>,
}

/// One search, of a copy of the plan as it was when it started.
#[derive(Debug)]
pub struct SearchJob {
    /// The plan searched (the open plan may change meanwhile; the answer is about this one).
    pub base: Arc<Plan>,
    /// The session's generation of the plan when the search started.
    pub generation: u64,
    pub request: search::Request,
    pub state: SearchState,
    shared: Arc<Shared>,
}

impl SearchJob {
    /// Starts searching `base` for `request` on a thread of its own.
    pub fn start(library: Arc<Library>, base: Arc<Plan>, generation: u64, request: search::Request) -> Self {
        let shared = Arc::new(Shared::default());
        let mut job = Self {
            base: Arc::clone(&base),
            generation,
            request: request.clone(),
            state: SearchState::Running { progress: Progress::default(), explaining: false },
            shared: Arc::clone(&shared),
        };
        let thread = std::thread::Builder::new().name("search".to_owned()).spawn(move || {
            let answer = run(&library, &base, &request, &shared);
            if let Ok(mut slot) = shared.finished.lock() {
                *slot = Some(answer);
            }
        });
        if thread.is_err() {
            // No thread to search on: the search ends at once, as if stopped.
            job.state = SearchState::Stopped;
        }
        job
    }

    /// Reads the search's progress, and its answer once it has one (once a frame).
    pub fn poll(&mut self) {
        if !matches!(self.state, SearchState::Running { .. }) {
            return;
        }
        let finished = self.shared.finished.lock().ok().and_then(|mut slot| slot.take());
        self.state = match finished {
            Some(Some(answer)) => SearchState::Done(Arc::new(answer)),
            Some(None) => SearchState::Stopped,
            None => SearchState::Running {
                progress: Progress {
                    done: self.shared.done.load(Ordering::Relaxed),
                    total: self.shared.total.load(Ordering::Relaxed),
                    found: self.shared.found.load(Ordering::Relaxed),
                    best: self.shared.best.lock().ok().and_then(|best| *best),
                },
                explaining: self.shared.explaining.load(Ordering::Relaxed),
            },
        };
    }

    pub fn running(&self) -> bool {
        matches!(self.state, SearchState::Running { .. })
    }

    /// Asks the search to stop; it says so once it has.
    pub fn cancel(&self) {
        self.shared.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether the room asked it to stop.
    pub fn cancelled(&self) -> bool {
        self.shared.cancel.load(Ordering::Relaxed)
    }

    /// The answer, once there is one.
    pub fn answer(&self) -> Option<&Arc<Answer>> {
        match &self.state {
            SearchState::Done(answer) => Some(answer),
            _ => None,
        }
    }
}

impl Drop for SearchJob {
    /// A search no one will read stops.
    fn drop(&mut self) {
        self.cancel();
    }
}

/// The search and its explanations, on the search's thread. `None` when stopped.
fn run(library: &Library, base: &Plan, request: &search::Request, shared: &Shared) -> Option<Answer> {
    let observe = |p: Progress| {
        shared.total.store(p.total, Ordering::Relaxed);
        shared.done.fetch_max(p.done, Ordering::Relaxed);
        if p.found {
            shared.found.store(true, Ordering::Relaxed);
        }
        if let (Some(glimpse), Ok(mut best)) = (p.best, shared.best.lock()) {
            *best = Some(glimpse);
        }
    };
    let cancelled = || shared.cancel.load(Ordering::Relaxed);
    let outcome = search::search(library, base, request, &observe, &cancelled)?;
    shared.explaining.store(true, Ordering::Relaxed);
    let attributions = answer::explain_all(library, base, &outcome).into_iter().map(|e| e.attribution).collect();
    (!cancelled()).then_some(Answer { outcome, attributions })
}

/// One plan of the answer in words.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanWords {
    /// Its place: 0.. for the plans offered, the number of plans for the closest.
    pub index: usize,
    /// "Plan 2 af 4", or "Den plan, der kom nærmest:".
    pub title: String,
    /// What it costs and scores, with the band ([`answer::summary`]).
    pub summary: String,
    /// How it stands against each goal ([`answer::standing`]).
    pub goals: Vec<String>,
    /// What it does, part by part with points ([`answer::parts`]).
    pub parts: Vec<String>,
}

/// A search as the room reads it: the question, where the search stands, the answer.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SearchWords {
    /// "Hvad skal der til? Søgt ud fra »…«".
    pub heading: String,
    /// "Mål: …", one a goal.
    pub goals: Vec<String>,
    /// "Grænser: …".
    pub limits: String,
    /// While running: the share done (0–1) and the progress in words.
    pub progress: Option<(f32, String)>,
    /// A line on where it stands: found a plan, stopped, the plans searched.
    pub status: Vec<String>,
    /// When no plan met the goals: which are out of reach.
    pub out_of_reach: Option<String>,
    pub plans: Vec<PlanWords>,
    /// "Hvor ofte hvert greb bruges …", then a line a lever.
    pub uses: Vec<String>,
}

impl SearchWords {
    /// The words of `job` in the language of `tr`. `changed`: the open plan changed since the
    /// search began.
    pub fn of(tr: Tr<'_>, job: &SearchJob, cap: &crate::model::AlmenFamilyCap, changed: bool) -> Self {
        let base = &job.base;
        let m = &base.municipality;
        let goals = &job.request.goals;
        let mut words = Self {
            heading: tr.fill("search.heading", &[("plan", &base.name)]),
            goals: goals
                .iter()
                .map(|g| tr.fill("search.goal_line", &[("goal", &answer::goal(tr, m, cap, g))]))
                .collect(),
            limits: tr.fill("search.limits_line", &[("limits", &answer::limits(tr, m, &job.request.limits))]),
            ..Self::default()
        };
        match &job.state {
            SearchState::Running { progress, explaining } => {
                #[allow(clippy::cast_precision_loss)] // Counts of projections.
                let share = if progress.total > 0 { progress.done as f32 / progress.total as f32 } else { 0.0 };
                #[allow(clippy::cast_precision_loss)]
                let (done, total) = (tr.num(progress.done as f64, 0), tr.num(progress.total as f64, 0));
                let line = if *explaining {
                    tr.t("search.explaining").to_owned()
                } else if job.cancelled() {
                    tr.t("search.stopping").to_owned()
                } else {
                    tr.fill("search.progress", &[("done", &done), ("total", &total)])
                };
                words.progress = Some((share, line));
                if progress.found {
                    words.status.push(tr.t("search.found_one").to_owned());
                }
                if let Some(best) = progress.best {
                    let year = search::run::score_year(base, goals);
                    words.status.push(answer::best_so_far(tr, &best, year));
                }
            }
            SearchState::Stopped => words.status.push(tr.t("search.stopped").to_owned()),
            SearchState::Done(answer) => words.answer(tr, job, answer, cap),
        }
        if changed {
            words.status.push(tr.t("search.plan_changed").to_owned());
        }
        words
    }

    fn answer(&mut self, tr: Tr<'_>, job: &SearchJob, done: &Answer, cap: &crate::model::AlmenFamilyCap) {
        let outcome = &done.outcome;
        let m = &job.base.municipality;
        let goals = &job.request.goals;
        #[allow(clippy::cast_precision_loss)] // A count of projections.
        let count = tr.num(outcome.evaluations as f64, 0);
        self.status.push(tr.fill("search.searched", &[("count", &count), ("seed", &outcome.seed.to_string())]));
        if outcome.already_met {
            self.status.push(tr.t("search.already_met").to_owned());
        }
        let offered = outcome.plans.len();
        if outcome.closest.is_some() {
            self.out_of_reach = Some(answer::out_of_reach(tr, m, cap, goals, outcome));
        }
        for (index, (found, attribution)) in done.found().enumerate() {
            let title = if index < offered {
                answer::plan_title(tr, index, offered, &found.why)
            } else {
                tr.t("search.closest_title").to_owned()
            };
            let parts = attribution.map_or_else(
                || vec![tr.t("search.no_explanation").to_owned()],
                |a| answer::parts(tr, &found.plan, a, outcome.score_year),
            );
            self.plans.push(PlanWords {
                index,
                title,
                summary: answer::summary(tr, found, outcome.score_year),
                goals: goals
                    .iter()
                    .zip(&found.goals)
                    .map(|(g, s)| answer::standing(tr, &found.plan.municipality, g, s))
                    .collect(),
                parts,
            });
        }
        if !outcome.uses.is_empty() {
            self.uses.push(tr.t("search.uses_heading").to_owned());
            self.uses.extend(outcome.uses.iter().map(|used| answer::lever_use(tr, m, used)));
        }
    }
}

impl WorkshopApp {
    /// Starts a search of the open plan as the form asks (stopping one still running).
    pub fn start_search(&mut self) {
        let plan = Arc::clone(self.session.plan());
        let Ok(request) = self.search_form.request(&plan) else { return };
        let library = self.session.shared_library();
        self.search = Some(SearchJob::start(library, plan, self.session.generation(), request));
    }

    /// Reads the running search's progress and answer (once a frame, whatever view is on
    /// show: the projector may be showing it). Returns whether it is still running.
    pub fn poll_search(&mut self) -> bool {
        self.search.as_mut().is_some_and(|job| {
            job.poll();
            job.running()
        })
    }

    /// The search form, filled in afresh when the open plan is of another municipality.
    pub fn fit_search_form(&mut self) {
        if !self.search_form.fits(self.session.plan()) {
            let cap = self.session.library().cap.cap;
            self.search_form = SearchForm::for_plan(self.session.plan(), self.session.projection(), cap);
        }
    }

    /// The search and its answer in words, in the room's language.
    pub fn search_words(&self) -> Option<SearchWords> {
        let job = self.search.as_ref()?;
        let changed = job.generation != self.session.generation();
        Some(SearchWords::of(self.tr(), job, &self.session.library().cap, changed))
    }

    /// The plan found at `index` (the plans offered, then the closest) as a plan of its own:
    /// named after the plan searched ("Basisforløb 2026 – Hvad skal der til?, plan 2"), with a
    /// line in its change log saying where it came from.
    pub fn found_plan(&self, index: usize) -> Option<Plan> {
        let name = self.found_name(index)?;
        let done = self.search.as_ref()?.answer()?;
        let (found, _) = done.found().nth(index)?;
        let tr = self.tr();
        let mut plan = found.plan.clone();
        plan.name = name;
        let text = tr.fill("search.log_entry", &[("summary", &answer::summary(tr, found, done.outcome.score_year))]);
        let entry = ChangeEntry { time: crate::time::now_utc(), edit: None, text };
        crate::model::limits::push_change(&mut plan.change_log, entry);
        Some(plan)
    }

    /// The name the plan found at `index` goes by once opened or pinned.
    fn found_name(&self, index: usize) -> Option<String> {
        let job = self.search.as_ref()?;
        let offered = job.answer()?.outcome.plans.len();
        let tr = self.tr();
        let name = if index < offered {
            tr.fill("search.found_name", &[("plan", &job.base.name), ("n", &(index + 1).to_string())])
        } else {
            tr.fill("search.closest_name", &[("plan", &job.base.name)])
        };
        Some(name.chars().take(crate::model::limits::MAX_NAME_CHARS).collect())
    }

    /// Opens the plan found at `index` as the open plan, unsaved: unsaved work is asked about
    /// first, as with every plan opened.
    pub fn open_found(&mut self, index: usize) {
        if let Some(plan) = self.found_plan(index) {
            self.request(Pending::Searched(Box::new(plan)));
        }
    }

    /// Pins the plan found at `index` beside the open plan for *Sammenlign*. Returns whether it
    /// was pinned (not when full or pinned already).
    pub fn pin_found(&mut self, index: usize) -> bool {
        let Some(plan) = self.found_plan(index) else { return false };
        self.pin(plan.name.clone(), Arc::new(plan), None)
    }

    /// Whether the plan found at `index` is pinned (under the name the search gave it, doing
    /// what it does).
    pub fn found_is_pinned(&self, index: usize) -> bool {
        let Some(name) = self.found_name(index) else { return false };
        let Some((found, _)) = self.search.as_ref().and_then(SearchJob::answer).and_then(|a| a.found().nth(index))
        else {
            return false;
        };
        self.document.pinned.iter().any(|p| p.name == name && p.plan.actions == found.plan.actions)
    }
}
