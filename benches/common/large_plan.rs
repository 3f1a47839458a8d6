//! The frame benchmark's large plan: the Visionsplan copied side by side up to 1,000 areas
//! within every limit a plan is checked against, with a map of a forty-point outline per area.
//! (The projection benchmarks copy the Visionsplan without these limits or a map: `synthetic.rs`.)

use by_i_balance::assets;
use by_i_balance::model::{Action, ActionKind, AreaOutline, Coordinates, MapData, MapSource, Plan};

/// Copies of the Visionsplan that share one set of districts, institutions, actions and
/// efforts: a thousand areas then stay within the limits (500 districts, 500 institutions,
/// 2,000 actions).
const COPIES_PER_GROUP: usize = 3;

fn suffix(id: &str, n: usize) -> String {
    format!("{id}-{n}")
}

/// The Visionsplan copied side by side until it has `areas` areas (at most the plan limit), on
/// a map: every copy has its own areas; every group of [`COPIES_PER_GROUP`] copies has its own
/// districts, institutions, actions and efforts (on the group's first copy), ids suffixed by the
/// copy's or the group's number. A last, partial copy drops what refers to the areas it lacks.
pub fn large_plan(areas: usize) -> Plan {
    let vision = assets::shipped_plan("visionsplan-2016.ron").expect("the Visionsplan ships");
    let areas = areas.min(by_i_balance::model::limits::MAX_AREAS);
    let copies = areas.div_ceil(vision.municipality.areas.len());
    let mut plan = vision.clone();
    let m = &mut plan.municipality;
    m.areas.clear();
    m.districts.clear();
    m.institutions.clear();
    plan.actions.clear();
    plan.efforts.clear();
    for copy in 0..copies {
        let group = copy / COPIES_PER_GROUP;
        for area in vision.municipality.areas.iter().take(areas - m.areas.len()) {
            let mut area = area.clone();
            area.id = suffix(&area.id, copy);
            area.district = suffix(&area.district, group);
            m.areas.push(area);
        }
        if copy % COPIES_PER_GROUP != 0 {
            continue;
        }
        for district in &vision.municipality.districts {
            let mut district = district.clone();
            district.id = suffix(&district.id, group);
            m.districts.push(district);
        }
        for inst in &vision.municipality.institutions {
            let mut inst = inst.clone();
            inst.id = suffix(&inst.id, group);
            inst.district = suffix(&inst.district, group);
            inst.catchment = inst.catchment.iter().map(|d| suffix(d, group)).collect();
            m.institutions.push(inst);
        }
        plan.actions.extend(vision.actions.iter().map(|a| copied_action(a, copy, group)));
        for effort in &vision.efforts {
            let mut effort = effort.clone();
            effort.area = suffix(&effort.area, copy);
            plan.efforts.push(effort);
        }
    }
    let known: std::collections::HashSet<String> = m.areas.iter().map(|a| a.id.clone()).collect();
    plan.actions.retain(|a| a.kind.area().is_none_or(|area| known.contains(area)));
    plan.efforts.retain(|e| known.contains(&e.area));
    with_map(plan)
}

/// An action of the Visionsplan for a copy: areas of the copy, the rest of its group.
fn copied_action(action: &Action, copy: usize, group: usize) -> Action {
    let mut action = action.clone();
    match &mut action.kind {
        ActionKind::Demolish { area, .. }
        | ActionKind::Build { area, .. }
        | ActionKind::Sell { area, .. }
        | ActionKind::Convert { area, .. }
        | ActionKind::Merge { area, .. }
        | ActionKind::Empty { area, .. }
        | ActionKind::Facility { area, .. } => *area = suffix(area, copy),
        ActionKind::MoveInstitution { institution, district } => {
            *institution = suffix(institution, group);
            *district = suffix(district, group);
        }
        ActionKind::AssignProfile { district, .. } => *district = suffix(district, group),
        ActionKind::MergeSchools { school, into } => {
            *school = suffix(school, group);
            *into = suffix(into, group);
        }
        ActionKind::SchoolProfile { school, .. } => *school = suffix(school, group),
    }
    action
}

/// The plan with a map: the areas as cells of a grid (40 per row) whose edges wave, ten points
/// to an edge, shared exactly by neighbouring cells, about 400 × 280 m each, at 55.6° N.
fn with_map(mut plan: Plan) -> Plan {
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
