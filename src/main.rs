//! The `by-i-balance` binary: with arguments, the command line; without, the workshop app.

fn main() {
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
