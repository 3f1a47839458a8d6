//! Regression tests for issue 28 ("hardening, round two: every answer complete or an error,
//! every input answered in seconds"), run as a user runs the command line: one test per
//! numbered item the command line shows (1 standard output, 2 the importer's budget, 3 the
//! explanation's budget, 4 one text rule, 8 unique CSV columns, 9 Danish numbers, 10 the smaller
//! items). Items 5, 6 and 7 (the lock, the recovery backup, backup temporaries) are in
//! `hardening_two_files.rs`.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

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
        assert!(
            full.stderr.contains("standard output could not be written: the disk is full"),
            "{shown}: {}",
            full.stderr
        );
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

/// The Visionsplan with `areas` areas (copies of an ordinary one) and, with its own, `actions`
/// actions, `efforts` efforts and `rules` flexible letting rules in all (building actions,
/// job consultants and letting rules spread over its areas and years): every count within
/// the limits.
fn many_parts_plan(areas: usize, actions: usize, efforts: usize, rules: usize) -> Plan {
    use by_i_balance::model::{Action, ActionKind, Effort, EffortKind, FlexibleLetting, Tenure};
    let mut plan = plan_with_areas(areas);
    let ids: Vec<String> = plan.municipality.areas.iter().map(|a| a.id.clone()).collect();
    let year = |i: usize| 2016 + u16::try_from(i % 24).unwrap();
    for i in plan.actions.len()..actions {
        let kind = ActionKind::Build {
            area: ids[i % ids.len()].clone(),
            tenure: Tenure::OwnerOccupied,
            count: 2.0,
            over_years: 1,
        };
        plan.add_action(Action::new(year(i), kind));
    }
    for i in plan.efforts.len()..efforts {
        plan.efforts.push(Effort {
            kind: EffortKind::JobConsultants,
            area: ids[i % ids.len()].clone(),
            count: 0.1,
            from_year: year(i),
            to_year: 2040,
        });
    }
    for i in plan.letting.flexible.len()..rules {
        plan.letting.flexible.push(FlexibleLetting {
            area: ids[i % ids.len()].clone(),
            share: 0.01,
            from_year: year(i),
        });
    }
    plan
}

#[test]
fn item_3_a_plan_of_few_areas_and_many_parts_is_explained_in_groups_within_its_budget() {
    use by_i_balance::explain::SEPARATE_WORK;
    let library = by_i_balance::assets::Library::load().unwrap();
    let baseline = by_i_balance::engine::baseline_plan().unwrap();
    for (areas, actions, efforts, rules) in [(20, 2_000, 2_000, 1_000), (3, 2_000, 0, 0)] {
        let plan = many_parts_plan(areas, actions, efforts, rules);
        assert!(plan.validate(&library.table).is_empty(), "{:?}", plan.validate(&library.table).first());
        let started = Instant::now();
        let attribution = by_i_balance::engine::attribute(&library, &plan, &baseline, &|| false).unwrap();
        let parts = attribution.grouped.expect("a plan of thousands of parts is attributed in groups");
        assert!(parts >= actions + efforts - 100, "{parts} parts");
        // Each group is one projection of the plan: few enough to stay within the budget.
        let size = actions + efforts + rules + 1;
        let projections = attribution.parts.len();
        assert!(projections * (24 * plan.municipality.areas.len() + size) <= SEPARATE_WORK, "{projections} groups");
        let shown = attribution.shown(2030).unwrap();
        assert_eq!(shown.parts.iter().sum::<i64>() + shown.interaction, shown.change.change, "the groups add up");
        assert!(started.elapsed() < Duration::from_secs(60), "{areas} areas: {:?}", started.elapsed());
    }
    // And through the command line, `explain` and `report` answer.
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "many.ron", &many_parts_plan(20, 2_000, 2_000, 1_000));
    for args in [vec!["explain", path.as_str()], vec!["report", path.as_str(), "-o", "-"]] {
        let out = run(&args);
        assert_eq!(out.status, 0, "{}", out.stderr);
        assert!(out.took < Duration::from_secs(60), "{args:?} took {:?}", out.took);
    }
}

