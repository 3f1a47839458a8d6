//! The projection as JSON and CSV for scripts. The JSON keys are a contract (see README):
//! shares are fractions 0–1, counts are numbers; keys may be added, never renamed.

use crate::bands::{self, Bands, Exit};
use crate::model::{Group, Tenure};
use crate::sim::{
    AreaSeries, AreaYear, CriterionResult, LedgerYear, MAX_CRITERIA, MunicipalityYear, Projection, ScoreYear,
};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::io::Write;

/// Writes the projection as the JSON document `by-i-balance project --format json` prints,
/// with the bands if given, pretty-printed and ending in a newline. Written
/// as it is made: no document is built in memory first. The keys of every object come in
/// sorted order, as they always have.
pub fn write_projection_json(out: &mut dyn Write, p: &Projection, bands: Option<&Bands>) -> std::io::Result<()> {
    let document = Document {
        areas: Seq(|| p.areas.iter().enumerate().map(move |(i, a)| area(a, bands.map(|b| (b, i))))),
        bands: bands.map(|b| BandsDoc {
            percentiles: [10, 90],
            runs: b.runs,
            seed: bands::SEED,
            tornado: b.tornado.iter().map(tornado_bar).collect(),
            tornado_year: bands::TORNADO_YEAR,
        }),
        ledger: Seq(|| p.ledger.iter().map(ledger)),
        municipality: MunicipalityDoc { years: Seq(|| p.municipality.iter().map(municipality)) },
        plan: &p.plan,
        rules: p.rules.key(),
        score: Seq(|| {
            p.score.iter().enumerate().map(move |(i, s)| {
                let band = bands.and_then(|b| b.score_low.get(i).zip(b.score_high.get(i)));
                score(s, band)
            })
        }),
        years: &p.years,
    };
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    document.serialize(&mut serializer)?;
    out.write_all(b"\n")
}

/// A sequence written as it is made, without collecting it first.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: IntoIterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// Numbers by key (homes by tenure, persons by group), in sorted key order.
struct ByKey<const N: usize>([(&'static str, f64); N]);

impl<const N: usize> ByKey<N> {
    fn sorted(mut pairs: [(&'static str, f64); N]) -> Self {
        pairs.sort_unstable_by_key(|(key, _)| *key);
        Self(pairs)
    }
}

impl<const N: usize> Serialize for ByKey<N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(N))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

fn tenures(values: &crate::model::PerTenure<f64>) -> ByKey<6> {
    ByKey::sorted(Tenure::ALL.map(|t| (t.key(), values[t])))
}

fn groups(values: &crate::model::PerGroup<f64>) -> ByKey<5> {
    ByKey::sorted(Group::ALL.map(|g| (g.key(), values[g])))
}

// The document's objects. Fields are in sorted order: that is the order of the keys.

#[derive(Serialize)]
struct Document<'a, A, L, M, S> {
    areas: A,
    #[serde(skip_serializing_if = "Option::is_none")]
    bands: Option<BandsDoc<'a>>,
    ledger: L,
    municipality: MunicipalityDoc<M>,
    plan: &'a str,
    rules: &'static str,
    score: S,
    years: &'a [u16],
}

/// How the bands were drawn, when `--bands` adds them, and the assumptions that move the score
/// most (the tornado: each at its low and its high end, the others at their values).
#[derive(Serialize)]
struct BandsDoc<'a> {
    percentiles: [u32; 2],
    runs: usize,
    seed: u64,
    tornado: Vec<TornadoDoc<'a>>,
    tornado_year: u16,
}

#[derive(Serialize)]
struct TornadoDoc<'a> {
    key: &'a str,
    score_at_high: f64,
    score_at_low: f64,
}

fn tornado_bar(bar: &bands::TornadoBar) -> TornadoDoc<'_> {
    TornadoDoc { key: &bar.key, score_at_high: bar.score_at_high, score_at_low: bar.score_at_low }
}

