//! The schematic layout for plans without outlines: each district a block in a grid, its areas
//! side by side in it, in the plan's order; and a strip below the map for areas a map has no
//! outline for. Plain rectangles on the plane (y up), so everything else treats them like
//! real outlines.

use super::shape::Bounds;
use crate::model::Municipality;
use geo::{MultiPolygon, Rect};

/// Room between blocks and between areas, as a share of a block's side.
const GAP: f64 = 0.06;

/// A rectangle on the plane from its corners.
pub fn rectangle(x0: f64, y0: f64, x1: f64, y1: f64) -> MultiPolygon<f64> {
    MultiPolygon(vec![Rect::new((x0, y0), (x1, y1)).to_polygon()])
}

/// Every area of the municipality as a rectangle, districts as blocks of a grid (rows from the
/// top), each block split into its areas (columns, then rows when there are more than three).
/// Areas whose district is unknown form one more block at the end.
pub fn schematic(m: &Municipality) -> Vec<MultiPolygon<f64>> {
    let mut groups: Vec<Vec<usize>> = m
        .districts
        .iter()
        .map(|d| m.areas.iter().enumerate().filter(|(_, a)| a.district == d.id).map(|(i, _)| i).collect())
        .filter(|g: &Vec<usize>| !g.is_empty())
        .collect();
    let orphans: Vec<usize> = (0..m.areas.len()).filter(|i| m.district(&m.areas[*i].district).is_none()).collect();
    if !orphans.is_empty() {
        groups.push(orphans);
    }
    let columns = (groups.len() as f64).sqrt().ceil().max(1.0) as usize;
    let mut shapes = vec![MultiPolygon(Vec::new()); m.areas.len()];
    for (g, members) in groups.iter().enumerate() {
        let (col, row) = ((g % columns) as f64, (g / columns) as f64);
        let block = [col + GAP, -row - 1.0 + GAP, col + 1.0 - GAP, -row - GAP];
        for (i, rect) in members.iter().zip(split(block, members.len())) {
            shapes[*i] = rectangle(rect[0], rect[1], rect[2], rect[3]);
        }
    }
    shapes
}

/// A block split into `n` cells: up to three side by side, then in rows.
fn split(block: Bounds, n: usize) -> Vec<Bounds> {
    let columns = n.clamp(1, 3);
    let rows = n.div_ceil(columns);
    let (w, h) = ((block[2] - block[0]) / columns as f64, (block[3] - block[1]) / rows as f64);
    let gap = GAP * w.min(h) / 2.0;
    (0..n)
        .map(|i| {
            let (c, r) = ((i % columns) as f64, (i / columns) as f64);
            let x0 = block[0] + c * w;
            let y1 = block[3] - r * h;
            [x0 + gap, y1 - h + gap, x0 + w - gap, y1 - gap]
        })
        .collect()
}

/// Squares for `n` areas a map has no outline for, in a row below `bounds`.
pub fn strip_below(bounds: Bounds, n: usize) -> Vec<MultiPolygon<f64>> {
    let width = bounds[2] - bounds[0];
    let side = (width / n.max(8) as f64).min((bounds[3] - bounds[1]) * 0.12);
    (0..n)
        .map(|i| {
            let x0 = bounds[0] + i as f64 * side;
            let y1 = bounds[1] - side * 0.3;
            rectangle(x0 + side * 0.05, y1 - side, x0 + side * 0.95, y1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, AreaKind, District, MapSource};
    use geo::{Area as _, BooleanOps};

    fn municipality(districts: &[(&str, usize)]) -> Municipality {
        let mut m = Municipality {
            name: "M".into(),
            areas: Vec::new(),
            districts: Vec::new(),
            institutions: Vec::new(),
            profiles: Vec::new(),
            map: MapSource::Schematic,
        };
        for (d, n) in districts {
            m.districts.push(District { id: (*d).into(), name: (*d).into(), short_name: String::new(), profile: None });
            for i in 0..*n {
                m.areas.push(Area {
                    id: format!("{d}-{i}"),
                    name: format!("{d} {i}"),
                    kind: AreaKind::Ordinary,
                    district: (*d).into(),
                    homes: Default::default(),
                    residents: Default::default(),
                    held: Default::default(),
                    commercial_m2: 0.0,
                    demolished_2011_2015: 0.0,
                    short_name: String::new(),
                    legacy_shape: Vec::new(),
                    empty_homes: Vec::new(),
                    culture_house_m2: 0.0,
                    campus_m2: 0.0,
                });
            }
        }
        m
    }

    #[test]
    fn every_area_gets_its_own_rectangle_and_none_overlap() {
        let m = municipality(&[("a", 1), ("b", 5), ("c", 3)]);
        let shapes = schematic(&m);
        assert!(shapes.iter().all(|s| s.unsigned_area() > 0.0));
        for i in 0..shapes.len() {
            for j in i + 1..shapes.len() {
                assert!(shapes[i].intersection(&shapes[j]).unsigned_area() < 1e-12, "{i} and {j} overlap");
            }
        }
    }
}
