//! Browsing any folder for files of a kind (plans, or a municipality's table and outlines), for
//! the app's own boxes where the system has no file dialog: the places to start from (drives, a
//! USB stick's mount points, home), and a folder's subfolders and files of that kind. No egui:
//! the UI draws what this finds.

use std::path::{Path, PathBuf};

/// The files a box looks for: plan files.
pub const PLANS: &[&str] = &["ron"];

/// What a folder holds that a box shows: its subfolders and its files of the kind looked for,
/// each sorted by name; hidden entries are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FolderListing {
    pub folder: PathBuf,
    pub folders: Vec<PathBuf>,
    pub files: Vec<PathBuf>,
}

/// A folder being browsed: the path typed to go to, and what the folder last gone to holds
/// (or why it cannot be read); files whose names end in one of `extensions` are listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Browsing {
    pub extensions: &'static [&'static str],
    pub typed: String,
    pub listing: Option<Result<FolderListing, String>>,
}

impl Browsing {
    /// Browsing for files ending in one of `extensions`, in no folder yet.
    pub fn new(extensions: &'static [&'static str]) -> Self {
        Self { extensions, typed: String::new(), listing: None }
    }

    /// Goes to `folder`: its path becomes the one typed, and it is listed.
    pub fn go(&mut self, folder: &Path) {
        self.typed = folder.display().to_string();
        self.listing = Some(list(folder, self.extensions));
    }

    /// The folder above the one listed, if there is one.
    pub fn parent(&self) -> Option<PathBuf> {
        match &self.listing {
            Some(Ok(listing)) => listing.folder.parent().map(PathBuf::from),
            _ => None,
        }
    }
}

/// Lists a folder's subfolders and its files ending in one of `extensions` (in any case), or
/// says why it cannot be read.
pub fn list(folder: &Path, extensions: &[&str]) -> Result<FolderListing, String> {
    let entries = std::fs::read_dir(folder).map_err(|e| format!("{} ({})", e, folder.display()))?;
    let mut listing = FolderListing { folder: folder.to_owned(), ..FolderListing::default() };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            listing.folders.push(path);
        } else if path.extension().is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x))) {
            listing.files.push(path);
        }
    }
    listing.folders.sort();
    listing.files.sort();
    Ok(listing)
}

/// Where browsing can start: the home folder, and every drive or removable medium there is
/// (drive letters on Windows; `/media`, `/run/media` and `/mnt` mounts elsewhere).
pub fn places() -> Vec<PathBuf> {
    let mut places: Vec<PathBuf> = directories::UserDirs::new().map(|d| d.home_dir().to_owned()).into_iter().collect();
    if cfg!(windows) {
        places.extend(
            (b'A'..=b'Z').map(|letter| PathBuf::from(format!("{}:\\", char::from(letter)))).filter(|p| p.is_dir()),
        );
    } else {
        places.push(PathBuf::from("/"));
        let user = std::env::var("USER").unwrap_or_default();
        for base in ["/media".to_owned(), format!("/media/{user}"), format!("/run/media/{user}"), "/mnt".to_owned()] {
            if let Ok(listing) = list(Path::new(&base), &[]) {
                places.extend(listing.folders);
            }
        }
    }
    places.dedup();
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_lists_its_subfolders_and_plan_files_by_name_and_hides_the_rest() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir(dir.path().join("b-stick")).expect("a folder");
        std::fs::create_dir(dir.path().join(".hidden")).expect("a folder");
        for name in ["z.ron", "a.RON", "notes.txt", ".x.ron"] {
            std::fs::write(dir.path().join(name), "").expect("a file");
        }
        let listing = list(dir.path(), PLANS).expect("the folder lists");
        assert_eq!(listing.folders, vec![dir.path().join("b-stick")]);
        assert_eq!(listing.files, vec![dir.path().join("a.RON"), dir.path().join("z.ron")]);
        let tables = list(dir.path(), &["csv", "txt"]).expect("the folder lists");
        assert_eq!(tables.files, vec![dir.path().join("notes.txt")], "another kind of file is looked for");
        let missing = list(&dir.path().join("gone"), PLANS).expect_err("no such folder");
        assert!(missing.contains("gone"), "the message names the folder: {missing}");
    }
}
