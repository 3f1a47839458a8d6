//! The map's geometry on screen: the plan's outlines fitted into the map's rectangle, their
//! triangles and outline strokes tessellated and the area names placed — once for each map,
//! size, text size and set of names — and the district tags and institution icons placed for
//! each year's profiles and institutions (a few such layouts kept, so the year slider reuses
//! them); all kept in egui's memory. The fill is recoloured only when the colours change. Also
//! paints the landmarks (boundary, motorway, railway, stations).

use super::map_labels::{self, LabelStyle, Placement, TagText};
use crate::map::{Fit, PlanMap};
use crate::model::LandmarkKind;
use egui::epaint::{Mesh, Tessellator, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Rect, Shape, Stroke, pos2};
use std::sync::Arc;

/// What the map's outlines and names on screen depend on; a change of any draws them again.
/// The map is held, so that no other map can take its place in memory and pass for it.
#[derive(Clone, Debug)]
struct DrawnKey {
    give_way: bool,
    map: Arc<PlanMap>,
    rect: [i32; 4],
    sizes: [i32; 4],
    names: u64,
    ink: [u8; 4],
}

impl PartialEq for DrawnKey {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.map, &other.map)
            && (self.rect, self.sizes, self.names, self.ink, self.give_way)
                == (other.rect, other.sizes, other.names, other.ink, other.give_way)
    }
}

/// The outlines and area names on screen: what a size of the map fixes, whatever the year.
#[derive(Debug)]
struct Drawn {
    key: DrawnKey,
    fit: Fit,
    /// The fill's vertices (white) and triangles; `ranges[i]` are area `i`'s vertices.
    fill: Mesh,
    ranges: Vec<std::ops::Range<usize>>,
    /// The fill in the colours last painted.
    coloured: std::sync::Mutex<Option<(Vec<Color32>, Arc<Mesh>)>>,
    /// Thin outlines of every area and the districts' outlines over them, tessellated once.
    outlines: Arc<Mesh>,
    /// District outlines (rings on screen), per district.
    district_rings: Vec<Vec<Vec<Pos2>>>,
    /// The area names, placed.
    names: Placement,
}

/// The map laid out on screen: its outlines and names, and the district tags and institution
/// icons of the year (which change with it: a profile given, an institution moved).
#[derive(Debug)]
pub struct Screen {
    drawn: Arc<Drawn>,
    /// A hash of the tags and icons this was placed for.
    places: u64,
    pub fit: Fit,
    pub placement: Placement,
    /// Places for institution icons, per district, clear of every name and tag.
    pub icon_slots: Vec<Vec<Rect>>,
}

/// The size of an institution's icon.
pub const ICON: f32 = 24.0;

/// Everything the layout needs from the frame.
pub struct LayoutInput<'a> {
    pub map: &'a Arc<PlanMap>,
    pub rect: Rect,
    pub style: LabelStyle,
    /// The area names as shown (name, short name) and the district tags.
    pub names: &'a [(String, String)],
    pub tags: &'a [Option<TagText>],
    /// How many institution icons each district needs room for.
    pub icons: &'a [usize],
    /// Hashes of the names, and of the tags and icons, worked out with them.
    pub names_hash: u64,
    pub places_hash: u64,
    /// The colour of district outlines (it follows the theme).
    pub ink: Color32,
    /// Whether names beside their areas may give way on a map too small for them (where a
    /// tooltip names each area; not on the projector).
    pub names_may_give_way: bool,
    /// Which areas are estates (their names give way last).
    pub estates: &'a [bool],
}

/// How many layouts of tags and icons are kept for one size of the map: one for every year
/// the slider reaches, so that moving it back and forth places each year's once.
const KEPT_LAYOUTS: usize = 32;

/// The laid-out map for this frame, from memory when nothing it depends on changed.
pub fn screen(ui: &egui::Ui, salt: &str, input: &LayoutInput<'_>) -> Arc<Screen> {
    let drawn = drawn(ui, salt, input);
    let id = ui.scope_id().with(("map_screens", salt));
    let mut kept: Vec<Arc<Screen>> = ui.ctx().data(|d| d.get_temp(id)).unwrap_or_default();
    kept.retain(|s| Arc::ptr_eq(&s.drawn, &drawn));
    if let Some(screen) = kept.iter().find(|s| s.places == input.places_hash) {
        return Arc::clone(screen);
    }
    let mut placement = drawn.names.clone();
    let (map, fit) = (input.map, drawn.fit);
    map_labels::place_tags(ui.painter(), map, &fit, input.tags, &input.style, input.rect, &mut placement);
    let icon_slots = icon_slots(map, &fit, &placement, input.icons, input.rect);
    let screen = Arc::new(Screen { drawn, places: input.places_hash, fit, placement, icon_slots });
    kept.insert(0, Arc::clone(&screen));
    kept.truncate(KEPT_LAYOUTS);
    ui.ctx().data_mut(|d| d.insert_temp(id, kept));
    screen
}

