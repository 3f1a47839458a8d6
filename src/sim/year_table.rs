//! The yearly record of every area, district, institution and estate, stored year by year:
//! one year's values of all areas lie side by side, so the engine writes a year in one run
//! through memory. (Kept per area, a year's record wrote one row into each of 10,000 separate
//! lists: a cache miss per area and year, the largest single cost of a 10,000-area projection.)
//!
//! Values are held in blocks of at most [`BLOCK_BYTES`]. A year of few values shares a block
//! with the years after it, so a small plan's table is one or two allocations (a block per
//! year made the Visionsplan's projection 20 % slower in malloc). A year of many values fills
//! blocks of its own, written on every core in a large plan, and small enough that the
//! allocator reuses them from run to run instead of asking the system for fresh pages (one
//! list of a year's 10,000 rows did: 19,000 page faults a run). Each series reads its own
//! column of a table through [`Years`], which reads, iterates and serialises as the list of
//! its years.

use super::parallel;
use serde::{Serialize, Serializer};
use std::sync::Arc;

/// Bytes per block: below glibc's 128 KB threshold for handing memory back to the system.
const BLOCK_BYTES: usize = 64 * 1024;

/// Values of `T` a block holds.
const fn block_values<T>() -> usize {
    let size = size_of::<T>();
    if size == 0 || size >= BLOCK_BYTES { 1 } else { BLOCK_BYTES / size }
}

/// Where one year's values lie.
#[derive(Clone, Copy, Debug, PartialEq)]
struct YearAt {
    /// The block holding the year's first item.
    block: usize,
    /// Where the year starts in that block.
    start: usize,
    items: usize,
    /// Values per item (an estate's criteria; 1 in a table of one value per item).
    width: usize,
    /// Items per block of a year that fills blocks of its own; 0 for a year within one block.
    items_per_block: usize,
}

/// A table recorded a year at a time: each year, `width` values for each of its items.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Table<T> {
    blocks: Vec<Vec<T>>,
    years: Vec<YearAt>,
    /// The years the run will record, to size the blocks years share.
    expected_years: usize,
    /// Blocks made before the run (see [`Table::for_run`]), for the years to fill.
    spare: Vec<Vec<T>>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self::with_years(0)
    }
}

impl<T> Table<T> {
    /// An empty table for `years` years.
    pub fn with_years(years: usize) -> Self {
        Self { blocks: Vec::new(), years: Vec::with_capacity(years), expected_years: years, spare: Vec::new() }
    }

    /// A table for `years` years of `items` items, `width` values each, with the blocks made
    /// now if the years are too large to share them. Made before the run, they lie below its passing allocations in
    /// memory, so dropping the projection leaves them to the allocator for the next run instead
    /// of handing them back to the system (made as the years were recorded, a 10,000-area
    /// projection's record was faulted in afresh every run: 883,000 page faults in the
    /// benchmark, against 60,000).
    pub fn for_run(years: usize, items: usize, width: usize) -> Self {
        let mut table = Self::with_years(years);
        let per_block = block_values::<T>();
        if items * width > per_block {
            let blocks_per_year = items.div_ceil((per_block / width).max(1));
            table.spare = (0..blocks_per_year * years).map(|_| Vec::with_capacity(per_block)).collect();
        }
        table
    }

    /// How many years are recorded.
    pub fn years(&self) -> usize {
        self.years.len()
    }

    /// Item `item`'s values in the year at `year` (empty past the last year or item).
    pub fn values(&self, year: usize, item: usize) -> &[T] {
        let Some(at) = self.years.get(year).filter(|at| item < at.items) else { return &[] };
        let (block, start) = match (item.checked_div(at.items_per_block), item.checked_rem(at.items_per_block)) {
            (Some(block), Some(within)) => (at.block + block, within * at.width),
            _ => (at.block, at.start + item * at.width),
        };
        self.blocks.get(block).and_then(|b| b.get(start..start + at.width)).unwrap_or_default()
    }

    /// Item `item`'s value in the year at `year`, in a table of one value per item.
    pub fn value(&self, year: usize, item: usize) -> Option<&T> {
        self.values(year, item).first()
    }

