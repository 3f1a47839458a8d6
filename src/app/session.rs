//! The open plan and everything derived from it: its projection and its baseline's, the undo
//! and redo history, the last change (for "explain this change"), and — computed on a worker
//! thread so that an edit never waits for them — the attribution of plan against baseline and
//! the bands (how far the projection moves within the assumptions' ranges). A newer edit
//! cancels the worker's running job.
//!
//! Every change is a [`PlanEdit`] value given to [`Session::apply`]: the plan (held as an
//! `Arc`, so the undo history, the worker and the projector share it without copies) is changed
//! on a copy, validated, and only then replaces the open plan, so an invalid edit is refused with
//! its reason and nothing else changes. Edits made during one pointer gesture with the same merge
//! key (a slider drag) form one undo step and one line of the change log.

use crate::assets::{self, Library};
use crate::bands::{self, Bands};
use crate::engine;
use crate::explain::Attribution;
use crate::map::PlanMap;
use crate::model::{ChangeEntry, Params, Plan, PlanEdit};
use crate::sim::{self, Projection};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

/// What the worker calls when a result is ready (the app asks for a repaint).
type Waker = Box<dyn Fn() + Send>;
type SharedWaker = Arc<Mutex<Option<Waker>>>;

/// One undoable step: the plan as it was before an edit, and the edit.
#[derive(Clone, Debug)]
struct Step {
    edit: PlanEdit,
    plan: Arc<Plan>,
}

/// How the plan last changed.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeKind {
    Edit,
    Undone,
    Redone,
}

/// The last edit, undo or redo that changed the projection, with the projections on either
/// side of it.
#[derive(Clone, Debug)]
pub struct Change {
    pub kind: ChangeKind,
    pub edit: PlanEdit,
    pub before: Arc<Projection>,
    pub after: Arc<Projection>,
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub edit: PlanEdit,
    /// Why: the first problem the plan would have had.
    pub problem: crate::model::PlanProblem,
}

struct AttributionJob {
    revision: u64,
    plan: Arc<Plan>,
    baseline: Arc<Plan>,
}

/// What the worker hands back for a revision.
enum WorkerResult {
    Attribution(u64, Attribution),
    Bands(u64, Bands),
}

/// The plan being worked on.
pub struct Session {
    library: Arc<Library>,
    plan: Arc<Plan>,
    /// The plan as last opened or saved, to tell whether there are unsaved changes; `None`
    /// for a restored autosave that exists nowhere else.
    saved: Option<Arc<Plan>>,
    baseline: Arc<Plan>,
    params: Params,
    /// Why the plan's assumptions could not be used (the defaults are used instead).
    assumption_error: Option<String>,
    projection: Arc<Projection>,
    baseline_projection: Arc<Projection>,
    /// The plan's map, built when the municipality changes (in practice: New and Open).
    map: Arc<PlanMap>,
    /// Whether the baseline projection counts facilities under § 168 a (it follows the plan).
    aligned_facilities: bool,
    revision: u64,
    /// Goes up with every change of the plan, a new name as much as a demolition.
    generation: u64,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The merge key of the step still open in the current pointer gesture.
    open_merge: Option<String>,
    last_change: Option<Change>,
    refusal: Option<Refusal>,
    attribution: Option<(u64, Arc<Attribution>)>,
    bands: Option<(u64, Arc<Bands>)>,
    jobs: Sender<AttributionJob>,
    results: Receiver<WorkerResult>,
    /// The newest revision asked for: the worker stops a job for an older one.
    newest: Arc<AtomicU64>,
    waker: SharedWaker,
}

