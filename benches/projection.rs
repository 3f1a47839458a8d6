//! Speed of the projection engine: the app re-projects on every edit, so a live slider needs
//! the Visionsplan projected 2016→2040 in at most 200 µs; a national table of almene
//! departments (10,000 areas) must take at most 10 µs per area (100 ms); its lean trace shows
//! how much of that is the simulation and how much the record; a 1,000-area table of 2026 is
//! held to the same budget as one of 2016. Plans over 1,000 areas
//! are beyond the loader's limits: these are built in code by copying the Visionsplan.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::assets::{self, Library};
use by_i_balance::model::Params;
use by_i_balance::{engine, sim};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "common/synthetic.rs"]
mod synthetic;
use synthetic::synthetic_plan;

fn projection(c: &mut Criterion) {
    let library = Library::load().expect("assets load");
    let vision = assets::shipped_plan("visionsplan-2016.ron").expect("the Visionsplan ships");
    let params = Params::resolve(&library.table, &vision.assumptions).expect("assumptions resolve");
    let inputs = engine::inputs(&library, &vision, &params);
    c.bench_function("project visionsplan 2016-2040", |b| {
        b.iter(|| sim::project(black_box(&vision), inputs));
    });
    c.bench_function("resolve assumptions and project visionsplan", |b| {
        b.iter(|| engine::project(&library, black_box(&vision)));
    });
    let mut group = c.benchmark_group("large");
    group.sample_size(20);
    // 1,001 areas, 728 districts, 1,092 institutions and 2,548 actions: beyond the loader's
    // limits on districts, institutions and actions, so only code can build it.
    let large = synthetic_plan(1000);
    group.bench_function("project 1,000 areas 2016-2040", |b| {
        b.iter(|| sim::project(black_box(&large), inputs));
    });
    // A table of today at the loader's limit: Høje-Taastrup 2026 (its state on 1 January 2026
    // and the decisions left) copied to 1,000 areas, projected 2026–2040 under the 2021 law.
    let today = synthetic::copied("hoeje-taastrup-2026.ron", 1000);
    let today_params = Params::resolve(&library.table, &today.assumptions).expect("assumptions resolve");
    let today_inputs = engine::inputs(&library, &today, &today_params);
    group.bench_function("project 1,000 areas from 2026 to 2040", |b| {
        b.iter(|| sim::project(black_box(&today), today_inputs));
    });
    let national = synthetic_plan(10_000);
    group.sample_size(10);
    group.bench_function("project 10,000 areas 2016-2040", |b| {
        b.iter(|| sim::project(black_box(&national), inputs));
    });
    // The same run keeping only what the bands and the attribution read: the simulation's own
    // cost, apart from recording every area's year for the app.
    group.bench_function("trace 10,000 areas 2016-2040", |b| {
        b.iter(|| sim::trace(black_box(&national), inputs, false));
    });
    group.finish();
}

criterion_group!(benches, projection);
criterion_main!(benches);
