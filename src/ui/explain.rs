//! "Explain this change": the last edit's effect on the score at the slider's year, split into
//! the score's components and the estates it moved; and the whole plan against the baseline,
//! split into components and into the actions and efforts that caused it, in sentences such as
//! "Nedrivning af 188 almene familieboliger i Taastrupgaard (2018): udenfor arbejde −4,1 point i
//! 2025".

use crate::app::WorkshopApp;
use crate::i18n::Tr;
use crate::model::{AreaKind, Params};
use crate::sim::{COMPONENTS, Projection};

/// Parts whose effect rounds to less than this many score points are summed as "the rest".
const SMALL: f64 = 0.05;

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    let year = app.view.year;
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading(tr.t("explain.last_change"));
        match app.session.last_change() {
            Some(change) => {
                ui.label(egui::RichText::new(&change.label).strong());
                change_lines(ui, tr, app.session.params(), &change.before, &change.after, year);
            }
            None => {
                ui.label(tr.t("explain.no_change"));
            }
        }
        ui.separator();
        ui.heading(tr.fill("explain.against_baseline", &[("year", &year.to_string())]));
        let params = app.session.params().clone();
        change_lines(
            ui,
            tr,
            &params,
            &app.session.baseline_projection().clone(),
            &app.session.projection().clone(),
            year,
        );
        ui.add_space(6.0);
        ui.label(egui::RichText::new(tr.t("explain.by_part")).strong());
        by_part(ui, app, tr, year);
    });
}

/// The change of the score from `before` to `after` at `year`: total, components, estates.
fn change_lines(ui: &mut egui::Ui, tr: Tr<'_>, params: &Params, before: &Projection, after: &Projection, year: u16) {
    let (Some(b), Some(a)) = (before.score_in(year), after.score_in(year)) else { return };
    ui.label(tr.fill(
        "explain.score_change",
        &[
            ("year", &year.to_string()),
            ("from", &tr.num(b.total, 1)),
            ("to", &tr.num(a.total, 1)),
            ("change", &tr.signed(a.total - b.total, 1)),
        ],
    ));
    for component in COMPONENTS {
        let delta = component.weight_share(params) * (component.value(&a.components) - component.value(&b.components));
        if delta.abs() >= SMALL {
            ui.label(format!(
                "  • {}: {} {}",
                tr.of("component", component.key()),
                tr.signed(delta, 1),
                tr.t("unit.points")
            ));
        }
    }
    let (Some(yb), Some(ya)) = (before.year_index(year), after.year_index(year)) else { return };
    for (estate_after, estate_before) in
        after.areas.iter().zip(&before.areas).filter(|(x, _)| x.kind == AreaKind::Estate)
    {
        let (x, y) = (&estate_after.years[ya], &estate_before.years[yb]);
        let delta = 100.0 * (x.indicators.outside_work_share - y.indicators.outside_work_share);
        if delta.abs() >= 0.05 {
            ui.label(format!(
                "  • {}: {} {} {}",
                estate_after.name,
                tr.t("explain.outside_work"),
                tr.signed(delta, 1),
                tr.t("unit.points")
            ));
        }
        if x.status.listed != y.status.listed {
            let key = if x.status.listed { "explain.now_listed" } else { "explain.now_off_list" };
            ui.label(format!("  • {}: {}", estate_after.name, tr.t(key)));
        }
    }
}

/// One part of the plan: its effect on the score in bold, then what it is, wrapped.
fn part_line(ui: &mut egui::Ui, text: &str, points: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(points).strong());
        ui.label(text);
    });
}

fn by_part(ui: &mut egui::Ui, app: &mut WorkshopApp, tr: Tr<'_>, year: u16) {
    let Some(attribution) = app.session.attribution() else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr.t("explain.working"));
        });
        return;
    };
    let Some(y) = attribution.year_index(year) else { return };
    let plan = app.session.plan();
    let mut order: Vec<usize> = (0..attribution.contributions.len()).collect();
    order.sort_by(|a, b| {
        let (x, z) = (attribution.contributions[*a].score[y].abs(), attribution.contributions[*b].score[y].abs());
        z.total_cmp(&x)
    });
    let mut rest = 0.0;
    let mut shown = 0;
    for i in order {
        let c = &attribution.contributions[i];
        if c.score[y].abs() < SMALL {
            rest += c.score[y];
            continue;
        }
        shown += 1;
        let mut text = super::words::part(tr, plan, &c.part);
        if let Some(area) = c.part.area().and_then(|id| plan.municipality.area(id)) {
            let delta = 100.0 * c.area_outside_work[y];
            if delta.abs() >= 0.05 {
                text.push_str(&tr.fill(
                    "explain.part_effect",
                    &[("area", &area.name), ("change", &tr.signed(delta, 1)), ("year", &year.to_string())],
                ));
            }
        }
        part_line(ui, &text, &format!("{} {}", tr.signed(c.score[y], 1), tr.t("unit.points_short")));
    }
    if rest.abs() > 0.0 {
        part_line(ui, tr.t("explain.rest"), &format!("{} {}", tr.signed(rest, 1), tr.t("unit.points_short")));
    }
    if shown == 0 {
        ui.label(tr.t("explain.no_parts"));
    }
}