/// With the bands, an estate's year across the runs: each criterion as the list judges it and
/// the residents as (10th, 90th percentile), and the share of runs in each category.
#[derive(Serialize)]
struct EstateBandDoc {
    basic_schooling: [f64; 2],
    categories: std::collections::BTreeMap<&'static str, f64>,
    convicted: [f64; 2],
    income: [f64; 2],
    outside_work: [f64; 2],
    residents: [f64; 2],
}

#[derive(Serialize)]
struct MunicipalityDoc<M> {
    years: M,
}

#[derive(Serialize)]
struct AreaDoc<'a, Y> {
    district: &'a str,
    id: &'a str,
    kind: &'static str,
    /// With the bands, for estates.
    #[serde(skip_serializing_if = "Option::is_none")]
    list_exit: Option<ExitDoc>,
    name: &'a str,
    years: Y,
}

#[derive(Serialize)]
struct ExitDoc {
    #[serde(skip_serializing_if = "Option::is_none")]
    earliest: Option<u16>,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    latest: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    share: Option<f64>,
}

#[derive(Serialize)]
struct AreaYearDoc<'a> {
    almen_family_share_168a: f64,
    awaiting_rehousing: f64,
    basic_schooling_share: f64,
    category: &'static str,
    consecutive_years: u32,
    convicted_share: f64,
    criteria_met: arrayvec::ArrayVec<&'a str, MAX_CRITERIA>,
    employment_share: f64,
    homes: ByKey<6>,
    income_ratio: f64,
    left_municipality: f64,
    listed: bool,
    /// With the bands, for estates: the share of runs in which the estate is listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    listed_share: Option<f64>,
    /// With the bands, for estates: its criteria, residents and categories across the runs.
    #[serde(skip_serializing_if = "Option::is_none")]
    bands: Option<EstateBandDoc>,
    excluded_need: f64,
    newcomers: ByKey<5>,
    non_western_share: f64,
    outside_work_share: f64,
    rehoused_in: f64,
    rehoused_out: f64,
    residents: ByKey<5>,
    segregation_points: f64,
    share_168a_parts: Share168aDoc,
    year: u16,
}

#[derive(Serialize)]
struct Share168aDoc {
    almen_family: f64,
    demolished_counted: f64,
    floor_space_homes: f64,
    homes: f64,
}

#[derive(Serialize)]
struct MunicipalityYearDoc {
    almen_share: f64,
    awaiting_rehousing: f64,
    excluded_need: f64,
    homes: f64,
    left_municipality: f64,
    outside_work_share: f64,
    residents: f64,
    year: u16,
}

#[derive(Serialize)]
struct ScoreDoc {
    components: ComponentsDoc,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    low: Option<f64>,
    total: f64,
    year: u16,
}

#[derive(Serialize)]
struct ComponentsDoc {
    housing_need: f64,
    list: f64,
    school_mix: f64,
    segregation: f64,
    tenure_mix: f64,
}

#[derive(Serialize)]
struct LedgerDoc {
    births: f64,
    deaths: f64,
    displaced: f64,
    effort_moves: f64,
    left: f64,
    moved_in: f64,
    moved_out: f64,
    need: crate::sim::NeedLedger,
    rehoused: f64,
    year: u16,
}

/// An area over the years; with the bands (and the area's position), an estate's listed share
/// per year and its exit from the list.
fn area<'a>(a: &'a AreaSeries, bands: Option<(&'a Bands, usize)>) -> AreaDoc<'a, impl Serialize + 'a> {
    let bands = bands.filter(|_| a.kind == crate::model::AreaKind::Estate);
    let shares = bands.and_then(|(b, i)| b.listed_share.get(i));
    let estate = bands.and_then(|(b, i)| b.estates.iter().find(|e| e.area == i));
    AreaDoc {
        district: &a.district,
        id: &a.id,
        kind: a.kind.key(),
        list_exit: bands.and_then(|(b, i)| b.exits.get(i)).map(exit),
        name: &a.name,
        years: Seq(move || {
            a.years.iter().enumerate().map(move |(k, y)| {
                let mut doc = area_year(y, a.criteria.in_year(k), shares.and_then(|s| s.get(k)).copied());
                doc.bands = estate.map(|e| estate_band(e, k));
                doc
            })
        }),
    }
}

