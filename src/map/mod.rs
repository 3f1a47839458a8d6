//! The map as geometry, without egui: a plan's areas as polygons on a local plane in metres,
//! its districts as the unions of their areas, the landmarks (boundary, railway, stations,
//! motorway), and what drawing needs — triangles, label anchors, hit-testing, fitting to a
//! rectangle. [`PlanMap::build`] does all of it once per plan; the app, the projector and the
//! report draw from the same [`PlanMap`].
//!
//! Outlines come from the plan's [`MapSource`]: a shipped map (`assets/map/*.geojson`),
//! outlines embedded in the plan, or none, in which case the areas are laid out schematically
//! by district. Depends on `model` and `assets` only.

pub mod geojson;
pub mod indicator;
mod layout;
pub mod projection;
pub mod shape;

use crate::model::{Coordinates, LandmarkKind, MapData, MapSource, Municipality};
use geo::{MultiPolygon, Orient, Polygon, orient::Direction};
pub use indicator::MapIndicator;
pub use shape::{Bounds, Shape};
use std::sync::OnceLock;

/// A landmark on the plane.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaneLandmark {
    pub kind: LandmarkKind,
    pub name: String,
    pub parts: Vec<Vec<[f64; 2]>>,
}

/// How a map may be read, for the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fidelity {
    /// Outlines from survey data: positions and sizes are true.
    ToScale,
    /// Drawn after research: true relative positions, outlines estimated.
    Schematic,
    /// No geography: blocks per district.
    Diagram,
}

/// A plan's map, ready to draw.
#[derive(Clone, Debug)]
pub struct PlanMap {
    /// One shape per area of the municipality, in the same order.
    pub areas: Vec<Shape>,
    /// One shape per district of the municipality (the union of its areas), in the same order;
    /// `None` for a district without areas.
    pub districts: Vec<Option<Shape>>,
    pub landmarks: Vec<PlaneLandmark>,
    pub bounds: Bounds,
    pub fidelity: Fidelity,
    /// Whether x and y share one scale when fitted (false only for the old rectangles, which
    /// were drawn stretched to the window).
    pub keep_aspect: bool,
    /// Who drew the outlines, for the legend.
    pub credit: String,
    /// Why the plan's map could not be used as it is, if it could not.
    pub notice: Option<String>,
    source: MapSource,
    ids: Vec<(String, String)>,
}

/// The maps that ship with the program, by the names the plan's checks know
/// (`model::SHIPPED_MAPS`).
const SHIPPED_MAPS: [(&str, &str); 1] =
    [(crate::model::SHIPPED_MAPS[0], include_str!("../../assets/map/hoeje-taastrup.geojson"))];

/// A shipped map, read once.
pub fn shipped_map(name: &str) -> Result<&'static MapData, String> {
    static READ: OnceLock<Vec<(&'static str, Result<MapData, String>)>> = OnceLock::new();
    let maps = READ.get_or_init(|| {
        SHIPPED_MAPS
            .iter()
            .map(|(name, text)| {
                let read = geojson::read(text).map(|mut m| {
                    m.data.schematic = true;
                    m.data.credit = "By i balance".to_owned();
                    m.data
                });
                (*name, read.map_err(|e| format!("the shipped map {name} is broken: {e}")))
            })
            .collect()
    });
    match maps.iter().find(|(n, _)| *n == name) {
        Some((_, Ok(data))) => Ok(data),
        Some((_, Err(e))) => Err(e.clone()),
        None => Err(format!("there is no shipped map called \"{name}\"")),
    }
}

/// The names of the shipped maps.
pub fn shipped_map_names() -> impl Iterator<Item = &'static str> {
    SHIPPED_MAPS.iter().map(|(name, _)| *name)
}

