//! The meeting room on screen: theme and text size, the help screen with every shortcut, the
//! round timer, and the projector window — a second native window showing the chosen
//! views large, with no editing controls, frozen or live.

use super::{charts, commands, compare, map, palette, search, status};
use crate::app::room::{Picture, ProjectorScreen, ProjectorView, REVEAL_SECONDS, Revealed, TEXT_SCALES, Theme};
use crate::app::{Command, WorkshopApp};
use crate::i18n::Tr;
use crate::model::RuleSet;
use std::sync::{Arc, Mutex};

/// The visuals of a theme.
pub fn visuals(theme: Theme) -> egui::Visuals {
    match theme {
        Theme::Light => egui::Visuals::light(),
        Theme::Dark => egui::Visuals::dark(),
        Theme::HighContrast => {
            let mut v = egui::Visuals::light();
            let black = egui::Color32::BLACK;
            v.override_text_color = Some(black);
            v.panel_fill = egui::Color32::WHITE;
            v.window_fill = egui::Color32::WHITE;
            v.extreme_bg_color = egui::Color32::WHITE;
            v.faint_bg_color = egui::Color32::from_gray(235);
            v.selection.bg_fill = egui::Color32::from_rgb(0xFF, 0xD7, 0x00);
            v.selection.stroke = egui::Stroke::new(2.0, black);
            for w in [&mut v.widgets.inactive, &mut v.widgets.hovered, &mut v.widgets.active, &mut v.widgets.open] {
                w.bg_stroke = egui::Stroke::new(2.0, black);
                w.fg_stroke = egui::Stroke::new(2.0, black);
            }
            v.widgets.noninteractive.fg_stroke = egui::Stroke::new(1.5, black);
            v.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.5, black);
            v
        }
    }
}

/// Applies the theme and the text size (more in presentation mode) when they change.
pub fn apply_look(ctx: &egui::Context, app: &WorkshopApp) {
    let wanted = visuals(app.room.theme);
    if ctx.global_style().visuals != wanted {
        ctx.set_visuals(wanted);
    }
    let zoom = app.room.zoom();
    if (ctx.zoom_factor() - zoom).abs() > 1e-3 {
        ctx.set_zoom_factor(zoom);
    }
}

/// The View menu's meeting-room part: theme and text size in one submenu, presentation mode
/// and the projector, where it opens and what it shows in submenus, and help.
pub fn view_menu_items(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    ui.menu_button(tr.t("room.theme_title"), |ui| {
        super::top_bar::fitted_menu_ui(ui, |ui| {
            for theme in Theme::ALL {
                ui.radio_value(&mut app.room.theme, theme, tr.of("room.theme", theme.key()));
            }
            ui.separator();
            ui.label(tr.t("room.text_size"));
            for (i, scale) in TEXT_SCALES.iter().enumerate() {
                ui.radio_value(&mut app.room.text_size, i, format!("{} %", tr.num(f64::from(*scale) * 100.0, 0)));
            }
        });
    });
    commands::menu_entry(ui, app, Command::Presentation, None);
    commands::menu_entry(ui, app, Command::ToggleProjector, None);
    ui.menu_button(tr.t("projector.screen_menu"), |ui| {
        super::top_bar::fitted_menu_ui(ui, |ui| projector_screen_ui(ui, app))
    });
    ui.menu_button(tr.t("projector.views_menu"), |ui| {
        super::top_bar::fitted_menu_ui(ui, |ui| projector_views_ui(ui, app))
    });
    ui.separator();
    commands::menu_entry(ui, app, Command::Help, None);
}

/// Where the projector opens.
fn projector_screen_ui(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    ui.label(tr.t("projector.screen_title"));
    let before = app.room.projector.screen;
    for screen in ProjectorScreen::ALL {
        ui.radio_value(&mut app.room.projector.screen, screen, tr.of("projector_screen", screen.key()));
    }
    if app.room.projector.screen != before && app.room.projector.open {
        // An open projector moves at once.
        let command = match app.room.projector.screen.monitor() {
            Some(index) => egui::ViewportCommand::SetMonitor(index),
            None => egui::ViewportCommand::Fullscreen(false),
        };
        ui.ctx().send_viewport_cmd_to(projector_id(), command);
    }
}

