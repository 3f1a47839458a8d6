//! Plan parts in words a citizen can follow: actions, efforts, the parts of an attribution,
//! e.g. "Nedrivning af 188 almene familieboliger i Taastrupgaard (2018)". Used by the editor's
//! timeline, the explanation and the undo history.

use crate::explain::Part;
use crate::i18n::{Language, Tr};
use crate::model::{ActionKind, Effort, Municipality, Plan, PlanEdit, Tenure};

fn area_name<'a>(m: &'a Municipality, id: &'a str) -> &'a str {
    m.area(id).map_or(id, |a| a.name.as_str())
}

fn district_name<'a>(m: &'a Municipality, id: &'a str) -> &'a str {
    m.district(id).map_or(id, |d| d.name.as_str())
}

fn institution_name<'a>(m: &'a Municipality, id: &'a str) -> &'a str {
    m.institution(id).map_or(id, |i| i.name.as_str())
}

/// A profile's name in the language.
pub fn profile_name(tr: Tr<'_>, m: &Municipality, id: &str) -> String {
    m.profile(id).map_or_else(
        || id.to_owned(),
        |p| match tr.language {
            Language::Danish => p.name_da.clone(),
            Language::English => p.name_en.clone(),
        },
    )
}

/// A tenure's name inside a sentence ("almene familieboliger").
pub fn tenure_lower(tr: Tr<'_>, tenure: Tenure) -> String {
    tr.of("tenure", tenure.key()).to_lowercase()
}

/// What an action does, without its year.
pub fn action(tr: Tr<'_>, m: &Municipality, kind: &ActionKind) -> String {
    let count = |c: f64| tr.num(c, 0);
    match kind {
        ActionKind::Demolish { area, tenure, count: c } => tr.fill(
            "action.demolish",
            &[("count", &count(*c)), ("tenure", &tenure_lower(tr, *tenure)), ("area", area_name(m, area))],
        ),
        ActionKind::Build { area, tenure, count: c, over_years } => {
            let text = tr.fill(
                "action.build",
                &[("count", &count(*c)), ("tenure", &tenure_lower(tr, *tenure)), ("area", area_name(m, area))],
            );
            if *over_years > 1 {
                format!("{text} {}", tr.fill("action.over_years", &[("years", &over_years.to_string())]))
            } else {
                text
            }
        }
        ActionKind::Sell { area, count: c } => {
            tr.fill("action.sell", &[("count", &count(*c)), ("area", area_name(m, area))])
        }
        ActionKind::Convert { area, from, to, count: c } => tr.fill(
            "action.convert",
            &[
                ("count", &count(*c)),
                ("from", &tenure_lower(tr, *from)),
                ("to", &tenure_lower(tr, *to)),
                ("area", area_name(m, area)),
            ],
        ),
        ActionKind::Merge { area, tenure, count: c } => tr.fill(
            "action.merge",
            &[("count", &count(*c)), ("tenure", &tenure_lower(tr, *tenure)), ("area", area_name(m, area))],
        ),
        ActionKind::Empty { area, tenure, count: c, years } => tr.fill(
            "action.empty",
            &[
                ("count", &count(*c)),
                ("tenure", &tenure_lower(tr, *tenure)),
                ("area", area_name(m, area)),
                ("years", &years.to_string()),
            ],
        ),
        ActionKind::Facility { area, facility, area_m2 } => tr.fill(
            "action.facility",
            &[
                ("facility", &tr.of("facility", facility.key())),
                ("m2", &tr.num(*area_m2, 0)),
                ("area", area_name(m, area)),
            ],
        ),
        ActionKind::MoveInstitution { institution, district } => tr.fill(
            "action.move_institution",
            &[("institution", institution_name(m, institution)), ("district", district_name(m, district))],
        ),
        ActionKind::AssignProfile { district, profile: Some(p) } => tr.fill(
            "action.assign_profile",
            &[("district", district_name(m, district)), ("profile", &profile_name(tr, m, p))],
        ),
        ActionKind::AssignProfile { district, profile: None } => {
            tr.fill("action.remove_profile", &[("district", district_name(m, district))])
        }
        ActionKind::MergeSchools { school, into } => tr.fill(
            "action.merge_schools",
            &[("school", institution_name(m, school)), ("into", institution_name(m, into))],
        ),
        ActionKind::SchoolProfile { school, profile: Some(p) } => tr.fill(
            "action.school_profile",
            &[("school", institution_name(m, school)), ("profile", &profile_name(tr, m, p))],
        ),
        ActionKind::SchoolProfile { school, profile: None } => {
            tr.fill("action.school_profile_none", &[("school", institution_name(m, school))])
        }
    }
}

