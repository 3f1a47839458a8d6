//! The levers a search may pull: each a kind of change in one area (or the whole municipality),
//! with the most it may do and the years it may start in; a candidate sets every lever to an
//! amount (0: not used) and a year, and becomes a normal plan on top of the base plan. Homes are
//! never taken twice: a lever that would remove more almene family homes than an area still has
//! when its year comes takes what is left.

use crate::model::{Action, ActionKind, Effort, EffortKind, FlexibleLetting, Plan, Tenure};
use std::collections::HashMap;

/// What a lever does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LeverKind {
    /// Demolish almene family homes (residents displaced and rehoused).
    Demolish,
    /// Sell almene family homes as owner-occupied homes.
    Sell,
    /// Convert almene family homes to youth homes.
    ConvertToYouth,
    /// Convert almene family homes to elderly homes.
    ConvertToElderly,
    /// Merge small almene family homes two into one.
    Merge,
    /// Build almene family homes.
    BuildAlmen,
    /// Build private rental homes.
    BuildPrivate,
    /// Build owner-occupied homes.
    BuildOwned,
    /// Let a share of the almene vacancies flexibly (amount: the share).
    FlexibleLetting,
    /// The municipality's share of almene family vacancies (amount: the share; the whole
    /// municipality).
    Allocation,
    /// Job consultants for the rest of the decade (amount: how many).
    JobConsultants,
}

impl LeverKind {
    pub const ALL: [Self; 11] = [
        Self::Demolish,
        Self::Sell,
        Self::ConvertToYouth,
        Self::ConvertToElderly,
        Self::Merge,
        Self::BuildAlmen,
        Self::BuildPrivate,
        Self::BuildOwned,
        Self::FlexibleLetting,
        Self::Allocation,
        Self::JobConsultants,
    ];

    /// A stable key for files, the command line and the texts.
    pub fn key(self) -> &'static str {
        match self {
            Self::Demolish => "demolish",
            Self::Sell => "sell",
            Self::ConvertToYouth => "convert_youth",
            Self::ConvertToElderly => "convert_elderly",
            Self::Merge => "merge",
            Self::BuildAlmen => "build_almen",
            Self::BuildPrivate => "build_private",
            Self::BuildOwned => "build_owned",
            Self::FlexibleLetting => "flexible_letting",
            Self::Allocation => "allocation",
            Self::JobConsultants => "job_consultants",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Whether the lever takes almene family homes out of the stock.
    pub fn removes_homes(self) -> bool {
        matches!(self, Self::Demolish | Self::Sell | Self::ConvertToYouth | Self::ConvertToElderly | Self::Merge)
    }

    /// Whether the lever builds homes.
    pub fn builds(self) -> bool {
        matches!(self, Self::BuildAlmen | Self::BuildPrivate | Self::BuildOwned)
    }

    /// Whether the lever is a share (0–1) rather than a count.
    pub fn is_share(self) -> bool {
        matches!(self, Self::FlexibleLetting | Self::Allocation)
    }
}

/// One lever: what, where, how much at most, and from which years.
#[derive(Clone, Debug, PartialEq)]
pub struct Lever {
    pub kind: LeverKind,
    /// The area it acts in (`None` for the municipality's allocation).
    pub area: Option<String>,
    /// The most it may do: homes, staff, or a share.
    pub max: f64,
    /// The first and last year it may start in.
    pub years: (u16, u16),
}

/// How a candidate sets one lever.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Setting {
    /// Homes, staff or a share; 0 leaves the lever alone.
    pub amount: f64,
    pub year: u16,
}

/// A setting of every lever of a space, in the space's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Candidate {
    pub settings: Vec<Setting>,
}

/// Whole homes and staff, and shares to the percent: what a room would write down.
pub fn rounded(kind: LeverKind, amount: f64) -> f64 {
    if kind.is_share() { (amount * 100.0).round() / 100.0 } else { amount.round() }
}

