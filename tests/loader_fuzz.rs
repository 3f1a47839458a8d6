//! The fuzz target of the plan loader: a proptest-driven corpus run. Each input is a real plan
//! file (the shipped plans and every broken file in `tests/corpus/broken/`) with one to four
//! generated mutations — flipped bytes (so also text that is not UTF-8), cuts, deletions,
//! copies, inserted tokens (`NaN`, `inf`, `-1e999`, a newer format, a byte-order mark),
//! absurd numbers in place of real ones, deep nesting — fed as bytes to the one loader every
//! file goes through (`io::plan_from_bytes`: UTF-8, RON, version, migration, validation); a
//! plan it accepts is projected. It must answer every input with a plan or an error in words,
//! never a panic, and within two seconds. proptest shrinks a failure to a small input.
//!
//! The same mutations go into the tables and outlines `new` builds a plan from (the CSV and the
//! GeoJSON of `tests/fixtures/municipality/`, through `import::plan_from_table`): every input
//! gives a plan that checks and projects, or problems that name their file.
//!
//! The importer's geometry has a target of its own: generated tables and outlines (rings of 3 to
//! 120 points, in order or crossing, with holes, as MultiPolygons, overlapping or side by side,
//! ids the table has or lacks, landmarks with hostile names), then mutated; every answer is a
//! plan, or at most 51 problems each naming its file and its row, column, header or feature
//! (never a place inside the plan), within two seconds.
//!
//! And every output has one: random plans on the Basisforløb with hostile texts (markup,
//! quotes, emoji, right-to-left letters, combining marks, formula starts) that the plan's rules
//! accept go through the command line in process — `project` as JSON (it parses) and CSV
//! (unique column names, every row as long as the header), `compare` as JSON and CSV (unique
//! column names), `explain` as JSON (it parses) and `report` (well-formed HTML, every embedded
//! SVG well-formed).
//!
//! `cargo test` runs 3,000 plan inputs, 1,000 table inputs, 300 generated maps and 40 plans'
//! outputs. The long run is in chunks, each a fresh seed (so chunks add up to distinct inputs),
//! and reports its count and its slowest input; each chunk also runs a tenth as many generated
//! maps and a hundredth as many plans' outputs:
//! `FUZZ_CASES=100000 FUZZ_SEED=1 cargo test --release --test loader_fuzz -- --ignored --nocapture`.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use by_i_balance::assets::{Library, SHIPPED_PLANS};
use by_i_balance::io;
use by_i_balance::model::Params;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::cell::RefCell;
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const TOKENS: [&str; 17] = [
    "(",
    ")",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "-1e999",
    "NaN",
    "inf",
    "99999999999999999999999",
    "Some(",
    "None",
    "format_version: 99,",
    "\u{feff}",
    "\\u{0}",
    "\u{202e}",
];
const NUMBERS: [&str; 10] = ["-5", "0", "1e300", "123456789", "0.5", "-0.0", "2041", "1999", "65536", "4294967295"];

