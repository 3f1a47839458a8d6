//! The workshop report: one self-contained HTML file (no external links; charts embedded as
//! SVG images in data URIs) for the open plan and the pinned variants, for the minutes. It
//! opens in any browser and prints to PDF. Sections, each with a stable `id`: the plans
//! (names and notes), the score over time with the band of 80 % of the runs, the map in 2016
//! and 2030 (coloured by the chosen indicator), the tenure mix with the 40 % line, the residents of
//! the estates, the score and its breakdown, what in each plan makes the difference (the one
//! attribution, as the app shows it), each estate's status at 2025/2030/2040 with its list-exit
//! range and the § 168 a count, the assumptions that move the score most, the assumptions that
//! differ from the shipped ones, the change log and the participants' comments.
//!
//! Written as well-formed XHTML-style markup (every element closed), so a test can parse it.

mod lists;
pub mod map_svg;
mod record;
pub mod svg;

use crate::bands::Bands;
use crate::colours;
use crate::explain::Attribution;
use crate::i18n::Tr;
use crate::model::{AreaKind, Group, MILESTONES, ParamTable, Params, Plan};
use crate::sim::{COMPONENTS, Projection};
use std::fmt::Write;
use svg::{Band, Series, escape};

/// One plan in the report, projected, attributed and banded.
pub struct Variant<'a> {
    pub plan: &'a Plan,
    pub projection: &'a Projection,
    pub params: &'a Params,
    pub attribution: &'a Attribution,
    pub bands: &'a Bands,
}

/// Everything the report is made from.
pub struct ReportInput<'a> {
    /// The open plan first, then the pinned variants.
    pub variants: Vec<Variant<'a>>,
    pub baseline: &'a Projection,
    pub table: &'a ParamTable,
    pub cap: &'a crate::model::AlmenFamilyCap,
    /// When it was made (UTC).
    pub generated: String,
    pub tr: Tr<'a>,
    /// What colours the maps.
    pub indicator: crate::map::MapIndicator,
    /// What the published lists said, shown beside the first plan's projection.
    pub observed: &'a [crate::model::ObservedYear],
}

/// The sections of the report, by id, in order.
pub const SECTIONS: [&str; 12] = [
    "plans",
    "score",
    "map",
    "tenure",
    "residents",
    "breakdown",
    "explain",
    "status",
    "uncertainty",
    "assumptions",
    "changes",
    "comments",
];

/// The year the report's maps and tenure mix look ahead to, beside 2016.
pub const MAP_YEAR: u16 = 2030;

const STYLE: &str = "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#1f2a44;line-height:1.45}\
h1{font-size:1.8em}h2{border-bottom:2px solid #1f2a44;padding-bottom:.2em;margin-top:2em}\
table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #bbb;padding:.25em .6em;text-align:left}\
th{background:#eef}td.num{text-align:right}.listed{color:#b03020;font-weight:bold}.prevention{color:#9a6000;font-weight:bold}.notlisted{color:#1a7f4b}\
img{max-width:100%;height:auto}figure{margin:1em 0}figcaption{font-size:.9em;color:#555}\
@media print{h2{break-before:auto}figure,table{break-inside:avoid}}";

fn image(svg_text: &str, alt: &str) -> String {
    format!(
        r#"<figure><img src="data:image/svg+xml;base64,{}" alt="{}"/><figcaption>{}</figcaption></figure>"#,
        svg::base64(svg_text.as_bytes()),
        escape(alt),
        escape(alt)
    )
}

fn years(p: &Projection) -> Vec<f64> {
    p.years.iter().map(|y| f64::from(*y)).collect()
}

/// Plans one report holds at most: the open plan and the four the app can pin.
pub const MAX_REPORT_PLANS: usize = 5;
/// Areas of all the plans of one report together: each plan is projected, attributed, banded
/// and drawn, so a report at every limit takes some seconds a plan; one plan at the limit, or
/// five of 200 areas, keep within ten.
pub const MAX_REPORT_AREAS: usize = 1_000;

/// Why these plans are too many, or too large together, for one report within seconds, if
/// they are; checked before any work is done.
pub fn too_much_for_one_report(plans: &[Plan]) -> Option<String> {
    if plans.len() > MAX_REPORT_PLANS {
        return Some(format!(
            "a report holds at most {MAX_REPORT_PLANS} plans (the open plan and four variants), not {}",
            plans.len()
        ));
    }
    let areas: usize = plans.iter().map(|p| p.municipality.areas.len()).sum();
    (plans.len() > 1 && areas > MAX_REPORT_AREAS).then(|| {
        format!(
            "these plans have {areas} areas together; one report takes at most {MAX_REPORT_AREAS} (a plan of \
             more is reported on its own), so that it is made within seconds: report fewer plans at a time"
        )
    })
}

