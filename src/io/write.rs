//! Writing a file so that a crash, a full disk or a kill at any moment leaves either the old
//! file or the new one whole: a temporary file beside the target is written, flushed to disk
//! and renamed over it; the old file is first kept as `NAME.bak`, itself made the same way (a
//! hard link, or a flushed copy where the disk has none, renamed into place). The target's
//! permissions are kept, a symbolic link is written through to the file it points to, and a
//! read-only file, a folder or a special file (pipe, device) is refused with words.
//!
//! Temporary files are named `NAME.PID-N.tmp` and held under a lock while written. One left by
//! a process that died (unlocked and over a minute old) is removed before the next write in
//! its folder and when the app starts ([`clean_stale_temps`]).

use super::{SaveError, read::special_kind, write_reason};
use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// A temporary file untouched this long, and unlocked, belongs to a process that died.
const STALE_AFTER: Duration = Duration::from_secs(60);
/// More links than this in a row is a loop.
const MAX_LINKS: usize = 40;

static NEXT_TEMP: AtomicU64 = AtomicU64::new(1);

/// The file a path finally names, following symbolic links (also dangling ones, so a link to a
/// file not yet written is written through).
fn resolve_links(path: &Path) -> Result<PathBuf, String> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current).map_err(|e| write_reason(&e))?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err("the symbolic link points round in a circle".to_owned())
}

/// A fresh temporary name beside `target`.
fn temp_path(dir: &Path, name: &OsStr) -> PathBuf {
    let mut temp = name.to_owned();
    temp.push(format!(".{}-{}.tmp", std::process::id(), NEXT_TEMP.fetch_add(1, Ordering::Relaxed)));
    dir.join(temp)
}

fn with_suffix(name: &OsStr, suffix: &str) -> OsString {
    let mut out = name.to_owned();
    out.push(suffix);
    out
}

/// Writes `bytes` to `path` atomically (see the module's documentation). `what` names the
/// file in an error: "the plan", "the report", ….
pub fn write_atomically(path: &Path, bytes: &[u8], what: &'static str) -> Result<(), SaveError> {
    let fail = |reason: String| SaveError::Write { what, path: path.to_owned(), reason };
    let target = resolve_links(path).map_err(fail)?;
    let name = target.file_name().ok_or_else(|| fail("the path has no file name".to_owned()))?.to_owned();
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_owned();
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail(write_reason(&e))),
    };
    if let Some(meta) = &existing {
        if let Some(kind) = special_kind(meta) {
            return Err(fail(format!("it is a {kind}, not an ordinary file")));
        }
        if meta.permissions().readonly() {
            return Err(SaveError::ReadOnly { what, path: path.to_owned() });
        }
    } else if !dir.is_dir() {
        return Err(fail(format!("the folder {} does not exist", dir.display())));
    }
    clean_stale_temps(&dir, Some(&name));
    let temp = temp_path(&dir, &name);
    let result = (|| -> std::io::Result<()> {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        // Marks the file as being written; the lock goes with the process, however it ends.
        let _ = file.try_lock();
        file.write_all(bytes)?;
        if let Some(meta) = &existing {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        if existing.is_some() {
            keep_backup(&target, &dir, &name)?;
        }
        fs::rename(&temp, &target)?;
        sync_folder(&dir);
        Ok(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&temp);
        fail(write_reason(&e))
    })
}

/// Makes `NAME.bak` the file now at `target`, atomically: a hard link (or, where the disk has
/// none, a flushed copy) under a temporary name, renamed over the old backup.
fn keep_backup(target: &Path, dir: &Path, name: &OsStr) -> std::io::Result<()> {
    let backup_name = with_suffix(name, ".bak");
    let temp = temp_path(dir, &backup_name);
    let made = fs::hard_link(target, &temp).or_else(|_| {
        fs::copy(target, &temp)?;
        File::options().write(true).open(&temp)?.sync_all()
    });
    let renamed = made.and_then(|()| fs::rename(&temp, dir.join(&backup_name)));
    // Where `NAME.bak` already is this very file (another save linked it a moment before),
    // the rename succeeds without doing anything and leaves the temporary name behind: it is
    // one more link to the backup, and goes. After a rename that moved it, there is nothing
    // to remove.
    let _ = fs::remove_file(&temp);
    renamed
}

/// Makes a rename durable; not every platform can sync a folder, so failure is ignored.
fn sync_folder(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Whether `file_name` is one of our temporary files, for `target` if given: `TARGET.PID.tmp`
/// (older versions) or `TARGET.PID-N.tmp`, also for `TARGET.bak`.
fn is_temp_name(file_name: &OsStr, target: Option<&OsStr>) -> bool {
    let Some(name) = file_name.to_str() else { return false };
    let Some(stem) = name.strip_suffix(".tmp") else { return false };
    let Some((base, stamp)) = stem.rsplit_once('.') else { return false };
    let numbered =
        !stamp.is_empty() && stamp.split('-').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let base_matches = match target.and_then(OsStr::to_str) {
        Some(target) => base == target || base.strip_suffix(".bak") == Some(target),
        None => !base.is_empty(),
    };
    numbered && base_matches && stamp.split('-').count() <= 2
}

/// Removes temporary files of dead processes in `dir` (only those for `target`, if given):
/// unlocked and untouched for over a minute. Returns how many it removed.
pub fn clean_stale_temps(dir: &Path, target: Option<&OsStr>) -> usize {
    let Ok(entries) = fs::read_dir(dir) else { return 0 };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        if !is_temp_name(&entry.file_name(), target) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = fs::symlink_metadata(&path) else { continue };
        let old = meta.modified().ok().and_then(|m| now.duration_since(m).ok()).is_some_and(|age| age > STALE_AFTER);
        if !meta.is_file() || !old {
            continue;
        }
        let Ok(file) = File::options().write(true).open(&path) else { continue };
        if file.try_lock().is_ok() && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognised_and_nothing_else() {
        let plan = Some(OsStr::new("plan.ron"));
        assert!(is_temp_name(OsStr::new("plan.ron.1234.tmp"), plan));
        assert!(is_temp_name(OsStr::new("plan.ron.1234-7.tmp"), plan));
        assert!(is_temp_name(OsStr::new("plan.ron.bak.99-1.tmp"), plan));
        assert!(!is_temp_name(OsStr::new("other.ron.1234-7.tmp"), plan));
        assert!(!is_temp_name(OsStr::new("plan.ron"), plan));
        assert!(!is_temp_name(OsStr::new("plan.ron.abc.tmp"), plan));
        assert!(!is_temp_name(OsStr::new("notes.tmp"), None));
        assert!(is_temp_name(OsStr::new("x.csv.5-2.tmp"), None));
    }
}
