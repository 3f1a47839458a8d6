//! The areas' outlines from GeoJSON, checked against the table: one per row, none for an id
//! the table lacks, none empty, none crossing itself, none overlapping another. Counts and ids
//! come before geometry, and the geometry is bounded: the crossing check sweeps each outline's
//! edges in order of x (not every edge against every other, which took a minute for one
//! outline of 100,000 points), the overlap check sweeps the outlines' boxes and computes an
//! intersection only where two boxes share more than the tolerance; each has a budget of work,
//! past which the map is refused with words rather than checked for minutes.

use super::table::Table;
use super::{ImportProblem, MAX_MESSAGES, problem};
use crate::map::geojson::{self, ReadMap};
use crate::map::shape::Shape;
use crate::model::limits::{MAX_AREAS, SHOWN_CHARS, shown};
use crate::model::{Area, MapData};
use geo::{Contains, Coord, MultiPolygon, Point, Polygon};
use std::collections::{HashMap, HashSet};

/// Overlaps larger than this share of the smaller outline are mistakes, not digitising noise.
const OVERLAP_TOLERANCE: f64 = 0.005;
/// Pairs of edges whose x ranges meet that the crossing check may look at, in all outlines
/// together: an outline of 100,000 points drawn as a map is drawn needs a few hundred
/// thousand; only a pathological one (thousands of long edges lying across each other) more.
const MAX_EDGE_PAIRS: usize = 20_000_000;
/// Points the overlap check may feed into intersections, in all pairs together (about a
/// microsecond each).
const MAX_OVERLAP_POINTS: usize = 4_000_000;

/// The outlines from GeoJSON, checked (see the module's documentation), with the credit
/// `credit`.
pub(super) fn read_outlines(
    file: &str,
    text: &str,
    table_file: &str,
    table: &Table,
    areas: &[Area],
    credit: &str,
) -> Result<(MapData, ReadMap), Vec<ImportProblem>> {
    let read = geojson::read(text).map_err(|e| vec![problem(format!("{file}, {}", e.location), e.message)])?;
    let outlines = &read.data.areas;
    if outlines.len() > MAX_AREAS {
        let message = format!("has {} area outlines; a plan holds at most {MAX_AREAS} areas", outlines.len());
        return Err(vec![problem(file, message)]);
    }
    let mut problems = Vec::new();
    let feature =
        |i: usize| format!("{file}, feature {} (id \"{}\")", read.features[i], shown(&outlines[i].area, SHOWN_CHARS));
    let row_ids: HashSet<&str> = areas.iter().map(|a| a.id.as_str()).collect();
    let mut first_outline: HashMap<&str, usize> = HashMap::new();
    for (i, outline) in outlines.iter().enumerate() {
        if !row_ids.contains(outline.area.as_str()) {
            let id = shown(&outline.area, SHOWN_CHARS);
            problems.push(problem(feature(i), format!("no row of {table_file} has the id '{id}'")));
        }
        if let Some(first) = first_outline.get(outline.area.as_str()) {
            let message = format!("a second outline for the same id (the first is feature {})", read.features[*first]);
            problems.push(problem(feature(i), message));
        } else {
            first_outline.insert(&outline.area, i);
        }
    }
    for (line, cells) in &table.rows {
        let id = table.id(cells);
        if !first_outline.contains_key(id) {
            let message = format!("no polygon in {file} has the id '{}'", shown(id, SHOWN_CHARS));
            problems.push(problem(format!("{table_file}, row {line}, column 'id'"), message));
        }
    }
    let shapes = shapes(&read, file, &feature, &mut problems);
    overlaps(&shapes, file, &feature, &mut problems);
    let mut data = read.data.clone();
    data.credit = credit.to_owned();
    if problems.is_empty() { Ok((data, read)) } else { Err(problems) }
}

