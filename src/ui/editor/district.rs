//! The district tab: the district's profile at the slider's year, the plan's moves in it with
//! their effects, comments, and the institutions standing in it then — capacity, moving one,
//! and for schools a strong profile, the catchment and merging into another school.

use super::super::widgets::number;
use crate::app::{Selection, WorkshopApp, places};
use crate::model::{ActionKind, InstitutionKind, Plan, PlanEdit, action_year_for, shows_from};
use crate::words;
use std::sync::Arc;

/// The district shown in the district tab: the selected one, or the selected area's.
fn current_district(app: &WorkshopApp) -> Option<String> {
    match &app.view.selection {
        Selection::District(d) => Some(d.clone()),
        Selection::Area(a) => app.session.plan().municipality.area(a).map(|a| a.district.clone()),
        Selection::Municipality => None,
    }
}

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    let year = app.view.year;
    let plan = Arc::clone(app.session.plan());
    let m = &plan.municipality;
    let current = current_district(app);
    let mut chosen = None;
    egui::ComboBox::from_label(tr.t("editor.choose_district"))
        .selected_text(
            current.as_deref().and_then(|d| m.district(d)).map_or(tr.t("editor.none_chosen"), |d| d.name.as_str()),
        )
        .show_ui(ui, |ui| {
            for d in &m.districts {
                if ui.selectable_label(current.as_deref() == Some(d.id.as_str()), &d.name).clicked() {
                    chosen = Some(d.id.clone());
                }
            }
        });
    if let Some(d) = chosen {
        app.view.selection = Selection::District(d);
    }
    let Some(district) = current_district(app) else {
        ui.label(tr.t("editor.click_an_area"));
        return;
    };
    profile_picker(ui, app, &plan, &district);
    moves(ui, app, &plan, &district);
    super::super::comments::section(ui, app, &crate::model::CommentTarget::District(district.clone()));
    ui.separator();
    ui.label(egui::RichText::new(tr.fill("editor.institutions_in", &[("year", &year.to_string())])).strong());
    let projection = Arc::clone(app.session.projection());
    for inst in &m.institutions {
        if places::institution_district(&projection, &inst.id, year) == Some(district.as_str()) {
            ui.group(|ui| institution(ui, app, &plan, &inst.id));
        }
    }
}

/// The district's profile at the slider's year, to change from then on.
fn profile_picker(ui: &mut egui::Ui, app: &mut WorkshopApp, plan: &Plan, district: &str) {
    let tr = app.tr();
    let m = &plan.municipality;
    let profile = places::district_profile(app.session.projection(), district, app.view.year).map(str::to_owned);
    let mut wanted = profile.clone();
    egui::ComboBox::from_label(tr.fill("editor.profile_in", &[("year", &app.view.year.to_string())]))
        .selected_text(
            profile.as_deref().map_or_else(|| tr.t("map.no_profile").to_owned(), |p| words::profile_name(tr, m, p)),
        )
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut wanted, None, tr.t("map.no_profile"));
            for p in &m.profiles {
                ui.selectable_value(&mut wanted, Some(p.id.clone()), words::profile_name(tr, m, &p.id));
            }
        });
    if wanted != profile {
        app.assign_profile(district, wanted.as_deref());
    }
}

/// The plan's moves in a district — its profile, institutions moving in, its schools merged or
/// given a profile — each with what it does to the score, or when it starts to show.
fn moves(ui: &mut egui::Ui, app: &WorkshopApp, plan: &Plan, district: &str) {
    let tr = app.tr();
    let m = &plan.municipality;
    let in_district = |id: &str| m.institution(id).is_some_and(|i| i.district == district);
    let moves: Vec<&crate::model::Action> = plan
        .actions
        .iter()
        .filter(|a| match &a.kind {
            ActionKind::AssignProfile { district: d, .. } | ActionKind::MoveInstitution { district: d, .. } => {
                d == district
            }
            ActionKind::MergeSchools { school, into } => in_district(school) || in_district(into),
            ActionKind::SchoolProfile { school, .. } => in_district(school),
            _ => false,
        })
        .collect();
    if moves.is_empty() {
        return;
    }
    ui.label(egui::RichText::new(tr.t("editor.district_moves")).strong());
    let meaning = tr.fill("editor.effect_meaning", &[("year", &app.view.year.to_string())]);
    ui.label(egui::RichText::new(meaning).small().italics());
    for action in moves {
        let effect = super::action_effect(app, action, false);
        ui.label(format!("{}: {effect}", words::action_in_year(tr, m, action)));
    }
}

