//! The recovery file: where a running instance autosaves unsaved work, and where the next start
//! finds it after a crash. Each instance owns one recovery file, so two windows on one data
//! folder never offer, overwrite or delete each other's work.
//!
//! Ownership is a lock file per slot (`recovery.lock` for `recovery.ron`, `recovery-2.lock`
//! for `recovery-2.ron`, …, up to [`MAX_INSTANCES`]) holding the owner's process id, locked with
//! the system's file lock (`flock`, `LockFileEx`) for as long as the owner runs. The stale-lock
//! rule: the system drops the lock when its process ends, however it ends, so a lock file that
//! nobody holds was left by a dead instance and is taken over. Where the disk cannot lock (some
//! network shares), the process id decides: a slot whose owner is not running is taken over.
//! A new instance takes the first free slot that holds a recovery file (so work left by a crash
//! is offered), else the first free slot.
//!
//! The lock file and the recovery file are the program's own: a symbolic link in their place
//! is never followed (a link planted as `recovery.lock` would otherwise have its target cut to
//! nothing and overwritten with a process id); that slot is not used. When no slot can be had
//! (the data folder cannot be made, every slot is held), the instance does not autosave and
//! [`Autosave::unavailable`] says why, so the app can tell the room. A recovery file that
//! cannot be used is set aside under a name of its own, never deleted.

use super::{Recovery, Workspace};
use crate::io::{self, LoadError, SaveError};
use crate::model::ParamTable;
use std::fs::{self, File, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Instances that can autosave at once on one data folder.
pub const MAX_INSTANCES: usize = 8;

/// This instance's recovery file, owned through its lock (see the module's documentation).
#[derive(Clone, Debug)]
pub struct Autosave {
    /// The recovery file, or `None` when no slot could be had (the app then does not autosave).
    path: Option<PathBuf>,
    /// The open, locked lock file; dropping the last clone releases the slot.
    _lock: Option<Arc<File>>,
    /// Why there is no recovery file, when there is none.
    unavailable: Option<Unavailable>,
}

/// Why an instance cannot autosave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// The data folder cannot be made or used: the reason, in words, and the folder.
    DataFolder { reason: String, folder: PathBuf },
    /// Other windows of the program hold all [`MAX_INSTANCES`] recovery files, or their lock
    /// files cannot be used (e.g. a symbolic link in their place).
    EverySlotHeld { folder: PathBuf },
}

fn slot_name(slot: usize, extension: &str) -> String {
    if slot == 1 { format!("recovery.{extension}") } else { format!("recovery-{slot}.{extension}") }
}

/// The process id written in a lock file, if any.
fn owner(lock: &Path) -> Option<u32> {
    let text = fs::read_to_string(lock).ok()?;
    text.lines().find_map(|l| l.strip_prefix("pid ")).and_then(|p| p.trim().parse().ok())
}

/// Whether a process runs; where the system cannot tell, it is taken to run (its work is
/// never touched).
fn running(pid: u32) -> bool {
    if cfg!(target_os = "linux") { Path::new("/proc").join(pid.to_string()).exists() } else { true }
}

/// Opens a file of the program's own without following a symbolic link in its place: on unix
/// the system refuses the link itself (`O_NOFOLLOW`); elsewhere a link found first is refused.
/// Only an ordinary file is accepted.
fn open_own(path: &Path) -> Option<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW | libc::O_NONBLOCK);
    #[cfg(not(unix))]
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return None;
    }
    let file = options.open(path).ok()?;
    file.metadata().ok().filter(fs::Metadata::is_file)?;
    Some(file)
}

/// The lock file, locked by us, if the slot is free or stale.
fn try_claim(lock: &Path) -> Option<File> {
    let file = open_own(lock)?;
    match file.try_lock() {
        Ok(()) => Some(file),
        Err(TryLockError::WouldBlock) => None,
        Err(TryLockError::Error(_)) => match owner(lock) {
            Some(pid) if pid != std::process::id() && running(pid) => None,
            _ => Some(file),
        },
    }
}

impl Autosave {
    /// Claims a recovery file in the workspace's data folder (see the module's documentation).
    pub fn claim(workspace: &Workspace) -> Self {
        let folder = || workspace.data_dir.clone();
        if let Err(e) = Workspace::ensure(&workspace.data_dir) {
            let reason = match e {
                SaveError::Write { reason, .. } => reason,
                other => other.to_string(),
            };
            return Self::none(Unavailable::DataFolder { reason, folder: folder() });
        }
        if !workspace.data_dir.is_dir() {
            let reason = "it is a file, not a folder".to_owned();
            return Self::none(Unavailable::DataFolder { reason, folder: folder() });
        }
        let dir = &workspace.data_dir;
        let mut first_free: Option<(usize, File)> = None;
        for slot in 1..=MAX_INSTANCES {
            let Some(lock) = try_claim(&dir.join(slot_name(slot, "lock"))) else { continue };
            let recovery = dir.join(slot_name(slot, "ron"));
            if recovery.exists() || Self::backup(&recovery).exists() {
                return Self::owned(dir, slot, lock);
            }
            if first_free.is_none() {
                first_free = Some((slot, lock));
            }
        }
        first_free.map_or_else(
            || Self::none(Unavailable::EverySlotHeld { folder: folder() }),
            |(slot, lock)| Self::owned(dir, slot, lock),
        )
    }

