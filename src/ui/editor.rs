//! The plan editor on the left, in four tabs: the selected area (homes per tenure at the
//! slider's year, its actions on a timeline with each one's effect, flexible letting and
//! efforts), its district (profile, institutions, schools), the municipality (allocation and
//! efforts across the estates, the plan's name and notes) and the assumptions. Inputs are
//! bounded; an edit the plan's validation refuses is shown with its reason.

use super::widgets::number;
use crate::app::view::DraftKind;
use crate::app::{EditorTab, Selection, WorkshopApp, edits};
use crate::i18n::Tr;
use crate::model::limits;
use crate::model::{ActionKind, AreaKind, EffortKind, FIRST_YEAR, FacilityKind, InstitutionKind, LAST_YEAR, Tenure};
use crate::words;

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    ui.horizontal_wrapped(|ui| {
        for tab in EditorTab::ALL {
            ui.selectable_value(&mut app.view.editor_tab, tab, tr.of("editor_tab", tab.key()));
        }
    });
    ui.separator();
    if let Some(refusal) = app.session.refusal().cloned() {
        let mut dismiss = false;
        egui::Frame::new().fill(egui::Color32::from_rgb(0xFD, 0xE2, 0xDC)).inner_margin(6).show(ui, |ui| {
            ui.label(egui::RichText::new(tr.fill("notice.refused", &[("what", &refusal.label)])).strong());
            ui.label(&refusal.reason);
            dismiss = ui.button(tr.t("notice.ok")).clicked();
        });
        if dismiss {
            app.session.dismiss_refusal();
        }
    }
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| match app.view.editor_tab {
        EditorTab::Area => area_tab(ui, app),
        EditorTab::District => district_tab(ui, app),
        EditorTab::Municipality => municipality_tab(ui, app),
        EditorTab::Assumptions => super::assumptions::show(ui, app),
    });
}

/// A picker of the areas; returns the chosen id if it changed.
fn area_picker(ui: &mut egui::Ui, app: &WorkshopApp, tr: Tr<'_>) -> Option<String> {
    let m = &app.session.plan().municipality;
    let current = app.view.selected_area().and_then(|id| m.area(id)).map(|a| a.name.clone());
    let mut chosen = None;
    egui::ComboBox::from_label(tr.t("editor.choose_area"))
        .selected_text(current.unwrap_or_else(|| tr.t("editor.none_chosen").to_owned()))
        .show_ui(ui, |ui| {
            for area in &m.areas {
                if ui.selectable_label(app.view.selected_area() == Some(area.id.as_str()), &area.name).clicked() {
                    chosen = Some(area.id.clone());
                }
            }
        });
    chosen
}

fn area_tab(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    if let Some(id) = area_picker(ui, app, tr) {
        app.view.selection = Selection::Area(id);
    }
    let Some(area_id) = app.view.selected_area().map(str::to_owned) else {
        ui.label(tr.t("editor.click_an_area"));
        return;
    };
    let plan = app.session.plan();
    let Some(area) = plan.municipality.area(&area_id).cloned() else { return };
    let district = plan.municipality.district(&area.district).map(|d| d.name.clone()).unwrap_or_default();
    ui.heading(&area.name);
    ui.label(format!("{} · {}", tr.of("area_kind", area.kind.key()), district));
    homes_editor(ui, app, &area_id);
    ui.separator();
    actions_timeline(ui, app, &area_id);
    ui.separator();
    add_action(ui, app, &area_id);
    ui.separator();
    area_policies(ui, app, &area_id, area.kind);
    ui.separator();
    super::comments::section(ui, app, &crate::model::CommentTarget::Area(area_id.clone()));
}

