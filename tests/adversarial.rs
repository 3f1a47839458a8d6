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

/// Almene homes of every kind (family, youth, elderly) the plan has removed from the municipality
/// by 2040, net of those built.
fn almene_removed(p: &Projection) -> f64 {
    let almene = |year| {
        let m = &p.municipality[p.year_index(year).unwrap()];
        [Tenure::AlmenFamily, Tenure::AlmenYouth, Tenure::AlmenElderly]
            .iter()
            .map(|t| m.homes_by_tenure[*t])
            .sum::<f64>()
    };
    almene(2016) - almene(2040)
}

/// The same check by the room's search ("Hvad skal der til?"): annealing over every lever in
/// every area for the highest 2040 score finds plans that score well by mixing — almene homes
/// moved, not removed: the best-scoring removes, net, at most a tenth of the municipality's
/// almene homes and demolishes at most a tenth of its almene family homes. (It may sell or
/// convert family homes: a sale moves an almene home into another tenure where it stands, a
/// conversion keeps it almene for young people or seniors; the housing-need component counts
/// the family lettings they cost.)
#[test]
fn the_search_for_the_highest_score_does_not_find_it_in_removing_homes() {
    let library = Library::load().unwrap();
    let base = assets::shipped_plan("basisforloeb-2016.ron").unwrap();
    let goals = vec![search::Goal::ScoreAtLeast { value: 0.0, year: 2040 }];
    let mut limits = search::Limits::default_for(&base, &goals);
    limits.areas = base.municipality.areas.iter().map(|a| a.id.clone()).collect();
    let request = search::Request { goals, limits, seed: 0x00ad_0e25, evaluations: search::run::MOST_EVALUATIONS };
    let outcome = search::search(&library, &base, &request, &|_| {}, &|| false).unwrap();
    let best = outcome.plans.iter().max_by(|a, b| a.score.total_cmp(&b.score)).unwrap();
    let projection = engine::project(&library, &best.plan);
    let tr = by_i_balance::i18n::Translations::shared().unwrap().tr(by_i_balance::i18n::Language::English);
    println!(
        "the best score found: {:.1} in 2040; almene family homes removed net {:.0}, almene homes {:.0}",
        best.score,
        net_removed(&projection),
        almene_removed(&projection)
    );
    for a in best.plan.actions.iter().skip(base.actions.len()) {
        println!("  {} ({})", by_i_balance::words::action(tr, &best.plan.municipality, &a.kind), a.year);
    }
    let basis = engine::project(&library, &base);
    assert!(best.score > basis.score_in(2040).unwrap().total, "the search improves on the Basisforløb");
    let almene_2016: f64 = base.municipality.areas.iter().map(|a| a.homes.almen()).sum();
    let family_2016: f64 = base.municipality.areas.iter().map(|a| a.homes[Tenure::AlmenFamily]).sum();
    assert!(almene_removed(&projection) <= 0.1 * almene_2016, "the best-scoring plan removes almene homes");
    let demolished: f64 = best.plan.actions[base.actions.len()..]
        .iter()
        .filter_map(|a| match a.kind {
            by_i_balance::model::ActionKind::Demolish { count, .. } => Some(count),
            _ => None,
        })
        .sum();
    assert!(demolished <= 0.1 * family_2016, "the best-scoring plan demolishes {demolished:.0} homes");
}
