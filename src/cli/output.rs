//! Where a command's result goes: standard output, or the file `-o` names, written atomically.
//! `-o -` and `-o /dev/stdout` mean standard output. A target that is one of the input plans,
//! a folder, a pipe or device, or a read-only file is refused before any work is done, with
//! words (exit 2), so `report P.ron -o P.ron` can never replace a plan with HTML.

use super::{EXIT_BAD_PLAN, EXIT_OK, EXIT_USAGE};
use crate::io;
use std::io::Write;
use std::path::Path;

/// Where the result is written.
pub(super) enum Target<'a> {
    Stdout,
    File(&'a Path),
}

/// Whether two paths name the same file (through links, hard links included).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Checks `-o` against the inputs; the error is a usage error in words.
pub(super) fn target<'a>(output: Option<&'a Path>, inputs: &[&Path]) -> Result<Target<'a>, String> {
    let Some(path) = output else { return Ok(Target::Stdout) };
    let text = path.as_os_str();
    if text == "-" || text == "/dev/stdout" || text == "/dev/fd/1" || text == "/proc/self/fd/1" {
        return Ok(Target::Stdout);
    }
    let shown = path.display();
    if let Some(input) = inputs.iter().find(|input| same_file(input, path)) {
        return Err(format!("-o {shown} is the plan {}; the result would overwrite it", input.display()));
    }
    if let Ok(meta) = std::fs::metadata(path) {
        if let Some(kind) = io::special_kind(&meta) {
            return Err(format!(
                "-o {shown} is a {kind}, not an ordinary file (leave out -o, or use -o -, for standard output)"
            ));
        }
        if meta.permissions().readonly() {
            return Err(format!("-o {shown} is read-only; choose another file or make it writable first"));
        }
    }
    Ok(Target::File(path))
}

/// Prints a usage error about `-o`.
pub(super) fn refuse(err: &mut dyn Write, message: &str) -> i32 {
    let _ = writeln!(err, "error: {message}\n\nFor more information, try '--help'.");
    EXIT_USAGE
}

/// Writes `text` to the target: to a file atomically, saying where; to standard output as it
/// is (a closed pipe, as with `| head`, is not an error).
pub(super) fn deliver(
    target: &Target<'_>,
    text: &str,
    what: &'static str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    deliver_with(target, what, out, err, |w| w.write_all(text.as_bytes()))
}

/// Writes what `write` writes to the target: to standard output through a buffer as it is
/// made (a closed pipe, as with `| head`, is not an error); to a file atomically, saying where.
pub(super) fn deliver_with(
    target: &Target<'_>,
    what: &'static str,
    out: &mut dyn Write,
    err: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> i32 {
    match target {
        Target::Stdout => {
            let mut buffered = std::io::BufWriter::new(out);
            let _ = write(&mut buffered).and_then(|()| buffered.flush());
            EXIT_OK
        }
        Target::File(path) => {
            let mut bytes = Vec::new();
            let written = write(&mut bytes).map_err(|e| e.to_string());
            match written.and_then(|()| io::write_atomically(path, &bytes, what).map_err(|e| e.to_string())) {
                Ok(()) => {
                    let _ = writeln!(out, "ok: {what} is in {}", path.display());
                    EXIT_OK
                }
                Err(e) => {
                    let _ = writeln!(err, "error: {e}");
                    EXIT_BAD_PLAN
                }
            }
        }
    }
}
