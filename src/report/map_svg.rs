//! The map and the tenure mix for the workshop report, as SVG: the same outlines, districts and
//! landmarks as the app's map (from [`PlanMap`]), each area coloured by the chosen indicator at a
//! year with the legend and what the map is (schematic or to scale); and every area's homes per
//! tenure as stacked bars with the 40 % line of § 168 a.

use super::svg::escape;
use crate::colours::{self, hex};
use crate::i18n::Tr;
use crate::map::{Fidelity, Fit, MapIndicator, PlanMap, indicator};
use crate::model::{LandmarkKind, Municipality, Tenure};
use crate::sim::Projection;
use std::fmt::Write;

const WIDTH: f64 = 760.0;
const MAP_HEIGHT: f64 = 600.0;
const LEGEND: f64 = 70.0;

/// An SVG path for rings of plane points, fitted.
fn path(rings: impl Iterator<Item = Vec<[f64; 2]>>, fit: &Fit) -> String {
    let mut d = String::new();
    for ring in rings {
        for (i, p) in ring.iter().enumerate() {
            let [x, y] = fit.to_screen(*p);
            let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
        }
        d.push('Z');
    }
    d
}

fn rings_of(shape: &crate::map::Shape) -> impl Iterator<Item = Vec<[f64; 2]>> + '_ {
    shape.rings().map(|r| r.0.iter().map(|c| [c.x, c.y]).collect())
}

/// The map of a plan at a year, coloured by `indicator`.
pub fn map(
    title: &str,
    map: &PlanMap,
    m: &Municipality,
    projection: &Projection,
    year: u16,
    indicator_choice: MapIndicator,
    tr: Tr<'_>,
) -> String {
    let height = MAP_HEIGHT + LEGEND;
    let fit = Fit::new(map.bounds, [10.0, 10.0, WIDTH as f32 - 10.0, MAP_HEIGHT as f32 - 10.0], map.keep_aspect);
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="sans-serif"><title>{}</title><rect width="{WIDTH}" height="{height}" fill="white"/>"#,
        escape(title)
    );
    let y = projection.year_index(year);
    let values = y.map(|y| indicator::values(projection, y, indicator_choice)).unwrap_or_default();
    for (i, shape) in map.areas.iter().enumerate() {
        let at = y.and_then(|y| projection.areas.get(i).filter(|a| a.id == m.areas[i].id).map(|a| &a.years[y]));
        let fill = at.map_or(indicator::NOT_APPLICABLE, |at| {
            indicator::colour(indicator_choice, values.get(i).copied().flatten(), at)
        });
        let _ = write!(
            svg,
            r##"<path d="{}" fill="{}" fill-rule="evenodd" stroke="#6e6e6e" stroke-width="0.8"><title>{}</title></path>"##,
            path(rings_of(shape), &fit),
            hex(fill),
            escape(&m.areas[i].name)
        );
    }
    for shape in map.districts.iter().flatten() {
        let _ = write!(
            svg,
            r##"<path d="{}" fill="none" stroke="#282828" stroke-width="2"/>"##,
            path(rings_of(shape), &fit)
        );
    }
    landmarks(&mut svg, map, &fit);
    names(&mut svg, map, m, &fit);
    legend(&mut svg, map, indicator_choice, tr);
    svg.push_str("</svg>");
    svg
}