/// What the projector shows.
fn projector_views_ui(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    ui.label(tr.t("projector.views"));
    for view in ProjectorView::ALL {
        let mut shown = app.room.projector.views.contains(&view);
        if ui.checkbox(&mut shown, tr.of("projector.view", view.key())).changed() {
            if shown {
                app.room.projector.views.push(view);
            } else {
                app.room.projector.views.retain(|v| *v != view);
            }
        }
    }
}

/// The tool bar's projector controls: open or close it, freeze it or reveal the change.
pub fn projector_tools(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    let label = if app.room.projector.open { tr.t("projector.close") } else { tr.t("projector.open_button") };
    commands::button(ui, app, Command::ToggleProjector, label);
    if Command::Freeze.enabled(app) {
        commands::button(ui, app, Command::Freeze, tr.t("projector.freeze"))
            .on_hover_text(tr.t("projector.freeze_help"));
    } else if Command::Reveal.enabled(app) {
        commands::button(ui, app, Command::Reveal, tr.t("projector.reveal"))
            .on_hover_text(tr.t("projector.reveal_help"));
    }
    if Command::ClearReveal.enabled(app) {
        commands::button(ui, app, Command::ClearReveal, tr.t("projector.clear_short"))
            .on_hover_text(tr.t("projector.clear"));
    }
}

/// The tool bar's round timer.
pub fn timer_tools(ui: &mut egui::Ui, app: &mut WorkshopApp) {
    let tr = app.tr();
    let now = ui.input(|i| i.time);
    let timer = &mut app.room.timer;
    let left = timer.remaining(now);
    let shown = left.max(0.0).ceil() as u64;
    let text = format!("{}:{:02}", shown / 60, shown % 60);
    let colour = if left <= 0.0 { super::palette::LISTED } else { ui.visuals().strong_text_color() };
    ui.label(egui::RichText::new(tr.t("timer.round")).strong());
    ui.label(egui::RichText::new(text).size(20.0).strong().color(colour));
    if left <= 0.0 {
        ui.colored_label(super::palette::LISTED, tr.t("timer.over"));
    }
    if timer.started_at.is_some() {
        if ui.button(tr.t("timer.pause")).clicked() {
            timer.pause(now);
        }
        // The clock shows whole seconds: the next frame is needed when the next one starts.
        let to_next_second = left.rem_euclid(1.0).max(0.01);
        ui.ctx().request_repaint_after(std::time::Duration::from_secs_f64(to_next_second));
    } else if ui.button(tr.t("timer.start")).clicked() {
        timer.start(now);
    }
    if ui.button(tr.t("timer.reset")).clicked() {
        timer.reset();
    }
    // As wide as the minutes it shows, so the tool bar keeps one row on a 1280-point screen.
    let response = egui::ComboBox::from_id_salt("timer_minutes")
        .width(0.0)
        .selected_text(tr.fill("timer.minutes", &[("count", &timer.minutes.to_string())]))
        .show_ui(ui, |ui| {
            for minutes in [5, 10, 15, 20, 30] {
                ui.selectable_value(
                    &mut timer.minutes,
                    minutes,
                    tr.fill("timer.minutes", &[("count", &minutes.to_string())]),
                );
            }
        })
        .response;
    // Named for screen readers (and tests) by what it sets, not by the minutes it shows.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, tr.t("timer.length")));
    response.on_hover_text(tr.t("timer.length"));
}