fn homes_editor(ui: &mut egui::Ui, app: &mut WorkshopApp, area_id: &str) {
    let tr = app.translations.tr(app.view.language);
    let year = app.view.year;
    let shown = edits::shows_from(edits::action_year_for(year));
    ui.label(egui::RichText::new(tr.fill("editor.homes_in", &[("year", &shown.to_string())])).strong());
    if shown != year {
        ui.label(egui::RichText::new(tr.t("editor.homes_from_2017")).small().italics());
    }
    let projection = std::sync::Arc::clone(app.session.projection());
    let Some(series) = projection.area(area_id) else { return };
    let Some(y) = projection.year_index(shown) else { return };
    let homes = series.years[y].homes;
    egui::Grid::new("homes_editor").num_columns(3).show(ui, |ui| {
        for tenure in Tenure::ALL {
            let now = homes[tenure].round();
            let mut value = now;
            let max = (now * 2.0).max(now + 500.0).round();
            let name = tr.of("tenure", tenure.key());
            ui.label(&name);
            let slider = ui
                .add(egui::Slider::new(&mut value, 0.0..=max).step_by(1.0).show_value(false).text(""))
                .on_hover_text(&name);
            let field = ui.add(number(&mut value, 0.0..=max, 0, tr)).on_hover_text(&name);
            ui.end_row();
            if (slider.changed() || field.changed()) && value != now {
                let label = tr.fill(
                    "change.homes",
                    &[
                        ("tenure", &words::tenure_lower(tr, tenure)),
                        ("count", &tr.num(value, 0)),
                        ("year", &shown.to_string()),
                    ],
                );
                let key = format!("homes:{area_id}:{}:{year}", tenure.key());
                app.session.edit(label, Some(&key), |plan| {
                    edits::set_homes(plan, &projection, area_id, tenure, year, value);
                });
            }
        }
    });
    if series.kind == AreaKind::Estate {
        let parts = &series.years[y].share_168a_parts;
        let text = words::share_168a(tr, parts, &app.session.library().cap, shown);
        ui.label(egui::RichText::new(text).small());
    }
}

fn actions_timeline(ui: &mut egui::Ui, app: &mut WorkshopApp, area_id: &str) {
    let tr = app.translations.tr(app.view.language);
    let year = app.view.year;
    ui.label(egui::RichText::new(tr.t("editor.actions")).strong());
    let attribution = app.session.attribution();
    let plan = app.session.plan().clone();
    let mut order: Vec<usize> =
        (0..plan.actions.len()).filter(|i| plan.actions[*i].kind.area() == Some(area_id)).collect();
    order.sort_by_key(|i| plan.actions[*i].year);
    if order.is_empty() {
        ui.label(egui::RichText::new(tr.t("editor.no_actions")).italics());
    }
    let mut remove = None;
    let mut change: Option<(usize, u16, f64)> = None;
    for i in order {
        let action = &plan.actions[i];
        ui.group(|ui| {
            ui.label(words::action(tr, &plan.municipality, &action.kind));
            ui.horizontal(|ui| {
                let mut action_year = action.year;
                ui.label(tr.t("editor.year"));
                ui.add(egui::DragValue::new(&mut action_year).range(FIRST_YEAR..=LAST_YEAR - 1))
                    .on_hover_text(tr.t("editor.year"));
                let (mut count, max) = match &action.kind {
                    ActionKind::Facility { area_m2, .. } => (*area_m2, 100_000.0),
                    ActionKind::Demolish { count, .. }
                    | ActionKind::Build { count, .. }
                    | ActionKind::Sell { count, .. }
                    | ActionKind::Convert { count, .. }
                    | ActionKind::Merge { count, .. } => (*count, 20_000.0),
                    _ => (0.0, 0.0),
                };
                let unit = if matches!(action.kind, ActionKind::Facility { .. }) { "m²" } else { tr.t("unit.homes") };
                ui.add(number(&mut count, 0.0..=max, 0, tr).suffix(format!(" {unit}")))
                    .on_hover_text(tr.t("editor.count"));
                if action_year != action.year || count != action_count(&action.kind) {
                    change = Some((i, action_year, count));
                }
                if ui.button(tr.t("editor.remove")).clicked() {
                    remove = Some(i);
                }
            });
            let part = crate::explain::Part::Action(action.clone());
            let text = match attribution.as_ref().and_then(|a| a.part_index(&part).map(|i| (a, i))) {
                Some((a, i)) => {
                    let outside = a.year_index(year).map_or(0.0, |y| a.parts[i].area_outside_work[y]);
                    tr.fill(
                        "editor.effect",
                        &[
                            ("year", &year.to_string()),
                            ("score", &crate::words::part_effect(tr, a, i, year)),
                            ("outside", &crate::words::percentage_points(tr, outside)),
                        ],
                    )
                }
                None if app.session.baseline().actions.contains(action) => tr.t("editor.in_baseline").to_owned(),
                None => tr.t("explain.working").to_owned(),
            };
            ui.label(egui::RichText::new(text).small().color(ui.visuals().weak_text_color()));
        });
    }
    if let Some((i, new_year, count)) = change {
        let label = tr
            .fill("change.action_changed", &[("what", &words::action(tr, &plan.municipality, &plan.actions[i].kind))]);
        app.session.edit(label, Some(&format!("action:{i}")), |plan| {
            plan.actions[i].year = new_year;
            set_action_count(&mut plan.actions[i].kind, count);
        });
    }
    if let Some(i) = remove {
        let label = tr.fill(
            "change.action_removed",
            &[(
                "what",
                &format!("{} ({})", words::action(tr, &plan.municipality, &plan.actions[i].kind), plan.actions[i].year),
            )],
        );
        app.session.edit(label, None, |plan| {
            plan.actions.remove(i);
        });
    }
}