/// An effort in words, with its years.
pub fn effort(tr: Tr<'_>, m: &Municipality, e: &Effort) -> String {
    tr.fill(
        "effort.sentence",
        &[
            ("count", &tr.num(e.count, 1)),
            ("kind", &tr.of("effort", e.kind.key()).to_lowercase()),
            ("area", area_name(m, &e.area)),
            ("from", &e.from_year.to_string()),
            ("to", &e.to_year.to_string()),
        ],
    )
}

/// The plan's letting rules in words: municipal allocation, the joint allocation agreement and
/// flexible letting, each named where the plan has it.
pub fn letting(tr: Tr<'_>, m: &Municipality, l: &crate::model::Letting) -> String {
    let mut rules = vec![tr.fill("part.municipal", &[("share", &tr.pct(l.municipal_allocation_share, 0))])];
    if let Some(from) = l.joint_allocation_from {
        rules.push(tr.fill("part.joint", &[("year", &from.to_string())]));
    }
    for f in &l.flexible {
        rules.push(tr.fill(
            "part.flexible",
            &[("share", &tr.pct(f.share, 0)), ("area", area_name(m, &f.area)), ("year", &f.from_year.to_string())],
        ));
    }
    tr.fill("part.letting", &[("rules", &rules.join("; "))])
}

/// A part of the plan against its baseline.
pub fn part(tr: Tr<'_>, plan: &Plan, part: &Part) -> String {
    let m = &plan.municipality;
    match part {
        Part::StartingPoint => tr.t("part.starting_point").to_owned(),
        Part::Action(a) => format!("{} ({})", action(tr, m, &a.kind), a.year),
        Part::DroppedAction(a) => {
            tr.fill("part.dropped", &[("what", &format!("{} ({})", action(tr, m, &a.kind), a.year))])
        }
        Part::Effort(e) => effort(tr, m, e),
        Part::DroppedEffort(e) => tr.fill("part.dropped", &[("what", &effort(tr, m, e))]),
        Part::Letting(l) => letting(tr, m, l),
        Part::Group { kind, year, members } => {
            // An action kind the editor names ("Nedrivning"), else the group's own word.
            let named = tr.of("action_kind", kind);
            let what = if named.starts_with("action_kind.") { tr.of("part_kind", kind) } else { named };
            tr.fill(
                "part.group",
                &[("what", &what), ("year", &year.to_string()), ("count", &members.len().to_string())],
            )
        }
    }
}

/// A score in tenths of a point as the room reads it: "72,1".
pub fn score(tr: Tr<'_>, tenths: crate::explain::Tenths) -> String {
    #[allow(clippy::cast_precision_loss)] // Tenths of a 0–100 score.
    let value = tenths as f64 / 10.0;
    tr.num(value, 1)
}

/// A change of the score in tenths of a point: "+2,2 point" / "+2.2 points".
pub fn points(tr: Tr<'_>, tenths: crate::explain::Tenths) -> String {
    #[allow(clippy::cast_precision_loss)]
    let value = tenths as f64 / 10.0;
    format!("{} {}", tr.signed(value, 1), tr.t("unit.points"))
}

/// A sentence of the tables with a year and values filled in.
pub fn fill_owned(tr: Tr<'_>, key: &str, year: u16, values: &[(&str, String)]) -> String {
    let year = year.to_string();
    let mut all: Vec<(&str, &str)> = vec![("year", year.as_str())];
    all.extend(values.iter().map(|(k, v)| (*k, v.as_str())));
    tr.fill(key, &all)
}

/// An estate's ledgers of change in one sentence: "Taastrupgaard 2016–2025: uden for arbejde
/// −10,2 procentpoint (beboernes egen mobilitet −4,1, udskiftning −6,1); …".
pub fn change_ledger(tr: Tr<'_>, name: &str, ledger: &crate::sim::ChangeLedger, year: u16) -> String {
    let figures: Vec<String> = crate::sim::ChangeLedger::INDICATORS
        .iter()
        .enumerate()
        .map(|(k, indicator)| {
            let (mobility, replacement) = (ledger.mobility[k], ledger.replacement[k]);
            tr.fill(
                "explain.ledger_figure",
                &[
                    ("figure", &tr.of("ledger_figure", indicator.key())),
                    ("change", &percentage_points(tr, mobility + replacement)),
                    ("mobility", &percentage_points(tr, mobility)),
                    ("replacement", &percentage_points(tr, replacement)),
                ],
            )
        })
        .collect();
    tr.fill("explain.ledger", &[("area", name), ("year", &year.to_string()), ("figures", &figures.join("; "))])
}

