//! What changes when a plan of an older format opens. Formats 1 → 2 → 3 only added fields (the
//! change log, comments), which start empty. Format 3 → 4: an area's one `income_level` gave way
//! to 2016 seeds of education and income that the residents then carry, published series of the
//! held inputs and their sources; and `score.almen_family_cap` became the law's number in the
//! rule sets; and the profile catalogue's strengths were re-set from evidence. An old plan's
//! areas that the shipped baseline also has take the baseline's seeds (the same estates, the
//! same evidence), and its catalogue profiles that still hold the old catalogue's strength take
//! the new one; other areas and profiles the room set itself are kept. Format 5 → 6: the
//! shipped estates' 2016 split of residents and their education and income seeds were set anew
//! from the published lists, as the replay of 2016–2025 requires; an old plan whose estate still
//! holds the format-5 shipped figures takes the baseline's, so it compares with the shipped
//! Basisforløb like with like. Figures a room changed are kept.

use super::assumptions::is_retired_key;
use super::map::MapSource;
use super::place::{Municipality, Profile};
use super::plan::{Baseline, Plan};

/// The catalogue's profile strengths up to format 3.
const FORMAT_3_STRENGTHS: [(&str, f64); 9] = [
    ("kultur", 0.2),
    ("viden", 0.2),
    ("ivaerksaetter", 0.15),
    ("science", 0.15),
    ("sport", 0.12),
    ("groen", 0.12),
    ("familie", 0.1),
    ("erhverv", 0.08),
    ("senior", 0.06),
];

/// The held inputs the shipped baseline gave its estates up to format 3, as
/// (id, convicted share, non-Western share): an old plan that still holds them takes the
/// baseline's current held inputs whole.
const FORMAT_3_HELD: [(&str, f64, f64); 3] =
    [("taastrupgaard", 0.022, 0.63), ("gadehavegaard", 0.021, 0.56), ("charlotteager", 0.018, 0.55)];

/// The shipped estates' 2016 residents (children, employed, in education, outside work,
/// seniors) and education and income seeds up to format 5.
const FORMAT_5_ESTATES: [(&str, [f64; 5], f64, f64); 3] = [
    ("taastrupgaard", [828.0, 694.0, 160.0, 801.0, 187.0], 0.75, 0.5),
    ("gadehavegaard", [474.0, 646.0, 172.0, 667.0, 194.0], 0.58, 0.53),
    ("charlotteager", [474.0, 509.0, 123.0, 509.0, 140.0], 0.59, 0.58),
];

/// Brings a format-5 plan to format 6: a plan on Høje-Taastrup's shipped map is compared with the
/// Basisforløb 2016, as every plan was then (another municipality's, made from its table, with
/// its own start); its untouched shipped estates take the 2016 figures of format 6, given the
/// shipped baseline.
pub fn to_format_6(plan: &mut Plan, shipped: Option<&Municipality>) {
    if plan.municipality.map == MapSource::Shipped(super::map::HOEJE_TAASTRUP_MAP.to_owned()) {
        plan.baseline = Baseline::Shipped("basisforloeb-2016.ron".to_owned());
    }
    for area in &mut plan.municipality.areas {
        let Some(known) = shipped.and_then(|m| m.area(&area.id)) else { continue };
        let Some((_, residents, basic, income)) = FORMAT_5_ESTATES.iter().find(|(id, ..)| *id == area.id) else {
            continue;
        };
        let r = &area.residents;
        let untouched = [r.children, r.employed, r.in_education, r.outside_work, r.seniors] == *residents;
        let seeds = (area.held.basic_schooling_2016, area.held.income_2016);
        let old_seeds = seeds == (Some(*basic), Some(*income));
        let current_seeds = seeds == (known.held.basic_schooling_2016, known.held.income_2016);
        if untouched && (old_seeds || current_seeds) {
            area.residents = known.residents;
            area.held = known.held.clone();
        }
    }
}

/// Brings a format-3 plan's held inputs, profiles and assumptions to format 4, given the
/// shipped baseline and profile catalogue.
pub fn to_format_4(plan: &mut Plan, shipped: Option<&Municipality>) {
    for profile in &mut plan.municipality.profiles {
        let old = FORMAT_3_STRENGTHS.iter().find(|(id, _)| *id == profile.id).map(|(_, s)| *s);
        let current: Option<&Profile> = shipped.and_then(|m| m.profile(&profile.id));
        if let (Some(old), Some(current)) = (old, current)
            && profile.strength == old
        {
            profile.strength = current.strength;
            profile.source.clone_from(&current.source);
        }
    }
    for area in &mut plan.municipality.areas {
        area.held.income_level = None;
        let Some(known) = shipped.and_then(|m| m.area(&area.id)) else { continue };
        let held = &area.held;
        let untouched = FORMAT_3_HELD.iter().any(|(id, convicted, non_western)| {
            *id == area.id && held.convicted_share == *convicted && held.non_western_share == *non_western
        });
        if untouched && held.basic_schooling_2016.is_none() && held.income_2016.is_none() {
            area.held = known.held.clone();
        }
    }
    plan.assumptions.retain(|key, _| !is_retired_key(key));
}
