//! Speed of `project`'s output at 1,000 areas (the Visionsplan copied 91 times): the JSON
//! document against the CSV table, each made from a projection and written to a sink. The JSON
//! holds more per row (the § 168 a parts, newcomers, flows) but must stay within 3× of the CSV.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::assets::Library;
use by_i_balance::{engine, export};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Write;

#[path = "common/synthetic.rs"]
mod synthetic;

fn output(c: &mut Criterion) {
    let library = Library::load().expect("assets load");
    let plan = synthetic::synthetic_plan(1000);
    let projection = engine::project(&library, &plan);
    let mut group = c.benchmark_group("project output");
    group.sample_size(10);
    group.bench_function("json at 1,000 areas", |b| {
        b.iter(|| {
            let mut out = std::io::BufWriter::new(std::io::sink());
            export::write_projection_json(&mut out, black_box(&projection), None).unwrap();
            out.flush().unwrap();
        });
    });
    group.bench_function("csv at 1,000 areas", |b| {
        b.iter(|| {
            let text = export::projection_csv(black_box(&projection)).unwrap();
            std::io::sink().write_all(text.as_bytes()).unwrap();
        });
    });
    group.finish();
}

criterion_group!(benches, output);
criterion_main!(benches);
