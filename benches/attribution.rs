//! Speed of *Forklar*'s attribution, which the worker recomputes after every edit: the
//! Visionsplan against the Basisforløb (budget 50 ms on one core), and a 1,000-area plan (the
//! Visionsplan copied 91 times) against its own baseline (the Basisforløb copied alike; budget
//! 2 s), also for a 1,000-area plan of 2026 (Høje-Taastrup 2026 copied alike) against its
//! Basisforløb 2026. Plans this large are beyond what a file may hold only in actions; they
//! are built in code.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::assets::{self, Library};
use by_i_balance::engine;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "common/synthetic.rs"]
mod synthetic;

fn attribution(c: &mut Criterion) {
    let library = Library::load().expect("assets load");
    let vision = assets::shipped_plan("visionsplan-2016.ron").expect("the Visionsplan ships");
    let baseline = engine::baseline_plan().expect("the baseline ships");
    let mut group = c.benchmark_group("attribution");
    group.sample_size(20);
    group.bench_function("attribution of the visionsplan", |b| {
        b.iter(|| engine::attribute(&library, black_box(&vision), &baseline, &|| false).expect("attribution"));
    });
    let large = synthetic::synthetic_plan(1000);
    let large_baseline = synthetic::copied("basisforloeb-2016.ron", 1000);
    group.sample_size(10);
    group.bench_function("attribution of a 1,000-area plan", |b| {
        b.iter(|| engine::attribute(&library, black_box(&large), &large_baseline, &|| false).expect("attribution"));
    });
    let today = synthetic::copied("hoeje-taastrup-2026.ron", 1000);
    let today_baseline = synthetic::copied("basisforloeb-2026.ron", 1000);
    group.bench_function("attribution of a 1,000-area plan from 2026", |b| {
        b.iter(|| engine::attribute(&library, black_box(&today), &today_baseline, &|| false).expect("attribution"));
    });
    group.finish();
}

criterion_group!(benches, attribution);
criterion_main!(benches);