/// The plan a candidate makes of `base`: each used lever as an action, a letting rule or an
/// effort, in year order, taking no more almene family homes than an area has left.
pub fn plan_of(base: &Plan, levers: &[Lever], candidate: &Candidate) -> Plan {
    let mut plan = base.clone();
    let mut order: Vec<usize> = (0..levers.len()).filter(|&i| candidate.settings[i].amount > 0.0).collect();
    order.sort_by_key(|&i| (candidate.settings[i].year, i));
    let mut family: HashMap<&str, f64> =
        base.municipality.areas.iter().map(|a| (a.id.as_str(), a.homes[Tenure::AlmenFamily])).collect();
    for i in order {
        let (lever, setting) = (&levers[i], candidate.settings[i]);
        let amount = rounded(lever.kind, setting.amount.min(lever.max));
        if amount <= 0.0 {
            continue;
        }
        let area = lever.area.clone().unwrap_or_default();
        let year = setting.year;
        let left = family.entry(lever.area.as_deref().unwrap_or_default()).or_insert(0.0);
        let kind = match lever.kind {
            LeverKind::Demolish | LeverKind::Sell | LeverKind::ConvertToYouth | LeverKind::ConvertToElderly => {
                let count = amount.min(*left);
                *left -= count;
                (count > 0.0).then(|| removal(lever.kind, area, count))
            }
            LeverKind::Merge => {
                // Merging takes pairs of homes and gives back one of each pair.
                let count = (amount.min(*left) / 2.0).floor() * 2.0;
                *left -= count / 2.0;
                (count > 0.0).then_some(ActionKind::Merge { area, tenure: Tenure::AlmenFamily, count })
            }
            LeverKind::BuildAlmen | LeverKind::BuildPrivate | LeverKind::BuildOwned => {
                let tenure = match lever.kind {
                    LeverKind::BuildAlmen => Tenure::AlmenFamily,
                    LeverKind::BuildPrivate => Tenure::PrivateRental,
                    _ => Tenure::OwnerOccupied,
                };
                if tenure == Tenure::AlmenFamily {
                    *left += amount;
                }
                let over_years = 2.min(base.span().last - year + 1).max(1);
                Some(ActionKind::Build { area, tenure, count: amount, over_years })
            }
            LeverKind::FlexibleLetting => {
                plan.letting.flexible.retain(|f| f.area != area);
                plan.letting.flexible.push(FlexibleLetting { area, share: amount.min(1.0), from_year: year });
                None
            }
            LeverKind::Allocation => {
                plan.letting.municipal_allocation_share = amount.min(1.0);
                None
            }
            LeverKind::JobConsultants => {
                let to_year = (year + 9).min(base.span().last);
                plan.efforts.push(Effort {
                    kind: EffortKind::JobConsultants,
                    area,
                    count: amount,
                    from_year: year,
                    to_year,
                });
                None
            }
        };
        if let Some(kind) = kind {
            plan.add_action(Action::new(year, kind));
        }
    }
    plan
}

/// A lever that takes almene family homes out, as an action.
fn removal(kind: LeverKind, area: String, count: f64) -> ActionKind {
    match kind {
        LeverKind::Demolish => ActionKind::Demolish { area, tenure: Tenure::AlmenFamily, count },
        LeverKind::Sell => ActionKind::Sell { area, count },
        LeverKind::ConvertToYouth => {
            ActionKind::Convert { area, from: Tenure::AlmenFamily, to: Tenure::AlmenYouth, count }
        }
        _ => ActionKind::Convert { area, from: Tenure::AlmenFamily, to: Tenure::AlmenElderly, count },
    }
}

/// Job consultants a search may fund in one estate.
pub const MOST_CONSULTANTS: f64 = 30.0;

/// The levers `limits` allow on `base`: each allowed kind in each allowed area where it can act
/// (removing, converting or merging where there are almene family homes, up to all of them;
/// building homes of each kind; flexible letting where there are almene
/// homes; job consultants in estates), and the municipality's allocation share if allowed.
/// Building levers may each build up to the limits' most homes built.
pub fn levers_within(base: &Plan, limits: &super::goals::Limits) -> Vec<Lever> {
    let mut levers = Vec::new();
    let allowed = |kind: LeverKind| limits.levers.contains(&kind);
    for area in base.municipality.areas.iter().filter(|a| limits.areas.contains(&a.id)) {
        let family = area.homes[Tenure::AlmenFamily];
        let at = |kind: LeverKind, max: f64| Lever { kind, area: Some(area.id.clone()), max, years: limits.years };
        for kind in LeverKind::ALL.into_iter().filter(|k| allowed(*k)) {
            let max = match kind {
                k if k.removes_homes() => family,
                k if k.builds() => limits.most_built,
                LeverKind::FlexibleLetting if area.homes.almen() > 0.0 => 1.0,
                LeverKind::JobConsultants if area.kind == crate::model::AreaKind::Estate => MOST_CONSULTANTS,
                _ => 0.0,
            };
            if max > 0.0 {
                levers.push(at(kind, max));
            }
        }
    }
    if allowed(LeverKind::Allocation) {
        levers.push(Lever { kind: LeverKind::Allocation, area: None, max: 1.0, years: limits.years });
    }
    levers
}
