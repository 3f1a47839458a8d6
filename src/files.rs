//! Where a workshop's plans live on this machine, and how nothing is lost: the saves folder and
//! the recent files, the variants found there, and (in [`autosave`]) the recovery file each
//! running instance owns. No egui, no dialogs: the app decides when to call these.
//!
//! The data folder is `$BY_I_BALANCE_DATA_DIR`, else the system's folder for application data
//! (through `directories`): `$XDG_DATA_HOME/by-i-balance` or `~/.local/share/by-i-balance` on
//! Linux, `%LOCALAPPDATA%\by-i-balance` on Windows, `~/Library/Application Support/by-i-balance`
//! on macOS. The saves folder is `./saves` when the app runs from a folder that has one (as
//! `cargo run` does), else `saves/` in the data folder.

pub mod autosave;
pub mod folders;

use crate::io::{self, SaveError};
use crate::model::{ParamTable, Plan};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Environment variable that moves the data folder (recovery file, recent files).
pub const DATA_DIR_VARIABLE: &str = "BY_I_BALANCE_DATA_DIR";
/// The data folder's name inside the system's folder for application data.
pub const APP_FOLDER: &str = "by-i-balance";
/// How many recent files are remembered.
pub const RECENT_MAX: usize = 10;

/// The autosaved plan, with where it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    /// When it was written (UTC).
    pub saved_at: String,
    /// The file the plan was opened from or last saved to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<PathBuf>,
    pub plan: Plan,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecentFiles {
    files: Vec<PathBuf>,
}

/// A plan file found in the saves folder or among the recent files.
#[derive(Clone, Debug)]
pub struct VariantFile {
    pub path: PathBuf,
    /// When the file was last written (UTC), if the system says.
    pub modified: Option<String>,
    /// The plan, or why it cannot be opened.
    pub plan: Result<Plan, String>,
}

/// The folders the app keeps its files in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    pub data_dir: PathBuf,
    pub saves_dir: PathBuf,
}

impl Workspace {
    /// The folders for this machine and user (see the module's documentation).
    pub fn locate() -> Self {
        let data_dir = std::env::var_os(DATA_DIR_VARIABLE)
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .or_else(|| directories::BaseDirs::new().map(|d| d.data_local_dir().join(APP_FOLDER)))
            .unwrap_or_else(|| PathBuf::from(".by-i-balance"));
        let local_saves = PathBuf::from("saves");
        let saves_dir = if local_saves.is_dir() { local_saves } else { data_dir.join("saves") };
        Self { data_dir, saves_dir }
    }

    /// A workspace inside one folder (tests, or a workshop kept on a USB stick).
    pub fn at(dir: &Path) -> Self {
        Self { data_dir: dir.to_owned(), saves_dir: dir.join("saves") }
    }

    /// Where exported pictures, tables and reports go.
    pub fn exports_dir(&self) -> PathBuf {
        self.data_dir.join("exports")
    }

    /// A path in the exports folder for `stem` and `extension`, not yet taken.
    pub fn export_path(&self, stem: &str, extension: &str) -> Result<PathBuf, SaveError> {
        let dir = self.exports_dir();
        Self::ensure(&dir)?;
        let stem = file_stem_for(stem);
        let mut path = dir.join(format!("{stem}.{extension}"));
        let mut n = 2;
        while path.exists() {
            path = dir.join(format!("{stem}-{n}.{extension}"));
            n += 1;
        }
        Ok(path)
    }

    fn recent_path(&self) -> PathBuf {
        self.data_dir.join("recent.ron")
    }