fn action_count(kind: &ActionKind) -> f64 {
    match kind {
        ActionKind::Facility { area_m2, .. } => *area_m2,
        ActionKind::Demolish { count, .. }
        | ActionKind::Build { count, .. }
        | ActionKind::Sell { count, .. }
        | ActionKind::Convert { count, .. }
        | ActionKind::Merge { count, .. } => *count,
        _ => 0.0,
    }
}

fn set_action_count(kind: &mut ActionKind, value: f64) {
    match kind {
        ActionKind::Facility { area_m2, .. } => *area_m2 = value,
        ActionKind::Demolish { count, .. }
        | ActionKind::Build { count, .. }
        | ActionKind::Sell { count, .. }
        | ActionKind::Convert { count, .. }
        | ActionKind::Merge { count, .. } => *count = value,
        _ => {}
    }
}

fn tenure_combo(ui: &mut egui::Ui, tr: Tr<'_>, id: &str, name_key: &'static str, tenure: &mut Tenure) {
    egui::ComboBox::from_id_salt(id)
        .selected_text(tr.of("tenure", tenure.key()))
        .show_ui(ui, |ui| {
            for t in Tenure::ALL {
                ui.selectable_value(tenure, t, tr.of("tenure", t.key()));
            }
        })
        .response
        .on_hover_text(tr.t(name_key));
}

fn add_action(ui: &mut egui::Ui, app: &mut WorkshopApp, area_id: &str) {
    let tr = app.translations.tr(app.view.language);
    let year = edits::action_year_for(app.view.year);
    ui.label(egui::RichText::new(tr.fill("editor.add_action", &[("year", &year.to_string())])).strong());
    let draft = &mut app.view.draft;
    egui::ComboBox::from_label(tr.t("editor.action_kind"))
        .selected_text(tr.of("action_kind", draft.kind.key()))
        .show_ui(ui, |ui| {
            for kind in DraftKind::ALL {
                ui.selectable_value(&mut draft.kind, kind, tr.of("action_kind", kind.key()));
            }
        });
    ui.horizontal_wrapped(|ui| match draft.kind {
        DraftKind::Demolish | DraftKind::Build | DraftKind::Merge => {
            tenure_combo(ui, tr, "draft_tenure", "editor.tenure", &mut draft.tenure)
        }
        DraftKind::Convert => {
            tenure_combo(ui, tr, "draft_from", "editor.from", &mut draft.tenure);
            ui.label(tr.t("editor.into"));
            tenure_combo(ui, tr, "draft_to", "editor.to", &mut draft.to);
        }
        DraftKind::Facility => {
            egui::ComboBox::from_id_salt("draft_facility")
                .selected_text(tr.of("facility", draft.facility.key()))
                .show_ui(ui, |ui| {
                    for f in FacilityKind::ALL {
                        ui.selectable_value(&mut draft.facility, f, tr.of("facility", f.key()));
                    }
                })
                .response
                .on_hover_text(tr.t("editor.facility"));
        }
        DraftKind::Sell => {
            ui.label(tr.of("tenure", Tenure::AlmenFamily.key()));
        }
    });
    ui.horizontal(|ui| {
        let unit = if draft.kind == DraftKind::Facility { "m²" } else { tr.t("unit.homes") };
        ui.add(number(&mut draft.count, 1.0..=20_000.0, 0, tr).suffix(format!(" {unit}")))
            .on_hover_text(tr.t("editor.count"));
        if ui.button(tr.t("editor.add")).clicked() {
            let kind = draft.action(area_id);
            let label = format!("{} ({year})", words::action(tr, &app.session.plan().municipality, &kind));
            app.session.edit(label, None, |plan| {
                plan.actions.push(crate::model::Action { year, kind, note: String::new() });
            });
        }
    });
}

