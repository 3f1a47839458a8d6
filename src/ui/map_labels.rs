//! Where the map's words go. An area's name never breaks inside a word: it is laid out without
//! wrapping, on one line or broken only between words, and where it does not fit inside its
//! outline it takes the area's registered short name, then shrinks down to a floor size, and
//! last moves beside the outline with a leader line, never farther than
//! [`MAX_LABEL_DISTANCE`] from it. District tags (name and profile badge) are placed after the
//! names, from the top left corner of their district, and never cover one. Where everything is
//! placed depends only on the map, its size on screen and the text: the same map at the same
//! size is labelled the same way whatever was shown before (a selection, a reveal, presentation
//! mode). The same rules serve the main window, presentation mode and the projector.

use crate::map::{Fit, PlanMap, Shape};
use egui::{Color32, FontId, Galley, Pos2, Rect, pos2, vec2};
use std::sync::Arc;

/// Padding around a label's text.
pub const PAD: f32 = 3.0;
/// Outside labels are tried this far from their area's outline box, in screen points.
const DISTANCES: [f32; 5] = [4.0, 12.0, 22.0, 34.0, 46.0];
/// The farthest a name placed beside its area lies from the area's outline box, in points
/// (the box of the label, not its centre): a name is always read as its area's.
pub const MAX_LABEL_DISTANCE: f32 = 48.0;
/// Above this many areas, names that do not fit inside are left to the tooltip: a map of a
/// thousand areas cannot carry a thousand leader lines.
pub const MAX_OUTSIDE_LABELS: usize = 60;

/// A piece of text laid out for the map: its rows are whole words.
#[derive(Clone, Debug)]
pub struct Placed {
    /// The box the label takes on screen (text and padding).
    pub rect: Rect,
    pub text: Arc<Galley>,
    /// Where the leader line starts (the area's anchor), for labels outside their area.
    pub leader_from: Option<Pos2>,
}

/// Everything the map writes, placed once per layout.
#[derive(Clone, Debug, Default)]
pub struct Placement {
    /// One per area: its name (with room below it for the value), or `None` if it has no room.
    pub areas: Vec<Option<Placed>>,
    /// How tall the value line under each name is.
    pub value_height: f32,
    /// One per district: its tag, or `None`.
    pub tags: Vec<Option<Placed>>,
    /// Everything placed, and the obstacles, for what is placed after.
    pub taken: Taken,
    /// The labels placed and their leader lines, which later leaders keep from crossing.
    labels: Vec<Rect>,
    leaders: Vec<[Pos2; 2]>,
    /// Whether names gave way for want of room ([`Placement::give_way`]): the district tags
    /// then keep inside their districts or give way too.
    crowded: bool,
}

/// A district's tag: its name (and short name) and the profile badge under it, if any.
#[derive(Clone, Debug, Hash, PartialEq)]
pub struct TagText {
    pub name: String,
    pub short: String,
    pub badge: Option<String>,
}

/// The most of the coloured map the area names (with their values) may cover: where they
/// would cover more, the values give way (the colour and the tooltip carry them), then the names
/// shrink, down to the floor size.
pub const MAX_NAME_COVER: f32 = 0.25;

/// What labels are made of and how large they may be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelStyle {
    pub name_size: f32,
    pub floor_size: f32,
    pub tag_size: f32,
    /// The widest value text under a name and its height.
    pub value_size: egui::Vec2,
}

/// Text candidates for a name, best first: whole, broken between words, the short name.
fn variants(name: &str, short: &str) -> Vec<String> {
    let mut out = vec![name.to_owned()];
    for lines in [2, 3] {
        if let Some(wrapped) = break_between_words(name, lines) {
            out.push(wrapped);
        }
    }
    if !short.is_empty() && short != name {
        out.push(short.to_owned());
        if let Some(wrapped) = break_between_words(short, 2) {
            out.push(wrapped);
        }
    }
    out.dedup();
    out
}

