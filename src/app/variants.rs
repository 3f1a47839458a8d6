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
    /// column) is the open plan, or the baseline when comparing with it.
    pub fn comparison(&self) -> crate::compare::Comparison {
        let open_name = self.session.plan().name.clone();
        let baseline_name = self.tr().t("series.baseline").to_owned();
        let mut variants: Vec<(&str, &Projection, &[Vote])> = Vec::new();
        if self.view.compare_with_baseline {
            variants.push((&baseline_name, self.session.baseline_projection(), &[]));
        }
        variants.push((&open_name, self.session.projection(), &self.session.plan().votes));
        variants
            .extend(self.document.pinned.iter().map(|p| (p.name.as_str(), &*p.projection, p.plan.votes.as_slice())));
        crate::compare::compare(&variants, self.view.year)
    }

    /// Pins a plan for comparison (at most [`MAX_PINNED`]), with the file it came from if any;
    /// false if full or already pinned.
    pub fn pin(&mut self, name: String, plan: Arc<Plan>, path: Option<PathBuf>) -> bool {
        if self.document.pinned.len() >= MAX_PINNED || self.document.pinned.iter().any(|p| p.plan == plan) {
            return false;
        }
        let projection = Arc::new(self.session.project_other(&plan));
        self.document.pinned.push(Pinned { name, plan, projection, path });
        true
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