/// One change to a file.
#[derive(Clone, Debug)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Truncate { at: usize },
    Insert { at: usize, token: usize },
    Delete { at: usize, len: usize },
    Copy { at: usize, len: usize },
    Number { at: usize, number: usize },
    Nest { at: usize, depth: usize, closed: usize },
    Digits { at: usize, digits: String },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        (at, any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        at.prop_map(|at| Mutation::Truncate { at }),
        (at, 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Insert { at, token }),
        (at, 0..200usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (at, 0..400usize).prop_map(|(at, len)| Mutation::Copy { at, len }),
        (at, 0..NUMBERS.len()).prop_map(|(at, number)| Mutation::Number { at, number }),
        (at, 0..5000usize, 0..=5000usize).prop_map(|(at, depth, closed)| Mutation::Nest { at, depth, closed }),
        (at, "[0-9]{0,40}").prop_map(|(at, digits)| Mutation::Digits { at, digits }),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let spot = |at: usize, len: usize| at % (len + 1);
    match mutation {
        Mutation::Flip { at, byte } if !bytes.is_empty() => {
            let i = at % bytes.len();
            bytes[i] = *byte;
        }
        Mutation::Flip { .. } => {}
        Mutation::Truncate { at } => bytes.truncate(spot(*at, bytes.len())),
        Mutation::Insert { at, token } => {
            let i = spot(*at, bytes.len());
            bytes.splice(i..i, TOKENS[*token].bytes());
        }
        Mutation::Delete { at, len } => {
            let i = spot(*at, bytes.len());
            bytes.drain(i..(i + len).min(bytes.len()));
        }
        Mutation::Copy { at, len } => {
            let i = spot(*at, bytes.len());
            let copy = bytes[i..(i + len).min(bytes.len())].to_vec();
            bytes.splice(i..i, copy);
        }
        Mutation::Number { at, number } => {
            // A number replaced by another: the text stays a plan, the values go wild.
            let from = spot(*at, bytes.len());
            let Some(start) = (from..bytes.len()).find(|i| bytes[*i].is_ascii_digit()) else { return };
            let end =
                (start..bytes.len()).find(|i| !bytes[*i].is_ascii_digit() && bytes[*i] != b'.').unwrap_or(bytes.len());
            bytes.splice(start..end, NUMBERS[*number].bytes());
        }
        Mutation::Nest { at, depth, closed } => {
            let i = spot(*at, bytes.len());
            let nested = format!("{}{}", "(".repeat(*depth), ")".repeat((*closed).min(*depth)));
            bytes.splice(i..i, nested.bytes());
        }
        Mutation::Digits { at, digits } => {
            let i = spot(*at, bytes.len());
            bytes.splice(i..i, digits.bytes());
        }
    }
}

/// The seeds: the shipped plans and every file of the broken corpus.
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut seeds: Vec<Vec<u8>> = SHIPPED_PLANS.iter().map(|p| p.text.as_bytes().to_vec()).collect();
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/broken");
        let mut files: Vec<_> = std::fs::read_dir(corpus).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        seeds.extend(
            files.iter().filter(|p| p.extension().is_some_and(|e| e == "ron")).map(|p| std::fs::read(p).unwrap()),
        );
        seeds
    })
}

fn input() -> impl Strategy<Value = Vec<u8>> {
    (0..seeds().len(), prop::collection::vec(mutation(), 1..=4)).prop_map(|(seed, mutations)| {
        let mut bytes = seeds()[seed].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        bytes
    })
}

/// What a run saw.
#[derive(Default)]
struct Tally {
    inputs: u64,
    parsed: u64,
    valid: u64,
    slowest: (Duration, Vec<u8>),
}

/// Loads one input as a file's bytes and projects it if it is a plan; returns whether it was one.
fn load(bytes: &[u8], library: &Library, tally: &RefCell<Tally>) -> Result<(), TestCaseError> {
    let started = Instant::now();
    let result = io::plan_from_bytes(bytes, Path::new("fuzz.ron"), &library.table);
    let valid = result.is_ok();
    if let Ok(loaded) = &result {
        let plan = &loaded.plan;
        let params =
            Params::resolve(&library.table, &plan.assumptions).map_err(|e| TestCaseError::fail(e.to_string()))?;
        by_i_balance::sim::project(plan, by_i_balance::engine::inputs(library, plan, &params));
    }
    if let Err(e) = &result {
        prop_assert!(e.to_string().contains("fuzz.ron"), "every error names the file: {e}");
    }
    let took = started.elapsed();
    let mut t = tally.borrow_mut();
    t.inputs += 1;
    t.parsed += u64::from(valid || matches!(result, Err(io::LoadError::Invalid { .. })));
    t.valid += u64::from(valid);
    if took > t.slowest.0 {
        t.slowest = (took, bytes.to_vec());
    }
    prop_assert!(took < Duration::from_secs(2), "an input took {took:?}: a hang");
    Ok(())
}

