//! *Hvad skal der til?* in the centre of the window, beside *Sammenlign*: the room's goals and
//! limits as a form, *Søg* and *Stop*, the progress, and the answer — each plan found with what
//! it costs, how it meets the goals and what it does part by part, to open as the plan or pin
//! as a variant; the goals out of reach and the closest plan when none met them; how often each
//! lever is used. The words are the command line's ([`crate::search::answer`]); the projector
//! shows them large ([`words`]).

use super::{palette, widgets};
use crate::app::WorkshopApp;
use crate::app::search::{PlanWords, SearchForm, SearchWords, estates};
use crate::i18n::Tr;
use crate::model::Plan;
use crate::search::LeverKind;

/// How often a running search's progress is read (seconds).
const REFRESH_SECONDS: f64 = 0.1;

/// Reads a running search's progress once a frame, and asks for the next frame while it runs.
pub fn each_frame(ctx: &egui::Context, app: &mut WorkshopApp) {
    if app.poll_search() {
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(REFRESH_SECONDS));
    }
}

/// The panel: the title and *Søg*/*Stop* always in view (on a laptop the form alone is taller
/// than the window); below them, scrolling, the search's progress and answer once there is
/// one, then the form the room asks with.
pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    app.fit_search_form();
    let plan = std::sync::Arc::clone(app.session.plan());
    ui.heading(tr.t("search.title"));
    ui.label(egui::RichText::new(tr.t("search.intro")).italics());
    run_buttons(ui, app, &plan, tr);
    ui.separator();
    egui::ScrollArea::vertical().id_salt("search_panel").auto_shrink([false, false]).show(ui, |ui| {
        if let Some(words) = app.search_words() {
            answer(ui, app, tr, &words);
            ui.separator();
        }
        let running = app.search.as_ref().is_some_and(crate::app::search::SearchJob::running);
        let cap = app.session.library().cap.cap;
        ui.add_enabled_ui(!running, |ui| form(ui, &mut app.search_form, &plan, cap, tr));
    });
}

/// The goals, the limits and, folded away, the seed.
fn form(ui: &mut egui::Ui, form: &mut SearchForm, plan: &Plan, cap: f64, tr: Tr<'_>) {
    goals(ui, form, plan, cap, tr);
    limits(ui, form, plan, tr);
    egui::CollapsingHeader::new(tr.t("search.advanced")).id_salt("search_advanced").default_open(false).show(
        ui,
        |ui| {
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(tr.t("search.form.seed"));
                ui.add(egui::DragValue::new(&mut form.seed).range(0..=u64::from(u32::MAX))).labelled_by(label.id);
                ui.label(egui::RichText::new(tr.t("search.form.seed_help")).small());
            });
        },
    );
}

/// The plan's years, for a year field.
fn years_of(plan: &Plan) -> std::ops::RangeInclusive<u16> {
    let span = plan.span();
    span.first..=span.last
}

/// The goals: each ticked to count, at least one.
fn goals(ui: &mut egui::Ui, form: &mut SearchForm, plan: &Plan, cap: f64, tr: Tr<'_>) {
    let years = years_of(plan);
    egui::CollapsingHeader::new(egui::RichText::new(tr.t("search.goals")).strong())
        .id_salt("search_goals")
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let cap = tr.fill("search.form.cap", &[("cap", &tr.pct(cap, 0))]);
                let check = ui.checkbox(&mut form.cap, cap);
                estate_combo(ui, "search_cap_area", &mut form.cap_area, plan, tr).labelled_by(check.id);
                let by = ui.label(tr.t("search.form.cap_by"));
                year_field(ui, &mut form.cap_year, years.clone(), by.id);
            });
            ui.horizontal_wrapped(|ui| {
                let check = ui.checkbox(&mut form.off_list, tr.t("search.form.off_list"));
                estate_combo(ui, "search_off_list_area", &mut form.off_list_area, plan, tr).labelled_by(check.id);
                let by = ui.label(tr.t("search.form.off_list_by"));
                year_field(ui, &mut form.off_list_year, years.clone(), by.id);
            });
            ui.horizontal_wrapped(|ui| {
                let check = ui.checkbox(&mut form.score, tr.t("search.form.score"));
                ui.add(widgets::number(&mut form.score_value, 0.0..=100.0, 0, tr)).labelled_by(check.id);
                let by = ui.label(tr.t("search.form.score_in"));
                year_field(ui, &mut form.score_year, years.clone(), by.id);
            });
            ui.checkbox(&mut form.fewest_displaced, tr.t("search.goal.fewest_displaced"));
        });
}

