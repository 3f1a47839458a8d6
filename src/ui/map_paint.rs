//! Painting the map for one frame: areas in their indicator colours, district outlines,
//! landmarks, names and district tags where the layout put them, institutions, comment
//! markers; and what the pointer did (a click on an area, a card or institution dropped on a
//! district), hit-tested against the outlines themselves, never their bounding boxes.

use super::map::{MapEvents, MapView, ProfileCard, area_tooltip};
use super::map_cache::{self, Facts};
use super::map_draw::{self, ICON, LayoutInput, Screen};
use super::map_labels::{self, LabelStyle, PAD, Placed};
use super::palette;
use crate::app::{MapIndicator, Selection};
use crate::map::PlanMap;
use crate::model::CommentTarget;
use egui::{Color32, Pos2, Rect, Sense, Stroke, pos2, vec2};
use std::sync::Arc;

/// Draws the map into `rect` and reports what was done on it.
pub fn paint(ui: &mut egui::Ui, view: &MapView<'_>, rect: Rect) -> MapEvents {
    let Some(y) = view.projection.year_index(view.year) else { return MapEvents::default() };
    // On whole points, so that a panel a tenth of a point wider after presentation mode lays
    // the map out as it was.
    let rect = rect.shrink(4.0);
    let rect = Rect::from_min_max(rect.min.round(), rect.max.round());
    let salt = if view.interactive { "main" } else { "projector" };
    let facts = map_cache::facts(ui, salt, view);
    let screen = map_draw::screen(ui, salt, &layout_input(ui, view, &facts, rect));
    let m = &view.plan.municipality;
    // Nodes for assistive technology (and tests) first, the whole map on top of them: the
    // pointer always reaches the map, which tests the outlines. Only when someone listens.
    let map_id = ui.scope_id().with("map");
    if ui.ctx().accesskit_node_builder(map_id, |_| ()).is_some() {
        for (i, area) in m.areas.iter().enumerate() {
            let at = screen.pos(view.map.areas[i].anchor);
            let node_rect = Rect::from_center_size(at, vec2(6.0, 6.0));
            let node = ui.interact(node_rect, ui.scope_id().with(("map_area", &area.id)), Sense::hover());
            node.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &area.name));
        }
        // The names and district tags where they are written on the map.
        let names = screen.placement.areas.iter().zip(m.areas.iter().map(|a| &a.name));
        let tags = screen.placement.tags.iter().zip(m.districts.iter().map(|d| &d.name));
        for (i, (placed, name)) in names.chain(tags).enumerate() {
            let Some(placed) = placed else { continue };
            let node = ui.interact(placed.rect, ui.scope_id().with(("map_name", i)), Sense::hover());
            node.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, name));
        }
    }
    let sense = if view.interactive { Sense::click() } else { Sense::hover() };
    let response = ui.interact(rect, map_id, sense);
    let title = view.tr.of("projector.view", "map");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &title));
    let pointer_area = response.hover_pos().and_then(|p| view.map.area_at(screen.fit.to_plane([p.x, p.y])));
    let painter = ui.painter_at(rect.expand(4.0));
    screen.paint_areas(&painter, &facts.colours);
    paint_outlines(ui, &painter, view, &screen, &facts, pointer_area, &response);
    map_draw::paint_landmarks(&painter, view.map, &screen, ui.visuals().dark_mode);
    let mut taken = paint_labels(&painter, &screen, &facts);
    // Station and place names give way to names, tags and the institutions' icons.
    taken.extend(screen.icon_slots.iter().flatten().map(|r| r.expand(1.0)));
    map_draw::paint_landmark_names(&painter, view.map, &screen, &mut taken, ui.visuals().dark_mode);
    let mut events = MapEvents { moved: paint_institutions(ui, view, &screen, &facts), ..MapEvents::default() };
    paint_comments(&painter, view, &screen);
    if let Some(i) = pointer_area {
        if response.clicked() {
            events.clicked = Some(m.areas[i].id.clone());
        }
        if let Some(card) = response.dnd_release_payload::<ProfileCard>() {
            events.dropped = Some((m.areas[i].district.clone(), card.0.clone()));
        }
        if view.interactive && response.dnd_hover_payload::<ProfileCard>().is_none() {
            let at = view.projection.areas.get(i).map(|a| &a.years[y]);
            if let Some(at) = at {
                response.on_hover_ui(|ui| area_tooltip(ui, view.tr, &m.areas[i], at));
            }
        }
    }
    events
}

