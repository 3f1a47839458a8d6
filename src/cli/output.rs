//! Where a command's result goes: standard output, or the file `-o` names, written atomically.
//! `-o -` and `-o /dev/stdout` mean standard output. A target that is one of the input plans,
//! a folder, a pipe or device, or a read-only file is refused before any work is done, with
//! words (exit 2), so `report P.ron -o P.ron` can never replace a plan with HTML.
//!
//! Standard output is [`Checked`]: every command writes through it, its first failure (a full
//! disk, `/dev/full`, a closed standard output, a pipe whose reader stopped) sticks, and
//! [`finish`] turns a command that would have succeeded into exit 1 with the reason in words.
//! So a result is either whole or the command fails; a script never reads half a JSON as a
//! success.

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
/// is (a failure there fails the command, see [`Checked`]).
pub(super) fn deliver(
    target: &Target<'_>,
    text: &str,
    what: &'static str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    deliver_with(target, what, out, err, |w| w.write_all(text.as_bytes()))
}

/// Writes what `write` writes to the target: to standard output as it is made (through the
/// buffer of [`Checked`]; a failure there fails the command); to a file atomically, saying
/// where.
pub(super) fn deliver_with(
    target: &Target<'_>,
    what: &'static str,
    out: &mut dyn Write,
    err: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> i32 {
    match target {
        Target::Stdout => match write(out) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                let _ = writeln!(err, "error: {what} could not be written whole: {e}");
                EXIT_BAD_PLAN
            }
        },
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

/// Standard output for the command line. On unix it is a duplicate of the descriptor, written
/// directly: the standard library's own handle treats a closed standard output as a place
/// that swallows everything, and a result nobody received must not be a success.
pub fn standard_output() -> Box<dyn Write> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        match std::io::stdout().as_fd().try_clone_to_owned() {
            Ok(fd) => Box::new(std::fs::File::from(fd)),
            Err(e) => Box::new(Closed(e.kind())),
        }
    }
    #[cfg(not(unix))]
    {
        Box::new(std::io::stdout())
    }
}

/// A standard output that is not there: every write fails.
#[cfg(unix)]
struct Closed(std::io::ErrorKind);

#[cfg(unix)]
impl Write for Closed {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(self.0, "standard output is closed"))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Standard output, buffered (one write for a long JSON, not one a line), remembering its
/// first failure: after it every write fails at once, so a command stops writing into the
/// void, and [`finish`] reports it.
pub(super) struct Checked<'a> {
    inner: std::io::BufWriter<&'a mut dyn Write>,
    /// Why standard output failed, in words, if it did.
    failed: Option<(std::io::ErrorKind, String)>,
}

impl<'a> Checked<'a> {
    pub(super) fn new(out: &'a mut dyn Write) -> Self {
        Self { inner: std::io::BufWriter::with_capacity(64 * 1024, out), failed: None }
    }

    fn fail(&mut self, e: &std::io::Error) -> std::io::Error {
        let (kind, words) = self.failed.get_or_insert_with(|| (e.kind(), failure_words(e))).clone();
        std::io::Error::new(kind, format!("standard output could not be written: {words}"))
    }

    fn check<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        result.map_err(|e| self.fail(&e))
    }
}

impl Write for Checked<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if let Some((kind, _)) = &self.failed {
            let e = std::io::Error::from(*kind);
            return Err(self.fail(&e));
        }
        let written = self.inner.write(bytes);
        self.check(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if let Some((kind, _)) = &self.failed {
            let e = std::io::Error::from(*kind);
            return Err(self.fail(&e));
        }
        let flushed = self.inner.flush();
        self.check(flushed)
    }
}

/// Why standard output failed, in words for whoever reads the terminal.
fn failure_words(e: &std::io::Error) -> String {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::EBADF) {
        return "it is closed, or open only for reading".to_owned();
    }
    match e.kind() {
        std::io::ErrorKind::BrokenPipe => "the program reading it stopped before the end (a closed pipe)".to_owned(),
        std::io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        _ if e.to_string() == "standard output is closed" => "it is closed".to_owned(),
        _ => io::write_reason(e),
    }
}

/// Flushes standard output after a command: a command that succeeded but whose output did not
/// all arrive fails with exit 1 and the reason (a command that failed already keeps its code
/// and its own message).
pub(super) fn finish(mut out: Checked<'_>, code: i32, err: &mut dyn Write) -> i32 {
    let flushed = out.flush();
    match (&out.failed, flushed) {
        (Some((_, words)), _) if code == EXIT_OK => {
            let _ = writeln!(err, "error: standard output could not be written: {words}; what it shows is incomplete");
            EXIT_BAD_PLAN
        }
        (None, Err(e)) if code == EXIT_OK => {
            let _ = writeln!(err, "error: standard output could not be written: {e}");
            EXIT_BAD_PLAN
        }
        _ => code,
    }
}
