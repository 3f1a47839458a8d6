//! Speed of one whole frame of the workshop UI at 1920×1080, measured headless: layout and
//! tessellation of every panel, with and without an edit (an edit re-projects the plan and
//! rebuilds the chart feed). The target is at most 8 ms median after an edit. And the map at
//! scale: a 1,000-area plan with real outlines (forty points each), the map alone filling a
//! 1920×1080 window so the frame is the map's share — at most 8 ms — steady, while the year
//! slider moves (new colours and values every frame), and after a resize (outlines laid out and
//! labels placed again); and the whole window with that plan open and the map shown.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::app::{Selection, WorkshopApp};
use by_i_balance::model::{ActionKind, PlanEdit, Tenure};
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
    settle(ctx, &mut app);
    app
}

/// Draws frames until the worker has the attribution and bands of the plan: measured while it
/// works, a frame would share the machine with it.
fn settle(ctx: &egui::Context, app: &mut WorkshopApp) {
    for _ in 0..3000 {
        frame(ctx, app);
        app.session.poll_worker();
        if app.session.attribution().is_some() && app.session.bands().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    for _ in 0..3 {
        frame(ctx, app);
    }
}

fn frames(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut app = workshop(&ctx);
    c.bench_function("frame without an edit, 1920x1080", |b| b.iter(|| black_box(frame(&ctx, &mut app))));

    let mut count = 100.0;
    c.bench_function("frame after an edit (re-projection included), 1920x1080", |b| {
        b.iter(|| {
            count = if count > 300.0 { 100.0 } else { count + 1.0 };
            app.session.apply(PlanEdit::AddAction(by_i_balance::model::Action::new(
                2020,
                ActionKind::Demolish { area: "taastrupgaard".into(), tenure: Tenure::AlmenFamily, count },
            )));
            app.session.end_gesture();
            let n = frame(&ctx, &mut app);
            app.session.undo();
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

#[path = "common/large_plan.rs"]
mod large_plan;

fn large_map(c: &mut Criterion) {
    let ctx = egui::Context::default();
    by_i_balance::ui::setup(&ctx);
    let plan = large_plan::large_plan(1000);
    let library = by_i_balance::assets::Library::load().unwrap();
    let problems = plan.validate(&library.table);
    assert!(problems.is_empty(), "the synthetic plan is valid: {problems:?}");
    let projection = by_i_balance::engine::project(&library, &plan);
    let map = std::sync::Arc::new(by_i_balance::map::PlanMap::build(&plan.municipality));
    assert!(map.areas.len() >= 1000, "every area has its outline on the map");
    let translations = by_i_balance::i18n::Translations::shared().unwrap();
    let selection = Selection::Area("taastrupgaard-0".into());
    let mut year = 2025;
    // The map as the centre of a 1920×1080 window shows it, interactive, with nothing else.
    let map_frame = |year: u16, size: egui::Vec2| {
        let view = by_i_balance::ui::MapView {
            plan: &plan,
            map: &map,
            projection: &projection,
            generation: 1,
            year,
            indicator: by_i_balance::app::MapIndicator::OutsideWork,
            selection: &selection,
            tr: translations.tr(by_i_balance::i18n::Language::Danish),
            interactive: true,
            names_may_give_way: true,
        };
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
            ..Default::default()
        };
        let output = ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| by_i_balance::ui::map_ui(ui, &view));
        });
        ctx.tessellate(output.shapes, output.pixels_per_point).len()
    };
    let full = egui::vec2(1920.0, 1080.0);
    for _ in 0..3 {
        map_frame(year, full);
    }
    let mut group = c.benchmark_group("map, 1,000 areas");
    group.sample_size(30);
    group.bench_function("the map alone at 1920x1080", |b| b.iter(|| black_box(map_frame(year, full))));
    group.bench_function("the map alone while the year slider moves", |b| {
        b.iter(|| {
            year = if year >= 2040 { 2016 } else { year + 1 };
            black_box(map_frame(year, full))
        });
    });
    let mut width = 1920.0;
    group.bench_function("the map alone after a resize (outlines laid out, labels placed)", |b| {
        b.iter(|| {
            width = if width > 1900.0 { 1800.0 } else { width + 1.0 };
            black_box(map_frame(2025, egui::vec2(width, 1080.0)))
        });
    });
    group.finish();
    whole_frame(c, plan);
}

/// The whole window (editor, map, charts) with the 1,000-area plan open in the app.
fn whole_frame(c: &mut Criterion, plan: by_i_balance::model::Plan) {
    let ctx = egui::Context::default();
    by_i_balance::ui::setup(&ctx);
    let dir = std::env::temp_dir().join(format!("by-i-balance-bench-large-{}", std::process::id()));
    let mut app = WorkshopApp::new(plan, by_i_balance::files::Workspace::at(&dir)).unwrap();
    app.view.selection = Selection::Area("taastrupgaard-0".into());
    // The worker's attribution and bands for a thousand areas take a while.
    settle(&ctx, &mut app);
    let mut group = c.benchmark_group("map, 1,000 areas");
    group.sample_size(30);
    group.bench_function("whole frame at 1920x1080", |b| b.iter(|| black_box(frame(&ctx, &mut app))));
    group.finish();
}

criterion_group!(benches, frames, large_map);
criterion_main!(benches);
