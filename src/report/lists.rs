//! The report's list section: each estate's status at the milestones and its list-exit range
//! in every variant, and the published lists beside the first plan's projection.

use super::svg::escape;
use super::{ReportInput, section};
use crate::i18n::Tr;
use crate::model::{AreaKind, MILESTONES};
use crate::sim::AreaSeries;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

pub(super) fn status(html: &mut String, input: &ReportInput<'_>) {
    let tr = input.tr;
    section(html, "status", tr.t("report.status"));
    let _ = write!(html, "<table><tr><th>{}</th><th>{}</th>", escape(tr.t("status.estate")), escape(tr.t("axis.year")));
    for v in &input.variants {
        let _ = write!(html, "<th>{}</th>", escape(&v.plan.name));
    }
    html.push_str("</tr>");
    // Each variant's areas by id (with their place), looked up once: the table grows with
    // estates × variants, never with their square.
    let by_id: Vec<HashMap<&str, (usize, &AreaSeries)>> = input
        .variants
        .iter()
        .map(|v| v.projection.areas.iter().enumerate().map(|(i, a)| (a.id.as_str(), (i, a))).collect())
        .collect();
    let mut estates: Vec<(&str, &str)> = Vec::new();
    let mut seen = HashSet::new();
    for v in &input.variants {
        for a in v.projection.areas.iter().filter(|a| a.kind == AreaKind::Estate) {
            if seen.insert(a.id.as_str()) {
                estates.push((a.id.as_str(), a.name.as_str()));
            }
        }
    }
    for (id, name) in estates {
        let _ = write!(html, "<tr><td>{}</td><td>{}</td>", escape(name), escape(tr.t("status.exit")));
        for (v, areas) in input.variants.iter().zip(&by_id) {
            let exit = areas.get(id).and_then(|(i, _)| v.bands.exits.get(*i));
            let _ = write!(html, "<td>{}</td>", escape(&crate::words::exit(tr, exit)));
        }
        html.push_str("</tr>");
        for year in MILESTONES {
            let _ = write!(html, "<tr><td>{}</td><td>{year}</td>", escape(name));
            for (v, areas) in input.variants.iter().zip(&by_id) {
                let status = areas.get(id).and_then(|(_, a)| v.projection.year_index(year).map(|i| a.years[i].status));
                status_cell(html, tr, status.as_ref());
            }
            html.push_str("</tr>");
        }
    }
    html.push_str("</table>");
    official(html, input);
    html.push_str("</section>");
}

/// The published lists beside the first plan's projection of the same year: its status and,
/// where the list's criteria values were found, each value against the projected one.
fn official(html: &mut String, input: &ReportInput<'_>) {
    let (tr, Some(first)) = (input.tr, input.variants.first()) else { return };
    let shown: Vec<_> = input.observed.iter().filter(|o| first.projection.area(&o.area).is_some()).collect();
    if shown.is_empty() {
        return;
    }
    let _ = write!(
        html,
        "<h3>{}</h3><p>{}</p><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        escape(tr.t("report.official_title")),
        escape(&tr.fill("report.official_note", &[("plan", &first.plan.name)])),
        escape(tr.t("status.estate")),
        escape(tr.t("report.official_list")),
        escape(tr.t("report.official_status")),
        escape(&first.plan.name),
        escape(tr.t("report.official_values")),
        escape(tr.t("report.official_source")),
    );
    for o in shown {
        let Some(area) = first.projection.area(&o.area) else { continue };
        let projected = first.projection.year_index(o.year).map(|i| &area.years[i]);
        let official_words = match o.category {
            crate::model::Category::None => tr.t("status.on_no_list").to_owned(),
            category => tr.of("category", category.key()).to_owned(),
        };
        let _ = write!(
            html,
            "<tr><td>{}</td><td>{}</td><td>{}</td>",
            escape(&area.name),
            escape(&list_date(tr, &o.list)),
            escape(&official_words)
        );
        status_cell(html, tr, projected.map(|y| &y.status));
        let values: Vec<String> = crate::model::Indicator::ALL
            .iter()
            .filter_map(|&indicator| {
                let official = o.value(indicator)?;
                let projected = projected.map_or(f64::NAN, |y| y.indicators.value(indicator));
                Some(tr.fill(
                    "report.official_value",
                    &[
                        ("indicator", &tr.of("indicator_name", indicator.key())),
                        ("official", &tr.pct(official, 1)),
                        ("projected", &tr.pct(projected, 1)),
                    ],
                ))
            })
            .collect();
        // Each list's own source, as the research found it (written in English).
        let _ = write!(html, "<td>{}</td><td>{}</td></tr>", escape(&values.join("; ")), escape(&o.source));
    }
    html.push_str("</table>");
}

/// A list's date as the data writes it ("1 December 2023") in the report's language.
fn list_date(tr: Tr<'_>, english: &str) -> String {
    const MONTHS: [(&str, &str); 3] = [("October", "oktober"), ("December", "december"), ("May", "maj")];
    match tr.language {
        crate::i18n::Language::English => english.to_owned(),
        crate::i18n::Language::Danish => {
            let mut words = english.split(' ');
            let (Some(day), Some(month), Some(year)) = (words.next(), words.next(), words.next()) else {
                return english.to_owned();
            };
            let month = MONTHS.iter().find(|(en, _)| *en == month).map_or(month, |(_, da)| da);
            format!("{day}. {month} {year}")
        }
    }
}

fn status_cell(html: &mut String, tr: Tr<'_>, status: Option<&crate::sim::Status>) {
    match status {
        Some(s) => {
            let class = match s.category {
                _ if s.listed => "listed",
                crate::model::Category::Forebyggelse => "prevention",
                _ => "notlisted",
            };
            let _ = write!(html, r#"<td class="{class}">{}</td>"#, escape(&crate::words::status(tr, s)));
        }
        None => html.push_str("<td>–</td>"),
    }
}
