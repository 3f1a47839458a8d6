//! The `by-i-balance` binary: with arguments, the command line; without, the workshop app.
//!
//! On Windows it is a GUI program (no console window when started from Explorer) that attaches
//! to the console of a command prompt that starts it (`by_i_balance::console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

fn main() {
    by_i_balance::console::attach_to_parent_console();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.is_empty() {
        let code = by_i_balance::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
        std::process::exit(code);
    }
    if let Err(e) = by_i_balance::app::run_native() {
        eprintln!("By i balance could not open its window: {e}");
        std::process::exit(1);
    }
}
