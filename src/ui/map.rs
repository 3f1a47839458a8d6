//! The map: the municipality's areas drawn from the plan's outlines (the shipped Høje-Taastrup
//! map, a municipality's own, or a schematic layout), coloured by the chosen indicator at the
//! slider's year, with a legend that says how far the map can be trusted, the railway,
//! stations and motorway, district names and profile badges, and institutions. Participants
//! rearrange the plan on it: drag an institution onto another district, drag a profile card
//! from the catalogue below onto a district, click an area to edit it, hover for its numbers.
//! Painting is in `map_paint`, the layout on screen in `map_draw`, `map_labels` and
//! `map_lines`, and what a frame derives from the plan, kept per plan generation, in `map_cache`.

use super::palette;
use crate::app::{MapIndicator, Selection, WorkshopApp};
use crate::i18n::Tr;
use crate::map::{Fidelity, PlanMap};
use crate::model::{Area, AreaKind, Plan};
use crate::sim::{AreaYear, Projection};
use egui::{Color32, Rect, Sense, Stroke, pos2, vec2};
use std::sync::Arc;

/// The height the profile catalogue under the map takes.
const CATALOGUE_HEIGHT: f32 = 64.0;

/// A profile card being dragged: `None` takes a district's profile away.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileCard(pub Option<String>);

/// What the map shows: a plan and its projection at a year, coloured by an indicator.
pub struct MapView<'a> {
    pub plan: &'a Plan,
    pub map: &'a Arc<PlanMap>,
    pub projection: &'a Projection,
    /// Which version of the plan this is (the session's generation): what the map derives
    /// from the plan and its projection is kept until it changes.
    pub generation: u64,
    pub year: u16,
    pub indicator: MapIndicator,
    pub selection: &'a Selection,
    pub tr: Tr<'a>,
    /// False on the projector: nothing can be clicked or dragged.
    pub interactive: bool,
    /// Whether names beside their areas may give way where the map is too small for them (the
    /// laptop's own window, where a tooltip names each area; never where the room reads the
    /// map: the projector and presentation mode).
    pub names_may_give_way: bool,
}

/// What participants did on the map this frame.
#[derive(Default)]
pub struct MapEvents {
    pub clicked: Option<String>,
    /// A profile card dropped on a district: (district, profile).
    pub dropped: Option<(String, Option<String>)>,
    /// An institution dragged onto another district: (institution, district).
    pub moved: Option<(String, String)>,
}

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    let top = ui.cursor().min.y;
    let map = Arc::clone(app.session.map());
    ui.horizontal_wrapped(|ui| {
        legend(ui, tr, app.view.indicator);
        super::export::png_button(ui, app, "map", ui.max_rect());
    });
    map_key(ui, tr, &map);
    // Presentation mode hides everything that edits: no profile cards to drop. Where the cards
    // would leave the map too short (a larger text size on a laptop), they give way: the
    // district tab gives profiles too.
    let editing = !app.room.presentation;
    let cards = editing && ui.available_height() - CATALOGUE_HEIGHT >= super::palette::MAP_LEAST_HEIGHT;
    let catalogue_height = if cards { CATALOGUE_HEIGHT } else { 0.0 };
    let available = ui.available_size() - vec2(0.0, catalogue_height);
    // The room that is left, however small (a map cut by the year slider shows less than one
    // drawn smaller).
    let (rect, _) = ui.allocate_exact_size(available.max(vec2(120.0, 80.0)), Sense::hover());
    // The map only reads the app while it paints; what was done is applied after.
    let view = MapView {
        plan: app.session.plan(),
        map: &map,
        projection: app.session.projection(),
        generation: app.session.generation(),
        year: app.view.year,
        indicator: app.view.indicator,
        selection: &app.view.selection,
        tr,
        interactive: true,
        names_may_give_way: !app.room.presentation,
    };
    let events = super::map_paint::paint(ui, &view, rect);
    // The exported picture has the legend with it, so it reads on its own in the minutes.
    super::export::remember_rect(ui.ctx(), "map", Rect::from_min_max(pos2(rect.left(), top), rect.max));
    apply(app, events);
    if cards {
        catalogue(ui, app);
    }
}

/// The map as the projector shows it: legend and map, nothing to click.
pub fn show_read_only(ui: &mut egui::Ui, view: &MapView<'_>) {
    ui.horizontal_wrapped(|ui| legend(ui, view.tr, view.indicator));
    map_key(ui, view.tr, view.map);
    let (rect, _) = ui.allocate_exact_size(ui.available_size().max(vec2(200.0, 160.0)), Sense::hover());
    super::map_paint::paint(ui, view, rect);
}

