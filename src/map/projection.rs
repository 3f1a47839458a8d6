//! Coordinates: ETRS89 / UTM zone 32N (EPSG:25832, what Danish GIS departments export) to
//! longitude and latitude, and longitude and latitude to a local plane in metres (a transverse
//! Mercator centred on the map, so distances and angles are true across a municipality).
//!
//! Both directions use Krüger's series to the third order in the flattening (as in Karney,
//! "Transverse Mercator with an accuracy of a few nanometers", 2011, eqs. 35–36), good to well
//! under a millimetre within a UTM zone. ETRS89 and WGS84 differ by well under a metre in
//! Denmark, far below what a map for a workshop can show, so they are treated as one.

use std::f64::consts::PI;

/// Semi-major axis of the GRS80/WGS84 ellipsoid, metres.
const A: f64 = 6_378_137.0;
/// Flattening of GRS80 (WGS84's differs in the 12th digit).
const F: f64 = 1.0 / 298.257_222_101;
/// UTM's scale on the central meridian.
const UTM_K0: f64 = 0.9996;
/// UTM's false easting, metres.
const UTM_FALSE_EASTING: f64 = 500_000.0;
/// Central meridian of UTM zone 32, degrees east.
pub const ZONE_32_MERIDIAN: f64 = 9.0;

/// The series' constants, from the third flattening n.
struct Series {
    /// The rectifying radius times the scale.
    radius: f64,
    alpha: [f64; 3],
    beta: [f64; 3],
    delta: [f64; 3],
    n: f64,
}

fn series(k0: f64) -> Series {
    let n = F / (2.0 - F);
    let (n2, n3) = (n * n, n * n * n);
    Series {
        radius: k0 * A / (1.0 + n) * (1.0 + n2 / 4.0 + n2 * n2 / 64.0),
        alpha: [n / 2.0 - 2.0 / 3.0 * n2 + 5.0 / 16.0 * n3, 13.0 / 48.0 * n2 - 3.0 / 5.0 * n3, 61.0 / 240.0 * n3],
        beta: [n / 2.0 - 2.0 / 3.0 * n2 + 37.0 / 96.0 * n3, n2 / 48.0 + n3 / 15.0, 17.0 / 480.0 * n3],
        delta: [2.0 * n - 2.0 / 3.0 * n2 - 2.0 * n3, 7.0 / 3.0 * n2 - 8.0 / 5.0 * n3, 56.0 / 15.0 * n3],
        n,
    }
}

/// Transverse Mercator, forward: longitude and latitude (degrees) to easting and northing
/// (metres, without false easting) about `meridian`, with scale `k0` on it.
pub fn transverse_mercator(lon: f64, lat: f64, meridian: f64, k0: f64) -> [f64; 2] {
    let s = series(k0);
    let phi = lat.to_radians();
    let lambda = (lon - meridian).to_radians();
    let e = 2.0 * s.n.sqrt() / (1.0 + s.n);
    let t = (phi.sin().atanh() - e * (e * phi.sin()).atanh()).sinh();
    let xi = t.atan2(lambda.cos());
    let eta = (lambda.sin() / (1.0 + t * t).sqrt()).atanh();
    let (mut x, mut y) = (eta, xi);
    for (j, alpha) in s.alpha.iter().enumerate() {
        let k = 2.0 * (j + 1) as f64;
        x += alpha * (k * xi).cos() * (k * eta).sinh();
        y += alpha * (k * xi).sin() * (k * eta).cosh();
    }
    [s.radius * x, s.radius * y]
}

/// Transverse Mercator, inverse: easting and northing (metres, without false easting) about
/// `meridian` with scale `k0`, back to longitude and latitude in degrees.
pub fn inverse_transverse_mercator(x: f64, y: f64, meridian: f64, k0: f64) -> [f64; 2] {
    let s = series(k0);
    let (xi, eta) = (y / s.radius, x / s.radius);
    let (mut xi1, mut eta1) = (xi, eta);
    for (j, beta) in s.beta.iter().enumerate() {
        let k = 2.0 * (j + 1) as f64;
        xi1 -= beta * (k * xi).sin() * (k * eta).cosh();
        eta1 -= beta * (k * xi).cos() * (k * eta).sinh();
    }
    let chi = (xi1.sin() / eta1.cosh()).asin();
    let mut phi = chi;
    for (j, delta) in s.delta.iter().enumerate() {
        phi += delta * (2.0 * (j + 1) as f64 * chi).sin();
    }
    let lambda = eta1.sinh().atan2(xi1.cos());
    [meridian + lambda * 180.0 / PI, phi * 180.0 / PI]
}

/// EPSG:25832 (easting, northing in metres) to longitude and latitude in degrees.
pub fn utm32_to_lon_lat(easting: f64, northing: f64) -> [f64; 2] {
    inverse_transverse_mercator(easting - UTM_FALSE_EASTING, northing, ZONE_32_MERIDIAN, UTM_K0)
}

/// Longitude and latitude in degrees to EPSG:25832 (easting, northing in metres).
pub fn lon_lat_to_utm32(lon: f64, lat: f64) -> [f64; 2] {
    let [x, y] = transverse_mercator(lon, lat, ZONE_32_MERIDIAN, UTM_K0);
    [x + UTM_FALSE_EASTING, y]
}

/// A local plane in metres around a centre: x east, y north, true scale at the centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LocalPlane {
    meridian: f64,
    origin_y: f64,
}

impl LocalPlane {
    /// The plane centred on (`lon`, `lat`).
    pub fn centred_on(lon: f64, lat: f64) -> Self {
        let meridian = lon;
        Self { meridian, origin_y: transverse_mercator(lon, lat, meridian, 1.0)[1] }
    }

    /// Longitude and latitude (degrees) to metres east and north of the centre.
    pub fn project(&self, lon: f64, lat: f64) -> [f64; 2] {
        let [x, y] = transverse_mercator(lon, lat, self.meridian, 1.0);
        [x, y - self.origin_y]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utm_32_matches_a_published_point() {
        // Høje Taastrup station (55.648722 N, 12.269667 E) in EPSG:25832, as PROJ gives it.
        let [e, n] = lon_lat_to_utm32(12.269_667, 55.648_722);
        assert!((e - 705_727.21).abs() < 0.05, "easting {e}");
        assert!((n - 6_171_832.86).abs() < 0.05, "northing {n}");
    }

    #[test]
    fn utm_32_round_trips_across_denmark() {
        for (lon, lat) in [(8.1, 54.6), (12.27, 55.65), (15.1, 57.7), (10.2, 56.1)] {
            let [e, n] = lon_lat_to_utm32(lon, lat);
            let [lon2, lat2] = utm32_to_lon_lat(e, n);
            // 1e-7° is about a centimetre: the third-order series is good to well under that.
            assert!((lon - lon2).abs() < 1e-7 && (lat - lat2).abs() < 1e-7, "{lon},{lat} came back as {lon2},{lat2}");
        }
    }

    #[test]
    fn the_local_plane_keeps_distances_true() {
        // Hedehusene station to Taastrup station: 6,587 m on the ellipsoid (PROJ's geodesic).
        let plane = LocalPlane::centred_on(12.25, 55.65);
        let a = plane.project(12.1975, 55.6486);
        let b = plane.project(12.3019, 55.6525);
        let metres = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
        assert!((metres - 6_586.8).abs() < 2.0, "{metres} m");
        let centre = plane.project(12.25, 55.65);
        assert!(centre[0].abs() < 1e-6 && centre[1].abs() < 1e-6);
    }
}
