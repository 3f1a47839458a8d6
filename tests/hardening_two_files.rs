//! Regression tests for issue 28 on the file side: item 5 (a symbolic link planted as the
//! autosave's lock or recovery file is never followed), item 6 (an unusable recovery backup is
//! set aside under a name of its own, never deleted), item 7 (parallel saves leave no backup
//! temporaries) and the autosave part of item 10 (the app says so when it cannot autosave).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use by_i_balance::app::{Dialog, WorkshopApp};
use by_i_balance::assets;
use by_i_balance::files::autosave::{Autosave, MAX_INSTANCES};
use by_i_balance::files::{Recovery, Workspace};
use by_i_balance::io;
use by_i_balance::model::{Plan, PlanEdit};
use std::path::Path;

fn visionsplan() -> Plan {
    assets::shipped_plan("visionsplan-2016.ron").unwrap()
}

fn app_in(dir: &Path) -> WorkshopApp {
    let mut app = WorkshopApp::with_visionsplan(Workspace::at(dir)).unwrap();
    app.offer_recovery();
    app
}

fn recovery(plan: Plan) -> Recovery {
    Recovery { saved_at: "2026-11-29T13:03:00Z".into(), path: None, plan }
}

fn message(app: &WorkshopApp) -> &str {
    match &app.document.dialog {
        Some(Dialog::Message(message)) => message,
        other => panic!("expected a message, got {other:?}"),
    }
}

#[test]
fn item_5_a_symbolic_link_planted_as_the_lock_or_the_recovery_file_is_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let precious = dir.path().join("precious.txt");
    std::fs::write(&precious, "someone's work").unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::os::unix::fs::symlink(&precious, data.join("recovery.lock")).unwrap();
    let autosave = Autosave::claim(&Workspace::at(&data));
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "someone's work", "the link's target is untouched");
    assert!(std::fs::symlink_metadata(data.join("recovery.lock")).unwrap().file_type().is_symlink());
    assert_eq!(autosave.path(), Some(data.join("recovery-2.ron").as_path()), "the next slot is used instead");
    autosave.write(&recovery(visionsplan())).unwrap();
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "someone's work");

    // A link in the place of the recovery file itself is not written through either.
    std::fs::remove_file(data.join("recovery-2.ron")).unwrap();
    std::os::unix::fs::symlink(&precious, data.join("recovery-2.ron")).unwrap();
    let error = autosave.write(&recovery(visionsplan())).unwrap_err().to_string();
    assert!(error.contains("a symbolic link stands where the autosave file belongs"), "{error}");
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "someone's work");
}

#[test]
fn item_6_an_unusable_recovery_backup_is_set_aside_under_its_own_name_and_the_message_says_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("recovery.ron.bak"), "(half a plan").unwrap();
    let app = app_in(dir.path());
    let text = message(&app);
    let aside = dir.path().join("recovery.ron.bak.unusable");
    assert!(text.contains(&aside.display().to_string()), "the message names where it went: {text}");
    assert!(!text.contains("som ."), "never an empty name: {text}");
    assert_eq!(std::fs::read_to_string(&aside).unwrap(), "(half a plan", "kept, not deleted");

    // A second unusable file does not take the first one's name.
    std::fs::write(dir.path().join("recovery.ron"), "(another half").unwrap();
    std::fs::write(dir.path().join("recovery.ron.bak"), "(and its backup").unwrap();
    drop(app);
    let app = app_in(dir.path());
    let text = message(&app);
    for (name, content) in [
        ("recovery.ron.unusable", "(another half"),
        ("recovery.ron.bak.unusable", "(half a plan"),
        ("recovery.ron.bak.unusable-2", "(and its backup"),
    ] {
        assert_eq!(std::fs::read_to_string(dir.path().join(name)).unwrap(), content, "{name}");
    }
    assert!(text.contains("recovery.ron.unusable") && text.contains("recovery.ron.bak.unusable-2"), "{text}");
}

#[test]
fn item_7_parallel_saves_leave_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    io::save_plan(&path, &visionsplan()).unwrap();
    for round in 0..10 {
        std::thread::scope(|scope| {
            for saver in 0..20 {
                let path = &path;
                scope.spawn(move || {
                    let mut plan = visionsplan();
                    plan.name = format!("Round {round}, saver {saver}");
                    io::save_plan(path, &plan).unwrap();
                });
            }
        });
    }
    let mut left: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert_eq!(left, ["plan.ron", "plan.ron.bak"], "no temporary file is left");
    let table = assets::param_table().unwrap();
    assert!(io::load_plan(&path, &table).unwrap().name.starts_with("Round 9"), "the last round's plan is there");
    assert!(io::load_plan(&dir.path().join("plan.ron.bak"), &table).is_ok(), "and the backup is a whole plan");
}

#[test]
fn item_10_the_app_says_so_when_it_cannot_autosave() {
    // The data folder is a file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data");
    std::fs::write(&file, "not a folder").unwrap();
    let app = app_in(&file);
    let text = message(&app);
    assert!(text.contains("Automatisk gemning er slået fra") && text.contains("datamappen"), "{text}");
    assert!(text.contains(&file.display().to_string()), "{text}");

    // Other windows hold every slot.
    let dir = tempfile::tempdir().unwrap();
    let held: Vec<Autosave> = (0..MAX_INSTANCES).map(|_| Autosave::claim(&Workspace::at(dir.path()))).collect();
    assert!(held.iter().all(|a| a.path().is_some()));
    let app = app_in(dir.path());
    let text = message(&app);
    assert!(text.contains(&format!("{MAX_INSTANCES} andre vinduer")), "{text}");

    // An autosave that fails while the app runs (here a folder stands where the file goes) is
    // said once, not every 30 seconds.
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    assert!(app.document.dialog.is_none());
    std::fs::create_dir(app.document.autosave.path().unwrap()).unwrap();
    app.session.apply(PlanEdit::Name("Changed".into()));
    assert!(!app.autosave(1000.0, 0.0), "the autosave fails");
    assert!(message(&app).contains("Planen kunne ikke gemmes automatisk"), "{}", message(&app));
    app.session.apply(PlanEdit::Name("Changed again".into()));
    assert!(!app.autosave(2000.0, 0.0));
    assert!(app.document.queued.is_empty(), "the failure is said once");
}

#[test]
fn item_10_a_folder_as_the_only_argument_opens_the_app_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Mine planer");
    std::fs::create_dir(&folder).unwrap();
    assert!(by_i_balance::cli::opens_in_app(&[folder.clone().into()]), "not 'unrecognized subcommand'");
    assert!(!by_i_balance::cli::opens_in_app(&["check".into()]), "a command stays a command");
    assert!(!by_i_balance::cli::opens_in_app(&[dir.path().join("no-such-plan.ron").into()]));
    let app = WorkshopApp::start(Workspace::at(&dir.path().join("data")), Some(&folder)).unwrap();
    assert_eq!(app.session.plan().name, "Visionsplan 2016");
    let text = message(&app);
    assert!(text.contains("this is a folder, not a plan file") && text.contains("Mine planer"), "{text}");
}