fn area_policies(ui: &mut egui::Ui, app: &mut WorkshopApp, area_id: &str, kind: AreaKind) {
    let tr = app.translations.tr(app.view.language);
    let year = app.view.year;
    let from = edits::action_year_for(year);
    ui.label(egui::RichText::new(tr.fill("editor.policies_from", &[("year", &from.to_string())])).strong());
    egui::Grid::new("area_policies").num_columns(2).show(ui, |ui| {
        if kind != AreaKind::Growth {
            let now = edits::flexible_share(app.session.plan(), area_id);
            let mut percent = now * 100.0;
            ui.label(tr.t("editor.flexible_letting"));
            let slider = ui
                .add(
                    egui::Slider::new(&mut percent, 0.0..=100.0)
                        .step_by(5.0)
                        .clamping(egui::SliderClamping::Edits)
                        .suffix(" %")
                        .text(""),
                )
                .on_hover_text(tr.t("editor.flexible_letting"));
            ui.end_row();
            // Only a gesture changes the plan: the slider's steps must not round a share that
            // a file holds (20.34 %) just by being shown.
            if slider.changed() && (percent / 100.0 - now).abs() > 1e-9 {
                let label = tr.fill("change.flexible", &[("share", &tr.pct(percent / 100.0, 0))]);
                app.session.edit(label, Some(&format!("flexible:{area_id}")), |plan| {
                    edits::set_flexible(plan, area_id, percent / 100.0, year);
                });
            }
        }
        for effort in EffortKind::ALL {
            let now = edits::effort_count(app.session.plan(), effort, area_id, from);
            let mut count = now;
            ui.label(tr.of("effort", effort.key()));
            let field =
                ui.add(number(&mut count, 0.0..=50.0, 0, tr).speed(0.1)).on_hover_text(tr.of("effort", effort.key()));
            ui.end_row();
            if field.changed() && count != now {
                let label =
                    tr.fill("change.effort", &[("kind", &tr.of("effort", effort.key())), ("count", &tr.num(count, 0))]);
                app.session.edit(label, Some(&format!("effort:{area_id}:{}", effort.key())), |plan| {
                    edits::set_effort(plan, effort, area_id, year, count.round());
                });
            }
        }
    });
}

/// The district shown in the district tab: the selected one, or the selected area's.
fn current_district(app: &WorkshopApp) -> Option<String> {
    match &app.view.selection {
        Selection::District(d) => Some(d.clone()),
        Selection::Area(a) => app.session.plan().municipality.area(a).map(|a| a.district.clone()),
        Selection::Municipality => None,
    }
}

fn district_tab(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    let year = app.view.year;
    let plan = app.session.plan().clone();
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
    let profile = edits::district_profile(&plan, &district, year);
    let mut new_profile = profile.clone();
    egui::ComboBox::from_label(tr.fill("editor.profile_in", &[("year", &year.to_string())]))
        .selected_text(
            profile.as_deref().map_or_else(|| tr.t("map.no_profile").to_owned(), |p| words::profile_name(tr, m, p)),
        )
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut new_profile, None, tr.t("map.no_profile"));
            for p in &m.profiles {
                ui.selectable_value(&mut new_profile, Some(p.id.clone()), words::profile_name(tr, m, &p.id));
            }
        });
    if new_profile != profile {
        let kind = ActionKind::AssignProfile { district: district.clone(), profile: new_profile.clone() };
        let label = format!("{} ({})", words::action(tr, m, &kind), edits::action_year_for(year));
        app.session.edit(label, None, |plan| {
            edits::assign_profile(plan, &district, new_profile.as_deref(), year);
        });
    }
    district_effects(ui, app, &plan, &district);
    super::comments::section(ui, app, &crate::model::CommentTarget::District(district.clone()));
    ui.separator();
    ui.label(egui::RichText::new(tr.fill("editor.institutions_in", &[("year", &year.to_string())])).strong());
    for inst in m.institutions.iter().filter(|i| {
        edits::institution_active(&plan, &i.id, year)
            && edits::institution_district(&plan, &i.id, year).as_deref() == Some(district.as_str())
    }) {
        ui.group(|ui| institution_editor(ui, app, &inst.id));
    }
}

