//! The map: the municipality drawn from the areas' schematic shapes, coloured by the chosen
//! indicator at the slider's year, with a legend, district names, profile badges and
//! institutions. Participants rearrange the plan on it: drag an institution onto another
//! district, drag a profile card from the catalogue below onto a district, click an area to
//! edit it, hover for its key numbers.

use super::palette;
use crate::app::{MapIndicator, Selection, WorkshopApp, edits};
use crate::i18n::Tr;
use crate::model::{Area, AreaKind, InstitutionKind, Plan};
use crate::sim::{AreaYear, Projection};
use egui::{Color32, Pos2, Rect, Sense, Stroke, pos2, vec2};

/// A profile card being dragged: `None` takes a district's profile away.
#[derive(Clone, Debug, PartialEq)]
struct ProfileCard(Option<String>);

/// Normalised map coordinates (0–1, y down) to the screen.
struct MapFrame {
    rect: Rect,
}

impl MapFrame {
    fn to_screen(&self, p: [f32; 2]) -> Pos2 {
        pos2(self.rect.left() + p[0] * self.rect.width(), self.rect.top() + p[1] * self.rect.height())
    }

    fn polygon(&self, area: &Area) -> Vec<Pos2> {
        area.shape.iter().map(|p| self.to_screen(*p)).collect()
    }

    fn bounds(&self, area: &Area) -> Rect {
        Rect::from_points(&self.polygon(area))
    }

    fn district_bounds(&self, plan: &Plan, district: &str) -> Option<Rect> {
        plan.municipality
            .areas
            .iter()
            .filter(|a| a.district == district && !a.shape.is_empty())
            .map(|a| self.bounds(a))
            .reduce(|a, b| a.union(b))
    }

    /// The district under a screen position, if any.
    fn district_at(&self, plan: &Plan, pos: Pos2) -> Option<String> {
        plan.municipality.areas.iter().find(|a| contains(&self.polygon(a), pos)).map(|a| a.district.clone())
    }
}

