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
//! `cargo test` runs 3,000 plan inputs and 1,000 table inputs. The long run is in chunks, each a fresh seed (so chunks add
//! up to distinct inputs), and reports its count and its slowest input:
//! `FUZZ_CASES=100000 FUZZ_SEED=1 cargo test --release --test loader_fuzz -- --ignored --nocapture`.
#![allow(clippy::expect_used, clippy::unwrap_used)]

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
        };
        match by_i_balance::import::plan_from_table(&sources) {
            Ok(plan) => {
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