/// A change of a share (0–1) in percentage points: "−4,1 procentpoint" / "−4.1 percentage
/// points". Never "point", which is the score's unit.
pub fn percentage_points(tr: Tr<'_>, share_change: f64) -> String {
    format!("{} {}", tr.signed(100.0 * share_change, 1), tr.t("unit.percentage_points"))
}

/// The change of the score in one sentence: "Balancescore 2025: fra 72,1 til 74,3 (+2,2 point)".
pub fn score_change(tr: Tr<'_>, change: &crate::explain::ScoreChange) -> String {
    tr.fill(
        "explain.score_change",
        &[
            ("year", &change.year.to_string()),
            ("from", &score(tr, change.from)),
            ("to", &score(tr, change.to)),
            ("change", &points(tr, change.change)),
        ],
    )
}

/// A part's effect for its card and *Forklar*: its points at the year, or — when it rounds to
/// nothing there — when it starts to show and what it is by the plan's last year.
pub fn part_effect(tr: Tr<'_>, attribution: &crate::explain::Attribution, part: usize, year: u16) -> String {
    let shown = attribution.shown(year).and_then(|s| s.parts.get(part).copied()).unwrap_or(0);
    let last = attribution.years.last().copied().unwrap_or(year);
    match attribution.when_it_shows(part, year) {
        None => points(tr, shown),
        Some((Some(first), by_last)) => shows_from(tr, year, first, (by_last, last)),
        Some((None, _)) => never_shows(tr, year, last),
    }
}

/// A change that rounds to nothing at `year` but shows from `first`: with what it is in the
/// plan's last year `last` (`by_last`), or, where it rounds to nothing again by then, that it
/// fades (never "±0,0 point i 2040" after "viser sig fra").
pub fn shows_from(tr: Tr<'_>, year: u16, first: u16, (by_last, last): (crate::explain::Tenths, u16)) -> String {
    let (year, first, last) = (year.to_string(), first.to_string(), last.to_string());
    if by_last == 0 {
        tr.fill("explain.shows_then_fades", &[("year", &year), ("first", &first), ("last", &last)])
    } else {
        let by_last = points(tr, by_last);
        tr.fill("explain.shows_from", &[("year", &year), ("first", &first), ("by_last", &by_last), ("last", &last)])
    }
}

/// A change that rounds to nothing at `year` and in every year to the plan's last, `last`.
pub fn never_shows(tr: Tr<'_>, year: u16, last: u16) -> String {
    tr.fill("explain.never_shows", &[("year", &year.to_string()), ("last", &last.to_string())])
}

/// The rules that judge `year` under a plan's choice, in words: the choice itself, and for the
/// law in force each year also the rule set of that year. A year after `this_year` judged by
/// the last known law says so ("2030: den seneste kendte lov (2021)").
pub fn rules_in_year(tr: Tr<'_>, choice: crate::model::RuleSetId, year: u16, this_year: u16) -> String {
    if choice.assumed_in(year, this_year) {
        let rules = tr.of("rules", choice.key());
        return tr.fill(
            "rules.assumed_in_year",
            &[("rules", &rules), ("year", &year.to_string()), ("law", &last_known_law(tr))],
        );
    }
    let published = choice.in_year(year);
    if published == choice {
        return tr.of("rules", choice.key()).to_owned();
    }
    let rules = tr.of("rules", published.key()).to_lowercase();
    tr.fill("rules.in_force_in_year", &[("year", &year.to_string()), ("rules", &rules)])
}

/// "den seneste kendte lov (2021)": what judges the years after the one the room meets in.
pub fn last_known_law(tr: Tr<'_>) -> String {
    tr.fill("rules.last_known", &[("year", crate::model::RuleSetId::LAST_KNOWN.key())])
}

