//! Regression tests for issue 14 ("every input a clear answer, every file safe"), run as a user
//! runs the command line: one test per numbered item of the issue that the command line shows
//! (1 compare by estate id, 4 special files, 5 CSV, 7 honest upgrade, 8 plan limits, 9 the
//! smaller items). Items 2, 3 and 6 (autosave, recovery, backups) are in `hardening_files.rs`.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use by_i_balance::assets;
use by_i_balance::io;
use by_i_balance::model::{Group, Plan, limits};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const VISIONSPLAN: &str = "saves/visionsplan-2016.ron";

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary in the crate root, reading its output as it comes; one that takes longer
/// than 30 seconds has hung.
fn run(args: &[&str]) -> Run {
    let child = Command::new(env!("CARGO_BIN_EXE_by-i-balance"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || sender.send(child.wait_with_output()));
    let Ok(out) = receiver.recv_timeout(Duration::from_secs(30)) else {
        let _ = Command::new("kill").arg(pid.to_string()).status();
        panic!("`by-i-balance {}` hung", args.join(" "));
    };
    let out = out.unwrap();
    Run {
        status: out.status.code().unwrap(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn visionsplan() -> Plan {
    assets::shipped_plan("visionsplan-2016.ron").unwrap()
}

fn save(dir: &Path, name: &str, plan: &Plan) -> String {
    let path = dir.join(name);
    io::save_plan(&path, plan).unwrap();
    path.to_string_lossy().into_owned()
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

#[test]
fn item_1_compare_matches_estates_by_id_whatever_order_the_plans_list_them() {
    let dir = tempfile::tempdir().unwrap();
    // The Basisforløb keeps every estate listed; here Taastrupgaard is made well-off, so the
    // estates differ and a status put under the wrong estate would show.
    let mut mixed = assets::shipped_plan("basisforloeb-2016.ron").unwrap();
    let taastrupgaard = mixed.municipality.areas.iter_mut().find(|a| a.id == "taastrupgaard").unwrap();
    let outside = taastrupgaard.residents[Group::OutsideWork];
    taastrupgaard.residents[Group::Employed] += outside;
    taastrupgaard.residents[Group::OutsideWork] = 0.0;
    taastrupgaard.held.non_western_share = 0.05;
    taastrupgaard.held.income_2016 = Some(1.5);
    taastrupgaard.held.basic_schooling_2016 = Some(0.05);
    let mut reversed = mixed.clone();
    reversed.name = "Same plan, areas reversed".into();
    reversed.municipality.areas.reverse();
    let a = save(dir.path(), "a.ron", &mixed);
    let b = save(dir.path(), "b.ron", &reversed);
    let out = run(&["compare", &a, &b, "--year", "2030", "--format", "csv"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let rows = csv_rows(&out.stdout);
    let header = &rows[0];
    let statuses: Vec<usize> = (0..header.len()).filter(|i| header[*i].contains("gaard_20")).collect();
    let values_a: Vec<&String> = statuses.iter().map(|i| &rows[1][*i]).collect();
    let values_b: Vec<&String> = statuses.iter().map(|i| &rows[2][*i]).collect();
    assert!(values_a.iter().any(|v| *v != values_a[0]), "the estates differ, so a mix-up would show");
    assert_eq!(values_a, values_b, "the same plan in another order has the same status under each estate");
    assert_eq!(rows[1][4..].to_vec(), rows[2][4..].to_vec(), "and every other column too");
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

#[test]
fn item_4_devices_and_named_pipes_are_refused_at_once_as_input_and_as_output() {
    for device in ["/dev/zero", "/dev/urandom"] {
        for command in ["check", "project", "upgrade"] {
            let out = run(&[command, device]);
            assert_eq!(out.status, 1, "{command} {device}: {}", out.stderr);
            assert!(out.stderr.contains("this is a device, not an ordinary file"), "{}", out.stderr);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    mkfifo(&fifo);
    let fifo = fifo.to_str().unwrap();
    let out = run(&["check", fifo]);
    assert_eq!(out.status, 1, "{}", out.stderr);
    assert!(out.stderr.contains("named pipe (FIFO)") && out.stderr.contains(fifo), "{}", out.stderr);
    for args in [vec!["report", VISIONSPLAN, "-o", fifo], vec!["project", VISIONSPLAN, "-o", fifo]] {
        let out = run(&args);
        assert_eq!(out.status, 2, "{}", out.stderr);
        assert!(out.stderr.contains("is a named pipe (FIFO), not an ordinary file"), "{}", out.stderr);
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, [std::ffi::OsString::from("pipe.ron")], "no temporary file is left beside the pipe");
    // The reader counts what it reads: a file whose stated size is 0 is still held to the limit.
    let error = io::read_bounded(Path::new("/proc/self/status"), 16).unwrap_err().to_string();
    assert!(error.contains("far larger than any plan"), "{error}");
}

#[test]
fn item_5_csv_cells_are_quoted_right_and_formulas_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = visionsplan();
    plan.name = "=HYPERLINK(\"http://x\",\"klik\")".into();
    let names = ["+45 1234", "-2", "@SUM(A1)", "Høje, \"Taastrup\""];
    for (area, name) in plan.municipality.areas.iter_mut().zip(names) {
        area.name = name.into();
    }
    let path = save(dir.path(), "formulas.ron", &plan);
    let out = run(&["project", &path, "--format", "csv"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let rows = csv_rows(&out.stdout);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()), "every row has as many fields as the header");
    assert!(rows[1..].iter().all(|r| r[0] == "'=HYPERLINK(\"http://x\",\"klik\")"), "{:?}", rows[1]);
    for name in names {
        let shown = if name.starts_with(['+', '-', '@']) { format!("'{name}") } else { name.to_owned() };
        assert!(rows.iter().any(|r| r[3] == shown), "{shown} is a cell of its own");
    }
    assert!(!out.stdout.contains(",=") && !out.stdout.contains(",+45"), "no cell starts a formula");
    let other = save(dir.path(), "other.ron", &visionsplan());
    let compared = run(&["compare", &path, &other, "--format", "csv"]);
    let rows = csv_rows(&compared.stdout);
    assert_eq!(rows[1][0], "'=HYPERLINK(\"http://x\",\"klik\")", "{}", compared.stdout);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    assert_eq!(by_i_balance::export::text_cell("\tx"), "'\tx");
    assert_eq!(by_i_balance::export::text_cell("\rx"), "'\rx");
}

#[test]
fn item_7_upgrade_refuses_what_check_refuses_and_never_claims_a_false_success() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for broken in ["future-version.ron", "nan.ron"] {
        let path = dir.path().join(broken);
        std::fs::copy(root.join("tests/corpus/broken").join(broken), &path).unwrap();
        let before = std::fs::read(&path).unwrap();
        let out = run(&["upgrade", path.to_str().unwrap()]);
        assert_eq!(out.status, 1, "{broken}: {}", out.stdout);
        assert!(!out.stdout.contains("upgraded"), "{broken}: {}", out.stdout);
        assert_eq!(std::fs::read(&path).unwrap(), before, "{broken} is left as it was");
    }
    let mut twice = visionsplan();
    twice.municipality.areas.push(twice.municipality.areas[0].clone());
    let path = save(dir.path(), "twice.ron", &twice);
    let out = run(&["upgrade", &path]);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("is used twice"), "{}", out.stderr);
    let current = save(dir.path(), "current.ron", &visionsplan());
    let out = run(&["upgrade", &current]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let already = format!("already in format {}; the file is unchanged", by_i_balance::model::FORMAT_VERSION);
    assert!(out.stdout.contains(&already), "{}", out.stdout);
    assert!(!Path::new(&format!("{current}.bak")).exists(), "nothing was rewritten");
    let huge = dir.path().join("huge.ron");
    std::fs::File::create(&huge).unwrap().set_len(64 * 1024 * 1024).unwrap();
    let out = run(&["upgrade", huge.to_str().unwrap()]);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("the file is 67108864 bytes, far larger than any plan"), "{}", out.stderr);
}

/// A plan with `areas` areas, each a copy of the Visionsplan's first with its own id.
fn plan_with_areas(areas: usize) -> Plan {
    let mut plan = visionsplan();
    let template = plan.municipality.areas[4].clone();
    for i in plan.municipality.areas.len()..areas {
        let mut area = template.clone();
        area.id = format!("area-{i}");
        area.name = format!("Område {i}");
        plan.municipality.areas.push(area);
    }
    plan
}

#[test]
fn item_8_plans_beyond_the_limits_are_refused_and_one_at_the_limit_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let over = save(dir.path(), "over.ron", &plan_with_areas(limits::MAX_AREAS + 1));
    let out = run(&["check", &over]);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("the plan has 1001 areas; at most 1000 are accepted"), "{}", out.stderr);
    let at = save(dir.path(), "at.ron", &plan_with_areas(limits::MAX_AREAS));
    for command in ["check", "score"] {
        let out = run(&[command, &at]);
        assert_eq!(out.status, 0, "{command}: {}", out.stderr);
    }
    let mut actions = visionsplan();
    let action = actions.actions[0].clone();
    actions.actions.resize(limits::MAX_ACTIONS + 1, action);
    let out = run(&["check", &save(dir.path(), "actions.ron", &actions)]);
    assert!(out.stderr.contains("at most 2000 are accepted"), "{}", out.stderr);
}

#[test]
fn item_9_the_smaller_items() {
    let dir = tempfile::tempdir().unwrap();
    let mut wrapped = visionsplan();
    wrapped.municipality.areas[0].held.years_listed_before_2016 = u32::MAX;
    let out = run(&["check", &save(dir.path(), "wrapped.ron", &wrapped)]);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("years_listed_before_2016 is 4294967295; the lists began in 2010"), "{}", out.stderr);

    let plan = dir.path().join("p.ron");
    std::fs::copy(VISIONSPLAN, &plan).unwrap();
    let p = plan.to_str().unwrap();
    let out = run(&["report", p, "-o", p]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("the result would overwrite it"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), std::fs::read_to_string(VISIONSPLAN).unwrap());

    let csv = dir.path().join("x.csv");
    let out =
        run(&["compare", VISIONSPLAN, "saves/basisforloeb-2016.ron", "--format", "csv", "-o", csv.to_str().unwrap()]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(std::fs::read_to_string(&csv).unwrap().starts_with("variant,score_2040"), "compare -o writes the file");

    let out = run(&["report", VISIONSPLAN, "-o", "/dev/stdout"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("<!DOCTYPE html>"), "-o /dev/stdout is standard output");

    let missing: PathBuf = dir.path().join("no-such-folder/report.html");
    let out = run(&["report", VISIONSPLAN, "-o", missing.to_str().unwrap()]);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("cannot write the report: the folder"), "{}", out.stderr);
    assert!(!out.stderr.contains("os error"), "{}", out.stderr);

    let mut absurd = visionsplan();
    absurd.efforts[0].count = 1e308;
    absurd.assumptions.insert("move_out_rate.almen_family".into(), 1e308);
    let out = run(&["check", &save(dir.path(), "absurd.ron", &absurd)]);
    assert!(out.stderr.contains("1e308 is more staff") && out.stderr.contains("is 1e308, outside"), "{}", out.stderr);
    assert!(!out.stderr.contains("10000000000000000000"), "no 309-digit numbers: {}", out.stderr);
}

#[test]
fn a_plan_file_as_the_only_argument_opens_the_app_and_commands_stay_commands() {
    use by_i_balance::cli::opens_in_app;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(opens_in_app(&[root.join(VISIONSPLAN).into()]));
    assert!(!opens_in_app(&["check".into()]), "a command is never a file");
    assert!(!opens_in_app(&[root.join("no-such-plan.ron").into()]));
    assert!(!opens_in_app(&[root.join(VISIONSPLAN).into(), "--year".into()]));
    assert!(!opens_in_app(&["--help".into()]));
}

#[test]
fn explain_and_the_bands_keep_their_flags_under_clap() {
    let text = run(&["explain", VISIONSPLAN, "--lang", "en"]);
    assert_eq!(text.status, 0, "{}", text.stderr);
    assert!(text.stdout.lines().count() > 3, "a line per component and part:\n{}", text.stdout);
    let json = run(&["explain", VISIONSPLAN, "--year", "2030", "--format", "json"]);
    assert_eq!(json.status, 0, "{}", json.stderr);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert!(value["components"].is_array() || value["components"].is_object(), "{value}");
    let bands = run(&["project", VISIONSPLAN, "--bands"]);
    assert_eq!(bands.status, 0, "{}", bands.stderr);
    let value: serde_json::Value = serde_json::from_str(&bands.stdout).unwrap();
    let first = &value["score"][0];
    assert!(first["low"].as_f64().unwrap() <= first["high"].as_f64().unwrap(), "{first}");
    for (args, words) in [
        (vec!["project", VISIONSPLAN, "--bands", "--format", "csv"], "--bands goes with --format json"),
        (vec!["explain", VISIONSPLAN, "--format", "csv"], "invalid value 'csv' for '--format <FORMAT>'"),
        (vec!["explain", VISIONSPLAN, "-o", "x.txt"], "unexpected argument '-o' found"),
        (vec!["score", VISIONSPLAN, "--bands"], "unexpected argument '--bands' found"),
    ] {
        let out = run(&args);
        assert_eq!(out.status, 2, "{}", out.stderr);
        assert!(out.stderr.contains(words), "{words}: {}", out.stderr);
    }
    // A plan with areas the Basisforløb lacks is explained, not a panic (it was, at the limit).
    let dir = tempfile::tempdir().unwrap();
    let mut more = plan_with_areas(40);
    let mut effort = more.efforts[0].clone();
    effort.area = "area-30".into();
    more.efforts.push(effort);
    let more = save(dir.path(), "more.ron", &more);
    let out = run(&["explain", &more]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let help = run(&["explain", "--help"]);
    assert!(help.stdout.contains("Basisforløb") && help.stdout.contains("--lang"), "{}", help.stdout);
}