fn apply(app: &mut WorkshopApp, events: MapEvents) {
    if let Some(id) = events.clicked {
        app.view.selection = Selection::Area(id);
        app.view.editor_tab = crate::app::EditorTab::Area;
    }
    if let Some((district, profile)) = events.dropped {
        assign_profile(app, &district, profile.as_deref());
    }
    if let Some((institution, district)) = events.moved {
        app.move_institution(&institution, &district);
    }
}

fn assign_profile(app: &mut WorkshopApp, district: &str, profile: Option<&str>) {
    app.assign_profile(district, profile);
    app.view.selection = Selection::District(district.to_owned());
}

pub fn area_tooltip(ui: &mut egui::Ui, tr: Tr<'_>, area: &Area, at: &AreaYear) {
    ui.strong(&area.name);
    egui::Grid::new("area_tooltip").num_columns(2).show(ui, |ui| {
        let rows = [
            (tr.t("tooltip.residents"), tr.num(at.residents.total(), 0)),
            (tr.t("tooltip.homes"), tr.num(at.homes.total(), 0)),
            (tr.t("tooltip.outside_work"), tr.pct(at.indicators.outside_work_share, 1)),
            (tr.t("tooltip.almen_family"), tr.pct(at.almen_family_share_168a, 1)),
        ];
        for (name, value) in rows {
            ui.label(name);
            ui.label(value);
            ui.end_row();
        }
        if area.kind == AreaKind::Estate {
            ui.label(tr.t("tooltip.status"));
            ui.label(crate::words::status(tr, &at.status));
            ui.end_row();
        }
    });
    ui.label(egui::RichText::new(tr.t("tooltip.click_to_edit")).small().italics());
}

/// The profile catalogue under the map: cards to drag onto a district.
fn catalogue(ui: &mut egui::Ui, app: &WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    let m = &app.session.plan().municipality;
    ui.label(egui::RichText::new(tr.t("map.catalogue")).strong());
    egui::ScrollArea::horizontal()
        .id_salt("profile_catalogue")
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let cards =
                    m.profiles.iter().map(|p| (Some(p.id.clone()), crate::words::profile_name(tr, m, &p.id), Some(p)));
                for (id, name, profile) in cards.chain(std::iter::once((None, tr.t("map.no_profile").to_owned(), None)))
                {
                    let card_id = ui.scope_id().with(("profile_card", id.clone()));
                    let response = ui
                        .dnd_drag_source(card_id, ProfileCard(id.clone()), |ui| {
                            egui::Frame::new()
                                .fill(Color32::from_rgb(0xFF, 0xE0, 0x8A))
                                .corner_radius(6.0)
                                .inner_margin(egui::Margin::symmetric(6, 3))
                                .show(ui, |ui| {
                                    ui.add(
                                        egui::Label::new(egui::RichText::new(&name).color(Color32::BLACK))
                                            .wrap_mode(egui::TextWrapMode::Extend),
                                    )
                                });
                        })
                        .response;
                    if let Some(p) = profile {
                        response.on_hover_text(
                            tr.fill("map.card_help", &[("strength", &tr.signed(p.strength, 2)), ("source", &p.source)]),
                        );
                    }
                }
            });
        });
}

/// The legend of the map's colouring, with its unit.
fn legend(ui: &mut egui::Ui, tr: Tr<'_>, indicator: MapIndicator) {
    ui.label(egui::RichText::new(tr.of("legend", indicator.key())).strong());
    let (low, high, marks): (&str, String, &[(f32, &str)]) = match indicator {
        MapIndicator::OutsideWork => ("0 %", tr.pct(0.4, 0) + "+", &[]),
        MapIndicator::AlmenFamilyShare => ("0 %", tr.pct(1.0, 0), &[(0.4, "40 %")]),
        MapIndicator::BalanceContribution => ("0", format!("10+ {}", tr.t("unit.points")), &[]),
        MapIndicator::Status => {
            for (fill, key) in [
                (palette::category(crate::model::Category::Ghetto, true), "status.listed"),
                (palette::category(crate::model::Category::Forebyggelse, false), "legend.watch"),
                (palette::category(crate::model::Category::None, false), "status.short_no_list"),
                (Color32::from_gray(225), "legend.not_estate"),
            ] {
                let (rect, _) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::hover());
                ui.painter().rect_filled(rect, 2.0, fill);
                ui.label(tr.t(key));
            }
            return;
        }
    };
    ui.label(low);
    let (rect, _) = ui.allocate_exact_size(vec2(160.0, 16.0), Sense::hover());
    let steps = 32;
    for i in 0..steps {
        let t0 = i as f32 / steps as f32;
        let x0 = rect.left() + t0 * rect.width();
        let x1 = rect.left() + (i + 1) as f32 / steps as f32 * rect.width();
        ui.painter().rect_filled(Rect::from_x_y_ranges(x0..=x1, rect.y_range()), 0.0, palette::sequential(t0));
    }
    for (t, text) in marks {
        let x = rect.left() + t * rect.width();
        ui.painter()
            .line_segment([pos2(x, rect.top() - 2.0), pos2(x, rect.bottom() + 2.0)], Stroke::new(2.0, Color32::BLACK));
        ui.painter().text(
            pos2(x, rect.top() - 2.0),
            egui::Align2::CENTER_BOTTOM,
            *text,
            egui::FontId::proportional(11.0),
            Color32::BLACK,
        );
    }
    ui.label(high);
}

