//! Files as a facilitator meets them, driven by visible labels: save as, open from the variants
//! browser, the unsaved-changes prompt, restoring after a crash, a bad file that changes
//! nothing, a file dropped on the window, two pinned variants in the comparison table, and a
//! new municipality from a table: picked in the app's browser, unsaved until written.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use by_i_balance::app::{CentralView, FileDialogs, WorkshopApp};
use by_i_balance::files::autosave::Autosave;
use by_i_balance::files::{Recovery, Workspace};
use by_i_balance::io;
use by_i_balance::model::{EffortKind, Plan, PlanEdit};
use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

fn workshop_in(dir: &Path) -> Harness<'static, WorkshopApp> {
    let mut app = WorkshopApp::with_visionsplan(Workspace::at(dir)).unwrap();
    app.document.dialogs = FileDialogs::InApp;
    app.offer_recovery();
    let mut harness = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_ui_state(|ui, app: &mut WorkshopApp| by_i_balance::ui::main_ui(ui, app), app);
    by_i_balance::ui::setup(&harness.ctx);
    harness.run();
    harness
}

/// An edit as the municipality tab would make it: 3 job consultants in Charlotteager.
fn edit(harness: &mut Harness<'_, WorkshopApp>) {
    harness.state_mut().session.apply(PlanEdit::Effort {
        kind: EffortKind::JobConsultants,
        area: "charlotteager".into(),
        year: 2026,
        count: 3.0,
    });
    harness.run();
}

fn click(harness: &mut Harness<'_, WorkshopApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// The button labelled `button` on the same row as the text `row`.
fn click_in_row(harness: &mut Harness<'_, WorkshopApp>, row: &str, button: &str) {
    let y = harness.get_by_label(row).rect().center().y;
    let target = harness
        .get_all_by_role_and_label(Role::Button, button)
        .min_by(|a, b| (a.rect().center().y - y).abs().total_cmp(&(b.rect().center().y - y).abs()))
        .unwrap();
    target.click();
    harness.run();
}

#[test]
fn save_as_then_open_from_the_variants_browser() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Navn").set_text_value_accesskit("Gruppe 1");
    harness.run();
    click(&mut harness, "Gem");
    let saved = dir.path().join("saves/gruppe-1.ron");
    assert!(saved.is_file(), "the variant was written to the saves folder");
    let app = harness.state();
    assert_eq!(app.session.plan().name, "Gruppe 1");
    assert!(!app.session.is_dirty());
    assert_eq!(app.document.path.as_deref(), Some(saved.as_path()));
    let table = by_i_balance::assets::param_table().unwrap();
    assert_eq!(io::load_plan(&saved, &table).unwrap(), **app.session.plan(), "what is on disk is the open plan");
    assert!(harness.query_by_label("gemt").is_some(), "the title says it is saved");

    // Open the Basisforløb, then Gruppe 1 again from the browser.
    harness.state_mut().perform(by_i_balance::app::Pending::New(Box::new(
        by_i_balance::assets::shipped_plan("basisforloeb-2016.ron").unwrap(),
    )));
    harness.run();
    click(&mut harness, "Filer");
    click(&mut harness, "Varianter …");
    assert!(harness.query_by_label("Gruppe 1").is_some(), "the saved variant is listed");
    click_in_row(&mut harness, "Gruppe 1", "Åbn");
    let app = harness.state();
    assert_eq!(app.session.plan().name, "Gruppe 1");
    assert_eq!(app.document.path.as_deref(), Some(saved.as_path()));
    assert!(app.document.recent.iter().any(|p| p.ends_with("gruppe-1.ron")), "it is among the recent files");
}