    /// Every item's values in the year at `year`, in the items' order.
    pub fn year(&self, year: usize) -> impl Iterator<Item = &T> {
        let at = self.years.get(year).copied();
        let blocks = at.map_or(0..0, |at| match at.items_per_block {
            0 => at.block..at.block + 1,
            per_block => at.block..at.block + at.items.div_ceil(per_block),
        });
        let blocks = self.blocks.get(blocks).unwrap_or_default();
        blocks.iter().flat_map(move |block| match at {
            Some(at) if at.items_per_block == 0 => {
                block.get(at.start..at.start + at.items * at.width).unwrap_or_default()
            }
            _ => block.as_slice(),
        })
    }

    /// The recorded table, for every item's column to read.
    pub fn finish(mut self) -> Arc<Self> {
        self.spare = Vec::new();
        Arc::new(self)
    }
}

impl<T: Send> Table<T> {
    /// Records the next year: `value(i)` for each of `items` items.
    pub fn record(&mut self, items: usize, value: impl Fn(usize) -> T + Sync + Send) {
        self.record_with(items, 1, |i, out| out.push(value(i)));
    }

    /// Records the next year: `fill(i, block)` adds item `i`'s `width` values to its block.
    pub fn record_with(&mut self, items: usize, width: usize, fill: impl Fn(usize, &mut Vec<T>) + Sync + Send) {
        let values = items * width;
        let per_block = block_values::<T>();
        if values > per_block {
            let items_per_block = (per_block / width).max(1);
            let block = self.blocks.len();
            let spare = &mut self.spare;
            let make = |values: usize| match spare.pop() {
                Some(block) if block.capacity() >= values => block,
                _ => Vec::with_capacity(values),
            };
            self.blocks.extend(parallel::fill_blocks(items, (items_per_block, width), make, fill));
            self.years.push(YearAt { block, start: 0, items, width, items_per_block });
            return;
        }
        // Into the last block if the year fits, else into a new block for it and the years after.
        if self.blocks.last().is_none_or(|b| b.capacity() - b.len() < values) {
            let years_left = self.expected_years.saturating_sub(self.years.len()).max(1);
            self.blocks.push(Vec::with_capacity(per_block.min(values * years_left).max(values)));
        }
        let block = self.blocks.len() - 1;
        let out = &mut self.blocks[block];
        let start = out.len();
        (0..items).for_each(|i| fill(i, out));
        debug_assert_eq!(out.len(), start + values, "every item adds its {width} values");
        self.years.push(YearAt { block, start, items, width, items_per_block: 0 });
    }
}

/// One item's years, oldest first: its column of a recorded table. Cloning shares the table.
pub struct Years<T> {
    /// None until the run has recorded every year (so a series is made without allocating).
    table: Option<Arc<Table<T>>>,
    item: usize,
}

impl<T> Years<T> {
    /// The column of item `item` (its place in the plan).
    pub(super) fn column(table: &Arc<Table<T>>, item: usize) -> Self {
        Self { table: Some(Arc::clone(table)), item }
    }

    /// How many years are recorded.
    pub fn len(&self) -> usize {
        self.table.as_deref().map_or(0, Table::years)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value in the year at `year_index`.
    pub fn get(&self, year_index: usize) -> Option<&T> {
        self.table.as_deref()?.value(year_index, self.item)
    }

    pub fn first(&self) -> Option<&T> {
        self.get(0)
    }

    pub fn last(&self) -> Option<&T> {
        self.get(self.len().checked_sub(1)?)
    }

    /// The values, oldest first.
    pub fn iter(&self) -> Column<'_, T> {
        Column { years: self, next: 0, end: self.len() }
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
        match self.get(year_index) {
            Some(value) => value,
            None => panic!("year index {year_index} past the {} years recorded", self.len()),
        }
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
    years: &'a Years<T>,
    /// The next year to give from the front, and the year after the last from the back.
    next: usize,
    end: usize,
}

impl<T> Clone for Column<'_, T> {
    fn clone(&self) -> Self {
        Self { years: self.years, next: self.next, end: self.end }
    }
}

impl<'a, T> Iterator for Column<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        if self.next >= self.end {
            return None;
        }
        self.next += 1;
        self.years.get(self.next - 1)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.end - self.next;
        (left, Some(left))
    }
}

