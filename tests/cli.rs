//! The command line, run as a user runs it: every file in `tests/corpus/broken/` (and a plan
//! too large, a folder and a missing file made at run time) is refused with exit status 1 and a
//! message that says what is wrong and where, never a panic; the shipped plans check; `project`
//! keeps its JSON and CSV contract; `score` prints the estates; bad usage exits with status 2.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use by_i_balance::io::MAX_PLAN_BYTES;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const VISIONSPLAN: &str = "saves/visionsplan-2016.ron";
const BROKEN_DIR: &str = "tests/corpus/broken";
const FIRST_YEAR: u64 = 2016;
const LAST_YEAR: u64 = 2040;
const ESTATES: [&str; 3] = ["Taastrupgaard", "Gadehavegaard", "Charlotteager"];

/// Each broken plan and the words its message must contain: what is wrong and where (line and
/// column for text that does not parse, the place in the plan for a plan that does).
/// `README.md` beside the files says what is wrong with each.
const BROKEN: &[(&str, &[&str])] = &[
    ("truncated.ron", &["line 20, column 29", "end of"]),
    ("truncated-mid-token.ron", &["line 59, column 85"]),
    ("wrong-type.ron", &["line 59, column 84", "Expected float"]),
    ("unknown-field.ron", &["line 24, column 9", "`balconies`", "`Area`"]),
    ("unknown-area-id.ron", &["actions[2]", "no area with the id 'charlottegaard'"]),
    ("unknown-district.ron", &["areas[2] (charlotteager)", "no district with the id 'hartmann'"]),
    ("unknown-profile.ron", &["actions[0]", "no profile with the id 'kulturby'"]),
    ("nan.ron", &["actions[1] (demolish in taastrupgaard, 2018)", "count is not a number (NaN)"]),
    ("huge-number.ron", &["actions[1] (demolish in taastrupgaard, 2018)", "count is absurdly large (1e308"]),
    ("infinite.ron", &["actions[1] (demolish in taastrupgaard, 2018)", "count is infinite (inf)"]),
    ("negative-count.ron", &["areas[2] (charlotteager)", "homes.almen_family is negative (-773)"]),
    (
        "demolish-more-than-stock.ron",
        &["actions[1] (demolish in taastrupgaard, 2018)", "5000 almene family homes, but only 913"],
    ),
    ("year-outside.ron", &["actions[2] (sell in charlotteager, 2051)", "2051 is outside 2016–2040"]),
    ("empty.ron", &["line 1, column 1", "the file is empty"]),
    ("not-ron.ron", &["line 1, column 1", "`Plan`"]),
    ("binary.ron", &["not UTF-8", "line 3, column 22"]),
    ("deep-nesting.ron", &["line 57, column 13", "`Action`"]),
    ("future-version.ron", &["format_version", "is 99", "newer"]),
    ("future-version-new-field.ron", &["newer", "format 99"]),
    ("bad-share.ron", &["letting.municipal_allocation_share", "from 0 to 1, not 1.7"]),
    ("unknown-assumption.ron", &["assumptions[\"no_such_key\"]", "not an assumption"]),
    (
        "assumption-out-of-range.ron",
        &["assumptions[\"move_out_rate.almen_family\"]", "is 1.5, outside its range 0 to 1"],
    ),
];

/// What one run of the binary printed, and how it ended.
struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary in the crate root; a run that takes longer than a minute has hung.
#[track_caller]
fn run(args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_by-i-balance"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start the binary: {e}"));
    let stdout = read_in_background(child.stdout.take());
    let stderr = read_in_background(child.stderr.take());
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(10)),
            other => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("`by-i-balance {}` hung or could not be waited for: {other:?}", args.join(" "));
            }
        }
    };
    let text = |reader: thread::JoinHandle<std::io::Result<String>>| match reader.join() {
        Ok(Ok(text)) => text,
        other => panic!("cannot read the output of `by-i-balance {}`: {other:?}", args.join(" ")),
    };
    Run {
        status: status.code().unwrap_or_else(|| panic!("`by-i-balance {}` was killed: {status}", args.join(" "))),
        stdout: text(stdout),
        stderr: text(stderr),
    }
}

