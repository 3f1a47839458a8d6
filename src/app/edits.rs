//! What a participant can do to a plan, as plain functions on [`Plan`]: set an area's homes at a
//! year, move an institution, give a district a profile, set an effort, and so on. Each turns a
//! gesture on the screen into the plan's timed actions and policies; the session validates the
//! result and keeps it for undo.
//!
//! The year convention: the screen shows the state on 1 January of the slider's year, so an edit
//! made "in" year Y becomes an action carried out during Y − 1 and shows from Y on (2016 is the
//! starting point, so edits there are carried out during 2016 and show from 2017).

use crate::model::{Action, ActionKind, Effort, EffortKind, FIRST_YEAR, FlexibleLetting, LAST_YEAR, Plan, Tenure};
use crate::sim::Projection;

/// The year an action must carry so that it shows on 1 January of `view_year`.
pub fn action_year_for(view_year: u16) -> u16 {
    view_year.saturating_sub(1).clamp(FIRST_YEAR, LAST_YEAR - 1)
}

/// The year whose figures first show an action of `action_year`.
pub fn shows_from(action_year: u16) -> u16 {
    (action_year + 1).min(LAST_YEAR)
}

/// Sets an area's homes of one tenure to `target` from `view_year` on, by adjusting (or adding)
/// the build or demolish action of that area, tenure and year. Returns false if nothing changed.
pub fn set_homes(
    plan: &mut Plan,
    projection: &Projection,
    area: &str,
    tenure: Tenure,
    view_year: u16,
    target: f64,
) -> bool {
    let shown_year = shows_from(action_year_for(view_year));
    let Some(now) =
        projection.area(area).and_then(|a| projection.year_index(shown_year).map(|i| a.years[i].homes[tenure]))
    else {
        return false;
    };
    let target = target.max(0.0).round();
    let delta = target - now.round();
    if delta == 0.0 {
        return false;
    }
    let year = action_year_for(view_year);
    let existing = plan.actions.iter().position(|a| {
        a.year == year
            && matches!(&a.kind,
                ActionKind::Build { area: x, tenure: t, over_years: 1, .. }
                | ActionKind::Demolish { area: x, tenure: t, .. } if x == area && *t == tenure)
    });
    let net = delta
        + existing.map_or(0.0, |i| match plan.actions[i].kind {
            ActionKind::Build { count, .. } => count,
            ActionKind::Demolish { count, .. } => -count,
            _ => 0.0,
        });
    let kind = if net > 0.0 {
        Some(ActionKind::Build { area: area.to_owned(), tenure, count: net, over_years: 1 })
    } else if net < 0.0 {
        Some(ActionKind::Demolish { area: area.to_owned(), tenure, count: -net })
    } else {
        None
    };
    match (existing, kind) {
        (Some(i), Some(kind)) => plan.actions[i].kind = kind,
        (Some(i), None) => {
            plan.actions.remove(i);
        }
        (None, Some(kind)) => plan.actions.push(Action { year, kind, note: String::new() }),
        (None, None) => return false,
    }
    true
}

/// The district an institution is in on 1 January of `year`.
pub fn institution_district(plan: &Plan, institution: &str, year: u16) -> Option<String> {
    let mut district = plan.municipality.institution(institution)?.district.clone();
    for action in actions_in_effect(plan, year) {
        if let ActionKind::MoveInstitution { institution: i, district: d } = &action.kind
            && i == institution
        {
            district.clone_from(d);
        }
    }
    Some(district)
}

/// Whether a school still runs on 1 January of `year` (it has not merged into another).
pub fn institution_active(plan: &Plan, institution: &str, year: u16) -> bool {
    !actions_in_effect(plan, year)
        .any(|a| matches!(&a.kind, ActionKind::MergeSchools { school, .. } if school == institution))
}

/// Whether a school has a strong profile on 1 January of `year`.
pub fn school_has_profile(plan: &Plan, school: &str, year: u16) -> bool {
    let mut has = plan.municipality.institution(school).is_some_and(|i| i.profile.is_some());
    for action in actions_in_effect(plan, year) {
        if let ActionKind::SchoolProfile { school: s, profile } = &action.kind
            && s == school
        {
            has = profile.is_some();
        }
    }
    has
}

/// The profile a district holds on 1 January of `year`.
pub fn district_profile(plan: &Plan, district: &str, year: u16) -> Option<String> {
    let mut profile = plan.municipality.district(district)?.profile.clone();
    for action in actions_in_effect(plan, year) {
        if let ActionKind::AssignProfile { district: d, profile: p } = &action.kind
            && d == district
        {
            profile.clone_from(p);
        }
    }
    profile
}

