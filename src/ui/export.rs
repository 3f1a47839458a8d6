//! Export from the app: any chart, the map or the whole window as PNG (a screenshot of the
//! next frame, cropped to the chart), the projection as CSV, and the workshop report as HTML.
//! Files go to the exports folder; a message says where. The PNG is encoded and written off
//! the UI thread, when the screenshot arrives.

use crate::app::{Dialog, WorkshopApp};
use std::path::PathBuf;
use std::sync::Arc;

/// Remembers where an exportable region was drawn this frame (for its PNG button next frame).
pub fn remember_rect(app: &mut WorkshopApp, name: &'static str, rect: egui::Rect) {
    app.document.export_rects.insert(name, rect);
}

/// A small "PNG" button that exports the region last drawn under `name`.
pub fn png_button(ui: &mut egui::Ui, app: &WorkshopApp, name: &'static str, fallback: egui::Rect) {
    let tr = app.tr();
    if ui.small_button(tr.t("export.png")).on_hover_text(tr.t("export.png_help")).clicked() {
        let rect = app.document.export_rects.get(name).copied().unwrap_or(fallback);
        request_png(ui.ctx(), app, name, Some(rect));
    }
}

/// Asks for a screenshot of the next frame and writes it (cropped to `region`) as a PNG.
pub fn request_png(ctx: &egui::Context, app: &WorkshopApp, name: &str, region: Option<egui::Rect>) {
    let stem = format!("{} {} {}", app.session.plan().name, name, app.view.year);
    let target = app.workspace.export_path(&stem, "png").map_err(|e| e.to_string());
    let finished = Arc::clone(&app.document.exports_finished);
    let pixels_per_point = ctx.pixels_per_point();
    let repaint = ctx.clone();
    ctx.request_screenshot(move |image| {
        let result = target.and_then(|path| {
            let image = match region {
                Some(rect) => image.region(&rect, Some(pixels_per_point)),
                None => (*image).clone(),
            };
            let [w, h] = image.size;
            let bytes = crate::export::encode_png(
                u32::try_from(w).unwrap_or(0),
                u32::try_from(h).unwrap_or(0),
                image.as_raw(),
            )?;
            crate::io::write_atomically(&path, &bytes, "the picture").map_err(|e| e.to_string())?;
            Ok(path)
        });
        if let Ok(mut done) = finished.lock() {
            done.push(result);
        }
        repaint.request_repaint();
    });
}

/// Shows the result of a finished export, if any.
pub fn show_finished(app: &mut WorkshopApp) {
    let finished = app.document.exports_finished.lock().map(|mut done| done.pop()).unwrap_or(None);
    if let Some(result) = finished {
        let tr = app.tr();
        let message = match result {
            Ok(path) => tr.fill("export.done", &[("path", &path.display().to_string())]),
            Err(error) => tr.fill("export.failed", &[("error", &error)]),
        };
        app.document.dialog = Some(Dialog::Message(message));
    }
}

/// Writes the projection as CSV to the exports folder.
pub fn export_csv(app: &mut WorkshopApp) {
    let stem = format!("{} fremskrivning", app.session.plan().name);
    let result = crate::export::projection_csv(app.session.projection()).and_then(|csv| {
        let path = app.workspace.export_path(&stem, "csv").map_err(|e| e.to_string())?;
        crate::io::write_atomically(&path, csv.as_bytes(), "the table").map_err(|e| e.to_string())?;
        Ok(path)
    });
    push(app, result);
}

/// Writes the workshop report (the open plan and the pinned variants) to the exports folder.
pub fn export_report(app: &mut WorkshopApp) {
    let mut plans = vec![app.session.plan().clone()];
    plans.extend(app.document.pinned.iter().map(|p| p.plan.clone()));
    let result = crate::report::report_for_plans_coloured(app.session.library(), &plans, app.tr(), app.view.indicator)
        .and_then(|html| {
            let stem = format!("{} rapport", app.session.plan().name);
            let path = app.workspace.export_path(&stem, "html").map_err(|e| e.to_string())?;
            crate::io::write_atomically(&path, html.as_bytes(), "the report").map_err(|e| e.to_string())?;
            Ok(path)
        });
    push(app, result);
}

fn push(app: &WorkshopApp, result: Result<PathBuf, String>) {
    if let Ok(mut done) = app.document.exports_finished.lock() {
        done.push(result);
    }
}