/// Each outline on a local plane as a shape, or `None` with a problem said: it crosses itself,
/// or encloses nothing.
fn shapes(
    read: &ReadMap,
    file: &str,
    feature: &dyn Fn(usize) -> String,
    problems: &mut Vec<ImportProblem>,
) -> Vec<Option<Shape>> {
    let first = read.data.areas.iter().flat_map(|a| a.polygons.iter().flatten().flatten()).next();
    let [lon, lat] = first.copied().unwrap_or([0.0, 0.0]);
    let plane = crate::map::projection::LocalPlane::centred_on(lon, lat);
    let mut budget = MAX_EDGE_PAIRS;
    let mut over_budget = false;
    let mut shapes = Vec::new();
    for (i, outline) in read.data.areas.iter().enumerate() {
        let polygons: Vec<Polygon<f64>> = outline
            .polygons
            .iter()
            .filter_map(|rings| {
                let mut rings = rings.iter().map(|r| r.iter().map(|p| plane.project(p[0], p[1])).collect::<Vec<_>>());
                Some(Polygon::new(rings.next()?.into(), rings.map(Into::into).collect()))
            })
            .collect();
        let simple = if over_budget { None } else { simple(&polygons, &mut budget) };
        match simple {
            Some(true) => {}
            Some(false) => {
                let message =
                    "the outline crosses itself (or one of its rings crosses another, or a hole lies outside)";
                problems.push(problem(feature(i), message));
                shapes.push(None);
                continue;
            }
            None => {
                if !over_budget {
                    let message = format!(
                        "the outlines are too intricate to check for self-crossings within seconds (more than \
                         {MAX_EDGE_PAIRS} pairs of edges lie across each other); simplify them"
                    );
                    problems.push(problem(file, message));
                }
                over_budget = true;
                shapes.push(None);
                continue;
            }
        }
        // Points on one line, or a ring drawn back on itself, enclose nothing: under a square
        // metre, or a sliver whose area is a ten-thousandth of its extent squared.
        let shape = Shape::new(MultiPolygon(polygons)).filter(|s| {
            let diagonal_sq = (s.bounds[2] - s.bounds[0]).powi(2) + (s.bounds[3] - s.bounds[1]).powi(2);
            s.area() >= 1.0 && s.area() >= 1e-4 * diagonal_sq
        });
        if shape.is_none() {
            problems.push(problem(feature(i), "the outline is empty (it encloses no area)"));
        }
        shapes.push(shape);
    }
    shapes
}

/// One edge of a ring, with its box.
struct Edge {
    a: Coord<f64>,
    b: Coord<f64>,
    min: Coord<f64>,
    max: Coord<f64>,
}

/// Whether the polygons' rings are simple: no edge crosses or touches another (touching at a
/// shared corner aside), within one ring or between rings of one polygon, and every hole lies
/// inside its outer ring. `None` when the edges to compare would exceed `budget`.
fn simple(polygons: &[Polygon<f64>], budget: &mut usize) -> Option<bool> {
    for polygon in polygons {
        let mut edges: Vec<Edge> = std::iter::once(polygon.exterior())
            .chain(polygon.interiors())
            .flat_map(|ring| ring.lines())
            .filter(|l| l.start != l.end)
            .map(|l| Edge {
                a: l.start,
                b: l.end,
                min: Coord { x: l.start.x.min(l.end.x), y: l.start.y.min(l.end.y) },
                max: Coord { x: l.start.x.max(l.end.x), y: l.start.y.max(l.end.y) },
            })
            .collect();
        edges.sort_by(|p, q| p.min.x.total_cmp(&q.min.x));
        for (i, p) in edges.iter().enumerate() {
            for q in edges[i + 1..].iter().take_while(|q| q.min.x <= p.max.x) {
                *budget = budget.checked_sub(1)?;
                if q.min.y <= p.max.y && p.min.y <= q.max.y && touch(p, q) {
                    return Some(false);
                }
            }
        }
        let outer = Polygon::new(polygon.exterior().clone(), Vec::new());
        let holes_inside =
            polygon.interiors().iter().all(|hole| hole.0.first().is_some_and(|c| outer.contains(&Point::from(*c))));
        if !holes_inside {
            return Some(false);
        }
    }
    Some(true)
}