impl Session {
    /// Opens a plan, compared with the baseline it names.
    pub fn new(library: Arc<Library>, mut plan: Plan) -> Result<Self, assets::AssetError> {
        let baseline = Arc::new(engine::baseline_for(&plan)?);
        plan.number_actions();
        let plan = Arc::new(plan);
        let (jobs, job_queue) = mpsc::channel::<AttributionJob>();
        let (result_sender, results) = mpsc::channel();
        let waker: SharedWaker = Arc::new(Mutex::new(None));
        let newest = Arc::new(AtomicU64::new(1));
        let worker = Worker {
            library: Arc::clone(&library),
            results: result_sender,
            newest: Arc::clone(&newest),
            waker: Arc::clone(&waker),
        };
        std::thread::Builder::new()
            .name("attribution and bands".to_owned())
            .spawn(move || worker.run(&job_queue))
            .map_err(|e| assets::AssetError {
                file: "(worker thread)",
                error: crate::io::ParseError { line: 0, column: 0, message: e.to_string() },
            })?;
        let aligned_facilities = plan.facilities_count_as_commercial;
        let (params, assumption_error) = engine::resolve(&library, &plan);
        let projection = Arc::new(sim::project(&plan, engine::inputs(&library, &plan, &params)));
        let aligned = engine::aligned_baseline(&baseline, &plan);
        let baseline_projection = Arc::new(sim::project(&aligned, engine::inputs(&library, &aligned, &params)));
        let map = Arc::new(PlanMap::build(&plan.municipality));
        let session = Self {
            library,
            map,
            saved: Some(Arc::clone(&plan)),
            plan,
            baseline,
            params,
            assumption_error,
            aligned_facilities,
            projection,
            baseline_projection,
            revision: 1,
            generation: 1,
            undo: Vec::new(),
            redo: Vec::new(),
            open_merge: None,
            last_change: None,
            refusal: None,
            attribution: None,
            bands: None,
            jobs,
            results,
            newest,
            waker,
        };
        session.request_attribution();
        Ok(session)
    }

    /// Sets what the worker calls when an attribution is ready (the app asks for a repaint).
    pub fn set_waker(&self, waker: Waker) {
        if let Ok(mut slot) = self.waker.lock() {
            *slot = Some(waker);
        }
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The library, to hand to another thread (a search).
    pub fn shared_library(&self) -> Arc<Library> {
        Arc::clone(&self.library)
    }

    /// The open plan; clone the `Arc` to keep it beyond an edit.
    pub fn plan(&self) -> &Arc<Plan> {
        &self.plan
    }

    /// The plan's map: outlines, districts, landmarks.
    pub fn map(&self) -> &Arc<PlanMap> {
        &self.map
    }

    pub fn baseline(&self) -> &Plan {
        &self.baseline
    }

    pub fn params(&self) -> &Params {
        &self.params
    }

    pub fn projection(&self) -> &Arc<Projection> {
        &self.projection
    }

    pub fn baseline_projection(&self) -> &Arc<Projection> {
        &self.baseline_projection
    }

    /// Goes up by one with every change of what the plan projects; caches key on it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Goes up with every change of the plan at all (autosave keys on it).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn assumption_error(&self) -> Option<&str> {
        self.assumption_error.as_deref()
    }

    pub fn last_change(&self) -> Option<&Change> {
        self.last_change.as_ref()
    }

    pub fn refusal(&self) -> Option<&Refusal> {
        self.refusal.as_ref()
    }

    pub fn dismiss_refusal(&mut self) {
        self.refusal = None;
    }

    /// Whether the plan differs from the one last opened or saved.
    pub fn is_dirty(&self) -> bool {
        self.saved.as_ref().is_none_or(|saved| !Arc::ptr_eq(saved, &self.plan) && **saved != *self.plan)
    }

    /// Takes what the worker has finished for this revision (once a frame, before drawing).
    pub fn poll_worker(&mut self) {
        while let Ok(result) = self.results.try_recv() {
            match result {
                WorkerResult::Attribution(revision, a) if revision == self.revision => {
                    self.attribution = Some((revision, Arc::new(a)));
                }
                WorkerResult::Bands(revision, b) if revision == self.revision => {
                    self.bands = Some((revision, Arc::new(b)))
                }
                _ => {}
            }
        }
    }

    /// The attribution of plan against baseline, once the worker has it for this revision.
    pub fn attribution(&self) -> Option<Arc<Attribution>> {
        self.attribution.as_ref().filter(|(r, _)| *r == self.revision).map(|(_, a)| Arc::clone(a))
    }

