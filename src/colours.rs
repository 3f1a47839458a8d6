//! The colours that carry meaning, as plain RGB so that the app (egui) and the report (SVG)
//! draw with the same ones: resident groups and tenures from the Okabe–Ito palette, which stays
//! distinct for the common forms of colour blindness, and the plan, baseline and variant lines.

use crate::model::{Group, Tenure};

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
pub const COMPONENTS: [Rgb; 4] = [[0xD5, 0x5E, 0x00], [0x00, 0x72, 0xB2], [0x00, 0x9E, 0x73], [0xCC, 0x79, 0xA7]];

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