/// Whether a polygon contains a point (even–odd rule).
fn contains(polygon: &[Pos2], p: Pos2) -> bool {
    let mut inside = false;
    let mut j = polygon.len().wrapping_sub(1);
    for i in 0..polygon.len() {
        let (a, b) = (polygon[i], polygon[j]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// What the map shows: a plan and its projection at a year, coloured by an indicator.
pub struct MapView<'a> {
    pub plan: &'a Plan,
    pub projection: &'a Projection,
    pub year: u16,
    pub indicator: MapIndicator,
    pub selection: &'a Selection,
    pub tr: Tr<'a>,
    /// False on the projector: nothing can be clicked or dragged.
    pub interactive: bool,
}

/// What participants did on the map this frame.
#[derive(Default)]
struct MapEvents {
    clicked: Option<String>,
    /// A profile card dropped on a district: (district, profile).
    dropped: Option<(String, Option<String>)>,
    /// An institution dragged onto another district: (institution, district).
    moved: Option<(String, String)>,
}

pub fn show(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    let top = ui.cursor().min.y;
    ui.horizontal_wrapped(|ui| {
        legend(ui, tr, app.view.indicator);
        super::export::png_button(ui, app, "map", ui.max_rect());
    });
    let catalogue_height = 64.0;
    let available = ui.available_size() - vec2(0.0, catalogue_height);
    let (rect, _) = ui.allocate_exact_size(available.max(vec2(200.0, 160.0)), Sense::hover());
    let plan = app.session.plan().clone();
    let projection = std::sync::Arc::clone(app.session.projection());
    let selection = app.view.selection.clone();
    let view = MapView {
        plan: &plan,
        projection: &projection,
        year: app.view.year,
        indicator: app.view.indicator,
        selection: &selection,
        tr,
        interactive: true,
    };
    let events = paint(ui, &view, rect);
    // The exported picture has the legend with it, so it reads on its own in the minutes.
    super::export::remember_rect(app, "map", Rect::from_min_max(pos2(rect.left(), top), rect.max));
    apply(app, events);
    catalogue(ui, app);
}

/// Draws the map into `rect` and reports what was done on it.
fn paint(ui: &mut egui::Ui, view: &MapView<'_>, rect: Rect) -> MapEvents {
    let frame = MapFrame { rect: rect.shrink(4.0) };
    let Some(y) = view.projection.year_index(view.year) else { return MapEvents::default() };
    let values = indicator_values(view.projection, y, view.indicator);
    let mut events = draw_areas(ui, view, &frame, y, &values);
    draw_districts(ui, view, &frame);
    events.moved = draw_institutions(ui, view, &frame);
    draw_comments(ui, view, &frame);
    events
}

/// The map as the projector shows it: legend and map, nothing to click.
pub fn show_read_only(ui: &mut egui::Ui, view: &MapView<'_>) {
    ui.horizontal_wrapped(|ui| legend(ui, view.tr, view.indicator));
    let (rect, _) = ui.allocate_exact_size(ui.available_size().max(vec2(200.0, 160.0)), Sense::hover());
    paint(ui, view, rect);
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
        let tr = app.tr();
        let year = app.view.year;
        let kind =
            crate::model::ActionKind::MoveInstitution { institution: institution.clone(), district: district.clone() };
        let label = format!(
            "{} ({})",
            crate::words::action(tr, &app.session.plan().municipality, &kind),
            edits::action_year_for(year)
        );
        app.session.edit(label, None, |plan| {
            edits::move_institution(plan, &institution, &district, year);
        });
    }
}

/// A marker with the number of comments on each area and district that has any.
fn draw_comments(ui: &egui::Ui, view: &MapView<'_>, frame: &MapFrame) {
    use crate::model::CommentTarget;
    let mut counts: std::collections::BTreeMap<(bool, &str), usize> = std::collections::BTreeMap::new();
    for comment in &view.plan.comments {
        match &comment.target {
            CommentTarget::Area(id) => *counts.entry((true, id.as_str())).or_default() += 1,
            CommentTarget::District(id) => *counts.entry((false, id.as_str())).or_default() += 1,
            CommentTarget::Plan => {}
        }
    }
    for ((is_area, id), count) in counts {
        let bounds = if is_area {
            view.plan.municipality.area(id).filter(|a| !a.shape.is_empty()).map(|a| frame.bounds(a))
        } else {
            frame.district_bounds(view.plan, id)
        };
        let Some(bounds) = bounds else { continue };
        let centre = bounds.right_top() + vec2(-16.0, 16.0);
        let colour = Color32::from_rgb(0x00, 0x72, 0xB2);
        ui.painter().circle(centre, 12.0, colour, Stroke::new(2.0, Color32::WHITE));
        ui.painter().text(
            centre,
            egui::Align2::CENTER_CENTER,
            format!("{count}"),
            egui::FontId::proportional(13.0),
            Color32::WHITE,
        );
        let tail = [centre + vec2(-4.0, 10.0), centre + vec2(-10.0, 17.0), centre + vec2(2.0, 11.0)];
        ui.painter().add(egui::Shape::convex_polygon(tail.to_vec(), colour, Stroke::NONE));
    }
}

/// Each area's value of the indicator at year index `y` (None where it does not apply).
fn indicator_values(p: &Projection, y: usize, indicator: MapIndicator) -> Vec<Option<f64>> {
    match indicator {
        MapIndicator::OutsideWork => p.areas.iter().map(|a| Some(a.years[y].indicators.outside_work_share)).collect(),
        MapIndicator::AlmenFamilyShare => p.areas.iter().map(|a| Some(a.years[y].almen_family_share_168a)).collect(),
        MapIndicator::Status => {
            p.areas.iter().map(|a| (a.kind == AreaKind::Estate).then_some(a.years[y].status.list_margin)).collect()
        }
        MapIndicator::BalanceContribution => balance_contributions(p, y).into_iter().map(Some).collect(),
    }
}

/// Points of the segregation index (0–100) each area accounts for: 100 × ½ |aᵢ/A − bᵢ/B| with
/// a = adults outside work and b = other adults of working age, so they add up to 100 × D.
fn balance_contributions(p: &Projection, y: usize) -> Vec<f64> {
    let pairs: Vec<(f64, f64)> = p
        .areas
        .iter()
        .map(|a| {
            let r = &a.years[y].residents;
            (r.outside_work, r.employed + r.in_education)
        })
        .collect();
    let (total_a, total_b) = pairs.iter().fold((0.0, 0.0), |(sa, sb), (a, b)| (sa + a, sb + b));
    if total_a <= 0.0 || total_b <= 0.0 {
        return vec![0.0; pairs.len()];
    }
    pairs.iter().map(|(a, b)| 50.0 * (a / total_a - b / total_b).abs()).collect()
}

/// The fill colour and the short value text of an area.
fn area_look(tr: Tr<'_>, indicator: MapIndicator, value: Option<f64>, at: &AreaYear) -> (Color32, String) {
    match (indicator, value) {
        (MapIndicator::OutsideWork, Some(v)) => (palette::sequential((v / 0.4) as f32), tr.pct(v, 1)),
        (MapIndicator::AlmenFamilyShare, Some(v)) => (palette::sequential(v as f32), tr.pct(v, 0)),
        (MapIndicator::BalanceContribution, Some(v)) => {
            (palette::sequential((v / 10.0) as f32), format!("{} {}", tr.num(v, 1), tr.t("unit.points")))
        }
        (MapIndicator::Status, Some(_)) => {
            let s = &at.status;
            let text = match s.category {
                crate::model::Category::None | crate::model::Category::Forebyggelse if s.judged => {
                    tr.t(crate::words::status_short_key(s.category, s.listed, s.judged)).to_owned()
                }
                category if s.judged => format!("{} · {}", tr.t("status.listed"), tr.of("category", category.key())),
                _ => tr.t("status.not_judged").to_owned(),
            };
            (palette::category(s.category, s.listed), text)
        }
        (_, None) => (Color32::from_gray(225), String::new()),
    }
}

fn draw_areas(ui: &mut egui::Ui, view: &MapView<'_>, frame: &MapFrame, y: usize, values: &[Option<f64>]) -> MapEvents {
    let (tr, plan, p) = (view.tr, view.plan, view.projection);
    let mut events = MapEvents::default();
    for (i, area) in plan.municipality.areas.iter().enumerate() {
        let Some(series) = p.areas.get(i).filter(|s| s.id == area.id) else { continue };
        let at = &series.years[y];
        let polygon = frame.polygon(area);
        if polygon.len() < 3 {
            continue;
        }
        let bounds = Rect::from_points(&polygon);
        let (fill, value_text) = area_look(tr, view.indicator, values[i], at);
        let sense = if view.interactive { Sense::click() } else { Sense::hover() };
        let response = ui.interact(bounds, ui.scope_id().with(("map_area", &area.id)), sense);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &area.name));
        let hovering_card = response.dnd_hover_payload::<ProfileCard>().is_some();
        let selected = *view.selection == Selection::Area(area.id.clone());
        let stroke = if selected || hovering_card {
            Stroke::new(4.0, ui.visuals().selection.stroke.color)
        } else {
            Stroke::new(1.0, Color32::from_gray(90))
        };
        ui.painter().add(egui::Shape::convex_polygon(polygon, fill, stroke));
        let text_colour = palette::text_on(fill);
        let label = egui::RichText::new(format!("{}\n{}", area.name, value_text)).color(text_colour);
        let galley = egui::WidgetText::from(label).into_galley(
            ui,
            Some(egui::TextWrapMode::Wrap),
            bounds.width() - 8.0,
            if bounds.width() < 110.0 { egui::TextStyle::Small } else { egui::TextStyle::Body },
        );
        let text_pos =
            label_space(frame, plan, area, bounds, district_header(ui, tr, frame, plan, &area.district, view.year).2)
                .center()
                - galley.size() / 2.0;
        ui.painter().with_clip_rect(bounds).galley(text_pos, galley, text_colour);
        if response.clicked() {
            events.clicked = Some(area.id.clone());
        }
        if let Some(card) = response.dnd_release_payload::<ProfileCard>() {
            events.dropped = Some((area.district.clone(), card.0.clone()));
        }
        if view.interactive {
            response.on_hover_ui(|ui| area_tooltip(ui, tr, area, at));
        }
    }
    events
}