#[test]
fn unsaved_changes_are_asked_about_before_new() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    edit(&mut harness);
    let edited = harness.state().session.plan().clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(harness.query_by_label("Ændringer er ikke gemt").is_some(), "the prompt shows");
    click(&mut harness, "Annuller");
    assert_eq!(harness.state().session.plan(), &edited, "cancel keeps the plan and its changes");
    assert!(harness.state().session.is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    click(&mut harness, "Gem");
    // No file yet: the app's own save box asks for a name, then the new plan opens.
    harness.get_by_role_and_label(Role::TextInput, "Navn").set_text_value_accesskit("Før ny plan");
    harness.run();
    click(&mut harness, "Gem");
    let saved = dir.path().join("saves/foer-ny-plan.ron");
    let on_disk = io::load_plan(&saved, &by_i_balance::assets::param_table().unwrap()).unwrap();
    assert_eq!(on_disk.efforts, edited.efforts, "the changes were saved");
    assert_eq!(harness.state().session.plan().name, "Ny plan", "then the new plan opened");
    assert!(harness.state().session.plan().actions.is_empty());

    edit(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    click(&mut harness, "Kassér ændringerne");
    assert!(harness.state().session.plan().efforts.is_empty(), "discard drops the changes");
    assert!(!harness.state().session.is_dirty());
}

#[test]
fn a_crash_is_followed_by_an_offer_to_restore_the_autosave() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan: Plan = by_i_balance::assets::shipped_plan("visionsplan-2016.ron").unwrap();
    plan.name = "Bestyrelsens kompromis".into();
    plan.notes = "Skrevet før strømmen gik".into();
    // A session that crashed: it held the autosave, wrote it, and ended (its lock went with it).
    Autosave::claim(&Workspace::at(dir.path()))
        .write(&Recovery { saved_at: "2026-11-26T20:00:00Z".into(), path: None, plan: plan.clone() })
        .unwrap();
    let mut harness = workshop_in(dir.path());
    assert!(harness.query_by_label("Arbejde fra sidst blev ikke gemt").is_some());
    click(&mut harness, "Gendan planen");
    let app = harness.state();
    assert_eq!(**app.session.plan(), plan, "the autosaved plan is back");
    assert!(app.session.is_dirty(), "and counts as unsaved until it is saved");
}

#[test]
fn the_autosave_is_written_after_an_edit_and_removed_when_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    let table = by_i_balance::assets::param_table().unwrap();
    let autosaved = |harness: &Harness<'_, WorkshopApp>| harness.state().document.autosave.read(&table);
    assert!(autosaved(&harness).is_none());
    edit(&mut harness);
    harness.run_steps(2);
    let recovery = autosaved(&harness).expect("an edit is autosaved").unwrap();
    assert_eq!(recovery.plan, **harness.state().session.plan());
    harness.state_mut().save_as_variant("Gemt", None);
    assert!(autosaved(&harness).is_none(), "a saved plan needs no recovery file");
}

#[test]
fn a_broken_file_gets_words_and_the_open_plan_stays() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    edit(&mut harness);
    let before = harness.state().session.plan().clone();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 2, name: \"x\", municipality: (name: 7))").unwrap();
    harness.state_mut().open_path(&broken);
    harness.run();
    let message = match &harness.state().document.dialog {
        Some(by_i_balance::app::Dialog::Message(m)) => m.clone(),
        other => panic!("expected a message, got {other:?}"),
    };
    assert!(message.contains("line 1") && message.contains("broken.ron"), "what and where: {message}");
    assert_eq!(harness.state().session.plan(), &before, "the open plan is kept");
    click(&mut harness, "OK");
    assert!(harness.state().document.dialog.is_none());
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_plan_file_dropped_on_the_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    let path = dir.path().join("dropped.ron");
    let mut plan = by_i_balance::assets::shipped_plan("basisforloeb-2016.ron").unwrap();
    plan.name = "Trukket ind".into();
    io::save_plan(&path, &plan).unwrap();
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(path.clone())));
    harness.run();
    assert_eq!(harness.state().session.plan().name, "Trukket ind");
    assert_eq!(harness.state().document.path.as_deref(), Some(path.as_path()));
}

#[test]
fn two_pinned_variants_in_the_comparison_table() {
    let dir = tempfile::tempdir().unwrap();
    let saves = dir.path().join("saves");
    std::fs::create_dir_all(&saves).unwrap();
    let mut no_demolition = by_i_balance::assets::shipped_plan("visionsplan-2016.ron").unwrap();
    no_demolition.name = "Uden nedrivning".into();
    no_demolition.actions.retain(|a| !matches!(a.kind, by_i_balance::model::ActionKind::Demolish { .. }));
    io::save_plan(&saves.join("uden-nedrivning.ron"), &no_demolition).unwrap();
    let mut basis = by_i_balance::assets::shipped_plan("basisforloeb-2016.ron").unwrap();
    basis.name = "Ingen indsats".into();
    io::save_plan(&saves.join("ingen-indsats.ron"), &basis).unwrap();

    let mut harness = workshop_in(dir.path());
    click(&mut harness, "Sammenlign");
    click(&mut harness, "Fastgør fra varianter …");
    click_in_row(&mut harness, "Uden nedrivning", "Fastgør");
    click_in_row(&mut harness, "Ingen indsats", "Fastgør");
    harness.state_mut().document.dialog = None;
    harness.run();
    let app = harness.state();
    assert_eq!(app.view.central, CentralView::Compare);
    let comparison = app.comparison();
    let names: Vec<&str> = comparison.variants.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["Visionsplan 2016", "Uden nedrivning", "Ingen indsats"]);
    let listed = |variant: usize, estate: &str, year: u16| {
        comparison.variants[variant].estates.iter().find(|e| e.estate == estate && e.year == year).unwrap().listed
    };
    assert!(!listed(0, "taastrupgaard", 2030), "the Visionsplan takes Taastrupgaard off the list by 2030");
    assert!(listed(2, "taastrupgaard", 2030), "without any effort it stays on");
    assert!(comparison.variants[2].difference < 0.0, "and scores lower than the open plan");
    for name in names {
        assert!(harness.query_all_by_label(name).count() >= 1, "{name} heads a column");
    }
    let cells = ["På listen", "Forebyggelse", "Ingen liste", "Ikke bedømt"]
        .iter()
        .map(|words| harness.query_all_by_label(words).count())
        .sum::<usize>();
    assert!(cells >= 3 * 3 * 3, "a status for each estate, milestone and variant ({cells})");
}