/// Writes a table of `rows` ordinary areas `a0`, `a1`, … and returns its path.
fn table_of(dir: &Path, name: &str, rows: usize) -> String {
    let mut text = String::from(
        "id,name,district,kind,almen_family,almen_youth,almen_elderly,private_rental,cooperative,owner_occupied,children,employed,in_education,outside_work,seniors\n",
    );
    for i in 0..rows {
        text.push_str(&format!("a{i},Område {i},d{},ordinary,100,0,0,0,0,100,50,100,20,30,40\n", i % 50));
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// A closed ring of `points` points round a centre (an ellipse), in WGS84.
fn ellipse(points: usize, centre: [f64; 2], radius: f64) -> serde_json::Value {
    let mut ring: Vec<[f64; 2]> = (0..points - 1)
        .map(|k| {
            let angle = std::f64::consts::TAU * k as f64 / (points - 1) as f64;
            [centre[0] + radius * angle.cos(), centre[1] + 0.6 * radius * angle.sin()]
        })
        .collect();
    ring.push(ring[0]);
    serde_json::json!([ring])
}

/// Writes a FeatureCollection of polygons (`id`, rings) and returns its path.
fn geojson_of(dir: &Path, name: &str, features: impl Iterator<Item = (String, serde_json::Value)>) -> String {
    let features: Vec<serde_json::Value> = features
        .map(|(id, rings)| {
            serde_json::json!({"type": "Feature", "properties": {"id": id}, "geometry": {"type": "Polygon", "coordinates": rings}})
        })
        .collect();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::json!({"type": "FeatureCollection", "features": features}).to_string()).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn item_2_new_counts_before_it_does_geometry_and_answers_every_input_in_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let one = table_of(d, "one.csv", 1);
    let thousand = table_of(d, "thousand.csv", 1_000);
    let square = |i: usize| {
        let (x, y) = (12.0 + (i % 300) as f64 * 0.0015, 55.5 + (i / 300) as f64 * 0.0015);
        serde_json::json!([[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]])
    };
    let out = d.join("plan.ron").to_string_lossy().into_owned();
    let limit = Duration::from_secs(60);
    let cases: Vec<(String, String, Option<&str>)> = vec![
        // A legal outline of 99,991 points (it took a minute: every edge against every other).
        (
            one.clone(),
            geojson_of(d, "big.geojson", std::iter::once(("a0".to_owned(), ellipse(99_991, [12.3, 55.65], 0.01)))),
        ),
        // 3,000 identical outlines (over a minute, 1.5 GB).
        (thousand.clone(), geojson_of(d, "same.geojson", (0..3_000).map(|i| (format!("a{i}"), square(0))))),
        // 1,000,000 points.
        (
            one.clone(),
            geojson_of(
                d,
                "million.geojson",
                std::iter::once(("a0".to_owned(), ellipse(1_000_000, [12.3, 55.65], 0.01))),
            ),
        ),
        // 100,000 features.
        (thousand.clone(), geojson_of(d, "features.geojson", (0..100_000).map(|i| (format!("a{i}"), square(i))))),
        // 1,000 outlines that all overlap one another: the first fifty are named.
        (
            thousand.clone(),
            geojson_of(d, "overlap.geojson", (0..1_000).map(|i| (format!("a{i}"), ellipse(99, [12.3, 55.65], 0.01)))),
        ),
        // 1,000 outlines side by side, at the limit of areas: a plan.
        (thousand.clone(), geojson_of(d, "squares.geojson", (0..1_000).map(|i| (format!("a{i}"), square(i))))),
    ]
    .into_iter()
    .zip([
        None,
        Some("has 3000 features; a plan's map holds at most 1000 areas"),
        Some("has 1000000 points; a plan carries at most 100000 map points"),
        Some("has 500000 points; a plan carries at most 100000 map points"),
        Some("more problems; correct the ones above first"),
        None,
    ])
    .map(|((table, map), words)| (table, map, words))
    .collect();
    for (table, map, words) in cases {
        let result = run_to(&["new", "--areas", &table, "--map", &map, "-o", &out], Stdio::piped(), limit);
        match words {
            None => assert_eq!(result.status, 0, "{map}: {}", result.stderr),
            Some(words) => {
                assert_eq!(result.status, 1, "{map}");
                assert!(result.stderr.contains(words), "{map}: {}", result.stderr);
                assert!(result.stderr.lines().count() <= 53, "at most fifty problems are listed: {map}");
            }
        }
    }
    // 100,000 rows.
    let rows = table_of(d, "rows.csv", 100_000);
    let result = run_to(&["new", "--areas", &rows, "-o", &out], Stdio::piped(), limit);
    assert_eq!(result.status, 1);
    assert!(result.stderr.contains("the table has 100000 rows; a plan holds at most 1000 areas"), "{}", result.stderr);
    // A cell of megabytes is quoted in eighty characters, not echoed.
    let huge = d.join("huge.csv");
    let text = std::fs::read_to_string(&one)
        .unwrap()
        .replace(",100,0,0,0,0,100,", &format!(",{},0,0,0,0,100,", "9x".repeat(2_500_000)));
    std::fs::write(&huge, text).unwrap();
    let result = run(&["new", "--areas", huge.to_str().unwrap(), "-o", &out]);
    assert_eq!(result.status, 1);
    assert!(
        result.stderr.contains("row 2, column 'almen_family': '9x9x") && result.stderr.contains("…' is not a number")
    );
    assert!(result.stderr.len() < 1_000, "{} bytes of message", result.stderr.len());
}

/// The Visionsplan with one of everything a plan can carry as text: its own map (credit,
/// landmarks, outlines), short names, comments on each kind of target, a vote, a change log
/// whose edits name every kind of thing, an effort, a letting rule and an assumption.
fn plan_with_every_text() -> Plan {
    use by_i_balance::model::{
        Action, ActionKind, ChangeEntry, Comment, CommentTarget, Effort, EffortKind, FlexibleLetting, MapSource,
        PlanEdit, Tenure, Vote,
    };
    let mut plan = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    let mut map = by_i_balance::map::shipped_map("hoeje-taastrup").unwrap().clone();
    map.credit = "Høje-Taastrup Kommune, GIS".into();
    plan.municipality.map = MapSource::Embedded(map);
    plan.municipality.areas[0].short_name = "Tåstrupg.".into();
    plan.municipality.districts[0].short_name = "K. Abells".into();
    let (area, district) = (plan.municipality.areas[0].id.clone(), plan.municipality.districts[0].id.clone());
    for target in [CommentTarget::Plan, CommentTarget::Area(area.clone()), CommentTarget::District(district.clone())] {
        plan.comments.push(Comment {
            target,
            author: "Bord 2".into(),
            text: "Flere ejerboliger".into(),
            time: "2026-11-29T13:03:00Z".into(),
        });
    }
    plan.votes.push(Vote { group: "Bord 2".into(), dots: 3 });
    plan.efforts.push(Effort {
        kind: EffortKind::SocialWorkers,
        area: area.clone(),
        count: 1.0,
        from_year: 2018,
        to_year: 2020,
    });
    plan.letting.flexible.push(FlexibleLetting { area: area.clone(), share: 0.2, from_year: 2019 });
    plan.assumptions.insert("job_finding_trend".into(), 0.01);
    let school = plan.municipality.institutions[0].id.clone();
    let kinds = [
        ActionKind::Demolish { area: area.clone(), tenure: Tenure::AlmenFamily, count: 1.0 },
        ActionKind::MoveInstitution { institution: school.clone(), district: district.clone() },
        ActionKind::AssignProfile { district: district.clone(), profile: Some("kultur".into()) },
        ActionKind::MergeSchools { school: school.clone(), into: "b".into() },
        ActionKind::SchoolProfile { school: school.clone(), profile: Some("strong".into()) },
    ];
    let mut edits: Vec<PlanEdit> = kinds.into_iter().map(|k| PlanEdit::AddAction(Action::new(2020, k))).collect();
    edits.extend([
        PlanEdit::SetHomes { area: area.clone(), tenure: Tenure::AlmenFamily, year: 2020, from: 10.0, to: 5.0 },
        PlanEdit::Catchment { school: school.clone(), districts: vec![district.clone()] },
        PlanEdit::Assumption { key: "job_finding_trend".into(), value: Some(0.01) },
        PlanEdit::AssignProfile { district: district.clone(), profile: Some("kultur".into()), year: 2020 },
        PlanEdit::Capacity { institution: school.clone(), capacity: 300.0 },
        PlanEdit::Name("Ny plan".into()),
        PlanEdit::Notes("Noter".into()),
        PlanEdit::AddVote(Vote { group: "Bord 3".into(), dots: 2 }),
        PlanEdit::AddComment(Comment {
            target: CommentTarget::Area(area),
            author: "A".into(),
            text: "T".into(),
            time: "2026-11-29T13:03:00Z".into(),
        }),
    ]);
    for edit in edits {
        plan.change_log.push(ChangeEntry {
            time: "2026-11-29T13:03:00Z".into(),
            edit: Some(edit),
            text: String::new(),
        });
    }
    plan.change_log.push(ChangeEntry { time: "2026-11-29T13:03:00Z".into(), edit: None, text: "Ældre log".into() });
    plan
}

/// Every string in a JSON value, as a path of keys and indices; an object's keys are strings
/// too where the object is a map of the plan's (`assumptions`).
fn strings(value: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, bool)>) {
    match value {
        serde_json::Value::String(_) => out.push((path.clone(), false)),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                strings(item, path, out);
                path.pop();
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                path.push(key.clone());
                if path.len() == 2 && path[0] == "assumptions" {
                    out.push((path.clone(), true));
                }
                strings(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// `value` with `bad` put in front of the string (or map key) at `path`.
fn with_bad_text(value: &serde_json::Value, (path, key): &(Vec<String>, bool), bad: &str) -> serde_json::Value {
    let mut value = value.clone();
    let mut at = &mut value;
    for step in &path[..path.len() - 1] {
        at = match at {
            serde_json::Value::Array(items) => &mut items[step.parse::<usize>().unwrap()],
            other => &mut other[step.as_str()],
        };
    }
    let last = path.last().unwrap();
    if *key {
        let map = at.as_object_mut().unwrap();
        let item = map.remove(last).unwrap();
        map.insert(format!("{bad}{last}"), item);
    } else {
        let target = match at {
            serde_json::Value::Array(items) => &mut items[last.parse::<usize>().unwrap()],
            other => &mut other[last.as_str()],
        };
        *target = serde_json::Value::String(format!("{bad}{}", target.as_str().unwrap()));
    }
    value
}

#[test]
fn item_4_one_text_rule_holds_for_every_string_a_plan_can_carry() {
    let table = assets::param_table().unwrap();
    let plan = plan_with_every_text();
    assert!(plan.validate(&table).is_empty(), "{:?}", plan.validate(&table));
    let value = serde_json::to_value(&plan).unwrap();
    let mut found = Vec::new();
    strings(&value, &mut Vec::new(), &mut found);
    let mut checked = 0;
    for place in &found {
        for bad in ["\u{1b}[2J", "\u{202e}", "\u{061c}", "\u{2028}", "\u{0}", "\u{ffff}", "\u{200b}"] {
            // A string that is an enum's name, mutated, is no longer a plan: not a text field.
            let Ok(mutated) = serde_json::from_value::<Plan>(with_bad_text(&value, place, bad)) else { continue };
            let problems = mutated.validate(&table);
            assert!(
                problems.iter().any(|p| p.key == "control_character"),
                "{} with {bad:?} is accepted: {problems:?}",
                place.0.join(".")
            );
            checked += 1;
        }
    }
    assert!(checked > 700, "{checked} texts checked");
    // A shipped map's name is a text too, and must name a map that ships.
    let mut shipped = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    shipped.municipality.map = by_i_balance::model::MapSource::Shipped("atlantis".into());
    let problems = shipped.validate(&table);
    assert!(
        problems.iter().any(|p| p.to_string().contains("there is no shipped map called \"atlantis\"")),
        "{problems:?}"
    );
    // Joiners and soft hyphens, which emoji and some scripts need, are free text's, not names'.
    let mut joined = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    joined.notes = "Familien 👨\u{200d}👩\u{200d}👧 og et blød\u{ad}t ord".into();
    assert!(joined.validate(&table).is_empty());
    joined.name = "Vision\u{200d}splan".into();
    assert!(joined.validate(&table).iter().any(|p| p.key == "control_character"));
}

#[test]
fn item_4_the_report_stays_well_formed_for_any_text_the_rules_accept() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = plan_with_every_text();
    let awkward = "<b>&amp;\"'</b> ]]> <!-- --> <?x?> 👨\u{200d}👩 ﷺ עברית";
    plan.name = "<Plan & \"co\"> ]]>".into();
    plan.notes = awkward.into();
    plan.author = "O'Brien & <Søn>".into();
    for (i, area) in plan.municipality.areas.iter_mut().enumerate() {
        area.name = format!("<{i}> & \"{i}\" ]]>");
        area.short_name = format!("'{i}'&<");
    }
    for district in &mut plan.municipality.districts {
        district.name = format!("{} <&> ]]>", district.name);
        district.short_name = "<&>".into();
    }
    if let by_i_balance::model::MapSource::Embedded(map) = &mut plan.municipality.map {
        map.credit = "<GIS> & \"kort\"".into();
        for landmark in &mut map.landmarks {
            landmark.name = format!("{} <&> ]]>", landmark.name);
        }
    }
    for comment in &mut plan.comments {
        comment.text = awkward.into();
    }
    assert!(plan.validate(&assets::param_table().unwrap()).is_empty());
    let path = save(dir.path(), "awkward.ron", &plan);
    let out = run(&["report", &path, VISIONSPLAN]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let images = common::report_is_well_formed(&out.stdout).unwrap();
    assert!(images >= 5, "the charts and the maps are checked ({images})");
}

#[test]
fn item_9_a_danish_table_s_points_group_thousands_and_are_never_read_as_decimals() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let danish = std::fs::read_to_string(root.join("tests/fixtures/municipality/three-areas-semicolon.csv")).unwrap();
    assert!(danish.contains("vest;Vestparken;vest-kvarteret;estate;900;"));
    let write = |name: &str, text: String| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    };
    let out = dir.path().join("plan.ron");
    let grouped = write("grouped.csv", danish.replace("estate;900;", "estate;1.234;"));
    let made = run(&["new", "--areas", &grouped, "-o", out.to_str().unwrap()]);
    assert_eq!(made.status, 0, "{}", made.stderr);
    let plan = by_i_balance::io::load_plan(&out, &assets::param_table().unwrap()).unwrap();
    let vest = plan.municipality.area("vest").unwrap();
    assert_eq!(vest.homes[by_i_balance::model::Tenure::AlmenFamily], 1234.0, "1.234 homes are 1,234 homes");
    for (name, from, to, column) in [
        ("point-share.csv", ";0,55", ";0.55", "non_western_share"),
        ("point-count.csv", "estate;900;", "estate;1.5;", "almen_family"),
        ("short-group.csv", "estate;900;", "estate;1.23;", "almen_family"),
    ] {
        let path = write(name, danish.replacen(from, to, 1));
        let refused = run(&["new", "--areas", &path, "-o", dir.path().join("never.ron").to_str().unwrap()]);
        assert_eq!(refused.status, 1, "{name}");
        let at = format!("row 2, column '{column}'");
        assert!(
            refused.stderr.contains(&at) && refused.stderr.contains("the decimal mark is a comma"),
            "{}",
            refused.stderr
        );
    }
    // In a comma-separated (English) table a point is the decimal mark, as before.
    let english = std::fs::read_to_string(root.join("tests/fixtures/municipality/three-areas.csv")).unwrap();
    let made = run(&["new", "--areas", &write("english.csv", english), "-o", out.to_str().unwrap()]);
    assert_eq!(made.status, 0, "{}", made.stderr);
}

#[test]
fn item_10_the_smaller_items() {
    let dir = tempfile::tempdir().unwrap();
    let table = assets::param_table().unwrap();
    // years_listed_before_2016 of 7 to 100: the lists began in 2010, so at most 6.
    let mut listed = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    listed.municipality.areas[0].held.years_listed_before_2016 = 7;
    let out = run(&["check", &save(dir.path(), "listed.ron", &listed)]);
    assert_eq!(out.status, 1);
    assert!(
        out.stderr.contains("years_listed_before_2016 is 7; the lists began in 2010, so at most 6"),
        "{}",
        out.stderr
    );

    // The change log's values are checked: −1 homes, 1e308 staff, 4,294,967,295 dots.
    use by_i_balance::model::{ChangeEntry, EffortKind, PlanEdit, Tenure, Vote};
    let mut logged = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    let area = logged.municipality.areas[0].id.clone();
    for edit in [
        PlanEdit::SetHomes { area: area.clone(), tenure: Tenure::AlmenFamily, year: 2020, from: 10.0, to: -1.0 },
        PlanEdit::Effort { kind: EffortKind::JobConsultants, area, year: 2020, count: 1e308 },
        PlanEdit::AddVote(Vote { group: "Bord 1".into(), dots: u32::MAX }),
    ] {
        logged.change_log.push(ChangeEntry {
            time: "2026-11-29T13:03:00Z".into(),
            edit: Some(edit),
            text: String::new(),
        });
    }
    let out = run(&["check", &save(dir.path(), "logged.ron", &logged)]);
    assert_eq!(out.status, 1);
    for words in [
        "change_log[0]: homes is negative (-1)",
        "change_log[1]: 1e308 is more staff",
        "change_log[2]: 4294967295 dots",
    ] {
        assert!(out.stderr.contains(words), "{words}: {}", out.stderr);
    }

    // A shipped map that does not ship.
    let mut atlantis = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    atlantis.municipality.map = by_i_balance::model::MapSource::Shipped("atlantis".into());
    let out = run(&["check", &save(dir.path(), "atlantis.ron", &atlantis)]);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("there is no shipped map called \"atlantis\" (the program has: hoeje-taastrup)"));

    // Messages quote at most about eighty characters of what a file holds, never megabytes,
    // and never a terminal's escape sequence.
    let huge = "x".repeat(5_000_000);
    let text = std::fs::read_to_string(VISIONSPLAN).unwrap();
    for (name, changed) in [
        ("field.ron", text.replacen("name:", &format!("{huge}: 1, name:"), 1)),
        ("variant.ron", text.replacen("kind: build(", &format!("kind: {huge}("), 1)),
        ("escape.ron", text.replacen("name:", "\u{1b}[2J: 1, name:", 1)),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, changed).unwrap();
        let out = run(&["check", path.to_str().unwrap()]);
        assert_eq!(out.status, 1, "{name}");
        assert!(out.stderr.len() < 2_000, "{name}: {} bytes of message", out.stderr.len());
        assert!(!out.stderr.contains('\u{1b}'), "{name}: {}", out.stderr);
    }
    let mut long_ids = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    long_ids.efforts[0].area = huge;
    let out = run(&["check", &save(dir.path(), "long-id.ron", &long_ids)]);
    assert_eq!(out.status, 1);
    assert!(out.stderr.len() < 2_000, "{} bytes of message", out.stderr.len());

    // An importer's problems name their row and column (or feature), also for the texts the
    // plan's rules check.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let csv = std::fs::read_to_string(root.join("tests/fixtures/municipality/three-areas.csv")).unwrap();
    let with_short: String = csv
        .lines()
        .enumerate()
        .map(|(i, line)| match i {
            0 => format!("{line},short_name\n"),
            1 => format!("{line},V\u{1b}st\n"),
            _ => format!("{line},\n"),
        })
        .collect();
    let path = dir.path().join("short.csv");
    std::fs::write(&path, with_short).unwrap();
    let out = run(&["new", "--areas", path.to_str().unwrap(), "-o", dir.path().join("never.ron").to_str().unwrap()]);
    assert_eq!(out.status, 1);
    assert!(
        out.stderr.contains("row 2, column 'short_name': holds an invisible control or formatting character (U+001B)"),
        "{}",
        out.stderr
    );
    assert!(table.get("job_finding_trend").is_some());
}