/// Which side of the line through `a` and `b` the point `c` lies on (0: on it).
fn orientation(a: Coord<f64>, b: Coord<f64>, c: Coord<f64>) -> f64 {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

/// Whether `c`, on the line through the edge, lies within its box.
fn within(e: &Edge, c: Coord<f64>) -> bool {
    c.x >= e.min.x && c.x <= e.max.x && c.y >= e.min.y && c.y <= e.max.y
}

/// Whether two edges cross or touch, other than at a corner they share.
fn touch(p: &Edge, q: &Edge) -> bool {
    if p.a == q.a || p.a == q.b || p.b == q.a || p.b == q.b {
        return false;
    }
    let (d1, d2) = (orientation(q.a, q.b, p.a), orientation(q.a, q.b, p.b));
    let (d3, d4) = (orientation(p.a, p.b, q.a), orientation(p.a, p.b, q.b));
    let opposite = |x: f64, y: f64| (x > 0.0 && y < 0.0) || (x < 0.0 && y > 0.0);
    if opposite(d1, d2) && opposite(d3, d4) {
        return true;
    }
    (d1 == 0.0 && within(q, p.a))
        || (d2 == 0.0 && within(q, p.b))
        || (d3 == 0.0 && within(p, q.a))
        || (d4 == 0.0 && within(p, q.b))
}

/// Pairs of outlines that overlap by more than the tolerance, found by sweeping their boxes
/// in order of x; an intersection is computed only where two boxes share more than the
/// tolerance of the smaller outline. At most [`MAX_MESSAGES`] overlaps are named, within a
/// budget of work.
fn overlaps(
    shapes: &[Option<Shape>],
    file: &str,
    feature: &dyn Fn(usize) -> String,
    problems: &mut Vec<ImportProblem>,
) {
    let mut order: Vec<usize> = (0..shapes.len()).filter(|i| shapes[*i].is_some()).collect();
    let bounds = |i: usize| shapes[i].as_ref().map_or([0.0; 4], |s| s.bounds);
    order.sort_by(|a, b| bounds(*a)[0].total_cmp(&bounds(*b)[0]));
    let points = |s: &Shape| s.rings().map(|r| r.0.len()).sum::<usize>();
    let (mut found, mut unchecked, mut budget) = (Vec::new(), 0usize, MAX_OVERLAP_POINTS);
    for (k, &i) in order.iter().enumerate() {
        let Some(a) = &shapes[i] else { continue };
        for &j in order[k + 1..].iter().take_while(|j| bounds(**j)[0] < a.bounds[2]) {
            let Some(b) = &shapes[j] else { continue };
            let width = a.bounds[2].min(b.bounds[2]) - a.bounds[0].max(b.bounds[0]);
            let height = a.bounds[3].min(b.bounds[3]) - a.bounds[1].max(b.bounds[1]);
            let smaller = a.area().min(b.area());
            // Two outlines share at most what their boxes share.
            if width <= 0.0 || height <= 0.0 || width * height <= OVERLAP_TOLERANCE * smaller {
                continue;
            }
            let cost = points(a) + points(b);
            if found.len() >= MAX_MESSAGES || cost > budget {
                unchecked += 1;
                continue;
            }
            budget -= cost;
            let shared = a.overlap(b);
            if shared > OVERLAP_TOLERANCE * smaller {
                found.push((i.min(j), i.max(j), shared));
            }
        }
    }
    found.sort_by_key(|(i, j, _)| (*i, *j));
    for (i, j, shared) in found {
        problems.push(problem(feature(i), format!("overlaps {} by {shared:.0} m²", feature(j))));
    }
    if unchecked > 0 {
        let message = format!(
            "{unchecked} more pairs of outlines lie across each other and were not checked for overlaps (the \
             check stops after {MAX_MESSAGES} overlaps or a few seconds); are they one outline per area, all in \
             one coordinate system?"
        );
        problems.push(problem(file, message));
    }
}