fn run(cases: u32, seed: u64) -> Tally {
    let library = Library::load().unwrap();
    let tally = RefCell::new(Tally::default());
    let config = Config { cases, failure_persistence: None, ..Config::default() };
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes));
    let outcome = runner.run(&input(), |bytes| load(&bytes, &library, &tally));
    if let Err(failure) = outcome {
        panic!("the loader failed: {failure}");
    }
    tally.into_inner()
}

#[test]
fn three_thousand_mutated_plans_give_errors_not_panics() {
    let tally = run(3_000, 0);
    assert_eq!(tally.inputs, 3_000);
    assert!(
        tally.valid > 0 && tally.parsed > tally.valid && tally.parsed < tally.inputs,
        "the mutations reach every outcome"
    );
}

#[test]
#[ignore = "the long run, in chunks: FUZZ_CASES=100000 FUZZ_SEED=N cargo test --release --test loader_fuzz -- --ignored"]
fn the_long_fuzz_run() {
    let number = |name: &str, default: u64| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    let (cases, seed) = (u32::try_from(number("FUZZ_CASES", 100_000)).unwrap(), number("FUZZ_SEED", 1));
    let started = Instant::now();
    let tally = run(cases, seed);
    let slowest = std::env::temp_dir().join(format!("loader-fuzz-slowest-{seed}.ron"));
    std::fs::write(&slowest, &tally.slowest.1).unwrap();
    eprintln!(
        "fuzz seed {seed}: {} inputs in {:.0?}: {} parsed, {} valid and projected; slowest {:?} ({} bytes, in {})",
        tally.inputs,
        started.elapsed(),
        tally.parsed,
        tally.valid,
        tally.slowest.0,
        tally.slowest.1.len(),
        slowest.display()
    );
    let started = Instant::now();
    let (plans, refused, slowest_map) = generated_maps(cases / 10, seed);
    eprintln!(
        "fuzz seed {seed}: {} generated maps in {:.0?}: {plans} plans, {refused} refused; slowest {slowest_map:?}",
        cases / 10,
        started.elapsed()
    );
    let started = Instant::now();
    let (outputs, reports) = outputs_of_plans(cases / 100, seed);
    eprintln!("fuzz seed {seed}: {outputs} plans' outputs ({reports} reports) in {:.0?}", started.elapsed());
}

/// A municipality's table and outlines, each with up to three mutations (or no outlines).
fn table_input() -> impl Strategy<Value = (Vec<u8>, Option<Vec<u8>>)> {
    let fixture = |name: &str| {
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/municipality").join(name)).unwrap()
    };
    let tables = [fixture("three-areas.csv"), fixture("three-areas-semicolon.csv")];
    let maps = [fixture("three-areas.geojson"), fixture("three-areas-25832.geojson")];
    let mutated = |mut bytes: Vec<u8>, mutations: &[Mutation]| {
        mutations.iter().for_each(|m| apply(&mut bytes, m));
        bytes
    };
    (
        0..tables.len(),
        prop::collection::vec(mutation(), 0..=3),
        prop::option::of((0..maps.len(), prop::collection::vec(mutation(), 0..=3))),
    )
        .prop_map(move |(table, table_changes, map)| {
            let table = mutated(tables[table].clone(), &table_changes);
            (table, map.map(|(map, changes)| mutated(maps[map].clone(), &changes)))
        })
}