/// Reads a child's pipe to the end on a thread of its own, so that a full pipe cannot stall it.
fn read_in_background(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<std::io::Result<String>> {
    thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut pipe) = pipe {
            pipe.read_to_string(&mut text)?;
        }
        Ok(text)
    })
}

/// Asserts that `check`, `project` and `score` all refuse the plan at `path` with status 1 and
/// a message with every one of `words` and the path, and print nothing else.
#[track_caller]
fn assert_refused(path: &str, words: &[&str]) {
    for command in ["check", "project", "score"] {
        let out = run(&[command, path]);
        let context = format!("`{command} {path}` printed:\n{}", out.stderr);
        assert_eq!(out.status, 1, "{context}");
        assert!(out.stdout.is_empty(), "{context}\nand on stdout:\n{}", out.stdout);
        assert!(out.stderr.starts_with("error: "), "{context}");
        assert!(!out.stderr.contains("panicked"), "{context}");
        assert!(out.stderr.contains(path), "the message does not name the file; {context}");
        for word in words {
            assert!(out.stderr.contains(word), "the message lacks {word:?}; {context}");
        }
    }
}

#[test]
fn every_broken_plan_is_refused_with_a_message_that_names_the_problem() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: BTreeSet<String> = fs::read_dir(root.join(BROKEN_DIR))
        .unwrap_or_else(|e| panic!("cannot list {BROKEN_DIR}: {e}"))
        .map(|entry| {
            let entry = entry.unwrap_or_else(|e| panic!("cannot list {BROKEN_DIR}: {e}"));
            entry.file_name().to_string_lossy().into_owned()
        })
        .filter(|name| name != "README.md")
        .collect();
    let table: BTreeSet<String> = BROKEN.iter().map(|(name, _)| (*name).to_owned()).collect();
    assert_eq!(table.len(), BROKEN.len(), "a file is listed twice in BROKEN");
    assert_eq!(
        files, table,
        "every file in {BROKEN_DIR} needs a row in BROKEN (and in its README), and every row a file"
    );
    for (name, words) in BROKEN {
        assert_refused(&format!("{BROKEN_DIR}/{name}"), words);
    }
}

/// A folder under the system's temporary folder, removed with everything in it when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("by-i-balance-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap_or_else(|e| panic!("cannot create {}: {e}", path.display()));
        Self(path)
    }

    fn join(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_plan_too_large_a_folder_and_a_missing_file_are_refused() {
    let dir = TempDir::new("cli-refused");
    let huge = dir.join("huge.ron");
    fs::File::create(&huge)
        .and_then(|file| file.set_len(MAX_PLAN_BYTES + 1))
        .unwrap_or_else(|e| panic!("cannot make {huge}: {e}"));
    let size = (MAX_PLAN_BYTES + 1).to_string();
    assert_refused(&huge, &["far larger than any plan", size.as_str()]);

    let folder = dir.join("folder.ron");
    fs::create_dir(&folder).unwrap_or_else(|e| panic!("cannot make {folder}: {e}"));
    assert_refused(&folder, &["is a folder, not a plan file"]);

    assert_refused(&dir.join("missing.ron"), &["cannot read the file"]);
}

#[test]
fn the_shipped_plans_and_the_corpus_base_check() {
    for plan in [VISIONSPLAN, "saves/basisforloeb-2016.ron", "tests/corpus/valid-small.ron"] {
        let out = run(&["check", plan]);
        assert_eq!(out.status, 0, "`check {plan}` printed:\n{}", out.stderr);
        assert!(out.stdout.starts_with("ok: "), "`check {plan}` printed:\n{}", out.stdout);
        assert!(out.stderr.is_empty(), "`check {plan}` printed:\n{}", out.stderr);
    }
}

/// Runs `project` on the Visionsplan with extra arguments and parses its JSON.
#[track_caller]
fn project_json(extra: &[&str]) -> Value {
    let mut args = vec!["project", VISIONSPLAN];
    args.extend_from_slice(extra);
    let out = run(&args);
    assert_eq!(out.status, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("the JSON does not parse: {e}"))
}

/// `value[key]`, failing with what and where when it is not there.
#[track_caller]
fn field<'a>(value: &'a Value, key: &str, at: &str) -> &'a Value {
    value.get(key).unwrap_or_else(|| panic!("{at} has no \"{key}\""))
}

