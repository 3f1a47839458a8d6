//! Reading a GeoJSON FeatureCollection into a [`MapData`]: polygons whose `id` property names an
//! area become its outline; features with a `kind` property (railway, station, motorway,
//! boundary, water, place) become landmarks. Coordinates in WGS84 (RFC 7946) or ETRS89 / UTM
//! 32N (EPSG:25832) are accepted, told apart by the `crs` member or, without one, by their
//! ranges; UTM coordinates are turned into longitude and latitude. Every error names the feature
//! (its number, counted from 1, and its id) and what is wrong with it.
//!
//! Counts come before work: a quick pass over the text counts its positions and values
//! ([`census`]) and refuses a file with more points than a plan may carry, or more values than
//! a map within the limits needs, before it is parsed (parsing holds every value in memory);
//! then the features are counted before any is read. What a message quotes from the file is
//! cut short (`limits::shown`).

use super::projection::utm32_to_lon_lat;
use crate::model::limits::{self, MAX_AREAS, MAX_LANDMARKS, MAX_SHAPE_POINTS, SHOWN_CHARS, shown};
use crate::model::{AreaOutline, Coordinates, Landmark, LandmarkKind, MapData, Ring};
use serde_json::Value;

/// Values (numbers, texts, lists, objects, …) a file may hold: a map at every limit (100,000
/// points of three numbers, 2,000 features with a hundred properties each) needs about
/// 700,000; parsing costs some 50 bytes of memory a value, so this keeps a file's parse under
/// about 200 MB.
pub const MAX_VALUES: usize = 4_000_000;

/// What a quick pass over a GeoJSON text counts, outside strings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Census {
    /// Lists whose first item is a number: positions.
    pub positions: usize,
    /// Values of any kind: numbers, texts, lists, objects, `true`, `false`, `null`.
    pub values: usize,
}

/// Counts the positions and values of a JSON text in one pass over its bytes, without parsing
/// it (strings are skipped, escapes included).
pub fn census(text: &str) -> Census {
    let bytes = text.as_bytes();
    let mut count = Census::default();
    let mut i = 0;
    // Whether the value that starts next is the first item of a list.
    let mut first_in_list = false;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => {
                count.values += 1;
                first_in_list = false;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'[' => {
                count.values += 1;
                first_in_list = true;
            }
            b'{' => {
                count.values += 1;
                first_in_list = false;
            }
            b'-' | b'0'..=b'9' => {
                count.values += 1;
                count.positions += usize::from(first_in_list);
                first_in_list = false;
                while i + 1 < bytes.len() && matches!(bytes[i + 1], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-') {
                    i += 1;
                }
            }
            b't' | b'f' | b'n' => {
                count.values += 1;
                first_in_list = false;
                while i + 1 < bytes.len() && bytes[i + 1].is_ascii_alphabetic() {
                    i += 1;
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => first_in_list = false,
        }
        i += 1;
    }
    count
}

/// Why a GeoJSON file cannot be used as a map.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct GeoJsonError {
    /// Where: `feature 3 (id "taastrupgaard")`, or `the file`.
    pub location: String,
    pub message: String,
}

/// The coordinate reference system a file is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crs {
    /// Longitude and latitude (EPSG:4326, CRS84).
    Wgs84,
    /// ETRS89 / UTM zone 32N (EPSG:25832), metres.
    Utm32,
}

/// A map read from GeoJSON, with the number of the feature each area's outline came from.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadMap {
    pub data: MapData,
    pub crs: Crs,
    /// For each outline in `data.areas`, the feature it came from (from 1).
    pub features: Vec<usize>,
    /// For each landmark in `data.landmarks`, the feature it came from (from 1).
    pub landmark_features: Vec<usize>,
}

fn file_error(message: impl Into<String>) -> GeoJsonError {
    GeoJsonError { location: "the file".to_owned(), message: message.into() }
}