#[test]
fn a_thousand_mutated_tables_and_outlines_give_plans_or_problems_not_panics() {
    let library = Library::load().unwrap();
    let table = by_i_balance::assets::param_table().unwrap();
    let config = Config { cases: 1_000, failure_persistence: None, ..Config::default() };
    let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]));
    let outcomes = RefCell::new((0u32, 0u32));
    let result = runner.run(&table_input(), |(areas, map)| {
        let started = Instant::now();
        let (areas, map) = (String::from_utf8_lossy(&areas), map.map(|m| String::from_utf8_lossy(&m).into_owned()));
        let sources = by_i_balance::import::Sources {
            areas_name: "omraader.csv",
            areas: &areas,
            map: map.as_deref().map(|m| ("omraader.geojson", m)),
            name: "Fuzz Kommune",
            start_year: 2016,
        };
        match by_i_balance::import::plan_from_table(&sources) {
            Ok(by_i_balance::import::Imported { plan, .. }) => {
                let problems = plan.validate(&table);
                prop_assert!(problems.is_empty(), "an imported plan checks: {problems:?}");
                by_i_balance::engine::project(&library, &plan);
                outcomes.borrow_mut().0 += 1;
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for p in &problems {
                    prop_assert!(
                        p.location.contains("omraader.csv") || p.location.contains("omraader.geojson"),
                        "a problem names its file: {} {}",
                        p.location,
                        p.message
                    );
                    prop_assert!(findable(&p.location), "and its row, column or feature: {} {}", p.location, p.message);
                }
                outcomes.borrow_mut().1 += 1;
            }
        }
        prop_assert!(started.elapsed() < Duration::from_secs(2), "a hang");
        Ok(())
    });
    if let Err(failure) = result {
        panic!("the importer failed: {failure}");
    }
    let (plans, refused) = outcomes.into_inner();
    assert!(plans > 0 && refused > 0, "the mutations reach both outcomes ({plans} plans, {refused} refused)");
}

#[test]
fn deep_nesting_is_refused_with_a_message() {
    let text =
        format!("(format_version: 2, name: \"x\", municipality: {}{})", "(".repeat(100_000), ")".repeat(100_000));
    let error = io::parse_plan(&text).unwrap_err();
    assert!(error.line >= 1 && !error.message.is_empty(), "{error}");
}

#[test]
fn a_file_of_hundreds_of_megabytes_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    std::fs::File::create(&path).unwrap().set_len(300 * 1024 * 1024).unwrap();
    let error = io::load_plan(&path, &by_i_balance::assets::param_table().unwrap()).unwrap_err().to_string();
    assert!(error.contains("314572800 bytes") && error.contains("huge.ron"), "{error}");
}

#[test]
fn a_file_without_permission_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.ron");
    std::fs::write(&path, SHIPPED_PLANS[0].text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not apply, so there is nothing to refuse.
        return;
    }
    let error = io::load_plan(&path, &by_i_balance::assets::param_table().unwrap()).unwrap_err().to_string();
    assert!(error.contains("permission") && error.contains("locked.ron"), "{error}");
}

/// One generated outline: where (a cell of a 6 × 6 grid, so that neighbours may overlap), how
/// large, how many points, whether they go round in order (else they cross), whether it has a
/// hole, whether it is a MultiPolygon of two, and which id it carries (a row's, or none's).
#[derive(Clone, Debug)]
struct Outline {
    cell: (u8, u8),
    radius: f64,
    points: usize,
    in_order: bool,
    hole: bool,
    twice: bool,
    id: usize,
}

fn outline() -> impl Strategy<Value = Outline> {
    (
        (0..6u8, 0..6u8),
        0.0002..0.003f64,
        3..120usize,
        prop::bool::weighted(0.8),
        any::<bool>(),
        any::<bool>(),
        0..40usize,
    )
        .prop_map(|(cell, radius, points, in_order, hole, twice, id)| Outline {
            cell,
            radius,
            points,
            in_order,
            hole: hole && points > 6,
            twice,
            id,
        })
}