/// An estate's year `k` across the runs.
fn estate_band(e: &bands::EstateBands, k: usize) -> EstateBandDoc {
    use crate::model::Indicator;
    let band =
        |indicator: Indicator| e.criteria.get(k).map_or([0.0; 2], |c| [c[indicator.index()].0, c[indicator.index()].1]);
    EstateBandDoc {
        basic_schooling: band(Indicator::BasicSchooling),
        categories: e
            .categories
            .get(k)
            .map(|c| c.iter().map(|(cat, share)| (cat.key(), *share)).collect())
            .unwrap_or_default(),
        convicted: band(Indicator::Convicted),
        income: band(Indicator::Income),
        outside_work: band(Indicator::OutsideWork),
        residents: e.residents.get(k).map_or([0.0; 2], |r| [r.0, r.1]),
    }
}

fn exit(exit: &Exit) -> ExitDoc {
    let none = ExitDoc { earliest: None, kind: "not_listed", latest: None, share: None };
    match *exit {
        Exit::NotListed => none,
        Exit::Leaves { earliest, latest, share } => {
            ExitDoc { earliest: Some(earliest), kind: "leaves", latest: Some(latest), share: Some(share) }
        }
        Exit::StaysListed { share } => ExitDoc { kind: "stays_listed", share: Some(share), ..none },
    }
}

fn area_year<'a>(y: &'a AreaYear, criteria: &'a [CriterionResult], listed_share: Option<f64>) -> AreaYearDoc<'a> {
    let i = &y.indicators;
    let parts = &y.share_168a_parts;
    AreaYearDoc {
        almen_family_share_168a: y.almen_family_share_168a,
        awaiting_rehousing: y.awaiting_rehousing,
        basic_schooling_share: i.basic_schooling_share,
        category: y.status.category.key(),
        consecutive_years: y.status.consecutive_years,
        convicted_share: i.convicted_share,
        // Criteria count only for estates the rule set judges.
        criteria_met: if y.status.judged {
            criteria.iter().filter(|c| c.met).map(|c| &*c.id).collect()
        } else {
            arrayvec::ArrayVec::new()
        },
        employment_share: i.employment_share,
        homes: tenures(&y.homes),
        income_ratio: i.income_ratio,
        left_municipality: y.left_municipality,
        listed: y.status.listed,
        listed_share,
        bands: None,
        excluded_need: y.excluded_need,
        newcomers: groups(&y.newcomers),
        non_western_share: i.non_western_share,
        outside_work_share: i.outside_work_share,
        rehoused_in: y.rehoused_in,
        rehoused_out: y.rehoused_out,
        residents: groups(&y.residents),
        segregation_points: y.segregation_points,
        share_168a_parts: Share168aDoc {
            almen_family: parts.almen_family,
            demolished_counted: parts.demolished_counted,
            floor_space_homes: parts.floor_space_homes,
            homes: parts.homes,
        },
        year: y.year,
    }
}

fn municipality(m: &MunicipalityYear) -> MunicipalityYearDoc {
    MunicipalityYearDoc {
        almen_share: m.almen_share,
        awaiting_rehousing: m.awaiting_rehousing,
        excluded_need: m.excluded_need,
        homes: m.homes,
        left_municipality: m.left_municipality,
        outside_work_share: m.outside_work_share,
        residents: m.residents,
        year: m.year,
    }
}