/// F1: the keyboard shortcuts and how to read the charts, on one screen.
pub fn help_window(ctx: &egui::Context, app: &mut WorkshopApp) {
    let tr = app.tr();
    let mut open = app.room.help_open;
    egui::Window::new(tr.t("help.title")).id(egui::Id::unique("help")).open(&mut open).default_width(720.0).show(
        ctx,
        |ui| {
            ui.heading(tr.t("help.shortcuts"));
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for command in Command::ALL {
                    let keys: Vec<String> =
                        commands::shortcuts(command).iter().map(|s| ctx.format_shortcut(s)).collect();
                    if !keys.is_empty() {
                        ui.strong(keys.join(", "));
                        ui.label(tr.t(command.label_key()));
                        ui.end_row();
                    }
                }
            });
            ui.heading(tr.t("help.projector_keys"));
            for (_, key) in PROJECTOR_KEYS.iter().filter(|(k, _)| *k != egui::Key::C) {
                ui.label(format!("• {}", tr.t(key)));
            }
            ui.heading(tr.t("help.reading"));
            for key in [
                "help.read_year",
                "help.read_map",
                "help.read_score",
                "help.read_residents",
                "help.read_list",
                "help.read_explain",
            ] {
                ui.label(format!("• {}", tr.t(key)));
            }
        },
    );
    app.room.help_open = open;
}

/// What the projector shows in one frame: the picture and how to draw it.
#[derive(Clone)]
struct WallFrame {
    picture: Picture,
    rules: RuleSet,
    views: Vec<ProjectorView>,
    frozen: bool,
    revealed: Option<Revealed>,
    theme: Theme,
    tr: Tr<'static>,
}

impl WallFrame {
    /// Whether the wall would show the same: the plan, projection and map by identity, the rest
    /// by value.
    fn same_as(&self, other: &Self) -> bool {
        let (a, b) = (&self.picture, &other.picture);
        Arc::ptr_eq(&a.plan, &b.plan)
            && Arc::ptr_eq(&a.projection, &b.projection)
            && Arc::ptr_eq(&a.map, &b.map)
            && a.bands.as_ref().map(Arc::as_ptr) == b.bands.as_ref().map(Arc::as_ptr)
            && (a.generation, a.year, a.indicator) == (b.generation, b.year, b.indicator)
            && a.selection == b.selection
            && a.feed == b.feed
            && a.comparison == b.comparison
            && self.views == other.views
            && (self.frozen, &self.revealed, self.theme) == (other.frozen, &other.revealed, other.theme)
            && self.tr.language == other.tr.language
    }
}

/// The projector's own window and the laptop share this: the laptop puts a new frame here
/// only when the picture changes, and the projector's window redraws from it, so pointer moves
/// over the projector never redraw the laptop. The projector hands back what its keys and its
/// control asked for.
#[derive(Default)]
struct Wall {
    frame: Option<WallFrame>,
    close_requested: bool,
    requested: Vec<Command>,
}

fn shared_wall(ctx: &egui::Context) -> Arc<Mutex<Wall>> {
    let id = egui::Id::unique("projector_wall");
    ctx.data_mut(|d| d.get_temp_mut_or_insert_with::<Arc<Mutex<Wall>>>(id, Arc::default).clone())
}