/// Where every institution stands, which schools have merged away, and each district's profile
/// on 1 January of `year`: the three questions the map asks, answered in one pass over the
/// actions (asking per institution would replay the actions a thousand times on a large plan).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlacesAt {
    /// Institution id → district id, for the institutions still running.
    pub institutions: std::collections::HashMap<String, String>,
    /// District id → profile id.
    pub profiles: std::collections::HashMap<String, String>,
}

pub fn places_at(plan: &Plan, year: u16) -> PlacesAt {
    let m = &plan.municipality;
    let mut places = PlacesAt {
        institutions: m.institutions.iter().map(|i| (i.id.clone(), i.district.clone())).collect(),
        profiles: m.districts.iter().filter_map(|d| Some((d.id.clone(), d.profile.clone()?))).collect(),
    };
    for action in actions_in_effect(plan, year) {
        match &action.kind {
            ActionKind::MoveInstitution { institution, district } => {
                if let Some(at) = places.institutions.get_mut(institution) {
                    at.clone_from(district);
                }
            }
            ActionKind::MergeSchools { school, .. } => {
                places.institutions.remove(school);
            }
            ActionKind::AssignProfile { district, profile: Some(p) } => {
                places.profiles.insert(district.clone(), p.clone());
            }
            ActionKind::AssignProfile { district, profile: None } => {
                places.profiles.remove(district);
            }
            _ => {}
        }
    }
    places
}

/// The actions that show on 1 January of `year`, in the order they were carried out.
fn actions_in_effect(plan: &Plan, year: u16) -> impl Iterator<Item = &Action> {
    let mut actions: Vec<&Action> = plan.actions.iter().filter(|a| a.year < year).collect();
    actions.sort_by_key(|a| a.year);
    actions.into_iter()
}

/// Replaces the action of the same kind and target in the same year, or adds it.
fn put_action(plan: &mut Plan, year: u16, kind: ActionKind, same: impl Fn(&ActionKind) -> bool) {
    if let Some(existing) = plan.actions.iter_mut().find(|a| a.year == year && same(&a.kind)) {
        existing.kind = kind;
    } else {
        plan.actions.push(Action { year, kind, note: String::new() });
    }
}

/// Moves an institution to a district from `view_year` on. False if it is already there.
pub fn move_institution(plan: &mut Plan, institution: &str, district: &str, view_year: u16) -> bool {
    let year = action_year_for(view_year);
    if institution_district(plan, institution, shows_from(year)).as_deref() == Some(district) {
        return false;
    }
    let kind = ActionKind::MoveInstitution { institution: institution.to_owned(), district: district.to_owned() };
    put_action(
        plan,
        year,
        kind,
        |k| matches!(k, ActionKind::MoveInstitution { institution: i, .. } if i == institution),
    );
    true
}

/// Gives a district a profile (or takes it away) from `view_year` on. False if unchanged.
pub fn assign_profile(plan: &mut Plan, district: &str, profile: Option<&str>, view_year: u16) -> bool {
    let year = action_year_for(view_year);
    if district_profile(plan, district, shows_from(year)).as_deref() == profile {
        return false;
    }
    let kind = ActionKind::AssignProfile { district: district.to_owned(), profile: profile.map(str::to_owned) };
    put_action(plan, year, kind, |k| matches!(k, ActionKind::AssignProfile { district: d, .. } if d == district));
    true
}

/// The staff (or course rounds) of one effort kind in an area in `year`.
pub fn effort_count(plan: &Plan, kind: EffortKind, area: &str, year: u16) -> f64 {
    plan.efforts
        .iter()
        .filter(|e| e.kind == kind && e.area == area && (e.from_year..=e.to_year).contains(&year))
        .map(|e| e.count)
        .sum()
}

/// Sets an effort in an area to `count` from `view_year` to 2040: efforts already running then
/// end the year before, and a count of 0 leaves none from that year.
pub fn set_effort(plan: &mut Plan, kind: EffortKind, area: &str, view_year: u16, count: f64) {
    let from = action_year_for(view_year);
    plan.efforts.retain(|e| !(e.kind == kind && e.area == area && e.from_year >= from));
    for e in plan.efforts.iter_mut().filter(|e| e.kind == kind && e.area == area && e.to_year >= from) {
        e.to_year = from - 1;
    }
    if count > 0.0 {
        plan.efforts.push(Effort { kind, area: area.to_owned(), count, from_year: from, to_year: LAST_YEAR });
    }
}