/// A ring of `points` points round `centre`, in order or shuffled (crossing), closed.
fn ring(centre: [f64; 2], radius: f64, points: usize, in_order: bool) -> Vec<[f64; 2]> {
    let mut angles: Vec<usize> = (0..points).collect();
    if !in_order {
        // A fixed reshuffle: every third point swapped with its neighbour, so edges cross.
        for i in (0..points.saturating_sub(1)).step_by(3) {
            angles.swap(i, i + 1);
        }
    }
    let mut ring: Vec<[f64; 2]> = angles
        .iter()
        .map(|k| {
            let angle = std::f64::consts::TAU * *k as f64 / points as f64;
            [centre[0] + radius * angle.cos(), centre[1] + 0.6 * radius * angle.sin()]
        })
        .collect();
    ring.push(ring[0]);
    ring
}

/// Hostile texts for names: markup, quotes, control and direction characters, long ones.
const NAMES: [&str; 8] = [
    "Høje <Taastrup> & \"st\"",
    "\u{1b}[2J",
    "\u{202e}nrob",
    "Ta\u{061c}strup",
    "a\u{2028}b",
    "]]> <!--",
    "=HYPERLINK(\"x\")",
    "ﷺ עברית 👨\u{200d}👩",
];

/// A table of `rows` areas and a FeatureCollection of the outlines and two landmarks.
fn generated_inputs(rows: usize, outlines: &[Outline], landmark_name: usize) -> (String, String) {
    let mut table = String::from(
        "id,name,district,kind,almen_family,almen_youth,almen_elderly,private_rental,cooperative,owner_occupied,children,employed,in_education,outside_work,seniors\n",
    );
    for i in 0..rows {
        table.push_str(&format!("a{i},Område {i},d{},ordinary,100,0,0,0,0,100,50,100,20,30,40\n", i % 4));
    }
    let mut features: Vec<serde_json::Value> = outlines
        .iter()
        .map(|o| {
            let centre = [12.0 + f64::from(o.cell.0) * 0.004, 55.5 + f64::from(o.cell.1) * 0.004];
            let mut polygon = vec![ring(centre, o.radius, o.points, o.in_order)];
            if o.hole {
                polygon.push(ring(centre, o.radius / 3.0, 5, true));
            }
            let geometry = if o.twice {
                let far = [centre[0] + 0.05, centre[1]];
                serde_json::json!({"type": "MultiPolygon", "coordinates": [polygon, [ring(far, o.radius, 4, true)]]})
            } else {
                serde_json::json!({"type": "Polygon", "coordinates": polygon})
            };
            serde_json::json!({"type": "Feature", "properties": {"id": format!("a{}", o.id)}, "geometry": geometry})
        })
        .collect();
    features.push(serde_json::json!({"type": "Feature", "properties": {"kind": "station", "name": NAMES[landmark_name % NAMES.len()]},
        "geometry": {"type": "Point", "coordinates": [12.01, 55.51]}}));
    features.push(serde_json::json!({"type": "Feature", "properties": {"kind": "railway", "name": "Banen"},
        "geometry": {"type": "LineString", "coordinates": [[12.0, 55.5], [12.03, 55.52]]}}));
    (table, serde_json::json!({"type": "FeatureCollection", "features": features}).to_string())
}

/// Whether an import problem's place is one a person can find: a row, a column, a header, a
/// feature, or a whole file (never a place inside the plan the files would have made).
fn findable(location: &str) -> bool {
    let whole_file =
        ["omraader.csv", "omraader.geojson", "omraader.geojson, the file", "omraader.csv and omraader.geojson"];
    (location.contains(", row ")
        || location.contains(", feature ")
        || location.contains(", header")
        || whole_file.contains(&location))
        && !location.contains("municipality.")
}

