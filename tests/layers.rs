//! The layering the architecture promises: only `src/ui` (and `main.rs`, which starts it) may
//! use egui, eframe or the system file dialog. The model, the simulation, the app's state and
//! its commands, the CLI and the report stay testable without a window, and a new engineer can
//! trust that a change under `src/app` cannot draw anything.

#![allow(clippy::expect_used, clippy::unwrap_used)] // Test code: a failed expectation is the report.

use std::path::{Path, PathBuf};

const WINDOW_CRATES: [&str; 4] = ["egui", "eframe", "rfd", "winit"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The lines of a file's own code: comments and its `#[cfg(test)]` module left out.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, line)| line.trim() != "#[cfg(test)]")
        .map(|(i, line)| (i + 1, line.split("//").next().unwrap_or("")))
}

fn uses_a_window_crate(line: &str) -> Option<&'static str> {
    WINDOW_CRATES.into_iter().find(|name| {
        line.contains(&format!("{name}::"))
            || line.contains(&format!("use {name}"))
            || line.contains(&format!("{name} ::"))
    })
}

#[test]
fn only_the_ui_knows_the_window() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let below_the_ui: Vec<&PathBuf> =
        files.iter().filter(|p| !p.starts_with(src.join("ui")) && !p.ends_with("main.rs")).collect();
    assert!(
        below_the_ui.iter().any(|p| p.ends_with("app/session.rs")) && below_the_ui.len() > 40,
        "the check sees the layers below the UI: {below_the_ui:?}"
    );
    let mut found = Vec::new();
    for path in below_the_ui {
        let text = std::fs::read_to_string(path).unwrap();
        for (number, line) in code_lines(&text) {
            if let Some(name) = uses_a_window_crate(line) {
                found.push(format!("{}:{number} uses {name}: {}", path.display(), line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "below the UI, code uses the window:\n{}", found.join("\n"));
}

#[test]
fn the_check_would_see_a_window_crate() {
    let text = "//! no egui here\nuse egui::Ui;\nfn f() {}\n#[cfg(test)]\nmod tests { use eframe::App; }\n";
    let hits: Vec<_> = code_lines(text).filter_map(|(n, l)| uses_a_window_crate(l).map(|c| (n, c))).collect();
    assert_eq!(hits, vec![(2, "egui")], "code is seen, comments and tests are not");
}