impl PlanMap {
    /// The map of a municipality: its outlines on the plane, districts as unions, landmarks.
    /// A map that cannot be used (an unknown shipped map) falls back to the schematic layout,
    /// with a notice saying why.
    pub fn build(m: &Municipality) -> Self {
        let (data, notice) = match &m.map {
            MapSource::Schematic => (None, None),
            MapSource::Shipped(name) => match shipped_map(name) {
                Ok(data) => (Some(data), None),
                Err(e) => (None, Some(e)),
            },
            MapSource::Embedded(data) => (Some(data), None),
        };
        let (outlines, landmarks, fidelity, keep_aspect) = match data {
            Some(data) => {
                let (outlines, landmarks) = project(data, m);
                let fidelity = match (data.coordinates, data.schematic) {
                    (Coordinates::Wgs84, false) => Fidelity::ToScale,
                    (Coordinates::Wgs84, true) => Fidelity::Schematic,
                    (Coordinates::Schematic, _) => Fidelity::Diagram,
                };
                (outlines, landmarks, fidelity, data.coordinates == Coordinates::Wgs84)
            }
            None => (layout::schematic(m).into_iter().map(Some).collect(), Vec::new(), Fidelity::Diagram, false),
        };
        let mut areas: Vec<Option<Shape>> = outlines.into_iter().map(|o| o.and_then(Shape::new)).collect();
        let mut bounds = union_bounds(areas.iter().flatten().map(|s| s.bounds));
        for landmark in landmarks.iter().filter(|l| l.kind == LandmarkKind::Boundary) {
            for p in landmark.parts.iter().flatten() {
                bounds = [bounds[0].min(p[0]), bounds[1].min(p[1]), bounds[2].max(p[0]), bounds[3].max(p[1])];
            }
        }
        let missing: Vec<usize> = (0..areas.len()).filter(|i| areas[*i].is_none()).collect();
        let squares = layout::strip_below(bounds, missing.len());
        for (i, square) in missing.iter().zip(squares) {
            areas[*i] = Shape::new(square);
        }
        let areas: Vec<Shape> = areas.into_iter().flatten().collect();
        let bounds = union_bounds(areas.iter().map(|s| s.bounds).chain(std::iter::once(bounds)));
        let districts = m
            .districts
            .iter()
            .map(|d| {
                let members: Vec<&MultiPolygon<f64>> =
                    m.areas.iter().zip(&areas).filter(|(a, _)| a.district == d.id).map(|(_, s)| &s.polygons).collect();
                (!members.is_empty()).then(|| Shape::new(geo::unary_union(members))).flatten()
            })
            .collect();
        let credit = data.map(|d| d.credit.clone()).unwrap_or_default();
        Self {
            areas,
            districts,
            landmarks,
            bounds,
            fidelity,
            keep_aspect,
            credit,
            notice,
            source: m.map.clone(),
            ids: m.areas.iter().map(|a| (a.id.clone(), a.district.clone())).collect(),
        }
    }

    /// Whether this map was built for the municipality (same map, areas and districts).
    pub fn is_for(&self, m: &Municipality) -> bool {
        self.source == m.map
            && self.ids.len() == m.areas.len()
            && self.ids.iter().zip(&m.areas).all(|((id, d), a)| *id == a.id && *d == a.district)
    }

    /// The index of the area at a point of the plane, if any.
    pub fn area_at(&self, p: [f64; 2]) -> Option<usize> {
        self.areas.iter().position(|s| s.contains(p))
    }
}

fn union_bounds(boxes: impl Iterator<Item = Bounds>) -> Bounds {
    let all = boxes.fold([f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY], |b, s| {
        [b[0].min(s[0]), b[1].min(s[1]), b[2].max(s[2]), b[3].max(s[3])]
    });
    if all[0].is_finite() && all[2] > all[0] && all[3] > all[1] { all } else { [0.0, 0.0, 1.0, 1.0] }
}