fn landmarks(svg: &mut String, map: &PlanMap, fit: &Fit) {
    for l in &map.landmarks {
        let points = |part: &Vec<[f64; 2]>| {
            part.iter().map(|p| fit.to_screen(*p)).map(|[x, y]| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ")
        };
        for part in &l.parts {
            let _ = match l.kind {
                LandmarkKind::Boundary => write!(
                    svg,
                    r##"<polygon points="{}" fill="none" stroke="#1e1e1e" stroke-width="1.5" stroke-dasharray="7 4"/>"##,
                    points(part)
                ),
                LandmarkKind::Motorway => write!(
                    svg,
                    r##"<polyline points="{0}" fill="none" stroke="#8a3b12" stroke-width="5"/><polyline points="{0}" fill="none" stroke="#f09a4a" stroke-width="2.5"/>"##,
                    points(part)
                ),
                LandmarkKind::Railway => write!(
                    svg,
                    r##"<polyline points="{0}" fill="none" stroke="#1e1e1e" stroke-width="4"/><polyline points="{0}" fill="none" stroke="white" stroke-width="2" stroke-dasharray="7 7"/>"##,
                    points(part)
                ),
                LandmarkKind::Water => {
                    write!(svg, r##"<polygon points="{}" fill="#cfe3f5" stroke="#3a7cb8"/>"##, points(part))
                }
                LandmarkKind::Station => match part.first().map(|p| fit.to_screen(*p)) {
                    Some([x, y]) => write!(
                        svg,
                        r##"<circle cx="{x:.1}" cy="{y:.1}" r="4.5" fill="white" stroke="#1e1e1e" stroke-width="2"/><text x="{:.1}" y="{:.1}" font-size="10" fill="#1e1e1e" stroke="white" stroke-width="3" paint-order="stroke">{}</text>"##,
                        x + 6.0,
                        y - 6.0,
                        escape(&l.name)
                    ),
                    None => Ok(()),
                },
                LandmarkKind::Place => Ok(()),
            };
        }
    }
}

/// Each area's name (its short name where it has one) at its anchor, haloed so it reads over
/// lines; in print the reader can zoom, so names are never hidden.
fn names(svg: &mut String, map: &PlanMap, m: &Municipality, fit: &Fit) {
    for (area, shape) in m.areas.iter().zip(&map.areas) {
        let [x, y] = fit.to_screen(shape.anchor);
        let name = if area.short_name.is_empty() { &area.name } else { &area.short_name };
        let _ = write!(
            svg,
            r##"<text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="#111111" stroke="white" stroke-width="3" paint-order="stroke">{}</text>"##,
            y + 4.0,
            escape(name)
        );
    }
}

fn legend(svg: &mut String, map: &PlanMap, choice: MapIndicator, tr: Tr<'_>) {
    let top = MAP_HEIGHT + 8.0;
    let _ = write!(
        svg,
        r#"<text x="10" y="{:.1}" font-size="12" font-weight="bold">{}</text>"#,
        top + 4.0,
        escape(&tr.of("legend", choice.key()))
    );
    if choice == MapIndicator::Status {
        let entries = [
            (colours::category(crate::model::Category::Ghetto, true), tr.t("status.listed")),
            (colours::category(crate::model::Category::Forebyggelse, false), tr.t("legend.watch")),
            (colours::category(crate::model::Category::None, false), tr.t("status.short_no_list")),
            (indicator::NOT_APPLICABLE, tr.t("legend.not_estate")),
        ];
        let mut x = 10.0;
        for (colour, text) in entries {
            let _ = write!(
                svg,
                r##"<rect x="{x:.1}" y="{:.1}" width="14" height="14" fill="{}" stroke="#666"/><text x="{:.1}" y="{:.1}" font-size="11">{}</text>"##,
                top + 12.0,
                hex(colour),
                x + 18.0,
                top + 23.0,
                escape(text)
            );
            x += 30.0 + 6.5 * text.chars().count() as f64;
        }
    } else {
        let (low, high) = match choice {
            MapIndicator::OutsideWork => (tr.pct(0.0, 0), tr.pct(0.4, 0) + "+"),
            MapIndicator::AlmenFamilyShare => (tr.pct(0.0, 0), tr.pct(1.0, 0)),
            _ => ("0".to_owned(), format!("10+ {}", tr.t("unit.points"))),
        };
        let _ = write!(svg, r#"<text x="10" y="{:.1}" font-size="11">{}</text>"#, top + 24.0, escape(&low));
        for i in 0..40 {
            let t = f64::from(i) / 40.0;
            let _ = write!(
                svg,
                r#"<rect x="{:.1}" y="{:.1}" width="5" height="14" fill="{}"/>"#,
                40.0 + 5.0 * f64::from(i),
                top + 12.0,
                hex(colours::sequential(t))
            );
        }
        let _ = write!(svg, r#"<text x="248" y="{:.1}" font-size="11">{}</text>"#, top + 24.0, escape(&high));
    }
    let credit = if map.credit.is_empty() { tr.t("map.credit_own").to_owned() } else { map.credit.clone() };
    let note = match map.fidelity {
        Fidelity::ToScale => tr.fill("map.to_scale", &[("credit", &credit)]),
        Fidelity::Schematic => tr.fill("map.schematic", &[("credit", &credit)]),
        Fidelity::Diagram => tr.t("map.diagram").to_owned(),
    };
    let _ = write!(
        svg,
        r#"<text x="10" y="{:.1}" font-size="11" font-style="italic">{}</text>"#,
        top + 46.0,
        escape(&note)
    );
    let kinds: Vec<String> =
        [LandmarkKind::Boundary, LandmarkKind::Railway, LandmarkKind::Station, LandmarkKind::Motorway]
            .into_iter()
            .filter(|k| map.landmarks.iter().any(|l| l.kind == *k))
            .map(|k| tr.of("landmark", k.key()))
            .collect();
    if !kinds.is_empty() {
        let _ =
            write!(svg, r#"<text x="10" y="{:.1}" font-size="11">{}</text>"#, top + 60.0, escape(&kinds.join(" · ")));
    }
}

/// Every area's homes by tenure at a year as stacked bars (shares), with the 40 % line.
pub fn tenure_mix(title: &str, projection: &Projection, year: u16, tr: Tr<'_>) -> String {
    let Some(y) = projection.year_index(year) else { return String::new() };
    let (left, right, row) = (190.0, 20.0, 22.0);
    let top = 10.0;
    let plot = WIDTH - left - right;
    let legend_top = top + row * projection.areas.len() as f64 + 30.0;
    let height = legend_top + 50.0;
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="sans-serif"><title>{}</title><rect width="{WIDTH}" height="{height}" fill="white"/>"#,
        escape(title)
    );
    for (i, area) in projection.areas.iter().enumerate() {
        let at = &area.years[y];
        let homes = at.homes.total();
        let row_top = top + row * i as f64;
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="11">{}</text>"#,
            left - 6.0,
            row_top + 14.0,
            escape(&area.name)
        );
        let mut x = left;
        for tenure in Tenure::ALL {
            let share = if homes > 0.0 { at.homes[tenure] / homes } else { 0.0 };
            let w = share * plot;
            let _ = write!(
                svg,
                r#"<rect x="{x:.1}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="{}"><title>{}: {}</title></rect>"#,
                row_top + 3.0,
                row - 6.0,
                hex(colours::tenure(tenure)),
                escape(&tr.of("tenure", tenure.key())),
                tr.pct(share, 1)
            );
            x += w;
        }
    }
    let line = left + 0.4 * plot;
    let bottom = top + row * projection.areas.len() as f64;
    let _ = write!(
        svg,
        r##"<line x1="{line:.1}" y1="{top:.1}" x2="{line:.1}" y2="{bottom:.1}" stroke="black" stroke-width="2" stroke-dasharray="6 3"/><text x="{line:.1}" y="{:.1}" text-anchor="middle" font-size="11">{}</text>"##,
        bottom + 14.0,
        tr.pct(0.4, 0)
    );
    let mut x = 10.0;
    let mut y_legend = legend_top;
    let entries = Tenure::ALL.iter().map(|t| (hex(colours::tenure(*t)), tr.of("tenure", t.key())));
    for (colour, name) in entries.chain(std::iter::once(("#000000".to_owned(), tr.t("series.line_40").to_owned()))) {
        let width = 30.0 + 6.5 * name.chars().count() as f64;
        if x + width > WIDTH {
            x = 10.0;
            y_legend += 18.0;
        }
        let _ = write!(
            svg,
            r#"<rect x="{x:.1}" y="{:.1}" width="14" height="10" fill="{colour}"/><text x="{:.1}" y="{y_legend:.1}" font-size="11">{}</text>"#,
            y_legend - 9.0,
            x + 18.0,
            escape(&name)
        );
        x += width;
    }
    svg.push_str("</svg>");
    svg
}
