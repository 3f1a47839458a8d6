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

/// Decodes standard base64 (the report's data URIs).
fn unbase64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let values: Vec<u32> =
        text.bytes().filter(|b| *b != b'=').map(|b| ALPHABET.iter().position(|a| *a == b).unwrap() as u32).collect();
    let mut out = Vec::new();
    for chunk in values.chunks(4) {
        let n = chunk.iter().enumerate().fold(0, |n, (i, v)| n | (v << (18 - 6 * i)));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

/// The SVG images of a report section, decoded.
fn section_images(html: &str, id: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(html.trim_start_matches("<!DOCTYPE html>")).unwrap();
    let section = doc.descendants().find(|n| n.attribute("id") == Some(id)).unwrap();
    section
        .descendants()
        .filter(|n| n.tag_name().name() == "img")
        .map(|img| {
            let data = img.attribute("src").unwrap().trim_start_matches("data:image/svg+xml;base64,");
            String::from_utf8(unbase64(data)).unwrap()
        })
        .collect()
}

#[test]
fn the_report_draws_the_map_for_2016_and_2030_and_the_tenure_mix_with_the_40_percent_line() {
    let html = report(Language::Danish, None);
    let maps = section_images(&html, "map");
    assert_eq!(maps.len(), 3, "2016 once, 2030 for each of the two plans");
    let vision = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    for svg in &maps {
        let doc = roxmltree::Document::parse(svg).expect("each map is well-formed SVG");
        let areas: Vec<_> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "path" && n.attribute("fill") != Some("none"))
            .collect();
        assert_eq!(areas.len(), vision.municipality.areas.len(), "one outline per area");
        for area in &vision.municipality.areas {
            assert!(svg.contains(&format!("<title>{}</title>", area.name)), "{} is named", area.name);
        }
        assert!(svg.contains("Skematisk kort, ikke målfast"), "the legend says the map is schematic");
        assert!(svg.contains("Jernbane") && svg.contains("Høje Taastrup"), "railway and stations are drawn");
    }
    // Colours follow the projection: the estates' 2016 and 2030 fills differ in the Visionsplan.
    let fill_of = |svg: &str, name: &str| {
        let at = svg.find(&format!("<title>{name}</title>")).unwrap();
        let start = svg[..at].rfind("fill=\"").unwrap() + 6;
        svg[start..start + 7].to_owned()
    };
    assert_ne!(fill_of(&maps[0], "Taastrupgaard"), fill_of(&maps[1], "Taastrupgaard"));
    let tenure = section_images(&html, "tenure");
    assert_eq!(tenure.len(), 2);
    assert!(tenure[0].contains("40 %") && tenure[0].contains("stroke-dasharray"), "the 40 % line is drawn");
    assert!(tenure[0].contains("Almene familieboliger"), "tenures are named");
}

#[test]
fn the_change_log_reads_in_the_report_s_language_whatever_language_the_edit_was_made_in() {
    use by_i_balance::model::{ChangeEntry, PlanEdit};
    let library = Library::load().unwrap();
    let mut vision = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    vision.change_log.push(ChangeEntry {
        time: "2026-11-29T13:03:00Z".into(),
        edit: Some(PlanEdit::JointAllocation(None)),
        text: String::new(),
    });
    vision.change_log.push(ChangeEntry {
        time: "2026-11-29T13:04:00Z".into(),
        edit: None,
        text: "Omdøbt i en ældre version".into(),
    });
    let tr = |language| Translations::shared().unwrap().tr(language);
    for language in [Language::Danish, Language::English] {
        let html = report_for_plans(&library, std::slice::from_ref(&vision), tr(language)).unwrap();
        let changes = &html[html.find(r#"<section id="changes">"#).expect("a change log section")..];
        let changes = &changes[..changes.find("</section>").unwrap()];
        let words = tr(language).t("change.joint_none");
        assert!(changes.contains(words), "{language:?}: the edit reads \"{words}\": {changes}");
        assert!(changes.contains("Omdøbt i en ældre version"), "an entry of an older file keeps its words");
    }
    assert_ne!(tr(Language::Danish).t("change.joint_none"), tr(Language::English).t("change.joint_none"));
}

#[test]
fn the_residents_chart_writes_its_numbers_in_the_report_s_language() {
    use by_i_balance::report::svg::{Series, stacked_areas};
    let years = [2016.0, 2040.0];
    let layer = Series {
        name: "I arbejde".into(),
        colour: "#0072b2".into(),
        points: vec![(2016.0, 50_000.0), (2040.0, 60_000.0)],
        dashed: false,
    };
    let chart = |language| stacked_areas("Beboere", &years, std::slice::from_ref(&layer), ("År", "Beboere"), language);
    let english = chart(Language::English);
    let danish = chart(Language::Danish);
    assert!(english.contains(">20,000<") && !english.contains(">20.000<"), "English thousands: {english}");
    assert!(danish.contains(">20.000<"), "Danish thousands: {danish}");
    assert!(english.contains(">2020<") && danish.contains(">2020<"), "years are never grouped");
}

/// The room sees how the model tracks reality: every published list in `assets/observed.ron`
/// stands in the report beside the first plan's status that year, in the report's language,
/// and Tåstrupgård's published criteria of the list of 1 December 2023 beside the projected
/// values.
#[test]
fn the_report_sets_the_published_lists_beside_the_projection() {
    let library = Library::load().unwrap();
    let html = report(Language::Danish, None);
    let start = html.find("De officielle lister og fremskrivningen").expect("the official lists have a table");
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    let rows = table.matches("<tr>").count() - 1;
    assert_eq!(rows, library.observed.len(), "one row per published list");
    assert!(table.contains("1. december 2023") && table.contains("Omdannelsesområde"), "Danish dates and words");
    assert!(table.contains("Kun grundskole: 77,3 % officielt"), "the published value of 2023");
    assert!(table.contains("Hård ghetto"), "the hard-ghetto lists of 2018–2020");
    assert!(!html.contains("assets/observed.ron"), "the report names no file of the program's");
    assert!(table.contains("Kilde (på engelsk)") && table.contains("ft.dk"), "each list has its source");
    let english = report(Language::English, None);
    assert!(english.contains("1 December 2023") && english.contains("Basic schooling only: 77.3% official"));
}