fn lock(wall: &Mutex<Wall>) -> std::sync::MutexGuard<'_, Wall> {
    wall.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The projector window: a second native window (embedded as a window where the platform
/// cannot open one) with the chosen views, large, and nothing to edit but its one control:
/// freeze, reveal and clear, also by key (see [`PROJECTOR_KEYS`]), so that a room with one
/// screen, where the projector covers the laptop's window, never has to switch windows.
pub fn projector(ctx: &egui::Context, app: &mut WorkshopApp) {
    if !app.room.projector.open {
        return;
    }
    expire_reveal(ctx, app);
    let picture = app.room.projector.frozen.as_deref().cloned().unwrap_or_else(|| Picture::capture(app));
    let frame = WallFrame {
        rules: app.session.library().rule_set(picture.plan.rule_set, picture.year).clone(),
        picture,
        views: app.room.projector.views.clone(),
        frozen: app.room.projector.frozen.is_some(),
        revealed: app.room.projector.revealed.clone(),
        theme: app.room.theme,
        tr: app.tr(),
    };
    let title = frame.tr.t("projector.title").to_owned();
    if ctx.embed_viewports() {
        // No second native window here: show it as a window below the tool bar, so that it
        // hides no control, and closable like one. Its keys work while the pointer is on it.
        let mut open = true;
        let mut asked = Vec::new();
        let screen = ctx.content_rect();
        egui::Window::new(&title)
            .id(egui::Id::unique("projector_window"))
            .open(&mut open)
            .default_pos([screen.left() + 60.0, screen.top() + 110.0])
            .default_size([screen.width() - 140.0, screen.height() - 200.0])
            .show(ctx, |ui| asked = wall(ui, &frame, true));
        app.room.projector.open = open;
        queue_asked(app, asked);
        return;
    }
    let id = projector_id();
    let shared = shared_wall(ctx);
    {
        let mut w = lock(&shared);
        let asked = std::mem::take(&mut w.requested);
        if std::mem::take(&mut w.close_requested) {
            w.frame = None;
            app.room.projector.open = false;
            return;
        }
        if !w.frame.as_ref().is_some_and(|shown| shown.same_as(&frame)) {
            w.frame = Some(frame);
            ctx.request_repaint_of(id);
        }
        drop(w);
        queue_asked(app, asked);
    }
    let builder = projector_builder(&title, app.room.projector.screen);
    ctx.show_viewport_deferred(id, builder, move |ui, _class| {
        let mut w = lock(&shared);
        if ui.input(|i| i.viewport().close_requested()) {
            w.close_requested = true;
            ui.ctx().request_repaint_of(egui::ViewportId::ROOT);
        }
        let mut asked = Vec::new();
        if let Some(frame) = &w.frame {
            egui::CentralPanel::default().show(ui, |ui| asked = wall(ui, frame, false));
        }
        if !asked.is_empty() {
            w.requested.extend(asked);
            ui.ctx().request_repaint_of(egui::ViewportId::ROOT);
        }
    });
}

/// The projector's own window.
fn projector_id() -> egui::ViewportId {
    egui::ViewportId::from_hash_of("projector")
}

/// How the projector's window opens: full screen on the chosen screen when the system has it,
/// else maximised (to drag onto the wall), as it also is when a window is chosen.
pub fn projector_builder(title: &str, screen: ProjectorScreen) -> egui::ViewportBuilder {
    let builder =
        egui::ViewportBuilder::default().with_title(title).with_inner_size([1280.0, 720.0]).with_maximized(true);
    match screen.monitor() {
        Some(index) => builder.with_monitor(index),
        None => builder,
    }
}

/// Queues what the projector asked for, where it can run now.
fn queue_asked(app: &mut WorkshopApp, asked: Vec<Command>) {
    for command in asked {
        if command.enabled(app) {
            app.queue(command);
        }
    }
}

/// Takes the reveal's words down once the plan changed after it or it has been up
/// [`REVEAL_SECONDS`]; until then, wakes the window when they are due to go.
fn expire_reveal(ctx: &egui::Context, app: &mut WorkshopApp) {
    let now = ctx.input(|i| i.time);
    let generation = app.session.generation();
    let Some(revealed) = app.room.projector.revealed.as_mut() else { return };
    let shown_at = *revealed.shown_at.get_or_insert(now);
    if revealed.current(generation, now) {
        let left = (shown_at + REVEAL_SECONDS - now).max(0.0) + 0.05;
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
    } else {
        app.clear_reveal();
    }
}

/// The keys the projector's window answers: the space bar freezes the picture, or, when it is
/// frozen, reveals the change; Esc (or C) takes the reveal's words down; F5 closes it, as on the
/// laptop.
pub const PROJECTOR_KEYS: [(egui::Key, &str); 4] = [
    (egui::Key::Space, "projector.key_space"),
    (egui::Key::Escape, "projector.key_clear"),
    (egui::Key::C, "projector.key_clear"),
    (egui::Key::F5, "projector.key_close"),
];

/// What the keys pressed in the projector's window ask for. Embedded in the laptop's window,
/// only while the pointer is on the projector and no text field has the keyboard.
fn projector_keys(ui: &egui::Ui, frame: &WallFrame, embedded: bool) -> Vec<Command> {
    if embedded && (!ui.rect_contains_pointer(ui.max_rect()) || ui.ctx().egui_wants_keyboard_input()) {
        return Vec::new();
    }
    let pressed = |key: egui::Key| ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key));
    let mut asked = Vec::new();
    if pressed(egui::Key::Space) {
        asked.push(if frame.frozen { Command::Reveal } else { Command::Freeze });
    }
    if pressed(egui::Key::Escape) | pressed(egui::Key::C) {
        asked.push(Command::ClearReveal);
    }
    if pressed(egui::Key::F5) {
        asked.push(Command::ToggleProjector);
    }
    asked
}