/// Reads a GeoJSON FeatureCollection: counted first ([`census`]), then parsed, its features
/// counted, then read.
pub fn read(text: &str) -> Result<ReadMap, GeoJsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let count = census(text);
    if count.positions > MAX_SHAPE_POINTS {
        return Err(file_error(format!(
            "has {} points; a plan carries at most {MAX_SHAPE_POINTS} map points in all (simplify the outlines, \
             e.g. QGIS's Vector > Geometry Tools > Simplify, to a metre or so)",
            count.positions
        )));
    }
    if count.values > MAX_VALUES {
        return Err(file_error(format!(
            "holds {} values (numbers, texts, lists); a map within the limits needs far fewer (at most {MAX_VALUES})",
            count.values
        )));
    }
    let root: Value = serde_json::from_str(text).map_err(|e| {
        let reason = limits::clip_quoted(&e.to_string());
        file_error(format!("is not JSON (line {}, column {}): {reason}", e.line(), e.column()))
    })?;
    if root.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
        return Err(file_error("is not a GeoJSON FeatureCollection (its \"type\" must be \"FeatureCollection\")"));
    }
    let features =
        root.get("features").and_then(Value::as_array).ok_or_else(|| file_error("has no \"features\" list"))?;
    if features.len() > MAX_AREAS + MAX_LANDMARKS {
        return Err(file_error(format!(
            "has {} features; a plan's map holds at most {MAX_AREAS} areas and {MAX_LANDMARKS} landmarks",
            features.len()
        )));
    }
    let crs = detect_crs(&root, features)?;
    let mut data = MapData { coordinates: Coordinates::Wgs84, ..MapData::default() };
    let (mut numbers, mut landmark_numbers) = (Vec::new(), Vec::new());
    for (i, feature) in features.iter().enumerate() {
        let number = i + 1;
        let id = feature_id(feature);
        let location = match &id {
            Some(id) => format!("feature {number} (id \"{}\")", shown(id, SHOWN_CHARS)),
            None => format!("feature {number}"),
        };
        let fail = |message: String| GeoJsonError { location: location.clone(), message };
        let properties = feature.get("properties").filter(|p| p.is_object());
        let kind = properties.and_then(|p| p.get("kind")).and_then(Value::as_str);
        let geometry =
            feature.get("geometry").filter(|g| !g.is_null()).ok_or_else(|| fail("has no geometry".into()))?;
        match (kind, id) {
            (Some(kind), _) => {
                let kind = LandmarkKind::parse(kind).ok_or_else(|| {
                    let kinds: Vec<&str> = LandmarkKind::ALL.iter().map(|k| k.key()).collect();
                    fail(format!("the kind \"{}\" is not one of {}", shown(kind, SHOWN_CHARS), kinds.join(", ")))
                })?;
                let name = properties.and_then(|p| p.get("name")).and_then(Value::as_str).unwrap_or_default();
                if let Some(fault) = limits::text_fault(name, limits::MAX_NAME_CHARS, false) {
                    return Err(fail(format!("the name {}", fault_words(fault, limits::MAX_NAME_CHARS))));
                }
                let parts = landmark_parts(geometry, kind, crs).map_err(fail)?;
                data.landmarks.push(Landmark { kind, name: name.to_owned(), parts });
                landmark_numbers.push(number);
            }
            (None, Some(id)) => {
                if let Some(fault) = limits::text_fault(&id, limits::MAX_ID_CHARS, false) {
                    return Err(fail(format!("the id {}", fault_words(fault, limits::MAX_ID_CHARS))));
                }
                let polygons = polygons(geometry, crs).map_err(fail)?;
                data.areas.push(AreaOutline { area: id, polygons });
                numbers.push(number);
            }
            (None, None) => {
                return Err(fail("has neither an \"id\" property naming an area nor a \"kind\" of landmark".into()));
            }
        }
    }
    Ok(ReadMap { data, crs, features: numbers, landmark_features: landmark_numbers })
}

/// What is wrong with a text, in words: "is 130 characters long; at most 120".
pub fn fault_words(fault: limits::TextFault, max: usize) -> String {
    match fault {
        limits::TextFault::TooLong(chars) => format!("is {chars} characters long; at most {max}"),
        limits::TextFault::Character(c) => {
            format!("holds an invisible control or formatting character ({})", limits::code(c))
        }
    }
}