/// An estate's standing in words: "På listen · Parallelsamfund (7 år i træk, som
/// omdannelsesreglen tæller)", "Forebyggelsesområde (ikke et udsat boligområde)", "Ikke på
/// nogen liste", "Ikke bedømt (under 1.000 beboere)". A prevention area is on a published list
/// of its own, so it is named for that list, never called "not listed".
pub fn status(tr: Tr<'_>, status: &crate::sim::Status) -> String {
    use crate::model::Category;
    if !status.judged {
        return tr.t("status.not_judged").to_owned();
    }
    match status.category {
        Category::None => tr.t("status.on_no_list").to_owned(),
        Category::Forebyggelse => tr.t("status.prevention").to_owned(),
        category => {
            let words = format!("{} · {}", tr.t("status.listed"), tr.of("category", category.key()));
            if status.consecutive_years > 0 {
                let years = status.consecutive_years.to_string();
                // The 2010–2018 rules count years as a ghetto (the hard-ghetto rule), the 2021
                // law years as a parallel society (the omdannelse rule).
                let key = match category {
                    Category::Ghetto | Category::HardGhetto => "status.years_as_ghetto",
                    _ => "status.years_counted",
                };
                format!("{words} {}", tr.fill(key, &[("years", &years)]))
            } else {
                words
            }
        }
    }
}

/// An estate's standing in one or two words, for table cells and map labels: "På listen",
/// "Forebyggelse", "Ingen liste", "Ikke bedømt". The key picks the colour too.
pub fn status_short_key(category: crate::model::Category, listed: bool, judged: bool) -> &'static str {
    use crate::model::Category;
    match category {
        _ if !judged => "status.short_not_judged",
        _ if listed => "status.listed",
        Category::Forebyggelse => "status.short_prevention",
        _ => "status.short_no_list",
    }
}

/// The § 168 a count by hand, e.g. "§ 168 a i 2030: 574 almene familieboliger ÷ (860 boliger +
/// 188 nedrevne, ikke erstattet + 40 for erhverv) = 52,8 % (højst 40 % før 1. januar 2030)".
pub fn share_168a(tr: Tr<'_>, parts: &crate::sim::Share168a, cap: &crate::model::AlmenFamilyCap, year: u16) -> String {
    tr.fill(
        "share168a.parts",
        &[
            ("year", &year.to_string()),
            ("almen", &tr.num(parts.almen_family, 0)),
            ("homes", &tr.num(parts.homes, 0)),
            ("demolished", &tr.num(parts.demolished_counted, 0)),
            ("floor", &tr.num(parts.floor_space_homes, 0)),
            ("share", &tr.pct(parts.share(), 1)),
            ("cap", &tr.pct(cap.cap, 0)),
            ("deadline", &cap.deadline_year.to_string()),
        ],
    )
}

/// An estate's exit from the list across the bands' runs, in words: "2021–2024 (90 % af
/// kørslerne forlader)", "bliver på listen i de fleste kørsler (forlader i 30 %)".
pub fn exit(tr: Tr<'_>, exit: Option<&crate::bands::Exit>) -> String {
    use crate::bands::Exit;
    match exit {
        None => tr.t("status.exit_working").to_owned(),
        Some(Exit::NotListed) => tr.t("status.exit_not_listed").to_owned(),
        Some(Exit::Leaves { earliest, latest, share }) if earliest == latest => {
            tr.fill("status.exit_year", &[("year", &earliest.to_string()), ("share", &tr.pct(*share, 0))])
        }
        Some(Exit::Leaves { earliest, latest, share }) => tr.fill(
            "status.exit_range",
            &[("from", &earliest.to_string()), ("to", &latest.to_string()), ("share", &tr.pct(*share, 0))],
        ),
        Some(Exit::StaysListed { share }) => tr.fill("status.exit_stays", &[("share", &tr.pct(*share, 0))]),
    }
}

/// The exit in a table cell: "2021–2024", "2022", "bliver på", "–" (the words on hover).
pub fn exit_short(tr: Tr<'_>, exit: Option<&crate::bands::Exit>) -> String {
    use crate::bands::Exit;
    match exit {
        None => "…".to_owned(),
        Some(Exit::NotListed) => "–".to_owned(),
        Some(Exit::Leaves { earliest, latest, .. }) if earliest == latest => earliest.to_string(),
        Some(Exit::Leaves { earliest, latest, .. }) => format!("{earliest}–{latest}"),
        Some(Exit::StaysListed { .. }) => tr.t("status.exit_stays_short").to_owned(),
    }
}

/// An action with the year it is carried out: "Nedrivning af 100 … i Taastrupgaard (2024)".
pub fn action_in_year(tr: Tr<'_>, m: &Municipality, action: &crate::model::Action) -> String {
    format!("{} ({})", self::action(tr, m, &action.kind), action.year)
}