/// The projector's one control, small in its top right corner: freeze, reveal or clear with
/// its key. It looks the same under the pointer (the wall never follows it). Returns its rect
/// and what a click asked for.
fn wall_control_ui(ui: &mut egui::Ui, frame: &WallFrame) -> (egui::Rect, Option<Command>) {
    let tr = frame.tr;
    let (command, key) = if frame.revealed.is_some() && !frame.frozen {
        (Command::ClearReveal, "projector.control_clear")
    } else if frame.frozen {
        (Command::Reveal, "projector.control_reveal")
    } else {
        (Command::Freeze, "projector.control_freeze")
    };
    let font = egui::FontId::proportional(16.0);
    let ink = ui.visuals().text_color();
    let galley = ui.painter().layout_no_wrap(tr.t(key).to_owned(), font, ink);
    let size = galley.size() + egui::vec2(16.0, 10.0);
    let area = ui.max_rect();
    let rect = egui::Rect::from_min_size(egui::pos2(area.right() - size.x, area.top()), size);
    let response = ui.interact(rect, ui.scope_id().with("projector_control"), egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, tr.t(key)));
    let painter = ui.painter();
    painter.rect(
        rect,
        6.0,
        ui.visuals().faint_bg_color,
        egui::Stroke::new(1.0, ui.visuals().weak_text_color()),
        egui::StrokeKind::Inside,
    );
    painter.galley(rect.min + egui::vec2(8.0, 5.0), galley, ink);
    (rect, response.clicked().then_some(command))
}

/// The wall's contents: large, and a picture: no hover, crosshair or tooltip follows the
/// pointer (a disabled Ui reports no hover), and nothing is faded for being disabled. Only the
/// control in its corner answers a click. Returns what its keys and control asked for.
fn wall(ui: &mut egui::Ui, frame: &WallFrame, embedded: bool) -> Vec<Command> {
    apply_projector_style(ui, frame.theme);
    let mut asked = projector_keys(ui, frame, embedded);
    let (control, clicked) = wall_control_ui(ui, frame);
    asked.extend(clicked);
    ui.style_mut().visuals.disabled_alpha = 1.0;
    ui.disable();
    ui.push_id("projector", |ui| projector_contents(ui, frame, control.width() + 12.0));
    asked
}

/// Large text for the back of the room.
fn apply_projector_style(ui: &mut egui::Ui, theme: Theme) {
    let style = ui.style_mut();
    style.visuals = visuals(theme);
    for (text_style, font) in &mut style.text_styles {
        font.size = match text_style {
            egui::TextStyle::Heading => 34.0,
            egui::TextStyle::Small => 18.0,
            _ => 22.0,
        };
    }
}

/// The height of the strip under the projector's heading that holds a reveal's words: always
/// kept, so that a reveal coming or going never moves the map or a chart below it.
const REVEAL_STRIP: f32 = 74.0;