/// The outlines and names for this frame, from memory when nothing they depend on changed.
fn drawn(ui: &egui::Ui, salt: &str, input: &LayoutInput<'_>) -> Arc<Drawn> {
    let r = input.rect;
    let s = &input.style;
    let key = DrawnKey {
        give_way: input.names_may_give_way,
        map: Arc::clone(input.map),
        rect: [r.left(), r.top(), r.right(), r.bottom()].map(|v| v.round() as i32),
        sizes: [s.name_size, s.floor_size, s.tag_size, s.value_size.x].map(|v| (v * 100.0).round() as i32),
        names: input.names_hash,
        ink: input.ink.to_array(),
    };
    let id = ui.scope_id().with(("map_drawn", salt));
    let cached: Option<Arc<Drawn>> = ui.ctx().data(|d| d.get_temp(id));
    if let Some(drawn) = cached.filter(|d| d.key == key) {
        return drawn;
    }
    let drawn = Arc::new(lay_out(ui, key, input));
    ui.ctx().data_mut(|d| d.insert_temp(id, Arc::clone(&drawn)));
    drawn
}

fn lay_out(ui: &egui::Ui, key: DrawnKey, input: &LayoutInput<'_>) -> Drawn {
    let map = input.map;
    let fit = Fit::new(
        map.bounds,
        [input.rect.left(), input.rect.top(), input.rect.right(), input.rect.bottom()],
        map.keep_aspect,
    );
    let on_screen = |p: &[f64; 2]| {
        let [x, y] = fit.to_screen(*p);
        pos2(x, y)
    };
    let mut fill = Mesh::default();
    let mut ranges = Vec::with_capacity(map.areas.len());
    for shape in &map.areas {
        let base = fill.vertices.len() as u32;
        fill.vertices.extend(shape.vertices.iter().map(|p| Vertex {
            pos: on_screen(p),
            uv: WHITE_UV,
            color: Color32::WHITE,
        }));
        fill.indices.extend(shape.triangles.iter().map(|i| base + i));
        ranges.push(base as usize..fill.vertices.len());
    }
    let ring_points =
        |shape: &crate::map::Shape| -> Vec<Vec<Pos2>> { shape.rings().map(|r| ring_on_screen(r, &fit)).collect() };
    let district_rings: Vec<Vec<Vec<Pos2>>> =
        map.districts.iter().map(|d| d.as_ref().map(ring_points).unwrap_or_default()).collect();
    let mut outlines = Mesh::default();
    let (thin, thick) = (Stroke::new(1.0, Color32::from_gray(110)), Stroke::new(2.0, input.ink));
    if map.areas.len() > map_labels::MAX_OUTSIDE_LABELS {
        // Every point as it is (no smoothing per ring), so that neighbours' edges meet exactly.
        let raw = |shape: &crate::map::Shape| -> Vec<Vec<Pos2>> {
            shape.rings().map(|r| r.0.iter().map(|c| on_screen(&[c.x, c.y])).collect()).collect()
        };
        super::map_lines::outlines(map.areas.iter().flat_map(raw), thin, &mut outlines);
        super::map_lines::outlines(map.districts.iter().flatten().flat_map(raw), thick, &mut outlines);
    } else {
        let mut tessellator =
            Tessellator::new(ui.ctx().pixels_per_point(), line_options(ui, map.areas.len()), [1, 1], Vec::new());
        for ring in map.areas.iter().flat_map(ring_points) {
            tessellator.tessellate_shape(Shape::closed_line(ring, thin), &mut outlines);
        }
        for ring in district_rings.iter().flatten() {
            tessellator.tessellate_shape(Shape::closed_line(ring.clone(), thick), &mut outlines);
        }
    }
    let names = names_within_cover(ui.painter(), map, &fit, input);
    let outlines = Arc::new(outlines);
    Drawn { key, fit, fill, ranges, coloured: Default::default(), outlines, district_rings, names }
}