/// `value[key]` as a number, failing when it is not one.
#[track_caller]
fn number(value: &Value, key: &str, at: &str) -> f64 {
    field(value, key, at).as_f64().unwrap_or_else(|| panic!("{at}.{key} is not a number"))
}

/// `value[key]` as an array, failing when it is not one.
#[track_caller]
fn array<'a>(value: &'a Value, key: &str, at: &str) -> &'a [Value] {
    field(value, key, at).as_array().unwrap_or_else(|| panic!("{at}.{key} is not an array"))
}

/// Asserts that `value[key]` is an object of counts with exactly the keys `keys`, none negative.
#[track_caller]
fn assert_counts(value: &Value, key: &str, keys: &[&str], at: &str) {
    let counts = field(value, key, at).as_object().unwrap_or_else(|| panic!("{at}.{key} is not an object"));
    let found: BTreeSet<&str> = counts.keys().map(String::as_str).collect();
    let expected: BTreeSet<&str> = keys.iter().copied().collect();
    assert_eq!(found, expected, "{at}.{key}");
    for (k, count) in counts {
        assert!(count.as_f64().is_some_and(|n| n >= 0.0), "{at}.{key}.{k} is {count}");
    }
}

/// `value["year"]`, failing when it is not a whole number.
#[track_caller]
fn year(value: &Value, at: &str) -> u64 {
    field(value, "year", at).as_u64().unwrap_or_else(|| panic!("{at}.year is not a year"))
}

/// Asserts that the years of `items` are `years`, in order.
#[track_caller]
fn assert_years(items: &[Value], years: &[u64], at: &str) {
    let found: Vec<u64> = items.iter().map(|item| year(item, at)).collect();
    assert_eq!(found, years, "{at}");
}

/// Asserts the contract of one area in one year: counts by tenure and group, shares 0–1, the
/// criteria met, whether it is listed and its category.
#[track_caller]
fn assert_area_year(y: &Value, at: &str) {
    let tenures = ["almen_family", "almen_youth", "almen_elderly", "private_rental", "cooperative", "owner_occupied"];
    assert_counts(y, "homes", &tenures, at);
    let groups = ["children", "employed", "in_education", "outside_work", "seniors"];
    assert_counts(y, "residents", &groups, at);
    for share in [
        "outside_work_share",
        "basic_schooling_share",
        "convicted_share",
        "non_western_share",
        "almen_family_share_168a",
    ] {
        let value = number(y, share, at);
        assert!((0.0..=1.0).contains(&value), "{at}: {share} is {value}");
    }
    assert!(number(y, "income_ratio", at) > 0.0, "{at}: income_ratio");
    assert!(array(y, "criteria_met", at).iter().all(Value::is_string), "{at}: criteria_met");
    assert!(field(y, "listed", at).is_boolean(), "{at}: listed");
    assert!(field(y, "category", at).is_string(), "{at}: category");
}