/// The limits, each showing what the goals suggest until the room sets it.
fn limits(ui: &mut egui::Ui, form: &mut SearchForm, plan: &Plan, tr: Tr<'_>) {
    let years = years_of(plan);
    let limits = form.limits(plan);
    egui::CollapsingHeader::new(egui::RichText::new(tr.t("search.limits")).strong())
        .id_salt("search_limits")
        .default_open(true)
        .show(ui, |ui| {
            ui.label(tr.t("search.form.levers"));
            ui.horizontal_wrapped(|ui| {
                for kind in LeverKind::ALL {
                    let mut on = form.levers.contains(&kind);
                    if ui.checkbox(&mut on, crate::search::answer::lever_kind(tr, kind)).changed() {
                        form.levers.retain(|k| *k != kind);
                        if on {
                            form.levers.push(kind);
                        }
                    }
                }
            });
            ui.label(tr.t("search.form.areas"));
            ui.horizontal_wrapped(|ui| {
                for estate in plan.municipality.areas.iter().filter(|a| a.kind == crate::model::AreaKind::Estate) {
                    let mut on = limits.areas.contains(&estate.id);
                    if ui.checkbox(&mut on, &estate.name).changed() {
                        let mut areas = limits.areas.clone();
                        areas.retain(|a| *a != estate.id);
                        if on {
                            areas.push(estate.id.clone());
                        }
                        form.areas = Some(areas);
                    }
                }
            });
            optional_most(
                ui,
                &mut form.most_removed,
                ("search.form.most_removed", "search.form.almen_homes"),
                100.0,
                tr,
            );
            optional_most(
                ui,
                &mut form.most_displaced,
                ("search.form.most_displaced", "search.form.residents"),
                100.0,
                tr,
            );
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(tr.t("search.form.most_built"));
                let mut most = limits.most_built;
                if ui.add(widgets::number(&mut most, 0.0..=100_000.0, 0, tr)).labelled_by(label.id).changed() {
                    form.most_built = Some(most);
                }
                ui.label(tr.t("search.form.homes"));
            });
            ui.horizontal_wrapped(|ui| {
                let (mut first, mut last) = limits.years;
                let from = ui.label(tr.t("search.form.years_from"));
                let a = year_field(ui, &mut first, years.clone(), from.id);
                let to = ui.label(tr.t("search.form.years_to"));
                let b = year_field(ui, &mut last, years.clone(), to.id);
                if a.changed() || b.changed() {
                    form.years = Some((first, last));
                }
            });
            if ui.button(tr.t("search.form.defaults")).clicked() {
                form.areas = None;
                form.most_removed = None;
                form.most_displaced = None;
                form.most_built = None;
                form.years = None;
                form.levers = LeverKind::ALL.to_vec();
            }
        });
}

/// The estates of the plan to choose from, by name.
fn estate_combo(ui: &mut egui::Ui, id: &str, chosen: &mut String, plan: &Plan, tr: Tr<'_>) -> egui::Response {
    let name = |id: &str| plan.municipality.area(id).map_or_else(|| id.to_owned(), |a| a.name.clone());
    egui::ComboBox::from_id_salt(id)
        .selected_text(name(chosen))
        .show_ui(ui, |ui| {
            for estate in estates(plan) {
                ui.selectable_value(chosen, estate.to_owned(), name(estate));
            }
        })
        .response
        .on_hover_text(tr.t("search.form.estate"))
}

/// A year within the plan's span, named by the label before it.
fn year_field(
    ui: &mut egui::Ui,
    year: &mut u16,
    range: std::ops::RangeInclusive<u16>,
    label: egui::Id,
) -> egui::Response {
    ui.add(egui::DragValue::new(year).range(range).speed(0.1).update_while_editing(false)).labelled_by(label)
}

/// A limit that is off until ticked: "Højst [ ] 200 almene familieboliger revet ned eller solgt".
fn optional_most(ui: &mut egui::Ui, most: &mut Option<f64>, keys: (&str, &str), start: f64, tr: Tr<'_>) {
    ui.horizontal_wrapped(|ui| {
        let mut on = most.is_some();
        let check = ui.checkbox(&mut on, tr.t(keys.0));
        if check.changed() {
            *most = on.then_some(start);
        }
        if let Some(value) = most.as_mut() {
            ui.add(widgets::number(value, 0.0..=100_000.0, 0, tr)).labelled_by(check.id);
            ui.label(tr.t(keys.1));
        }
    });
}

