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
use egui_kittest::kittest::{NodeT, Queryable};

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

/// Words on the map and where they are.
type Named = (String, Rect);

/// Nodes of `role` whose words are one of `words`, with their boxes, leaving out those in
/// `except` (another map's, known from before). A label's words are its value in AccessKit, a
/// button's its label.
fn nodes(
    harness: &Harness<'_, WorkshopApp>,
    role: Role,
    words: &[String],
    except: &[(String, Rect)],
) -> Vec<(String, Rect)> {
    let mut found: Vec<(String, Rect)> = harness
        .query_all_by_role(role)
        .filter_map(|n| {
            let node = n.accesskit_node();
            let text = if role == Role::Label { node.value() } else { node.label() }?;
            words.contains(&text).then(|| (text, n.rect()))
        })
        .collect();
    for known in except {
        if let Some(i) = found.iter().position(|f| f == known) {
            found.remove(i);
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.left().total_cmp(&b.1.left())));
    found
}

/// Where the map's names are written: each area's name with its box, read from the labels the
/// map gives assistive technology at the place of each name (leaving out another map's).
fn names(harness: &Harness<'_, WorkshopApp>, except: &[(String, Rect)]) -> Vec<(String, Rect)> {
    let all: Vec<String> = harness.state().session.plan().municipality.areas.iter().map(|a| a.name.clone()).collect();
    nodes(harness, Role::Label, &all, except)
}

/// The institutions' letters on the map, by name (leaving out another map's).
fn letters(harness: &Harness<'_, WorkshopApp>, except: &[(String, Rect)]) -> Vec<(String, Rect)> {
    let all: Vec<String> =
        harness.state().session.plan().municipality.institutions.iter().map(|i| i.name.clone()).collect();
    nodes(harness, Role::Button, &all, except)
}

/// Whether two sets of names are written in the same places, to within a point (a panel's
/// width may differ by a fraction of a point after presentation mode).
fn same_places(a: &[(String, Rect)], b: &[(String, Rect)]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|((n, r), (m, s))| n == m && (r.min - s.min).length() < 1.0 && (r.max - s.max).length() < 1.0)
}

/// How far a box on screen lies from an area's outline, in points, on the map drawn in `map`.
fn distance_from_area(plan_map: &PlanMap, map: Rect, area: usize, label: Rect) -> f32 {
    let fit = Fit::new(plan_map.bounds, [map.left(), map.top(), map.right(), map.bottom()], plan_map.keep_aspect);
    let b = fit.box_to_plane([label.left(), label.top(), label.right(), label.bottom()]);
    (plan_map.areas[area].distance_to_box(b) * fit.pixels_per_unit()) as f32
}

/// The most a name placed beside its area lies from it, and the most of the coloured map the
/// names cover (as `ui::map_labels` states them).
const MAX_LABEL_DISTANCE: f32 = 48.0;
const MAX_NAME_COVER: f32 = 0.25;

/// Every name on the map drawn in `map` lies inside or within `MAX_LABEL_DISTANCE` of its own
/// area, the names together cover at most `MAX_NAME_COVER` of the coloured map (with `cover`:
/// the laptop's map; the projector's large type on a small test window cannot), and every
/// institution's letter lies inside the municipality, clear of the names.
fn assert_names_and_letters_stay_home(
    harness: &Harness<'_, WorkshopApp>,
    map: Rect,
    (names, letters): (&[Named], &[Named]),
    cover: bool,
    context: &str,
) {
    let m = &harness.state().session.plan().municipality;
    let plan_map = PlanMap::build(m);
    assert_eq!(names.len(), m.areas.len(), "{context}: every area's name is on the map: {names:?}");
    let fit = Fit::new(plan_map.bounds, [map.left(), map.top(), map.right(), map.bottom()], true);
    let per_unit = fit.pixels_per_unit() as f32;
    let coloured: f32 = plan_map.areas.iter().map(|a| a.area() as f32).sum::<f32>() * per_unit * per_unit;
    let covered: f32 = names.iter().map(|(_, r)| r.area()).sum();
    assert!(
        !cover || covered <= MAX_NAME_COVER * coloured,
        "{context}: the names cover {:.0} % of the map in {map:?}: {names:?}",
        100.0 * covered / coloured
    );
    for (name, rect) in names {
        let i = m.areas.iter().position(|a| a.name == *name).unwrap();
        let distance = distance_from_area(&plan_map, map, i, *rect);
        assert!(distance <= MAX_LABEL_DISTANCE, "{context}: {name} is written {distance} points from its area");
    }
    let year = harness.state().view.year;
    let standing = by_i_balance::app::places::places_at(harness.state().session.projection(), year).institutions.len();
    assert_eq!(letters.len(), standing, "{context}: every institution standing in {year} is on the map: {letters:?}");
    for (institution, rect) in letters {
        let at = fit.to_plane([rect.center().x, rect.center().y]);
        assert!(plan_map.area_at(at).is_some(), "{context}: {institution}'s letter is outside the municipality");
        for (name, label) in names {
            assert!(!label.intersects(rect.shrink(1.0)), "{context}: {institution}'s letter covers {name}");
        }
    }
}

