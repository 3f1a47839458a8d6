//! A plan started again in a later year: the state its projection reaches on 1 January of that
//! year, written as the table a municipality would give then, with what is still to come.
//! Høje-Taastrup 2026 is the replay of what was carried out 2016–2025 restarted in 2026; an
//! analyst can move any plan to today the same way (`by-i-balance restart`).
//!
//! What the table takes from the central run: each area's homes (with those standing empty
//! and the year they are let again), its residents (with anyone displaced who still waits for
//! a home there), its list figures as seeds (education, income, convictions, origin), the
//! years it has been listed, the § 168 a count of demolished homes, commercial floor space, and
//! whether the refusal of applicants on benefits stays with it. What the plan's earlier
//! actions did to places the model carries as data (culture houses, campuses, institutions
//! moved or merged, district and school profiles) is carried out on the table. Actions, efforts
//! and letting rules from the year on stay, a building project under way keeps its remaining
//! years. Households the earlier years displaced out of the municipality, or left without a
//! home, are history: the restarted plan counts who its own decisions displace.

use crate::assets::Library;
use crate::model::limits::{self, shown};
use crate::model::{
    ActionKind, Area, Baseline, EmptyHomes, FacilityKind, InstitutionKind, Municipality, Plan, PlanProblem, Tenure,
};
use crate::sim::AreaOn;

/// Why a plan cannot be restarted in a year.
#[derive(Debug, thiserror::Error)]
pub enum RestartError {
    #[error("'{plan}' runs {first}–{last}; it can be restarted in {after}–{latest}, not in {year}")]
    Year { plan: String, first: u16, last: u16, after: u16, latest: u16, year: u16 },
    #[error("the restarted plan cannot be used: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<PlanProblem>),
}

/// `plan` restarted on 1 January of `year`: its projected state then as the new plan's table,
/// its decisions from the year on as the new plan's, compared with its own start.
pub fn restart(library: &Library, plan: &Plan, year: u16) -> Result<Plan, RestartError> {
    let span = plan.span();
    let latest = span.last.min(crate::model::LATEST_START);
    if year <= span.first || year > latest {
        let (first, last, after) = (span.first, span.last, span.first + 1);
        return Err(RestartError::Year { plan: plan.name.clone(), first, last, after, latest, year });
    }
    let (params, _) = crate::engine::resolve(library, plan);
    let inputs = crate::engine::inputs(library, plan, &params);
    let Some(state) = crate::sim::areas_on(plan, inputs, year) else {
        let (first, last, after) = (span.first, span.last, span.first + 1);
        return Err(RestartError::Year { plan: plan.name.clone(), first, last, after, latest, year });
    };
    let mut municipality = plan.municipality.clone();
    carry_out_on_places(&mut municipality, plan, year);
    for ((area, on), old) in municipality.areas.iter_mut().zip(&state).zip(&plan.municipality.areas) {
        *area = area_on(area, on, old, plan, year);
    }
    let restarted = Plan {
        name: shown(&format!("{} {year}", plan.name), limits::MAX_NAME_CHARS - 1),
        notes: shown(
            &format!(
                "Restarted on 1 January {year} from '{}' as projected then (the model's central run); its decisions \
                 from {year} on are kept.",
                plan.name
            ),
            limits::MAX_NOTES_CHARS - 1,
        ),
        start_year: year,
        baseline: Baseline::Start,
        municipality,
        actions: remaining_actions(plan, year),
        efforts: plan
            .efforts
            .iter()
            .filter(|e| e.to_year >= year)
            .map(|e| crate::model::Effort { from_year: e.from_year.max(year), ..e.clone() })
            .collect(),
        letting: crate::model::Letting {
            flexible: plan
                .letting
                .flexible
                .iter()
                .map(|f| crate::model::FlexibleLetting { from_year: f.from_year.max(year), ..f.clone() })
                .collect(),
            joint_allocation_from: plan.letting.joint_allocation_from.map(|from| from.max(year)),
            ..plan.letting.clone()
        },
        change_log: Vec::new(),
        comments: Vec::new(),
        votes: Vec::new(),
        ..plan.clone()
    };
    let problems = restarted.validate(&library.table);
    if problems.is_empty() { Ok(restarted) } else { Err(RestartError::Invalid(problems)) }
}

/// A count as a table writes it: to a thousandth (a file of whole figures reads as one).
fn count(value: f64) -> f64 {
    (value * 1_000.0).round() / 1_000.0
}

/// A share or ratio as a table writes it: to six decimals.
fn share(value: f64) -> f64 {
    (value * 1_000_000.0).round() / 1_000_000.0
}

/// An area as the run finds it on 1 January of `year`, as a table row of that year.
fn area_on(area: &Area, on: &AreaOn, old: &Area, plan: &Plan, year: u16) -> Area {
    let i = &on.indicators;
    let working = on.residents.working_age();
    let mut held = area.held.clone();
    held.convicted_share = share(i.convicted_share.clamp(0.0, 1.0));
    held.non_western_share = share(i.non_western_share.clamp(0.0, 1.0));
    held.convicted_by_year.retain(|(at, _)| *at > year);
    held.non_western_by_year.retain(|(at, _)| *at > year);
    held.basic_schooling_2016 = (working > 0.0).then_some(share(i.basic_schooling_share.clamp(0.0, 1.0)));
    held.income_2016 = (working > 0.0).then_some(share(i.income_ratio.clamp(0.05, 5.0)));
    let most_listed = u32::from(year.saturating_sub(limits::FIRST_LIST_YEAR));
    held.years_listed_before_2016 =
        if on.status.listed { on.status.consecutive_years.saturating_sub(1).min(most_listed) } else { 0 };
    held.refusal_rule_carried = on.refusal_rule_carried;
    held.source = shown(
        &format!("Projected from '{}' to 1 January {year}. Before: {}", plan.name, old.held.source),
        limits::MAX_TEXT_CHARS - 1,
    );
    Area {
        homes: crate::model::PerTenure::from_fn(|t| count(on.homes[t])),
        residents: crate::model::PerGroup::from_fn(|g| count(on.residents[g])),
        held,
        commercial_m2: count(on.commercial_m2),
        demolished_2011_2015: count(on.demolished_counted),
        empty_homes: empty_on(area, on, plan, year),
        ..area.clone()
    }
}