/// *Søg* (or why not yet), *Stop* while running.
fn run_buttons(ui: &mut egui::Ui, app: &mut WorkshopApp, plan: &Plan, tr: Tr<'_>) {
    let running = app.search.as_ref().is_some_and(crate::app::search::SearchJob::running);
    ui.horizontal_wrapped(|ui| {
        if running {
            let stopping = app.search.as_ref().is_some_and(crate::app::search::SearchJob::cancelled);
            if ui.add_enabled(!stopping, egui::Button::new(tr.t("search.stop"))).clicked()
                && let Some(job) = &app.search
            {
                job.cancel();
            }
            return;
        }
        let asked = app.search_form.request(plan);
        let button =
            ui.add_enabled(asked.is_ok(), egui::Button::new(egui::RichText::new(tr.t("search.start")).strong()));
        if button.clicked() {
            app.start_search();
        }
        if let Err(missing) = asked {
            ui.label(egui::RichText::new(tr.t(missing)).color(palette::LISTED));
        }
    });
}

/// Where the search stands and its answer, with a plan's buttons.
fn answer(ui: &mut egui::Ui, app: &mut WorkshopApp, tr: Tr<'_>, words: &SearchWords) {
    question(ui, words);
    standing(ui, tr, words);
    for plan in &words.plans {
        ui.separator();
        ui.push_id(("search_plan", plan.index), |ui| {
            plan_block(ui, plan);
            ui.horizontal_wrapped(|ui| {
                if ui.button(tr.t("search.open")).on_hover_text(tr.t("search.open_help")).clicked() {
                    app.open_found(plan.index);
                }
                if app.found_is_pinned(plan.index) {
                    ui.label(tr.t("search.pinned"));
                } else {
                    let can_pin = super::files::pins_left(app) > 0;
                    let pin = ui
                        .add_enabled(can_pin, egui::Button::new(tr.t("search.pin")))
                        .on_hover_text(tr.t("search.pin_help"))
                        .on_disabled_hover_text(tr.t("search.pins_full"));
                    if pin.clicked() {
                        app.pin_found(plan.index);
                    }
                }
            });
        });
    }
    if !words.uses.is_empty() {
        ui.separator();
        uses(ui, &words.uses);
    }
}

/// The goals and limits searched for.
fn question(ui: &mut egui::Ui, words: &SearchWords) {
    ui.label(egui::RichText::new(&words.heading).strong());
    for goal in &words.goals {
        ui.label(goal);
    }
    ui.label(egui::RichText::new(&words.limits).small());
}

/// One plan: its title, costs and score, goals and parts.
fn plan_block(ui: &mut egui::Ui, plan: &PlanWords) {
    ui.label(egui::RichText::new(&plan.title).strong());
    ui.label(&plan.summary);
    ui.indent("goals_and_parts", |ui| {
        for goal in &plan.goals {
            ui.label(format!("• {goal}"));
        }
        ui.indent("parts", |ui| {
            for part in &plan.parts {
                ui.label(format!("– {part}"));
            }
        });
    });
}

fn uses(ui: &mut egui::Ui, lines: &[String]) {
    let mut lines = lines.iter();
    if let Some(heading) = lines.next() {
        ui.label(egui::RichText::new(heading).strong());
    }
    for line in lines {
        ui.label(format!("• {line}"));
    }
}

/// Where the search stands, on the laptop and the projector alike: its status lines, the
/// progress while it runs, and the goals out of reach.
fn standing(ui: &mut egui::Ui, tr: Tr<'_>, words: &SearchWords) {
    for line in &words.status {
        ui.label(egui::RichText::new(line).strong());
    }
    if let Some((share, line)) = &words.progress {
        progress_bar(ui, *share, tr);
        ui.label(line);
    }
    if let Some(out) = &words.out_of_reach {
        ui.label(egui::RichText::new(out).strong().color(palette::LISTED));
    }
}

/// The search's progress bar, its share written as the language writes a percentage ("40 %").
fn progress_bar(ui: &mut egui::Ui, share: f32, tr: Tr<'_>) {
    ui.add(egui::ProgressBar::new(share).text(tr.pct(f64::from(share), 0)));
}

/// The search on the projector: read-only and large, from the picture's words; the plans
/// without their parts, which the laptop shows.
pub fn words(ui: &mut egui::Ui, words: Option<&SearchWords>, tr: Tr<'_>) {
    let Some(words) = words else {
        ui.label(tr.t("search.none_yet"));
        return;
    };
    egui::ScrollArea::vertical().id_salt("projector_search").show(ui, |ui| {
        // The view's title already asks the question.
        for goal in &words.goals {
            ui.label(goal);
        }
        ui.label(egui::RichText::new(&words.limits).small());
        standing(ui, tr, words);
        for plan in &words.plans {
            ui.label(egui::RichText::new(&plan.title).strong());
            ui.label(&plan.summary);
            for goal in &plan.goals {
                ui.label(format!("• {goal}"));
            }
        }
        uses(ui, &words.uses);
    });
}
