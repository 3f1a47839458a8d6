//! The plan editor on the left, in four tabs: the selected area ([`area`]), its district
//! ([`district`]), the municipality ([`municipality`]) and the assumptions. Inputs are bounded;
//! an edit the plan's validation refuses is shown with its reason. Panels read the plan through
//! an `Arc` (no copy per frame) and hand edits to the session.

mod area;
mod district;
mod municipality;

use crate::app::{EditorTab, WorkshopApp};
use crate::words;

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    ui.horizontal_wrapped(|ui| {
        for tab in EditorTab::ALL {
            ui.selectable_value(&mut app.view.editor_tab, tab, tr.of("editor_tab", tab.key()));
        }
    });
    ui.separator();
    refusal(ui, app);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| match app.view.editor_tab {
        EditorTab::Area => area::show(ui, app),
        EditorTab::District => district::show(ui, app),
        EditorTab::Municipality => municipality::show(ui, app),
        EditorTab::Assumptions => super::assumptions::show(ui, app),
    });
}

/// The last edit the plan's checks refused, with why, until dismissed.
fn refusal(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let Some(refusal) = app.session.refusal() else { return };
    let tr = app.tr();
    let what = words::edit(tr, &app.session.plan().municipality, &refusal.edit);
    let reason = words::problem(tr, &refusal.problem);
    let mut dismiss = false;
    egui::Frame::new().fill(egui::Color32::from_rgb(0xFD, 0xE2, 0xDC)).inner_margin(6).show(ui, |ui| {
        ui.label(egui::RichText::new(tr.fill("notice.refused", &[("what", &what)])).strong());
        ui.label(reason);
        dismiss = ui.button(tr.t("notice.ok")).clicked();
    });
    if dismiss {
        app.session.dismiss_refusal();
    }
}

/// The effect of one of the plan's actions in words, once the worker has worked it out: on the
/// score (and, with `outside`, on its area's outside-work share) at the slider's year.
fn action_effect(app: &WorkshopApp, action: &crate::model::Action, outside: bool) -> String {
    let tr = app.tr();
    let year = app.view.year;
    let attribution = app.session.attribution();
    match attribution.as_ref().and_then(|a| a.action_part(action.id).map(|i| (a, i))) {
        Some((a, i)) if outside => {
            let share = a.year_index(year).map_or(0.0, |y| a.parts[i].area_outside_work[y]);
            tr.fill(
                "editor.effect",
                &[
                    ("year", &year.to_string()),
                    ("score", &words::part_effect(tr, a, i, year)),
                    ("outside", &words::percentage_points(tr, share)),
                ],
            )
        }
        Some((a, i)) => words::part_effect(tr, a, i, year),
        None if app.session.baseline().actions.contains(action) => tr.t("editor.in_baseline").to_owned(),
        None if attribution.as_ref().is_some_and(|a| a.grouped.is_some()) => tr.t("editor.in_group").to_owned(),
        None => tr.t("explain.working").to_owned(),
    }
}
