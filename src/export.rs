//! The projection as JSON and CSV for scripts. The JSON keys are a contract (see README):
//! shares are fractions 0–1, counts are numbers; keys may be added, never renamed.

use crate::model::{Group, Tenure};
use crate::sim::{AreaYear, Projection};
use serde_json::{Map, Value, json};

fn tenure_map(year: &AreaYear) -> Value {
    Value::Object(Tenure::ALL.iter().map(|t| (t.key().to_owned(), json!(year.homes[*t]))).collect::<Map<_, _>>())
}

fn group_map(year: &AreaYear) -> Value {
    Value::Object(Group::ALL.iter().map(|g| (g.key().to_owned(), json!(year.residents[*g]))).collect::<Map<_, _>>())
}

/// The projection as the JSON document `by-i-balance project --format json` prints.
pub fn projection_json(p: &Projection) -> Value {
    let areas: Vec<Value> = p
        .areas
        .iter()
        .map(|a| {
            let years: Vec<Value> = a
                .years
                .iter()
                .map(|y| {
                    // Criteria count only for estates the rule set judges.
                    let met: Vec<&str> = if y.status.judged {
                        y.status.criteria.iter().filter(|c| c.met).map(|c| &*c.id).collect()
                    } else {
                        Vec::new()
                    };
                    json!({
                        "year": y.year,
                        "homes": tenure_map(y),
                        "residents": group_map(y),
                        "outside_work_share": y.indicators.outside_work_share,
                        "employment_share": y.indicators.employment_share,
                        "basic_schooling_share": y.indicators.basic_schooling_share,
                        "income_ratio": y.indicators.income_ratio,
                        "convicted_share": y.indicators.convicted_share,
                        "non_western_share": y.indicators.non_western_share,
                        "criteria_met": met,
                        "listed": y.status.listed,
                        "category": y.status.category.key(),
                        "consecutive_years": y.status.consecutive_years,
                        "almen_family_share_168a": y.almen_family_share_168a,
                        "share_168a_parts": {
                            "almen_family": y.share_168a_parts.almen_family,
                            "homes": y.share_168a_parts.homes,
                            "demolished_counted": y.share_168a_parts.demolished_counted,
                            "floor_space_homes": y.share_168a_parts.floor_space_homes,
                        },
                        "left_municipality": y.left_municipality,
                        "awaiting_rehousing": y.awaiting_rehousing,
                        "rehoused_in": y.rehoused_in,
                        "rehoused_out": y.rehoused_out,
                        "segregation_points": y.segregation_points,
                        "newcomers": Group::ALL.iter().map(|g| (g.key().to_owned(), json!(y.newcomers[*g])))
                            .collect::<Map<_, _>>(),
                    })
                })
                .collect();
            json!({"id": a.id, "name": a.name, "kind": a.kind.key(), "district": a.district, "years": years})
        })
        .collect();
    let municipality: Vec<Value> = p
        .municipality
        .iter()
        .map(|m| {
            json!({"year": m.year, "homes": m.homes, "residents": m.residents, "almen_share": m.almen_share,
                   "outside_work_share": m.outside_work_share, "left_municipality": m.left_municipality,
                   "awaiting_rehousing": m.awaiting_rehousing})
        })
        .collect();
    let score: Vec<Value> = p
        .score
        .iter()
        .map(|s| {
            json!({"year": s.year, "total": s.total, "components": {
                "list": s.components.list, "segregation": s.components.segregation,
                "tenure_mix": s.components.tenure_mix, "school_mix": s.components.school_mix}})
        })
        .collect();
    let ledger: Vec<Value> = p
        .ledger
        .iter()
        .map(|l| {
            json!({"year": l.year, "displaced": l.displaced, "rehoused": l.rehoused, "left": l.left,
                   "births": l.births, "deaths": l.deaths, "moved_in": l.moved_in, "moved_out": l.moved_out,
                   "effort_moves": l.effort_moves})
        })
        .collect();
    json!({
        "plan": p.plan,
        "rules": p.rules.key(),
        "years": p.years,
        "areas": areas,
        "municipality": {"years": municipality},
        "score": score,
        "ledger": ledger,
    })
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

/// Adds the bands to the JSON of `project`: per year the score's 10th and 90th percentiles
/// (`low`, `high`), per estate and year the share of runs in which it is listed
/// (`listed_share`), and per estate its exit from the list across the runs (`list_exit`).
pub fn add_bands(json: &mut Value, bands: &crate::bands::Bands) {
    if let Some(scores) = json["score"].as_array_mut() {
        for (score, (low, high)) in scores.iter_mut().zip(bands.score_low.iter().zip(&bands.score_high)) {
            score["low"] = json!(low);
            score["high"] = json!(high);
        }
    }
    json["bands"] = json!({"runs": bands.runs, "seed": crate::bands::SEED, "percentiles": [10, 90]});
    let Some(areas) = json["areas"].as_array_mut() else { return };
    for (area, (shares, exit)) in areas.iter_mut().zip(bands.listed_share.iter().zip(&bands.exits)) {
        if area["kind"] != "estate" {
            continue;
        }
        if let Some(years) = area["years"].as_array_mut() {
            for (year, share) in years.iter_mut().zip(shares) {
                year["listed_share"] = json!(share);
            }
        }
        area["list_exit"] = match exit {
            crate::bands::Exit::NotListed => json!({"kind": "not_listed"}),
            crate::bands::Exit::Leaves { earliest, latest, share } => {
                json!({"kind": "leaves", "earliest": earliest, "latest": latest, "share": share})
            }
            crate::bands::Exit::StaysListed { share } => json!({"kind": "stays_listed", "share": share}),
        };
    }
}
