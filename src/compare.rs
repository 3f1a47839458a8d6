//! Plan variants side by side: the score of each over time, each estate's status at 2025, 2030
//! and 2040, the residents of each at a chosen year, and the difference of each to the first
//! variant (absolute and relative). One [`Comparison`] feeds both the app's compare view and
//! `by-i-balance compare`, so the wall and the scripts show the same numbers. Estates are
//! matched by id, never by position: plans may list their areas in any order, or lack one.

use crate::model::{AreaKind, Group, MILESTONES, PerGroup, Vote};
use crate::sim::Projection;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

/// Plans one comparison holds at most (the app's holds five: the open plan and four pinned).
pub const MAX_COMPARED_PLANS: usize = 20;
/// Areas of all the compared plans together: each is held projected while they are compared
/// (some 40 MB for a plan at every limit), so ten such plans keep within a second or five and
/// 500 MB.
pub const MAX_COMPARED_AREAS: usize = 10_000;

/// An estate's status in one variant at one milestone year.
#[derive(Clone, Debug, PartialEq)]
pub struct EstateStatus {
    pub estate: String,
    pub name: String,
    pub year: u16,
    pub listed: bool,
    /// The category key (`none`, `udsat`, `parallelsamfund`, ...).
    pub category: &'static str,
    /// The category itself, for words and colours.
    pub kind: crate::model::Category,
    /// Whether the rule set judges the estate (at least 1,000 residents).
    pub judged: bool,
}

/// One variant in the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct VariantSummary {
    pub name: String,
    /// The balance score per projected year.
    pub score: Vec<f64>,
    /// The score at the comparison's year.
    pub score_in_year: f64,
    /// Score minus the first variant's, in points, at the comparison's year: the difference
    /// of the two scores as shown, to a tenth.
    pub difference: f64,
    /// The same relative to the first variant's score (0.05 = 5 %); 0 if that score is 0.
    pub relative_difference: f64,
    /// Each estate at 2025, 2030 and 2040.
    pub estates: Vec<EstateStatus>,
    /// Where each (estate id, year) is in `estates`.
    by_estate: HashMap<(String, u16), usize>,
    /// Residents of the municipality per group at the comparison's year.
    pub residents: PerGroup<f64>,
    /// The room's dot votes for the variant, by table or group.
    pub votes: Vec<Vote>,
}

impl VariantSummary {
    /// All the dots the room gave the variant.
    pub fn dots(&self) -> u32 {
        crate::model::total_dots(&self.votes)
    }

    /// This variant's status of the estate with the id `estate` at `year`, if it has it.
    pub fn status(&self, estate: &str, year: u16) -> Option<&EstateStatus> {
        self.by_estate.get(&(estate.to_owned(), year)).map(|i| &self.estates[*i])
    }
}

/// An estate in the comparison: its id and name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EstateRow {
    pub id: String,
    pub name: String,
}

/// Several variants, the first being the reference.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub year: u16,
    pub years: Vec<u16>,
    pub variants: Vec<VariantSummary>,
    /// Every estate in any variant, once, in the order first met (the reference's first).
    pub estates: Vec<EstateRow>,
}

/// `score − reference` as the two are shown, each rounded once to a tenth of a point.
fn shown_difference(score: f64, reference: f64) -> f64 {
    #[allow(clippy::cast_precision_loss)] // Tenths of a 0–100 score.
    let tenths = (crate::explain::tenths(score) - crate::explain::tenths(reference)) as f64;
    tenths / 10.0
}

