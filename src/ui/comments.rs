//! The room's voice: comments on the plan, an area or a district, with who said it. Shown in
//! the editor under what they are about, as markers on the map, and in the workshop report.
//! Adding or removing one is an edit like any other (undoable, in the change log).

use crate::app::WorkshopApp;
use crate::model::{Comment, CommentTarget};

/// The comments on `target` and a form to add one.
pub fn section(ui: &mut egui::Ui, app: &mut WorkshopApp, target: &CommentTarget) {
    let tr = app.tr();
    let existing: Vec<(usize, Comment)> = app
        .session
        .plan()
        .comments
        .iter()
        .enumerate()
        .filter(|(_, c)| &c.target == target)
        .map(|(i, c)| (i, c.clone()))
        .collect();
    let title = tr.fill("comments.title", &[("count", &existing.len().to_string())]);
    egui::CollapsingHeader::new(title).id_salt(("comments", format!("{target:?}"))).default_open(true).show(ui, |ui| {
        let mut remove = None;
        for (i, comment) in &existing {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&comment.author).strong());
                ui.label(&comment.text);
                if ui.small_button(tr.t("comments.remove")).on_hover_text(&comment.text).clicked() {
                    remove = Some(*i);
                }
            });
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(tr.t("comments.author"));
            // As wide as the panel has room for, never wider (a larger text size).
            let author = egui::TextEdit::singleline(&mut app.view.comment_author)
                .desired_width(ui.available_width().min(240.0))
                .char_limit(crate::model::limits::MAX_NAME_CHARS);
            ui.add(author).on_hover_text(tr.t("comments.author"));
        });
        ui.add(
            egui::TextEdit::multiline(&mut app.view.comment_text)
                .desired_width(ui.available_width())
                .desired_rows(2)
                .char_limit(crate::model::limits::MAX_TEXT_CHARS)
                .hint_text(tr.t("comments.hint")),
        )
        .on_hover_text(tr.t("comments.text"));
        let ready = !app.view.comment_text.trim().is_empty();
        if ui.add_enabled(ready, egui::Button::new(tr.t("comments.add"))).clicked() {
            let author = if app.view.comment_author.trim().is_empty() {
                tr.t("comments.anonymous").to_owned()
            } else {
                app.view.comment_author.trim().to_owned()
            };
            let comment = Comment {
                target: target.clone(),
                author,
                text: app.view.comment_text.trim().to_owned(),
                time: crate::time::now_utc(),
            };
            app.session.apply(crate::model::PlanEdit::AddComment(comment));
            app.view.comment_text.clear();
        }
        if let Some(comment) = remove.and_then(|i| app.session.plan().comments.get(i).cloned()) {
            app.session.apply(crate::model::PlanEdit::RemoveComment(comment));
        }
    });
}
