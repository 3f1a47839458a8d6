//! The one eframe app: the open plan, the projection cache and the frame loop.

use crate::assets::{self, Library};
use crate::model::{Params, Plan};
use crate::sim::{self, Projection};

/// The workshop app.
pub struct WorkshopApp {
    pub library: Library,
    pub plan: Plan,
    pub projection: Projection,
    pub year: u16,
    pub error: Option<String>,
}

impl WorkshopApp {
    /// The app with a plan loaded.
    pub fn new(library: Library, plan: Plan) -> Self {
        let (projection, error) = project(&library, &plan);
        Self { library, plan, projection, year: 2025, error }
    }
}

/// Projects a plan; the error names an assumption the plan sets out of range.
fn project(library: &Library, plan: &Plan) -> (Projection, Option<String>) {
    let rules = library.rule_set(plan.rule_set);
    match Params::resolve(&library.table, &plan.assumptions) {
        Ok(params) => (sim::project(plan, &params, rules), None),
        Err(e) => {
            let defaults = Params::resolve(&library.table, &Default::default()).unwrap_or_default();
            (sim::project(plan, &defaults, rules), Some(e.to_string()))
        }
    }
}

impl eframe::App for WorkshopApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::ui::main_ui(ui, self);
    }
}

/// Opens the app window with the Visionsplan loaded.
pub fn run_native() -> Result<(), String> {
    let library = Library::load().map_err(|e| e.to_string())?;
    let plan = assets::shipped_plan("visionsplan-2016.ron").map_err(|e| e.to_string())?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("By i balance")
            .with_inner_size([1366.0, 768.0])
            .with_min_inner_size([1024.0, 640.0]),
        ..Default::default()
    };
    eframe::run_native("By i balance", options, Box::new(|_cc| Ok(Box::new(WorkshopApp::new(library, plan)))))
        .map_err(|e| e.to_string())
}
