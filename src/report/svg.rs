//! Charts for the workshop report as SVG: a line chart (the score over time, one line per
//! variant) and stacked areas (residents per group). Drawn from numbers, without egui or a GPU,
//! so `by-i-balance report` makes the same pictures on any machine. Every chart has axis
//! labels with units and a legend.

use std::fmt::Write;

/// One series of a chart: name, colour (`#rrggbb`), dashed or not, and (x, y) points.
pub struct Series {
    pub name: String,
    pub colour: String,
    pub dashed: bool,
    pub points: Vec<(f64, f64)>,
}

/// A band between two lines (the 10th and 90th percentiles of a series), drawn light.
pub struct Band {
    pub name: String,
    pub colour: String,
    /// (x, low, high) points.
    pub points: Vec<(f64, f64, f64)>,
}

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 340.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 100.0;

/// Escapes text for XML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

struct Frame {
    x: (f64, f64),
    y: (f64, f64),
}

impl Frame {
    fn px(&self, x: f64) -> f64 {
        LEFT + (x - self.x.0) / (self.x.1 - self.x.0).max(1e-9) * (WIDTH - LEFT - RIGHT)
    }

    fn py(&self, y: f64) -> f64 {
        HEIGHT - BOTTOM - (y - self.y.0) / (self.y.1 - self.y.0).max(1e-9) * (HEIGHT - TOP - BOTTOM)
    }
}

/// A "nice" step for about five ticks over `span`.
fn tick_step(span: f64) -> f64 {
    let raw = (span / 5.0).max(1e-9);
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude)
}

fn axes(svg: &mut String, frame: &Frame, x_label: &str, y_label: &str, format: &dyn Fn(f64) -> String) {
    let step = tick_step(frame.y.1 - frame.y.0);
    let mut y = (frame.y.0 / step).ceil() * step;
    while y <= frame.y.1 + 1e-9 {
        let py = frame.py(y);
        let _ = write!(
            svg,
            r##"<line x1="{LEFT}" y1="{py:.1}" x2="{:.1}" y2="{py:.1}" stroke="#dddddd"/><text x="{:.1}" y="{:.1}" text-anchor="end" font-size="12">{}</text>"##,
            WIDTH - RIGHT,
            LEFT - 6.0,
            py + 4.0,
            escape(&format(y))
        );
        y += step;
    }
    let mut x = (frame.x.0 / 5.0).ceil() * 5.0;
    while x <= frame.x.1 + 1e-9 {
        let px = frame.px(x);
        let _ = write!(
            svg,
            r##"<line x1="{px:.1}" y1="{TOP}" x2="{px:.1}" y2="{:.1}" stroke="#eeeeee"/><text x="{px:.1}" y="{:.1}" text-anchor="middle" font-size="12">{x:.0}</text>"##,
            HEIGHT - BOTTOM,
            HEIGHT - BOTTOM + 16.0
        );
        x += 5.0;
    }
    let _ = write!(
        svg,
        r##"<line x1="{LEFT}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#333333"/><line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{:.1}" stroke="#333333"/><text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="13">{}</text><text x="16" y="{:.1}" text-anchor="middle" font-size="13" transform="rotate(-90 16 {:.1})">{}</text>"##,
        HEIGHT - BOTTOM,
        WIDTH - RIGHT,
        HEIGHT - BOTTOM,
        HEIGHT - BOTTOM,
        (LEFT + WIDTH - RIGHT) / 2.0,
        HEIGHT - BOTTOM + 34.0,
        escape(x_label),
        (TOP + HEIGHT - BOTTOM) / 2.0,
        (TOP + HEIGHT - BOTTOM) / 2.0,
        escape(y_label)
    );
}