/// How far the map can be trusted and what its lines are, under the colour legend.
fn map_key(ui: &mut egui::Ui, tr: Tr<'_>, map: &PlanMap) {
    ui.horizontal_wrapped(|ui| {
        let small = |t: String| egui::RichText::new(t).small();
        let credit = if map.credit.is_empty() { tr.t("map.credit_own").to_owned() } else { map.credit.clone() };
        let fidelity = match map.fidelity {
            Fidelity::ToScale => tr.fill("map.to_scale", &[("credit", &credit)]),
            Fidelity::Schematic => tr.fill("map.schematic", &[("credit", &credit)]),
            Fidelity::Diagram => tr.t("map.diagram").to_owned(),
        };
        ui.label(small(fidelity).italics());
        // Where the map is narrow (a larger text size), the lines' key gives the map its rows:
        // it is on hover of one word.
        if ui.available_width() < super::palette::MAP_KEY_WIDTH {
            let words: Vec<String> = crate::model::LandmarkKind::ALL
                .into_iter()
                .filter(|k| map.landmarks.iter().any(|l| l.kind == *k) && *k != crate::model::LandmarkKind::Place)
                .map(|k| tr.of("landmark", k.key()))
                .collect();
            if !words.is_empty() {
                ui.label(small(tr.t("map.key_short").to_owned()).underline()).on_hover_text(words.join(" · "));
            }
        } else {
            line_key_ui(ui, tr, map);
        }
        if let Some(notice) = &map.notice {
            ui.colored_label(palette::LISTED, small(tr.fill("map.notice", &[("error", notice)])));
        }
    });
}

/// The map's lines and stations, each drawn as on the map and named.
fn line_key_ui(ui: &mut egui::Ui, tr: Tr<'_>, map: &PlanMap) {
    let small = |t: String| egui::RichText::new(t).small();
    let kinds: Vec<_> = crate::model::LandmarkKind::ALL
        .into_iter()
        .filter(|k| map.landmarks.iter().any(|l| l.kind == *k) && *k != crate::model::LandmarkKind::Place)
        .collect();
    for kind in kinds {
        let (rect, _) = ui.allocate_exact_size(vec2(22.0, 12.0), Sense::hover());
        let y = rect.center().y;
        let line = [pos2(rect.left(), y), pos2(rect.right(), y)];
        match kind {
            crate::model::LandmarkKind::Railway => {
                ui.painter().line_segment(line, Stroke::new(4.0, Color32::from_gray(30)));
                ui.painter().line_segment(
                    [line[0] + vec2(7.0, 0.0), line[1] - vec2(8.0, 0.0)],
                    Stroke::new(2.0, Color32::WHITE),
                );
            }
            crate::model::LandmarkKind::Motorway => {
                ui.painter().line_segment(line, Stroke::new(5.0, Color32::from_rgb(0x8A, 0x3B, 0x12)));
                ui.painter().line_segment(line, Stroke::new(2.5, Color32::from_rgb(0xF0, 0x9A, 0x4A)));
            }
            crate::model::LandmarkKind::Station => {
                ui.painter().circle(rect.center(), 5.0, Color32::WHITE, Stroke::new(2.5, Color32::from_gray(30)));
            }
            _ => {
                ui.painter().extend(egui::Shape::dashed_line(
                    &line,
                    Stroke::new(2.0, Color32::from_gray(30)),
                    6.0,
                    3.0,
                ));
            }
        }
        ui.label(small(tr.of("landmark", kind.key())));
    }
}
