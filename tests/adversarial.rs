//! The balance score is tested by search: if a search over plans can find a high score for a
//! plan no housing official would call balanced, the score is wrong, not the search. Thousands
//! of random plans over every lever (homes demolished, sold, converted or merged up to all of
//! an area's almene family homes, homes built, flexible letting, allocation, job consultants),
//! each projected centrally: the best-scoring are plans that mix, not plans that remove the
//! almene family homes people need without replacing them.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::assets::{self, Library};
use by_i_balance::engine;
use by_i_balance::model::{Plan, Tenure};
use by_i_balance::search::{self, random};
use by_i_balance::sim::{Chance, Projection};

const PLANS: usize = 3000;

/// Almene family homes the plan has removed from the municipality by 2040, net of those built
/// (negative: it added some).
fn net_removed(p: &Projection) -> f64 {
    let at = |year| p.municipality[p.year_index(year).unwrap()].homes_by_tenure[Tenure::AlmenFamily];
    at(2016) - at(2040)
}

struct Judged {
    plan: Plan,
    score: f64,
    removed: f64,
}

#[test]
fn the_best_scoring_random_plans_do_not_remove_the_homes_people_need() {
    let library = Library::load().unwrap();
    let base = assets::shipped_plan("basisforloeb-2016.ron").unwrap();
    let levers = random::every_lever(&base);
    let mut chance = Chance::new(0x00ad_0e25);
    let used = 4.0 / levers.len() as f64;
    let mut judged: Vec<Judged> = (0..PLANS)
        .map(|_| {
            let candidate = random::candidate(&levers, used, &mut chance);
            let plan = search::plan_of(&base, &levers, &candidate);
            assert!(plan.validate(&library.table).is_empty(), "{:?}", plan.validate(&library.table));
            let p = engine::project(&library, &plan);
            Judged { score: p.score_in(2040).unwrap().total, removed: net_removed(&p), plan }
        })
        .collect();
    judged.sort_by(|a, b| b.score.total_cmp(&a.score));
    let family_2016: f64 = base.municipality.areas.iter().map(|a| a.homes[Tenure::AlmenFamily]).sum();
    let tr = by_i_balance::i18n::Translations::shared().unwrap().tr(by_i_balance::i18n::Language::English);
    for (rank, j) in judged.iter().take(10).enumerate() {
        let actions: Vec<String> = j
            .plan
            .actions
            .iter()
            .skip(base.actions.len())
            .map(|a| format!("{} ({})", by_i_balance::words::action(tr, &j.plan.municipality, &a.kind), a.year))
            .collect();
        println!("{rank}: score {:.1}, net removed {:.0}: {actions:?}", j.score, j.removed);
    }
    let removers: Vec<&Judged> = judged.iter().filter(|j| j.removed > 0.25 * family_2016).collect();
    println!(
        "{} plans remove over a quarter of the almene family homes; best {:.1}",
        removers.len(),
        removers.first().map_or(0.0, |j| j.score)
    );
    let best = judged[0].score;
    // The search reached the plans it must not reward: many remove a quarter of the homes.
    assert!(removers.len() >= 100, "only {} removal plans", removers.len());
    // The top 1 % remove, net, at most a tenth of the municipality's almene family homes.
    let most = judged.iter().take(PLANS / 100).map(|j| j.removed).fold(f64::MIN, f64::max);
    println!("the top 1 % remove at most {most:.0} of {family_2016:.0} almene family homes net");
    for j in judged.iter().take(PLANS / 100) {
        assert!(j.removed <= 0.1 * family_2016, "a top plan removes {:.0} homes net (score {:.1})", j.removed, j.score);
    }
    // And the best plan that removes a quarter scores far below the best plan found.
    assert!(removers[0].score < best - 5.0, "{:.1} against {best:.1}", removers[0].score);
}