/// The part of an area free for its label: below the district's name and badge if the area
/// is at the top of its district, above the institution icons if at the bottom.
fn label_space(frame: &MapFrame, plan: &Plan, area: &Area, bounds: Rect, header: f32) -> Rect {
    let Some(district) = frame.district_bounds(plan, &area.district) else { return bounds };
    let mut space = bounds;
    if (bounds.top() - district.top()).abs() < 1.0 {
        space.min.y = (space.min.y + header).min(space.max.y);
    }
    if (bounds.bottom() - district.bottom()).abs() < 1.0 {
        space.max.y = (space.max.y - ICON - 8.0).max(space.min.y);
    }
    space
}

fn assign_profile(app: &mut WorkshopApp, district: &str, profile: Option<&str>) {
    let tr = app.translations.tr(app.view.language);
    let year = app.view.year;
    let plan = app.session.plan();
    let kind =
        crate::model::ActionKind::AssignProfile { district: district.to_owned(), profile: profile.map(str::to_owned) };
    let label = format!("{} ({})", crate::words::action(tr, &plan.municipality, &kind), edits::action_year_for(year));
    app.session.edit(label, None, |plan| {
        edits::assign_profile(plan, district, profile, year);
    });
    app.view.selection = Selection::District(district.to_owned());
}