#[test]
fn project_json_keeps_its_contract() {
    let json = project_json(&[]);
    assert_eq!(json["plan"], "Visionsplan 2016");
    assert_eq!(json["rules"], "in_force", "the plan's own rule set: the law in force each year");
    let years: Vec<u64> = (FIRST_YEAR..=LAST_YEAR).collect();
    let top: Vec<u64> = array(&json, "years", "the projection").iter().filter_map(Value::as_u64).collect();
    assert_eq!(top, years);

    let areas = array(&json, "areas", "the projection");
    let ids: BTreeSet<&str> = areas.iter().filter_map(|a| a["id"].as_str()).collect();
    for id in ["taastrupgaard", "gadehavegaard", "charlotteager", "naerheden", "hoeje-taastrup-c"] {
        assert!(ids.contains(id), "no area {id} among {ids:?}");
    }
    assert_eq!(ids.len(), 11, "{ids:?}");
    for area in areas {
        let at = format!("area {}", area["id"]);
        for key in ["id", "name", "kind", "district"] {
            assert!(field(area, key, &at).is_string(), "{at}.{key}");
        }
        let area_years = array(area, "years", &at);
        assert_years(area_years, &years, &at);
        for y in area_years {
            assert_area_year(y, &format!("{at} in {}", y["year"]));
        }
    }

    let municipality = array(field(&json, "municipality", "the projection"), "years", "municipality");
    assert_years(municipality, &years, "municipality.years");
    for y in municipality {
        let at = format!("municipality in {}", y["year"]);
        assert!(number(y, "homes", &at) > 0.0, "{at}: homes");
        assert!(number(y, "residents", &at) > 0.0, "{at}: residents");
        let share = number(y, "almen_share", &at);
        assert!((0.0..=1.0).contains(&share), "{at}: almen_share is {share}");
    }

    let score = array(&json, "score", "the projection");
    assert_years(score, &years, "score");
    for s in score {
        let at = format!("score in {}", s["year"]);
        let components = field(s, "components", &at);
        for (key, value) in [
            ("total", s),
            ("list", components),
            ("segregation", components),
            ("tenure_mix", components),
            ("school_mix", components),
        ] {
            let points = number(value, key, &at);
            assert!((0.0..=100.0).contains(&points), "{at}: {key} is {points}");
        }
    }

    let ledger = array(&json, "ledger", "the projection");
    assert!(!ledger.is_empty(), "the ledger is empty");
    for entry in ledger {
        let at = format!("ledger in {}", entry["year"]);
        assert!(years.contains(&year(entry, &at)), "{at}");
        for key in ["displaced", "rehoused", "left"] {
            assert!(number(entry, key, &at) >= 0.0, "{at}: {key}");
        }
    }
}

#[test]
fn project_takes_the_rule_set_from_the_command_line() {
    assert_eq!(project_json(&["--rules", "2014"])["rules"], "2014");
}

/// Splits a CSV line into its fields, honouring double quotes.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    fields.push(field);
    fields
}