/// The area names placed as large as they can be while covering at most
/// [`map_labels::MAX_NAME_COVER`] of the coloured map: with their values, then without, then
/// smaller in steps down to the floor size (the last try is kept whatever it covers).
fn names_within_cover(painter: &egui::Painter, map: &PlanMap, fit: &Fit, input: &LayoutInput<'_>) -> Placement {
    let obstacles = obstacles(map, fit);
    let per_unit = fit.pixels_per_unit() as f32;
    let coloured: f32 = map.areas.iter().map(|a| a.area() as f32).sum::<f32>() * per_unit * per_unit;
    let full = input.style;
    let mut tries = vec![full, LabelStyle { value_size: egui::Vec2::ZERO, ..full }];
    let mut size = full.name_size * 0.9;
    while size >= full.floor_size {
        tries.push(LabelStyle { name_size: size, value_size: egui::Vec2::ZERO, ..full });
        size *= 0.9;
    }
    // A map of many areas shows no values and no names beside their areas: its names are laid
    // out once, so that a resize stays quick.
    if map.areas.len() > map_labels::MAX_OUTSIDE_LABELS {
        tries.truncate(1);
    }
    let budget = map_labels::MAX_NAME_COVER * coloured;
    let mut placed = Placement::default();
    for style in tries {
        placed = map_labels::place_names(painter, map, fit, input.names, &style, input.rect, &obstacles);
        if placed.names_area() <= budget {
            return placed;
        }
    }
    // Still too many for the map (large type on a small map): where a tooltip names each area,
    // the names beside the smallest areas give way.
    if input.names_may_give_way {
        placed.give_way(map, budget, &obstacles, input.estates);
    }
    placed
}

/// How lines are tessellated: smooth (feathered) edges, except on a map of many areas, where
/// feathering would treble the vertices of every outline (a thousand areas: 340,000 vertices
/// copied every frame) for a difference no one sees on lines a pixel wide.
pub fn line_options(ui: &egui::Ui, areas: usize) -> egui::epaint::TessellationOptions {
    let mut options = ui.ctx().tessellation_options(|o| *o);
    if areas > map_labels::MAX_OUTSIDE_LABELS {
        options.feathering = false;
    }
    options
}

/// Room for `counts[d]` icons in each district: inside it where there is room, else inside the
/// nearest other area (so always inside the municipality's outline, which the areas fill), clear
/// of names, tags and every area's anchor (where leader lines start and clicks land); last, on
/// the district's anchor.
fn icon_slots(map: &PlanMap, fit: &Fit, placement: &Placement, counts: &[usize], bounds: Rect) -> Vec<Vec<Rect>> {
    let mut taken = placement.taken.clone();
    for area in &map.areas {
        let [x, y] = fit.to_screen(area.anchor);
        taken.push(Rect::from_center_size(pos2(x, y), egui::vec2(10.0, 10.0)));
    }
    // Where even that has no room (a small map in large type), letters may touch one another,
    // never a name.
    let names_only = taken.clone();
    let size = egui::vec2(ICON, ICON);
    map.districts
        .iter()
        .zip(counts)
        .map(|(shape, count)| {
            let Some(shape) = shape else { return Vec::new() };
            let [x, y] = fit.to_screen(shape.anchor);
            let anchor = pos2(x, y);
            // The other areas, nearest first, for icons their own district has no room for.
            let mut nearby: Vec<&crate::map::Shape> = map.areas.iter().collect();
            nearby.sort_by(|a, b| {
                let distance = |s: &crate::map::Shape| {
                    let [x, y] = fit.to_screen(s.anchor);
                    anchor.distance_sq(pos2(x, y))
                };
                distance(a).total_cmp(&distance(b))
            });
            (0..*count)
                .map(|_| {
                    let spot = |room| {
                        map_labels::free_spot(shape, fit, size, room, None).or_else(|| {
                            nearby.iter().find_map(|area| map_labels::free_spot(area, fit, size, room, Some(anchor)))
                        })
                    };
                    let rect = spot((&taken, bounds))
                        .or_else(|| spot((&names_only, bounds)))
                        // (A search a large map cannot afford: there the letter takes the anchor.)
                        .or_else(|| {
                            (map.areas.len() <= map_labels::MAX_OUTSIDE_LABELS)
                                .then(|| nearest_free_point(map, fit, size, &names_only, anchor))
                                .flatten()
                        })
                        .unwrap_or_else(|| Rect::from_center_size(anchor, size));
                    taken.push(rect.expand(2.0));
                    rect
                })
                .collect()
        })
        .collect()
}