/// The names and sizes the layout works with, from the view's facts and the current text style.
fn layout_input<'a>(ui: &egui::Ui, view: &'a MapView<'a>, facts: &'a Facts, rect: Rect) -> LayoutInput<'a> {
    let body = egui::TextStyle::Body.resolve(ui.style()).size;
    let small = egui::TextStyle::Small.resolve(ui.style()).size;
    // With more areas than names fit beside, the value under each name gives way: the colour
    // and the tooltip carry it.
    let value = if view.plan.municipality.areas.len() > map_labels::MAX_OUTSIDE_LABELS {
        egui::Vec2::ZERO
    } else {
        map_labels::galley(ui.painter(), &value_template(view), small).size()
    };
    let ink = if ui.visuals().dark_mode { Color32::from_gray(200) } else { Color32::from_gray(40) };
    // In the laptop's window at a larger text size, names may shrink to the floor they have at
    // 100 % on the screen (the map is small there, and a name shrunk beats a name gone); where
    // the room reads the map, the floor grows with the text.
    let floor = small.min(body * 0.8) / if view.names_may_give_way { ui.ctx().zoom_factor().max(1.0) } else { 1.0 };
    LayoutInput {
        icons: &facts.icons,
        ink,
        map: view.map,
        rect,
        style: LabelStyle { name_size: body, floor_size: floor, tag_size: small, value_size: value },
        names: &facts.names,
        tags: &facts.tags,
        names_hash: facts.names_hash,
        places_hash: facts.places_hash,
        names_may_give_way: view.names_may_give_way,
        estates: &facts.estates,
    }
}

/// The widest value an area can show under its name for the indicator, so that labels keep
/// their place while the year slider moves.
fn value_template(view: &MapView<'_>) -> String {
    let tr = view.tr;
    match view.indicator {
        MapIndicator::OutsideWork => tr.pct(0.888, 1),
        MapIndicator::AlmenFamilyShare => tr.pct(1.0, 0),
        MapIndicator::BalanceContribution => format!("{} {}", tr.num(88.8, 1), tr.t("unit.points")),
        MapIndicator::Status => crate::model::Category::ALL
            .iter()
            .map(|c| tr.of("category", c.key()))
            .chain(
                ["status.short_no_list", "status.short_prevention", "status.short_not_judged"]
                    .map(|k| tr.t(k).to_owned()),
            )
            .max_by_key(|t| t.chars().count())
            .unwrap_or_default(),
    }
}

/// District outlines, the selected area or district, and the one under a dragged item.
fn paint_outlines(
    ui: &egui::Ui,
    painter: &egui::Painter,
    view: &MapView<'_>,
    screen: &Screen,
    facts: &Facts,
    pointer_area: Option<usize>,
    response: &egui::Response,
) {
    let m = &view.plan.municipality;
    let ink = if ui.visuals().dark_mode { Color32::from_gray(200) } else { Color32::from_gray(40) };
    let highlight = Stroke::new(4.0, ui.visuals().selection.stroke.color);
    if let Selection::District(id) = view.selection
        && let Some(&d) = facts.district_index.get(id)
    {
        screen.paint_district(painter, d, highlight);
    }
    if let Selection::Area(id) = view.selection
        && let Some(i) = m.areas.iter().position(|a| a.id == *id)
    {
        paint_area_outline(painter, view.map, screen, i, highlight);
    }
    let carrying = response.dnd_hover_payload::<ProfileCard>().is_some() || ui.ctx().dragged_id().is_some();
    if let Some(i) = pointer_area.filter(|_| carrying)
        && let Some(&d) = facts.district_index.get(&m.areas[i].district)
    {
        screen.paint_district(painter, d, highlight);
    } else if let Some(i) = pointer_area.filter(|_| view.interactive) {
        paint_area_outline(painter, view.map, screen, i, Stroke::new(2.5, ink));
    }
}

fn paint_area_outline(painter: &egui::Painter, map: &PlanMap, screen: &Screen, area: usize, stroke: Stroke) {
    for ring in map.areas[area].rings() {
        painter.add(egui::Shape::closed_line(map_draw::ring_on_screen(ring, &screen.fit), stroke));
    }
}

