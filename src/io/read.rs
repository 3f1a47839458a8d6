//! Reading a file the program did not write, safely: only an ordinary file is read (a folder,
//! a named pipe, a device or a socket is refused by what the system says it is, before and
//! after opening, and the open itself cannot block on a pipe), and never more than a limit,
//! counted while reading rather than trusted from the file's stated size (a device says 0).

use super::{LoadError, read_reason};
use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::Path;

/// What kind of special file `meta` describes, in words; `None` for an ordinary file.
pub(crate) fn special_kind(meta: &Metadata) -> Option<&'static str> {
    if meta.is_file() {
        return None;
    }
    if meta.is_dir() {
        return Some("folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return Some("named pipe (FIFO)");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("device");
        }
        if kind.is_socket() {
            return Some("socket");
        }
    }
    Some("special file")
}

fn refuse_special(path: &Path, meta: &Metadata) -> Result<(), LoadError> {
    match special_kind(meta) {
        None => Ok(()),
        Some("folder") => Err(LoadError::NotAFile { path: path.to_owned() }),
        Some(kind) => Err(LoadError::Special { path: path.to_owned(), kind }),
    }
}

/// Opens for reading without waiting for a writer, should the path have become a pipe
/// between the look and the open.
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The bytes of the ordinary file at `path`, at most `limit` of them; a longer file, a
/// folder or a special file is refused with words and the path.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let failed = |e: std::io::Error| LoadError::Read { path: path.to_owned(), reason: read_reason(&e) };
    refuse_special(path, &fs::metadata(path).map_err(failed)?)?;
    let file = open(path).map_err(failed)?;
    let meta = file.metadata().map_err(failed)?;
    refuse_special(path, &meta)?;
    if meta.len() > limit {
        return Err(LoadError::TooLarge { path: path.to_owned(), bytes: Some(meta.len()) });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(limit)).unwrap_or(0).saturating_add(1));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(failed)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge { path: path.to_owned(), bytes: None });
    }
    Ok(bytes)
}