/// The area id of a feature: its `id` property, else the feature's own `id` member.
fn feature_id(feature: &Value) -> Option<String> {
    let value = feature.get("properties").and_then(|p| p.get("id")).or_else(|| feature.get("id"))?;
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The CRS from the `crs` member (GeoJSON 2008), else from the coordinates' ranges.
fn detect_crs(root: &Value, features: &[Value]) -> Result<Crs, GeoJsonError> {
    if let Some(name) = root.get("crs").and_then(|c| c.get("properties")).and_then(|p| p.get("name")) {
        let name = name.as_str().unwrap_or_default();
        let code = name.rsplit([':', '/']).next().unwrap_or_default();
        return match code {
            "25832" => Ok(Crs::Utm32),
            "4326" | "CRS84" | "4258" => Ok(Crs::Wgs84),
            _ => Err(file_error(format!(
                "is in the coordinate system \"{}\"; export it as WGS84 (EPSG:4326) or ETRS89 / UTM 32N (EPSG:25832)",
                shown(name, SHOWN_CHARS)
            ))),
        };
    }
    let mut first = None;
    for feature in features {
        if let Some(geometry) = feature.get("geometry") {
            visit_positions(geometry.get("coordinates").unwrap_or(&Value::Null), &mut |x, y| {
                first.get_or_insert([x, y]);
            });
        }
        if first.is_some() {
            break;
        }
    }
    match first {
        Some([x, y]) if x.abs() <= 180.0 && y.abs() <= 90.0 => Ok(Crs::Wgs84),
        Some([x, y]) if (100_000.0..=900_000.0).contains(&x) && (0.0..=9_400_000.0).contains(&y) => Ok(Crs::Utm32),
        Some([x, y]) => Err(file_error(format!(
            "has the position [{x}, {y}], which is neither longitude and latitude nor UTM 32N metres; \
             export it as WGS84 (EPSG:4326) or EPSG:25832"
        ))),
        None => Ok(Crs::Wgs84),
    }
}

fn visit_positions(value: &Value, visit: &mut dyn FnMut(f64, f64)) {
    if let Some(items) = value.as_array() {
        if let (Some(x), Some(y)) = (items.first().and_then(Value::as_f64), items.get(1).and_then(Value::as_f64)) {
            visit(x, y);
        } else {
            for item in items {
                visit_positions(item, visit);
            }
        }
    }
}

fn position(value: &Value, crs: Crs) -> Result<[f64; 2], String> {
    let not_a_position = || format!("{} is not a position [x, y]", shown(&value.to_string(), SHOWN_CHARS));
    let items = value.as_array().ok_or_else(not_a_position)?;
    let (Some(x), Some(y)) = (items.first().and_then(Value::as_f64), items.get(1).and_then(Value::as_f64)) else {
        return Err(not_a_position());
    };
    let [lon, lat] = match crs {
        Crs::Wgs84 => [x, y],
        Crs::Utm32 => utm32_to_lon_lat(x, y),
    };
    if !lon.is_finite() || !lat.is_finite() || lon.abs() > 180.0 || lat.abs() > 90.0 {
        let expected = if crs == Crs::Wgs84 { "longitude and latitude" } else { "UTM 32N metres" };
        return Err(format!("the position [{x}, {y}] is not {expected} like the rest of the file"));
    }
    // Seven decimals of a degree are about a centimetre: more is noise in a plan file.
    Ok([(lon * 1e7).round() / 1e7, (lat * 1e7).round() / 1e7])
}

fn line(value: &Value, crs: Crs) -> Result<Ring, String> {
    let items = value.as_array().ok_or_else(|| "a line or ring is not a list of positions".to_owned())?;
    items.iter().map(|p| position(p, crs)).collect()
}

fn polygon(value: &Value, crs: Crs) -> Result<Vec<Ring>, String> {
    let rings = value.as_array().ok_or_else(|| "a polygon is not a list of rings".to_owned())?;
    if rings.is_empty() {
        return Err("the polygon is empty".to_owned());
    }
    rings.iter().map(|r| line(r, crs)).collect()
}

/// An area's geometry: a Polygon or MultiPolygon.
fn polygons(geometry: &Value, crs: Crs) -> Result<Vec<Vec<Ring>>, String> {
    let coordinates = geometry.get("coordinates").unwrap_or(&Value::Null);
    let polygons = match geometry.get("type").and_then(Value::as_str) {
        Some("Polygon") => vec![polygon(coordinates, crs)?],
        Some("MultiPolygon") => {
            let items = coordinates.as_array().ok_or_else(|| "the MultiPolygon has no polygons".to_owned())?;
            items.iter().map(|p| polygon(p, crs)).collect::<Result<_, _>>()?
        }
        other => {
            return Err(format!(
                "an area must be a Polygon or MultiPolygon, not {}",
                other.map_or_else(|| "a geometry without a type".to_owned(), |t| shown(t, SHOWN_CHARS))
            ));
        }
    };
    if polygons.is_empty() {
        return Err("the polygon is empty".to_owned());
    }
    Ok(polygons)
}

/// A landmark's geometry: a point for stations and places, lines or rings for the rest.
fn landmark_parts(geometry: &Value, kind: LandmarkKind, crs: Crs) -> Result<Vec<Ring>, String> {
    let coordinates = geometry.get("coordinates").unwrap_or(&Value::Null);
    let kind_name = geometry.get("type").and_then(Value::as_str).unwrap_or("a geometry without a type");
    let kind_name = shown(kind_name, SHOWN_CHARS);
    match (kind.is_point(), kind_name.as_str()) {
        (true, "Point") => Ok(vec![vec![position(coordinates, crs)?]]),
        (false, "LineString") => Ok(vec![line(coordinates, crs)?]),
        (false, "MultiLineString" | "Polygon") => {
            let items = coordinates.as_array().ok_or_else(|| format!("the {kind_name} has no lines"))?;
            items.iter().map(|l| line(l, crs)).collect()
        }
        (false, "MultiPolygon") => {
            let items = coordinates.as_array().ok_or_else(|| "the MultiPolygon has no polygons".to_owned())?;
            Ok(items.iter().map(|p| polygon(p, crs)).collect::<Result<Vec<_>, _>>()?.into_iter().flatten().collect())
        }
        (true, other) => Err(format!("a {} must be a Point, not {other}", kind.key())),
        (false, other) => Err(format!("a {} must be lines or polygons, not {other}", kind.key())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE_WGS84: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"a","name":"A"},"geometry":{"type":"Polygon","coordinates":[[[12.0,55.0],[12.01,55.0],[12.01,55.01],[12.0,55.01],[12.0,55.0]]]}},
        {"type":"Feature","properties":{"kind":"station","name":"S"},"geometry":{"type":"Point","coordinates":[12.005,55.005]}}]}"#;

    #[test]
    fn wgs84_areas_and_landmarks_are_read() {
        let map = read(SQUARE_WGS84).unwrap();
        assert_eq!(map.crs, Crs::Wgs84);
        assert_eq!(map.data.areas[0].area, "a");
        assert_eq!(map.data.areas[0].polygons[0][0].len(), 5);
        assert_eq!(map.data.landmarks[0].kind, LandmarkKind::Station);
        assert_eq!(map.data.landmarks[0].name, "S");
    }

    #[test]
    fn utm_32_is_recognised_by_its_crs_and_by_its_ranges() {
        let utm = r#"{"type":"FeatureCollection",CRS"features":[{"type":"Feature","properties":{"id":7},"geometry":{"type":"Polygon","coordinates":[[[705727.21,6171832.86],[705827.21,6171832.86],[705827.21,6171932.86],[705727.21,6171832.86]]]}}]}"#;
        for crs in ["", r#""crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},"#] {
            let map = read(&utm.replace("CRS", crs)).unwrap();
            assert_eq!(map.crs, Crs::Utm32);
            assert_eq!(map.data.areas[0].area, "7");
            let [lon, lat] = map.data.areas[0].polygons[0][0][0];
            assert!((lon - 12.269_667).abs() < 1e-6 && (lat - 55.648_722).abs() < 1e-6, "{lon}, {lat}");
        }
    }

    #[test]
    fn errors_name_the_feature() {
        let no_id = SQUARE_WGS84.replace(r#""id":"a","#, "");
        assert_eq!(read(&no_id).unwrap_err().location, "feature 1");
        let line = SQUARE_WGS84.replace(r#""Polygon""#, r#""LineString""#);
        let error = read(&line).unwrap_err();
        assert_eq!(error.location, "feature 1 (id \"a\")");
        assert!(error.message.contains("Polygon or MultiPolygon"), "{error}");
        let other_crs = SQUARE_WGS84
            .replace(r#""features""#, r#""crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features""#);
        assert!(read(&other_crs).unwrap_err().message.contains("EPSG:25832"));
    }
}