/// Writes the inputs the README's table of slowest inputs was measured on to
/// `$BUDGET_DIR`: plans of few areas and many parts, and the importer's worst tables and
/// outlines (`BUDGET_DIR=/tmp/budget cargo test --test hardening_two_cli -- --ignored`).
#[test]
#[ignore = "a tool: writes the budget inputs to $BUDGET_DIR"]
fn write_the_budget_inputs() {
    let dir = std::path::PathBuf::from(std::env::var_os("BUDGET_DIR").expect("set BUDGET_DIR"));
    std::fs::create_dir_all(&dir).unwrap();
    save(&dir, "many-parts-20.ron", &many_parts_plan(20, 2_000, 2_000, 1_000));
    save(&dir, "many-actions-3.ron", &many_parts_plan(3, 2_000, 0, 0));
    for areas in [200, 240, 500] {
        save(&dir, &format!("areas-{areas}.ron"), &plan_with_areas(areas));
    }
    let d = dir.as_path();
    table_of(d, "one.csv", 1);
    table_of(d, "thousand.csv", 1_000);
    table_of(d, "rows-100k.csv", 100_000);
    let square = |i: usize| {
        let (x, y) = (12.0 + (i % 300) as f64 * 0.0015, 55.5 + (i / 300) as f64 * 0.0015);
        serde_json::json!([[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]])
    };
    let centre = |i: usize| [12.0 + (i % 40) as f64 * 0.03, 55.5 + (i / 40) as f64 * 0.03];
    geojson_of(d, "points-99991.geojson", std::iter::once(("a0".to_owned(), ellipse(99_991, [12.3, 55.65], 0.01))));
    geojson_of(d, "points-1m.geojson", std::iter::once(("a0".to_owned(), ellipse(1_000_000, [12.3, 55.65], 0.01))));
    geojson_of(d, "identical-3000.geojson", (0..3_000).map(|i| (format!("a{i}"), square(0))));
    geojson_of(d, "features-100k.geojson", (0..100_000).map(|i| (format!("a{i}"), square(i))));
    geojson_of(d, "overlap-1000.geojson", (0..1_000).map(|i| (format!("a{i}"), ellipse(99, [12.3, 55.65], 0.01))));
    geojson_of(d, "circles-1000x100.geojson", (0..1_000).map(|i| (format!("a{i}"), ellipse(100, centre(i), 0.01))));
}