/// The homes standing empty on 1 January of `year`, each with the year it is let again: that
/// of the emptying still under way (latest first), or of the plan's own empty homes, or the
/// first year.
fn empty_on(area: &Area, on: &AreaOn, plan: &Plan, year: u16) -> Vec<EmptyHomes> {
    let mut pending: Vec<(Tenure, f64, u16)> = plan
        .actions
        .iter()
        .filter(|a| a.year < year)
        .filter_map(|a| match &a.kind {
            ActionKind::Empty { area: at, tenure, count, years } if *at == area.id => {
                Some((*tenure, *count, a.year.saturating_add(*years)))
            }
            _ => None,
        })
        .filter(|(_, _, again)| *again >= year)
        .chain(area.empty_homes.iter().filter(|e| e.let_again >= year).map(|e| (e.tenure, e.count, e.let_again)))
        .collect();
    pending.sort_by_key(|(_, _, again)| std::cmp::Reverse(*again));
    let mut out = Vec::new();
    for tenure in Tenure::ALL {
        let mut left = on.empty_homes[tenure];
        for &(_, amount, again) in pending.iter().filter(|(t, _, _)| *t == tenure) {
            let here = count(amount.min(left));
            if here > 0.0 {
                out.push(EmptyHomes { tenure, count: here, let_again: again });
                left -= here;
            }
        }
        if count(left) > 0.0 {
            out.push(EmptyHomes { tenure, count: count(left), let_again: year });
        }
    }
    out
}

/// The plan's actions from `year` on, with the remaining years of a building project under way.
fn remaining_actions(plan: &Plan, year: u16) -> Vec<crate::model::Action> {
    plan.actions
        .iter()
        .filter_map(|action| {
            if action.year >= year {
                return Some(action.clone());
            }
            let ActionKind::Build { area, tenure, count, over_years } = &action.kind else { return None };
            let ends = action.year.saturating_add(*over_years);
            (ends > year).then(|| {
                let left = ends - year;
                let kind = ActionKind::Build {
                    area: area.clone(),
                    tenure: *tenure,
                    count: count * f64::from(left) / f64::from((*over_years).max(1)),
                    over_years: left,
                };
                crate::model::Action { year, kind, ..action.clone() }
            })
        })
        .collect()
}

/// What the actions before `year` did to places: culture houses and campuses built, profiles
/// given, institutions moved, schools merged or profiled, in the order the engine carries
/// them out (by year, then as listed).
fn carry_out_on_places(m: &mut Municipality, plan: &Plan, year: u16) {
    let mut earlier: Vec<&crate::model::Action> = plan.actions.iter().filter(|a| a.year < year).collect();
    earlier.sort_by_key(|a| a.year);
    for action in earlier {
        match &action.kind {
            ActionKind::Facility { area, facility, area_m2 } => {
                if let Some(a) = m.areas.iter_mut().find(|a| a.id == *area) {
                    match facility {
                        FacilityKind::CultureHouse => a.culture_house_m2 += area_m2,
                        FacilityKind::Campus => a.campus_m2 += area_m2,
                        // In the run's commercial floor space already.
                        FacilityKind::Commercial => {}
                    }
                }
            }
            ActionKind::AssignProfile { district, profile } => {
                if let Some(d) = m.districts.iter_mut().find(|d| d.id == *district) {
                    d.profile.clone_from(profile);
                }
            }
            ActionKind::MoveInstitution { institution, district } => {
                if let Some(inst) = m.institutions.iter_mut().find(|x| x.id == *institution) {
                    inst.district.clone_from(district);
                    if inst.kind == InstitutionKind::School && !inst.catchment.contains(district) {
                        inst.catchment.push(district.clone());
                    }
                }
            }
            ActionKind::SchoolProfile { school, profile } => {
                if let Some(inst) = m.institutions.iter_mut().find(|x| x.id == *school) {
                    inst.profile.clone_from(profile);
                }
            }
            ActionKind::MergeSchools { school, into } => merge_school(m, school, into),
            _ => {}
        }
    }
}

/// A school merged into another: the other serves its district and catchment from then on.
fn merge_school(m: &mut Municipality, school: &str, into: &str) {
    if school == into || !m.institutions.iter().any(|x| x.id == into) {
        return;
    }
    let Some(at) = m.institutions.iter().position(|x| x.id == school) else { return };
    let merged = m.institutions.remove(at);
    if let Some(target) = m.institutions.iter_mut().find(|x| x.id == into) {
        for district in std::iter::once(merged.district).chain(merged.catchment) {
            if district != target.district && !target.catchment.contains(&district) {
                target.catchment.push(district);
            }
        }
        target.capacity += merged.capacity;
    }
}
