//! A lazily computed, cached property with `OnceCell`.
//!
//! Python's `functools.cached_property` computes a value on first access and stores it on the
//! instance; it never notices when the data it came from changes, so after
//! `data.values.append(9)` the cached `summary` is stale until someone deletes it.
//!
//! In Rust, [`Dataset::summary`] takes `&self` (a read) and still fills the cache, through a
//! [`OnceCell`]: interior mutability, a value that can be set once through a shared reference.
//! Changing the data takes `&mut self`, and [`Dataset::push`] empties the cache there. The
//! borrow checker makes the stale read impossible, since a summary borrowed from the dataset
//! must be dropped before the dataset can change:
//!
//! ```compile_fail,E0502
//! let mut data = property::cached::Dataset::new(vec![1, 2, 3]);
//! let summary = data.summary();
//! data.push(4); // error[E0502]: cannot borrow `data` as mutable because it is also borrowed as immutable
//! println!("{}", summary.sum);
//! ```
//!
//! `OnceCell` is single-threaded; `OnceLock` is the same for values shared between threads,
//! and `LazyCell`/`LazyLock` fit when the computation is known where the cell is created.

use std::cell::{Cell, OnceCell};

/// Numbers with a summary computed on first use and cached until they change.
// ANCHOR: dataset
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    values: Vec<i64>,
    summary: OnceCell<Summary>,
    computations: Cell<usize>,
}

/// What [`Dataset::summary`] computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// How many values.
    pub count: usize,
    /// Their sum.
    pub sum: i64,
    /// The largest, if there are any.
    pub max: Option<i64>,
}

impl Dataset {
    /// A dataset holding `values`; nothing is computed yet.
    pub fn new(values: Vec<i64>) -> Self {
        Dataset {
            values,
            ..Dataset::default()
        }
    }

    /// The summary: computed on the first call after a change, then borrowed from the cache.
    ///
    /// ```
    /// let data = property::cached::Dataset::new(vec![3, 1, 2]);
    /// assert_eq!(data.summary().max, Some(3));
    /// assert_eq!(data.summary().sum, 6);
    /// assert_eq!(data.computations(), 1);
    /// ```
    pub fn summary(&self) -> &Summary {
        self.summary.get_or_init(|| {
            self.computations.set(self.computations.get() + 1);
            Summary {
                count: self.values.len(),
                sum: self.values.iter().sum(),
                max: self.values.iter().copied().max(),
            }
        })
    }

    /// Adds a value and forgets the cached summary, which no longer describes the data.
    pub fn push(&mut self, value: i64) {
        self.values.push(value);
        self.summary.take();
    }

    /// How many times the summary has been computed, to make the caching visible.
    pub fn computations(&self) -> usize {
        self.computations.get()
    }
}
// ANCHOR_END: dataset

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_once_until_the_data_changes() {
        let mut data = Dataset::new(vec![1, 2]);
        assert_eq!(data.computations(), 0);
        for _ in 0..5 {
            assert_eq!(data.summary().sum, 3);
        }
        assert_eq!(data.computations(), 1);
        data.push(10);
        assert_eq!(data.computations(), 1, "push must not compute");
        assert_eq!(
            *data.summary(),
            Summary {
                count: 3,
                sum: 13,
                max: Some(10)
            }
        );
        assert_eq!(data.computations(), 2);
    }

    #[test]
    fn an_empty_dataset_has_no_max() {
        let data = Dataset::default();
        assert_eq!(
            *data.summary(),
            Summary {
                count: 0,
                sum: 0,
                max: None
            }
        );
    }
}
