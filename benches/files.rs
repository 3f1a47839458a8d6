//! Speed of opening and saving a plan: the Visionsplan read, parsed and validated, and written
//! atomically (pretty RON, temporary file flushed to disk, backup, rename). Target: at most
//! 5 ms each.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::{assets, io};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn files(c: &mut Criterion) {
    let table = assets::param_table().unwrap();
    let plan = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("visionsplan.ron");
    io::save_plan(&path, &plan).unwrap();
    c.bench_function("open the Visionsplan (read, parse, migrate, validate)", |b| {
        b.iter(|| black_box(io::load_plan(&path, &table).unwrap()));
    });
    c.bench_function("save the Visionsplan (pretty RON, fsync, backup, rename)", |b| {
        b.iter(|| io::save_plan(&path, black_box(&plan)).unwrap());
    });
}

criterion_group!(benches, files);
criterion_main!(benches);
