//! Nothing cut on a laptop (issue 25, items 3 and 4): on a 1366×768 and a 1280×720 screen —
//! full screen, and maximised under a title bar and a task bar — in Danish and English, in the
//! window and in presentation mode, every chart of the side panel and of the comparison lies
//! wholly on the screen with its axes, axis titles and legend, every table shows all its
//! columns, and every menu and submenu fits the screen, also at the largest text size. Driven
//! and read as a participant sees it: by the labels on screen and where they are.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use by_i_balance::app::{ChartTab, FileDialogs, WorkshopApp};
use by_i_balance::files::Workspace;
use by_i_balance::i18n::{Language, Tr};
use by_i_balance::model::PlanEdit;
use egui::{Key, Rect, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The window's inner size: the whole screen (or presentation mode), and maximised under a
/// window manager (openbox), whose title bar takes 20 points.
const WINDOWS: [[f32; 2]; 4] = [[1366.0, 768.0], [1366.0, 748.0], [1280.0, 720.0], [1280.0, 700.0]];
/// The screens presentation mode fills.
const SCREENS: [[f32; 2]; 2] = [[1366.0, 768.0], [1280.0, 720.0]];
/// The year axis's numbers and title under a plot's frame.
const YEAR_AXIS: f32 = 34.0;

fn workshop(dir: &tempfile::TempDir, size: [f32; 2], language: Language) -> Harness<'static, WorkshopApp> {
    let mut app = WorkshopApp::with_visionsplan(Workspace::at(dir.path())).unwrap();
    app.document.dialogs = FileDialogs::InApp;
    app.view.language = language;
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut WorkshopApp| by_i_balance::ui::main_ui(ui, app), app);
    by_i_balance::ui::setup(&harness.ctx);
    harness.run();
    harness
}

fn present(harness: &mut Harness<'_, WorkshopApp>) {
    harness.key_press(Key::F11);
    harness.run();
    harness.run();
    assert!(harness.state().room.presentation);
}

/// What is visible of the window's middle: the screen above the year slider's panel.
fn visible(harness: &Harness<'_, WorkshopApp>, tr: Tr<'_>) -> Rect {
    let screen = harness.ctx.content_rect();
    let slider = harness.get_by_label(tr.t("timeline.play")).rect();
    Rect::from_min_max(screen.min, egui::pos2(screen.right(), slider.top() - 8.0))
}

/// Every node with exactly these words lies wholly inside `area`.
fn assert_inside(harness: &Harness<'_, WorkshopApp>, words: &str, area: Rect, context: &str) {
    let mut found = 0;
    for node in harness.query_all_by_label(words) {
        let rect = node.rect();
        found += 1;
        assert!(
            area.expand(0.5).contains_rect(rect),
            "{context}: \"{words}\" at {rect:?} is not wholly inside {area:?}"
        );
    }
    assert!(found > 0, "{context}: \"{words}\" is not on the screen");
}

/// Every node whose words begin with these lies wholly inside `area` (a menu entry's words
/// carry its shortcut after them).
fn assert_entry_inside(harness: &Harness<'_, WorkshopApp>, words: &str, area: Rect, context: &str) {
    let mut found = 0;
    for node in harness.query_all_by_label_contains(words).filter(|n| n.accesskit_node().role() != Role::Image) {
        let rect = node.rect();
        found += 1;
        assert!(
            area.expand(0.5).contains_rect(rect),
            "{context}: \"{words}\" at {rect:?} is not wholly inside {area:?}"
        );
    }
    assert!(found > 0, "{context}: \"{words}\" is not on the screen");
}

/// How wide `text` is written in the body style.
fn text_width(harness: &Harness<'_, WorkshopApp>, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(&harness.ctx.global_style());
    harness.ctx.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, egui::Color32::BLACK).size().x)
}

/// The chart's plot with its axes beside and under it.
fn chart_with_axes(harness: &Harness<'_, WorkshopApp>, name: &str) -> Rect {
    let plot = harness.get_by_role_and_label(Role::Image, name).rect();
    Rect::from_min_max(plot.min - egui::vec2(40.0, 0.0), plot.max + egui::vec2(0.0, YEAR_AXIS))
}