/// Runs `cases` generated maps through the importer; returns how many gave a plan, how many
/// were refused, and the slowest.
fn generated_maps(cases: u32, seed: u64) -> (u32, u32, Duration) {
    let library = Library::load().unwrap();
    let config = Config { cases, failure_persistence: None, ..Config::default() };
    let mut seed_bytes = [3u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes));
    let tally = RefCell::new((0u32, 0u32, Duration::ZERO));
    let strategy = (
        1..36usize,
        prop::collection::vec(outline(), 0..40),
        any::<bool>(),
        0..NAMES.len(),
        prop::collection::vec(mutation(), 0..=2),
    );
    let result = runner.run(&strategy, |(rows, mut outlines, fitting, name, mutations)| {
        if fitting {
            // One outline per row, each in a cell of its own, drawn in order: a map that fits.
            outlines.resize(
                rows,
                Outline { cell: (0, 0), radius: 0.001, points: 5, in_order: true, hole: false, twice: false, id: 0 },
            );
            for (i, o) in outlines.iter_mut().enumerate() {
                *o = Outline {
                    cell: ((i % 6) as u8, (i / 6) as u8),
                    radius: o.radius.min(0.0015),
                    in_order: true,
                    id: i,
                    ..o.clone()
                };
            }
        }
        let (table, map) = generated_inputs(rows, &outlines, name);
        let mut map = map.into_bytes();
        mutations.iter().for_each(|m| apply(&mut map, m));
        let map = String::from_utf8_lossy(&map);
        let started = Instant::now();
        let sources = by_i_balance::import::Sources {
            areas_name: "omraader.csv",
            areas: &table,
            map: Some(("omraader.geojson", &map)),
            name: "Fuzz Kommune",
            start_year: 2016,
        };
        match by_i_balance::import::plan_from_table(&sources) {
            Ok(by_i_balance::import::Imported { plan, .. }) => {
                prop_assert!(plan.validate(&library.table).is_empty(), "an imported plan checks");
                let map = by_i_balance::map::PlanMap::build(&plan.municipality);
                prop_assert_eq!(map.areas.len(), plan.municipality.areas.len());
                by_i_balance::engine::project(&library, &plan);
                tally.borrow_mut().0 += 1;
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty() && problems.len() <= by_i_balance::import::MAX_MESSAGES + 1);
                for p in &problems {
                    prop_assert!(findable(&p.location), "a problem names where: {} {}", p.location, p.message);
                    prop_assert!(p.message.chars().count() < 600, "a message of {} characters", p.message.len());
                }
                tally.borrow_mut().1 += 1;
            }
        }
        let took = started.elapsed();
        let mut t = tally.borrow_mut();
        t.2 = t.2.max(took);
        prop_assert!(took < Duration::from_secs(2), "an input took {took:?}");
        Ok(())
    });
    if let Err(failure) = result {
        panic!("the importer failed on a generated map: {failure}");
    }
    tally.into_inner()
}

#[test]
fn three_hundred_generated_maps_give_plans_or_findable_problems_within_seconds() {
    let (plans, refused, slowest) = generated_maps(300, 0);
    eprintln!("300 generated maps: {plans} plans, {refused} refused, slowest {slowest:?}");
    assert!(plans > 0 && refused > 0, "both outcomes are reached ({plans} plans, {refused} refused)");
}

/// Hostile texts an accepted plan may hold (the text rule refuses the rest).
const TEXTS: [&str; 9] = [
    "<b>Høje</b> & \"Taastrup\"",
    "]]> <!-- --> <?x?>",
    "=SUM(A1)",
    "+45 1234",
    "O'Brien, \"Bord 2\"; 3",
    "ﷺ עברית",
    "👨\u{200d}👩\u{200d}👧",
    "e\u{301}le\u{300}ve",
    "",
];

