//! Every change a participant can make to a plan, as a value: [`PlanEdit`]. A panel returns an
//! edit, the app's session applies it to a copy of the plan, validates the copy and keeps the old
//! plan for undo; the plan's change log keeps the edit itself, so the log reads in whatever
//! language the app is in (the words are in `crate::words::edit`).
//!
//! The year convention: the screen shows the state on 1 January of the slider's year, so an edit
//! made "in" year Y becomes an action carried out during Y − 1 and shows from Y on (2016 is the
//! starting point, so edits there are carried out during 2016 and show from 2017). The `year` in
//! an edit is the year its action is carried out ([`action_year_for`]).

use super::{
    Action, ActionId, ActionKind, Comment, Effort, EffortKind, FlexibleLetting, Plan, RuleSetId, Span, Tenure, Vote,
};
use serde::{Deserialize, Serialize};

/// The year an action must carry so that it shows on 1 January of `view_year`, within the
/// plan's years.
pub fn action_year_for(view_year: u16, span: Span) -> u16 {
    view_year.saturating_sub(1).clamp(span.first, span.last - 1)
}

/// The year whose figures first show an action of `action_year`.
pub fn shows_from(action_year: u16, span: Span) -> u16 {
    (action_year + 1).min(span.last)
}

/// One change to a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum PlanEdit {
    /// An area's homes of one tenure, as the projection showed them (`from`), set to `to` from
    /// the year after `year` on: the difference is built or demolished during `year`.
    SetHomes {
        area: String,
        tenure: Tenure,
        year: u16,
        from: f64,
        to: f64,
    },
    AddAction(Action),
    /// The action as it was, so the log can say what went.
    RemoveAction(Action),
    /// An action given a new year or count; `before` for the log's words.
    ChangeAction {
        before: Action,
        after: Action,
    },
    MoveInstitution {
        institution: String,
        district: String,
        year: u16,
    },
    /// A district's profile from the year after `year` on (`None`: no profile).
    AssignProfile {
        district: String,
        profile: Option<String>,
        year: u16,
    },
    /// A school's strong profile given (`strong`) or taken away from the year after `year` on.
    SchoolProfile {
        school: String,
        strong: bool,
        year: u16,
    },
    MergeSchools {
        school: String,
        into: String,
        year: u16,
    },
    /// Homes demolished in an area 2011–2015 and not replaced by almene family homes, which
    /// § 168 a, stk. 1 counts in the area's homes (the municipality's own figure; default 0).
    DemolishedBefore2016 {
        area: String,
        homes: f64,
    },
    Capacity {
        institution: String,
        capacity: f64,
    },
    /// The districts a school serves besides its own.
    Catchment {
        school: String,
        districts: Vec<String>,
    },
    /// Staff (or course rounds) of an effort in an area from `year` to 2040.
    Effort {
        kind: EffortKind,
        area: String,
        year: u16,
        count: f64,
    },
    /// The share of almene vacancies let flexibly in an area from `year` (0: none).
    FlexibleLetting {
        area: String,
        share: f64,
        year: u16,
    },
    /// An assumption set, or reset to the shipped value with `None`.
    Assumption {
        key: String,
        value: Option<f64>,
    },
    RuleSet(RuleSetId),
    MunicipalAllocation(f64),
    /// The joint allocation agreement from a year, or none.
    JointAllocation(Option<u16>),
    FacilitiesCommercial(bool),
    Name(String),
    Notes(String),
    Author(String),
    AddComment(Comment),
    /// The comment as it was, so the log can say whose went.
    RemoveComment(Comment),
    /// Dots the room gave the plan in *Sammenlign*.
    AddVote(Vote),
    /// The vote as it was, so the log can say whose went.
    RemoveVote(Vote),
}

/// The strong profile a school gets from the editor's check box.
pub const STRONG_SCHOOL_PROFILE: &str = "strong";

