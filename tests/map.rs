//! The map in the app, driven and read as a participant sees it: a click lands on the area whose
//! outline holds it (not its bounding box), and at 1280×720 and 1366×768, in Danish and English,
//! in the window, in presentation mode and on the projector, no area's name breaks inside a
//! word and no district tag covers a name. The names are read from the laid-out galleys.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use by_i_balance::app::{FileDialogs, Selection, WorkshopApp};
use by_i_balance::files::Workspace;
use by_i_balance::i18n::Language;
use by_i_balance::map::{Fit, PlanMap};
use by_i_balance::model::{Plan, PlanEdit};
use egui::{Pos2, Rect, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Two areas: an L (3 × 3 km less its top-right 2 × 2 km) and a square south of it; the L's
/// notch is inside its convex hull but belongs to no area.
fn l_shaped_plan() -> Plan {
    let csv = "id,name,district,kind,almen_family,almen_youth,almen_elderly,private_rental,cooperative,owner_occupied,children,employed,in_education,outside_work,seniors\n\
               hjoernet,Hjørnet,by,estate,800,0,0,0,0,0,600,500,100,600,150\n\
               syd,Syd,by,ordinary,100,0,0,200,100,800,500,1200,200,200,300\n";
    let (dx, dy) = (0.016_f64, 0.009_f64); // about 1 km east and north at 55.6° N
    let p = |x: f64, y: f64| format!("[{},{}]", 12.2 + x * dx, 55.6 + y * dy);
    let ring = |points: &[(f64, f64)]| points.iter().map(|(x, y)| p(*x, *y)).collect::<Vec<_>>().join(",");
    let l = ring(&[(0.0, 0.0), (3.0, 0.0), (3.0, 1.0), (1.0, 1.0), (1.0, 3.0), (0.0, 3.0), (0.0, 0.0)]);
    let s = ring(&[(0.0, -1.0), (3.0, -1.0), (3.0, 0.0), (0.0, 0.0), (0.0, -1.0)]);
    let geojson = format!(
        r#"{{"type":"FeatureCollection","features":[
        {{"type":"Feature","properties":{{"id":"hjoernet"}},"geometry":{{"type":"Polygon","coordinates":[[{l}]]}}}},
        {{"type":"Feature","properties":{{"id":"syd"}},"geometry":{{"type":"Polygon","coordinates":[[{s}]]}}}}]}}"#
    );
    let sources = by_i_balance::import::Sources {
        areas_name: "areas.csv",
        areas: csv,
        map: Some(("areas.geojson", &geojson)),
        name: "Hjørnebyen",
        start_year: 2016,
    };
    by_i_balance::import::plan_from_table(&sources).unwrap().plan
}

fn harness_for(app: WorkshopApp, size: [f32; 2]) -> Harness<'static, WorkshopApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut WorkshopApp| by_i_balance::ui::main_ui(ui, app), app);
    by_i_balance::ui::setup(&harness.ctx);
    harness.run();
    harness
}

fn app_in(dir: &tempfile::TempDir, plan: Option<Plan>) -> WorkshopApp {
    let workspace = Workspace::at(dir.path());
    let mut app = match plan {
        Some(plan) => WorkshopApp::new(plan, workspace).unwrap(),
        None => WorkshopApp::with_visionsplan(workspace).unwrap(),
    };
    app.document.dialogs = FileDialogs::InApp;
    app
}

/// Where a point of the plane is on screen, from where the map is drawn.
fn on_screen(harness: &Harness<'_, WorkshopApp>, label: &str, point: [f64; 2]) -> Pos2 {
    let rect = harness.get_by_role_and_label(Role::Image, label).rect();
    let map = PlanMap::build(&harness.state().session.plan().municipality);
    let fit = Fit::new(map.bounds, [rect.left(), rect.top(), rect.right(), rect.bottom()], map.keep_aspect);
    let [x, y] = fit.to_screen(point);
    Pos2::new(x, y)
}

fn click_at(harness: &mut Harness<'_, WorkshopApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
}

#[test]
fn a_click_inside_an_l_hits_it_and_a_click_in_its_notch_hits_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_for(app_in(&dir, Some(l_shaped_plan())), [1366.0, 768.0]);
    let map = PlanMap::build(&harness.state().session.plan().municipality);
    let l = &map.areas[0];
    let [x0, y0, x1, y1] = l.bounds;
    let (w, h) = (x1 - x0, y1 - y0);
    // The notch: two thirds across and up the L's box, inside its hull, outside the L.
    let notch = [x0 + w * 0.67, y0 + h * 0.67];
    assert!(!l.contains(notch) && map.area_at(notch).is_none(), "the test's notch is empty");
    let at = on_screen(&harness, "Kortet", notch);
    click_at(&mut harness, at);
    assert_eq!(harness.state().view.selection, Selection::Municipality, "a click in the notch selects nothing");
    // The L's upright arm, far from its box's centre.
    let at = on_screen(&harness, "Kortet", [x0 + w * 0.15, y0 + h * 0.85]);
    click_at(&mut harness, at);
    assert_eq!(harness.state().view.selection, Selection::Area("hjoernet".into()), "a click in the arm selects the L");
    let at = on_screen(&harness, "Kortet", [x0 + w * 0.5, y0 - h * 0.15]);
    click_at(&mut harness, at);
    assert_eq!(harness.state().view.selection, Selection::Area("syd".into()));
}

