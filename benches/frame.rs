//! Speed of one whole frame of the workshop UI at 1920×1080, measured headless: layout and
//! tessellation of every panel, with and without an edit (an edit re-projects the plan and
//! rebuilds the chart feed). The target is at most 8 ms median after an edit.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::app::{Selection, WorkshopApp};
use by_i_balance::model::{ActionKind, Tenure};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0))),
        ..Default::default()
    }
}

/// One frame: the UI laid out and painted into triangles, as the window would draw it.
fn frame(ctx: &egui::Context, app: &mut WorkshopApp) -> usize {
    let output = ctx.run_ui(raw_input(), |ui| by_i_balance::ui::main_ui(ui, app));
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn workshop(ctx: &egui::Context) -> WorkshopApp {
    let dir = std::env::temp_dir().join(format!("by-i-balance-bench-{}", std::process::id()));
    let mut app = WorkshopApp::with_visionsplan(by_i_balance::files::Workspace::at(&dir)).unwrap();
    by_i_balance::ui::setup(ctx);
    app.view.selection = Selection::Area("taastrupgaard".into());
    for _ in 0..3 {
        frame(ctx, &mut app);
    }
    app
}

fn frames(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut app = workshop(&ctx);
    c.bench_function("frame without an edit, 1920x1080", |b| b.iter(|| black_box(frame(&ctx, &mut app))));

    let mut count = 100.0;
    c.bench_function("frame after an edit (re-projection included), 1920x1080", |b| {
        b.iter(|| {
            count = if count > 300.0 { 100.0 } else { count + 1.0 };
            app.session.edit("bench".into(), Some("bench"), |plan| {
                plan.actions.push(by_i_balance::model::Action {
                    year: 2020,
                    kind: ActionKind::Demolish { area: "taastrupgaard".into(), tenure: Tenure::AlmenFamily, count },
                    note: String::new(),
                });
            });
            app.session.end_gesture();
            let n = frame(&ctx, &mut app);
            app.session.undo("bench");
            black_box(n)
        });
    });

    c.bench_function("frame while dragging the year slider, 1920x1080", |b| {
        b.iter(|| {
            app.view.year = if app.view.year >= 2040 { 2016 } else { app.view.year + 1 };
            black_box(frame(&ctx, &mut app))
        });
    });
}

criterion_group!(benches, frames);
criterion_main!(benches);
