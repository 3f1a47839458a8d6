//! Plans beside the open one: the rows of the variants browser (saved files, recent files and
//! the shipped plans, each with its scores), renaming a variant file, and the variants pinned
//! for comparison.

use super::WorkshopApp;
use super::document::{MAX_PINNED, Pinned, VariantRow};
use crate::io;
use crate::model::{Plan, PlanEdit, Vote};
use crate::sim::Projection;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Which variant of the comparison a vote is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteTarget {
    /// The open plan.
    Open,
    /// A pinned variant, by its place among the pinned.
    Pinned(usize),
}

impl WorkshopApp {
    /// The rows of the variants browser: the saves folder, the recent files and the shipped
    /// plans, each projected once for its scores.
    pub fn variant_rows(&self) -> Vec<VariantRow> {
        let scores = |plan: &Plan| {
            let p = self.session.project_other(plan);
            let at = |year| p.score_in(year).map_or(0.0, |s| s.total);
            (at(2025), at(plan.span().last))
        };
        let mut rows: Vec<VariantRow> = self
            .workspace
            .variants(&self.session.library().table)
            .into_iter()
            .map(|file| match file.plan {
                Ok(plan) => VariantRow {
                    path: Some(file.path),
                    name: plan.name.clone(),
                    author: plan.author.clone(),
                    notes: plan.notes.clone(),
                    modified: file.modified,
                    scores: Ok(scores(&plan)),
                    plan: Some(plan),
                },
                Err(error) => VariantRow {
                    name: file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                    path: Some(file.path),
                    author: String::new(),
                    notes: String::new(),
                    modified: file.modified,
                    scores: Err(error),
                    plan: None,
                },
            })
            .collect();
        for shipped in &crate::assets::SHIPPED_PLANS {
            if let Ok(plan) = crate::assets::shipped_plan(shipped.file_name) {
                let already = rows.iter().any(|r| r.plan.as_ref() == Some(&plan));
                if !already {
                    rows.push(VariantRow {
                        path: None,
                        name: plan.name.clone(),
                        author: plan.author.clone(),
                        notes: plan.notes.clone(),
                        modified: None,
                        scores: Ok(scores(&plan)),
                        plan: Some(plan),
                    });
                }
            }
        }
        rows
    }

    /// Renames a variant file: the plan inside takes the name, and the file is written under
    /// a matching name (atomically) before the old one is removed.
    pub fn rename_variant(&mut self, path: &Path, name: &str) -> Result<PathBuf, String> {
        let mut plan = io::load_plan(path, &self.session.library().table).map_err(|e| e.to_string())?;
        name.trim().clone_into(&mut plan.name);
        let new_path = self.workspace.new_variant_path(name).map_err(|e| e.to_string())?;
        io::save_plan(&new_path, &plan).map_err(|e| e.to_string())?;
        std::fs::remove_file(path).map_err(|e| e.to_string())?;
        if self.document.path.as_deref() == Some(path) {
            self.document.path = Some(new_path.clone());
            self.session.apply(crate::model::PlanEdit::Name(name.trim().to_owned()));
            self.session.mark_saved();
        }
        self.document.browser_rows = None;
        Ok(new_path)
    }

    /// The open plan beside the pinned variants at the slider's year. The reference (first
    /// column) is the open plan, or the baseline when comparing with it. Every variant is shown
    /// under a name of its own ([`Self::variant_names`]).
    pub fn comparison(&self) -> crate::compare::Comparison {
        let names = self.variant_names();
        let baseline_name = self.tr().t("series.baseline").to_owned();
        let mut variants: Vec<(&str, &Projection, &[Vote])> = Vec::new();
        if self.view.compare_with_baseline {
            variants.push((&baseline_name, self.session.baseline_projection(), &[]));
        }
        variants.push((&names[0], self.session.projection(), &self.session.plan().votes));
        variants.extend(
            self.document
                .pinned
                .iter()
                .zip(&names[1..])
                .map(|(p, name)| (name.as_str(), &*p.projection, p.plan.votes.as_slice())),
        );
        crate::compare::compare(&variants, self.view.year)
    }

    /// The names the open plan (first) and the pinned variants go by in the comparison, the
    /// votes and the report: each its own, so that the room never gives dots to the wrong one.
    /// Where two would read the same, a pinned variant adds its file's name, else a number.
    pub fn variant_names(&self) -> Vec<String> {
        let mut names = vec![self.session.plan().name.clone()];
        for pinned in &self.document.pinned {
            let mut name = pinned.name.clone();
            if names.contains(&name)
                && let Some(file) = pinned.path.as_deref().and_then(Path::file_name)
            {
                name = format!("{name} ({})", file.to_string_lossy());
            }
            let base = name.clone();
            let mut n = 2;
            while names.contains(&name) {
                name = format!("{base} ({n})");
                n += 1;
            }
            names.push(name);
        }
        names
    }