#[test]
fn the_bands_of_a_plan_past_their_budget_are_fewer_runs_said_in_words() {
    use by_i_balance::bands::{self, BANDS_WORK, FEWEST_RUNS, RUNS, TORNADO_BARS};
    let library = by_i_balance::assets::Library::load().unwrap();
    let plan = plan_with_areas(1_000);
    let started = Instant::now();
    let banded = bands::bands(&library, &plan, RUNS, &|| false).unwrap();
    assert_eq!(banded.runs, (BANDS_WORK / 1_000).max(FEWEST_RUNS), "a thousand areas: a hundred runs");
    assert_eq!(banded.tornado.len(), TORNADO_BARS, "and still the eight largest swings");
    assert!(banded.tornado.windows(2).all(|w| w[0].swing() >= w[1].swing()), "largest first");
    assert!(started.elapsed() < Duration::from_secs(60), "{:?}", started.elapsed());
    // The Visionsplan keeps all of them.
    let vision = assets::shipped_plan("visionsplan-2016.ron").unwrap();
    assert_eq!(bands::bands(&library, &vision, RUNS, &|| false).unwrap().runs, RUNS);
    // And the command line says how many runs it made.
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "thousand.ron", &plan);
    let out = run(&["project", &path, "--bands"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["bands"]["runs"], 100, "{}", value["bands"]);
}