impl<T> DoubleEndedIterator for Column<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.next >= self.end {
            return None;
        }
        self.end -= 1;
        self.years.get(self.end)
    }
}

impl<T> ExactSizeIterator for Column<'_, T> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{AreaYear, CriterionResult};

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
            excluded_need: 0.0,
            rehoused_in: 0.0,
            rehoused_out: 0.0,
            newcomers: Default::default(),
            segregation_points: 0.0,
        }
    }

    const YEARS: std::ops::RangeInclusive<u16> = 2016..=2040;

    fn table(areas: usize) -> Arc<Table<AreaYear>> {
        let mut table = Table::with_years(YEARS.len());
        for year in YEARS {
            table.record(areas, |a| row(year, a));
        }
        table.finish()
    }

    /// Every area reads its own rows, oldest first, whether its years share blocks (a small
    /// plan) or fill blocks of their own (a large one): a column read across a block's edge
    /// shows another area's or year's numbers.
    #[test]
    fn each_area_reads_its_own_years_in_order() {
        let block = block_values::<AreaYear>();
        for areas in [1, 11, block - 1, block, block + 1, 2 * block + 3] {
            let table = table(areas);
            let years: Vec<u16> = YEARS.collect();
            for area in 0..areas {
                let column = Years::column(&table, area);
                let read: Vec<(u16, f64)> = column.iter().map(|r| (r.year, r.commercial_m2)).collect();
                let expected: Vec<(u16, f64)> = YEARS.map(|y| (y, area as f64)).collect();
                assert_eq!(read, expected, "area {area} of {areas}");
                assert_eq!(column.len(), years.len());
                assert_eq!(column[1].year, 2017);
                assert_eq!(column.get(24).map(|r| r.commercial_m2), Some(area as f64));
                assert_eq!(column.get(25), None, "no year past the last");
                assert_eq!(column.last().map(|r| r.year), Some(2040));
                assert_eq!(
                    column.iter().rev().map(|r| r.year).collect::<Vec<_>>(),
                    years.iter().rev().copied().collect::<Vec<_>>()
                );
            }
            for (y, year) in YEARS.enumerate() {
                let all: Vec<(u16, f64)> = table.year(y).map(|r| (r.year, r.commercial_m2)).collect();
                assert_eq!(all, (0..areas).map(|a| (year, a as f64)).collect::<Vec<_>>(), "{year} of {areas} areas");
            }
        }
    }

    /// A small plan's table is a few allocations, not one a year.
    #[test]
    fn a_small_plan_shares_blocks_across_years() {
        assert_eq!(table(11).blocks.len(), 2, "275 rows in blocks of {}", block_values::<AreaYear>());
    }

    /// Scripts read an area's years as a list, as before the table.
    #[test]
    fn an_area_is_written_as_the_list_of_its_years() {
        let json = serde_json::to_value(Years::column(&table(300), 299)).expect("rows serialise");
        let list = json.as_array().expect("a list");
        assert_eq!(list.len(), 25);
        assert_eq!(list[1]["year"], 2017);
        assert_eq!(list[1]["commercial_m2"], 299.0);
    }

    /// Every estate reads its own criteria in every year, whatever the year's law counts and
    /// however many blocks the estates fill.
    #[test]
    fn each_estate_reads_its_own_criteria() {
        use crate::model::{Comparison, CriterionId, Indicator};
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
        let per_year = [8, 5, 0, 8];
        for estates in [3, 3 * block_values::<CriterionResult>() / 8 + 5] {
            let lists: Vec<Vec<Vec<CriterionResult>>> =
                per_year.iter().map(|&n| (0..estates).map(|e| judged(e, n)).collect()).collect();
            let mut table = Table::with_years(per_year.len());
            for (year, &n) in per_year.iter().enumerate() {
                table.record_with(estates, n, |e, out| out.extend_from_slice(&lists[year][e]));
            }
            for (year, lists) in lists.iter().enumerate() {
                for (e, list) in lists.iter().enumerate() {
                    assert_eq!(table.values(year, e), &list[..], "estate {e} of {estates}, year {year}");
                }
                assert!(table.values(year, estates).is_empty(), "no estate past the last");
            }
        }
    }
}