/// A text painted on the map, with its rectangle on screen.
struct Painted {
    rows: Vec<String>,
    rect: Rect,
    /// The clip rectangle it was painted in: one per map (the window's, the projector's).
    clip: Rect,
}

fn painted_texts(harness: &Harness<'_, WorkshopApp>) -> Vec<Painted> {
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, clipped.clip_rect, &mut out);
    }
    out
}

fn collect(shape: &egui::Shape, clip: Rect, out: &mut Vec<Painted>) {
    match shape {
        egui::Shape::Text(text) => out.push(Painted {
            rows: text.galley.rows.iter().map(|r| r.text()).collect(),
            rect: text.visual_bounding_rect(),
            clip,
        }),
        egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, clip, out)),
        _ => {}
    }
}

fn squashed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every area's name on the map is whole: read back row by row it is the name (or its short
/// name) with rows meeting only between words; no district tag covers one.
fn assert_labels_read_whole(harness: &Harness<'_, WorkshopApp>, context: &str, copies: usize) {
    let m = &harness.state().session.plan().municipality;
    let texts = painted_texts(harness);
    let mut name_rects = Vec::new();
    for area in &m.areas {
        let candidates = [area.name.as_str(), area.short_name.as_str()];
        let found: Vec<&Painted> = texts
            .iter()
            .filter(|t| {
                let read = squashed(&t.rows.concat());
                candidates.iter().any(|c| !c.is_empty() && squashed(c) == read)
            })
            .collect();
        assert!(found.len() >= copies, "{context}: {} of {copies} labels for {} on the map", found.len(), area.name);
        for label in found {
            let read = label.rows.join(" ");
            assert!(
                candidates.contains(&read.as_str()),
                "{context}: '{}' is laid out as {:?}, breaking inside a word",
                area.name,
                label.rows
            );
            name_rects.push((area.name.clone(), label.rect, label.clip));
        }
    }
    for district in m.districts.iter().filter(|d| m.areas.iter().filter(|a| a.district == d.id).count() > 1) {
        let tag = [district.name.as_str(), district.short_name.as_str()];
        for t in texts.iter().filter(|t| tag.contains(&t.rows.join(" ").as_str())) {
            for (name, rect, _) in name_rects.iter().filter(|(_, _, clip)| *clip == t.clip) {
                assert!(!t.rect.intersects(rect.shrink(0.5)), "{context}: the tag {:?} covers the name {name}", t.rows);
            }
        }
    }
}

#[test]
fn names_never_break_inside_a_word_and_tags_never_cover_them() {
    for size in [[1280.0, 720.0], [1366.0, 768.0]] {
        for language in [Language::Danish, Language::English] {
            let dir = tempfile::tempdir().unwrap();
            let mut app = app_in(&dir, None);
            app.view.language = language;
            let long_name = "Visionsplan 2016 med bydelsgruppernes ændringer fra workshoppen i november, version 3";
            app.session.apply(PlanEdit::Name(long_name.to_owned()));
            let mut harness = harness_for(app, size);
            harness.run();
            let context = format!("{}x{} {language:?}", size[0], size[1]);
            assert_labels_read_whole(&harness, &context, 1);
            harness.key_press(egui::Key::F11);
            harness.run();
            assert!(harness.state().room.presentation);
            assert_labels_read_whole(&harness, &format!("{context}, presentation mode"), 1);
        }
    }
}

#[test]
fn the_projector_follows_the_same_rules() {
    for size in [[1280.0, 720.0], [1920.0, 1080.0]] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_in(&dir, None);
        app.room.projector.open = true;
        app.room.projector.views = vec![by_i_balance::app::room::ProjectorView::Map];
        app.view.show_editor = false;
        app.view.show_charts = false;
        let mut harness = harness_for(app, size);
        harness.run();
        // The main window's map and the projector's both carry every name, whole.
        assert!(harness.query_by_label("By i balance – projektor").is_some(), "the projector shows");
        assert_labels_read_whole(&harness, &format!("{}x{} with the projector", size[0], size[1]), 2);
    }
}
