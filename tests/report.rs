//! The workshop report for the two shipped plans, made as the command line makes it: one
//! well-formed HTML file, every section present, every image embedded (no external links),
//! numbers in the chosen language; and a comment added to a plan shows in it.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use by_i_balance::assets::{self, Library};
use by_i_balance::i18n::{Language, Translations};
use by_i_balance::model::{Comment, CommentTarget};
use by_i_balance::report::{SECTIONS, report_for_plans};

fn report(language: Language, comment: Option<Comment>) -> String {
    let library = Library::load().unwrap();
    let mut vision = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    vision.comments.extend(comment);
    let basis = assets::shipped_plan("basisforloeb-2016.ron").unwrap();
    report_for_plans(&library, &[vision, basis], Translations::shared().unwrap().tr(language)).unwrap()
}

#[test]
fn the_report_is_well_formed_self_contained_and_complete() {
    let html = report(Language::Danish, None);
    let without_doctype = html.trim_start_matches("<!DOCTYPE html>");
    let doc = roxmltree::Document::parse(without_doctype).expect("the report is well-formed markup");
    for id in SECTIONS {
        let found = doc.descendants().any(|n| n.tag_name().name() == "section" && n.attribute("id") == Some(id));
        assert!(found, "the section {id} is present");
    }
    let images: Vec<_> = doc.descendants().filter(|n| n.tag_name().name() == "img").collect();
    assert!(images.len() >= 3, "the score chart and a residents chart per plan ({})", images.len());
    for img in &images {
        let src = img.attribute("src").unwrap();
        assert!(src.starts_with("data:image/svg+xml;base64,"), "embedded, not linked: {}", &src[..40.min(src.len())]);
        assert!(!img.attribute("alt").unwrap_or("").is_empty(), "every image says what it shows");
    }
    for n in doc.descendants() {
        for attribute in ["href", "src"] {
            if let Some(value) = n.attribute(attribute) {
                assert!(value.starts_with("data:") || value.starts_with('#'), "an external link: {value}");
            }
        }
    }
    assert!(!html.contains("url("), "no external style resources");
    assert!(html.contains("Visionsplan 2016") && html.contains("Basisforløb 2016"), "both plans are named");
    assert!(html.contains("Taastrupgaard") && html.contains("På listen"), "the estates' status is given in words");
    let vision = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    let total = by_i_balance::i18n::format_number(
        by_i_balance::engine::project(&by_i_balance::assets::Library::load().unwrap(), &vision)
            .score_in(2025)
            .unwrap()
            .total,
        1,
        Language::Danish,
    );
    assert!(html.contains(&total), "the 2025 score {total} is in the breakdown, in Danish format");
}

#[test]
fn a_comment_shows_in_the_report_with_who_said_it() {
    let comment = Comment {
        target: CommentTarget::Area("charlotteager".into()),
        author: "Beboer fra blok 4".into(),
        text: "Sælg ikke boligerne ud mod parken".into(),
        time: "2026-11-26T19:30:00Z".into(),
    };
    let html = report(Language::English, Some(comment));
    assert!(html.contains("Beboer fra blok 4"));
    assert!(html.contains("Sælg ikke boligerne ud mod parken"));
    assert!(html.contains("Charlotteager"));
    assert!(html.contains("The participants&#39; comments"), "the English headings are used");
}
