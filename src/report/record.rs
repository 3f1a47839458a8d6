//! The report's record of each plan: the assumptions that differ from the shipped ones (with
//! their sources), the change log read in the report's language, and the participants'
//! comments with who said them, about what and when.

use super::svg::escape;
use super::{ReportInput, section};
use crate::model::CommentTarget;
use std::collections::HashMap;
use std::fmt::Write;

pub(super) fn assumptions(html: &mut String, input: &ReportInput<'_>) {
    let tr = input.tr;
    section(html, "assumptions", tr.t("report.assumptions"));
    for v in &input.variants {
        let _ = write!(html, "<h3>{}</h3>", escape(&v.plan.name));
        if v.plan.assumptions.is_empty() {
            let _ = write!(html, "<p>{}</p>", escape(tr.t("report.no_assumptions")));
            continue;
        }
        let _ = write!(
            html,
            "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            escape(tr.t("report.assumption")),
            escape(tr.t("report.value")),
            escape(tr.t("report.default")),
            escape(tr.t("report.source"))
        );
        for (key, value) in &v.plan.assumptions {
            let def = input.table.get(key);
            let _ = write!(
                html,
                r#"<tr><td>{}</td><td class="num">{}</td><td class="num">{}</td><td>{}</td></tr>"#,
                escape(&tr.param_name(key)),
                tr.num(*value, 3),
                def.map_or_else(String::new, |d| tr.num(d.value, 3)),
                escape(def.map_or("", |d| d.source.as_str()))
            );
        }
        html.push_str("</table>");
    }
    html.push_str("</section>");
}

pub(super) fn changes(html: &mut String, input: &ReportInput<'_>) {
    let tr = input.tr;
    section(html, "changes", tr.t("report.changes"));
    for v in &input.variants {
        let _ = write!(html, "<h3>{}</h3>", escape(&v.plan.name));
        if v.plan.change_log.is_empty() {
            let _ = write!(html, "<p>{}</p>", escape(tr.t("editor.change_log_empty")));
            continue;
        }
        html.push_str("<ol>");
        for entry in &v.plan.change_log {
            let _ = write!(
                html,
                "<li>{} — {}</li>",
                escape(&crate::time::local_time(&entry.time, tr.language)),
                escape(&crate::words::change_entry(tr, &v.plan.municipality, entry))
            );
        }
        html.push_str("</ol>");
    }
    html.push_str("</section>");
}

pub(super) fn comments(html: &mut String, input: &ReportInput<'_>) {
    let tr = input.tr;
    section(html, "comments", tr.t("report.comments"));
    for v in &input.variants {
        let _ = write!(html, "<h3>{}</h3>", escape(&v.plan.name));
        if v.plan.comments.is_empty() {
            let _ = write!(html, "<p>{}</p>", escape(tr.t("comments.none")));
            continue;
        }
        let m = &v.plan.municipality;
        let areas: HashMap<&str, &str> = m.areas.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
        let districts: HashMap<&str, &str> = m.districts.iter().map(|d| (d.id.as_str(), d.name.as_str())).collect();
        html.push_str("<ul>");
        for c in &v.plan.comments {
            let about = match &c.target {
                CommentTarget::Plan => tr.t("comments.about_plan").to_owned(),
                CommentTarget::Area(id) => areas.get(id.as_str()).map_or_else(|| id.clone(), |n| (*n).to_owned()),
                CommentTarget::District(id) => {
                    districts.get(id.as_str()).map_or_else(|| id.clone(), |n| (*n).to_owned())
                }
            };
            let _ = write!(
                html,
                "<li><strong>{}</strong> ({}, {}): {}</li>",
                escape(&c.author),
                escape(&about),
                escape(&crate::time::local_time(&c.time, tr.language)),
                escape(&c.text)
            );
        }
        html.push_str("</ul>");
    }
    html.push_str("</section>");
}