prop_compose! {
    /// A random plan on the Basisforløb with hostile (but accepted) texts in its names, notes
    /// and comments.
    fn hostile_plan()(
        mut plan in common::arb_plan_shipped_assumptions(),
        texts in prop::collection::vec(0..TEXTS.len(), 6),
    ) -> by_i_balance::model::Plan {
        use by_i_balance::model::{Comment, CommentTarget, Vote};
        let text = |i: usize| TEXTS[texts[i]].to_owned();
        plan.name = format!("Plan {}", text(0));
        plan.notes = text(1);
        plan.municipality.areas[0].name = format!("Område {}", text(2));
        plan.municipality.areas[1].short_name = text(3);
        plan.municipality.districts[0].name = format!("Kvarter {}", text(4));
        let id = plan.municipality.areas[2].id.clone();
        plan.comments.push(Comment { target: CommentTarget::Area(id), author: text(5), text: text(1), time: "2026-11-29T13:03:00Z".into() });
        plan.votes.push(Vote { group: format!("Bord {}", text(2)), dots: 3 });
        plan
    }
}

/// A command run in process: its exit status and standard output.
fn command(args: &[&str]) -> (i32, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = by_i_balance::cli::run(args.iter().copied(), &mut out, &mut err);
    assert!(status == 0, "{args:?}: {}", String::from_utf8_lossy(&err));
    (status, String::from_utf8(out).unwrap())
}

/// A CSV's rows; its header's names must be unique and every row as long as the header.
fn whole_csv(text: &str) -> Result<usize, String> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    let header = rows.first().ok_or("no header")?;
    let unique: std::collections::HashSet<&String> = header.iter().collect();
    if unique.len() != header.len() {
        return Err(format!("a column name is repeated: {header:?}"));
    }
    if let Some(row) = rows.iter().find(|r| r.len() != header.len()) {
        return Err(format!("a row of {} fields under {} columns", row.len(), header.len()));
    }
    Ok(rows.len())
}

/// Runs `cases` hostile plans through every output; returns how many and how many reports.
fn outputs_of_plans(cases: u32, seed: u64) -> (u32, u32) {
    let table = by_i_balance::assets::param_table().unwrap();
    // A random plan the rules refuse (a demolition of more homes than stand) is passed over.
    let config = Config { cases, failure_persistence: None, max_global_rejects: cases * 20, ..Config::default() };
    let mut seed_bytes = [5u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes));
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("visionsplan.ron");
    std::fs::write(&other, SHIPPED_PLANS[0].text).unwrap();
    let other = other.to_str().unwrap().to_owned();
    let count = RefCell::new((0u32, 0u32));
    let result = runner.run(&hostile_plan(), |plan| {
        prop_assume!(plan.validate(&table).is_empty());
        let path = dir.path().join("hostile.ron");
        io::save_plan(&path, &plan).unwrap();
        let p = path.to_str().unwrap();
        let (_, json) = command(&["project", p]);
        let value: serde_json::Value = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(value["areas"].as_array().map(Vec::len), Some(plan.municipality.areas.len()));
        whole_csv(&command(&["project", p, "--format", "csv"]).1).map_err(TestCaseError::fail)?;
        let (_, compared) = command(&["compare", p, &other, "--year", "2030"]);
        serde_json::from_str::<serde_json::Value>(&compared).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let rows = whole_csv(&command(&["compare", p, &other, "--format", "csv"]).1).map_err(TestCaseError::fail)?;
        prop_assert_eq!(rows, 3);
        let (_, explained) = command(&["explain", p, "--format", "json"]);
        serde_json::from_str::<serde_json::Value>(&explained).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut c = count.borrow_mut();
        c.0 += 1;
        // The report (200 banded runs and the attribution) for every fifth plan.
        if c.0 % 5 == 1 {
            c.1 += 1;
            let (_, html) = command(&["report", p, "-o", "-"]);
            common::report_is_well_formed(&html).map_err(TestCaseError::fail)?;
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("an output failed: {failure}");
    }
    count.into_inner()
}

#[test]
fn every_output_of_forty_hostile_plans_is_whole_and_well_formed() {
    let (plans, reports) = outputs_of_plans(40, 0);
    assert!(plans >= 30 && reports >= 6, "{plans} plans, {reports} reports");
}
