//! The `by-i-balance` binary: with a command, the command line; without arguments, the workshop
//! app; with one plan file as its only argument (a double-click, "open with"), the app with
//! that plan.
//!
//! On Windows it is a GUI program (no console window when started from Explorer) that attaches
//! to the console of a command prompt that starts it (`by_i_balance::console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::ffi::OsString;
use std::path::PathBuf;

fn main() {
    by_i_balance::console::attach_to_parent_console();
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let startup_plan = if by_i_balance::cli::opens_in_app(&args) { args.first().map(PathBuf::from) } else { None };
    if !args.is_empty() && startup_plan.is_none() {
        // `run` buffers standard output and flushes it; output that does not all arrive (a full
        // disk, a closed pipe) is exit 1 with words, never a success.
        let mut out = by_i_balance::cli::standard_output();
        let code = by_i_balance::cli::run(args, &mut out, &mut std::io::stderr());
        std::process::exit(code);
    }
    if let Err(e) = by_i_balance::ui::run_native(startup_plan.as_deref()) {
        eprintln!("By i balance could not open its window: {e}");
        std::process::exit(1);
    }
}