/// On a map too small for a letter to fit wholly inside any area clear of the names: the
/// nearest point to `anchor` inside the municipality where a letter covers no name.
fn nearest_free_point(
    map: &PlanMap,
    fit: &Fit,
    size: egui::Vec2,
    names: &map_labels::Taken,
    anchor: Pos2,
) -> Option<Rect> {
    let [x0, y1] = fit.to_screen([map.bounds[0], map.bounds[1]]);
    let [x1, y0] = fit.to_screen([map.bounds[2], map.bounds[3]]);
    let step = 6.0;
    let (nx, ny) = (((x1 - x0) / step) as i32, ((y1 - y0) / step) as i32);
    (0..=nx)
        .flat_map(|i| (0..=ny).map(move |j| pos2(x0 + i as f32 * step, y0 + j as f32 * step)))
        .filter(|p| map.area_at(fit.to_plane([p.x, p.y])).is_some())
        .map(|p| Rect::from_center_size(p, size))
        .filter(|r| !names.collides(*r))
        .min_by(|a, b| a.center().distance_sq(anchor).total_cmp(&b.center().distance_sq(anchor)))
}

/// Areas too small to carry their own name, and stations: outside labels keep clear of them.
fn obstacles(map: &PlanMap, fit: &Fit) -> Vec<Rect> {
    let on_screen = |b: &crate::map::Bounds| {
        let [x0, y1] = fit.to_screen([b[0], b[1]]);
        let [x1, y0] = fit.to_screen([b[2], b[3]]);
        Rect::from_min_max(pos2(x0, y0), pos2(x1, y1))
    };
    let small = map.areas.iter().map(|s| on_screen(&s.bounds)).filter(|r| r.width() < 80.0 && r.height() < 50.0);
    let stations = map.landmarks.iter().filter(|l| l.kind == LandmarkKind::Station).filter_map(|l| {
        let p = l.parts.first()?.first()?;
        let [x, y] = fit.to_screen(*p);
        Some(Rect::from_center_size(pos2(x, y), egui::vec2(12.0, 12.0)))
    });
    small.chain(stations).collect()
}

/// A ring on screen, each point once and without hairpins: a closed ring repeats its first
/// point at the end, and egui's lines draw a spike across the screen at a zero-length segment
/// or where a line turns straight back on itself (a miter of unbounded length).
pub fn ring_on_screen(ring: &geo::LineString<f64>, fit: &Fit) -> Vec<Pos2> {
    let mut points: Vec<Pos2> = Vec::with_capacity(ring.0.len());
    for c in &ring.0 {
        let [x, y] = fit.to_screen([c.x, c.y]);
        push_smooth(&mut points, pos2(x, y));
    }
    // The ring closes: the turns at its last and first points matter too.
    for _ in 0..2 {
        if points.len() > 3 {
            let first = points.remove(0);
            push_smooth(&mut points, first);
        }
    }
    points
}

/// Adds `p` to a path unless it is within a pixel of the last point, first dropping points
/// where the path would turn straight back (a turn of more than about 155°).
fn push_smooth(points: &mut Vec<Pos2>, p: Pos2) {
    if points.last().is_some_and(|last| last.distance_sq(p) < 1.0) {
        return;
    }
    while points.len() >= 2 {
        let (a, b) = (points[points.len() - 2], points[points.len() - 1]);
        if (b - a).normalized().dot((p - b).normalized()) > -0.9 {
            break;
        }
        points.pop();
    }
    if points.last().is_none_or(|last| last.distance_sq(p) >= 1.0) {
        points.push(p);
    }
}

impl Screen {
    /// The areas filled in their colours, their outlines and the districts'.
    ///
    /// Each big mesh gets a clip rectangle of its own, so that egui puts it in a primitive of its
    /// own: appended to other shapes, a mesh of a thousand areas would make egui grow (and copy)
    /// its buffer again and again every frame. The rectangle is set, not narrowed with
    /// `with_clip_rect`, which would give back the painter's own.
    pub fn paint_areas(&self, painter: &egui::Painter, colours: &[Color32]) {
        let clip = painter.clip_rect();
        let mut own = painter.clone();
        own.set_clip_rect(clip.expand(0.25));
        own.add(Shape::mesh(self.coloured(colours)));
        own.set_clip_rect(clip.expand(0.5));
        own.add(Shape::mesh(Arc::clone(&self.drawn.outlines)));
    }

    /// The fill in these colours, kept until they change (the year or the indicator).
    fn coloured(&self, colours: &[Color32]) -> Arc<Mesh> {
        let drawn = &self.drawn;
        let mut kept = drawn.coloured.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((was, mesh)) = kept.as_ref()
            && was.as_slice() == colours
        {
            return Arc::clone(mesh);
        }
        let mut fill = drawn.fill.clone();
        for (range, colour) in drawn.ranges.iter().zip(colours) {
            for v in &mut fill.vertices[range.clone()] {
                v.color = *colour;
            }
        }
        let fill = Arc::new(fill);
        *kept = Some((colours.to_vec(), Arc::clone(&fill)));
        fill
    }