/// *Filer → Ny → Ny kommune fra tabel …* with `table` picked in the app's own browser (its
/// folder typed, its file clicked), the plan named `name`; returns the harness on the box that
/// follows.
fn import_table(harness: &mut Harness<'_, WorkshopApp>, table: &Path, name: &str) {
    click(harness, "Filer");
    click(harness, "Ny");
    open_import(harness);
    // The first "choose" button is the table's.
    harness.get_all_by_label("Vælg fil …").next().unwrap().click();
    harness.run();
    let folder = table.parent().unwrap().display().to_string();
    harness.get_by_role_and_label(Role::TextInput, "Mappe:").set_text_value_accesskit(&folder);
    harness.run();
    click(harness, "Gå til");
    let file = format!("Filen {}", table.file_name().unwrap().to_string_lossy());
    click(harness, &file);
    match &harness.state().document.dialog {
        Some(by_i_balance::app::Dialog::NewMunicipality(form)) => {
            assert_eq!(Path::new(&form.areas), table, "the file picked fills the field");
            assert!(form.browsing.is_none(), "and the browser closes");
        }
        other => panic!("expected the form, got {other:?}"),
    }
    harness.get_by_role_and_label(Role::TextInput, "Kommunens eller planens navn").set_text_value_accesskit(name);
    harness.run();
    click(harness, "Lav planen");
}

/// Opens *Ny kommune fra tabel …* from the open *Ny* menu; the box finds its place on the
/// screen over the frames after it opens (it is centred, and its height is known once drawn).
fn open_import(harness: &mut Harness<'_, WorkshopApp>) {
    click(harness, "Ny kommune fra tabel …");
    harness.run_steps(4);
}

/// Whether the top bar calls the plan saved (the word alone, as it shows it).
fn says_saved(harness: &Harness<'_, WorkshopApp>) -> bool {
    harness.query_by_label("gemt").is_some()
}

