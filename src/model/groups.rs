//! Tenures (how a home is owned or let) and resident groups (who lives there), with small
//! fixed-size containers keyed by them. Serialised as structs with named fields so plan files
//! read like the glossary.

use serde::{Deserialize, Serialize};
use std::ops::{Index, IndexMut};

/// How a home is owned or let.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tenure {
    AlmenFamily,
    AlmenYouth,
    AlmenElderly,
    PrivateRental,
    Cooperative,
    OwnerOccupied,
}

impl Tenure {
    pub const ALL: [Self; 6] = [
        Self::AlmenFamily,
        Self::AlmenYouth,
        Self::AlmenElderly,
        Self::PrivateRental,
        Self::Cooperative,
        Self::OwnerOccupied,
    ];

    /// The key used in files, JSON and translation tables.
    pub fn key(self) -> &'static str {
        match self {
            Self::AlmenFamily => "almen_family",
            Self::AlmenYouth => "almen_youth",
            Self::AlmenElderly => "almen_elderly",
            Self::PrivateRental => "private_rental",
            Self::Cooperative => "cooperative",
            Self::OwnerOccupied => "owner_occupied",
        }
    }

    /// Non-profit social housing (almene boliger) of any kind.
    pub fn is_almen(self) -> bool {
        matches!(self, Self::AlmenFamily | Self::AlmenYouth | Self::AlmenElderly)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Resident groups (persons), the unit of the composition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Children 0–17.
    Children,
    /// Adults 18–64 in work.
    Employed,
    /// Adults 18–64 in education.
    InEducation,
    /// Adults 18–64 outside work and education.
    OutsideWork,
    /// Seniors 65+.
    Seniors,
}

impl Group {
    pub const ALL: [Self; 5] = [Self::Children, Self::Employed, Self::InEducation, Self::OutsideWork, Self::Seniors];

    pub fn key(self) -> &'static str {
        match self {
            Self::Children => "children",
            Self::Employed => "employed",
            Self::InEducation => "in_education",
            Self::OutsideWork => "outside_work",
            Self::Seniors => "seniors",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// One value per tenure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PerTenure<T> {
    pub almen_family: T,
    pub almen_youth: T,
    pub almen_elderly: T,
    pub private_rental: T,
    pub cooperative: T,
    pub owner_occupied: T,
}

impl<T: Copy> PerTenure<T> {
    pub fn from_fn(mut f: impl FnMut(Tenure) -> T) -> Self {
        Self {
            almen_family: f(Tenure::AlmenFamily),
            almen_youth: f(Tenure::AlmenYouth),
            almen_elderly: f(Tenure::AlmenElderly),
            private_rental: f(Tenure::PrivateRental),
            cooperative: f(Tenure::Cooperative),
            owner_occupied: f(Tenure::OwnerOccupied),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (Tenure, T)> + '_ {
        Tenure::ALL.into_iter().map(|t| (t, self[t]))
    }
}

impl PerTenure<f64> {
    /// The sum in [`Tenure::ALL`]'s order, written out: the engine takes it for every area
    /// many times a year, and the iterator's form cost a tenth of a projection.
    pub fn total(&self) -> f64 {
        self.almen_family
            + self.almen_youth
            + self.almen_elderly
            + self.private_rental
            + self.cooperative
            + self.owner_occupied
    }

    /// The almene tenures' sum, in [`Tenure::ALL`]'s order.
    pub fn almen(&self) -> f64 {
        self.almen_family + self.almen_youth + self.almen_elderly
    }
}

impl<T> Index<Tenure> for PerTenure<T> {
    type Output = T;
    fn index(&self, tenure: Tenure) -> &T {
        match tenure {
            Tenure::AlmenFamily => &self.almen_family,
            Tenure::AlmenYouth => &self.almen_youth,
            Tenure::AlmenElderly => &self.almen_elderly,
            Tenure::PrivateRental => &self.private_rental,
            Tenure::Cooperative => &self.cooperative,
            Tenure::OwnerOccupied => &self.owner_occupied,
        }
    }
}

impl<T> IndexMut<Tenure> for PerTenure<T> {
    fn index_mut(&mut self, tenure: Tenure) -> &mut T {
        match tenure {
            Tenure::AlmenFamily => &mut self.almen_family,
            Tenure::AlmenYouth => &mut self.almen_youth,
            Tenure::AlmenElderly => &mut self.almen_elderly,
            Tenure::PrivateRental => &mut self.private_rental,
            Tenure::Cooperative => &mut self.cooperative,
            Tenure::OwnerOccupied => &mut self.owner_occupied,
        }
    }
}

/// One value per resident group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PerGroup<T> {
    pub children: T,
    pub employed: T,
    pub in_education: T,
    pub outside_work: T,
    pub seniors: T,
}

impl<T: Copy> PerGroup<T> {
    pub fn from_fn(mut f: impl FnMut(Group) -> T) -> Self {
        Self {
            children: f(Group::Children),
            employed: f(Group::Employed),
            in_education: f(Group::InEducation),
            outside_work: f(Group::OutsideWork),
            seniors: f(Group::Seniors),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (Group, T)> + '_ {
        Group::ALL.into_iter().map(|g| (g, self[g]))
    }
}

impl PerGroup<f64> {
    /// The sum in [`Group::ALL`]'s order, written out (see [`PerTenure::total`]).
    pub fn total(&self) -> f64 {
        self.children + self.employed + self.in_education + self.outside_work + self.seniors
    }

    /// Adults 18–64: employed, in education and outside work.
    pub fn working_age(&self) -> f64 {
        self.employed + self.in_education + self.outside_work
    }

    /// Each group times `factor`.
    pub fn scaled(&self, factor: f64) -> Self {
        Self::from_fn(|g| self[g] * factor)
    }

    /// Element-wise sum.
    pub fn plus(&self, other: &Self) -> Self {
        Self::from_fn(|g| self[g] + other[g])
    }

    /// Shares summing to 1, or all zero for an empty vector.
    pub fn normalised(&self) -> Self {
        let total = self.total();
        if total > 0.0 { self.scaled(1.0 / total) } else { Self::default() }
    }
}

impl<T> Index<Group> for PerGroup<T> {
    type Output = T;
    fn index(&self, group: Group) -> &T {
        match group {
            Group::Children => &self.children,
            Group::Employed => &self.employed,
            Group::InEducation => &self.in_education,
            Group::OutsideWork => &self.outside_work,
            Group::Seniors => &self.seniors,
        }
    }
}

impl<T> IndexMut<Group> for PerGroup<T> {
    fn index_mut(&mut self, group: Group) -> &mut T {
        match group {
            Group::Children => &mut self.children,
            Group::Employed => &mut self.employed,
            Group::InEducation => &mut self.in_education,
            Group::OutsideWork => &mut self.outside_work,
            Group::Seniors => &mut self.seniors,
        }
    }
}