/// The report for whole plans, its maps coloured by the share outside work.
pub fn report_for_plans(library: &crate::assets::Library, plans: &[Plan], tr: Tr<'_>) -> Result<String, String> {
    report_for_plans_coloured(library, plans, tr, crate::map::MapIndicator::default())
}

/// The report for whole plans: each is projected with its own assumptions and rule set and
/// explained against its own baseline; the charts' baseline is the first plan's; the maps
/// coloured by `indicator`.
/// The error names what failed.
pub fn report_for_plans_coloured(
    library: &crate::assets::Library,
    plans: &[Plan],
    tr: Tr<'_>,
    indicator: crate::map::MapIndicator,
) -> Result<String, String> {
    let first = plans.first().ok_or("no plan to report on")?;
    if let Some(why) = too_much_for_one_report(plans) {
        return Err(why);
    }
    let shipped_baseline = crate::engine::baseline_for(first).map_err(|e| e.to_string())?;
    let mut resolved = Vec::new();
    for plan in plans {
        let params = Params::resolve(&library.table, &plan.assumptions).map_err(|e| format!("{e} ({})", plan.name))?;
        let projection = crate::sim::project(plan, crate::engine::inputs(library, plan, &params));
        let failed = || format!("the plan could not be explained ({})", plan.name);
        let own_baseline = crate::engine::baseline_for(plan).map_err(|e| e.to_string())?;
        let attribution = crate::engine::attribute(library, plan, &own_baseline, &|| false).ok_or_else(failed)?;
        let bands = crate::bands::bands(library, plan, crate::bands::RUNS, &|| false).ok_or_else(failed)?;
        resolved.push((params, projection, attribution, bands));
    }
    let baseline = crate::engine::aligned_baseline(&shipped_baseline, first);
    let baseline_projection = crate::sim::project(&baseline, crate::engine::inputs(library, &baseline, &resolved[0].0));
    let input = ReportInput {
        variants: plans
            .iter()
            .zip(&resolved)
            .map(|(plan, (params, projection, attribution, bands))| Variant {
                plan,
                projection,
                params,
                attribution,
                bands,
            })
            .collect(),
        baseline: &baseline_projection,
        table: &library.table,
        cap: &library.cap,
        generated: crate::time::now_utc(),
        tr,
        indicator,
        observed: &library.observed,
    };
    Ok(workshop_report(&input))
}

/// The workshop report as one HTML document.
pub fn workshop_report(input: &ReportInput<'_>) -> String {
    let tr = input.tr;
    let lang = match tr.language {
        crate::i18n::Language::Danish => "da",
        crate::i18n::Language::English => "en",
    };
    let title = tr.t("report.title");
    let mut html = String::new();
    let _ = write!(
        html,
        r#"<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"/><title>{}</title><style>{STYLE}</style></head><body><h1>{}</h1><p>{}</p>"#,
        escape(title),
        escape(title),
        escape(&tr.fill("report.generated", &[("time", &crate::time::local_time(&input.generated, tr.language))]))
    );
    plans(&mut html, input);
    score(&mut html, input);
    maps(&mut html, input);
    tenure(&mut html, input);
    residents(&mut html, input);
    breakdown(&mut html, input);
    explanation(&mut html, input);
    lists::status(&mut html, input);
    uncertainty(&mut html, input);
    record::assumptions(&mut html, input);
    record::changes(&mut html, input);
    record::comments(&mut html, input);
    html.push_str("</body></html>\n");
    html
}

