//! Every area's yearly record, stored year by year: one year's rows of all areas lie side by
//! side, so the engine writes a year in one run through memory. (Kept per area, a year's record
//! wrote one row into each of 10,000 separate lists: a cache miss per area and year, the largest
//! single cost of a 10,000-area projection.) A year's rows are held in blocks of [`BLOCK`]
//! areas, small enough that the allocator reuses them from run to run instead of asking the
//! system for fresh pages (one list of a year's 10,000 rows did: 19,000 page faults a run). An
//! area's series reads its own column of the table through [`AreaYears`], which behaves as the
//! list of its years.

use super::output::AreaYear;
use serde::{Serialize, Serializer};
use std::sync::Arc;

/// Areas per block of a year's rows: 256 rows are 76 KB, below glibc's 128 KB threshold for
/// giving memory back to the system.
pub(super) const BLOCK: usize = 256;

/// One year's rows of every area, in blocks of [`BLOCK`] areas.
pub(super) type YearRows = Vec<Vec<AreaYear>>;

/// Every area's rows, year by year: `rows[year][area / BLOCK][area % BLOCK]`.
pub(super) type Rows = Arc<[YearRows]>;

/// One area's years, oldest first: its column of the projection's table. Cloning shares the
/// table.
#[derive(Clone, Default)]
pub struct AreaYears {
    rows: Rows,
    area: usize,
}

impl AreaYears {
    /// The column of area `area` (its place in the plan).
    pub(super) fn column(rows: &Rows, area: usize) -> Self {
        Self { rows: Arc::clone(rows), area }
    }

    /// How many years are recorded.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The area's row in the year at `year_index`.
    pub fn get(&self, year_index: usize) -> Option<&AreaYear> {
        row(self.rows.get(year_index)?, self.area)
    }

    pub fn first(&self) -> Option<&AreaYear> {
        self.get(0)
    }

    pub fn last(&self) -> Option<&AreaYear> {
        self.get(self.len().checked_sub(1)?)
    }

    /// The area's rows, oldest first.
    pub fn iter(&self) -> Column<'_> {
        Column { years: self.rows.iter(), area: self.area }
    }
}

impl std::ops::Index<usize> for AreaYears {
    type Output = AreaYear;

    /// The area's row in the year at `year_index`; panics past the last year, as a list does.
    fn index(&self, year_index: usize) -> &AreaYear {
        &self.rows[year_index][self.area / BLOCK][self.area % BLOCK]
    }
}

impl<'a> IntoIterator for &'a AreaYears {
    type Item = &'a AreaYear;
    type IntoIter = Column<'a>;

    fn into_iter(self) -> Column<'a> {
        self.iter()
    }
}

impl PartialEq for AreaYears {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for AreaYears {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Written as the list of the area's years, as it reads.
impl Serialize for AreaYears {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// An area's rows, year by year.
#[derive(Clone)]
pub struct Column<'a> {
    years: std::slice::Iter<'a, YearRows>,
    area: usize,
}

impl<'a> Iterator for Column<'a> {
    type Item = &'a AreaYear;

    fn next(&mut self) -> Option<&'a AreaYear> {
        row(self.years.next()?, self.area)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.years.size_hint()
    }
}

impl DoubleEndedIterator for Column<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        row(self.years.next_back()?, self.area)
    }
}

impl ExactSizeIterator for Column<'_> {}

/// Area `area`'s row in a year's rows.
fn row(year: &YearRows, area: usize) -> Option<&AreaYear> {
    year.get(area / BLOCK)?.get(area % BLOCK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::parallel;

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
        for areas in [1, BLOCK - 1, BLOCK, 2 * BLOCK + 3] {
            let years = [2016, 2017, 2018];
            let rows: Rows = years.iter().map(|&y| parallel::map_in_blocks(areas, BLOCK, |a| row(y, a))).collect();
            for area in 0..areas {
                let column = AreaYears::column(&rows, area);
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
        let rows: Rows = [2016, 2017].iter().map(|&y| parallel::map_in_blocks(300, BLOCK, |a| row(y, a))).collect();
        let json = serde_json::to_value(AreaYears::column(&rows, 299)).expect("rows serialise");
        let list = json.as_array().expect("a list");
        assert_eq!(list.len(), 2);
        assert_eq!(list[1]["year"], 2017);
        assert_eq!(list[1]["commercial_m2"], 299.0);
    }
}
