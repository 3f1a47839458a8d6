//! Colours on screen: resident groups, tenures and variants from `crate::colours` (shared with
//! the report), list status and the map's scales. Every chart also names its series in a
//! legend, so colour never carries meaning alone.

use crate::model::{Category, Group, Tenure};
use egui::Color32;

fn rgb(c: crate::colours::Rgb) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

pub fn group(group: Group) -> Color32 {
    rgb(crate::colours::group(group))
}

pub fn tenure(tenure: Tenure) -> Color32 {
    rgb(crate::colours::tenure(tenure))
}

/// The colour of the balance score's components, in `COMPONENTS` order.
pub const COMPONENTS: [Color32; crate::sim::COMPONENT_COUNT] = {
    let c = crate::colours::COMPONENTS;
    [
        Color32::from_rgb(c[0][0], c[0][1], c[0][2]),
        Color32::from_rgb(c[1][0], c[1][1], c[1][2]),
        Color32::from_rgb(c[2][0], c[2][1], c[2][2]),
        Color32::from_rgb(c[3][0], c[3][1], c[3][2]),
        Color32::from_rgb(c[4][0], c[4][1], c[4][2]),
    ]
};

/// The colour of the `i`-th variant side by side (the reference first).
pub fn variant(i: usize) -> Color32 {
    rgb(crate::colours::VARIANTS[i % crate::colours::VARIANTS.len()])
}

pub const PLAN: Color32 = Color32::from_rgb(crate::colours::PLAN[0], crate::colours::PLAN[1], crate::colours::PLAN[2]);
pub const BASELINE: Color32 =
    Color32::from_rgb(crate::colours::BASELINE[0], crate::colours::BASELINE[1], crate::colours::BASELINE[2]);
pub const LISTED: Color32 = Color32::from_rgb(0xB0, 0x30, 0x20);
pub const NOT_LISTED: Color32 = Color32::from_rgb(0x1A, 0x7F, 0x4B);
/// A prevention area: on the list of prevention areas, not on the list.
pub const PREVENTION: Color32 = Color32::from_rgb(0x9A, 0x60, 0x00);
/// The least height the map keeps in the window, in points: where the profile cards under it
/// would leave it less, they give way.
pub const MAP_LEAST_HEIGHT: f32 = 260.0;
/// The least width of the map's column for its key of lines (railway, motorway, …) in full;
/// narrower, the key is on hover.
pub const MAP_KEY_WIDTH: f32 = 420.0;
/// The least width of the editor for a setting's name beside its control; narrower (a larger
/// text size), the name goes above it.
pub const EDITOR_ROW_WIDTH: f32 = 330.0;
/// Room kept free under a menu that reaches the bottom of the screen, in points.
pub const MENU_MARGIN: f32 = 12.0;
/// The projector's strip that says which change a reveal shows.
pub const REVEAL: Color32 = Color32::from_rgb(0xFF, 0xF1, 0xB8);
/// Published figures beside the projection.
pub const OFFICIAL: Color32 = Color32::from_rgb(0x00, 0x00, 0x00);
/// The line from which the years are judged by the last known law, as no later one is known.
pub const ASSUMED_LAW: Color32 = Color32::from_rgb(0x6A, 0x4C, 0x93);

/// The text colour of an estate's standing: listed, a prevention area, on no list, or (in
/// `unjudged`) not judged.
pub fn status(category: Category, listed: bool, judged: bool, unjudged: Color32) -> Color32 {
    match category {
        _ if !judged => unjudged,
        _ if listed => LISTED,
        Category::Forebyggelse => PREVENTION,
        _ => NOT_LISTED,
    }
}

/// A light, see-through version of a series' colour, for its band.
pub fn band(colour: Color32) -> Color32 {
    Color32::from_rgba_unmultiplied(colour.r(), colour.g(), colour.b(), 90)
}

/// A category's fill on the map: listed categories warm, the rest cool or neutral.
pub fn category(category: Category, listed: bool) -> Color32 {
    rgb(crate::colours::category(category, listed))
}

/// A colour on the sequential scale for `t` in 0–1 (clamped).
pub fn sequential(t: f32) -> Color32 {
    rgb(crate::colours::sequential(f64::from(t)))
}

/// Black or white, whichever reads better on `fill`.
pub fn text_on(fill: Color32) -> Color32 {
    let luminance = 0.299 * f32::from(fill.r()) + 0.587 * f32::from(fill.g()) + 0.114 * f32::from(fill.b());
    if luminance > 140.0 { Color32::BLACK } else { Color32::WHITE }
}