#[test]
fn project_csv_has_a_row_per_area_and_year() {
    let out = run(&["project", VISIONSPLAN, "--format", "csv"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let mut lines = out.stdout.lines();
    let header = csv_fields(lines.next().unwrap_or_default());
    assert_eq!(header[..3], ["plan", "rules", "area"], "{header:?}");
    let year_column = header.iter().position(|h| h == "year").unwrap_or_else(|| panic!("no year column in {header:?}"));
    let mut seen = BTreeSet::new();
    for line in lines {
        let row = csv_fields(line);
        assert_eq!(row.len(), header.len(), "{line}");
        assert_eq!(row[..2], ["Visionsplan 2016", "in_force"], "{line}");
        assert!(seen.insert((row[2].clone(), row[year_column].clone())), "twice: {line}");
    }
    let areas: BTreeSet<&String> = seen.iter().map(|(area, _)| area).collect();
    let years: BTreeSet<&String> = seen.iter().map(|(_, year)| year).collect();
    assert_eq!((areas.len(), years.len(), seen.len()), (11, 25, 11 * 25));
}

#[test]
fn score_prints_the_year_the_total_and_the_estates() {
    let out = run(&["score", VISIONSPLAN, "--year", "2030"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    for word in ["2030", "total"].iter().chain(&ESTATES) {
        assert!(out.stdout.contains(word), "no {word:?} in:\n{}", out.stdout);
    }
}

#[test]
fn bad_usage_exits_with_status_2_and_says_why() {
    let cases: [(&[&str], &str); 11] = [
        (&["project"], "the following required arguments were not provided:\n  <PLAN>"),
        (&["frobnicate", VISIONSPLAN], "unrecognized subcommand 'frobnicate'"),
        (&["frobnicate"], "unrecognized subcommand 'frobnicate'"),
        (&["project", VISIONSPLAN, "--rules", "1999"], "unknown rule set '1999' (in_force, 2010, 2014, 2018 or 2021)"),
        (&["score", VISIONSPLAN, "--year", "2100"], "the year 2100 is outside 2016–2049"),
        (&["score", VISIONSPLAN, "--year", "soon"], "'soon' is not a year"),
        (&["project", VISIONSPLAN, "--format", "xml"], "invalid value 'xml' for '--format <FORMAT>'"),
        (&["project", VISIONSPLAN, "--format"], "a value is required for '--format <FORMAT>'"),
        // Flags that do not apply to a command are refused, not ignored.
        (&["check", VISIONSPLAN, "--format", "csv"], "unexpected argument '--format' found"),
        (&["report", VISIONSPLAN, "--rules", "2010"], "unexpected argument '--rules' found"),
        (&["compare", VISIONSPLAN], "2 values required"),
    ];
    for (args, message) in cases {
        let out = run(args);
        let context = format!("`{}` printed:\n{}", args.join(" "), out.stderr);
        assert_eq!(out.status, 2, "{context}");
        assert!(out.stdout.is_empty(), "{context}");
        assert!(out.stderr.starts_with("error: "), "{context}");
        assert!(out.stderr.contains(message), "{context}");
        assert!(out.stderr.contains("Usage:") || out.stderr.contains("--help"), "{context}");
    }
}

#[test]
fn every_command_has_its_own_help() {
    let top = run(&["--help"]);
    assert_eq!(top.status, 0, "{}", top.stderr);
    for command in ["project", "explain", "score", "check", "compare", "upgrade", "report"] {
        assert!(top.stdout.contains(command), "--help lists {command}:\n{}", top.stdout);
        let help = run(&[command, "--help"]);
        assert_eq!(help.status, 0, "{}", help.stderr);
        assert!(help.stdout.contains(&format!("Usage: by-i-balance {command}")), "{}", help.stdout);
    }
    let report = run(&["report", "--help"]).stdout;
    assert!(report.contains("--lang") && !report.contains("--rules"), "report's own flags:\n{report}");
}

#[test]
fn upgrade_rewrites_a_format_1_file_in_the_current_format() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    fs::copy("tests/fixtures/format-1-visionsplan.ron", &old).unwrap();
    let out = dir.path().join("new.ron");
    let result = run(&["upgrade", old.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(result.status, 0, "{}", result.stderr);
    let current = by_i_balance::model::FORMAT_VERSION;
    assert!(result.stdout.contains(&format!("from format 1 to {current}")), "{}", result.stdout);
    let text = fs::read_to_string(&out).unwrap();
    assert!(
        text.contains(&format!("format_version: {current},")) && text.contains(r#"map: shipped("hoeje-taastrup")"#),
        "{text}"
    );
    // The shipped plan differs only by the short names for the map, registered in format 4.
    let mut shipped = by_i_balance::io::parse_plan(&fs::read_to_string(VISIONSPLAN).unwrap()).unwrap();
    shipped.municipality.areas.iter_mut().for_each(|a| a.short_name.clear());
    shipped.municipality.districts.iter_mut().for_each(|d| d.short_name.clear());
    // The format-1 file chose the 2021 rules; the shipped plan now judges by the law in force.
    shipped.rule_set = by_i_balance::model::RuleSetId::Y2021;
    // An old plan keeps the 2016 residents it was made with; the shipped plans' estates were
    // split anew from the published lists (format 6).
    let upgraded = by_i_balance::io::parse_plan(&text).unwrap();
    for (area, old) in shipped.municipality.areas.iter_mut().zip(&upgraded.municipality.areas) {
        area.residents = old.residents;
    }
    assert_eq!(text, by_i_balance::io::plan_to_ron(&shipped).unwrap(), "the upgraded file is the shipped plan");
    let in_place = run(&["upgrade", old.to_str().unwrap()]);
    assert_eq!(in_place.status, 0, "{}", in_place.stderr);
    assert!(dir.path().join("old.ron.bak").is_file(), "the format-1 original is kept as a backup");
    let missing = run(&["upgrade", "no-such-plan.ron"]);
    assert_eq!(missing.status, 1);
    assert!(missing.stderr.contains("no-such-plan.ron"), "{}", missing.stderr);
}

#[test]
fn compare_prints_the_same_comparison_as_json_and_csv() {
    let basis = "saves/basisforloeb-2016.ron";
    let json = run(&["compare", VISIONSPLAN, basis, "--year", "2030"]);
    assert_eq!(json.status, 0, "{}", json.stderr);
    let value: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["year"], 2030);
    let variants = array(&value, "variants", "compare");
    assert_eq!(variants.len(), 2);
    assert_eq!(variants[0]["name"], "Visionsplan 2016");
    assert_eq!(variants[0]["difference"], 0.0, "the first plan is the reference");
    let difference = number(&variants[1], "difference", "variants[1]");
    let scores: Vec<f64> = variants.iter().map(|v| number(v, "score_in_year", "variant")).collect();
    // One rounding: the difference of the scores as shown, to a tenth (as explain has it).
    let shown = |score: f64| (score * 10.0).round();
    assert!((difference * 10.0 - (shown(scores[1]) - shown(scores[0]))).abs() < 1e-9, "{difference} {scores:?}");
    assert_eq!(array(&variants[1], "estates", "variants[1]").len(), 9, "three estates at 2025, 2030 and 2040");
    let csv = run(&["compare", VISIONSPLAN, basis, "--year", "2030", "--format", "csv"]);
    assert_eq!(csv.status, 0, "{}", csv.stderr);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "a header and a row per plan");
    assert!(
        lines[0].starts_with("variant,score_2030,difference,relative_difference,estate_taastrupgaard_2025"),
        "{}",
        lines[0]
    );
    assert!(lines[2].starts_with("Basisforløb 2016,"), "{}", lines[2]);
    let one = run(&["compare", VISIONSPLAN]);
    assert_eq!(one.status, 2, "compare needs two plans");
}

/// `explain` prints the plan against the Basisforløb by component and by part; in JSON the
/// figures are tenths that add up exactly, and the sentence is the one the app shows.
#[test]
fn explain_splits_the_change_into_components_and_parts_that_add_up() {
    let json = run(&["explain", VISIONSPLAN, "--year", "2030", "--format", "json"]);
    assert_eq!(json.status, 0, "{}", json.stderr);
    let value: Value = serde_json::from_str(&json.stdout).unwrap();
    let tenths = |v: &Value| (v.as_f64().unwrap() * 10.0).round() as i64;
    assert_eq!(value["year"], 2030);
    let change = tenths(&value["change"]);
    assert_eq!(tenths(&value["to"]) - tenths(&value["from"]), change);
    let parts: i64 = value["parts"].as_array().unwrap().iter().map(|p| tenths(&p["points"])).sum();
    assert_eq!(parts + tenths(&value["interaction"]), change, "the parts and their interaction make the change");
    let components: i64 = value["components"].as_object().unwrap().values().map(tenths).sum();
    assert_eq!(components, change, "the components make the change");
    assert!(value["parts"].as_array().unwrap().iter().any(|p| p["what"].as_str().unwrap().contains("Taastrupgaard")));
    let text = run(&["explain", VISIONSPLAN, "--year", "2030"]);
    assert_eq!(text.status, 0, "{}", text.stderr);
    assert_eq!(text.stdout.lines().next().unwrap(), value["text"].as_str().unwrap());
    assert!(text.stdout.contains("procentpoint") || text.stdout.contains("point"), "{}", text.stdout);
    let english = run(&["explain", VISIONSPLAN, "--lang", "en"]);
    assert!(english.stdout.starts_with("Balance score 2025: from "), "{}", english.stdout);
}

/// `project --bands` adds the 10th and 90th percentiles of the score, each estate's share of
/// runs listed and its exit from the list; without the flag the keys are not there.
#[test]
fn project_with_bands_adds_percentiles_and_listed_shares() {
    let out = run(&["project", VISIONSPLAN, "--bands"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    for s in value["score"].as_array().unwrap() {
        let (low, high) = (s["low"].as_f64().unwrap(), s["high"].as_f64().unwrap());
        assert!(low <= high, "{s}");
        assert!(s["total"].as_f64().is_some(), "the existing keys stay");
    }
    let estate = value["areas"].as_array().unwrap().iter().find(|a| a["id"] == "taastrupgaard").unwrap();
    for y in estate["years"].as_array().unwrap() {
        let share = y["listed_share"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&share));
    }
    assert_eq!(estate["years"][0]["listed_share"], 1.0, "listed in 2016 in every run");
    assert!(estate["list_exit"]["kind"].is_string());
    assert_eq!(value["bands"]["runs"], 200);
    let plain: Value = serde_json::from_str(&run(&["project", VISIONSPLAN]).stdout).unwrap();
    assert!(plain["score"][0].get("low").is_none() && plain.get("bands").is_none());
    let parts = &plain["areas"][0]["years"][3]["share_168a_parts"];
    for key in ["almen_family", "homes", "demolished_counted", "floor_space_homes"] {
        assert!(parts[key].is_number(), "share_168a_parts.{key}");
    }
}