/// An institution: its capacity, and moving it to another district from the slider's year.
fn institution(ui: &mut egui::Ui, app: &mut WorkshopApp, plan: &Plan, id: &str) {
    let tr = app.tr();
    let m = &plan.municipality;
    let Some(inst) = m.institution(id) else { return };
    ui.strong(&inst.name);
    ui.label(tr.of("institution", inst.kind.key()));
    let mut capacity = inst.capacity;
    ui.horizontal(|ui| {
        ui.label(tr.t("editor.capacity"));
        ui.add(number(&mut capacity, 0.0..=5_000.0, 0, tr)).on_hover_text(tr.t("editor.capacity"));
    });
    if capacity != inst.capacity {
        app.session.apply(PlanEdit::Capacity { institution: id.to_owned(), capacity });
    }
    let mut target = None;
    egui::ComboBox::from_id_salt(("move", id))
        .selected_text(tr.t("editor.move_to"))
        .show_ui(ui, |ui| {
            for d in &m.districts {
                if ui.selectable_label(false, &d.name).clicked() {
                    target = Some(d.id.clone());
                }
            }
        })
        .response
        .on_hover_text(tr.t("editor.move_to"));
    if let Some(district) = target {
        app.move_institution(id, &district);
    }
    if inst.kind == InstitutionKind::School {
        school(ui, app, plan, id);
    }
}

/// A school's strong profile, the districts it serves and merging it into another school.
fn school(ui: &mut egui::Ui, app: &mut WorkshopApp, plan: &Plan, id: &str) {
    let tr = app.tr();
    let year = action_year_for(app.view.year, app.session.plan().span());
    let m = &plan.municipality;
    let Some(inst) = m.institution(id) else { return };
    // As the edit leaves it: from the first year its figures show.
    let strong = places::school_has_profile(app.session.projection(), id, shows_from(year, app.session.plan().span()));
    let mut wanted = strong;
    ui.checkbox(&mut wanted, tr.t("editor.school_profile"));
    if wanted != strong {
        app.session.apply(PlanEdit::SchoolProfile { school: id.to_owned(), strong: wanted, year });
    }
    ui.label(tr.t("editor.catchment"));
    let mut catchment = inst.catchment.clone();
    ui.horizontal_wrapped(|ui| {
        for d in m.districts.iter().filter(|d| d.id != inst.district) {
            let mut served = catchment.contains(&d.id);
            if ui.checkbox(&mut served, &d.name).changed() {
                if served {
                    catchment.push(d.id.clone());
                } else {
                    catchment.retain(|c| c != &d.id);
                }
            }
        }
    });
    if catchment != inst.catchment {
        app.session.apply(PlanEdit::Catchment { school: id.to_owned(), districts: catchment });
    }
    let projection = Arc::clone(app.session.projection());
    let mut into = None;
    egui::ComboBox::from_id_salt(("merge", id))
        .selected_text(tr.t("editor.merge_into"))
        .show_ui(ui, |ui| {
            let others = m.institutions.iter().filter(|o| {
                o.kind == InstitutionKind::School
                    && o.id != id
                    && places::institution_active(&projection, &o.id, app.view.year)
            });
            for other in others {
                if ui.selectable_label(false, &other.name).clicked() {
                    into = Some(other.id.clone());
                }
            }
        })
        .response
        .on_hover_text(tr.t("editor.merge_into"));
    if let Some(into) = into {
        app.session.apply(PlanEdit::MergeSchools { school: id.to_owned(), into, year });
    }
}