/// A year's score; with the bands, its 10th and 90th percentiles.
fn score(s: &ScoreYear, band: Option<(&f64, &f64)>) -> ScoreDoc {
    let c = &s.components;
    ScoreDoc {
        components: ComponentsDoc {
            housing_need: c.housing_need,
            list: c.list,
            school_mix: c.school_mix,
            segregation: c.segregation,
            tenure_mix: c.tenure_mix,
        },
        high: band.map(|(_, high)| *high),
        low: band.map(|(low, _)| *low),
        total: s.total,
        year: s.year,
    }
}

fn ledger(l: &LedgerYear) -> LedgerDoc {
    LedgerDoc {
        births: l.births,
        deaths: l.deaths,
        displaced: l.displaced,
        effort_moves: l.effort_moves,
        left: l.left,
        moved_in: l.moved_in,
        moved_out: l.moved_out,
        need: l.need,
        rehoused: l.rehoused,
        year: l.year,
    }
}

/// Text from a plan as a spreadsheet cell: a cell that starts with `=`, `+`, `-`, `@`, a tab or
/// a carriage return would be read as a formula by Excel or LibreOffice (formula injection),
/// so it gets a leading `'`, which the spreadsheet shows as text. Numbers are written as
/// numbers and never pass through here.
pub fn text_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

/// A CSV document built row by row with the `csv` crate (quoting where a field needs it).
pub fn csv_document(write_rows: impl FnOnce(&mut csv::Writer<Vec<u8>>) -> csv::Result<()>) -> Result<String, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    write_rows(&mut writer).map_err(|e| format!("cannot make the table: {e}"))?;
    let bytes = writer.into_inner().map_err(|e| format!("cannot make the table: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("cannot make the table: {e}"))
}

/// One row per area and year, shares as fractions.
pub fn projection_csv(p: &Projection) -> Result<String, String> {
    let mut header: Vec<String> =
        ["plan", "rules", "area", "name", "kind", "district", "year"].iter().map(|h| (*h).to_owned()).collect();
    header.extend(Tenure::ALL.iter().map(|t| format!("homes_{}", t.key())));
    header.extend(Group::ALL.iter().map(|g| format!("residents_{}", g.key())));
    header.extend(
        [
            "outside_work_share",
            "basic_schooling_share",
            "income_ratio",
            "convicted_share",
            "non_western_share",
            "listed",
            "category",
            "almen_family_share_168a",
            "score_total",
        ]
        .iter()
        .map(|h| (*h).to_owned()),
    );
    let plan = text_cell(&p.plan);
    csv_document(|w| {
        w.write_record(&header)?;
        for a in &p.areas {
            let (id, name, district) = (text_cell(&a.id), text_cell(&a.name), text_cell(&a.district));
            for (y, score) in a.years.iter().zip(&p.score) {
                let mut row: Vec<String> = vec![
                    plan.clone(),
                    p.rules.key().to_owned(),
                    id.clone(),
                    name.clone(),
                    a.kind.key().to_owned(),
                    district.clone(),
                    y.year.to_string(),
                ];
                row.extend(Tenure::ALL.iter().map(|t| y.homes[*t].to_string()));
                row.extend(Group::ALL.iter().map(|g| format!("{:.3}", y.residents[*g])));
                let i = &y.indicators;
                row.extend([
                    format!("{:.5}", i.outside_work_share),
                    format!("{:.5}", i.basic_schooling_share),
                    format!("{:.5}", i.income_ratio),
                    format!("{:.5}", i.convicted_share),
                    format!("{:.5}", i.non_western_share),
                    y.status.listed.to_string(),
                    y.status.category.key().to_owned(),
                    format!("{:.5}", y.almen_family_share_168a),
                    format!("{:.3}", score.total),
                ]);
                w.write_record(&row)?;
            }
        }
        Ok(())
    })
}

/// RGBA pixels (row by row, 4 bytes each) as a PNG file.
pub fn encode_png(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(rgba).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(bytes)
}