/// A number of the room's dots: "1 prik", "3 prikker" (`give`: the button, "+ 3 prikker").
pub fn dots(tr: Tr<'_>, count: u32, give: bool) -> String {
    match (count, give) {
        (1, true) => tr.t("votes.give_one").to_owned(),
        (1, false) => tr.t("votes.total_one").to_owned(),
        (n, true) => tr.fill("votes.give", &[("dots", &n.to_string())]),
        (n, false) => tr.fill("votes.total", &[("dots", &n.to_string())]),
    }
}

/// An edit in words, in the language of `tr`: the change log, undo and redo, a refusal.
pub fn edit(tr: Tr<'_>, m: &Municipality, edit: &PlanEdit) -> String {
    let year = |y: &u16| y.to_string();
    match edit {
        PlanEdit::SetHomes { area, tenure, year: y, to, .. } => tr.fill(
            "change.homes_in",
            &[
                ("area", area_name(m, area)),
                ("tenure", &tenure_lower(tr, *tenure)),
                ("count", &tr.num(*to, 0)),
                ("year", &year(&y.saturating_add(1))),
            ],
        ),
        PlanEdit::AddAction(a) => action_in_year(tr, m, a),
        PlanEdit::RemoveAction(a) => tr.fill("change.action_removed", &[("what", &action_in_year(tr, m, a))]),
        PlanEdit::ChangeAction { after, .. } => {
            tr.fill("change.action_changed", &[("what", &action_in_year(tr, m, after))])
        }
        PlanEdit::MoveInstitution { institution, district, year: y } => {
            let kind = ActionKind::MoveInstitution { institution: institution.clone(), district: district.clone() };
            format!("{} ({})", action(tr, m, &kind), year(y))
        }
        PlanEdit::AssignProfile { district, profile, year: y } => {
            let kind = ActionKind::AssignProfile { district: district.clone(), profile: profile.clone() };
            format!("{} ({})", action(tr, m, &kind), year(y))
        }
        PlanEdit::SchoolProfile { school, strong, year: y } => {
            let profile = strong.then(|| crate::model::edit::STRONG_SCHOOL_PROFILE.to_owned());
            let kind = ActionKind::SchoolProfile { school: school.clone(), profile };
            format!("{} ({})", action(tr, m, &kind), year(y))
        }
        PlanEdit::MergeSchools { school, into, year: y } => {
            let kind = ActionKind::MergeSchools { school: school.clone(), into: into.clone() };
            format!("{} ({})", action(tr, m, &kind), year(y))
        }
        _ => setting(tr, m, edit),
    }
}

/// Which way through the undo history an edit is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// The menu entry that would undo it: "Fortryd: …".
    Undo,
    /// It was just undone: "Fortrudt: …".
    Undone,
    Redo,
    Redone,
}

/// An edit taken back or made again, in one sentence: "Fortrudt: tilbage til Nedrivning af 188
/// almene familieboliger i Taastrupgaard (2019)" rather than "Fortrudt: Ændret: …" — a changed
/// action says what it goes back to, a removed one that it is back in the plan.
pub fn history(tr: Tr<'_>, m: &Municipality, edit: &PlanEdit, way: History) -> String {
    let back = matches!(way, History::Undo | History::Undone);
    let what = match edit {
        PlanEdit::ChangeAction { before, .. } if back => {
            tr.fill("edit.back_to", &[("what", &action_in_year(tr, m, before))])
        }
        PlanEdit::ChangeAction { after, .. } => action_in_year(tr, m, after),
        PlanEdit::RemoveAction(a) if back => tr.fill("edit.back_in", &[("what", &action_in_year(tr, m, a))]),
        PlanEdit::RemoveAction(a) => tr.fill("edit.out_again", &[("what", &action_in_year(tr, m, a))]),
        other => self::edit(tr, m, other),
    };
    let key = match way {
        History::Undo => "edit.undo_what",
        History::Undone => "edit.undone_what",
        History::Redo => "edit.redo_what",
        History::Redone => "edit.redone_what",
    };
    tr.fill(key, &[("what", &what)])
}

