//! The outlines of a map of many areas (its areas' and its districts'), in as few vertices as
//! they can be drawn with, since egui copies them every frame: every edge once (neighbours
//! share theirs), joined into chains between the points where three or more outlines meet,
//! each chain simplified to within a third of a pixel of its points and drawn as one strip.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Pos2, Stroke};
use std::collections::{HashMap, HashSet};

/// How far a simplified chain may stray from the points it stands for, in screen points.
const TOLERANCE: f32 = 0.33;

/// The edges of the rings as a graph: points (merged within an eighth of a pixel) and, for
/// each, its neighbours.
#[derive(Default)]
struct Graph {
    points: Vec<Pos2>,
    neighbours: Vec<Vec<usize>>,
    index: HashMap<(i32, i32), usize>,
}

impl Graph {
    fn node(&mut self, p: Pos2) -> usize {
        let key = ((p.x * 8.0).round() as i32, (p.y * 8.0).round() as i32);
        *self.index.entry(key).or_insert_with(|| {
            self.points.push(p);
            self.neighbours.push(Vec::new());
            self.points.len() - 1
        })
    }

    fn link(&mut self, a: usize, b: usize) {
        if a != b && !self.neighbours[a].contains(&b) {
            self.neighbours[a].push(b);
            self.neighbours[b].push(a);
        }
    }

    /// The chains: paths between points that are not simply on a line (ends and junctions),
    /// then the closed loops left over (an island's outline).
    fn chains(&self) -> Vec<Vec<usize>> {
        let mut used: HashSet<(usize, usize)> = HashSet::new();
        let edge = |a: usize, b: usize| (a.min(b), a.max(b));
        let mut chains = Vec::new();
        let starts = (0..self.points.len()).filter(|n| self.neighbours[*n].len() != 2);
        let loops = (0..self.points.len()).filter(|n| self.neighbours[*n].len() == 2);
        for start in starts.chain(loops) {
            for &next in &self.neighbours[start] {
                if !used.insert(edge(start, next)) {
                    continue;
                }
                let mut chain = vec![start, next];
                let (mut previous, mut at) = (start, next);
                while self.neighbours[at].len() == 2 && at != start {
                    let Some(&following) = self.neighbours[at].iter().find(|n| **n != previous) else { break };
                    if !used.insert(edge(at, following)) {
                        break;
                    }
                    chain.push(following);
                    (previous, at) = (at, following);
                }
                chains.push(chain);
            }
        }
        chains
    }
}

/// The outlines of `rings` (each closed, its last point joined to its first) as strips of
/// `stroke`'s width, added to `out`.
pub fn outlines(rings: impl Iterator<Item = Vec<Pos2>>, stroke: Stroke, out: &mut Mesh) {
    let mut graph = Graph::default();
    for ring in rings {
        let nodes: Vec<usize> = ring.iter().map(|p| graph.node(*p)).collect();
        for (i, a) in nodes.iter().enumerate() {
            graph.link(*a, nodes[(i + 1) % nodes.len()]);
        }
    }
    for chain in graph.chains() {
        let points: Vec<Pos2> = chain.iter().map(|n| graph.points[*n]).collect();
        strip(&simplify(&points), stroke, out);
    }
}

