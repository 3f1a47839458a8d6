//! Speed of the exports for the minutes: a 1920×1080 window picture encoded as PNG and written
//! (the pixels of the committed main-screen snapshot), and the workshop report for the
//! Visionsplan beside the Basisforløb (projections, SVG charts, HTML, written), and the report
//! for the largest plan the limits allow (1,000 estates) beside the Visionsplan. Target: at
//! most 1 s each.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::assets::{self, Library};
use by_i_balance::i18n::{Language, Translations};
use by_i_balance::{export, io, report};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn window_pixels() -> (u32, u32, Vec<u8>) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/main_screen_da_1920x1080.png");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgba, "the snapshot is RGBA");
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

fn exports(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (width, height, pixels) = window_pixels();
    c.bench_function("PNG of a 1920x1080 window (encode and write)", |b| {
        b.iter(|| {
            let bytes = export::encode_png(width, height, black_box(&pixels)).unwrap();
            io::write_atomically(&dir.path().join("window.png"), &bytes, "the picture").unwrap();
        });
    });
    let library = Library::load().unwrap();
    let plans =
        [assets::shipped_plan("visionsplan-2016.ron").unwrap(), assets::shipped_plan("basisforloeb-2016.ron").unwrap()];
    let tr = Translations::shared().unwrap().tr(Language::Danish);
    c.bench_function("workshop report for the Visionsplan and the Basisforloeb (make and write)", |b| {
        b.iter(|| {
            let html = report::report_for_plans(&library, black_box(&plans), tr).unwrap();
            io::write_atomically(&dir.path().join("report.html"), html.as_bytes(), "the report").unwrap();
        });
    });
    // The largest plan the limits allow has 1,000 estates: the report must grow with them, not
    // with their square (it took 87 s for 100,000 before issue 14).
    let largest = [by_i_balance::model::largest_plan(&plans[0]), plans[0].clone()];
    let mut group = c.benchmark_group("limits");
    group.sample_size(10);
    group.bench_function("workshop report for the largest plan and the Visionsplan (make)", |b| {
        b.iter(|| black_box(report::report_for_plans(&library, black_box(&largest), tr).unwrap()));
    });
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
