//! The per-area passes of a year, split over the machine's cores (rayon's pool) when a
//! municipality is large (a national table of almene departments). Each area's work reads the
//! shared world and writes only its own slot, and every sum over areas is taken in plan order
//! (as it goes in a small world, afterwards in a large one), so the split changes no number: a
//! plan projects to the same numbers on one core or eight.

use rayon::prelude::*;

/// Below this many items a pass runs on the calling thread: handing work to other threads
/// costs more than the Visionsplan's eleven areas take.
const SPLIT_FROM: usize = 2_000;

/// The fewest items one thread is given: fewer would spend more on handing over than on work.
const FEWEST_PER_THREAD: usize = 512;

/// Runs `projection`, a whole run over a municipality of `areas` areas: a large one on one of
/// the pool's threads, so each of its passes hands work to the other threads from inside the
/// pool and the calling thread waits once, not at every pass (a 10,000-area projection makes
/// some 250 passes; waking the caller after each made it about a tenth slower). A small one runs
/// on the calling thread.
pub(super) fn run<R: Send>(areas: usize, projection: impl FnOnce() -> R + Send) -> R {
    if areas < SPLIT_FROM {
        return projection();
    }
    // Called from outside the pool, `scope` runs its closure on one of the pool's threads.
    rayon::scope(|_| projection())
}

/// `work(i, &mut items[i])` for every item; the results in the items' order.
pub(super) fn map_mut<T: Send, R: Send>(items: &mut [T], work: impl Fn(usize, &mut T) -> R + Sync + Send) -> Vec<R> {
    if items.len() < SPLIT_FROM {
        return items.iter_mut().enumerate().map(|(i, item)| work(i, item)).collect();
    }
    items.par_iter_mut().enumerate().with_min_len(FEWEST_PER_THREAD).map(|(i, item)| work(i, item)).collect()
}

/// `work(i, &mut items[i])` for every item, each result folded into `start` in the items'
/// order. A small world folds as it goes, allocating nothing (the bands run the Visionsplan
/// 200 times after every edit); a large one keeps the results and folds them afterwards.
/// The fold reads each result where it lies: a judged area's notes are some 200 bytes, and
/// moving them out of the list again cost a 10,000-area run a few per cent.
pub(super) fn fold_mut<T: Send, R: Send, A>(
    items: &mut [T],
    work: impl Fn(usize, &mut T) -> R + Sync + Send,
    start: A,
    mut fold: impl FnMut(A, &R) -> A,
) -> A {
    if items.len() < SPLIT_FROM {
        return items.iter_mut().enumerate().fold(start, |acc, (i, item)| fold(acc, &work(i, item)));
    }
    map_mut(items, work).iter().fold(start, fold)
}

/// `work(i)` for every index below `n`; the results in order.
pub(super) fn map<R: Send>(n: usize, work: impl Fn(usize) -> R + Sync + Send) -> Vec<R> {
    if n < SPLIT_FROM {
        return (0..n).map(work).collect();
    }
    (0..n).into_par_iter().with_min_len(FEWEST_PER_THREAD).map(work).collect()
}

/// Blocks of `block` items (the last may hold fewer), each item adding `per_item` values to its
/// block through `fill(i, block)`, in the items' order.
///
/// The blocks come from `make(values)` (an empty list with room for that many) on the calling
/// thread, and are filled on the pool's: memory allocated on the pool's threads comes from
/// their own arenas, which glibc gives back to the system when the results are dropped, so the
/// next run faults it in afresh (21 projections of 10,000 areas took 413,000 page faults that
/// way, against 59,000).
pub(super) fn fill_blocks<R: Send>(
    n: usize,
    (block, per_item): (usize, usize),
    mut make: impl FnMut(usize) -> Vec<R>,
    fill: impl Fn(usize, &mut Vec<R>) + Sync + Send,
) -> Vec<Vec<R>> {
    let block = block.max(1);
    let range = |b: usize| b * block..n.min((b + 1) * block);
    let mut blocks: Vec<Vec<R>> = (0..n.div_ceil(block)).map(|b| make(range(b).len() * per_item)).collect();
    let fill = |(b, out): (usize, &mut Vec<R>)| range(b).for_each(|i| fill(i, out));
    if n < SPLIT_FROM {
        blocks.iter_mut().enumerate().for_each(fill);
    } else {
        blocks.par_iter_mut().enumerate().with_min_len(FEWEST_PER_THREAD.div_ceil(block)).for_each(fill);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_split_pass_gives_every_item_its_own_result_in_order() {
        for n in [0, 1, SPLIT_FROM - 1, SPLIT_FROM, 10_007] {
            let mut items: Vec<usize> = (0..n).collect();
            let out = map_mut(&mut items, |i, item| {
                *item *= 2;
                i
            });
            assert_eq!(out, (0..n).collect::<Vec<_>>(), "{n} items: results out of order");
            assert!(items.iter().enumerate().all(|(i, item)| *item == 2 * i), "{n} items: an item was missed");
            assert_eq!(map(n, |i| i + 1), (1..=n).collect::<Vec<_>>());
            for block in [1, 256, 3_000] {
                let blocks = fill_blocks(n, (block, 1), Vec::with_capacity, |i, out| out.push(i + 1));
                assert!(blocks.iter().all(|b| !b.is_empty() && b.len() <= block), "{n} items in blocks of {block}");
                assert_eq!(blocks.concat(), (1..=n).collect::<Vec<_>>(), "{n} items in blocks of {block}");
            }
        }
    }

    /// Adding floating-point numbers in another order gives other bits: the fold must see the
    /// results in the items' order whether the pass was split or not.
    #[test]
    fn a_fold_sees_the_results_in_the_items_order_split_or_not() {
        for n in [SPLIT_FROM - 1, SPLIT_FROM + 7, 10_007] {
            let value = |i: usize| 1.0 / (1.0 + i as f64).powi(3) + 1e6 * ((i % 7) as f64);
            let in_order = (0..n).map(value).fold(0.0, |sum, v| sum + v);
            let folded = fold_mut(&mut vec![(); n], |i, ()| value(i), 0.0, |sum, v| sum + *v);
            assert_eq!(folded.to_bits(), in_order.to_bits(), "{n} items");
            let order = fold_mut(
                &mut vec![(); n],
                |i, ()| i,
                Vec::new(),
                |mut seen, i| {
                    seen.push(*i);
                    seen
                },
            );
            assert_eq!(order, (0..n).collect::<Vec<_>>(), "{n} items");
        }
    }
}