/// The outlines (one per area of `m`, `None` where the map has none) and landmarks on the plane.
fn project(data: &MapData, m: &Municipality) -> (Vec<Option<MultiPolygon<f64>>>, Vec<PlaneLandmark>) {
    let points = data.areas.iter().flat_map(|a| a.polygons.iter().flatten().flatten());
    let (lo, hi) = points.fold(([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]), |(lo, hi), p| {
        ([lo[0].min(p[0]), lo[1].min(p[1])], [hi[0].max(p[0]), hi[1].max(p[1])])
    });
    let plane = projection::LocalPlane::centred_on((lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0);
    let to_plane = |p: &[f64; 2]| match data.coordinates {
        Coordinates::Wgs84 => plane.project(p[0], p[1]),
        Coordinates::Schematic => [p[0], -p[1]],
    };
    let outlines = m
        .areas
        .iter()
        .map(|area| {
            let outline = data.areas.iter().find(|o| o.area == area.id)?;
            let polygons = outline.polygons.iter().filter_map(|rings| {
                let mut rings = rings.iter().map(|r| geo::LineString::from(r.iter().map(to_plane).collect::<Vec<_>>()));
                let exterior = rings.next()?;
                Some(Polygon::new(exterior, rings.collect()))
            });
            Some(MultiPolygon(polygons.collect()).orient(Direction::Default))
        })
        .collect();
    let landmarks = data
        .landmarks
        .iter()
        .map(|l| PlaneLandmark {
            kind: l.kind,
            name: l.name.clone(),
            parts: l.parts.iter().map(|part| part.iter().map(to_plane).collect()).collect(),
        })
        .collect();
    (outlines, landmarks)
}

/// How the plane is fitted into a rectangle on screen or paper (y down there).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    scale: [f64; 2],
    /// The plane's (min x, max y) lands here.
    origin: [f64; 2],
    min: [f64; 2],
}

impl Fit {
    /// Fits `bounds` into `rect` (`[left, top, right, bottom]`), centred, one scale for x and y
    /// when `keep_aspect`.
    pub fn new(bounds: Bounds, rect: [f32; 4], keep_aspect: bool) -> Self {
        let (w, h) = (f64::from(rect[2] - rect[0]).max(1.0), f64::from(rect[3] - rect[1]).max(1.0));
        let (bw, bh) = ((bounds[2] - bounds[0]).max(1e-9), (bounds[3] - bounds[1]).max(1e-9));
        let mut scale = [w / bw, h / bh];
        if keep_aspect {
            let s = scale[0].min(scale[1]);
            scale = [s, s];
        }
        let origin = [f64::from(rect[0]) + (w - bw * scale[0]) / 2.0, f64::from(rect[1]) + (h - bh * scale[1]) / 2.0];
        Self { scale, origin, min: [bounds[0], bounds[3]] }
    }

    /// A point of the plane on screen.
    pub fn to_screen(&self, p: [f64; 2]) -> [f32; 2] {
        [
            (self.origin[0] + (p[0] - self.min[0]) * self.scale[0]) as f32,
            (self.origin[1] + (self.min[1] - p[1]) * self.scale[1]) as f32,
        ]
    }

    /// A point on screen on the plane.
    pub fn to_plane(&self, p: [f32; 2]) -> [f64; 2] {
        [
            self.min[0] + (f64::from(p[0]) - self.origin[0]) / self.scale[0],
            self.min[1] - (f64::from(p[1]) - self.origin[1]) / self.scale[1],
        ]
    }

    /// A box on screen (`[left, top, right, bottom]`) as a box on the plane.
    pub fn box_to_plane(&self, b: [f32; 4]) -> Bounds {
        let [x0, y1] = self.to_plane([b[0], b[1]]);
        let [x1, y0] = self.to_plane([b[2], b[3]]);
        [x0, y0, x1, y1]
    }

    /// Screen pixels per plane unit, horizontally.
    pub fn pixels_per_unit(&self) -> f64 {
        self.scale[0]
    }
}