    /// Pins a plan for comparison (at most [`MAX_PINNED`]), with the file it came from if any;
    /// false if full, already pinned, or the open plan's own file: that copy is the open plan,
    /// which the comparison always has (its dots go to the open plan's row), so it is not pinned
    /// a second time, where a save of the open plan would overwrite the dots given to it. A
    /// message says so.
    pub fn pin(&mut self, name: String, plan: Arc<Plan>, path: Option<PathBuf>) -> bool {
        if let (Some(path), Some(open)) = (&path, &self.document.path)
            && crate::files::same_file(path, open)
        {
            let message = self.tr().fill("compare.is_open_plan", &[("name", &name)]);
            self.show(super::Dialog::Message(message));
            return false;
        }
        if self.document.pinned.len() >= MAX_PINNED || self.document.pinned.iter().any(|p| p.plan == plan) {
            return false;
        }
        let projection = Arc::new(self.session.project_other(&plan));
        self.document.pinned.push(Pinned { name, plan, projection, path });
        true
    }

    /// Pins the open plan as it is now: a snapshot with a name of its own ("Visionsplan 2016 –
    /// øjebliksbillede kl. 14:32"), in the plan itself, so that the file its dots are saved in,
    /// the comparison, the votes and the report all tell it from the open plan.
    pub fn pin_snapshot(&mut self) -> bool {
        let mut plan = Plan::clone(self.session.plan());
        let tr = self.tr();
        let snapshot =
            tr.fill("compare.snapshot_name", &[("name", &plan.name), ("time", &crate::time::local_clock_now())]);
        let mut name = snapshot.clone();
        let mut n = 2;
        while name == plan.name || self.document.pinned.iter().any(|p| p.name == name) {
            name = format!("{snapshot} ({n})");
            n += 1;
        }
        name.chars().take(crate::model::limits::MAX_NAME_CHARS).collect::<String>().clone_into(&mut plan.name);
        self.pin(plan.name.clone(), Arc::new(plan), None)
    }

    /// Before the open plan is written to `path`: a pinned variant kept in that file is moved
    /// to a new variant file with its dots (and a message says where), so the save never
    /// overwrites them.
    pub(super) fn rehome_pinned_at(&mut self, path: &Path) {
        let tr = self.tr();
        let mut moved = Vec::new();
        for i in 0..self.document.pinned.len() {
            let pinned = &self.document.pinned[i];
            if !pinned.path.as_deref().is_some_and(|p| crate::files::same_file(p, path)) {
                continue;
            }
            let plan = Arc::clone(&pinned.plan);
            let result = self
                .workspace
                .new_variant_path(&format!("{} {}", plan.name, tr.t("compare.kept_copy")))
                .map_err(|e| e.to_string())
                .and_then(|new| io::save_plan(&new, &plan).map(|()| new).map_err(|e| e.to_string()));
            match result {
                Ok(new) => {
                    moved.push(
                        tr.fill("compare.moved_pinned", &[("name", &plan.name), ("file", &new.display().to_string())]),
                    );
                    self.document.pinned[i].path = Some(new);
                }
                Err(e) => {
                    moved.push(tr.fill("votes.not_saved", &[("error", &e)]));
                    self.document.pinned[i].path = None;
                }
            }
        }
        if !moved.is_empty() {
            self.document.browser_rows = None;
            self.show(super::Dialog::Message(moved.join("\n")));
        }
    }

    /// After a plan file is opened: a pinned variant from that file is now the open plan (its
    /// dots with it), so it leaves the pinned.
    pub(super) fn unpin_opened(&mut self, path: &Path) {
        self.document.pinned.retain(|p| !p.path.as_deref().is_some_and(|p| crate::files::same_file(p, path)));
    }

    /// Adds or removes the room's dots for a variant in the comparison, saved with the variant
    /// they belong to: on the open plan as an undoable edit (saved with the plan), on a pinned
    /// variant written to its file at once. A pinned variant without a file (a snapshot or a
    /// shipped plan) is first saved as a new variant in the saves folder. Returns the file
    /// written, if any.
    pub fn change_votes(&mut self, target: VoteTarget, edit: PlanEdit) -> Result<Option<PathBuf>, String> {
        debug_assert!(matches!(edit, PlanEdit::AddVote(_) | PlanEdit::RemoveVote(_)));
        let i = match target {
            VoteTarget::Open => {
                self.session.apply(edit);
                return Ok(None);
            }
            VoteTarget::Pinned(i) => i,
        };
        let Some(pinned) = self.document.pinned.get(i) else { return Ok(None) };
        // A copy kept in the open plan's own file is the open plan: its dots go there, or the
        // next save of the open plan would write over them.
        if let (Some(file), Some(open)) = (&pinned.path, &self.document.path)
            && crate::files::same_file(file, open)
        {
            self.document.pinned.remove(i);
            self.session.apply(edit);
            return Ok(None);
        }
        let mut plan = (*pinned.plan).clone();
        edit.apply(&mut plan);
        let path = match &pinned.path {
            Some(path) => path.clone(),
            None => self.workspace.new_variant_path(&plan.name).map_err(|e| e.to_string())?,
        };
        io::save_plan(&path, &plan).map_err(|e| e.to_string())?;
        if let Some(pinned) = self.document.pinned.get_mut(i) {
            pinned.plan = Arc::new(plan);
            pinned.path = Some(path.clone());
        }
        self.document.browser_rows = None;
        Ok(Some(path))
    }
}