impl PlanEdit {
    /// Makes the change on `plan`. An edit that no longer fits the plan (an action removed in
    /// the meantime) changes nothing; the session then records nothing either.
    pub fn apply(&self, plan: &mut Plan) {
        match self {
            Self::SetHomes { area, tenure, year, from, to } => {
                set_homes(plan, area, *tenure, *year, to.round() - from.round())
            }
            Self::AddAction(action) => {
                plan.add_action(action.clone());
            }
            Self::RemoveAction(action) => plan.actions.retain(|a| a.id != action.id),
            Self::ChangeAction { after, .. } => {
                if let Some(a) = plan.actions.iter_mut().find(|a| a.id == after.id) {
                    *a = after.clone();
                }
            }
            Self::MoveInstitution { institution, district, year } => {
                let kind = ActionKind::MoveInstitution { institution: institution.clone(), district: district.clone() };
                put_action(
                    plan,
                    *year,
                    kind,
                    |k| matches!(k, ActionKind::MoveInstitution { institution: i, .. } if i == institution),
                );
            }
            Self::AssignProfile { district, profile, year } => {
                let kind = ActionKind::AssignProfile { district: district.clone(), profile: profile.clone() };
                put_action(
                    plan,
                    *year,
                    kind,
                    |k| matches!(k, ActionKind::AssignProfile { district: d, .. } if d == district),
                );
            }
            Self::SchoolProfile { school, strong, year } => {
                let profile = strong.then(|| STRONG_SCHOOL_PROFILE.to_owned());
                let kind = ActionKind::SchoolProfile { school: school.clone(), profile };
                put_action(
                    plan,
                    *year,
                    kind,
                    |k| matches!(k, ActionKind::SchoolProfile { school: s, .. } if s == school),
                );
            }
            Self::MergeSchools { school, into, year } => {
                plan.add_action(Action::new(
                    *year,
                    ActionKind::MergeSchools { school: school.clone(), into: into.clone() },
                ));
            }
            _ => self.apply_setting(plan),
        }
    }

    /// The edits that set one value of the plan.
    fn apply_setting(&self, plan: &mut Plan) {
        match self {
            Self::DemolishedBefore2016 { area, homes } => {
                if let Some(a) = plan.municipality.areas.iter_mut().find(|a| &a.id == area) {
                    a.demolished_2011_2015 = homes.max(0.0);
                }
            }
            Self::Capacity { institution, capacity } => {
                if let Some(i) = plan.municipality.institutions.iter_mut().find(|i| &i.id == institution) {
                    i.capacity = *capacity;
                }
            }
            Self::Catchment { school, districts } => {
                if let Some(i) = plan.municipality.institutions.iter_mut().find(|i| &i.id == school) {
                    i.catchment.clone_from(districts);
                }
            }
            Self::Effort { kind, area, year, count } => set_effort(plan, *kind, area, *year, *count),
            Self::FlexibleLetting { area, share, year } => {
                plan.letting.flexible.retain(|f| &f.area != area);
                if *share > 0.0 {
                    plan.letting.flexible.push(FlexibleLetting { area: area.clone(), share: *share, from_year: *year });
                }
            }
            Self::Assumption { key, value: Some(v) } => {
                plan.assumptions.insert(key.clone(), *v);
            }
            Self::Assumption { key, value: None } => {
                plan.assumptions.remove(key);
            }
            Self::RuleSet(id) => plan.rule_set = *id,
            Self::MunicipalAllocation(share) => plan.letting.municipal_allocation_share = *share,
            Self::JointAllocation(from) => plan.letting.joint_allocation_from = *from,
            Self::FacilitiesCommercial(counts) => plan.facilities_count_as_commercial = *counts,
            Self::Name(name) => name.trim().clone_into(&mut plan.name),
            Self::Notes(notes) => notes.clone_into(&mut plan.notes),
            Self::Author(author) => author.trim().clone_into(&mut plan.author),
            Self::AddComment(comment) => plan.comments.push(comment.clone()),
            Self::RemoveComment(comment) => {
                if let Some(i) = plan.comments.iter().position(|c| c == comment) {
                    plan.comments.remove(i);
                }
            }
            Self::AddVote(vote) => plan.votes.push(vote.clone()),
            Self::RemoveVote(vote) => {
                if let Some(i) = plan.votes.iter().rposition(|v| v == vote) {
                    plan.votes.remove(i);
                }
            }
            _ => {}
        }
    }

    /// Edits with the same key made during one pointer gesture (a slider drag, typing a name)
    /// are one undo step and one line in the change log.
    pub fn merge_key(&self) -> Option<String> {
        match self {
            Self::SetHomes { area, tenure, year, .. } => Some(format!("homes:{area}:{}:{year}", tenure.key())),
            Self::ChangeAction { after, .. } => Some(format!("action:{}", after.id.0)),
            Self::Capacity { institution, .. } => Some(format!("capacity:{institution}")),
            Self::DemolishedBefore2016 { area, .. } => Some(format!("demolished_2011_2015:{area}")),
            Self::Effort { kind, area, .. } => Some(format!("effort:{area}:{}", kind.key())),
            Self::FlexibleLetting { area, .. } => Some(format!("flexible:{area}")),
            Self::Assumption { key, .. } => Some(format!("assumption:{key}")),
            Self::MunicipalAllocation(_) => Some("allocation".to_owned()),
            Self::Name(_) => Some("name".to_owned()),
            Self::Notes(_) => Some("notes".to_owned()),
            Self::Author(_) => Some("author".to_owned()),
            _ => None,
        }
    }