/// Area names with their values, and district tags, where the layout placed them. Returns the
/// rectangles they take.
fn paint_labels(painter: &egui::Painter, screen: &Screen, facts: &Facts) -> Vec<Rect> {
    let mut taken = Vec::new();
    let small = egui::FontId::proportional(screen.placement.value_height.max(1.0) * 0.8);
    for ((placed, fill), value) in screen.placement.areas.iter().zip(&facts.colours).zip(&facts.values) {
        let Some(placed) = placed else { continue };
        let outside = placed.leader_from.is_some();
        let ink = if outside { Color32::BLACK } else { palette::text_on(*fill) };
        if let Some(from) = placed.leader_from {
            leader(painter, from, placed.rect);
            painter.rect(
                placed.rect,
                3.0,
                Color32::from_white_alpha(235),
                Stroke::new(1.0, Color32::from_gray(90)),
                egui::StrokeKind::Inside,
            );
        }
        let top = placed.rect.center_top() + vec2(0.0, PAD);
        painter.galley(pos2(top.x - placed.text.size().x / 2.0, top.y), Arc::clone(&placed.text), ink);
        if screen.placement.value_height > 0.0 {
            let value_pos = pos2(top.x, top.y + placed.text.size().y);
            painter.text(value_pos, egui::Align2::CENTER_TOP, value, small.clone(), ink);
        }
        taken.push(placed.rect);
    }
    for (d, placed) in screen.placement.tags.iter().enumerate() {
        let Some(placed) = placed else { continue };
        paint_tag(painter, facts, d, placed);
        taken.push(placed.rect);
    }
    taken
}

fn leader(painter: &egui::Painter, from: Pos2, to: Rect) {
    let end = map_labels::leader_end(from, to);
    painter.line_segment([from, end], Stroke::new(1.5, Color32::from_gray(60)));
    painter.circle_filled(from, 3.0, Color32::from_gray(30));
}

/// A district's tag: the name on dark, the profile badge on yellow below it.
fn paint_tag(painter: &egui::Painter, facts: &Facts, district: usize, placed: &Placed) {
    let Some(tag) = facts.tags.get(district).and_then(Option::as_ref) else { return };
    if let Some(from) = placed.leader_from {
        leader(painter, from, placed.rect);
    }
    let badge_only = facts.members.get(district) == Some(&1);
    let name_rect = Rect::from_min_size(placed.rect.min, placed.text.size() + vec2(2.0 * PAD, 2.0 * PAD));
    let (fill, ink) = if badge_only {
        (Color32::from_rgb(0xFF, 0xE0, 0x8A), Color32::BLACK)
    } else {
        (Color32::from_gray(40), Color32::WHITE)
    };
    painter.rect_filled(name_rect, 3.0, fill);
    painter.galley(name_rect.min + vec2(PAD, PAD), Arc::clone(&placed.text), ink);
    if let Some(text) = tag.badge.as_ref().filter(|_| !badge_only) {
        let size = placed.text.rows.first().map_or(12.0, |r| r.height() * 0.8);
        let badge = map_labels::galley(painter, text, size.max(10.0));
        let min = pos2(placed.rect.left(), name_rect.bottom() + 2.0);
        let badge_rect = Rect::from_min_size(min, badge.size() + vec2(2.0 * PAD, 2.0 * PAD));
        painter.rect_filled(badge_rect, 6.0, Color32::from_rgb(0xFF, 0xE0, 0x8A));
        painter.galley(badge_rect.min + vec2(PAD, PAD), badge, Color32::BLACK);
    }
}

/// Institutions as letters in their districts; returns one dragged onto another district as
/// (institution, district).
fn paint_institutions(
    ui: &mut egui::Ui,
    view: &MapView<'_>,
    screen: &Screen,
    facts: &Facts,
) -> Option<(String, String)> {
    let (tr, plan) = (view.tr, view.plan);
    let m = &plan.municipality;
    let mut moved = None;
    let mut next_slot = vec![0_usize; m.districts.len()];
    let index = &facts.district_index;
    let mut icons: Vec<(Pos2, String)> = Vec::new();
    // The district under the pointer, where a dragged institution would land: found once.
    let pointer = ui.ctx().pointer_interact_pos();
    let target =
        pointer.and_then(|p| view.map.area_at(screen.fit.to_plane([p.x, p.y]))).map(|i| m.areas[i].district.clone());
    for inst in &m.institutions {
        let Some(district) = facts.places.institutions.get(&inst.id) else { continue };
        let Some(&d) = index.get(district) else { continue };
        let Some(shape) = &view.map.districts[d] else { continue };
        let slot = screen.icon_slots.get(d).and_then(|slots| slots.get(next_slot[d])).copied();
        next_slot[d] += 1;
        let rect = slot.unwrap_or_else(|| Rect::from_center_size(screen.pos(shape.anchor), vec2(ICON, ICON)));
        let sense = if view.interactive { Sense::click_and_drag() } else { Sense::hover() };
        let response = ui.interact(rect, ui.scope_id().with(("institution", &inst.id)), sense);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &inst.name));
        let drawn_at = if response.dragged() { pointer.unwrap_or(rect.center()) } else { rect.center() };
        if response.dragged()
            && let Some(&d) = target.as_ref().and_then(|t| index.get(t))
        {
            screen.paint_district(ui.painter(), d, Stroke::new(4.0, ui.visuals().selection.stroke.color));
        }
        let letter = tr.of("institution_letter", inst.kind.key());
        if response.dragged() {
            let layer = egui::LayerId::new(egui::Order::Tooltip, ui.scope_id().with("drag_icon"));
            let painter = ui.ctx().layer_painter(layer);
            painter.circle(drawn_at, ICON / 2.0, Color32::WHITE, Stroke::new(2.0, Color32::from_gray(30)));
            painter.text(
                drawn_at,
                egui::Align2::CENTER_CENTER,
                letter,
                egui::FontId::proportional(13.0),
                Color32::BLACK,
            );
        } else {
            icons.push((drawn_at, letter));
        }
        if response.drag_stopped()
            && let Some(target) = target.as_ref().filter(|t| *t != district)
        {
            moved = Some((inst.id.clone(), target.clone()));
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
    ui.painter().add(egui::Shape::mesh(icon_discs(ui, m.areas.len(), icons.iter().map(|(at, _)| *at))));
    for (at, letter) in icons {
        ui.painter().text(at, egui::Align2::CENTER_CENTER, letter, egui::FontId::proportional(13.0), Color32::BLACK);
    }
    moved
}