    /// A point of the plane on screen.
    pub fn pos(&self, p: [f64; 2]) -> Pos2 {
        let [x, y] = self.fit.to_screen(p);
        pos2(x, y)
    }

    /// A district's outline, drawn over the areas.
    pub fn paint_district(&self, painter: &egui::Painter, district: usize, stroke: Stroke) {
        for ring in self.drawn.district_rings.get(district).into_iter().flatten() {
            painter.add(Shape::closed_line(ring.clone(), stroke));
        }
    }
}

/// The boundary, motorway, railway and stations, in that order (stations on top).
pub fn paint_landmarks(painter: &egui::Painter, map: &PlanMap, screen: &Screen, dark: bool) {
    let ink = if dark { Color32::from_gray(220) } else { Color32::from_gray(30) };
    let paper = if dark { Color32::from_gray(30) } else { Color32::WHITE };
    for kind in [LandmarkKind::Water, LandmarkKind::Boundary, LandmarkKind::Motorway, LandmarkKind::Railway] {
        for landmark in map.landmarks.iter().filter(|l| l.kind == kind) {
            for part in &landmark.parts {
                let points: Vec<Pos2> = part.iter().map(|p| screen.pos(*p)).collect();
                paint_line(painter, kind, points, ink, paper);
            }
        }
    }
    for station in map.landmarks.iter().filter(|l| l.kind == LandmarkKind::Station) {
        if let Some(p) = station.parts.first().and_then(|p| p.first()) {
            let centre = screen.pos(*p);
            painter.circle(centre, 5.0, paper, Stroke::new(2.5, ink));
        }
    }
}

fn paint_line(painter: &egui::Painter, kind: LandmarkKind, points: Vec<Pos2>, ink: Color32, paper: Color32) {
    match kind {
        LandmarkKind::Boundary => {
            painter.extend(Shape::dashed_line(&points, Stroke::new(2.0, ink), 8.0, 4.0));
        }
        LandmarkKind::Motorway => {
            painter.add(Shape::line(points.clone(), Stroke::new(5.0, Color32::from_rgb(0x8A, 0x3B, 0x12))));
            painter.add(Shape::line(points, Stroke::new(2.5, Color32::from_rgb(0xF0, 0x9A, 0x4A))));
        }
        LandmarkKind::Railway => {
            painter.add(Shape::line(points.clone(), Stroke::new(4.0, ink)));
            painter.extend(Shape::dashed_line(&points, Stroke::new(2.0, paper), 7.0, 7.0));
        }
        LandmarkKind::Water => {
            painter.add(Shape::closed_line(points, Stroke::new(1.5, Color32::from_rgb(0x3A, 0x7C, 0xB8))));
        }
        LandmarkKind::Station | LandmarkKind::Place => {}
    }
}

/// Names of stations and places, small, where they cover no label.
pub fn paint_landmark_names(
    painter: &egui::Painter,
    map: &PlanMap,
    screen: &Screen,
    taken: &mut Vec<Rect>,
    dark: bool,
) {
    let ink = if dark { Color32::from_gray(220) } else { Color32::from_gray(40) };
    let font = egui::FontId::proportional(11.0);
    for landmark in map.landmarks.iter().filter(|l| l.kind.is_point() && !l.name.is_empty()) {
        let Some(p) = landmark.parts.first().and_then(|p| p.first()) else { continue };
        let at = screen.pos(*p);
        let italic = landmark.kind == LandmarkKind::Place;
        let galley = painter.layout_no_wrap(landmark.name.clone(), font.clone(), ink);
        let size = galley.size();
        let spots =
            [at + egui::vec2(7.0, -size.y - 2.0), at + egui::vec2(7.0, 2.0), at + egui::vec2(-size.x - 7.0, 2.0)];
        let spots = if italic { [at - size / 2.0; 3] } else { spots };
        if let Some(min) =
            spots.into_iter().find(|m| !taken.iter().any(|t| t.intersects(Rect::from_min_size(*m, size))))
        {
            let rect = Rect::from_min_size(min, size);
            taken.push(rect);
            if !italic {
                painter.rect_filled(rect.expand(1.0), 2.0, Color32::from_white_alpha(if dark { 40 } else { 190 }));
            }
            painter.galley(min, galley, ink);
        }
    }
}