/// Scrolls the panel with the mouse wheel, as a participant would, until the chart with its
/// axes is in view (a tab with a table above its chart scrolls on a short screen).
fn scroll_to_chart(harness: &mut Harness<'_, WorkshopApp>, name: &str, area: Rect) {
    for _ in 0..12 {
        let whole = chart_with_axes(harness, name);
        let delta = if whole.bottom() > area.bottom() {
            area.bottom() - whole.bottom() - 4.0
        } else if whole.top() < area.top() {
            area.top() - whole.top() + 4.0
        } else {
            return;
        };
        // Over the panel's visible part, clear of its edges.
        harness.hover_at(egui::pos2(whole.center().x, whole.center().y.clamp(area.top() + 60.0, area.bottom() - 60.0)));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, delta),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run();
    }
}

/// A chart, named for screen readers, lies wholly inside `area` with its year axis (when it has
/// one) under it — once scrolled to, where the panel scrolls — and its y axis's title fits along
/// its frame (it does not run into the legend above).
fn assert_chart_whole(
    harness: &mut Harness<'_, WorkshopApp>,
    name: &str,
    y_title: Option<&str>,
    area: Rect,
    context: &str,
) {
    scroll_to_chart(harness, name, area);
    let plot = harness.get_by_role_and_label(Role::Image, name).rect();
    assert!(plot.height() >= 120.0, "{context}: {name} has {} points of plot", plot.height());
    let with_axis = chart_with_axes(harness, name);
    assert!(
        area.expand(0.5).contains_rect(with_axis),
        "{context}: {name} and its axes {with_axis:?} are cut by {area:?}"
    );
    if let Some(title) = y_title {
        let width = text_width(harness, title);
        assert!(width <= plot.height(), "{context}: {name}'s axis title ({width} points) is longer than its plot");
    }
}

/// The legend entries above a chart, each on the screen and above the slider.
fn assert_legend(harness: &Harness<'_, WorkshopApp>, entries: &[String], area: Rect, context: &str) {
    for entry in entries {
        assert_inside(harness, entry, area, &format!("{context}, the legend"));
    }
}