/// The points of a path that keep it within [`TOLERANCE`] of where it was (Douglas–Peucker);
/// the first and last always stay.
fn simplify(points: &[Pos2]) -> Vec<Pos2> {
    let mut keep = vec![false; points.len()];
    let mut spans = vec![(0, points.len().saturating_sub(1))];
    while let Some((a, b)) = spans.pop() {
        keep[a] = true;
        keep[b] = true;
        if b <= a + 1 {
            continue;
        }
        let far = (a + 1..b)
            .map(|i| (i, distance_to_segment(points[i], points[a], points[b])))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((i, _)) = far.filter(|(_, d)| *d > TOLERANCE) {
            spans.push((a, i));
            spans.push((i, b));
        }
    }
    points.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    if length_sq <= f32::EPSILON {
        return p.distance(a);
    }
    let t = ((p - a).dot(ab) / length_sq).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

/// A path as one strip: two vertices at each point, mitred where it turns (the mitre no longer
/// than twice the width, so a sharp turn never spikes).
fn strip(points: &[Pos2], stroke: Stroke, out: &mut Mesh) {
    if points.len() < 2 {
        return;
    }
    let closed = points.len() > 2 && points.first() == points.last();
    let normal = |a: Pos2, b: Pos2| (b - a).normalized().rot90();
    let base = out.vertices.len() as u32;
    let last = points.len() - 1;
    for (i, p) in points.iter().enumerate() {
        let before = if i > 0 { Some(normal(points[i - 1], *p)) } else { closed.then(|| normal(points[last - 1], *p)) };
        let after = if i < last { Some(normal(*p, points[i + 1])) } else { closed.then(|| normal(*p, points[1])) };
        let n = match (before, after) {
            (Some(a), Some(b)) => {
                let mitre = (a + b).normalized();
                mitre / mitre.dot(a).max(0.5)
            }
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => egui::Vec2::ZERO,
        } * (stroke.width / 2.0);
        // An open end reaches half the width past its point (a square cap), so that chains
        // meeting at a corner leave no notch.
        let cap = match (before, after) {
            (None, Some(a)) => a.rot90() * (stroke.width / 2.0),
            (Some(a), None) => -a.rot90() * (stroke.width / 2.0),
            _ => egui::Vec2::ZERO,
        };
        let p = *p + cap;
        for q in [p - n, p + n] {
            out.vertices.push(Vertex { pos: q, uv: WHITE_UV, color: stroke.color });
        }
    }
    for i in 0..last as u32 {
        let v = base + 2 * i;
        out.indices.extend([v, v + 1, v + 3, v, v + 3, v + 2]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn square(x: f32, y: f32) -> Vec<Pos2> {
        vec![pos2(x, y), pos2(x + 10.0, y), pos2(x + 10.0, y + 10.0), pos2(x, y + 10.0)]
    }

    #[test]
    fn a_shared_edge_is_drawn_once_and_each_chain_is_simplified() {
        // Two squares side by side: seven edges, the shared one once.
        let mut mesh = Mesh::default();
        outlines([square(0.0, 0.0), square(10.0, 0.0)].into_iter(), Stroke::new(1.0, egui::Color32::BLACK), &mut mesh);
        // Two U-shaped chains of three sides between the points where three edges meet, and the
        // shared side: seven quads.
        assert_eq!(mesh.indices.len() / 6, 7);
        assert!(mesh.is_valid());
    }

    #[test]
    fn simplifying_keeps_corners_and_drops_points_on_a_line() {
        let points = [pos2(0.0, 0.0), pos2(5.0, 0.1), pos2(10.0, 0.0), pos2(10.0, 10.0)];
        assert_eq!(simplify(&points), vec![pos2(0.0, 0.0), pos2(10.0, 0.0), pos2(10.0, 10.0)]);
    }

    #[test]
    fn an_island_is_one_closed_strip() {
        let mut mesh = Mesh::default();
        outlines(std::iter::once(square(0.0, 0.0)), Stroke::new(1.0, egui::Color32::BLACK), &mut mesh);
        assert_eq!(mesh.indices.len() / 6, 4, "four sides");
        assert!(mesh.is_valid());
    }

    #[test]
    fn an_open_chain_ends_half_its_width_past_its_points() {
        let mut mesh = Mesh::default();
        strip(&[pos2(0.0, 0.0), pos2(10.0, 0.0)], Stroke::new(2.0, egui::Color32::BLACK), &mut mesh);
        let xs: Vec<f32> = mesh.vertices.iter().map(|v| v.pos.x).collect();
        assert_eq!(xs, vec![-1.0, -1.0, 11.0, 11.0]);
        let ys: Vec<f32> = mesh.vertices.iter().map(|v| v.pos.y.abs()).collect();
        assert_eq!(ys, vec![1.0; 4]);
    }
}
