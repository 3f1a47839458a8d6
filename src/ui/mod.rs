//! Everything the participants see: the window, its layout and the panels in it. The only layer
//! that uses egui, egui_plot, eframe and rfd. Panels read the app's state and hand plan edits
//! ([`crate::model::PlanEdit`]) to [`crate::app::Session::apply`] — no panel changes the plan
//! any other way — and queue [`crate::app::Command`]s, which run once the frame is drawn.

mod assumptions;
mod charts;
mod commands;
mod comments;
mod compare;
mod editor;
mod explain;
mod export;
mod files;
mod folder_browser;
mod map;
mod map_cache;
mod map_draw;
mod map_import;
mod map_labels;
mod map_lines;
mod map_paint;
mod palette;
mod room;
mod search;
mod shell;
mod status;
mod system_dialog;
mod timeline;
mod top_bar;
mod uncertainty;
mod variants;
mod widgets;

use crate::app::WorkshopApp;
pub use map::MapView;
pub use room::projector_builder;
pub use shell::{LANGUAGE_VARIABLE, run_native};

/// The map alone with its legend, as the projector shows it (interactive if the view says so):
/// for the frame benchmark, which measures the map's share of a frame without the rest.
pub fn map_ui(ui: &mut egui::Ui, view: &MapView<'_>) {
    map::show_read_only(ui, view);
}

/// Text sizes and theme for a room: light by default, body text large enough for a projector.
pub fn setup(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily, FontId, TextStyle};
        style.text_styles = [
            (TextStyle::Heading, FontId::new(22.0, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(15.0, FontFamily::Proportional)),
            (TextStyle::Small, FontId::new(12.0, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(14.0, FontFamily::Monospace)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
        style.spacing.interact_size.y = 24.0;
    });
}

/// Grows the window to the screen it is on, where no window manager maximised it (a window
/// manager's maximised window is left alone: it knows the title bar and the task bar). Returns
/// whether the screen's size was known, so it is done once.
pub fn fill_screen(ctx: &egui::Context) -> bool {
    let Some(monitor) = ctx.input(|i| i.viewport().monitor_size) else { return false };
    let inner = ctx.input(|i| i.viewport().inner_rect.map(|r| r.size()));
    if inner.is_some_and(|size| size.x < monitor.x - 1.0 || size.y < monitor.y - 1.0) {
        ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(egui::pos2(0.0, 0.0)));
        ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(monitor));
    }
    true
}

/// The whole window: menu and tool bar on top, the year slider at the bottom, the plan editor
/// on the left, the charts on the right and the map in the centre.
pub fn main_ui(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let ctx = ui.ctx().clone();
    room::apply_look(&ctx, app);
    commands::read_shortcuts(&ctx, app);
    files::each_frame(ui, app);
    play(&ctx, app);
    search::each_frame(&ctx, app);
    top_bar::show(ui, app);
    timeline::show(ui, app);
    panels(ui, app);
    export::show_finished(app);
    room::help_window(&ctx, app);
    room::projector(&ctx, app);
    files::dialogs(ui, app);
    commands::run_queued(&ctx, app);
    name_window(&ctx, app);
    app.refresh_feed();
    // A gesture ends after the frame in which the pointer was let go, so a slider's last change
    // on release still belongs to its drag.
    if !ui.input(|i| i.pointer.any_down()) {
        app.session.end_gesture();
    }
}

/// Gives the system window the plan's name (sent only when it changes).
fn name_window(ctx: &egui::Context, app: &WorkshopApp) {
    let title = app.window_title();
    let id = egui::Id::unique("window_title");
    if ctx.data(|d| d.get_temp::<String>(id)).as_ref() != Some(&title) {
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
        ctx.data_mut(|d| d.insert_temp(id, title));
    }
}

/// Moves the year on while Play runs, and asks for the next frame only when the year changes.
fn play(ctx: &egui::Context, app: &mut WorkshopApp) {
    let now = ctx.input(|i| i.time);
    let span = app.session.plan().span();
    // A plan that starts later than the year on show (opened, or made from a table) shows its
    // first year: the years before its start are history it does not project.
    app.view.year = app.view.year.clamp(span.first, span.last);
    if let Some(next) = app.view.advance_play(now, span) {
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(next));
    }
}

/// The editor on the left, the charts on the right, the map or the comparison in the centre.
fn panels(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    // Panel sizes follow the window, so a 1366-pixel laptop and a 1920-pixel projector both
    // keep the map in the middle readable; each panel can still be resized within its range.
    // In points at the zoom the mode wants: on the frame a mode starts the old zoom still holds.
    let width = ui.available_width() * ui.ctx().zoom_factor() / app.room.zoom();
    // At a larger text size the window is fewer points wide: the side panels' least widths
    // shrink with it, so the map in the middle keeps a usable share (at 175 % on a 1366-pixel
    // laptop the window is 780 points).
    let (editor_least, charts_least) = (240.0_f32.min(width * 0.24), 320.0_f32.min(width * 0.32));
    if app.view.show_editor && !app.room.presentation {
        // Each text size has its panels' widths of its own (remembered, at first a share of the
        // window), so a larger text size starts from widths that suit it and the widths at 100 %
        // are as they were after going back.
        egui::Panel::left(("editor", app.room.text_size))
            .resizable(true)
            .default_size(width * 0.25)
            .size_range(editor_least..=(width * 0.32).max(editor_least + 20.0))
            .show(ui, |ui| editor::show(ui, app));
    }
    if app.view.show_charts {
        // Presentation mode zooms the text, so the panel's range in points is narrower there:
        // it keeps a size of its own, and the laptop's width is as it was after Esc. With the
        // editor hidden it takes more of the width, so its legends and tabs wrap less and the
        // chart below the score stays in view.
        let (id, share, most) =
            if app.room.presentation { ("charts_presentation", 0.46, 0.55) } else { ("charts", 0.36, 0.45) };
        // A larger text size makes the map's share the one to keep: the charts start narrower.
        let share = share - 0.02 * app.room.text_size as f32;
        egui::Panel::right((id, app.room.text_size))
            .resizable(true)
            .default_size(width * share)
            .size_range(charts_least..=(width * most).max(charts_least + 20.0))
            .show(ui, |ui| {
                app.refresh_feed();
                charts::show(ui, app);
            });
    }
    egui::CentralPanel::default().show(ui, |ui| match app.view.central {
        crate::app::CentralView::Map => map::show(ui, app),
        crate::app::CentralView::Compare => compare::show(ui, app),
        crate::app::CentralView::Search => search::show(ui, app),
    });
}
