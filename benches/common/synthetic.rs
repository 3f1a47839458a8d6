//! Synthetic large plans for the benchmarks: a shipped plan copied side by side (beyond the
//! loader's limit of 1,000 areas if asked: only code builds such plans, no file can hold one),
//! and a map for it with an outline of forty points per area.

use by_i_balance::assets;
use by_i_balance::model::{ActionKind, AreaOutline, Coordinates, MapData, MapSource, Plan};

/// The Visionsplan copied side by side until it has at least `areas` areas.
pub fn synthetic_plan(areas: usize) -> Plan {
    copied("visionsplan-2016.ron", areas)
}

/// The shipped plan `file` copied side by side until it has at least `areas` areas: every copy
/// has its own districts, institutions, actions and efforts, with ids suffixed by the copy's
/// number. Copies of two shipped plans with the same municipality share their municipality.
pub fn copied(file: &str, areas: usize) -> Plan {
    let base = assets::shipped_plan(file).expect("the plan ships");
    let per_copy = base.municipality.areas.len();
    let copies = areas.div_ceil(per_copy);
    let mut plan = base.clone();
    let m = &mut plan.municipality;
    m.areas.clear();
    m.districts.clear();
    m.institutions.clear();
    plan.actions.clear();
    plan.efforts.clear();
    let suffix = |id: &str, copy: usize| format!("{id}-{copy}");
    for copy in 0..copies {
        for area in &base.municipality.areas {
            let mut area = area.clone();
            area.id = suffix(&area.id, copy);
            area.district = suffix(&area.district, copy);
            m.areas.push(area);
        }
        for district in &base.municipality.districts {
            let mut district = district.clone();
            district.id = suffix(&district.id, copy);
            m.districts.push(district);
        }
        for inst in &base.municipality.institutions {
            let mut inst = inst.clone();
            inst.id = suffix(&inst.id, copy);
            inst.district = suffix(&inst.district, copy);
            inst.catchment = inst.catchment.iter().map(|d| suffix(d, copy)).collect();
            m.institutions.push(inst);
        }
        for action in &base.actions {
            let mut action = action.clone();
            match &mut action.kind {
                ActionKind::Demolish { area, .. }
                | ActionKind::Build { area, .. }
                | ActionKind::Sell { area, .. }
                | ActionKind::Convert { area, .. }
                | ActionKind::Merge { area, .. }
                | ActionKind::Facility { area, .. } => *area = suffix(area, copy),
                ActionKind::MoveInstitution { institution, district } => {
                    *institution = suffix(institution, copy);
                    *district = suffix(district, copy);
                }
                ActionKind::AssignProfile { district, .. } => *district = suffix(district, copy),
                ActionKind::MergeSchools { school, into } => {
                    *school = suffix(school, copy);
                    *into = suffix(into, copy);
                }
                ActionKind::SchoolProfile { school, .. } => *school = suffix(school, copy),
            }
            plan.actions.push(action);
        }
        for effort in &base.efforts {
            let mut effort = effort.clone();
            effort.area = suffix(&effort.area, copy);
            plan.efforts.push(effort);
        }
    }
    // The copies carry their original's action numbers: give every action its own.
    plan.number_actions();
    plan
}

/// The plan with a map: the areas as cells of a grid (40 per row) whose edges wave, ten points
/// to an edge, shared exactly by neighbouring cells, about 400 × 280 m each, at 55.6° N.
#[allow(dead_code)] // Used by the frame benchmark, not by the projection benchmark.
pub fn with_map(mut plan: Plan) -> Plan {
    let (columns, width, height) = (40_usize, 0.006_f64, 0.0025_f64);
    let point = |x: f64, y: f64| [12.0 + x * width, 55.6 + y * height];
    // A point along the edge from a to b (grid units), pushed sideways by a wave that is zero at
    // the corners and depends only on the edge, so both cells on it agree.
    let along = |a: (f64, f64), b: (f64, f64), t: f64| {
        let wave = 0.12 * (std::f64::consts::PI * t).sin() * if (a.0 + a.1) as i64 % 2 == 0 { 1.0 } else { -1.0 };
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        point(a.0 + dx * t - dy * wave, a.1 + dy * t + dx * wave)
    };
    let edge = |a: (f64, f64), b: (f64, f64)| -> Vec<[f64; 2]> {
        let (first, second) = if (a.0, a.1) <= (b.0, b.1) { (a, b) } else { (b, a) };
        let mut points: Vec<[f64; 2]> = (0..10).map(|k| along(first, second, f64::from(k) / 10.0)).collect();
        if first != a {
            points.push(point(second.0, second.1));
            points.reverse();
            points.pop();
        }
        points
    };
    let areas = plan
        .municipality
        .areas
        .iter()
        .enumerate()
        .map(|(i, area)| {
            let (x, y) = ((i % columns) as f64, (i / columns) as f64);
            let corners = [(x, y), (x + 1.0, y), (x + 1.0, y + 1.0), (x, y + 1.0)];
            let mut ring: Vec<[f64; 2]> = (0..4).flat_map(|k| edge(corners[k], corners[(k + 1) % 4])).collect();
            ring.push(ring[0]);
            AreaOutline { area: area.id.clone(), polygons: vec![vec![ring]] }
        })
        .collect();
    plan.municipality.map = MapSource::Embedded(MapData {
        coordinates: Coordinates::Wgs84,
        schematic: false,
        credit: "benchmark".to_owned(),
        areas,
        landmarks: Vec::new(),
    });
    plan
}