#[test]
fn the_import_lists_the_columns_and_a_new_municipality_is_unsaved_until_written_and_quitting_asks() {
    let dir = tempfile::tempdir().unwrap();
    let tables = dir.path().join("tabeller");
    std::fs::create_dir_all(&tables).unwrap();
    let table = tables.join("three-areas.csv");
    std::fs::copy("tests/fixtures/municipality/three-areas.csv", &table).unwrap();
    let mut harness = workshop_in(dir.path());

    click(&mut harness, "Filer");
    click(&mut harness, "Ny");
    open_import(&mut harness);
    let tenures = by_i_balance::model::Tenure::ALL.map(by_i_balance::model::Tenure::key);
    let groups = by_i_balance::model::Group::ALL.map(by_i_balance::model::Group::key);
    let import = by_i_balance::import::REQUIRED.iter().chain(&by_i_balance::import::OPTIONAL);
    for column in import.chain(&tenures).chain(&groups) {
        assert!(harness.query_by_label(column).is_some(), "the box lists the column {column}");
    }
    assert!(harness.query_by_label("Almene familieboliger").is_some(), "each column in words too");
    let year = by_i_balance::import::this_year().to_string();
    let span = format!("Planen regner fra 1. januar {year} til");
    assert!(harness.query_by_label_contains(&span).is_some(), "the start year is asked, this year first");
    click(&mut harness, "Annuller");

    import_table(&mut harness, &table, "Vestby");
    assert!(harness.query_by_label("Planen er lavet – men ikke gemt").is_some());
    assert!(
        harness.query_by_label_contains("Almene boligområder uden basic_schooling_2016 (1): vest (række 2)").is_some(),
        "the estate without its schooling figure is named, with what it took"
    );
    let app = harness.state();
    assert_eq!(app.session.plan().name, "Vestby");
    assert_eq!(app.session.plan().start_year, by_i_balance::import::this_year());
    assert!(app.session.is_dirty(), "a plan made from a table is unsaved work");
    assert_eq!(app.document.path, None);
    assert!(app.window_title().starts_with('*'), "{}", app.window_title());
    assert!(!says_saved(&harness), "never 'gemt' before the file exists");
    assert!(harness.query_by_label("ikke gemt").is_some());
    click(&mut harness, "Gem senere");
    assert!(!says_saved(&harness));

    // Ctrl+Q, and the close the window then gets (as eframe turns the command into one).
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    let close = harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default();
    close.events.push(egui::ViewportEvent::Close);
    harness.run();
    assert!(harness.query_by_label("Ændringer er ikke gemt").is_some(), "quitting asks first");
    assert!(!harness.state().document.quitting);
    click(&mut harness, "Gem");
    let saved = dir.path().join("saves/vestby.ron");
    assert!(!saved.exists() && !says_saved(&harness), "not yet: the name is asked first");
    // Saved, the window asks to close every frame (here, where no window closes): a few steps.
    harness.get_by_label("Gem").click();
    harness.run_steps(3);
    assert!(saved.is_file(), "the plan was written");
    let on_disk = io::load_plan(&saved, &by_i_balance::assets::param_table().unwrap()).unwrap();
    assert_eq!(on_disk, **harness.state().session.plan(), "what is on disk is the open plan");
    assert!(harness.state().document.quitting, "then the window closes");
}

#[test]
fn a_table_without_non_western_shares_is_warned_about_and_saved_at_once() {
    let dir = tempfile::tempdir().unwrap();
    // The fixture without its non_western_share column.
    let fixture = std::fs::read_to_string("tests/fixtures/municipality/three-areas.csv").unwrap();
    let header: Vec<&str> = fixture.lines().next().unwrap().split(',').collect();
    let dropped = header.iter().position(|c| *c == "non_western_share").unwrap();
    let without: Vec<String> = fixture
        .lines()
        .map(|line| {
            let cells: Vec<&str> = line.split(',').enumerate().filter(|(i, _)| *i != dropped).map(|(_, c)| c).collect();
            cells.join(",")
        })
        .collect();
    let table = dir.path().join("uden-andel.csv");
    std::fs::write(&table, without.join("\n")).unwrap();
    let mut harness = workshop_in(dir.path());

    import_table(&mut harness, &table, "Østby");
    assert!(
        harness.query_by_label_contains("Almene boligområder uden non_western_share (1): vest (række 2)").is_some(),
        "the estate without a non-Western share is named"
    );
    assert!(!says_saved(&harness));
    click(&mut harness, "Gem som …");
    click(&mut harness, "Gem");
    let saved = dir.path().join("saves/oestby.ron");
    assert!(saved.is_file(), "written to the file chosen");
    assert!(!harness.state().session.is_dirty());
    assert_eq!(harness.state().document.path.as_deref(), Some(saved.as_path()));
    assert!(says_saved(&harness), "and only now called saved");
}

/// Høje-Taastrup from today opens from *Filer → Ny*: its years run from 2026 to 2040, the
/// slider starts in 2026, and it is set against its own Basisforløb 2026 (the same start with
/// nothing more done), whose 2026 is its 2026.
#[test]
fn hoeje_taastrup_2026_opens_from_the_new_menu_and_starts_in_2026() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = workshop_in(dir.path());
    click(&mut harness, "Filer");
    click(&mut harness, "Ny");
    click(&mut harness, "Ny plan ud fra Høje-Taastrup 2026 (beslutningerne, der mangler)");
    harness.run();
    let app = harness.state();
    assert_eq!(app.session.plan().name, "Høje-Taastrup 2026");
    assert_eq!(app.session.baseline().name, "Basisforløb 2026");
    let (plan, baseline) = (app.session.projection(), app.session.baseline_projection());
    assert_eq!((plan.years.first(), plan.years.last()), (Some(&2026), Some(&2040)));
    assert_eq!(plan.score_in(2026).map(|s| s.total), baseline.score_in(2026).map(|s| s.total), "one start");
    assert_eq!(app.view.year, 2026, "the slider starts at the plan's first year");
    assert!(harness.query_by_label_contains("Balancescore 2026").is_some());
}