pub(super) fn section(html: &mut String, id: &str, heading: &str) {
    let _ = write!(html, r#"<section id="{id}"><h2>{}</h2>"#, escape(heading));
}

fn plans(html: &mut String, input: &ReportInput<'_>) {
    let tr = input.tr;
    section(html, "plans", tr.t("report.plans"));
    for v in &input.variants {
        let _ = write!(html, "<h3>{}</h3>", escape(&v.plan.name));
        if !v.plan.author.is_empty() {
            let _ = write!(html, "<p>{}</p>", escape(&tr.fill("report.author", &[("author", &v.plan.author)])));
        }
        if !v.plan.notes.is_empty() {
            let _ = write!(html, "<p>{}</p>", escape(&tr.shipped(&v.plan.notes)));
        }
        let _ = write!(
            html,
            "<p>{}</p>",
            escape(&tr.fill(
                "report.counts",
                &[
                    ("actions", &v.plan.actions.len().to_string()),
                    ("efforts", &v.plan.efforts.len().to_string()),
                    ("rules", &tr.of("rules", v.plan.rule_set.key())),
                ]
            ))
        );
    }
    votes(html, input);
    html.push_str("</section>");
}

/// The room's dot votes per plan, by table or group, beside the plan's score: the verdict
/// the minutes record.
fn votes(html: &mut String, input: &ReportInput<'_>) {
    let tr = input.tr;
    if input.variants.iter().all(|v| v.plan.votes.is_empty()) {
        return;
    }
    let year = crate::model::MILESTONES[0];
    let _ = write!(
        html,
        "<h3>{}</h3><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        escape(tr.t("votes.row")),
        escape(tr.t("report.plan")),
        escape(&format!("{} {year}", tr.t("compare.score_row"))),
        escape(tr.t("votes.row")),
        escape(tr.t("votes.groups")),
    );
    for v in &input.variants {
        let score = v.projection.score_in(year).map_or_else(|| "–".to_owned(), |s| tr.num(s.total, 1));
        let by_group: Vec<String> = v.plan.votes.iter().map(|x| format!("{}: {}", x.group, x.dots)).collect();
        let _ = write!(
            html,
            r#"<tr><td>{}</td><td class="num">{}</td><td class="num"><strong>{}</strong></td><td>{}</td></tr>"#,
            escape(&v.plan.name),
            escape(&score),
            crate::model::total_dots(&v.plan.votes),
            escape(&by_group.join(" · ")),
        );
    }
    html.push_str("</table>");
}

fn score(html: &mut String, input: &ReportInput<'_>) {
    let tr = input.tr;
    section(html, "score", tr.t("report.score"));
    let mut series: Vec<Series> = input
        .variants
        .iter()
        .enumerate()
        .map(|(i, v)| Series {
            name: v.plan.name.clone(),
            colour: colours::hex(colours::VARIANTS[i % colours::VARIANTS.len()]),
            dashed: false,
            points: years(v.projection).into_iter().zip(v.projection.score.iter().map(|s| s.total)).collect(),
        })
        .collect();
    series.push(Series {
        name: tr.t("series.baseline").to_owned(),
        colour: colours::hex(colours::BASELINE),
        dashed: true,
        points: years(input.baseline).into_iter().zip(input.baseline.score.iter().map(|s| s.total)).collect(),
    });
    let bands: Vec<Band> = input
        .variants
        .iter()
        .enumerate()
        .map(|(i, v)| Band {
            name: format!("{} · {}", v.plan.name, tr.t("series.band")),
            colour: colours::hex(colours::VARIANTS[i % colours::VARIANTS.len()]),
            points: v
                .bands
                .years
                .iter()
                .zip(v.bands.score_low.iter().zip(&v.bands.score_high))
                .map(|(y, (low, high))| (f64::from(*y), *low, *high))
                .collect(),
        })
        .collect();
    let labels = (tr.t("axis.year"), tr.t("axis.score"));
    let chart = svg::line_chart_with_bands(tr.t("report.score"), &series, &bands, (0.0, 100.0), labels);
    html.push_str(&image(&chart, tr.t("report.score_caption")));
    html.push_str("</section>");
}

/// The map in 2016 (the same for every plan) and in 2030 for each plan.
fn maps(html: &mut String, input: &ReportInput<'_>) {
    let tr = input.tr;
    section(html, "map", tr.t("report.map"));
    let Some(first) = input.variants.first() else { return html.push_str("</section>") };
    let indicator = tr.of("indicator", input.indicator.key());
    let drawn = |v: &Variant<'_>, year: u16, caption: &str| {
        let map = crate::map::PlanMap::build(&v.plan.municipality);
        map_svg::map(caption, &map, &v.plan.municipality, v.projection, year, input.indicator, tr)
    };
    let start = first.plan.start_year;
    let caption = tr.fill(
        "report.map_caption",
        &[("year", &start.to_string()), ("indicator", &indicator), ("name", &first.plan.municipality.name)],
    );
    html.push_str(&image(&drawn(first, start, &caption), &caption));
    for v in &input.variants {
        let caption = tr.fill(
            "report.map_caption",
            &[("year", &MAP_YEAR.to_string()), ("indicator", &indicator), ("name", &v.plan.name)],
        );
        html.push_str(&image(&drawn(v, MAP_YEAR, &caption), &caption));
    }
    html.push_str("</section>");
}

/// Each plan's tenure mix in 2030, with the 40 % line.
fn tenure(html: &mut String, input: &ReportInput<'_>) {
    let tr = input.tr;
    section(html, "tenure", tr.t("report.tenure"));
    for v in &input.variants {
        let caption = tr.fill("report.tenure_caption", &[("year", &MAP_YEAR.to_string()), ("name", &v.plan.name)]);
        html.push_str(&image(&map_svg::tenure_mix(&caption, v.projection, MAP_YEAR, tr), &caption));
    }
    html.push_str("</section>");
}

