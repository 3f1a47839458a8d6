//! The yearly record of every area, district and institution, stored year by year: one year's
//! values of all areas lie side by side, so the engine writes a year in one run through memory.
//! (Kept per area, a year's record wrote one row into each of 10,000 separate lists: a cache
//! miss per area and year, the largest single cost of a 10,000-area projection.) A year's
//! values are held in blocks of at most [`BLOCK_BYTES`], small enough that the allocator reuses
//! them from run to run instead of asking the system for fresh pages (one list of a year's
//! 10,000 rows did: 19,000 page faults a run). Each series reads its own column of a table
//! through [`Years`], which reads, iterates and serialises as the list of its years.

use super::output::CriterionResult;
use super::parallel;
use serde::{Serialize, Serializer};
use std::sync::Arc;

/// Bytes per block of a year's values: below glibc's 128 KB threshold for handing memory back
/// to the system.
const BLOCK_BYTES: usize = 64 * 1024;

/// Values per block.
const fn block_len<T>() -> usize {
    let size = size_of::<T>();
    if size == 0 || size >= BLOCK_BYTES { 1 } else { BLOCK_BYTES / size }
}

/// One year's values of every item, in blocks.
type Year<T> = Vec<Vec<T>>;

/// Item `item`'s value in a year.
fn value<T>(year: &Year<T>, item: usize) -> Option<&T> {
    year.get(item / block_len::<T>())?.get(item % block_len::<T>())
}

/// A table being recorded, a year at a time.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Table<T> {
    years: Vec<Year<T>>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self { years: Vec::new() }
    }
}

impl<T: Send> Table<T> {
    /// An empty table with room for `years` years.
    pub fn with_years(years: usize) -> Self {
        Self { years: Vec::with_capacity(years) }
    }

    /// Records the next year: `value(i)` for each of `items` items.
    pub fn record(&mut self, items: usize, value: impl Fn(usize) -> T + Sync + Send) {
        self.years.push(parallel::map_in_blocks(items, block_len::<T>(), value));
    }

    /// The values of the last recorded year, in the items' order.
    pub fn last_year(&self) -> impl Iterator<Item = &T> {
        self.years.last().into_iter().flatten().flatten()
    }

    /// The recorded table, for every item's column to read.
    pub fn finish(self) -> Arc<[Year<T>]> {
        self.years.into()
    }
}

/// One year's criteria of every estate: the same number for each (the rule set's), in blocks
/// of whole estates.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct YearCriteria {
    per_estate: usize,
    blocks: Vec<Vec<CriterionResult>>,
}

impl YearCriteria {
    /// Estates per block, for `per_estate` criteria each.
    fn estates_per_block(per_estate: usize) -> usize {
        (BLOCK_BYTES / (per_estate.max(1) * size_of::<CriterionResult>())).max(1)
    }

    /// The year's criteria of `estates` estates, `per_estate` each, from `criteria(e)`.
    pub fn record<'a>(
        estates: usize,
        per_estate: usize,
        criteria: impl Fn(usize) -> &'a [CriterionResult] + Sync + Send,
    ) -> Self {
        let blocks = parallel::fill_blocks(estates, Self::estates_per_block(per_estate), per_estate, |e, out| {
            let judged = criteria(e);
            debug_assert_eq!(judged.len(), per_estate, "every estate is judged by every criterion");
            out.extend_from_slice(judged);
        });
        Self { per_estate, blocks }
    }

    /// The criteria of the `estate`th estate.
    pub fn of(&self, estate: usize) -> &[CriterionResult] {
        let per_block = Self::estates_per_block(self.per_estate);
        let start = (estate % per_block) * self.per_estate;
        let block = self.blocks.get(estate / per_block).map_or(&[][..], Vec::as_slice);
        block.get(start..start + self.per_estate).unwrap_or_default()
    }
}

/// One item's years, oldest first: its column of a recorded table. Cloning shares the table.
pub struct Years<T> {
    /// None until the run has recorded every year (so a series is made without allocating).
    table: Option<Arc<[Year<T>]>>,
    item: usize,
}

impl<T> Years<T> {
    /// The column of item `item` (its place in the plan).
    pub(super) fn column(table: &Arc<[Year<T>]>, item: usize) -> Self {
        Self { table: Some(Arc::clone(table)), item }
    }

    /// The recorded years of every item.
    fn years(&self) -> &[Year<T>] {
        self.table.as_deref().unwrap_or_default()
    }

    /// How many years are recorded.
    pub fn len(&self) -> usize {
        self.years().len()
    }

    pub fn is_empty(&self) -> bool {
        self.years().is_empty()
    }

    /// The value in the year at `year_index`.
    pub fn get(&self, year_index: usize) -> Option<&T> {
        value(self.years().get(year_index)?, self.item)
    }

    pub fn first(&self) -> Option<&T> {
        self.get(0)
    }

    pub fn last(&self) -> Option<&T> {
        self.get(self.len().checked_sub(1)?)
    }

    /// The values, oldest first.
    pub fn iter(&self) -> Column<'_, T> {
        Column { years: self.years().iter(), item: self.item }
    }
}

