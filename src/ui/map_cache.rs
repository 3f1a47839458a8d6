//! What the map derives from one version of the plan at one year — where institutions stand,
//! district profiles, how many areas each district has, the names and tags to place, each
//! area's colour and value — worked out once per plan generation, year, indicator and
//! language and kept in egui's memory, so that a frame of a thousand-area map only paints.

use super::map::MapView;
use super::map_labels::{self, TagText};
use crate::app::{MapIndicator, places};
use crate::i18n::Language;
use crate::map::{PlanMap, indicator};
use egui::Color32;
use std::collections::HashMap;
use std::sync::Arc;

/// The fill of an area the projection has nothing for.
const NO_DATA: Color32 = Color32::from_gray(225);

/// What the facts were derived from. The map is held, not only compared by address, so that
/// a new map cannot take the old one's place in memory and pass for it.
#[derive(Clone)]
struct Key {
    map: Arc<PlanMap>,
    generation: u64,
    year: u16,
    indicator: MapIndicator,
    language: Language,
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.map, &other.map)
            && (self.generation, self.year, self.indicator, self.language)
                == (other.generation, other.year, other.indicator, other.language)
    }
}

/// The map's facts for one plan generation, year, indicator and language.
pub struct Facts {
    key: Key,
    pub places: places::PlacesAt,
    /// District id → its index in the municipality.
    pub district_index: HashMap<String, usize>,
    /// How many areas each district has, in the municipality's order.
    pub members: Vec<usize>,
    /// The area names as shown (name, short name).
    pub names: Vec<(String, String)>,
    /// Which areas are estates (the list judges them): their names are the last to give way.
    pub estates: Vec<bool>,
    /// Each district's tag, or `None` where it has none.
    pub tags: Vec<Option<TagText>>,
    /// How many institution icons each district holds.
    pub icons: Vec<usize>,
    /// A hash of the names, and one of the tags and icons: the laid-out map keys on them.
    pub names_hash: u64,
    pub places_hash: u64,
    /// Each area's fill colour and the value under its name (empty where values are not shown).
    pub colours: Vec<Color32>,
    pub values: Vec<String>,
}

/// The facts for this view, from memory when the plan, year, indicator and language are the
/// ones they were derived for.
pub fn facts(ui: &egui::Ui, salt: &str, view: &MapView<'_>) -> Arc<Facts> {
    let key = Key {
        map: Arc::clone(view.map),
        generation: view.generation,
        year: view.year,
        indicator: view.indicator,
        language: view.tr.language,
    };
    let id = ui.scope_id().with(("map_facts", salt));
    let cached: Option<Arc<Facts>> = ui.ctx().data(|d| d.get_temp(id));
    if let Some(facts) = cached.filter(|f| f.key == key) {
        return facts;
    }
    let facts = Arc::new(derive(key, view));
    ui.ctx().data_mut(|d| d.insert_temp(id, Arc::clone(&facts)));
    facts
}

fn derive(key: Key, view: &MapView<'_>) -> Facts {
    let m = &view.plan.municipality;
    let places = places::places_at(view.projection, view.year);
    let district_index: HashMap<String, usize> =
        m.districts.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect();
    let mut members = vec![0_usize; m.districts.len()];
    for area in &m.areas {
        if let Some(&d) = district_index.get(&area.district) {
            members[d] += 1;
        }
    }
    let mut icons = vec![0_usize; m.districts.len()];
    for district in places.institutions.values() {
        if let Some(&d) = district_index.get(district) {
            icons[d] += 1;
        }
    }
    let tags: Vec<Option<TagText>> = m
        .districts
        .iter()
        .zip(&members)
        .map(|(d, count)| {
            let badge = places.profiles.get(&d.id).map(|p| crate::words::profile_name(view.tr, m, p));
            match (count, badge) {
                (0, _) | (1, None) => None,
                // A district of one area: the area shows the name, the tag only the badge.
                (1, Some(badge)) => Some(TagText { name: badge, short: String::new(), badge: None }),
                (_, badge) => Some(TagText { name: d.name.clone(), short: d.short_name.clone(), badge }),
            }
        })
        .collect();
    let names: Vec<(String, String)> = m.areas.iter().map(|a| (a.name.clone(), a.short_name.clone())).collect();
    let estates = m.areas.iter().map(|a| a.kind == crate::model::AreaKind::Estate).collect();
    let (colours, values) = looks(view);
    let names_hash = hash_of(&names);
    let places_hash = hash_of((&tags, &icons));
    Facts {
        key,
        places,
        district_index,
        members,
        names,
        estates,
        tags,
        icons,
        names_hash,
        places_hash,
        colours,
        values,
    }
}

fn hash_of(value: impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Each area's fill colour, and the value under its name where the map has room for values.
fn looks(view: &MapView<'_>) -> (Vec<Color32>, Vec<String>) {
    let m = &view.plan.municipality;
    let Some(y) = view.projection.year_index(view.year) else {
        return (vec![NO_DATA; m.areas.len()], vec![String::new(); m.areas.len()]);
    };
    let values = indicator::values(view.projection, y, view.indicator);
    let with_values = m.areas.len() <= map_labels::MAX_OUTSIDE_LABELS;
    (0..m.areas.len())
        .map(|i| {
            let at = view.projection.areas.get(i).filter(|a| a.id == m.areas[i].id).map(|a| &a.years[y]);
            at.map_or((NO_DATA, String::new()), |at| {
                let value = values.get(i).copied().flatten();
                let [r, g, b] = indicator::colour(view.indicator, value, at);
                let text =
                    if with_values { indicator::value_text(view.tr, view.indicator, value, at) } else { String::new() };
                (Color32::from_rgb(r, g, b), text)
            })
        })
        .unzip()
}
