//! *New municipality from table* as a file flow: the form (the table and the outlines picked
//! with the system's dialog or the app's own browser, the plan's name, the year the table
//! describes), the plan made from it, and what the import found. A plan made here is on no
//! disk: it opens as unsaved work (the title says so, quitting asks first), and the room is
//! offered to save it to a file at once. The files are read and checked by `crate::import`.

use super::WorkshopApp;
use super::document::{Dialog, Pending};
use crate::files::folders::Browsing;
use crate::import::LackingInput;
use std::path::Path;

/// A file the form asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFile {
    /// The table of areas (CSV).
    Table,
    /// The areas' outlines (GeoJSON), optional.
    Outlines,
}

impl ImportFile {
    /// The endings of the files it can be.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Table => &["csv", "txt"],
            Self::Outlines => &["geojson", "json"],
        }
    }
}

/// The paths and name typed or picked for *New municipality from table*, and what was wrong
/// with them last time.
#[derive(Clone, Debug, PartialEq)]
pub struct NewMunicipality {
    pub areas: String,
    pub map: String,
    pub name: String,
    /// The year whose 1 January the table describes: this year unless the user says otherwise.
    pub start_year: u16,
    pub problems: Vec<String>,
    /// The file being looked for in the app's own browser (where the system's dialog is not
    /// used), and the folder it is looking in.
    pub browsing: Option<(ImportFile, Browsing)>,
}

impl Default for NewMunicipality {
    fn default() -> Self {
        Self {
            areas: String::new(),
            map: String::new(),
            name: String::new(),
            start_year: crate::import::this_year(),
            problems: Vec::new(),
            browsing: None,
        }
    }
}

impl NewMunicipality {
    /// The path typed or picked for `file`.
    pub fn path_mut(&mut self, file: ImportFile) -> &mut String {
        match file {
            ImportFile::Table => &mut self.areas,
            ImportFile::Outlines => &mut self.map,
        }
    }

    /// Starts the app's own browser for `file`, in the folder of the path already given, else
    /// in the home folder.
    pub fn browse(&mut self, file: ImportFile) {
        let given = Path::new(self.path_mut(file).trim()).parent().filter(|p| p.is_dir()).map(Path::to_owned);
        let start = given.or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_owned()));
        let mut browsing = Browsing::new(file.extensions());
        if let Some(folder) = start {
            browsing.go(&folder);
        }
        self.browsing = Some((file, browsing));
    }
}

/// What a plan just made from a table brings to be told: its name, the file it came from, and
/// the inputs of the list's criteria that estates lacked (each took a default).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub name: String,
    pub table: String,
    pub lacking: Vec<LackingInput>,
}

impl WorkshopApp {
    /// A plan from the table and boundaries named in `form`, opened as unsaved work (after the
    /// open plan's unsaved changes are asked about); on problems, the form comes back with
    /// them listed and the open plan stays.
    pub fn new_municipality(&mut self, form: &NewMunicipality) {
        let read = |path: &str| crate::import::read_input(Path::new(path.trim()));
        let file_name = |path: &str| {
            Path::new(path.trim()).file_name().map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
        };
        let map_path = Some(form.map.trim()).filter(|m| !m.is_empty());
        let texts = read(&form.areas).and_then(|areas| Ok((areas, map_path.map(read).transpose()?)));
        let areas_name = file_name(&form.areas);
        let result = texts.map_err(|e| vec![e]).and_then(|(areas, map)| {
            let map_name = map_path.map(file_name);
            let name = if form.name.trim().is_empty() {
                self.tr().t("plan.new_name").to_owned()
            } else {
                form.name.trim().to_owned()
            };
            let sources = crate::import::Sources {
                areas_name: &areas_name,
                areas: &areas,
                map: map_name.as_deref().zip(map.as_deref()),
                name: &name,
                start_year: form.start_year,
            };
            let imported = crate::import::plan_from_table(&sources)
                .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>())?;
            let problems = imported.plan.validate(&self.session.library().table);
            if problems.is_empty() { Ok(imported) } else { Err(problems.iter().map(ToString::to_string).collect()) }
        });
        match result {
            Ok(imported) => {
                let report =
                    ImportReport { name: imported.plan.name.clone(), table: areas_name, lacking: imported.lacking };
                self.document.dialog = None;
                self.request(Pending::Imported(Box::new((imported.plan, report))));
            }
            Err(problems) => {
                self.document.dialog =
                    Some(Dialog::NewMunicipality(NewMunicipality { problems, browsing: None, ..form.clone() }));
            }
        }
    }

    /// A file picked for the form (by the system's dialog or the app's browser): it fills the
    /// form's field, and the browser closes.
    pub fn import_file_picked(&mut self, file: ImportFile, path: &Path) {
        if let Some(Dialog::NewMunicipality(form)) = &mut self.document.dialog {
            *form.path_mut(file) = path.display().to_string();
            form.browsing = None;
        }
    }
}