/// The icons' circles, tessellated once for where they stand and kept until they move: a
/// stroked circle is tessellated point by point, and a large plan has a thousand of them.
fn icon_discs(ui: &egui::Ui, areas: usize, centres: impl Iterator<Item = Pos2>) -> Arc<egui::epaint::Mesh> {
    use std::hash::{Hash, Hasher};
    let centres: Vec<Pos2> = centres.collect();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for c in &centres {
        [(c.x * 4.0).round() as i32, (c.y * 4.0).round() as i32].hash(&mut hasher);
    }
    ui.ctx().pixels_per_point().to_bits().hash(&mut hasher);
    let key = hasher.finish();
    let id = ui.scope_id().with("icon_discs");
    let cached: Option<(u64, Arc<egui::epaint::Mesh>)> = ui.ctx().data(|d| d.get_temp(id));
    if let Some((_, mesh)) = cached.filter(|(k, _)| *k == key) {
        return mesh;
    }
    let options = map_draw::line_options(ui, areas);
    let mut tessellator = egui::epaint::Tessellator::new(ui.ctx().pixels_per_point(), options, [1, 1], Vec::new());
    let mut mesh = egui::epaint::Mesh::default();
    for c in centres {
        let circle = egui::epaint::CircleShape {
            center: c,
            radius: ICON / 2.0,
            fill: Color32::WHITE,
            stroke: Stroke::new(2.0, Color32::from_gray(30)),
        };
        tessellator.tessellate_circle(circle, &mut mesh);
    }
    let mesh = Arc::new(mesh);
    ui.ctx().data_mut(|d| d.insert_temp(id, (key, Arc::clone(&mesh))));
    mesh
}

/// A marker with the number of comments on each area and district that has any, at the
/// corner of its name (or its anchor, where it has no name on the map).
fn paint_comments(painter: &egui::Painter, view: &MapView<'_>, screen: &Screen) {
    let m = &view.plan.municipality;
    let mut counts: std::collections::BTreeMap<(bool, usize), usize> = std::collections::BTreeMap::new();
    for comment in &view.plan.comments {
        let key = match &comment.target {
            CommentTarget::Area(id) => m.areas.iter().position(|a| a.id == *id).map(|i| (true, i)),
            CommentTarget::District(id) => m.districts.iter().position(|d| d.id == *id).map(|i| (false, i)),
            CommentTarget::Plan => None,
        };
        if let Some(key) = key {
            *counts.entry(key).or_default() += 1;
        }
    }
    for ((is_area, i), count) in counts {
        let (placed, anchor) = if is_area {
            (screen.placement.areas[i].as_ref(), Some(view.map.areas[i].anchor))
        } else {
            (screen.placement.tags[i].as_ref(), view.map.districts[i].as_ref().map(|s| s.anchor))
        };
        let Some(centre) = placed.map(|p| p.rect.right_top()).or_else(|| anchor.map(|a| screen.pos(a))) else {
            continue;
        };
        let colour = Color32::from_rgb(0x00, 0x72, 0xB2);
        painter.circle(centre, 10.0, colour, Stroke::new(2.0, Color32::WHITE));
        painter.text(
            centre,
            egui::Align2::CENTER_CENTER,
            format!("{count}"),
            egui::FontId::proportional(12.0),
            Color32::WHITE,
        );
    }
}
