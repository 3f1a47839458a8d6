//! *Filer → Ny → Ny kommune fra tabel …*: the box where a municipality's own table of areas
//! (CSV) and, optionally, its boundaries (GeoJSON) are picked — with the system's file dialog,
//! or the app's own browser where there is none — with the columns the table must and may have
//! listed in plain words, the year the table describes asked for, and every problem listed by
//! row and column when they cannot make a plan. Then the box that says the new plan is not yet
//! saved, offers to save it, and tells what the table lacked. The files are read and checked by
//! `crate::import`; the form and the plan made from it live in `crate::app::municipality`.

use super::folder_browser::{FileWords, browser_ui};
use crate::app::{Dialog, FileDialogs, FileRequest, ImportFile, ImportReport, NewMunicipality, WorkshopApp};
use crate::i18n::Tr;
use crate::import::{LackingInput, OPTIONAL, REQUIRED};
use crate::model::{FIRST_YEAR, Group, LATEST_START, Span, Tenure};

/// What the form's buttons asked for.
enum FormAction {
    Make,
    Cancel,
    /// Pick this file: with the system's dialog or the app's browser.
    Choose(ImportFile),
}

/// A path field with its "choose a file" button; returns whether the button was clicked.
fn path_row(ui: &mut egui::Ui, tr: Tr<'_>, label: &str, path: &mut String) -> bool {
    let label_id = ui.label(label).id;
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(path).desired_width(360.0)).labelled_by(label_id);
        ui.button(tr.t("import.choose")).on_hover_text(label).clicked()
    })
    .inner
}

/// The box itself, while it is open.
pub fn dialog(ctx: &egui::Context, app: &mut WorkshopApp, mut form: NewMunicipality) {
    let tr = app.tr();
    let mut action = None;
    egui::Modal::new(egui::Id::unique("new_municipality")).show(ctx, |ui| {
        ui.set_max_width(620.0);
        ui.heading(tr.t("import.title"));
        // The form scrolls above its buttons, so they stay on a laptop's screen.
        let room = (ui.ctx().content_rect().height() - 160.0).max(200.0);
        egui::ScrollArea::vertical().max_height(room).show(ui, |ui| {
            ui.label(tr.t("import.help"));
            for (file, key) in [(ImportFile::Table, "import.areas"), (ImportFile::Outlines, "import.map")] {
                if path_row(ui, tr, tr.t(key), form.path_mut(file)) {
                    action = Some(FormAction::Choose(file));
                }
                let words = match file {
                    ImportFile::Table => &TABLE_WORDS,
                    ImportFile::Outlines => &OUTLINE_WORDS,
                };
                if let Some((browsed, browsing)) = &mut form.browsing
                    && *browsed == file
                {
                    let (picked, closed) = ui
                        .group(|ui| {
                            let picked = browser_ui(ui, tr, browsing, &mut app.document.folder_places, words);
                            (picked, ui.button(tr.t("import.stop_browsing")).clicked())
                        })
                        .inner;
                    if let Some(path) = &picked {
                        *form.path_mut(file) = path.display().to_string();
                    }
                    if picked.is_some() || closed {
                        form.browsing = None;
                    }
                }
            }
            let name_label = ui.label(tr.t("import.name")).id;
            ui.text_edit_singleline(&mut form.name).labelled_by(name_label);
            start_year_ui(ui, tr, &mut form.start_year);
            egui::CollapsingHeader::new(tr.t("import.columns_title"))
                .default_open(true)
                .show(ui, |ui| columns_ui(ui, tr));
            problems_ui(ui, tr, &form.problems);
        });
        ui.separator();
        ui.horizontal(|ui| {
            if ui.add_enabled(!form.areas.trim().is_empty(), egui::Button::new(tr.t("import.make"))).clicked() {
                action = Some(FormAction::Make);
            }
            if ui.button(tr.t("files.cancel")).clicked() {
                action = Some(FormAction::Cancel);
            }
        });
    });
    match action {
        Some(FormAction::Make) => app.new_municipality(&form),
        Some(FormAction::Cancel) => app.document.dialog = None,
        Some(FormAction::Choose(file)) => {
            if app.document.dialogs == FileDialogs::System {
                form.browsing = None;
                app.document.file_request = Some(FileRequest::Import(file));
            } else {
                form.browse(file);
            }
            app.document.dialog = Some(Dialog::NewMunicipality(form));
        }
        None => app.document.dialog = Some(Dialog::NewMunicipality(form)),
    }
}

const TABLE_WORDS: FileWords = FileWords { file: "import.file", hover: "import.use_file", empty: "import.no_tables" };
const OUTLINE_WORDS: FileWords =
    FileWords { file: "import.file", hover: "import.use_file", empty: "import.no_outlines" };