impl<T> Default for Years<T> {
    /// No years recorded.
    fn default() -> Self {
        Self { table: None, item: 0 }
    }
}

impl<T> Clone for Years<T> {
    fn clone(&self) -> Self {
        Self { table: self.table.clone(), item: self.item }
    }
}

impl<T> std::ops::Index<usize> for Years<T> {
    type Output = T;

    /// The value in the year at `year_index`; panics past the last year, as a list does.
    fn index(&self, year_index: usize) -> &T {
        &self.years()[year_index][self.item / block_len::<T>()][self.item % block_len::<T>()]
    }
}

impl<'a, T> IntoIterator for &'a Years<T> {
    type Item = &'a T;
    type IntoIter = Column<'a, T>;

    fn into_iter(self) -> Column<'a, T> {
        self.iter()
    }
}

impl<T: PartialEq> PartialEq for Years<T> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Years<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Written as the list of the item's years, as it reads.
impl<T: Serialize> Serialize for Years<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// An item's values, year by year.
pub struct Column<'a, T> {
    years: std::slice::Iter<'a, Year<T>>,
    item: usize,
}

impl<T> Clone for Column<'_, T> {
    fn clone(&self) -> Self {
        Self { years: self.years.clone(), item: self.item }
    }
}

impl<'a, T> Iterator for Column<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        value(self.years.next()?, self.item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.years.size_hint()
    }
}

impl<T> DoubleEndedIterator for Column<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        value(self.years.next_back()?, self.item)
    }
}

impl<T> ExactSizeIterator for Column<'_, T> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::AreaYear;

    /// A row that says which area and year it belongs to.
    fn row(year: u16, area: usize) -> AreaYear {
        AreaYear {
            year,
            homes: Default::default(),
            residents: Default::default(),
            indicators: Default::default(),
            status: Default::default(),
            almen_family_share_168a: 0.0,
            share_168a_parts: Default::default(),
            commercial_m2: area as f64,
            left_municipality: 0.0,
            awaiting_rehousing: 0.0,
            rehoused_in: 0.0,
            rehoused_out: 0.0,
            newcomers: Default::default(),
            segregation_points: 0.0,
        }
    }

    /// Every area reads its own rows, oldest first, however many blocks a year has: a column
    /// read across a block's edge shows another area's numbers.
    #[test]
    fn each_area_reads_its_own_years_in_order() {
        let block = block_len::<AreaYear>();
        for areas in [1, block - 1, block, 2 * block + 3] {
            let years = [2016, 2017, 2018];
            let mut table = Table::with_years(years.len());
            for year in years {
                table.record(areas, |a| row(year, a));
            }
            let table = table.finish();
            for area in 0..areas {
                let column = Years::column(&table, area);
                let read: Vec<(u16, f64)> = column.iter().map(|r| (r.year, r.commercial_m2)).collect();
                assert_eq!(read, years.map(|y| (y, area as f64)), "area {area} of {areas}");
                assert_eq!(column.len(), years.len());
                assert_eq!(column[1].year, 2017);
                assert_eq!(column.get(2).map(|r| r.commercial_m2), Some(area as f64));
                assert_eq!(column.get(3), None, "no year past the last");
                assert_eq!(column.last().map(|r| r.year), Some(2018));
                assert_eq!(column.iter().rev().map(|r| r.year).collect::<Vec<_>>(), [2018, 2017, 2016]);
            }
        }
    }

    /// Scripts read an area's years as a list, as before the table.
    #[test]
    fn an_area_is_written_as_the_list_of_its_years() {
        let mut table = Table::with_years(2);
        for year in [2016, 2017] {
            table.record(300, |a| row(year, a));
        }
        let json = serde_json::to_value(Years::column(&table.finish(), 299)).expect("rows serialise");
        let list = json.as_array().expect("a list");
        assert_eq!(list.len(), 2);
        assert_eq!(list[1]["year"], 2017);
        assert_eq!(list[1]["commercial_m2"], 299.0);
    }

    /// Every estate reads its own criteria in every year, whatever the year's law counts and
    /// however many blocks the estates fill.
    #[test]
    fn each_estate_reads_its_own_criteria() {
        use crate::model::{Comparison, CriterionId, Indicator};
        let estates = 3 * YearCriteria::estates_per_block(8) + 5;
        let judged = |estate: usize, per_estate: usize| -> Vec<CriterionResult> {
            (0..per_estate)
                .map(|k| CriterionResult {
                    id: CriterionId::new("test"),
                    indicator: Indicator::OutsideWork,
                    comparison: Comparison::Above,
                    value: estate as f64,
                    threshold: k as f64,
                    met: false,
                })
                .collect()
        };
        for per_estate in [8, 5, 0] {
            let lists: Vec<Vec<CriterionResult>> = (0..estates).map(|e| judged(e, per_estate)).collect();
            let year = YearCriteria::record(estates, per_estate, |e| &lists[e]);
            for (e, list) in lists.iter().enumerate() {
                assert_eq!(year.of(e), &list[..], "estate {e} of {estates}, {per_estate} criteria");
            }
            assert!(year.of(estates).is_empty(), "no estate past the last");
        }
    }
}
