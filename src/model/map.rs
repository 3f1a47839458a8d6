//! Which map a plan is drawn on, as data: a map that ships with the program (by name), outlines
//! carried in the plan file itself, or none (the areas are laid out schematically). Plain serde
//! types; reading GeoJSON, projecting and drawing live in `crate::map`.
//!
//! Outlines are stored as WGS84 longitude and latitude (the coordinates every GIS can export),
//! or, for plans from before format 4, as the old schematic rectangles (0–1, y down).

use serde::{Deserialize, Serialize};

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
    /// Problems with the embedded outlines, as (location, message): outlines of areas the plan
    /// does not have, an area outlined twice, rings of fewer than three points, coordinates that
    /// are not numbers or not longitude and latitude. Overlaps are checked where the outlines
    /// are brought in (`by-i-balance new`), as they need the geometry crates.
    pub fn problems(&self, area_known: &dyn Fn(&str) -> bool) -> Vec<(String, String)> {
        let Self::Embedded(data) = self else { return Vec::new() };
        let mut problems = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, outline) in data.areas.iter().enumerate() {
            let at = format!("municipality.map.areas[{i}] ({})", outline.area);
            if !area_known(&outline.area) {
                problems.push((at.clone(), format!("there is no area with the id '{}'", outline.area)));
            }
            if !seen.insert(outline.area.as_str()) {
                problems.push((at.clone(), "the area has a second outline".to_owned()));
            }
            if outline.polygons.is_empty() {
                problems.push((at.clone(), "the outline has no polygon".to_owned()));
            }
            for (p, polygon) in outline.polygons.iter().enumerate() {
                if polygon.is_empty() {
                    problems.push((at.clone(), format!("polygon {p} has no ring")));
                }
                for (r, ring) in polygon.iter().enumerate() {
                    if let Some(message) = ring_problem(ring, data.coordinates) {
                        problems.push((at.clone(), format!("polygon {p}, ring {r}: {message}")));
                    }
                }
            }
        }
        for (i, landmark) in data.landmarks.iter().enumerate() {
            let at = format!("municipality.map.landmarks[{i}] ({})", landmark.kind.key());
            for part in &landmark.parts {
                if let Some(message) = coordinates_problem(part, data.coordinates) {
                    problems.push((at.clone(), message));
                }
            }
        }
        problems
    }
}

/// Why a ring cannot outline anything, if it cannot.
fn ring_problem(ring: &Ring, coordinates: Coordinates) -> Option<String> {
    let distinct = ring.iter().enumerate().filter(|(i, p)| *i == 0 || ring[i - 1] != **p).count();
    let closed_twice = ring.len() > 1 && ring.first() == ring.last();
    if distinct - usize::from(closed_twice) < 3 {
        return Some(format!("a ring needs at least three distinct points, this one has {}", ring.len()));
    }
    coordinates_problem(ring, coordinates)
}

fn coordinates_problem(points: &[[f64; 2]], coordinates: Coordinates) -> Option<String> {
    let bad = points.iter().find(|[x, y]| {
        !x.is_finite() || !y.is_finite() || (coordinates == Coordinates::Wgs84 && (x.abs() > 180.0 || y.abs() > 90.0))
    })?;
    Some(match coordinates {
        Coordinates::Wgs84 => format!("[{}, {}] is not a longitude and latitude", bad[0], bad[1]),
        Coordinates::Schematic => format!("[{}, {}] is not a position", bad[0], bad[1]),
    })
}