/// The year the table describes, from the first year a plan may start in to the last, and the
/// years the plan will run.
fn start_year_ui(ui: &mut egui::Ui, tr: Tr<'_>, start_year: &mut u16) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr.t("import.start_year"));
        egui::ComboBox::from_id_salt("import_start_year")
            .selected_text(start_year.to_string())
            .show_ui(ui, |ui| {
                for year in (FIRST_YEAR..=LATEST_START).rev() {
                    ui.selectable_value(start_year, year, year.to_string());
                }
            })
            .response
            .labelled_by(label.id);
    });
    let span = Span::starting(*start_year);
    let text = tr.fill("import.span", &[("first", &span.first.to_string()), ("last", &span.last.to_string())]);
    ui.label(egui::RichText::new(text).small());
}

/// The columns the table must and may have, each with what it holds.
fn columns_ui(ui: &mut egui::Ui, tr: Tr<'_>) {
    ui.label(egui::RichText::new(tr.t("import.columns_help")).small());
    let own = |name: &str| tr.of("import_column", name);
    let required: Vec<(&str, String)> = REQUIRED.iter().map(|c| (*c, own(c))).collect();
    let homes: Vec<(&str, String)> = Tenure::ALL.iter().map(|t| (t.key(), tr.of("tenure", t.key()))).collect();
    let residents: Vec<(&str, String)> = Group::ALL.iter().map(|g| (g.key(), tr.of("group", g.key()))).collect();
    let optional: Vec<(&str, String)> = OPTIONAL.iter().map(|c| (*c, own(c))).collect();
    let sections = [
        ("import.columns_required", required),
        ("import.columns_homes", homes),
        ("import.columns_residents", residents),
        ("import.columns_optional", optional),
    ];
    egui::ScrollArea::vertical().id_salt("import_columns").max_height(200.0).show(ui, |ui| {
        for (i, (heading, columns)) in sections.iter().enumerate() {
            ui.label(egui::RichText::new(tr.t(heading)).strong());
            egui::Grid::new(("import_columns", i)).num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
                for (column, meaning) in columns {
                    ui.label(egui::RichText::new(*column).monospace());
                    ui.add(egui::Label::new(meaning).wrap());
                    ui.end_row();
                }
            });
        }
        ui.label(egui::RichText::new(tr.t("import.columns_list")).small());
    });
}

fn problems_ui(ui: &mut egui::Ui, tr: Tr<'_>, problems: &[String]) {
    if problems.is_empty() {
        return;
    }
    ui.colored_label(super::palette::LISTED, tr.fill("import.problems", &[("count", &problems.len().to_string())]));
    egui::ScrollArea::vertical().id_salt("import_problems").max_height(180.0).show(ui, |ui| {
        for problem in problems {
            ui.label(format!("• {problem}"));
        }
    });
}

/// What an input the estates lacked means, in the room's language: which estates (the first
/// five, then how many more) and what they took instead.
pub fn lacking_words(tr: Tr<'_>, lacking: &LackingInput) -> String {
    const NAMED: usize = 5;
    let mut estates: Vec<String> = lacking
        .estates
        .iter()
        .take(NAMED)
        .map(|(id, line)| tr.fill("import.estate_row", &[("id", id), ("line", &line.to_string())]))
        .collect();
    if lacking.estates.len() > NAMED {
        estates.push(tr.fill("import.and_more", &[("count", &(lacking.estates.len() - NAMED).to_string())]));
    }
    let column = lacking.columns.first().copied().unwrap_or_default();
    tr.of("import_lacking", column)
        .replace("{count}", &lacking.estates.len().to_string())
        .replace("{estates}", &estates.join(", "))
}

/// The plan just made: not saved yet, with the offer to save it now, and what the table
/// lacked.
pub fn imported_box(ctx: &egui::Context, app: &mut WorkshopApp, report: &ImportReport) {
    let tr = app.tr();
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("imported")).show(ctx, |ui| {
        ui.set_max_width(620.0);
        ui.heading(tr.t("import.done_title"));
        ui.label(tr.fill("import.done_text", &[("name", &report.name), ("table", &report.table)]));
        if !report.lacking.is_empty() {
            ui.add_space(6.0);
            ui.colored_label(super::palette::LISTED, tr.t("import.lacking_title"));
            let room = (ui.ctx().content_rect().height() - 260.0).max(120.0);
            egui::ScrollArea::vertical().id_salt("import_lacking").max_height(room).show(ui, |ui| {
                for lacking in &report.lacking {
                    ui.label(format!("• {}", lacking_words(tr, lacking)));
                }
            });
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button(tr.t("import.save_now")).clicked() {
                choice = Some(true);
            }
            if ui.button(tr.t("import.later")).clicked() {
                choice = Some(false);
            }
        });
    });
    match choice {
        Some(true) => {
            app.document.dialog = None;
            app.save_as(None);
        }
        Some(false) => app.document.dialog = None,
        None => {}
    }
}
