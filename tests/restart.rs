//! A plan started again in a later year (issue "From today, for any municipality"): the
//! restarted plan's first year is the state the original run reached, so a room that moves to
//! today starts where the replay of what happened left off; and Høje-Taastrup 2026 ships built
//! that way.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use by_i_balance::assets::{self, Library};
use by_i_balance::model::{Group, Plan, Tenure};
use by_i_balance::sim::Projection;

const REPLAY: &str = "det-der-skete-2016-2025.ron";

/// Says where the first year of `restarted` differs from `original`'s year `year`, area by
/// area: homes, residents, the list's figures, the status and the § 168 a share.
fn differences(original: &Projection, restarted: &Projection, year: u16) -> Vec<String> {
    let (i, j) = (original.year_index(year).unwrap(), restarted.year_index(year).unwrap());
    assert_eq!(j, 0, "the restarted plan starts in {year}");
    let mut found = Vec::new();
    for (a, b) in original.areas.iter().zip(&restarted.areas) {
        assert_eq!(a.id, b.id);
        let (x, y) = (&a.years[i], &b.years[j]);
        let mut near = |what: &str, p: f64, q: f64, tolerance: f64| {
            if (p - q).abs() > tolerance {
                found.push(format!("{} {what}: {p:.4} in the replay, {q:.4} restarted", a.id));
            }
        };
        for t in Tenure::ALL {
            near(&format!("homes {}", t.key()), x.homes[t], y.homes[t], 0.01);
        }
        for g in Group::ALL {
            near(&format!("residents {}", g.key()), x.residents[g], y.residents[g], 0.01);
        }
        let (p, q) = (&x.indicators, &y.indicators);
        near("outside work", p.outside_work_share, q.outside_work_share, 1e-5);
        near("basic schooling", p.basic_schooling_share, q.basic_schooling_share, 1e-5);
        near("income", p.income_ratio, q.income_ratio, 1e-5);
        near("convicted", p.convicted_share, q.convicted_share, 1e-6);
        near("non-Western", p.non_western_share, q.non_western_share, 1e-6);
        near("§ 168 a share", x.almen_family_share_168a, y.almen_family_share_168a, 1e-5);
        if x.status.category != y.status.category || x.status.consecutive_years != y.status.consecutive_years {
            found.push(format!("{} status: {:?} in the replay, {:?} restarted", a.id, x.status, y.status));
        }
    }
    found
}

#[test]
fn the_replay_restarted_in_2026_starts_where_the_replay_is_in_2026() {
    let library = Library::load().unwrap();
    let replay = assets::shipped_plan(REPLAY).unwrap();
    let restarted = by_i_balance::restart::restart(&library, &replay, 2026).unwrap();
    assert_eq!(restarted.start_year, 2026);
    assert!(restarted.actions.iter().all(|a| a.year >= 2026), "what was carried out is in the table, not the plan");
    let (original, again) =
        (by_i_balance::engine::project(&library, &replay), by_i_balance::engine::project(&library, &restarted));
    assert_eq!(again.years.first(), Some(&2026));
    let found = differences(&original, &again, 2026);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The shipped starting point of today: its Basisforløb starts where the replay is in 2026, and
/// Høje-Taastrup 2026 is that table with the decisions still to take.
#[test]
fn hoeje_taastrup_2026_and_its_basisforloeb_start_where_the_replay_is() {
    let library = Library::load().unwrap();
    let replay = by_i_balance::engine::project(&library, &assets::shipped_plan(REPLAY).unwrap());
    for name in ["basisforloeb-2026.ron", "hoeje-taastrup-2026.ron"] {
        let plan: Plan = assets::shipped_plan(name).unwrap();
        assert_eq!(plan.start_year, 2026, "{name}");
        assert!(plan.validate(&library.table).is_empty(), "{name}: {:?}", plan.validate(&library.table));
        let projection = by_i_balance::engine::project(&library, &plan);
        let found = differences(&replay, &projection, 2026);
        assert!(
            found.is_empty(),
            "{name} no longer starts where the replay is in 2026 (the model changed: write it again with \
             `by-i-balance restart saves/{REPLAY} --year 2026 --decisions saves/{name} -o saves/{name}`):\n{}",
            found.join("\n")
        );
    }
    let plan = assets::shipped_plan("hoeje-taastrup-2026.ron").unwrap();
    assert_eq!(plan.baseline, by_i_balance::model::Baseline::Shipped("basisforloeb-2026.ron".into()));
    assert!(plan.actions.iter().all(|a| !a.note.is_empty()), "every decision still to take names its source");
}