/// Compares named projections, each with the room's votes for it, at `year` (the first is
/// the reference).
pub fn compare(variants: &[(&str, &Projection, &[Vote])], year: u16) -> Comparison {
    let years = variants.first().map(|(_, p, _)| p.years.clone()).unwrap_or_default();
    let score_at = |p: &Projection| p.score_in(year).map_or(0.0, |s| s.total);
    let reference = variants.first().map_or(0.0, |(_, p, _)| score_at(p));
    let summaries = variants
        .iter()
        .map(|(name, p, votes)| {
            let score_in_year = score_at(p);
            // One rounding: the difference of the scores as shown (to a tenth), as `explain`
            // and *Forklar* take it, so the figures agree to the shown digit.
            let difference = shown_difference(score_in_year, reference);
            let estates: Vec<EstateStatus> = p
                .areas
                .iter()
                .filter(|a| a.kind == AreaKind::Estate)
                .flat_map(|a| {
                    MILESTONES.iter().filter_map(move |y| {
                        let status = &a.years[p.year_index(*y)?].status;
                        Some(EstateStatus {
                            estate: a.id.clone(),
                            name: a.name.clone(),
                            year: *y,
                            listed: status.listed,
                            category: status.category.key(),
                            kind: status.category,
                            judged: status.judged,
                        })
                    })
                })
                .collect();
            let by_estate = estates
                .iter()
                .enumerate()
                .map(|(i, e): (usize, &EstateStatus)| ((e.estate.clone(), e.year), i))
                .collect();
            VariantSummary {
                by_estate,
                name: (*name).to_owned(),
                score: p.score.iter().map(|s| s.total).collect(),
                score_in_year,
                difference,
                relative_difference: if reference == 0.0 { 0.0 } else { difference / reference },
                estates,
                residents: p.year_index(year).map(|i| p.municipality[i].residents_by_group).unwrap_or_default(),
                votes: votes.to_vec(),
            }
        })
        .collect::<Vec<VariantSummary>>();
    let mut seen = HashSet::new();
    let estates = summaries
        .iter()
        .flat_map(|v| &v.estates)
        .filter(|e| seen.insert(e.estate.clone()))
        .map(|e| EstateRow { id: e.estate.clone(), name: e.name.clone() })
        .collect();
    Comparison { year, years, variants: summaries, estates }
}

/// The comparison as JSON for scripts: keys may be added, never renamed.
pub fn comparison_json(c: &Comparison) -> Value {
    let variants: Vec<Value> = c
        .variants
        .iter()
        .map(|v| {
            let score: serde_json::Map<String, Value> =
                c.years.iter().zip(&v.score).map(|(y, s)| (y.to_string(), json!(s))).collect();
            let estates: Vec<Value> = v
                .estates
                .iter()
                .map(|e| json!({"id": e.estate, "name": e.name, "year": e.year, "listed": e.listed, "category": e.category}))
                .collect();
            let residents: serde_json::Map<String, Value> =
                Group::ALL.iter().map(|g| (g.key().to_owned(), json!(v.residents[*g]))).collect();
            json!({
                "name": v.name,
                "score": score,
                "score_in_year": v.score_in_year,
                "difference": v.difference,
                "relative_difference": v.relative_difference,
                "estates": estates,
                "residents_in_year": residents,
                "dots": v.dots(),
                "votes": v.votes.iter().map(|x| json!({"group": x.group, "dots": x.dots})).collect::<Vec<Value>>(),
            })
        })
        .collect();
    json!({"year": c.year, "reference": c.variants.first().map(|v| v.name.clone()), "variants": variants})
}

/// The comparison as CSV: one row per variant, a column per estate and milestone year (by id;
/// empty where a variant lacks the estate). Every column name is unique: an estate's columns
/// are `estate_ID_YEAR`, a prefix no other column has, so an estate with the id `score` or
/// `residents_children` cannot repeat another column's name, and two ids never give one name
/// (the year is always the last four digits).
pub fn comparison_csv(c: &Comparison) -> Result<String, String> {
    let year = c.year;
    let mut header: Vec<String> =
        vec!["variant".to_owned(), format!("score_{year}"), "difference".to_owned(), "relative_difference".to_owned()];
    for e in &c.estates {
        header.extend(MILESTONES.iter().map(|y| format!("estate_{}_{y}", e.id)));
    }
    header.extend(Group::ALL.iter().map(|g| format!("residents_{}_{year}", g.key())));
    header.push("dots".to_owned());
    crate::export::csv_document(|w| {
        w.write_record(&header)?;
        for v in &c.variants {
            let mut row = vec![
                crate::export::text_cell(&v.name),
                format!("{:.3}", v.score_in_year),
                format!("{:.1}", v.difference),
                format!("{:.5}", v.relative_difference),
            ];
            for e in &c.estates {
                row.extend(MILESTONES.iter().map(|y| match v.status(&e.id, *y) {
                    Some(s) if s.listed => "listed".to_owned(),
                    Some(s) if s.kind == crate::model::Category::Forebyggelse => "prevention_area".to_owned(),
                    Some(_) => "not_listed".to_owned(),
                    None => String::new(),
                }));
            }
            row.extend(Group::ALL.iter().map(|g| format!("{:.1}", v.residents[*g])));
            row.push(v.dots().to_string());
            w.write_record(&row)?;
        }
        Ok(())
    })
}