/// `text` on `lines` rows, broken only at spaces and as evenly as it goes; a word of one or
/// two letters stays with the word before it ("Høje-Taastrup C"). `None` if it has too few
/// words.
pub fn break_between_words(text: &str, lines: usize) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match words.last_mut() {
            Some(last) if word.chars().count() <= 2 => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
    }
    if words.len() < lines || lines < 2 {
        return None;
    }
    let total: usize = words.iter().map(|w| w.chars().count() + 1).sum();
    let target = total / lines;
    let mut rows: Vec<String> = vec![String::new()];
    for (i, word) in words.iter().enumerate() {
        let left_words = words.len() - i;
        let rows_left = lines - rows.len();
        let row = rows.last().map_or(0, |r| r.chars().count());
        let start_new = !rows.last().is_some_and(String::is_empty)
            && rows_left > 0
            && (row + word.chars().count() / 2 >= target || left_words <= rows_left);
        if start_new {
            rows.push(String::new());
        }
        if let Some(last) = rows.last_mut() {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    (rows.len() == lines).then(|| rows.join("\n"))
}

/// Sizes from the name size down to the floor, in steps of a tenth.
fn sizes(from: f32, floor: f32) -> Vec<f32> {
    let mut out = vec![from];
    let mut size = from;
    while size * 0.9 >= floor {
        size *= 0.9;
        out.push(size);
    }
    if out.last().is_some_and(|s| *s > floor + 0.5) {
        out.push(floor);
    }
    out
}

/// The box a galley needs with `extra` (the value line) under it.
fn box_size(text: &Galley, extra: egui::Vec2) -> egui::Vec2 {
    vec2(text.size().x.max(extra.x), text.size().y + extra.y) + vec2(2.0 * PAD, 2.0 * PAD)
}

/// Candidate centres inside a shape's screen box, nearest to its anchor first.
fn inside_centres(shape: &Shape, fit: &Fit, step: f32) -> Vec<Pos2> {
    let [ax, ay] = fit.to_screen(shape.anchor);
    inside_centres_from(shape, fit, step, pos2(ax, ay))
}

/// Candidate centres inside a shape's screen box, nearest to `anchor` first (the anchor itself
/// the very first).
fn inside_centres_from(shape: &Shape, fit: &Fit, step: f32, anchor: Pos2) -> Vec<Pos2> {
    let [x0, y1] = fit.to_screen([shape.bounds[0], shape.bounds[1]]);
    let [x1, y0] = fit.to_screen([shape.bounds[2], shape.bounds[3]]);
    let (nx, ny) = (((x1 - x0) / step).ceil().min(12.0) as i32, ((y1 - y0) / step).ceil().min(12.0) as i32);
    let mut centres = vec![anchor];
    for i in 0..=nx {
        for j in 0..=ny {
            let p = pos2(x0 + (x1 - x0) * i as f32 / nx.max(1) as f32, y0 + (y1 - y0) * j as f32 / ny.max(1) as f32);
            centres.push(p);
        }
    }
    centres[1..].sort_by(|a, b| a.distance_sq(anchor).total_cmp(&b.distance_sq(anchor)));
    centres
}

/// Whether a screen box lies inside a shape.
fn fits(shape: &Shape, fit: &Fit, rect: Rect) -> bool {
    shape.holds_box(fit.box_to_plane([rect.left(), rect.top(), rect.right(), rect.bottom()]))
}

/// Rectangles already taken on screen, bucketed on a grid so that a test looks only nearby: a
/// thousand-area map places thousands of boxes.
#[derive(Clone, Debug, Default)]
pub struct Taken {
    rects: Vec<Rect>,
    buckets: std::collections::HashMap<(i32, i32), Vec<usize>>,
}

/// The side of a bucket, in screen points.
const BUCKET: f32 = 48.0;

fn buckets_of(rect: Rect) -> impl Iterator<Item = (i32, i32)> {
    let (x0, x1) = ((rect.left() / BUCKET).floor() as i32, (rect.right() / BUCKET).floor() as i32);
    let (y0, y1) = ((rect.top() / BUCKET).floor() as i32, (rect.bottom() / BUCKET).floor() as i32);
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

impl Taken {
    pub fn push(&mut self, rect: Rect) {
        let i = self.rects.len();
        self.rects.push(rect);
        for bucket in buckets_of(rect) {
            self.buckets.entry(bucket).or_default().push(i);
        }
    }

    pub fn collides(&self, rect: Rect) -> bool {
        buckets_of(rect)
            .any(|b| self.buckets.get(&b).is_some_and(|ids| ids.iter().any(|i| self.rects[*i].intersects(rect))))
    }
}

fn collides(rect: Rect, taken: &Taken) -> bool {
    taken.collides(rect)
}

/// Lays out `text` at `size` with no wrapping at all (rows only where it has a newline).
pub fn galley(painter: &egui::Painter, text: &str, size: f32) -> Arc<Galley> {
    painter.layout_no_wrap(text.to_owned(), FontId::proportional(size), Color32::PLACEHOLDER)
}

/// The first text and size, best first, that fits inside the shape clear of `taken`.
fn place_inside(
    painter: &egui::Painter,
    shape: &Shape,
    fit: &Fit,
    texts: &[String],
    sizes: &[f32],
    extra: egui::Vec2,
    taken: &Taken,
) -> Option<Placed> {
    place_inside_from(painter, shape, fit, (texts, sizes, extra), taken, None)
}

/// [`place_inside`], trying places nearest to `start` (the anchor when `None`) first; a box
/// whose corner is `start` comes first of all, so a tag keeps to its corner.
fn place_inside_from(
    painter: &egui::Painter,
    shape: &Shape,
    fit: &Fit,
    (texts, sizes, extra): (&[String], &[f32], egui::Vec2),
    taken: &Taken,
    start: Option<Pos2>,
) -> Option<Placed> {
    let [x0, y1] = fit.to_screen([shape.bounds[0], shape.bounds[1]]);
    let [x1, y0] = fit.to_screen([shape.bounds[2], shape.bounds[3]]);
    let room = vec2(x1 - x0, y1 - y0);
    let centres = match start {
        Some(start) => inside_centres_from(shape, fit, 6.0, start),
        None => inside_centres(shape, fit, 6.0),
    };
    for size in sizes {
        for text in texts {
            let text = galley(painter, text, *size);
            let needed = box_size(&text, extra);
            if needed.x > room.x || needed.y > room.y {
                continue;
            }
            for centre in &centres {
                // From a corner (the top left), the box hangs from the candidate as its own top
                // left corner; from the anchor, it is centred on it.
                let rect = match start {
                    Some(_) => Rect::from_min_size(*centre, needed),
                    None => Rect::from_center_size(*centre, needed),
                };
                // The cheap test first: on a crowded map most places are taken.
                if !collides(rect, taken) && fits(shape, fit, rect) {
                    return Some(Placed { rect, text, leader_from: None });
                }
            }
        }
    }
    None
}

/// A place beside the shape, clear of `taken` and within `bounds`, with a leader line: the
/// nearest free place whose leader crosses no other label or leader.
fn place_outside(
    shape: &Shape,
    fit: &Fit,
    text: Arc<Galley>,
    extra: egui::Vec2,
    taken: &Taken,
    (labels, leaders): (&[Rect], &[[Pos2; 2]]),
    bounds: Rect,
) -> Option<Placed> {
    let [ax, ay] = fit.to_screen(shape.anchor);
    let anchor = pos2(ax, ay);
    let [x0, y1] = fit.to_screen([shape.bounds[0], shape.bounds[1]]);
    let [x1, y0] = fit.to_screen([shape.bounds[2], shape.bounds[3]]);
    let outline = Rect::from_min_max(pos2(x0, y0), pos2(x1, y1));
    let size = box_size(&text, extra);
    let half = size / 2.0;
    let mut candidates: Vec<Pos2> = DISTANCES
        .iter()
        .flat_map(|distance| {
            let around = outline.expand(*distance);
            let (above, below) = (around.top() - half.y, around.bottom() + half.y);
            let (right, left) = (around.right() + half.x, around.left() - half.x);
            [
                pos2(anchor.x, above),
                pos2(anchor.x, below),
                pos2(right, anchor.y),
                pos2(left, anchor.y),
                // Slid along each side, so a neighbour's name on the middle leaves room.
                pos2(anchor.x - half.x, above),
                pos2(anchor.x + half.x, above),
                pos2(anchor.x - half.x, below),
                pos2(anchor.x + half.x, below),
                pos2(right, anchor.y - half.y),
                pos2(right, anchor.y + half.y),
                pos2(left, anchor.y - half.y),
                pos2(left, anchor.y + half.y),
                pos2(right, above),
                pos2(left, above),
                pos2(right, below),
                pos2(left, below),
            ]
        })
        .collect();
    // Nowhere farther: a name far from its area reads as another area's.
    candidates.sort_by(|a, b| a.distance_sq(anchor).total_cmp(&b.distance_sq(anchor)));
    let rects: Vec<Rect> = candidates
        .into_iter()
        .map(|c| Rect::from_center_size(c, size))
        .filter(|r| {
            bounds.contains_rect(*r)
                && gap(*r, outline) <= MAX_LABEL_DISTANCE
                && !collides(*r, taken)
                && distance_on_screen(shape, fit, *r) <= MAX_LABEL_DISTANCE
        })
        .collect();
    // Best a leader that crosses no label and no other leader; else the nearest place.
    let clear = |rect: &&Rect| {
        let end = leader_end(anchor, **rect);
        !labels.iter().any(|t| segment_meets_rect([anchor, end], t.shrink(1.0)))
            && !leaders.iter().any(|l| segments_cross([anchor, end], *l))
    };
    let rect = rects.iter().find(clear).or_else(|| rects.first())?;
    Some(Placed { rect: *rect, text, leader_from: Some(anchor) })
}

/// How far a box on screen lies from a shape's outline, in screen points (0 where it touches
/// or overlaps it).
pub fn distance_on_screen(shape: &Shape, fit: &Fit, rect: Rect) -> f32 {
    let plane = fit.box_to_plane([rect.left(), rect.top(), rect.right(), rect.bottom()]);
    (shape.distance_to_box(plane) * fit.pixels_per_unit()) as f32
}

/// How far apart two boxes are: 0 where they touch or overlap, else the shortest distance
/// between their edges.
pub fn gap(a: Rect, b: Rect) -> f32 {
    let dx = (a.left() - b.right()).max(b.left() - a.right()).max(0.0);
    let dy = (a.top() - b.bottom()).max(b.top() - a.bottom()).max(0.0);
    dx.hypot(dy)
}

/// Where a leader from `from` meets the box.
pub fn leader_end(from: Pos2, to: Rect) -> Pos2 {
    pos2(from.x.clamp(to.left(), to.right()), from.y.clamp(to.top(), to.bottom()))
}

fn segments_cross(a: [Pos2; 2], b: [Pos2; 2]) -> bool {
    let side = |p: Pos2, q: Pos2, r: Pos2| (q - p).x * (r - p).y - (q - p).y * (r - p).x;
    let (d1, d2) = (side(b[0], b[1], a[0]), side(b[0], b[1], a[1]));
    let (d3, d4) = (side(a[0], a[1], b[0]), side(a[0], a[1], b[1]));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

fn segment_meets_rect(s: [Pos2; 2], r: Rect) -> bool {
    if r.contains(s[0]) || r.contains(s[1]) {
        return true;
    }
    let corners = [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom()];
    (0..4).any(|i| segments_cross(s, [corners[i], corners[(i + 1) % 4]]))
}

/// Places every area's name: inside its outline where it fits, else (on a map of few areas)
/// outside with a leader. District tags are placed after, by [`place_tags`].
///
/// `names` are (name, short name) per area. Labels placed outside their outline keep clear of
/// `obstacles` (small areas and stations, which a label would hide).
pub fn place_names(
    painter: &egui::Painter,
    map: &PlanMap,
    fit: &Fit,
    names: &[(String, String)],
    style: &LabelStyle,
    bounds: Rect,
    obstacles: &[Rect],
) -> Placement {
    let mut placement = Placement {
        areas: vec![None; map.areas.len()],
        value_height: style.value_size.y,
        tags: vec![None; map.districts.len()],
        ..Placement::default()
    };
    let name_sizes = sizes(style.name_size, style.floor_size);
    // Inside first: names inside their own outline cannot meet each other, as outlines do not
    // overlap, so the order does not matter here.
    for (i, shape) in map.areas.iter().enumerate() {
        let (name, short) = &names[i];
        let texts = variants(name, short);
        placement.areas[i] =
            place_inside(painter, shape, fit, &texts, &name_sizes, style.value_size, &Taken::default());
        if let Some(placed) = &placement.areas[i] {
            placement.taken.push(placed.rect);
            placement.labels.push(placed.rect);
        }
    }
    for obstacle in obstacles {
        placement.taken.push(*obstacle);
    }
    if map.areas.len() > MAX_OUTSIDE_LABELS {
        return placement;
    }
    // The smallest areas first: they have the fewest good places nearby.
    let mut order: Vec<usize> = (0..map.areas.len()).filter(|i| placement.areas[*i].is_none()).collect();
    order.sort_by(|a, b| map.areas[*a].area().total_cmp(&map.areas[*b].area()));
    for i in order {
        let (name, short) = &names[i];
        // Outside, the short name reads best; where even that finds no room, the name
        // broken between words, then smaller, down to the floor.
        let mut texts = variants(name, short);
        texts.rotate_right(usize::from(!short.is_empty() && short != name) * 2);
        let beside = |clear_of: &Taken, p: &Placement| {
            name_sizes.iter().find_map(|size| {
                texts.iter().find_map(|text| {
                    let text = galley(painter, text, *size);
                    place_outside(&map.areas[i], fit, text, style.value_size, clear_of, (&p.labels, &p.leaders), bounds)
                })
            })
        };
        // Clear of the small areas and stations where it can be; else over them, but never
        // over another name; last, on its own area, smallest, where it covers the least.
        let mut names_only = Taken::default();
        for label in &placement.labels {
            names_only.push(*label);
        }
        let placed = beside(&placement.taken, &placement)
            .or_else(|| beside(&names_only, &placement))
            .or_else(|| on_its_area(painter, &map.areas[i], fit, &texts, &name_sizes, style.value_size, &names_only));
        if let Some(placed) = &placed {
            placement.keep(placed);
        }
        placement.areas[i] = placed;
    }
    placement
}

/// The last resort of a name with no room inside its outline or beside it: the smallest text at
/// the smallest size, over its own area (centred on a point of its box, the anchor first), clear
/// of the other names if it can be, else on the anchor. So a name is never lost, and never far
/// from its area.
fn on_its_area(
    painter: &egui::Painter,
    shape: &Shape,
    fit: &Fit,
    texts: &[String],
    sizes: &[f32],
    extra: egui::Vec2,
    names: &Taken,
) -> Option<Placed> {
    let size = *sizes.last()?;
    let text = texts.iter().map(|t| galley(painter, t, size)).min_by(|a, b| a.size().x.total_cmp(&b.size().x))?;
    let needed = box_size(&text, extra);
    let centres = inside_centres(shape, fit, 6.0);
    let rect = centres
        .iter()
        .map(|c| Rect::from_center_size(*c, needed))
        .find(|r| !collides(*r, names) && shape.contains(fit.to_plane([r.center().x, r.center().y])))
        .or_else(|| centres.first().map(|c| Rect::from_center_size(*c, needed)))?;
    Some(Placed { rect, text, leader_from: None })
}

impl Placement {
    /// Takes down names placed beside their areas, the smallest areas' first (those marked in
    /// `first_kept`, the estates, last), until the names take at most `budget` square points (a map too small for its names in large type, where
    /// a tooltip still names every area). The rest stay where they were.
    pub fn give_way(&mut self, map: &PlanMap, budget: f32, obstacles: &[Rect], first_kept: &[bool]) {
        let mut beside: Vec<usize> = (0..self.areas.len())
            .filter(|i| self.areas[*i].as_ref().is_some_and(|p| p.leader_from.is_some()))
            .collect();
        // The names kept longest go last (the estates the workshop is about), then by size.
        let kept = |i: usize| first_kept.get(i).copied().unwrap_or(false);
        beside.sort_by(|a, b| kept(*a).cmp(&kept(*b)).then(map.areas[*a].area().total_cmp(&map.areas[*b].area())));
        let mut dropped = false;
        for i in beside {
            if self.names_area() <= budget {
                break;
            }
            self.areas[i] = None;
            dropped = true;
        }
        if !dropped {
            return;
        }
        self.crowded = true;
        let kept: Vec<Placed> = self.areas.iter().flatten().cloned().collect();
        self.taken = Taken::default();
        self.labels.clear();
        self.leaders.clear();
        for placed in &kept {
            self.keep(placed);
        }
        for obstacle in obstacles {
            self.taken.push(*obstacle);
        }
    }

    /// The screen area the area names take (their boxes, values included), in square points.
    pub fn names_area(&self) -> f32 {
        self.areas.iter().flatten().map(|p| p.rect.area()).sum()
    }

    /// Takes a label's room, and its leader's.
    fn keep(&mut self, placed: &Placed) {
        self.taken.push(placed.rect);
        self.labels.push(placed.rect);
        self.leaders.extend(placed.leader_from.map(|from| [from, leader_end(from, placed.rect)]));
    }
}

/// Places every district's tag (a tag of `None` is not shown) clear of the names already in
/// `placement`.
pub fn place_tags(
    painter: &egui::Painter,
    map: &PlanMap,
    fit: &Fit,
    tags: &[Option<TagText>],
    style: &LabelStyle,
    bounds: Rect,
    placement: &mut Placement,
) {
    let tag_sizes = sizes(style.tag_size, style.floor_size.min(style.tag_size));
    for (d, shape) in map.districts.iter().enumerate() {
        let (Some(shape), Some(Some(tag))) = (shape, tags.get(d)) else { continue };
        let texts = variants(&tag.name, &tag.short);
        let badge = tag
            .badge
            .as_ref()
            .map_or(egui::Vec2::ZERO, |b| galley(painter, b, style.tag_size).size() + vec2(2.0 * PAD, 2.0 * PAD + 2.0));
        // The tag keeps to its district's top left corner, whatever the names around it do.
        let [x0, _] = fit.to_screen([shape.bounds[0], shape.bounds[1]]);
        let [_, y0] = fit.to_screen([shape.bounds[2], shape.bounds[3]]);
        let corner = Some(pos2(x0, y0));
        let mut placed = place_inside_from(painter, shape, fit, (&texts, &tag_sizes, badge), &placement.taken, corner);
        if placed.is_none() && map.areas.len() <= MAX_OUTSIDE_LABELS && !placement.crowded {
            let short = if tag.short.is_empty() { &tag.name } else { &tag.short };
            let text = galley(painter, short, style.tag_size);
            let p = &*placement;
            placed = place_outside(shape, fit, Arc::clone(&text), badge, &p.taken, (&p.labels, &p.leaders), bounds);
            // Over small areas and stations, but never over a name; last, on the district itself
            // where it covers no name (a tag carries the district's profile, which the room
            // must see).
            let mut labels_only = Taken::default();
            for label in &p.labels {
                labels_only.push(*label);
            }
            if placed.is_none() {
                placed = place_outside(shape, fit, text, badge, &labels_only, (&p.labels, &p.leaders), bounds);
            }
            if placed.is_none() {
                let texts = [short.clone()];
                placed = on_its_area(painter, shape, fit, &texts, &tag_sizes, badge, &labels_only)
                    .filter(|p| !labels_only.collides(p.rect));
            }
        }
        if let Some(p) = &placed {
            placement.keep(p);
        }
        placement.tags[d] = placed;
    }
}

/// A free spot of `size` inside `shape`, clear of `taken`, for an icon: low in the shape, below
/// the names, or, given `near`, as near to that point as there is room.
pub fn free_spot(
    shape: &Shape,
    fit: &Fit,
    size: egui::Vec2,
    (taken, bounds): (&Taken, Rect),
    near: Option<Pos2>,
) -> Option<Rect> {
    let mut centres = inside_centres(shape, fit, size.x + 4.0);
    match near {
        Some(p) => centres.sort_by(|a, b| a.distance_sq(p).total_cmp(&b.distance_sq(p))),
        None => centres.sort_by(|a, b| b.y.total_cmp(&a.y)),
    }
    centres
        .into_iter()
        .map(|c| Rect::from_center_size(c, size))
        .find(|r| bounds.contains_rect(*r) && !collides(*r, taken) && fits(shape, fit, *r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_break_only_between_words() {
        assert_eq!(break_between_words("Hartmanns kvarter, øvrige", 2).as_deref(), Some("Hartmanns\nkvarter, øvrige"));
        assert_eq!(break_between_words("Hedehusene og Fløng", 2).as_deref(), Some("Hedehusene og\nFløng"));
        assert_eq!(break_between_words("Høje-Taastrup C", 2), None, "a lone letter keeps its word");
        assert_eq!(break_between_words("Charlotteager", 2), None);
        let three = break_between_words("Kjeld Abells kvarter, øvrige", 3).unwrap();
        assert_eq!(three.lines().count(), 3);
        assert_eq!(three.replace('\n', " "), "Kjeld Abells kvarter, øvrige");
    }

    #[test]
    fn sizes_shrink_to_the_floor_and_no_further() {
        let s = sizes(15.0, 11.0);
        assert_eq!(s.first(), Some(&15.0));
        assert!(s.iter().all(|x| *x >= 11.0));
        assert_eq!(s.last(), Some(&11.0));
    }
}