#[test]
fn report_and_compare_refuse_more_plans_than_they_answer_within_seconds() {
    use by_i_balance::compare::{MAX_COMPARED_AREAS, MAX_COMPARED_PLANS};
    use by_i_balance::report::{MAX_REPORT_AREAS, MAX_REPORT_PLANS};
    let dir = tempfile::tempdir().unwrap();
    let many: Vec<String> = (0..=MAX_COMPARED_PLANS).map(|_| VISIONSPLAN.to_owned()).collect();
    let mut args: Vec<&str> = vec!["report"];
    args.extend(many[..=MAX_REPORT_PLANS].iter().map(String::as_str));
    let out = run(&args);
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(out.stderr.contains(&format!("a report holds at most {MAX_REPORT_PLANS} plans, not 6")), "{}", out.stderr);
    let large = save(dir.path(), "large.ron", &plan_with_areas(MAX_REPORT_AREAS));
    let out = run(&["report", &large, VISIONSPLAN, "-o", dir.path().join("r.html").to_str().unwrap()]);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("1011 areas together; one report takes at most 1000"), "{}", out.stderr);
    assert!(!dir.path().join("r.html").exists(), "refused before any work");
    let out = run(&["report", &large, "-o", dir.path().join("r.html").to_str().unwrap()]);
    assert_eq!(out.status, 0, "a plan at the limit is reported on its own: {}", out.stderr);

    let mut args: Vec<&str> = vec!["compare"];
    args.extend(many.iter().map(String::as_str));
    let out = run(&args);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains(&format!("compare takes at most {MAX_COMPARED_PLANS} plans at a time, not 21")));
    let larges: Vec<String> = (0..=MAX_COMPARED_AREAS / 1_000).map(|_| large.clone()).collect();
    let mut args: Vec<&str> = vec!["compare"];
    args.extend(larges.iter().map(String::as_str));
    let out = run(&args);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains(&format!("more than {MAX_COMPARED_AREAS} areas together")), "{}", out.stderr);
}
