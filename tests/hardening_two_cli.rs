//! Regression tests for issue 28 ("hardening, round two: every answer complete or an error,
//! every input answered in seconds"), run as a user runs the command line: one test per
//! numbered item the command line shows (1 standard output, 2 the importer's budget, 3 the
//! explanation's budget, 4 one text rule, 8 unique CSV columns, 9 Danish numbers, 10 the smaller
//! items). Items 5, 6 and 7 (the lock, the recovery backup, backup temporaries) are in
//! `hardening_two_files.rs`.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use by_i_balance::assets;
use by_i_balance::model::Plan;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const VISIONSPLAN: &str = "saves/visionsplan-2016.ron";
const BASISFORLOEB: &str = "saves/basisforloeb-2016.ron";

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
    took: Duration,
}

/// Runs the binary in the crate root with standard output going to `stdout`; one that takes
/// longer than `limit` has hung.
fn run_to(args: &[&str], stdout: Stdio, limit: Duration) -> Run {
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_by-i-balance"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || sender.send(child.wait_with_output()));
    let Ok(out) = receiver.recv_timeout(limit) else {
        let _ = Command::new("kill").arg(pid.to_string()).status();
        panic!("`by-i-balance {}` took over {limit:?}", args.join(" "));
    };
    let out = out.unwrap();
    Run {
        status: out.status.code().unwrap(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        took: started.elapsed(),
    }
}

fn run(args: &[&str]) -> Run {
    run_to(args, Stdio::piped(), Duration::from_secs(60))
}

/// A plan with `areas` areas, each a copy of one of the Visionsplan's with its own id.
fn plan_with_areas(areas: usize) -> Plan {
    let mut plan = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    let template = plan.municipality.areas[4].clone();
    for i in plan.municipality.areas.len()..areas {
        let mut area = template.clone();
        area.id = format!("area-{i}");
        area.name = format!("Område {i}");
        plan.municipality.areas.push(area);
    }
    plan
}

fn dev_full() -> Stdio {
    Stdio::from(std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap())
}

/// Every command that writes a result to standard output, with its arguments.
fn every_command(dir: &Path) -> Vec<Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let table = root.join("tests/fixtures/municipality/three-areas.csv").to_string_lossy().into_owned();
    let old = root.join("tests/fixtures").join(first_fixture(root)).to_string_lossy().into_owned();
    let report_file = dir.join("report.html").to_string_lossy().into_owned();
    let s = |args: &[&str]| args.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>();
    vec![
        s(&["project", VISIONSPLAN]),
        s(&["project", VISIONSPLAN, "--format", "csv"]),
        s(&["project", VISIONSPLAN, "-o", "-"]),
        s(&["report", VISIONSPLAN]),
        s(&["report", VISIONSPLAN, "-o", "-"]),
        s(&["explain", VISIONSPLAN]),
        s(&["explain", VISIONSPLAN, "--format", "json"]),
        s(&["score", VISIONSPLAN]),
        s(&["check", VISIONSPLAN]),
        s(&["compare", VISIONSPLAN, BASISFORLOEB]),
        s(&["compare", VISIONSPLAN, BASISFORLOEB, "--format", "csv"]),
        s(&["new", "--areas", &table, "-o", "-"]),
        s(&["upgrade", &old, "-o", "-"]),
        s(&["--help"]),
        s(&["report", VISIONSPLAN, "-o", &report_file]),
    ]
}

/// The first plan of an older format among the fixtures.
fn first_fixture(root: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(root.join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    names.sort();
    names.remove(0)
}

#[test]
fn item_1_a_result_that_cannot_be_written_to_standard_output_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for args in every_command(dir.path()) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let shown = args.join(" ");
        let ok = run(&args);
        assert_eq!(ok.status, 0, "{shown} works to a pipe: {}", ok.stderr);
        assert!(!ok.stdout.is_empty(), "{shown} writes to standard output");
        if args[0] == "upgrade" {
            let current = format!("format_version: {}", by_i_balance::model::FORMAT_VERSION);
            assert!(ok.stdout.contains(&current), "upgrade -o - writes the plan to standard output: {}", ok.stdout);
        }
        let full = run_to(&args, dev_full(), Duration::from_secs(60));
        assert_eq!(full.status, 1, "{shown} > /dev/full fails: {}", full.stderr);
        assert!(full.stderr.contains("standard output could not be written: the disk is full"), "{shown}: {}", full.stderr);
        assert!(!full.stderr.contains("os error"), "{shown}: words, not an errno: {}", full.stderr);
    }
}

#[test]
fn item_1_a_standard_output_that_cannot_be_written_and_a_reader_that_stops_are_errors_too() {
    // Standard output open for reading only: every write fails (EBADF), which the standard
    // library's own handle takes for success. (A standard output closed with `>&-` reaches
    // the program as /dev/null, put there by Rust's runtime before `main`, and cannot be told
    // from `> /dev/null`.)
    let script = format!("exec '{}' project {VISIONSPLAN} 1</dev/null", env!("CARGO_BIN_EXE_by-i-balance"));
    let closed = Command::new("sh").arg("-c").arg(&script).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    let stderr = String::from_utf8_lossy(&closed.stderr);
    assert_eq!(closed.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("standard output could not be written: it is closed"), "{stderr}");

    // A reader that takes the first kilobyte and goes (as `| head` does) leaves a projection
    // of 40 areas (about a megabyte of JSON) unfinished: that is not a success.
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("forty.ron");
    by_i_balance::io::save_plan(&plan, &plan_with_areas(40)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_by-i-balance"))
        .args(["project", plan.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1024];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the program reading it stopped before the end"), "{stderr}");
}

fn save(dir: &Path, name: &str, plan: &Plan) -> String {
    let path = dir.join(name);
    by_i_balance::io::save_plan(&path, plan).unwrap();
    path.to_string_lossy().into_owned()
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

#[test]
fn item_8_compare_csv_never_repeats_a_column_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    let estate = plan.municipality.areas.iter().find(|a| a.id == "taastrupgaard").unwrap().clone();
    for id in ["score", "residents_children", "dots"] {
        let mut twin = estate.clone();
        twin.id = id.to_owned();
        twin.name = format!("Estate called {id}");
        plan.municipality.areas.push(twin);
    }
    let path = save(dir.path(), "ids.ron", &plan);
    let out = run(&["compare", &path, VISIONSPLAN, "--format", "csv"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let rows = csv_rows(&out.stdout);
    let header = &rows[0];
    let mut names = header.clone();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), header.len(), "every column name once: {header:?}");
    let score = header.iter().position(|h| h == "score_2040").unwrap();
    let estate = header.iter().position(|h| h == "estate_score_2040").unwrap();
    assert!(rows[1][score].parse::<f64>().is_ok(), "score_2040 is the score: {}", rows[1][score]);
    assert!(["listed", "not_listed", "prevention_area"].contains(&rows[1][estate].as_str()), "{}", rows[1][estate]);
    assert_eq!(rows[2][estate], "", "the Visionsplan has no estate called score");
    assert!(header.contains(&"estate_taastrupgaard_2025".to_owned()), "{header:?}");
}