    /// The bands of this revision, once the worker has them.
    pub fn bands(&self) -> Option<Arc<Bands>> {
        self.bands.as_ref().filter(|(r, _)| *r == self.revision).map(|(_, b)| Arc::clone(b))
    }

    /// Projects another plan (a variant to compare) with its own assumptions and rule set.
    pub fn project_other(&self, plan: &Plan) -> Projection {
        engine::project(&self.library, plan)
    }

    /// The edits undo would take back (latest last).
    pub fn undo_edits(&self) -> impl Iterator<Item = &PlanEdit> {
        self.undo.iter().map(|s| &s.edit)
    }

    /// The edits redo would make again (latest last).
    pub fn redo_edits(&self) -> impl Iterator<Item = &PlanEdit> {
        self.redo.iter().map(|s| &s.edit)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies an edit if the plan stays valid; an invalid one is refused with its reason and
    /// nothing changes. Edits with the same merge key during one pointer gesture are one undo
    /// step and one line of the change log. Returns whether the plan changed.
    pub fn apply(&mut self, edit: PlanEdit) -> bool {
        let mut next = Arc::clone(&self.plan);
        edit.apply(Arc::make_mut(&mut next));
        if next == self.plan {
            return false;
        }
        if let Some(problem) = next.validate(&self.library.table).into_iter().next() {
            self.refusal = Some(Refusal { edit, problem });
            return false;
        }
        self.refusal = None;
        let merge_key = edit.merge_key();
        let merging = merge_key.is_some() && merge_key == self.open_merge;
        let logged = match (merging, self.undo.last()) {
            (true, Some(step)) => edit.clone().after(&step.edit),
            _ => edit.clone(),
        };
        let entry = ChangeEntry { time: crate::time::now_utc(), edit: Some(logged.clone()), text: String::new() };
        let log = &mut Arc::make_mut(&mut next).change_log;
        match log.last_mut() {
            Some(last) if merging => *last = entry,
            _ => crate::model::limits::push_change(log, entry),
        }
        match self.undo.last_mut() {
            Some(step) if merging => step.edit = logged.clone(),
            _ => self.undo.push(Step { edit: logged.clone(), plan: Arc::clone(&self.plan) }),
        }
        self.redo.clear();
        self.open_merge = merge_key;
        self.plan = next;
        self.generation += 1;
        if logged.changes_projection() {
            let before = match &self.last_change {
                Some(change) if merging => Arc::clone(&change.before),
                _ => Arc::clone(&self.projection),
            };
            self.reproject();
            let after = Arc::clone(&self.projection);
            self.last_change = Some(Change { kind: ChangeKind::Edit, edit: logged, before, after });
        }
        true
    }

    /// Ends the current pointer gesture: the next edit starts a new undo step.
    pub fn end_gesture(&mut self) {
        self.open_merge = None;
    }

    /// Takes back the last edit.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else { return false };
        let current = std::mem::replace(&mut self.plan, step.plan);
        self.redo.push(Step { edit: step.edit.clone(), plan: current });
        self.after_history_move(ChangeKind::Undone, step.edit);
        true
    }