/// The plan's moves in a district — its profile, institutions moving in, its schools merged or
/// given a profile — each with what it does to the score, or when it starts to show.
fn district_effects(ui: &mut egui::Ui, app: &WorkshopApp, plan: &crate::model::Plan, district: &str) {
    let tr = app.tr();
    let year = app.view.year;
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
    let attribution = app.session.attribution();
    for action in moves {
        let part = crate::explain::Part::Action(action.clone());
        let effect = match attribution.as_ref().and_then(|a| a.part_index(&part).map(|i| (a, i))) {
            Some((a, i)) => words::part_effect(tr, a, i, year),
            None if app.session.baseline().actions.contains(action) => tr.t("editor.in_baseline").to_owned(),
            None => tr.t("explain.working").to_owned(),
        };
        ui.label(format!("{} ({}): {effect}", words::action(tr, m, &action.kind), action.year));
    }
}

fn institution_editor(ui: &mut egui::Ui, app: &mut WorkshopApp, id: &str) {
    let tr = app.translations.tr(app.view.language);
    let year = app.view.year;
    let plan = app.session.plan().clone();
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
        let label = tr.fill("change.capacity", &[("name", &inst.name), ("count", &tr.num(capacity, 0))]);
        app.session.edit(label, Some(&format!("capacity:{id}")), |plan| {
            if let Some(i) = plan.municipality.institutions.iter_mut().find(|i| i.id == id) {
                i.capacity = capacity;
            }
        });
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
        let kind = ActionKind::MoveInstitution { institution: id.to_owned(), district: district.clone() };
        let label = format!("{} ({})", words::action(tr, m, &kind), edits::action_year_for(year));
        app.session.edit(label, None, |plan| {
            edits::move_institution(plan, id, &district, year);
        });
    }
    if inst.kind == InstitutionKind::School {
        school_editor(ui, app, id);
    }
}

fn school_editor(ui: &mut egui::Ui, app: &mut WorkshopApp, id: &str) {
    let tr = app.translations.tr(app.view.language);
    let year = app.view.year;
    let action_year = edits::action_year_for(year);
    let plan = app.session.plan().clone();
    let m = &plan.municipality;
    let Some(inst) = m.institution(id) else { return };
    let has_profile = edits::school_has_profile(&plan, id, year);
    let mut wants_profile = has_profile;
    ui.checkbox(&mut wants_profile, tr.t("editor.school_profile"));
    if wants_profile != has_profile {
        let kind =
            ActionKind::SchoolProfile { school: id.to_owned(), profile: wants_profile.then(|| "strong".to_owned()) };
        let label = format!("{} ({action_year})", words::action(tr, m, &kind));
        app.session.edit(label, None, |plan| {
            plan.actions.retain(|a| {
                !(a.year == action_year && matches!(&a.kind, ActionKind::SchoolProfile { school, .. } if school == id))
            });
            plan.actions.push(crate::model::Action { year: action_year, kind, note: String::new() });
        });
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
        let label = tr.fill("change.catchment", &[("name", &inst.name)]);
        app.session.edit(label, None, |plan| {
            if let Some(i) = plan.municipality.institutions.iter_mut().find(|i| i.id == id) {
                i.catchment = catchment;
            }
        });
    }
    let mut into = None;
    egui::ComboBox::from_id_salt(("merge", id))
        .selected_text(tr.t("editor.merge_into"))
        .show_ui(ui, |ui| {
            for other in m.institutions.iter().filter(|o| {
                o.kind == InstitutionKind::School && o.id != id && edits::institution_active(&plan, &o.id, year)
            }) {
                if ui.selectable_label(false, &other.name).clicked() {
                    into = Some(other.id.clone());
                }
            }
        })
        .response
        .on_hover_text(tr.t("editor.merge_into"));
    if let Some(into) = into {
        let kind = ActionKind::MergeSchools { school: id.to_owned(), into };
        let label = format!("{} ({action_year})", words::action(tr, m, &kind));
        app.session.edit(label, None, |plan| {
            plan.actions.push(crate::model::Action { year: action_year, kind, note: String::new() })
        });
    }
}

/// The plan's change log, newest first: every edit with its time.
fn change_log(ui: &mut egui::Ui, tr: Tr<'_>, plan: &crate::model::Plan) {
    let title = tr.fill("editor.change_log", &[("count", &plan.change_log.len().to_string())]);
    egui::CollapsingHeader::new(title).id_salt("change_log").show(ui, |ui| {
        if plan.change_log.is_empty() {
            ui.label(tr.t("editor.change_log_empty"));
        }
        for entry in plan.change_log.iter().rev() {
            ui.horizontal_wrapped(|ui| {
                let time = crate::time::local_time(&entry.time, tr.language);
                ui.label(egui::RichText::new(time).small().color(ui.visuals().weak_text_color()));
                ui.label(&entry.text);
            });
        }
    });
}

