//! Exports that need no window: the projection as CSV and the workshop report as HTML, written
//! to the exports folder. Each result (the file, or why not) waits in
//! [`super::document::Document::exports_finished`] until the UI reports it.

use super::WorkshopApp;
use crate::model::Plan;
use std::path::PathBuf;

impl WorkshopApp {
    /// A new plan from the 2016 starting point: the baseline's municipality, no actions.
    pub fn plan_from_2016(&self) -> Plan {
        let mut plan = Plan::clone(self.session.baseline());
        plan.actions.clear();
        plan.efforts.clear();
        plan.change_log.clear();
        self.tr().t("plan.new_name").clone_into(&mut plan.name);
        plan.author.clear();
        plan.notes.clear();
        plan
    }

    /// Writes the projection as CSV to the exports folder.
    pub fn export_csv(&mut self) {
        let stem = format!("{} fremskrivning", self.session.plan().name);
        let result = crate::export::projection_csv(self.session.projection()).and_then(|csv| {
            let path = self.workspace.export_path(&stem, "csv").map_err(|e| e.to_string())?;
            crate::io::write_atomically(&path, csv.as_bytes(), "the table").map_err(|e| e.to_string())?;
            Ok(path)
        });
        self.export_finished(result);
    }

    /// Writes the workshop report (the open plan and the pinned variants, each under the name
    /// the comparison gives it) to the exports folder.
    pub fn export_report(&mut self) {
        let mut plans = vec![Plan::clone(self.session.plan())];
        plans.extend(self.document.pinned.iter().map(|p| Plan::clone(&p.plan)));
        if crate::report::too_much_for_one_report(&plans).is_some() {
            let areas: usize = plans.iter().map(|p| p.municipality.areas.len()).sum();
            let why = self.tr().fill(
                "export.report_too_large",
                &[("areas", &areas.to_string()), ("max", &crate::report::MAX_REPORT_AREAS.to_string())],
            );
            self.export_finished(Err(why));
            return;
        }
        for (plan, name) in plans.iter_mut().zip(self.variant_names()) {
            plan.name = name;
        }
        let result =
            crate::report::report_for_plans_coloured(self.session.library(), &plans, self.tr(), self.view.indicator)
                .and_then(|html| {
                    let stem = format!("{} rapport", self.session.plan().name);
                    let path = self.workspace.export_path(&stem, "html").map_err(|e| e.to_string())?;
                    crate::io::write_atomically(&path, html.as_bytes(), "the report").map_err(|e| e.to_string())?;
                    Ok(path)
                });
        self.export_finished(result);
    }

    /// Hands an export's result to the UI to report.
    /// Opens an exported file, or the folder it is in, with the system's own program (the
    /// browser for a report, the file manager for a folder); a message says why if it cannot.
    pub fn open_with_system(&mut self, path: &std::path::Path) {
        if let Err(error) = open::that_detached(path) {
            let tr = self.tr();
            let message =
                tr.fill("export.open_failed", &[("path", &path.display().to_string()), ("error", &error.to_string())]);
            self.document.dialog = Some(super::Dialog::Message(message));
        }
    }

    pub fn export_finished(&self, result: Result<PathBuf, String>) {
        if let Ok(mut done) = self.document.exports_finished.lock() {
            done.push(result);
        }
    }
}