/// The share of almene vacancies let flexibly in an area (0 if none).
pub fn flexible_share(plan: &Plan, area: &str) -> f64 {
    plan.letting.flexible.iter().find(|f| f.area == area).map_or(0.0, |f| f.share)
}

/// Sets flexible letting in an area from `view_year` (a share of 0 removes it).
pub fn set_flexible(plan: &mut Plan, area: &str, share: f64, view_year: u16) {
    let from_year = action_year_for(view_year);
    plan.letting.flexible.retain(|f| f.area != area);
    if share > 0.0 {
        plan.letting.flexible.push(FlexibleLetting { area: area.to_owned(), share, from_year });
    }
}

/// Sets an assumption, or resets it to the shipped value with `None`.
pub fn set_assumption(plan: &mut Plan, key: &str, value: Option<f64>) {
    match value {
        Some(v) => {
            plan.assumptions.insert(key.to_owned(), v);
        }
        None => {
            plan.assumptions.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::{self, Library};

    fn visionsplan() -> (Plan, Projection) {
        let plan = assets::shipped_plan("visionsplan-2016.ron").unwrap();
        let projection = project(&plan);
        (plan, projection)
    }

    fn project(plan: &Plan) -> Projection {
        crate::engine::project(&Library::load().unwrap(), plan)
    }

    fn homes_in(projection: &Projection, area: &str, tenure: Tenure, year: u16) -> f64 {
        projection.area(area).unwrap().years[projection.year_index(year).unwrap()].homes[tenure]
    }

    #[test]
    fn setting_homes_twice_in_a_year_adjusts_one_action_and_back_removes_it() {
        let (mut plan, projection) = visionsplan();
        let before = plan.actions.len();
        let owned = |p: &Projection| homes_in(p, "charlotteager", Tenure::OwnerOccupied, 2030);
        let start = owned(&projection);
        assert!(set_homes(&mut plan, &projection, "charlotteager", Tenure::OwnerOccupied, 2030, start + 50.0));
        assert_eq!(plan.actions.len(), before + 1);
        assert_eq!(plan.actions[before].year, 2029);
        assert!(matches!(plan.actions[before].kind, ActionKind::Build { count: 50.0, .. }));
        let projection = project(&plan);
        assert!((owned(&projection) - (start + 50.0)).abs() < 0.5, "the projection shows the 50 new homes in 2030");
        assert!(set_homes(&mut plan, &projection, "charlotteager", Tenure::OwnerOccupied, 2030, start - 20.0));
        assert_eq!(plan.actions.len(), before + 1, "the same action is adjusted");
        assert!(matches!(plan.actions[before].kind, ActionKind::Demolish { count: 20.0, .. }));
        let projection = project(&plan);
        assert!(set_homes(&mut plan, &projection, "charlotteager", Tenure::OwnerOccupied, 2030, start));
        assert_eq!(plan.actions.len(), before, "back at the start, the action is gone");
    }

    #[test]
    fn moving_an_institution_is_seen_from_the_view_year_and_not_before() {
        let (mut plan, _) = visionsplan();
        assert_eq!(institution_district(&plan, "selsmoseskolen", 2025).as_deref(), Some("kjeld-abells"));
        assert!(move_institution(&mut plan, "selsmoseskolen", "gregersens", 2025));
        assert_eq!(institution_district(&plan, "selsmoseskolen", 2024).as_deref(), Some("kjeld-abells"));
        assert_eq!(institution_district(&plan, "selsmoseskolen", 2025).as_deref(), Some("gregersens"));
        assert!(!move_institution(&mut plan, "selsmoseskolen", "gregersens", 2025), "already there");
    }

    #[test]
    fn an_effort_set_from_a_year_ends_the_one_before_it() {
        let (mut plan, _) = visionsplan();
        set_effort(&mut plan, EffortKind::JobConsultants, "charlotteager", 2020, 4.0);
        set_effort(&mut plan, EffortKind::JobConsultants, "charlotteager", 2030, 1.0);
        assert_eq!(effort_count(&plan, EffortKind::JobConsultants, "charlotteager", 2025), 4.0);
        assert_eq!(effort_count(&plan, EffortKind::JobConsultants, "charlotteager", 2035), 1.0);
        set_effort(&mut plan, EffortKind::JobConsultants, "charlotteager", 2030, 0.0);
        assert_eq!(effort_count(&plan, EffortKind::JobConsultants, "charlotteager", 2035), 0.0);
    }
}