/// The plan's name, year and score; the strip for a reveal; the chosen views in a grid.
/// `control_width` is kept free at the heading's right for the control.
fn projector_contents(ui: &mut egui::Ui, frame: &WallFrame, control_width: f32) {
    let (tr, picture) = (frame.tr, &frame.picture);
    ui.horizontal(|ui| {
        ui.set_max_width(ui.available_width() - control_width);
        ui.add(
            egui::Label::new(egui::RichText::new(format!("{} · {}", picture.plan.name, picture.year)).heading())
                .truncate(),
        );
        ui.label(
            egui::RichText::new(tr.fill("projector.score", &[("score", &tr.num(picture.score(), 1))]))
                .size(30.0)
                .strong(),
        );
        if frame.frozen {
            ui.label(egui::RichText::new(tr.t("projector.frozen")).color(super::palette::LISTED));
        }
    });
    reveal_strip_ui(ui, frame);
    if frame.views.is_empty() {
        ui.label(tr.t("projector.no_views"));
        return;
    }
    let views = &frame.views;
    let columns = if views.len() > 1 { 2 } else { 1 };
    let rows = views.len().div_ceil(columns);
    let cell_height = (ui.available_height() / rows as f32 - 12.0).max(200.0);
    ui.columns(columns, |cols| {
        for (i, view) in views.iter().enumerate() {
            let ui = &mut cols[i % columns];
            ui.allocate_ui(egui::vec2(ui.available_width(), cell_height), |ui| {
                projector_view(ui, tr, picture, &frame.rules, *view, cell_height)
            });
        }
    });
}

/// The reveal in its strip of fixed height: which change and what the number is on one line,
/// the score's change large on the next; while frozen, a line saying so.
fn reveal_strip_ui(ui: &mut egui::Ui, frame: &WallFrame) {
    let tr = frame.tr;
    let width = ui.available_width();
    ui.allocate_ui_with_layout(egui::vec2(width, REVEAL_STRIP), egui::Layout::top_down(egui::Align::Min), |ui| {
        ui.set_min_size(egui::vec2(width, REVEAL_STRIP));
        match (&frame.revealed, frame.frozen) {
            (Some(revealed), false) => {
                egui::Frame::new().fill(palette::REVEAL).inner_margin(egui::Margin::symmetric(8, 4)).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    let what = format!("{} — {}", revealed.what, revealed.meaning);
                    ui.add(
                        egui::Label::new(egui::RichText::new(what).size(20.0).color(egui::Color32::BLACK)).truncate(),
                    );
                    let score = egui::RichText::new(&revealed.score).size(28.0).strong().color(egui::Color32::BLACK);
                    ui.add(egui::Label::new(score).truncate());
                });
            }
            (_, true) => {
                ui.label(egui::RichText::new(tr.t("projector.frozen_note")).italics());
            }
            _ => {}
        }
    });
}

fn projector_view(ui: &mut egui::Ui, tr: Tr<'_>, picture: &Picture, rules: &RuleSet, view: ProjectorView, height: f32) {
    ui.strong(tr.of("projector.view", view.key()));
    let height = (height - 60.0).max(120.0);
    match view {
        ProjectorView::Map => {
            let view = map::MapView {
                plan: &picture.plan,
                map: &picture.map,
                projection: &picture.projection,
                generation: picture.generation,
                year: picture.year,
                indicator: picture.indicator,
                selection: &picture.selection,
                tr,
                interactive: false,
                names_may_give_way: false,
            };
            ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| map::show_read_only(ui, &view));
        }
        ProjectorView::Score => charts::score_plot(ui, tr, &picture.feed.score, picture.year, height - 60.0),
        ProjectorView::Composition => {
            charts::composition_plot(ui, tr, &picture.feed.composition, false, picture.year, height - 80.0);
        }
        ProjectorView::Status => {
            let view = status::StatusView {
                projection: &picture.projection,
                rules,
                criteria: &picture.feed.criteria,
                exits: picture.bands.as_ref().map(|b| b.exits.as_slice()),
                year: picture.year,
                this_year: picture.this_year,
            };
            egui::ScrollArea::vertical().id_salt("projector_status").show(ui, |ui| status::table(ui, tr, &view));
        }
        ProjectorView::Compare => {
            compare::score_chart(ui, tr, &picture.comparison, crate::app::DifferenceMode::Values);
            compare::status_table(ui, tr, &picture.comparison);
        }
        ProjectorView::Search => search::words(ui, picture.search.as_ref(), tr),
    }
}