/// The edits that set one value of the plan, in words.
fn setting(tr: Tr<'_>, m: &Municipality, edit: &PlanEdit) -> String {
    match edit {
        PlanEdit::Capacity { institution, capacity } => {
            tr.fill("change.capacity", &[("name", institution_name(m, institution)), ("count", &tr.num(*capacity, 0))])
        }
        PlanEdit::DemolishedBefore2016 { area, homes } => {
            tr.fill("change.demolished_2011_2015", &[("area", area_name(m, area)), ("count", &tr.num(*homes, 0))])
        }
        PlanEdit::Catchment { school, .. } => tr.fill("change.catchment", &[("name", institution_name(m, school))]),
        PlanEdit::Effort { kind, area, year, count } => tr.fill(
            "change.effort_in",
            &[
                ("area", area_name(m, area)),
                ("kind", &tr.of("effort", kind.key())),
                ("count", &tr.num(*count, 0)),
                ("year", &year.to_string()),
            ],
        ),
        PlanEdit::FlexibleLetting { area, share, year } => tr.fill(
            "change.flexible_in",
            &[("area", area_name(m, area)), ("share", &tr.pct(*share, 0)), ("year", &year.to_string())],
        ),
        PlanEdit::Assumption { key, value: Some(v) } => {
            tr.fill("change.assumption", &[("name", &tr.param_name(key)), ("value", &tr.num(*v, 3))])
        }
        PlanEdit::Assumption { key, value: None } => {
            tr.fill("change.assumption_reset", &[("name", &tr.param_name(key))])
        }
        PlanEdit::RuleSet(id) => tr.fill("change.rule_set", &[("rules", &tr.of("rules", id.key()))]),
        PlanEdit::MunicipalAllocation(share) => tr.fill("change.allocation", &[("share", &tr.pct(*share, 0))]),
        PlanEdit::JointAllocation(Some(from)) => tr.fill("change.joint_from", &[("year", &from.to_string())]),
        PlanEdit::JointAllocation(None) => tr.t("change.joint_none").to_owned(),
        PlanEdit::FacilitiesCommercial(true) => tr.t("change.facilities_on").to_owned(),
        PlanEdit::FacilitiesCommercial(false) => tr.t("change.facilities_off").to_owned(),
        PlanEdit::Name(name) => tr.fill("change.name_to", &[("name", name)]),
        PlanEdit::Notes(_) => tr.t("change.notes").to_owned(),
        PlanEdit::Author(name) => tr.fill("change.author", &[("name", name)]),
        PlanEdit::AddComment(c) => tr.fill("change.comment_added", &[("author", &c.author)]),
        PlanEdit::RemoveComment(c) => tr.fill("change.comment_removed_from", &[("author", &c.author)]),
        PlanEdit::AddVote(v) if v.dots == 1 => tr.fill("change.vote_added_one", &[("group", &v.group)]),
        PlanEdit::AddVote(v) => tr.fill("change.vote_added", &[("dots", &v.dots.to_string()), ("group", &v.group)]),
        PlanEdit::RemoveVote(v) if v.dots == 1 => tr.fill("change.vote_removed_one", &[("group", &v.group)]),
        PlanEdit::RemoveVote(v) => {
            tr.fill("change.vote_removed", &[("dots", &v.dots.to_string()), ("group", &v.group)])
        }
        _ => String::new(),
    }
}

/// A change-log entry in the language of `tr`: its edit in words, or, for entries written
/// before plans kept edits, the words written then.
pub fn change_entry(tr: Tr<'_>, m: &Municipality, entry: &crate::model::ChangeEntry) -> String {
    entry.edit.as_ref().map_or_else(|| entry.text.clone(), |e| edit(tr, m, e))
}

/// A plan's problem in a language: its sentence from the tables (`problem.<key>`), with the
/// fields and kinds of place it names (`what`) and its tenure in words where the tables have
/// them; a field the tables do not name keeps its name in the file.
pub fn problem(tr: Tr<'_>, p: &crate::model::PlanProblem) -> String {
    let mut text = tr.of("problem", p.key);
    for (name, value) in &p.args {
        let shown = match *name {
            "what" => Some(tr.of("problem_what", value)).filter(|t| !t.starts_with("problem_what.")),
            "tenure" => Tenure::ALL.into_iter().find(|t| t.key() == value).map(|t| tenure_lower(tr, t)),
            "unit" => Some(tr.of("param_unit", value)).filter(|t| !t.starts_with("param_unit.")),
            _ => None,
        };
        text = text.replace(&format!("{{{name}}}"), shown.as_deref().unwrap_or(value));
    }
    text
}

/// A plan's problem in English, the command line's words.
pub fn problem_in_english(p: &crate::model::PlanProblem) -> String {
    match crate::i18n::Translations::shared() {
        Ok(t) => problem(t.tr(Language::English), p),
        Err(_) => format!("{} {:?}", p.key, p.args),
    }
}

impl std::fmt::Display for crate::model::PlanProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, problem_in_english(self))
    }
}
