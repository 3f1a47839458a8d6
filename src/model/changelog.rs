//! The change log held to the plan's rules: the log only tells what was done, but the app
//! and the report print it, so the values its edits carry are checked like the plan's own — a
//! count is a count (not −1 homes or 1e308 staff), a share a share, a year a year of the
//! projection, an assumption within its range, no more dots than a vote holds. (Its texts are
//! held to the one text rule in `limits`.)

use super::action::{Action, ActionKind};
use super::assumptions::ParamTable;
use super::plan::Plan;
use super::validate::{Checker, short};

impl Plan {
    /// Every problem with the values the change log's edits carry, each with where.
    pub(super) fn validate_log(&self, check: &mut Checker, table: &ParamTable) {
        use super::PlanEdit as E;
        for (i, entry) in self.change_log.iter().enumerate() {
            let Some(edit) = &entry.edit else { continue };
            let at = format!("change_log[{i}]");
            match edit {
                E::SetHomes { year, from, to, .. } => {
                    check.year(&at, "the year", *year);
                    check.amount(&at, "homes", *from);
                    check.amount(&at, "homes", *to);
                }
                E::AddAction(a) | E::RemoveAction(a) => action_values(check, &at, a),
                E::ChangeAction { before, after } => {
                    action_values(check, &at, before);
                    action_values(check, &at, after);
                }
                E::MoveInstitution { year, .. }
                | E::AssignProfile { year, .. }
                | E::SchoolProfile { year, .. }
                | E::MergeSchools { year, .. } => check.year(&at, "the year", *year),
                E::DemolishedBefore2016 { homes, .. } => check.amount(&at, "homes", *homes),
                E::Capacity { capacity, .. } => check.amount(&at, "capacity", *capacity),
                E::Catchment { districts, .. } if districts.len() > super::limits::MAX_CATCHMENT => {
                    let max = super::limits::MAX_CATCHMENT.to_string();
                    check.report(&at, "catchment_too_long", vec![("count", districts.len().to_string()), ("max", max)]);
                }
                E::Effort { year, count, .. } => {
                    check.year(&at, "the year", *year);
                    check.amount(&at, "count", *count);
                    if *count > 1000.0 {
                        check.report(&at, "too_much_staff", vec![("value", short(*count))]);
                    }
                }
                E::FlexibleLetting { share, year, .. } => {
                    check.year(&at, "the year", *year);
                    check.share(&at, "share", *share);
                }
                E::Assumption { key, value: Some(value) } => match table.get(key) {
                    Some(def) if (def.min..=def.max).contains(value) => {}
                    Some(def) => check.report(
                        &at,
                        "assumption_outside",
                        vec![
                            ("value", short(*value)),
                            ("min", def.min.to_string()),
                            ("max", def.max.to_string()),
                            ("unit", def.unit.clone()),
                        ],
                    ),
                    None => check.report(&at, "unknown_assumption", Vec::new()),
                },
                E::MunicipalAllocation(share) => check.share(&at, "the share", *share),
                E::JointAllocation(Some(year)) => check.year(&at, "the year", *year),
                E::AddVote(v) | E::RemoveVote(v) if v.dots > super::limits::MAX_DOTS => {
                    let max = super::limits::MAX_DOTS.to_string();
                    check.report(&at, "too_many_dots", vec![("dots", v.dots.to_string()), ("max", max)]);
                }
                _ => {}
            }
        }
    }
}

/// The year and the figures of an action in the change log.
fn action_values(check: &mut Checker, at: &str, action: &Action) {
    check.year(at, "the year", action.year);
    match &action.kind {
        ActionKind::Facility { area_m2, .. } => check.amount(at, "area_m2", *area_m2),
        ActionKind::Demolish { count, .. }
        | ActionKind::Build { count, .. }
        | ActionKind::Sell { count, .. }
        | ActionKind::Convert { count, .. }
        | ActionKind::Merge { count, .. } => check.amount(at, "count", *count),
        _ => {}
    }
}
