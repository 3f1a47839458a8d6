//! The colours that carry meaning, as plain RGB so that the app (egui) and the report (SVG)
//! draw with the same ones: resident groups and tenures from the Okabe–Ito palette, which stays
//! distinct for the common forms of colour blindness, and the plan, baseline and variant lines.

use crate::model::{Category, Group, Tenure};

pub type Rgb = [u8; 3];

pub fn group(group: Group) -> Rgb {
    match group {
        Group::Children => [0xE6, 0x9F, 0x00],
        Group::Employed => [0x00, 0x72, 0xB2],
        Group::InEducation => [0x56, 0xB4, 0xE9],
        Group::OutsideWork => [0xD5, 0x5E, 0x00],
        Group::Seniors => [0xCC, 0x79, 0xA7],
    }
}

pub fn tenure(tenure: Tenure) -> Rgb {
    match tenure {
        Tenure::AlmenFamily => [0xD5, 0x5E, 0x00],
        Tenure::AlmenYouth => [0xE6, 0x9F, 0x00],
        Tenure::AlmenElderly => [0xF0, 0xE4, 0x42],
        Tenure::PrivateRental => [0x56, 0xB4, 0xE9],
        Tenure::Cooperative => [0x00, 0x9E, 0x73],
        Tenure::OwnerOccupied => [0x00, 0x72, 0xB2],
    }
}

/// The balance score's components, in `sim::COMPONENTS` order.
pub const COMPONENTS: [Rgb; 5] =
    [[0xD5, 0x5E, 0x00], [0x00, 0x72, 0xB2], [0x00, 0x9E, 0x73], [0xCC, 0x79, 0xA7], [0x56, 0xB4, 0xE9]];

/// Variants side by side: the reference first.
pub const VARIANTS: [Rgb; 6] = [
    [0x1F, 0x2A, 0x44],
    [0xD5, 0x5E, 0x00],
    [0x00, 0x9E, 0x73],
    [0xCC, 0x79, 0xA7],
    [0x56, 0xB4, 0xE9],
    [0xE6, 0x9F, 0x00],
];

pub const PLAN: Rgb = [0x1F, 0x2A, 0x44];
pub const BASELINE: Rgb = [0x88, 0x88, 0x88];

/// `#rrggbb` for SVG and HTML.
pub fn hex(rgb: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

/// A category's fill on the map: listed categories warm, the rest cool or neutral.
pub fn category(category: Category, listed: bool) -> Rgb {
    match category {
        _ if listed => [0xE3, 0x7B, 0x5B],
        Category::Forebyggelse | Category::Udsat => [0xF2, 0xC9, 0x8A],
        _ => [0xC7, 0xE3, 0xD0],
    }
}

/// Stops of a light-to-dark sequential scale (cividis-like, colour-blind safe).
const SCALE: [(f64, Rgb); 5] = [
    (0.0, [0xFF, 0xF7, 0xD6]),
    (0.25, [0xF4, 0xD1, 0x6B]),
    (0.5, [0xC9, 0x8F, 0x3E]),
    (0.75, [0x8A, 0x4F, 0x5E]),
    (1.0, [0x3B, 0x1F, 0x5C]),
];

/// A colour on the sequential scale for `t` in 0–1 (clamped).
pub fn sequential(t: f64) -> Rgb {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    let upper = SCALE.iter().position(|(s, _)| *s >= t).unwrap_or(SCALE.len() - 1).max(1);
    let (s0, c0) = SCALE[upper - 1];
    let (s1, c1) = SCALE[upper];
    let f = if s1 > s0 { (t - s0) / (s1 - s0) } else { 0.0 };
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * f).round() as u8;
    [mix(c0[0], c1[0]), mix(c0[1], c1[1]), mix(c0[2], c1[2])]
}