/// Issue 25, item 2: the map's names stay with their areas. At 1366×768 and 1280×720, in the
/// window and on the projector, every name lies inside its outline or within
/// `MAX_LABEL_DISTANCE` of it, the names cover at most `MAX_NAME_COVER` of the coloured map, and
/// the institutions' letters lie inside the municipality (also after a school is moved);
/// presentation mode on and off, and a reveal on the projector, leave every name where it was.
#[test]
fn names_stay_with_their_areas_through_a_reveal_and_presentation_mode() {
    use by_i_balance::app::room::ProjectorView;
    use by_i_balance::model::{Action, ActionKind, Tenure};
    for size in [[1366.0, 768.0], [1280.0, 720.0]] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_in(&dir, None);
        app.room.projector.views = vec![ProjectorView::Map];
        let mut harness = harness_for(app, size);
        harness.run();
        // The window's map, alone.
        let window_map = harness.get_by_role_and_label(Role::Image, "Kortet").rect();
        let window_names = names(&harness, &[]);
        let window_letters = letters(&harness, &[]);
        let context = format!("{size:?}, window");
        assert_names_and_letters_stay_home(&harness, window_map, (&window_names, &window_letters), true, &context);
        harness.key_press(egui::Key::F11);
        harness.run();
        harness.run();
        assert!(harness.state().room.presentation);
        harness.key_press(egui::Key::Escape);
        harness.run();
        harness.run();
        let after = names(&harness, &[]);
        assert!(same_places(&after, &window_names), "{context}: presentation mode moved names: {after:?}");

        // The projector's map beside it (the window's is as it was).
        harness.get_by_label("Åbn projektor").click();
        harness.run();
        harness.run();
        let projector_map = harness
            .query_all_by_role_and_label(Role::Image, "Kortet")
            .map(|n| n.rect())
            .find(|r| *r != window_map)
            .expect("the projector's map");
        let projector_names = names(&harness, &window_names);
        let projector_letters = letters(&harness, &window_letters);
        let context = format!("{size:?}, projector");
        let found = (projector_names.as_slice(), projector_letters.as_slice());
        assert_names_and_letters_stay_home(&harness, projector_map, found, false, &context);
        harness.get_by_label("Frys projektoren").click();
        harness.run();
        harness.state_mut().session.apply(PlanEdit::AddAction(Action::new(
            2019,
            ActionKind::Demolish { area: "gadehavegaard".into(), tenure: Tenure::AlmenFamily, count: 300.0 },
        )));
        harness.run();
        harness.get_by_label("Vis ændringen").click();
        harness.run();
        harness.run();
        assert!(harness.state().room.projector.revealed.is_some(), "{context}: the change is revealed");
        let after = names(&harness, &window_names);
        assert!(same_places(&after, &projector_names), "{context}: a reveal moved names: {after:?}");

        // A school moved to the smallest district keeps its letter inside the municipality.
        let moved = harness.state_mut().session.apply(PlanEdit::MoveInstitution {
            institution: "selsmoseskolen".into(),
            district: "hoeje-taastrup-c".into(),
            year: 2019,
        });
        assert!(moved, "{size:?}: the school moved to Høje-Taastrup C");
        harness.run();
        harness.get_by_label("Luk projektor").click();
        harness.run();
        let context = format!("{size:?}, window, a school moved");
        let moved = letters(&harness, &[]);
        assert_ne!(moved, window_letters, "{context}: the school's letter moved");
        assert_names_and_letters_stay_home(&harness, window_map, (&names(&harness, &[]), &moved), true, &context);
    }
}
