//! Which map a plan is drawn on, as data: a map that ships with the program (by name), outlines
//! carried in the plan file itself, or none (the areas are laid out schematically). Plain serde
//! types; reading GeoJSON, projecting and drawing live in `crate::map`.
//!
//! Outlines are stored as WGS84 longitude and latitude (the coordinates every GIS can export),
//! or, for plans from before format 4, as the old schematic rectangles (0–1, y down).

use super::validate::PlanProblem;
use serde::{Deserialize, Serialize};

/// The map that ships for Høje-Taastrup (`map: shipped("hoeje-taastrup")`).
pub const HOEJE_TAASTRUP_MAP: &str = "hoeje-taastrup";
/// The maps that ship with the program, by name (`assets/map/NAME.geojson`): a plan may name
/// only these (`crate::map` holds their outlines).
pub const SHIPPED_MAPS: [&str; 1] = ["hoeje-taastrup"];

/// Where a plan's map comes from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MapSource {
    /// No outlines: the areas are laid out schematically, grouped by district.
    #[default]
    Schematic,
    /// A map that ships with the program, by name: `assets/map/NAME.geojson`.
    Shipped(String),
    /// Outlines carried in the plan file, so the file stays one self-contained scenario: a
    /// municipality's own boundaries brought in by `new`, or the rectangles of an older plan.
    Embedded(MapData),
}

/// What the coordinates of embedded outlines are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Coordinates {
    /// Longitude and latitude in degrees (WGS84, EPSG:4326), `[lon, lat]`.
    #[default]
    Wgs84,
    /// Unitless schematic positions (0–1, y down), from the rectangles of formats 1–3.
    Schematic,
}

/// Outlines of the areas and the landmarks drawn with them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapData {
    #[serde(default)]
    pub coordinates: Coordinates,
    /// Whether positions are estimates: the legend then says "schematic, not to scale".
    #[serde(default, skip_serializing_if = "is_false")]
    pub schematic: bool,
    /// Who drew it and from what, shown with the legend (e.g. "Høje-Taastrup Kommune, GIS 2024").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub credit: String,
    pub areas: Vec<AreaOutline>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub landmarks: Vec<Landmark>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference.
fn is_false(value: &bool) -> bool {
    !*value
}

/// A ring of points, `[x, y]` each; the last point need not repeat the first.
pub type Ring = Vec<[f64; 2]>;

/// One area's outline: one or more polygons, each an outer ring followed by its holes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaOutline {
    /// The id of the area it outlines.
    pub area: String,
    pub polygons: Vec<Vec<Ring>>,
}

/// What a landmark is; each kind is drawn its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LandmarkKind {
    /// The municipality's boundary (a closed ring).
    Boundary,
    /// A railway line.
    Railway,
    /// A station (one point, with its name).
    Station,
    /// A motorway.
    Motorway,
    /// A lake or stream (a closed ring).
    Water,
    /// A place name (one point), for orientation.
    Place,
}

impl LandmarkKind {
    pub const ALL: [Self; 6] = [Self::Boundary, Self::Railway, Self::Station, Self::Motorway, Self::Water, Self::Place];

    pub fn key(self) -> &'static str {
        match self {
            Self::Boundary => "boundary",
            Self::Railway => "railway",
            Self::Station => "station",
            Self::Motorway => "motorway",
            Self::Water => "water",
            Self::Place => "place",
        }
    }

    /// The kind named `key` (as in a GeoJSON feature's `kind` property).
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Whether the kind is one point (a station, a place name) rather than lines.
    pub fn is_point(self) -> bool {
        matches!(self, Self::Station | Self::Place)
    }
}

/// A landmark: its kind, its name (for stations and places) and its lines or point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Landmark {
    pub kind: LandmarkKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Lines (railway, motorway), rings (boundary, water) or a single point (station, place).
    pub parts: Vec<Ring>,
}

impl MapSource {
    /// Problems with the embedded outlines: outlines of areas the plan does not have, an area
    /// outlined twice, rings of fewer than three points, coordinates that are not numbers or
    /// not longitude and latitude. Overlaps are checked where the outlines are brought in
    /// (`by-i-balance new`), as they need the geometry crates.
    pub fn problems(&self, area_known: &dyn Fn(&str) -> bool) -> Vec<PlanProblem> {
        let Self::Embedded(data) = self else { return Vec::new() };
        let mut problems = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, outline) in data.areas.iter().enumerate() {
            let at = format!(
                "municipality.map.areas[{i}] ({})",
                super::limits::shown(&outline.area, super::limits::MAX_ID_CHARS)
            );
            let mut report = |key, args| problems.push(PlanProblem::new(&at, key, args));
            if !area_known(&outline.area) {
                let id = super::limits::shown(&outline.area, super::limits::MAX_ID_CHARS);
                report("unknown_id", vec![("what", "area".to_owned()), ("id", id)]);
            }
            if !seen.insert(outline.area.as_str()) {
                report("second_outline", Vec::new());
            }
            if outline.polygons.is_empty() {
                report("no_polygon", Vec::new());
            }
            for (p, polygon) in outline.polygons.iter().enumerate() {
                if polygon.is_empty() {
                    report("no_ring", vec![("polygon", p.to_string())]);
                }
                for (r, ring) in polygon.iter().enumerate() {
                    if let Some((key, mut args)) = ring_problem(ring, data.coordinates) {
                        args.extend([("polygon", p.to_string()), ("ring", r.to_string())]);
                        report(key, args);
                    }
                }
            }
        }
        for (i, landmark) in data.landmarks.iter().enumerate() {
            let at = format!("municipality.map.landmarks[{i}] ({})", landmark.kind.key());
            for part in &landmark.parts {
                if let Some(point) = bad_point(part, data.coordinates) {
                    let key = match data.coordinates {
                        Coordinates::Wgs84 => "landmark_not_a_longitude_latitude",
                        Coordinates::Schematic => "landmark_not_a_position",
                    };
                    problems.push(PlanProblem::new(&at, key, vec![("point", point)]));
                }
            }
        }
        problems
    }
}

/// A problem's sentence key and values.
type Problem = (&'static str, Vec<(&'static str, String)>);

/// Why a ring cannot outline anything, if it cannot.
fn ring_problem(ring: &Ring, coordinates: Coordinates) -> Option<Problem> {
    let distinct = ring.iter().enumerate().filter(|(i, p)| *i == 0 || ring[i - 1] != **p).count();
    let closed_twice = ring.len() > 1 && ring.first() == ring.last();
    if distinct - usize::from(closed_twice) < 3 {
        return Some(("ring_too_short", vec![("points", ring.len().to_string())]));
    }
    let point = bad_point(ring, coordinates)?;
    let key = match coordinates {
        Coordinates::Wgs84 => "not_a_longitude_latitude",
        Coordinates::Schematic => "not_a_position",
    };
    Some((key, vec![("point", point)]))
}

/// The first point that is not a number, or not a longitude and latitude, as written.
fn bad_point(points: &[[f64; 2]], coordinates: Coordinates) -> Option<String> {
    let bad = points.iter().find(|[x, y]| {
        !x.is_finite() || !y.is_finite() || (coordinates == Coordinates::Wgs84 && (x.abs() > 180.0 || y.abs() > 90.0))
    })?;
    Some(format!("[{}, {}]", bad[0], bad[1]))
}
