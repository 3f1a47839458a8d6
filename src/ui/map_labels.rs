//! Where the map's words go. An area's name never breaks inside a word: it is laid out without
//! wrapping, on one line or broken only between words, and where it does not fit inside its
//! outline it takes the area's registered short name, then shrinks down to a floor size, and
//! last moves outside the outline with a leader line. District tags (name and profile badge)
//! are placed after the names and never cover one. The same rules serve the main window,
//! presentation mode and the projector, at any size.

use crate::map::{Fit, PlanMap, Shape};
use egui::{Color32, FontId, Galley, Pos2, Rect, pos2, vec2};
use std::sync::Arc;

/// Padding around a label's text.
pub const PAD: f32 = 3.0;
/// Outside labels are tried this far from their area, in screen points.
const DISTANCES: [f32; 8] = [6.0, 18.0, 34.0, 56.0, 84.0, 120.0, 160.0, 210.0];
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
}

/// A district's tag: its name (and short name) and the profile badge under it, if any.
#[derive(Clone, Debug, Hash, PartialEq)]
pub struct TagText {
    pub name: String,
    pub short: String,
    pub badge: Option<String>,
}

/// What labels are made of and how large they may be.
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
    let anchor = pos2(ax, ay);
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
    let [x0, y1] = fit.to_screen([shape.bounds[0], shape.bounds[1]]);
    let [x1, y0] = fit.to_screen([shape.bounds[2], shape.bounds[3]]);
    let room = vec2(x1 - x0, y1 - y0);
    let centres = inside_centres(shape, fit, 6.0);
    for size in sizes {
        for text in texts {
            let text = galley(painter, text, *size);
            let needed = box_size(&text, extra);
            if needed.x > room.x || needed.y > room.y {
                continue;
            }
            for centre in &centres {
                let rect = Rect::from_center_size(*centre, needed);
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
            [
                pos2(anchor.x, around.top() - half.y),
                pos2(anchor.x, around.bottom() + half.y),
                pos2(around.right() + half.x, anchor.y),
                pos2(around.left() - half.x, anchor.y),
                pos2(around.right() + half.x, around.top() - half.y),
                pos2(around.left() - half.x, around.top() - half.y),
                pos2(around.right() + half.x, around.bottom() + half.y),
                pos2(around.left() - half.x, around.bottom() + half.y),
            ]
        })
        .collect();
    // Anywhere else on the map, as a last resort: a long leader beats no name.
    let step = 12.0;
    let (nx, ny) = ((bounds.width() / step) as i32, (bounds.height() / step) as i32);
    candidates
        .extend((0..=nx).flat_map(|i| {
            (0..=ny).map(move |j| pos2(bounds.left() + i as f32 * step, bounds.top() + j as f32 * step))
        }));
    candidates.sort_by(|a, b| a.distance_sq(anchor).total_cmp(&b.distance_sq(anchor)));
    let rects: Vec<Rect> = candidates
        .into_iter()
        .map(|c| Rect::from_center_size(c, size))
        .filter(|r| bounds.contains_rect(*r) && !collides(*r, taken))
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
        let placed = name_sizes.iter().find_map(|size| {
            texts.iter().find_map(|text| {
                let text = galley(painter, text, *size);
                let p = &placement;
                place_outside(&map.areas[i], fit, text, style.value_size, &p.taken, (&p.labels, &p.leaders), bounds)
            })
        });
        if let Some(placed) = &placed {
            placement.keep(placed);
        }
        placement.areas[i] = placed;
    }
    placement
}

impl Placement {
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
        let mut placed = place_inside(painter, shape, fit, &texts, &tag_sizes, badge, &placement.taken);
        if placed.is_none() && map.areas.len() <= MAX_OUTSIDE_LABELS {
            let short = if tag.short.is_empty() { &tag.name } else { &tag.short };
            let text = galley(painter, short, style.tag_size);
            let p = &*placement;
            placed = place_outside(shape, fit, text, badge, &p.taken, (&p.labels, &p.leaders), bounds);
        }
        if let Some(p) = &placed {
            placement.keep(p);
        }
        placement.tags[d] = placed;
    }
}

/// A free spot of `size` inside `shape` (or beside it), clear of `taken`, for an icon.
pub fn free_spot(shape: &Shape, fit: &Fit, size: egui::Vec2, taken: &Taken, bounds: Rect) -> Option<Rect> {
    let mut centres = inside_centres(shape, fit, size.x + 4.0);
    // Icons go low in their district, below the names.
    centres.sort_by(|a, b| b.y.total_cmp(&a.y));
    centres
        .into_iter()
        .map(|c| Rect::from_center_size(c, size))
        .find(|r| bounds.contains_rect(*r) && !collides(*r, taken) && fits(shape, fit, *r))
}

/// A free spot of `size` just outside `shape`'s box, clear of `taken`, for an icon whose
/// district has no room left inside.
pub fn free_spot_beside(shape: &Shape, fit: &Fit, size: egui::Vec2, taken: &Taken, bounds: Rect) -> Option<Rect> {
    let [x0, y1] = fit.to_screen([shape.bounds[0], shape.bounds[1]]);
    let [x1, y0] = fit.to_screen([shape.bounds[2], shape.bounds[3]]);
    let outline = Rect::from_min_max(pos2(x0, y0), pos2(x1, y1));
    (0..4)
        .flat_map(|ring| {
            let around = outline.expand(2.0 + ring as f32 * (size.x + 4.0));
            let steps = ((around.width() / (size.x + 4.0)).ceil() as i32).max(1);
            (0..=steps).flat_map(move |i| {
                let x = around.left() + around.width() * i as f32 / steps as f32;
                [pos2(x, around.bottom() + size.y / 2.0), pos2(x, around.top() - size.y / 2.0)]
            })
        })
        .map(|c| Rect::from_center_size(c, size))
        .find(|r| !collides(*r, taken) && bounds.contains_rect(*r))
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