    /// The edit that stands for `earlier` followed by `self` in the change log (same merge
    /// key): from where the first started to where this one ends.
    #[must_use]
    pub fn after(self, earlier: &Self) -> Self {
        match (self, earlier) {
            (Self::SetHomes { area, tenure, year, to, .. }, Self::SetHomes { from, .. }) => {
                Self::SetHomes { area, tenure, year, from: *from, to }
            }
            (Self::ChangeAction { after, .. }, Self::ChangeAction { before, .. }) => {
                Self::ChangeAction { before: before.clone(), after }
            }
            (edit, _) => edit,
        }
    }

    /// Whether the edit can change what the plan projects. A new name, notes, author, comment
    /// or vote does not: the projection, the attribution and "the last change" stay as they are.
    pub fn changes_projection(&self) -> bool {
        !matches!(
            self,
            Self::Name(_)
                | Self::Notes(_)
                | Self::Author(_)
                | Self::AddComment(_)
                | Self::RemoveComment(_)
                | Self::AddVote(_)
                | Self::RemoveVote(_)
        )
    }

    /// Every text the edit carries, with what it is, the most characters it may have and
    /// whether it is free text (line breaks allowed): the change log is held to the same text
    /// rule as the plan (`limits`).
    pub fn texts<'a>(&'a self) -> Vec<(&'static str, &'a str, usize, bool)> {
        use super::limits::{
            MAX_ID_CHARS as ID, MAX_NAME_CHARS as NAME, MAX_NOTE_CHARS, MAX_NOTES_CHARS, MAX_TEXT_CHARS,
        };
        let id = |what: &'static str, text: &'a str| (what, text, ID, false);
        let action = |a: &'a Action| {
            std::iter::once(("the action's note", a.note.as_str(), MAX_NOTE_CHARS, true))
                .chain(a.kind.names().into_iter().map(|(what, text)| (what, text, ID, false)))
                .collect::<Vec<_>>()
        };
        match self {
            Self::Name(t) => vec![("the name", t, NAME, false)],
            Self::Notes(t) => vec![("the notes", t, MAX_NOTES_CHARS, true)],
            Self::Author(t) => vec![("the author", t, NAME, false)],
            Self::AddComment(c) | Self::RemoveComment(c) => {
                let mut texts = vec![
                    ("the comment's author", c.author.as_str(), NAME, false),
                    ("the comment", c.text.as_str(), MAX_TEXT_CHARS, true),
                    ("the time", c.time.as_str(), NAME, false),
                ];
                if let super::CommentTarget::Area(target) | super::CommentTarget::District(target) = &c.target {
                    texts.push(id("the target", target));
                }
                texts
            }
            Self::AddAction(a) | Self::RemoveAction(a) => action(a),
            Self::ChangeAction { before, after } => action(before).into_iter().chain(action(after)).collect(),
            Self::AddVote(v) | Self::RemoveVote(v) => vec![("the vote's group", &v.group, NAME, false)],
            Self::SetHomes { area, .. }
            | Self::DemolishedBefore2016 { area, .. }
            | Self::Effort { area, .. }
            | Self::FlexibleLetting { area, .. } => vec![id("area", area)],
            Self::MoveInstitution { institution, district, .. } => {
                vec![id("institution", institution), id("district", district)]
            }
            Self::AssignProfile { district, profile, .. } => {
                std::iter::once(id("district", district)).chain(profile.as_deref().map(|p| id("profile", p))).collect()
            }
            Self::SchoolProfile { school, .. } | Self::Capacity { institution: school, .. } => {
                vec![id("institution", school)]
            }
            Self::MergeSchools { school, into, .. } => vec![id("school", school), id("school", into)],
            Self::Catchment { school, districts } => std::iter::once(id("school", school))
                .chain(districts.iter().map(|d| id("catchment district", d)))
                .collect(),
            Self::Assumption { key, .. } => vec![id("the assumption's name", key)],
            Self::RuleSet(_)
            | Self::MunicipalAllocation(_)
            | Self::JointAllocation(_)
            | Self::FacilitiesCommercial(_) => Vec::new(),
        }
    }
}

