//! The plan loader never panics and never hangs, whatever it is given: generated inputs made by
//! mutating real plan files (flipped bytes, cuts, inserted tokens, absurd numbers, deep
//! nesting), each parsed and, if it parses, validated and projected. Also the file-level cases:
//! a file of hundreds of megabytes, a folder, no permission.
//!
//! `cargo test` runs 3,000 inputs; the full run of 100,000 is
//! `cargo test --release --test loader_fuzz -- --ignored`.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use by_i_balance::assets::{self, Library, SHIPPED_PLANS};
use by_i_balance::io;
use by_i_balance::model::Params;
use std::time::{Duration, Instant};

/// A small deterministic random source (xorshift), so a failure can be repeated by its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: [&str; 16] = [
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
];

fn mutate(seed_text: &str, rng: &mut Rng) -> String {
    let mut bytes = seed_text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(9) {
            7 | 8 => {
                // A number replaced by another: the text stays a plan, the values go wild.
                let Some(start) = (at..bytes.len()).find(|i| bytes[*i].is_ascii_digit()) else { continue };
                let end = (start..bytes.len())
                    .find(|i| !bytes[*i].is_ascii_digit() && bytes[*i] != b'.')
                    .unwrap_or(bytes.len());
                let numbers = ["-5", "0", "1e300", "123456789", "0.5", "-0.0", "2041", "1999", "65536"];
                bytes.splice(start..end, numbers[rng.below(numbers.len())].bytes());
            }
            0 if !bytes.is_empty() => {
                let last = bytes.len() - 1;
                bytes[at.min(last)] = rng.next() as u8;
            }
            1 => bytes.truncate(at),
            2 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, token.bytes());
            }
            3 if at < bytes.len() => {
                let end = (at + rng.below(200)).min(bytes.len());
                bytes.drain(at..end);
            }
            4 if at < bytes.len() => {
                let end = (at + rng.below(400)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            5 => {
                let depth = rng.below(5000);
                let nested = format!("{}{}", "(".repeat(depth), ")".repeat(rng.below(depth + 1)));
                bytes.splice(at..at, nested.bytes());
            }
            _ => {
                let digits: String = (0..rng.below(40)).map(|_| char::from(b'0' + (rng.next() % 10) as u8)).collect();
                bytes.splice(at..at, digits.bytes());
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn run(cases: usize) {
    let library = Library::load().unwrap();
    let mut seeds: Vec<String> = SHIPPED_PLANS.iter().map(|p| p.text.to_owned()).collect();
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/broken");
    for entry in std::fs::read_dir(corpus).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            seeds.push(String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned());
        }
    }
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    let (mut parsed, mut valid, mut slowest) = (0, 0, Duration::ZERO);
    for case in 0..cases {
        let text = mutate(&seeds[case % seeds.len()], &mut rng);
        let started = Instant::now();
        if let Ok(plan) = io::parse_plan(&text) {
            parsed += 1;
            if plan.validate(&library.table).is_empty() {
                valid += 1;
                if let Ok(params) = Params::resolve(&library.table, &plan.assumptions) {
                    by_i_balance::sim::project(&plan, by_i_balance::engine::inputs(&library, &plan, &params));
                }
            }
        }
        let took = started.elapsed();
        slowest = slowest.max(took);
        assert!(took < Duration::from_secs(2), "case {case} took {took:?}: a hang");
    }
    eprintln!("{cases} inputs: {parsed} parsed, {valid} valid and projected; slowest {slowest:?}");
    assert!(parsed > 0 && parsed < cases, "the mutations reach both the parser's errors and its successes");
}

#[test]
fn three_thousand_mutated_plans_give_errors_not_panics() {
    run(3_000);
}

#[test]
#[ignore = "the full run: cargo test --release --test loader_fuzz -- --ignored"]
fn a_hundred_thousand_mutated_plans_give_errors_not_panics() {
    run(100_000);
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
    let started = Instant::now();
    let error = io::load_plan(&path, &assets::param_table().unwrap()).unwrap_err().to_string();
    assert!(started.elapsed() < Duration::from_millis(100), "refused without reading 300 MB");
    assert!(error.contains("314572800 bytes") && error.contains("huge.ron"), "{error}");
}

#[test]
fn a_file_without_permission_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.ron");
    std::fs::write(&path, assets::SHIPPED_PLANS[0].text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not apply, so there is nothing to refuse.
        return;
    }
    let error = io::load_plan(&path, &assets::param_table().unwrap()).unwrap_err().to_string();
    assert!(error.contains("permission") && error.contains("locked.ron"), "{error}");
}
