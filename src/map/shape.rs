//! One outline on the local plane (metres, x east, y north) and what is computed from it once:
//! triangles for filling (ear clipping), the label anchor (the point farthest from the
//! outline, so a name sits in the widest part), the bounding box, and the tests the map needs —
//! does a point or a label's rectangle lie inside, how much do two outlines overlap.

use geo::{Area, BooleanOps, BoundingRect, Contains, Coord, Distance, Euclidean, LineString, MultiPolygon, Point};

/// An axis-aligned box on the plane: `[min_x, min_y, max_x, max_y]`.
pub type Bounds = [f64; 4];

/// An outline with what is drawn from it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub polygons: MultiPolygon<f64>,
    pub bounds: Bounds,
    /// Where the label goes: the interior point farthest from the outline.
    pub anchor: [f64; 2],
    /// How far `anchor` is from the outline: the radius of the largest circle inside.
    pub room: f64,
    /// Triangles for filling: vertices and, three by three, their indices.
    pub vertices: Vec<[f64; 2]>,
    pub triangles: Vec<u32>,
}

impl Shape {
    /// The shape of `polygons` (already on the plane); `None` when it encloses nothing.
    pub fn new(polygons: MultiPolygon<f64>) -> Option<Self> {
        let rect = polygons.bounding_rect()?;
        if polygons.unsigned_area() <= 0.0 {
            return None;
        }
        let bounds = [rect.min().x, rect.min().y, rect.max().x, rect.max().y];
        let (anchor, room) = farthest_inside(&polygons, bounds);
        let (vertices, triangles) = triangulate(&polygons);
        Some(Self { polygons, bounds, anchor, room, vertices, triangles })
    }

    /// Whether the point lies inside (holes excluded).
    pub fn contains(&self, p: [f64; 2]) -> bool {
        p[0] >= self.bounds[0]
            && p[0] <= self.bounds[2]
            && p[1] >= self.bounds[1]
            && p[1] <= self.bounds[3]
            && self.polygons.contains(&Point::new(p[0], p[1]))
    }

    /// Whether a box lies wholly inside: its corners and edge midpoints are inside and no edge
    /// of the outline passes through it.
    pub fn holds_box(&self, b: Bounds) -> bool {
        let (x0, y0, x1, y1) = (b[0], b[1], b[2], b[3]);
        let (mx, my) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let probes = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [mx, y0], [mx, y1], [x0, my], [x1, my]];
        if !probes.iter().all(|p| self.contains(*p)) {
            return false;
        }
        self.rings().all(|ring| ring.0.iter().all(|c| c.x <= x0 || c.x >= x1 || c.y <= y0 || c.y >= y1))
    }

    /// How far a box lies from the shape, in plane units: 0 where they touch or overlap.
    pub fn distance_to_box(&self, b: Bounds) -> f64 {
        let rect = geo::Rect::new(Coord { x: b[0], y: b[1] }, Coord { x: b[2], y: b[3] });
        Euclidean.distance(&self.polygons, &rect)
    }

    /// Every ring: outer rings and holes.
    pub fn rings(&self) -> impl Iterator<Item = &LineString<f64>> {
        self.polygons.0.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
    }

    /// The area in square plane units.
    pub fn area(&self) -> f64 {
        self.polygons.unsigned_area()
    }

    /// How much of the plane two shapes share.
    pub fn overlap(&self, other: &Self) -> f64 {
        let (a, b) = (self.bounds, other.bounds);
        if a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1] {
            return 0.0;
        }
        self.polygons.intersection(&other.polygons).unsigned_area()
    }
}

/// The interior point farthest from the outline (the "pole of inaccessibility"), found on a
/// grid refined three times around the best point; and its distance from the outline.
fn farthest_inside(polygons: &MultiPolygon<f64>, bounds: Bounds) -> ([f64; 2], f64) {
    let rings: Vec<&LineString<f64>> =
        polygons.0.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())).collect();
    let clearance = |x: f64, y: f64| {
        let point = Point::new(x, y);
        if !polygons.contains(&point) {
            return f64::NEG_INFINITY;
        }
        rings.iter().map(|r| Euclidean.distance(&point, *r)).fold(f64::INFINITY, f64::min)
    };
    let steps = 12;
    let (mut cx, mut cy) = ((bounds[0] + bounds[2]) / 2.0, (bounds[1] + bounds[3]) / 2.0);
    let (mut w, mut h) = (bounds[2] - bounds[0], bounds[3] - bounds[1]);
    let mut best = ([cx, cy], clearance(cx, cy));
    for _ in 0..4 {
        for i in 0..=steps {
            for j in 0..=steps {
                let x = cx - w / 2.0 + w * f64::from(i) / f64::from(steps);
                let y = cy - h / 2.0 + h * f64::from(j) / f64::from(steps);
                let d = clearance(x, y);
                if d > best.1 {
                    best = ([x, y], d);
                }
            }
        }
        [cx, cy] = best.0;
        w /= 4.0;
        h /= 4.0;
    }
    if best.1.is_finite() {
        best
    } else {
        // A sliver thinner than the grid: any vertex will do.
        let c = polygons.0.first().and_then(|p| p.exterior().0.first()).copied().unwrap_or(Coord { x: cx, y: cy });
        ([c.x, c.y], 0.0)
    }
}