    /// Does the last undone edit again.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else { return false };
        let current = std::mem::replace(&mut self.plan, step.plan);
        self.undo.push(Step { edit: step.edit.clone(), plan: current });
        self.after_history_move(ChangeKind::Redone, step.edit);
        true
    }

    fn after_history_move(&mut self, kind: ChangeKind, edit: PlanEdit) {
        self.open_merge = None;
        self.refusal = None;
        self.generation += 1;
        if edit.changes_projection() {
            let before = Arc::clone(&self.projection);
            self.reproject();
            self.last_change = Some(Change { kind, edit, before, after: Arc::clone(&self.projection) });
        }
    }

    /// Records that the open plan is now what is on disk (after a save).
    pub fn mark_saved(&mut self) {
        self.saved = Some(Arc::clone(&self.plan));
    }

    /// Replaces the open plan with a restored autosave: it counts as unsaved against `saved`
    /// (the file it came from), or against nothing.
    pub fn replace_with_unsaved(&mut self, plan: Plan, saved: Option<Plan>) {
        self.replace_plan(plan);
        self.saved = saved.map(|mut saved| {
            saved.number_actions();
            Arc::new(saved)
        });
    }

    /// Replaces the open plan (New, Open): the history starts afresh.
    pub fn replace_plan(&mut self, mut plan: Plan) {
        plan.number_actions();
        self.plan = Arc::new(plan);
        self.saved = Some(Arc::clone(&self.plan));
        self.generation += 1;
        self.undo.clear();
        self.redo.clear();
        self.open_merge = None;
        self.last_change = None;
        self.refusal = None;
        self.reproject();
    }

    /// Projects the plan and, when its assumptions or rule set changed, the baseline too; and
    /// asks the worker for the attribution of the new revision.
    fn reproject(&mut self) {
        let (params, error) = engine::resolve(&self.library, &self.plan);
        // A plan compared with its own start moves its baseline when its starting figures move;
        // another plan opened may name another baseline.
        let baseline = engine::baseline_for(&self.plan);
        let new_baseline = baseline.as_ref().is_ok_and(|b| b != self.baseline.as_ref());
        if let (true, Ok(baseline)) = (new_baseline, baseline) {
            self.baseline = Arc::new(baseline);
        }
        let aligned = engine::aligned_baseline(&self.baseline, &self.plan);
        let baseline_stale = new_baseline
            || params != self.params
            || self.baseline_projection.rules != self.plan.rule_set
            || self.aligned_facilities != self.plan.facilities_count_as_commercial;
        self.params = params;
        self.assumption_error = error;
        self.projection = Arc::new(sim::project(&self.plan, engine::inputs(&self.library, &self.plan, &self.params)));
        if baseline_stale {
            self.aligned_facilities = self.plan.facilities_count_as_commercial;
            self.baseline_projection =
                Arc::new(sim::project(&aligned, engine::inputs(&self.library, &aligned, &self.params)));
        }
        if !self.map.is_for(&self.plan.municipality) {
            self.map = Arc::new(PlanMap::build(&self.plan.municipality));
        }
        self.revision += 1;
        self.request_attribution();
    }

    fn request_attribution(&self) {
        self.newest.store(self.revision, Ordering::SeqCst);
        // A closed worker only means no attribution is shown; the plan itself is unaffected.
        let _ = self.jobs.send(AttributionJob {
            revision: self.revision,
            plan: Arc::clone(&self.plan),
            baseline: Arc::clone(&self.baseline),
        });
    }
}

impl Drop for Session {
    /// Stops the worker's running job: no revision is newer than this.
    fn drop(&mut self) {
        self.newest.store(u64::MAX, Ordering::SeqCst);
    }
}

/// The thread that attributes and bands the newest revision.
struct Worker {
    library: Arc<Library>,
    results: Sender<WorkerResult>,
    newest: Arc<AtomicU64>,
    waker: SharedWaker,
}

impl Worker {
    /// Runs jobs, always the newest waiting, until the session is dropped.
    fn run(&self, jobs: &Receiver<AttributionJob>) {
        while let Ok(mut job) = jobs.recv() {
            while let Ok(newer) = jobs.try_recv() {
                job = newer;
            }
            let revision = job.revision;
            let cancelled = || self.newest.load(Ordering::SeqCst) != revision;
            let Some(attribution) = engine::attribute(&self.library, &job.plan, &job.baseline, &cancelled) else {
                continue;
            };
            if !self.send(WorkerResult::Attribution(revision, attribution)) {
                return;
            }
            let Some(bands) = bands::bands(&self.library, &job.plan, bands::RUNS, &cancelled) else { continue };
            if !self.send(WorkerResult::Bands(revision, bands)) {
                return;
            }
        }
    }

    /// Hands a result to the session and wakes the UI; false once the session is gone.
    fn send(&self, result: WorkerResult) -> bool {
        if self.results.send(result).is_err() {
            return false;
        }
        if let Ok(slot) = self.waker.lock()
            && let Some(wake) = slot.as_ref()
        {
            wake();
        }
        true
    }
}
