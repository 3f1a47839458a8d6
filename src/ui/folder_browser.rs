//! The app's own folder browser, for where the system has no file dialog (or the app is told
//! not to use it): where to start (home, drives, USB sticks), the folder's path typed or
//! clicked, its subfolders, and its files of the kind looked for, one click to pick. The Open
//! box looks for plans with it, *New municipality from table* for a table or outlines. What a
//! folder holds is read by `crate::files::folders`; this only draws it.

use crate::files::folders::{self, Browsing};
use crate::i18n::Tr;
use std::path::{Path, PathBuf};

/// How the files looked for are named: translation keys for a file's button (with `{name}`),
/// its hover text, and the line shown in a folder without any.
pub struct FileWords {
    pub file: &'static str,
    pub hover: &'static str,
    pub empty: &'static str,
}

/// The browser; returns the file picked, if one was clicked. `places` holds where browsing can
/// start, looked up the first time it is drawn.
pub fn browser_ui(
    ui: &mut egui::Ui,
    tr: Tr<'_>,
    browsing: &mut Browsing,
    places: &mut Option<Vec<PathBuf>>,
    words: &FileWords,
) -> Option<PathBuf> {
    let mut go: Option<PathBuf> = None;
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.t("folders.places"));
        for place in places.get_or_insert_with(folders::places).iter() {
            if ui.button(place.display().to_string()).clicked() {
                go = Some(place.clone());
            }
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(tr.t("folders.path"));
        let typed = egui::TextEdit::singleline(&mut browsing.typed).desired_width(360.0);
        let field = ui.add(typed).labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(tr.t("folders.go")).clicked() || entered {
            go = Some(PathBuf::from(browsing.typed.trim()));
        }
        if let Some(parent) = browsing.parent()
            && ui.button(tr.t("folders.up")).clicked()
        {
            go = Some(parent);
        }
    });
    match &browsing.listing {
        None => {}
        Some(Err(e)) => {
            ui.colored_label(super::palette::LISTED, tr.fill("folders.unreadable", &[("error", e)]));
        }
        Some(Ok(listing)) => {
            egui::ScrollArea::vertical().id_salt("folder_listing").max_height(180.0).show(ui, |ui| {
                let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                for folder in &listing.folders {
                    if ui.button(tr.fill("folders.folder", &[("name", &name(folder))])).clicked() {
                        go = Some(folder.clone());
                    }
                }
                for file in &listing.files {
                    let text = tr.fill(words.file, &[("name", &name(file))]);
                    if ui.button(text).on_hover_text(tr.t(words.hover)).clicked() {
                        picked = Some(file.clone());
                    }
                }
                if listing.folders.is_empty() && listing.files.is_empty() {
                    ui.label(egui::RichText::new(tr.t(words.empty)).italics());
                }
            });
        }
    }
    if let Some(folder) = go {
        browsing.go(&folder);
    }
    picked
}