/// Ear-clipped triangles of every polygon (holes respected).
fn triangulate(polygons: &MultiPolygon<f64>) -> (Vec<[f64; 2]>, Vec<u32>) {
    let mut vertices: Vec<[f64; 2]> = Vec::new();
    let mut triangles = Vec::new();
    for polygon in &polygons.0 {
        let mut flat = Vec::new();
        let mut holes = Vec::new();
        for (i, ring) in std::iter::once(polygon.exterior()).chain(polygon.interiors()).enumerate() {
            if i > 0 {
                holes.push(flat.len() / 2);
            }
            // Rings are closed (last point = first); earcut wants each point once.
            let open = &ring.0[..ring.0.len().saturating_sub(1)];
            flat.extend(open.iter().flat_map(|c| [c.x, c.y]));
        }
        let Ok(indices) = earcutr::earcut(&flat, &holes, 2) else { continue };
        let base = vertices.len() as u32;
        vertices.extend(flat.chunks_exact(2).map(|c| [c[0], c[1]]));
        triangles.extend(indices.into_iter().map(|i| base + i as u32));
    }
    (vertices, triangles)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{polygon, wkt};

    /// An L: a 3×3 square without its top-right 2×2.
    fn l_shape() -> Shape {
        let l = polygon![(x: 0.0, y: 0.0), (x: 3.0, y: 0.0), (x: 3.0, y: 1.0), (x: 1.0, y: 1.0), (x: 1.0, y: 3.0), (x: 0.0, y: 3.0)];
        Shape::new(MultiPolygon(vec![l])).unwrap()
    }

    #[test]
    fn points_in_the_notch_of_an_l_are_outside() {
        let l = l_shape();
        assert!(l.contains([0.5, 2.5]) && l.contains([2.5, 0.5]));
        assert!(!l.contains([2.0, 2.0]), "the notch is inside the hull but not the L");
    }

    #[test]
    fn triangles_cover_the_area_exactly() {
        let l = l_shape();
        let area: f64 = l
            .triangles
            .chunks_exact(3)
            .map(|t| {
                let [a, b, c] = [l.vertices[t[0] as usize], l.vertices[t[1] as usize], l.vertices[t[2] as usize]];
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
            })
            .sum();
        assert!((area - 5.0).abs() < 1e-9, "{area}");
    }

    #[test]
    fn the_anchor_is_in_the_widest_part_and_boxes_must_fit() {
        let l = l_shape();
        assert!(l.contains(l.anchor));
        // The largest circle sits in the corner, touching both outer edges and the inner corner:
        // its radius is 2 − √2.
        assert!((l.room - (2.0 - 2f64.sqrt())).abs() < 0.01, "{}", l.room);
        assert!(l.holds_box([0.1, 0.1, 2.9, 0.9]));
        assert!(!l.holds_box([0.1, 0.1, 2.9, 1.5]), "crosses into the notch");
    }

    #[test]
    fn a_polygon_with_a_hole_excludes_it() {
        let ring: MultiPolygon<f64> =
            wkt!(MULTIPOLYGON(((0. 0.,4. 0.,4. 4.,0. 4.,0. 0.),(1. 1.,1. 3.,3. 3.,3. 1.,1. 1.))));
        let shape = Shape::new(ring).unwrap();
        assert!(!shape.contains([2.0, 2.0]));
        assert!((shape.area() - 12.0).abs() < 1e-9);
        let inner = Shape::new(wkt!(MULTIPOLYGON(((1. 1.,3. 1.,3. 3.,1. 3.,1. 1.))))).unwrap();
        assert!(shape.overlap(&inner) < 1e-9);
        let crossing = Shape::new(wkt!(MULTIPOLYGON(((3. 3.,5. 3.,5. 5.,3. 5.,3. 3.))))).unwrap();
        assert!((shape.overlap(&crossing) - 1.0).abs() < 1e-9);
    }
}