    fn owned(dir: &Path, slot: usize, mut lock: File) -> Self {
        let stamp = format!("pid {}\nsince {}\n", std::process::id(), crate::time::now_utc());
        // The pid is for people and for disks without locks; the lock itself is what counts.
        let _ = lock.set_len(0).and_then(|()| lock.write_all(stamp.as_bytes()));
        Self { path: Some(dir.join(slot_name(slot, "ron"))), _lock: Some(Arc::new(lock)), unavailable: None }
    }

    fn none(why: Unavailable) -> Self {
        Self { path: None, _lock: None, unavailable: Some(why) }
    }

    /// Why this instance cannot autosave, if it cannot.
    pub fn unavailable(&self) -> Option<&Unavailable> {
        self.unavailable.as_ref()
    }

    /// The recovery file this instance owns.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn backup(path: &Path) -> PathBuf {
        path.with_extension("ron.bak")
    }

    /// Writes the recovery file atomically (pretty RON, compact for a very large plan).
    pub fn write(&self, recovery: &Recovery) -> Result<(), SaveError> {
        let Some(path) = &self.path else {
            let (reason, folder) = match &self.unavailable {
                Some(Unavailable::DataFolder { reason, folder }) => (reason.clone(), folder.clone()),
                Some(Unavailable::EverySlotHeld { folder }) => {
                    ("other windows of the program hold every autosave file".to_owned(), folder.clone())
                }
                None => ("there is no autosave file".to_owned(), PathBuf::from("recovery.ron")),
            };
            return Err(SaveError::Write { what: "the autosave", path: folder, reason });
        };
        if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            let reason = "a symbolic link stands where the autosave file belongs; it is not followed".to_owned();
            return Err(SaveError::Write { what: "the autosave", path: path.clone(), reason });
        }
        let fail = |e: ron::Error| SaveError::Serialise { what: "the autosave", reason: e.to_string() };
        let config = ron::ser::PrettyConfig::new().indentor("  ").struct_names(false);
        let mut text = ron::ser::to_string_pretty(recovery, config).map_err(fail)?;
        if text.len() as u64 > io::MAX_PLAN_BYTES {
            text = ron::to_string(recovery).map_err(fail)?;
        }
        io::write_atomically(path, text.as_bytes(), "the autosave")
    }

    /// The work left here by an instance that ended without saving: `None` if there is none,
    /// else the recovery file (or its backup) checked like any plan, or why it cannot be used.
    pub fn read(&self, table: &ParamTable) -> Option<Result<Recovery, LoadError>> {
        let path = self.path.as_deref()?;
        let mut first_error = None;
        for candidate in [path.to_owned(), Self::backup(path)] {
            if fs::symlink_metadata(&candidate).is_err() {
                continue;
            }
            match read_recovery(&candidate, table) {
                Ok(recovery) => return Some(Ok(recovery)),
                Err(e) => first_error = first_error.or(Some(e)),
            }
        }
        first_error.map(Err)
    }

    /// Removes the recovery file (the plan was saved, or the user discarded it).
    pub fn clear(&self) {
        if let Some(path) = &self.path {
            let _ = fs::remove_file(Self::backup(path));
            let _ = fs::remove_file(path);
        }
    }

    /// Moves an unusable recovery file and its backup out of the way
    /// (`recovery.ron.unusable`, `recovery.ron.bak.unusable`, or `….unusable-2` and on where
    /// such a name is taken), so they are not offered again but nothing is deleted. Returns
    /// where each went, or why one could not be moved (it then stays where it was).
    pub fn set_aside(&self) -> Result<Vec<PathBuf>, String> {
        let Some(path) = self.path.as_deref() else { return Ok(Vec::new()) };
        let mut moved = Vec::new();
        for file in [path.to_owned(), Self::backup(path)] {
            if fs::symlink_metadata(&file).is_err() {
                continue;
            }
            let aside = free_name(&file)
                .ok_or_else(|| format!("every name to set it aside under is taken ({})", file.display()))?;
            fs::rename(&file, &aside).map_err(|e| format!("{} ({})", io::write_reason(&e), file.display()))?;
            moved.push(aside);
        }
        Ok(moved)
    }
}

/// `FILE.unusable`, or `FILE.unusable-N` for the first N from 2 that is free.
fn free_name(file: &Path) -> Option<PathBuf> {
    let name = file.file_name()?.to_string_lossy().into_owned();
    (1..=100)
        .map(|n| {
            let suffix = if n == 1 { String::new() } else { format!("-{n}") };
            file.with_file_name(format!("{name}.unusable{suffix}"))
        })
        .find(|candidate| fs::symlink_metadata(candidate).is_err())
}

/// One recovery file, read through the one bounded reader and checked like a plan.
fn read_recovery(path: &Path, table: &ParamTable) -> Result<Recovery, LoadError> {
    let bytes = io::read_bounded(path, io::MAX_PLAN_BYTES)?;
    let parse_error = |message: &str| LoadError::Parse {
        path: path.to_owned(),
        error: io::ParseError { line: 1, column: 1, message: message.to_owned() },
    };
    let text = String::from_utf8(bytes).map_err(|_| parse_error("the file is not UTF-8 text"))?;
    let mut recovery: Recovery =
        io::parse_ron(&text).map_err(|error| LoadError::Parse { path: path.to_owned(), error })?;
    if recovery.saved_at.parse::<jiff::Timestamp>().is_err() {
        return Err(parse_error("saved_at is not a time"));
    }
    if (1..crate::model::FORMAT_VERSION).contains(&recovery.plan.format_version) {
        io::migrate(&mut recovery.plan);
    }
    let problems = recovery.plan.validate(table);
    if problems.is_empty() { Ok(recovery) } else { Err(LoadError::Invalid { path: path.to_owned(), problems }) }
}
