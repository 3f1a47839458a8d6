//! Speed of the bands the worker computes after every edit: 200 projections of the Visionsplan
//! with the assumptions drawn within their ranges (budget 50 ms on one core), and the bands
//! with the tornado. The attribution, which the worker computes first, is in `attribution.rs`.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::assets::{self, Library};
use by_i_balance::bands;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn ensemble(c: &mut Criterion) {
    let library = Library::load().expect("assets load");
    let vision = assets::shipped_plan("visionsplan-2016.ron").expect("the Visionsplan ships");
    let mut group = c.benchmark_group("worker");
    group.sample_size(10);
    group.bench_function("200 projections of the visionsplan (the runs behind the bands)", |b| {
        b.iter(|| bands::ensemble(&library, black_box(&vision), bands::RUNS, &|| false).expect("runs"));
    });
    group.bench_function("bands of the visionsplan with the tornado", |b| {
        b.iter(|| bands::bands(&library, black_box(&vision), bands::RUNS, &|| false).expect("bands"));
    });
    group.finish();
}

criterion_group!(benches, ensemble);
criterion_main!(benches);
