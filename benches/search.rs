//! Speed of "Hvad skal der til?" (the search for the room's goals) on Høje-Taastrup: from the
//! Basisforløb 2026 with Gadehavegaard under the § 168 a cap by 2030 as the goal. The issue's
//! targets: the first plan meeting the goals within 2 s, the whole search (24,000 projections,
//! the band check of each plan offered) within 30 s, on every core.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::assets::{self, Library};
use by_i_balance::search::{self, Goal, Limits, Request};
use criterion::{Criterion, criterion_group, criterion_main};
use std::sync::Mutex;
use std::time::{Duration, Instant};

fn request(base: &by_i_balance::model::Plan) -> Request {
    let goals = vec![Goal::Cap168a { area: "gadehavegaard".into(), by: 2030 }];
    let limits = Limits::default_for(base, &goals);
    Request { goals, limits, seed: 1, evaluations: search::run::MOST_EVALUATIONS }
}

fn search_bench(c: &mut Criterion) {
    let library = Library::load().expect("assets load");
    let base = assets::shipped_plan("basisforloeb-2026.ron").expect("the Basisforløb 2026 ships");
    let request = request(&base);
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(60));
    // Until the progress first says a plan meets the goals; the search is then stopped.
    group.bench_function("first plan meeting the goals", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let first: Mutex<Option<Duration>> = Mutex::new(None);
                let started = Instant::now();
                let observe = |p: search::Progress| {
                    let mut first = first.lock().unwrap();
                    if p.found && first.is_none() {
                        *first = Some(started.elapsed());
                    }
                };
                let found = || first.lock().unwrap().is_some();
                let _ = search::search(&library, &base, &request, &observe, &found);
                total += first.lock().unwrap().expect("a plan meets the goal");
            }
            total
        });
    });
    group.bench_function("whole search with the band check", |b| {
        b.iter(|| search::search(&library, &base, &request, &|_| {}, &|| false).expect("an answer"));
    });
    group.finish();
}

criterion_group!(benches, search_bench);
criterion_main!(benches);
