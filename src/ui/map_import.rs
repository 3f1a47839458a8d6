//! *Filer → Ny kommune fra tabel…*: the box where a municipality's own table of areas (CSV)
//! and, optionally, its boundaries (GeoJSON) are picked, with every problem listed by row and
//! column when they cannot make a plan. The files are read and checked by `crate::import`.

use crate::app::{Dialog, FileDialogs, NewMunicipality, WorkshopApp};
use crate::i18n::Tr;

/// A path field with a button for the system's file dialog where there is one.
fn path_row(ui: &mut egui::Ui, tr: Tr<'_>, label: &str, path: &mut String, extensions: &[&str], dialogs: FileDialogs) {
    let label_id = ui.label(label).id;
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(path).desired_width(380.0)).labelled_by(label_id);
        if dialogs == FileDialogs::System
            && ui.button(tr.t("import.choose")).clicked()
            && let Some(picked) = rfd::FileDialog::new().add_filter(label, extensions).pick_file()
        {
            *path = picked.display().to_string();
        }
    });
}

/// The box itself, while it is open.
pub fn dialog(ctx: &egui::Context, app: &mut WorkshopApp, mut form: NewMunicipality) {
    let tr = app.tr();
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("new_municipality")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(tr.t("import.title"));
        ui.label(tr.t("import.help"));
        path_row(ui, tr, tr.t("import.areas"), &mut form.areas, &["csv", "txt"], app.document.dialogs);
        path_row(ui, tr, tr.t("import.map"), &mut form.map, &["geojson", "json"], app.document.dialogs);
        let name_label = ui.label(tr.t("import.name")).id;
        ui.text_edit_singleline(&mut form.name).labelled_by(name_label);
        if !form.problems.is_empty() {
            ui.colored_label(
                super::palette::LISTED,
                tr.fill("import.problems", &[("count", &form.problems.len().to_string())]),
            );
            egui::ScrollArea::vertical().max_height(180.0).show(ui, |ui| {
                for problem in &form.problems {
                    ui.label(format!("• {problem}"));
                }
            });
        }
        ui.horizontal(|ui| {
            if ui.add_enabled(!form.areas.trim().is_empty(), egui::Button::new(tr.t("import.make"))).clicked() {
                choice = Some(true);
            }
            if ui.button(tr.t("files.cancel")).clicked() {
                choice = Some(false);
            }
        });
    });
    match choice {
        Some(true) => app.new_municipality(&form),
        Some(false) => app.document.dialog = None,
        None => app.document.dialog = Some(Dialog::NewMunicipality(form)),
    }
}