fn residents(html: &mut String, input: &ReportInput<'_>) {
    let tr = input.tr;
    section(html, "residents", tr.t("report.residents"));
    for v in &input.variants {
        let p = v.projection;
        let estates: Vec<_> = p.areas.iter().filter(|a| a.kind == AreaKind::Estate).collect();
        let layers: Vec<Series> = Group::ALL
            .iter()
            .map(|g| Series {
                name: tr.of("group", g.key()),
                colour: colours::hex(colours::group(*g)),
                dashed: false,
                points: (0..p.years.len())
                    .map(|y| (f64::from(p.years[y]), estates.iter().map(|a| a.years[y].residents[*g]).sum()))
                    .collect(),
            })
            .collect();
        let caption = tr.fill("report.residents_caption", &[("name", &v.plan.name)]);
        let chart =
            svg::stacked_areas(&caption, &years(p), &layers, (tr.t("axis.year"), tr.t("axis.residents")), tr.language);
        html.push_str(&image(&chart, &caption));
    }
    html.push_str("</section>");
}

fn breakdown(html: &mut String, input: &ReportInput<'_>) {
    let tr = input.tr;
    section(html, "breakdown", tr.t("report.breakdown"));
    let _ = write!(html, "<p>{}</p>", escape(tr.t("report.breakdown_help")));
    for v in &input.variants {
        let _ = write!(
            html,
            "<h3>{}</h3><table><tr><th>{}</th><th>{}</th>",
            escape(&v.plan.name),
            escape(tr.t("axis.year")),
            escape(tr.t("report.total"))
        );
        for c in COMPONENTS {
            let _ = write!(html, "<th>{}</th>", escape(&tr.of("component", c.key())));
        }
        html.push_str("</tr>");
        for year in MILESTONES {
            let Some(s) = v.projection.score_in(year) else { continue };
            let _ = write!(html, r#"<tr><td>{year}</td><td class="num"><strong>{}</strong></td>"#, tr.num(s.total, 1));
            for c in COMPONENTS {
                let part = c.weight_share(v.params) * c.value(&s.components);
                let _ = write!(html, r#"<td class="num">{}</td>"#, tr.num(part, 1));
            }
            html.push_str("</tr>");
        }
        html.push_str("</table>");
    }
    html.push_str("</section>");
}

/// What in each plan makes the difference at each milestone: the one attribution, rounded
/// once, as the app's *Forklar* and `by-i-balance explain` show it.
fn explanation(html: &mut String, input: &ReportInput<'_>) {
    let tr = input.tr;
    section(html, "explain", tr.t("report.explain"));
    for v in &input.variants {
        let _ = write!(html, "<h3>{}</h3>", escape(&v.plan.name));
        for year in MILESTONES {
            let text = crate::statement::text(v.attribution, v.plan, v.projection, year, tr);
            let mut lines = text.lines();
            if let Some(head) = lines.next() {
                let _ = write!(html, "<p><strong>{}</strong></p><ul>", escape(head));
            }
            for line in lines {
                let _ = write!(html, "<li>{}</li>", escape(line.trim()));
            }
            html.push_str("</ul>");
        }
        for estate in v.projection.areas.iter().filter(|a| a.kind == AreaKind::Estate) {
            let Some(i) = v.projection.year_index(input.cap.deadline_year) else { continue };
            let parts = &estate.years[i].share_168a_parts;
            let text = crate::words::share_168a(tr, parts, input.cap, input.cap.deadline_year);
            let _ = write!(html, "<p>{}: {}</p>", escape(&estate.name), escape(&text));
        }
    }
    html.push_str("</section>");
}

/// The score's band and the assumptions that move each plan's 2030 score most.
fn uncertainty(html: &mut String, input: &ReportInput<'_>) {
    let tr = input.tr;
    section(html, "uncertainty", tr.t("chart_tab.uncertainty"));
    for v in &input.variants {
        let _ = write!(html, "<h3>{}</h3>", escape(&v.plan.name));
        let Some(y) = v.bands.years.iter().position(|y| *y == crate::bands::TORNADO_YEAR) else { continue };
        let summary = tr.fill(
            "uncertainty.summary",
            &[
                ("year", &crate::bands::TORNADO_YEAR.to_string()),
                ("score", &tr.num(v.bands.central[y], 1)),
                ("low", &tr.num(v.bands.score_low[y], 1)),
                ("high", &tr.num(v.bands.score_high[y], 1)),
                ("runs", &v.bands.runs.to_string()),
            ],
        );
        let _ = write!(
            html,
            "<p>{}</p><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
            escape(&summary),
            escape(tr.t("report.assumption")),
            escape(tr.t("uncertainty.at_low")),
            escape(tr.t("uncertainty.at_high"))
        );
        for bar in &v.bands.tornado {
            let _ = write!(
                html,
                r#"<tr><td>{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
                escape(&tr.param_name(&bar.key)),
                tr.num(bar.score_at_low, 1),
                tr.num(bar.score_at_high, 1)
            );
        }
        html.push_str("</table>");
    }
    html.push_str("</section>");
}