fn municipality_tab(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    let year = app.view.year;
    let plan = app.session.plan().clone();
    let mut name = plan.name.clone();
    let mut notes = plan.notes.clone();
    ui.label(tr.t("editor.plan_name"));
    let name_box = egui::TextEdit::singleline(&mut name).char_limit(limits::MAX_NAME_CHARS);
    if ui.add(name_box).on_hover_text(tr.t("editor.plan_name")).changed() {
        app.session.edit(tr.t("change.name").to_owned(), Some("plan_name"), |plan| plan.name = name);
    }
    ui.label(tr.t("editor.plan_notes"));
    let notes_box = egui::TextEdit::multiline(&mut notes).desired_rows(3).char_limit(limits::MAX_NOTES_CHARS);
    if ui.add(notes_box).on_hover_text(tr.t("editor.plan_notes")).changed() {
        app.session.edit(tr.t("change.notes").to_owned(), Some("plan_notes"), |plan| plan.notes = notes);
    }
    change_log(ui, tr, &plan);
    super::comments::section(ui, app, &crate::model::CommentTarget::Plan);
    ui.separator();
    ui.label(egui::RichText::new(tr.t("editor.letting")).strong());
    let now = plan.letting.municipal_allocation_share;
    let mut percent = now * 100.0;
    let slider = ui.add(
        egui::Slider::new(&mut percent, 0.0..=100.0)
            .step_by(1.0)
            .clamping(egui::SliderClamping::Edits)
            .suffix(" %")
            .text(tr.t("editor.municipal_allocation")),
    );
    if slider.changed() && (percent / 100.0 - now).abs() > 1e-9 {
        let label = tr.fill("change.allocation", &[("share", &tr.pct(percent / 100.0, 0))]);
        app.session.edit(label, Some("allocation"), |plan| plan.letting.municipal_allocation_share = percent / 100.0);
    }
    let mut counts = plan.facilities_count_as_commercial;
    if ui.checkbox(&mut counts, tr.t("share168a.facilities")).on_hover_text(tr.t("share168a.facilities_help")).changed()
    {
        let label = tr.t("share168a.facilities").to_owned();
        app.session.edit(label, None, |plan| plan.facilities_count_as_commercial = counts);
    }
    let joint = plan.letting.joint_allocation_from;
    let mut has_joint = joint.is_some();
    ui.checkbox(
        &mut has_joint,
        tr.fill("editor.joint_allocation", &[("year", &edits::action_year_for(year).to_string())]),
    );
    if has_joint != joint.is_some() {
        let from = has_joint.then(|| edits::action_year_for(year));
        app.session
            .edit(tr.t("change.joint_allocation").to_owned(), None, |plan| plan.letting.joint_allocation_from = from);
    }
    ui.separator();
    ui.label(
        egui::RichText::new(tr.fill("editor.efforts_from", &[("year", &edits::action_year_for(year).to_string())]))
            .strong(),
    );
    egui::Grid::new("efforts_grid").striped(true).show(ui, |ui| {
        ui.label("");
        for effort in EffortKind::ALL {
            ui.label(egui::RichText::new(tr.of("effort_short", effort.key())).small());
        }
        ui.end_row();
        for area in plan.municipality.areas.iter().filter(|a| a.kind == AreaKind::Estate) {
            ui.label(&area.name);
            for effort in EffortKind::ALL {
                let now = edits::effort_count(&plan, effort, &area.id, edits::action_year_for(year));
                let mut count = now;
                ui.add(number(&mut count, 0.0..=50.0, 0, tr).speed(0.1)).on_hover_text(format!(
                    "{} – {}",
                    area.name,
                    tr.of("effort", effort.key())
                ));
                if count != now {
                    let label = tr.fill(
                        "change.effort",
                        &[("kind", &tr.of("effort", effort.key())), ("count", &tr.num(count, 0))],
                    );
                    app.session.edit(label, Some(&format!("effort:{}:{}", area.id, effort.key())), |plan| {
                        edits::set_effort(plan, effort, &area.id, year, count.round());
                    });
                }
            }
            ui.end_row();
        }
    });
}
