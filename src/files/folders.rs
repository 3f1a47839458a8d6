//! Browsing any folder for plan files, for the app's own Open box where the system has no file
//! dialog: the places to start from (drives, a USB stick's mount points, home), and a folder's
//! subfolders and plan files. No egui: the UI draws what this finds.

use std::path::{Path, PathBuf};

/// What a folder holds that the Open box shows: its subfolders and its plan files, each
/// sorted by name; hidden entries are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FolderListing {
    pub folder: PathBuf,
    pub folders: Vec<PathBuf>,
    pub plans: Vec<PathBuf>,
}

/// Lists a folder, or says why it cannot be read.
pub fn list(folder: &Path) -> Result<FolderListing, String> {
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
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
            listing.plans.push(path);
        }
    }
    listing.folders.sort();
    listing.plans.sort();
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
            if let Ok(listing) = list(Path::new(&base)) {
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
        let listing = list(dir.path()).expect("the folder lists");
        assert_eq!(listing.folders, vec![dir.path().join("b-stick")]);
        assert_eq!(listing.plans, vec![dir.path().join("a.RON"), dir.path().join("z.ron")]);
        let missing = list(&dir.path().join("gone")).expect_err("no such folder");
        assert!(missing.contains("gone"), "the message names the folder: {missing}");
    }
}