fn area_tooltip(ui: &mut egui::Ui, tr: Tr<'_>, area: &Area, at: &AreaYear) {
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

/// A district's name and profile badge, laid out for its box, and the height they take.
fn district_header(
    ui: &egui::Ui,
    tr: Tr<'_>,
    frame: &MapFrame,
    plan: &Plan,
    district: &str,
    year: u16,
) -> (std::sync::Arc<egui::Galley>, Option<std::sync::Arc<egui::Galley>>, f32) {
    let width = frame.district_bounds(plan, district).map_or(100.0, |b| b.width() - 8.0);
    let name = plan.municipality.district(district).map_or(district, |d| d.name.as_str());
    let font = egui::TextStyle::Small.resolve(ui.style());
    let name = ui.painter().layout(name.to_owned(), font.clone(), Color32::WHITE, width);
    let badge = edits::district_profile(plan, district, year).map(|profile| {
        let text = crate::words::profile_name(tr, &plan.municipality, &profile);
        ui.painter().layout(text, font, Color32::BLACK, width)
    });
    let height = 8.0 + name.size().y + badge.as_ref().map_or(0.0, |b| b.size().y + 6.0);
    (name, badge, height)
}

fn draw_districts(ui: &egui::Ui, view: &MapView<'_>, frame: &MapFrame) {
    let (tr, plan) = (view.tr, view.plan);
    for district in &plan.municipality.districts {
        let Some(bounds) = frame.district_bounds(plan, &district.id) else { continue };
        let selected = *view.selection == Selection::District(district.id.clone());
        let width = if selected { 4.0 } else { 2.0 };
        let outline = Stroke::new(width, Color32::from_gray(40));
        ui.painter().rect_stroke(bounds.expand(2.0), 4.0, outline, egui::StrokeKind::Outside);
        let (name, badge, _) = district_header(ui, tr, frame, plan, &district.id, view.year);
        let mut top = bounds.left_top() + vec2(4.0, 3.0);
        let name_rect = Rect::from_min_size(top, name.size()).expand(2.0);
        ui.painter().rect_filled(name_rect, 3.0, Color32::from_gray(40));
        top.y += name.size().y + 5.0;
        ui.painter().galley(name_rect.min + vec2(2.0, 2.0), name, Color32::WHITE);
        if let Some(badge) = badge {
            let badge_rect = Rect::from_min_size(top, badge.size()).expand(2.0);
            ui.painter().rect_filled(badge_rect, 6.0, Color32::from_rgb(0xFF, 0xE0, 0x8A));
            ui.painter().galley(badge_rect.min + vec2(2.0, 2.0), badge, Color32::BLACK);
        }
    }
}

fn institution_letter(tr: Tr<'_>, kind: InstitutionKind) -> String {
    tr.of("institution_letter", kind.key())
}

const ICON: f32 = 24.0;

/// Institutions as letters in their districts; returns an institution dragged onto another
/// district as (institution, district).
fn draw_institutions(ui: &mut egui::Ui, view: &MapView<'_>, frame: &MapFrame) -> Option<(String, String)> {
    let (tr, year, plan) = (view.tr, view.year, view.plan);
    let mut placed: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut moved: Option<(String, String)> = None;
    for inst in &plan.municipality.institutions {
        if !edits::institution_active(plan, &inst.id, year) {
            continue;
        }
        let Some(district) = edits::institution_district(plan, &inst.id, year) else { continue };
        let Some(bounds) = frame.district_bounds(plan, &district) else { continue };
        let slot = placed.entry(district.clone()).or_default();
        let per_row = ((bounds.width() - 6.0) / (ICON + 4.0)).floor().max(1.0) as usize;
        let (row, col) = (*slot / per_row, *slot % per_row);
        *slot += 1;
        let centre = pos2(
            bounds.left() + 4.0 + ICON / 2.0 + col as f32 * (ICON + 4.0),
            bounds.bottom() - 4.0 - ICON / 2.0 - row as f32 * (ICON + 4.0),
        );
        let rect = Rect::from_center_size(centre, vec2(ICON, ICON));
        let sense = if view.interactive { Sense::click_and_drag() } else { Sense::hover() };
        let response = ui.interact(rect, ui.scope_id().with(("institution", &inst.id)), sense);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &inst.name));
        let letter = institution_letter(tr, inst.kind);
        let drawn_at = if response.dragged() { ui.ctx().pointer_interact_pos().unwrap_or(centre) } else { centre };
        if response.dragged()
            && let Some(target) = ui.ctx().pointer_interact_pos().and_then(|p| frame.district_at(plan, p))
            && let Some(target_bounds) = frame.district_bounds(plan, &target)
        {
            ui.painter().rect_stroke(
                target_bounds.expand(3.0),
                4.0,
                Stroke::new(4.0, ui.visuals().selection.stroke.color),
                egui::StrokeKind::Outside,
            );
        }
        let painter = if response.dragged() {
            ui.ctx().layer_painter(egui::LayerId::new(egui::Order::Tooltip, ui.scope_id().with("drag_icon")))
        } else {
            ui.painter().clone()
        };
        painter.circle(drawn_at, ICON / 2.0, Color32::WHITE, Stroke::new(2.0, Color32::from_gray(30)));
        painter.text(drawn_at, egui::Align2::CENTER_CENTER, letter, egui::FontId::proportional(13.0), Color32::BLACK);
        if response.drag_stopped()
            && let Some(target) = ui.ctx().pointer_interact_pos().and_then(|p| frame.district_at(plan, p))
            && target != district
        {
            moved = Some((inst.id.clone(), target));
        }
        if view.interactive {
            response.on_hover_ui(|ui| {
                ui.strong(&inst.name);
                ui.label(tr.of("institution", inst.kind.key()));
                ui.label(tr.fill("tooltip.capacity", &[("count", &tr.num(inst.capacity, 0))]));
                ui.label(egui::RichText::new(tr.t("tooltip.drag_institution")).small().italics());
            });
        }
    }
    moved
}

/// The profile catalogue under the map: cards to drag onto a district.
fn catalogue(ui: &mut egui::Ui, app: &WorkshopApp) {
    let tr = app.translations.tr(app.view.language);
    let m = &app.session.plan().municipality;
    ui.label(egui::RichText::new(tr.t("map.catalogue")).strong());
    egui::ScrollArea::horizontal().id_salt("profile_catalogue").show(ui, |ui| {
        ui.horizontal(|ui| {
            let cards =
                m.profiles.iter().map(|p| (Some(p.id.clone()), crate::words::profile_name(tr, m, &p.id), Some(p)));
            for (id, name, profile) in cards.chain(std::iter::once((None, tr.t("map.no_profile").to_owned(), None))) {
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