/// Replaces the action of the same kind and target in the same year, or adds it.
fn put_action(plan: &mut Plan, year: u16, kind: ActionKind, same: impl Fn(&ActionKind) -> bool) {
    if let Some(existing) = plan.actions.iter_mut().find(|a| a.year == year && same(&a.kind)) {
        existing.kind = kind;
    } else {
        plan.add_action(Action::new(year, kind));
    }
}

/// Adds `delta` homes of a tenure to an area during `year`, by adjusting (or adding, or
/// removing) the one-year build or demolish action of that area, tenure and year.
fn set_homes(plan: &mut Plan, area: &str, tenure: Tenure, year: u16, delta: f64) {
    if delta == 0.0 {
        return;
    }
    let existing = plan.actions.iter().position(|a| {
        a.year == year
            && matches!(&a.kind,
                ActionKind::Build { area: x, tenure: t, over_years: 1, .. }
                | ActionKind::Demolish { area: x, tenure: t, .. } if x == area && *t == tenure)
    });
    let net = delta
        + existing.map_or(0.0, |i| match plan.actions[i].kind {
            ActionKind::Build { count, .. } => count,
            ActionKind::Demolish { count, .. } => -count,
            _ => 0.0,
        });
    let kind = if net > 0.0 {
        Some(ActionKind::Build { area: area.to_owned(), tenure, count: net, over_years: 1 })
    } else if net < 0.0 {
        Some(ActionKind::Demolish { area: area.to_owned(), tenure, count: -net })
    } else {
        None
    };
    match (existing, kind) {
        (Some(i), Some(kind)) => plan.actions[i].kind = kind,
        (Some(i), None) => {
            plan.actions.remove(i);
        }
        (None, Some(kind)) => {
            plan.add_action(Action::new(year, kind));
        }
        (None, None) => {}
    }
}

/// Sets an effort in an area to `count` from `from` to 2040: efforts already running then end
/// the year before, and a count of 0 leaves none from that year.
fn set_effort(plan: &mut Plan, kind: EffortKind, area: &str, from: u16, count: f64) {
    plan.efforts.retain(|e| !(e.kind == kind && e.area == area && e.from_year >= from));
    for e in plan.efforts.iter_mut().filter(|e| e.kind == kind && e.area == area && e.to_year >= from) {
        e.to_year = from - 1;
    }
    if count > 0.0 {
        plan.efforts.push(Effort {
            kind,
            area: area.to_owned(),
            count: count.round(),
            from_year: from,
            to_year: plan.span().last,
        });
    }
}

impl Plan {
    /// Adds an action, numbering it if it has no number yet. Returns its number.
    pub fn add_action(&mut self, mut action: Action) -> ActionId {
        if action.id == ActionId::UNSET || self.actions.iter().any(|a| a.id == action.id) {
            action.id = self.next_action_id();
        }
        let id = action.id;
        self.actions.push(action);
        id
    }

    /// The action with this number.
    pub fn action(&self, id: ActionId) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// A number no action of the plan has.
    pub fn next_action_id(&self) -> ActionId {
        ActionId(self.actions.iter().map(|a| a.id.0).max().unwrap_or(0).saturating_add(1))
    }

    /// Numbers the actions that have no number, or share one with an earlier action (a file
    /// from before format 5, or one edited by hand). Numbers already unique stay.
    pub fn number_actions(&mut self) {
        let mut seen = std::collections::HashSet::new();
        let mut next = self.next_action_id().0;
        for action in &mut self.actions {
            if action.id == ActionId::UNSET || !seen.insert(action.id) {
                action.id = ActionId(next);
                seen.insert(action.id);
                next = next.saturating_add(1);
            }
        }
    }

    /// The staff (or course rounds) of one effort kind in an area in `year`.
    pub fn effort_count(&self, kind: EffortKind, area: &str, year: u16) -> f64 {
        self.efforts
            .iter()
            .filter(|e| e.kind == kind && e.area == area && (e.from_year..=e.to_year).contains(&year))
            .map(|e| e.count)
            .sum()
    }

    /// The share of almene vacancies let flexibly in an area (0 if none).
    pub fn flexible_share(&self, area: &str) -> f64 {
        self.letting.flexible.iter().find(|f| f.area == area).map_or(0.0, |f| f.share)
    }
}