fn wait_for_bands(harness: &mut Harness<'_, WorkshopApp>) {
    for _ in 0..4000 {
        harness.step();
        if harness.state().session.bands().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run();
}

/// Every tab of the side panel, in turn: its chart whole with its legend, and its tables with
/// all their columns.
fn assert_every_chart_whole(harness: &mut Harness<'static, WorkshopApp>, context: &str) {
    let tr = harness.state().tr();
    let area = visible(harness, tr);
    let components: Vec<String> = by_i_balance::sim::COMPONENTS.iter().map(|c| tr.of("component", c.key())).collect();
    let groups: Vec<String> = by_i_balance::model::Group::ALL.iter().map(|g| tr.of("group", g.key())).collect();
    let tenures: Vec<String> = by_i_balance::model::Tenure::ALL.iter().map(|t| tr.of("tenure", t.key())).collect();
    let tabs = [
        ChartTab::Score,
        ChartTab::Composition,
        ChartTab::TenureMix,
        ChartTab::Status,
        ChartTab::Schools,
        ChartTab::Explain,
        ChartTab::Uncertainty,
    ];
    wait_for_bands(harness);
    // The side panel's left edge, read from the score's headline: no tab's contents may push
    // the panel wider (the map beside it would be laid out anew, its names moved).
    let headline = tr.fill("score.headline", &[("year", "2025")]);
    let edge = harness.get_by_label(&headline).rect().left();
    for tab in tabs {
        let label = tr.of("chart_tab", tab.key());
        harness.get_by_label(&label).click();
        harness.run();
        harness.run();
        let context = format!("{context}, {label}");
        let now = harness.get_by_label(&headline).rect().left();
        assert!((now - edge).abs() < 1.0, "{context}: the side panel's edge moved from {edge} to {now}");
        match tab {
            ChartTab::Score => {
                assert_chart_whole(harness, tr.t("chart_name.score"), Some(tr.t("axis.score")), area, &context);
                let mut legend = vec![tr.t("series.plan").to_owned(), tr.t("series.baseline").to_owned()];
                legend.extend(components.iter().cloned());
                assert_legend(harness, &legend, area, &context);
            }
            ChartTab::Composition => {
                let y = tr.t("axis.residents");
                assert_chart_whole(harness, tr.t("chart_name.composition"), Some(y), area, &context);
                assert_legend(harness, &groups, area, &context);
            }
            ChartTab::TenureMix => {
                assert_chart_whole(harness, tr.t("chart_name.tenure"), None, area, &context);
                let mut legend = tenures.clone();
                legend.push(tr.t("series.line_40").to_owned());
                assert_legend(harness, &legend, area, &context);
            }
            ChartTab::Status => {
                // The table: a column per estate, every milestone year and the exit from the list.
                for words in ["Taastrupgaard", "Gadehavegaard", "Charlotteager", "2016", "2040"] {
                    assert_inside(harness, words, area, &format!("{context}, the table"));
                }
                assert_inside(harness, tr.t("status.exit_short"), area, &format!("{context}, the table"));
                let y = tr.t("axis.percent");
                assert_chart_whole(harness, tr.t("chart_name.criteria"), Some(y), area, &context);
                assert_legend(harness, &[tr.t("series.list_line").to_owned()], area, &context);
                // The criteria with their thresholds, scrolled to: none runs past the panel.
                let prefix = tr.t("criterion.line").split("{threshold}").next().unwrap();
                let threshold = harness.get_all_by_label_contains(prefix).next().unwrap().rect();
                assert!(threshold.right() <= area.right() + 0.5, "{context}: a threshold ends at {threshold:?}");
            }
            ChartTab::Schools => {
                assert_chart_whole(harness, tr.t("chart_name.schools"), None, area, &context);
                assert_legend(harness, &[tr.t("series.plan").to_owned()], area, &context);
            }
            ChartTab::Uncertainty => {
                assert_chart_whole(harness, tr.t("chart_name.tornado"), None, area, &context);
                assert_legend(harness, &[tr.t("uncertainty.at_low").to_owned()], area, &context);
            }
            _ => {}
        }
    }
}

#[test]
fn every_chart_and_table_is_whole_on_a_laptop() {
    for language in [Language::Danish, Language::English] {
        for size in WINDOWS {
            let dir = tempfile::tempdir().unwrap();
            let mut harness = workshop(&dir, size, language);
            assert_every_chart_whole(&mut harness, &format!("{size:?} {language:?}"));
        }
        for size in SCREENS {
            let dir = tempfile::tempdir().unwrap();
            let mut harness = workshop(&dir, size, language);
            present(&mut harness);
            assert_every_chart_whole(&mut harness, &format!("{size:?} {language:?}, presentation mode"));
        }
    }
}

/// The comparison of the open plan and two pinned snapshots, with the room's dots: its chart
/// whole, its table with a column per variant, and every variant's buttons inside the middle of
/// the window.
#[test]
fn the_comparison_keeps_every_column_and_button_on_a_laptop() {
    for language in [Language::Danish, Language::English] {
        for size in WINDOWS {
            let dir = tempfile::tempdir().unwrap();
            let mut harness = workshop(&dir, size, language);
            let tr = harness.state().tr();
            let context = format!("{size:?} {language:?}");
            harness.get_by_label(tr.t("toolbar.compare")).click();
            harness.run();
            harness.get_by_label(tr.t("compare.pin_current")).click();
            harness.run();
            harness.state_mut().session.apply(PlanEdit::Name("Bord 2s plan med en lang titel".into()));
            harness.get_by_label(tr.t("compare.pin_current")).click();
            harness.run();
            assert_eq!(harness.state().document.pinned.len(), 2, "{context}: two snapshots pinned");
            harness.state_mut().view.vote_group = "Bord 2".into();
            harness.run();
            let give = by_i_balance::words::dots(tr, 1, true);
            for i in 0..3 {
                harness.get_all_by_label(&give).nth(i).unwrap().scroll_to_me();
                harness.run();
                harness.get_all_by_label(&give).nth(i).unwrap().click();
                harness.run();
            }
            // The middle of the window: left of the side panel's headline.
            let headline = tr.fill("score.headline", &[("year", "2025")]);
            let charts_left = harness.get_by_label(&headline).rect().left() - 8.0;
            let screen = harness.ctx.content_rect();
            let middle = Rect::from_min_max(screen.min, egui::pos2(charts_left, screen.bottom()));
            let names = harness.state().variant_names();
            assert_eq!(names.len(), 3);
            for name in &names {
                assert!(!name.is_empty());
            }
            let remove = tr.t("votes.remove_last");
            assert_eq!(harness.get_all_by_label(remove).count(), 3, "{context}: each variant has its dots");
            for node in harness.get_all_by_label(remove) {
                assert!(middle.contains_rect(node.rect()), "{context}: {remove} at {:?} is cut", node.rect());
            }
            let compare = harness.get_by_role_and_label(Role::Image, tr.t("chart_name.compare"));
            compare.scroll_to_me();
            harness.run();
            let chart = harness.get_by_role_and_label(Role::Image, tr.t("chart_name.compare")).rect();
            assert!(middle.contains_rect(chart), "{context}: the comparison's chart {chart:?} is cut");
            harness.get_by_label(tr.t("compare.status_title")).scroll_to_me();
            harness.run();
            // The table's heading row, under its title: a column per variant, each inside.
            let title = harness.get_by_label(tr.t("compare.status_title")).rect();
            let row = Rect::from_min_max(
                egui::pos2(screen.left(), title.bottom()),
                egui::pos2(screen.right(), title.bottom() + 90.0),
            );
            for name in &names {
                let heading = harness
                    .query_all_by_label(name)
                    .map(|n| n.rect())
                    .filter(|r| row.contains(r.left_top()))
                    .fold(Rect::NOTHING, |a, b| a.union(b));
                assert!(heading.is_positive(), "{context}: the table has a column for {name}");
                assert!(heading.right() <= charts_left + 0.5, "{context}: the column of {name} ends at {heading:?}");
            }
        }
    }
}

/// The labels of a menu's entries, by the command or setting each names.
fn view_menu(tr: Tr<'_>) -> Vec<(String, Vec<String>)> {
    let indicators =
        by_i_balance::app::MapIndicator::ALL.iter().map(|i| tr.of("indicator", i.key())).collect::<Vec<_>>();
    let themes = by_i_balance::app::room::Theme::ALL.iter().map(|t| tr.of("room.theme", t.key())).collect::<Vec<_>>();
    let mut look = themes;
    look.extend(["100 %", "125 %", "150 %", "175 %"].map(str::to_owned));
    let screens =
        by_i_balance::app::room::ProjectorScreen::ALL.iter().map(|s| tr.of("projector_screen", s.key())).collect();
    let views = by_i_balance::app::room::ProjectorView::ALL.iter().map(|v| tr.of("projector.view", v.key())).collect();
    vec![
        (tr.t("toolbar.map_colour").to_owned(), indicators),
        (tr.t("room.theme_title").to_owned(), look),
        (tr.t("projector.screen_menu").to_owned(), screens),
        (tr.t("projector.views_menu").to_owned(), views),
    ]
}

/// Opens a menu by its title and checks that each of its entries lies on the screen (a map view's
/// name is also the map's, which is no entry).
fn assert_menu_fits(harness: &mut Harness<'static, WorkshopApp>, title: &str, entries: &[String], context: &str) {
    // The lowest of its names: a submenu's entry is below the tool bar's box of the same name.
    let at = harness.get_all_by_label(title).map(|n| n.rect()).max_by(|a, b| a.top().total_cmp(&b.top())).unwrap();
    harness.hover_at(at.center());
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at.center(),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
    let screen = harness.ctx.content_rect();
    for entry in entries {
        assert_entry_inside(harness, entry, screen, &format!("{context}, the menu {title}"));
    }
}

fn assert_menus_fit(harness: &mut Harness<'static, WorkshopApp>, context: &str) {
    let tr = harness.state().tr();
    let words = |keys: &[&str]| keys.iter().map(|k| tr.t(k).to_owned()).collect::<Vec<_>>();
    let file =
        words(&["menu.new", "menu.open", "menu.variants", "menu.save", "menu.save_as", "menu.export", "menu.quit"]);
    for (submenu, entries) in [
        ("menu.new", words(&["menu.new_from_2016", "menu.new_municipality"])),
        ("menu.export", words(&["export.report", "export.window_png", "export.csv"])),
    ] {
        assert_menu_fits(harness, tr.t("menu.file"), &file, context);
        assert_menu_fits(harness, tr.t(submenu), &entries, context);
        close_menus(harness);
    }
    let view: Vec<String> = [
        "menu.show_editor",
        "room.theme_title",
        "room.presentation",
        "projector.open",
        "projector.views_menu",
        "help.open",
    ]
    .iter()
    .map(|k| tr.t(k).to_owned())
    .collect();
    for (submenu, entries) in view_menu(tr) {
        assert_menu_fits(harness, tr.t("menu.view"), &view, context);
        assert_menu_fits(harness, &submenu, &entries, context);
        close_menus(harness);
    }
    assert_menu_fits(harness, tr.t("menu.language"), &["Dansk".to_owned(), "English".to_owned()], context);
    close_menus(harness);
}

/// Esc closes the open menus (in presentation mode too, which stays on).
fn close_menus(harness: &mut Harness<'static, WorkshopApp>) {
    let presenting = harness.state().room.presentation;
    for _ in 0..3 {
        if !egui::Popup::is_any_open(&harness.ctx) {
            break;
        }
        harness.key_press(Key::Escape);
        harness.run();
    }
    assert!(!egui::Popup::is_any_open(&harness.ctx), "Esc closed the menus");
    assert_eq!(harness.state().room.presentation, presenting, "and left presentation mode as it was");
}

#[test]
fn every_menu_fits_the_screen() {
    for language in [Language::Danish, Language::English] {
        for size in WINDOWS {
            let dir = tempfile::tempdir().unwrap();
            let mut harness = workshop(&dir, size, language);
            assert_menus_fit(&mut harness, &format!("{size:?} {language:?}"));
        }
        for size in SCREENS {
            let dir = tempfile::tempdir().unwrap();
            let mut harness = workshop(&dir, size, language);
            present(&mut harness);
            assert_menus_fit(&mut harness, &format!("{size:?} {language:?}, presentation mode"));
            // And at the largest text size (presentation mode's zoom on top).
            harness.state_mut().room.text_size = by_i_balance::app::room::TEXT_SCALES.len() - 1;
            harness.run();
            harness.run();
            assert_menus_fit(&mut harness, &format!("{size:?} {language:?}, presentation mode, 175 %"));
        }
    }
}

/// Issue 25, item 6: at the largest text size (175 %) on a 1366×768 laptop the map keeps a
/// usable share of the window, the area's editor fits its panel (its sliders and number fields
/// inside it), and the panels come back to their widths after the editor is hidden and shown.
#[test]
fn at_175_percent_the_map_keeps_its_room_and_the_panels_come_back() {
    use by_i_balance::app::{Command, Selection};
    for language in [Language::Danish, Language::English] {
        for size in [[1366.0, 768.0], [1366.0, 748.0]] {
            let dir = tempfile::tempdir().unwrap();
            let mut harness = workshop(&dir, size, language);
            harness.state_mut().room.text_size = by_i_balance::app::room::TEXT_SCALES.len() - 1;
            harness.state_mut().view.selection = Selection::Area("taastrupgaard".into());
            harness.run();
            harness.run();
            let context = format!("{size:?} {language:?}, 175 %");
            let tr = harness.state().tr();
            let screen = harness.ctx.content_rect();
            let map = harness.get_by_role_and_label(Role::Image, tr.of("projector.view", "map").as_str()).rect();
            assert!(
                map.width() >= 0.35 * screen.width(),
                "{context}: the map is {} of {} points wide",
                map.width(),
                screen.width()
            );
            assert!(
                map.height() >= 0.35 * screen.height(),
                "{context}: the map is {} of {} points tall",
                map.height(),
                screen.height()
            );
            // The editor's number fields and sliders lie inside its panel, left of the map.
            for role in [Role::SpinButton, Role::Slider] {
                for node in harness.query_all_by_role(role) {
                    let rect = node.rect();
                    if rect.right() < map.left() + 40.0 && rect.top() < map.bottom() {
                        assert!(
                            rect.right() <= map.left() - 2.0,
                            "{context}: a {role:?} at {rect:?} runs into the map at {:?}",
                            map.left()
                        );
                    }
                }
            }
            let headline = tr.fill("score.headline", &[("year", "2025")]);
            let edges = |h: &Harness<'_, WorkshopApp>| {
                let map = h.get_by_role_and_label(Role::Image, tr.of("projector.view", "map").as_str()).rect();
                (map.left(), h.get_by_label(&headline).rect().left())
            };
            let before = edges(&harness);
            for _ in 0..2 {
                harness.state_mut().queue(Command::ToggleEditor);
                harness.run();
                harness.run();
            }
            let after = edges(&harness);
            assert!(
                (after.0 - before.0).abs() < 1.0 && (after.1 - before.1).abs() < 1.0,
                "{context}: the panels moved from {before:?} to {after:?} after the editor was hidden and shown"
            );
        }
    }
}