    /// Makes a folder (and those above it); on Unix the data folder is the user's alone.
    pub(crate) fn ensure(dir: &Path) -> Result<(), SaveError> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir).map_err(|e| SaveError::Write {
            what: "the folder",
            path: dir.to_owned(),
            reason: io::write_reason(&e),
        })
    }

    /// Removes temporary files that dead processes left in the data and saves folders.
    pub fn clean_stale_temps(&self) -> usize {
        io::clean_stale_temps(&self.data_dir, None) + io::clean_stale_temps(&self.saves_dir, None)
    }

    /// What the app remembers between starts (`settings.ron` in the data folder), if it is
    /// there and readable; a broken file is as good as none.
    pub fn settings<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        io::read_bounded(&self.data_dir.join("settings.ron"), io::MAX_PLAN_BYTES)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| io::parse_ron::<T>(&text).ok())
    }

    /// Writes what the app remembers between starts, atomically.
    pub fn save_settings<T: serde::Serialize>(&self, settings: &T) -> Result<(), SaveError> {
        Self::ensure(&self.data_dir)?;
        let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::new())
            .map_err(|e| SaveError::Serialise { what: "the settings", reason: e.to_string() })?;
        io::write_atomically(&self.data_dir.join("settings.ron"), text.as_bytes(), "the settings")
    }

    /// The recent files, newest first.
    pub fn recent(&self) -> Vec<PathBuf> {
        io::read_bounded(&self.recent_path(), io::MAX_PLAN_BYTES)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| io::parse_ron::<RecentFiles>(&text).ok())
            .map(|r| r.files)
            .unwrap_or_default()
    }

    /// Puts a file first among the recent files.
    pub fn remember(&self, path: &Path) -> Result<Vec<PathBuf>, SaveError> {
        // dunce keeps Windows paths as users write them (C:\..., not \\?\C:\...).
        let path = dunce::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        let mut files = self.recent();
        files.retain(|f| f != &path);
        files.insert(0, path);
        files.truncate(RECENT_MAX);
        Self::ensure(&self.data_dir)?;
        let text = ron::ser::to_string_pretty(&RecentFiles { files: files.clone() }, ron::ser::PrettyConfig::new())
            .map_err(|e| SaveError::Serialise { what: "the recent files", reason: e.to_string() })?;
        io::write_atomically(&self.recent_path(), text.as_bytes(), "the list of recent files")?;
        Ok(files)
    }

    /// Plan files in the saves folder and in the folders of the recent files (each once),
    /// each read and checked.
    pub fn variants(&self, table: &ParamTable) -> Vec<VariantFile> {
        let recent = self.recent();
        let mut folders = vec![self.saves_dir.clone()];
        for file in &recent {
            if let Some(folder) = file.parent()
                && !folders.iter().any(|f| same_file(f, folder))
            {
                folders.push(folder.to_owned());
            }
        }
        let mut paths: Vec<PathBuf> = Vec::new();
        for folder in &folders {
            let Ok(entries) = std::fs::read_dir(folder) else { continue };
            for path in entries.filter_map(Result::ok).map(|e| e.path()) {
                // Windows users and their tools write `PLAN.RON` as often as `plan.ron`.
                let is_plan = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron")) && path.is_file();
                if is_plan && !paths.iter().any(|p| same_file(p, &path)) {
                    paths.push(path);
                }
            }
        }
        let mut variants: Vec<VariantFile> = paths
            .into_iter()
            .map(|path| {
                let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok().map(crate::time::utc_stamp);
                let plan = io::load_plan(&path, table).map_err(|e| e.to_string());
                VariantFile { path, modified, plan }
            })
            .collect();
        variants.sort_by(|a, b| a.path.cmp(&b.path));
        variants
    }

    /// A path in the saves folder for a new variant called `name`, not yet taken.
    pub fn new_variant_path(&self, name: &str) -> Result<PathBuf, SaveError> {
        Self::ensure(&self.saves_dir)?;
        let stem = file_stem_for(name);
        let mut path = self.saves_dir.join(format!("{stem}.ron"));
        let mut n = 2;
        while path.exists() {
            path = self.saves_dir.join(format!("{stem}-{n}.ron"));
            n += 1;
        }
        Ok(path)
    }
}

/// Whether two paths name the same file (through links and `..`; as written where either is
/// missing).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Names Windows keeps for devices, with or without an extension (`con.ron` cannot be created).
const WINDOWS_RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2",
    "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A file name for a plan's name: lower case, Danish letters spelt out, dashes between words,
/// never a name Windows reserves.
pub fn file_stem_for(name: &str) -> String {
    let mut stem = String::new();
    for c in name.trim().to_lowercase().chars() {
        match c {
            'æ' => stem.push_str("ae"),
            'ø' => stem.push_str("oe"),
            'å' => stem.push_str("aa"),
            c if c.is_ascii_alphanumeric() => stem.push(c),
            _ if !stem.ends_with('-') && !stem.is_empty() => stem.push('-'),
            _ => {}
        }
    }
    let stem = stem.trim_end_matches('-').to_owned();
    if stem.is_empty() {
        "plan".to_owned()
    } else if WINDOWS_RESERVED.contains(&stem.as_str()) {
        format!("{stem}-plan")
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_danish_plan_names() {
        assert_eq!(file_stem_for("Gruppe 1's plan"), "gruppe-1-s-plan");
        assert_eq!(file_stem_for("Bestyrelsens kompromis – uden nedrivning"), "bestyrelsens-kompromis-uden-nedrivning");
        assert_eq!(file_stem_for("Høje-Taastrup Ø"), "hoeje-taastrup-oe");
        assert_eq!(file_stem_for("  ...  "), "plan");
        // Windows cannot create con.ron or com1.ron, in any folder.
        assert_eq!(file_stem_for("Con"), "con-plan");
        assert_eq!(file_stem_for("COM1"), "com1-plan");
        assert_eq!(file_stem_for("Contra"), "contra");
    }

    #[test]
    fn the_browser_lists_plan_files_whatever_the_case_of_their_extension() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let workspace = Workspace::at(dir.path());
        std::fs::create_dir_all(&workspace.saves_dir).expect("the saves folder");
        let plan = crate::assets::SHIPPED_PLANS[0].text;
        for name in ["gruppe 1.ron", "GRUPPE 2.RON", "noter.txt"] {
            std::fs::write(workspace.saves_dir.join(name), plan).expect("a file");
        }
        let table = crate::assets::param_table().expect("the shipped assumptions");
        let names: Vec<String> = workspace
            .variants(&table)
            .iter()
            .filter_map(|v| v.path.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(names, ["GRUPPE 2.RON", "gruppe 1.ron"]);
    }
}