fn legend(svg: &mut String, entries: &[(&str, &str, bool, bool)]) {
    let (mut x, mut y) = (LEFT, HEIGHT - BOTTOM + 52.0);
    for (name, colour, dashed, filled) in entries {
        let width = 34.0 + 7.0 * name.chars().count() as f64;
        if x + width > WIDTH - RIGHT {
            x = LEFT;
            y += 20.0;
        }
        if *filled {
            let _ = write!(svg, r#"<rect x="{x:.1}" y="{:.1}" width="22" height="10" fill="{colour}"/>"#, y - 9.0);
        } else {
            let dash = if *dashed { r#" stroke-dasharray="6 4""# } else { "" };
            let _ = write!(
                svg,
                r#"<line x1="{x:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{colour}" stroke-width="3"{dash}/>"#,
                y - 4.0,
                x + 22.0,
                y - 4.0
            );
        }
        let _ = write!(svg, r#"<text x="{:.1}" y="{y:.1}" font-size="12">{}</text>"#, x + 28.0, escape(name));
        x += width;
    }
}

fn open(title: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif"><title>{}</title><rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>"#,
        escape(title)
    )
}

/// Lines over the years, with the y axis from `y_min` to `y_max`.
pub fn line_chart(title: &str, series: &[Series], y_range: (f64, f64), x_label: &str, y_label: &str) -> String {
    line_chart_with_bands(title, series, &[], y_range, (x_label, y_label))
}

/// A line chart with light bands behind the lines (each band with its legend entry).
pub fn line_chart_with_bands(
    title: &str,
    series: &[Series],
    bands: &[Band],
    y_range: (f64, f64),
    (x_label, y_label): (&str, &str),
) -> String {
    let xs = series.iter().flat_map(|s| s.points.iter().map(|p| p.0));
    let x = xs.clone().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    let frame = Frame { x: if x.0.is_finite() { x } else { (0.0, 1.0) }, y: y_range };
    let mut svg = open(title);
    axes(&mut svg, &frame, x_label, y_label, &|v| format!("{v:.0}"));
    for band in bands {
        let upper = band.points.iter().map(|(x, _, high)| format!("{:.1},{:.1}", frame.px(*x), frame.py(*high)));
        let lower = band.points.iter().rev().map(|(x, low, _)| format!("{:.1},{:.1}", frame.px(*x), frame.py(*low)));
        let outline: Vec<String> = upper.chain(lower).collect();
        let _ = write!(
            svg,
            r#"<polygon fill="{}" fill-opacity="0.25" stroke="none" points="{}"/>"#,
            band.colour,
            outline.join(" ")
        );
    }
    for s in series {
        let path: Vec<String> =
            s.points.iter().map(|(x, y)| format!("{:.1},{:.1}", frame.px(*x), frame.py(*y))).collect();
        let dash = if s.dashed { r#" stroke-dasharray="6 4""# } else { "" };
        let _ = write!(
            svg,
            r#"<polyline fill="none" stroke="{}" stroke-width="2.5"{dash} points="{}"/>"#,
            s.colour,
            path.join(" ")
        );
    }
    let mut entries: Vec<(&str, &str, bool, bool)> =
        series.iter().map(|s| (s.name.as_str(), s.colour.as_str(), s.dashed, false)).collect();
    entries.extend(bands.iter().map(|b| (b.name.as_str(), b.colour.as_str(), false, true)));
    legend(&mut svg, &entries);
    svg.push_str("</svg>");
    svg
}

/// Layers stacked over the years (each layer's values per year, bottom layer first), the value
/// axis in `language`'s number format ("20.000" in Danish, "20,000" in English).
pub fn stacked_areas(
    title: &str,
    years: &[f64],
    layers: &[Series],
    (x_label, y_label): (&str, &str),
    language: crate::i18n::Language,
) -> String {
    let totals: Vec<f64> = (0..years.len()).map(|i| layers.iter().map(|l| l.points[i].1).sum()).collect();
    let top = totals.iter().copied().fold(0.0, f64::max) * 1.05;
    let x = (years.first().copied().unwrap_or(0.0), years.last().copied().unwrap_or(1.0));
    let frame = Frame { x, y: (0.0, top.max(1.0)) };
    let mut svg = open(title);
    let format = |v: f64| crate::i18n::format_number(v, 0, language);
    axes(&mut svg, &frame, x_label, y_label, &format);
    let mut lower = vec![0.0; years.len()];
    for layer in layers {
        let upper: Vec<f64> = lower.iter().zip(&layer.points).map(|(l, p)| l + p.1).collect();
        let mut points: Vec<String> =
            years.iter().zip(&upper).map(|(x, y)| format!("{:.1},{:.1}", frame.px(*x), frame.py(*y))).collect();
        points.extend(years.iter().zip(&lower).rev().map(|(x, y)| format!("{:.1},{:.1}", frame.px(*x), frame.py(*y))));
        let _ = write!(
            svg,
            r#"<polygon fill="{}" stroke="white" stroke-width="0.5" points="{}"/>"#,
            layer.colour,
            points.join(" ")
        );
        lower = upper;
    }
    let entries: Vec<(&str, &str, bool, bool)> =
        layers.iter().map(|l| (l.name.as_str(), l.colour.as_str(), false, true)).collect();
    legend(&mut svg, &entries);
    svg.push_str("</svg>");
    svg
}

/// Base64 (standard alphabet, padded) for a data URI.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("Høje".as_bytes()), "SMO4amU=");
    }

    #[test]
    fn ticks_are_round_numbers() {
        assert_eq!(tick_step(100.0), 20.0);
        assert_eq!(tick_step(60_000.0), 20_000.0);
        assert_eq!(tick_step(12.0), 2.5);
    }
}
