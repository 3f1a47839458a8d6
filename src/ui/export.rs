//! Export from the app: any chart, the map or the whole window as PNG (a screenshot of the
//! next frame, cropped to the chart), the projection as CSV, and the workshop report as HTML.
//! Files go to the exports folder; a message says where. The PNG is encoded and written on a
//! thread of its own once the screenshot arrives, so the frame does not wait for it.

use crate::app::{Dialog, WorkshopApp};
use std::sync::Arc;

fn rect_id(name: &str) -> egui::Id {
    egui::Id::unique(("export_rect", name))
}

/// Remembers where an exportable region was drawn this frame (for its PNG button next frame).
pub fn remember_rect(ctx: &egui::Context, name: &'static str, rect: egui::Rect) {
    ctx.data_mut(|d| d.insert_temp(rect_id(name), rect));
}

/// A small "PNG" button that exports the region last drawn under `name`.
pub fn png_button(ui: &mut egui::Ui, app: &WorkshopApp, name: &'static str, fallback: egui::Rect) {
    let tr = app.tr();
    if ui.small_button(tr.t("export.png")).on_hover_text(tr.t("export.png_help")).clicked() {
        let rect = ui.ctx().data(|d| d.get_temp(rect_id(name))).unwrap_or(fallback);
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
        let failed = Arc::clone(&finished);
        let write = move || {
            let result = target.and_then(|path| {
                let image = match region {
                    Some(rect) => image.region(&rect, Some(pixels_per_point)),
                    None => (*image).clone(),
                };
                let [w, h] = image.size;
                let (w, h) = (u32::try_from(w).unwrap_or(0), u32::try_from(h).unwrap_or(0));
                let bytes = crate::export::encode_png(w, h, image.as_raw())?;
                crate::io::write_atomically(&path, &bytes, "the picture").map_err(|e| e.to_string())?;
                Ok(path)
            });
            if let Ok(mut done) = finished.lock() {
                done.push(result);
            }
            repaint.request_repaint();
        };
        if let Err(error) = std::thread::Builder::new().name("png export".to_owned()).spawn(write)
            && let Ok(mut done) = failed.lock()
        {
            done.push(Err(error.to_string()));
        }
    });
}

/// Shows the result of a finished export, if any.
pub fn show_finished(app: &mut WorkshopApp) {
    let finished = app.document.exports_finished.lock().map(|mut done| done.pop()).unwrap_or(None);
    if let Some(result) = finished {
        let tr = app.tr();
        app.document.dialog = Some(match result {
            Ok(path) => Dialog::Exported(path),
            Err(error) => Dialog::Message(tr.fill("export.failed", &[("error", &error)])),
        });
    }
}
