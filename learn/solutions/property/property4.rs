// property4: make it hold: a cached property that is computed once and never stale.
//
// Page: docs/property.md#oncecell-a-lazily-computed-cached-property
//
// Python's `@cached_property` computes `summary` once; after `data.values.append(10)` it
// still returns the old one until someone writes `del data.summary`. In Rust the cache is a
// `OnceCell` field, and since `values` is private, the method that changes it clears the
// cache. Done when the tests pass: one computation per change, never a stale summary.

use std::cell::{Cell, OnceCell};

/// `(len(values), sum(values), max(values, default=None))`.
type Summary = (usize, i64, Option<i64>);

struct Dataset {
    values: Vec<i64>,
    summary: OnceCell<Summary>,
    /// How many times the summary was computed.
    computed: Cell<u32>,
}

impl Dataset {
    fn new(values: Vec<i64>) -> Dataset {
        Dataset {
            values,
            summary: OnceCell::new(),
            computed: Cell::new(0),
        }
    }

    fn summary(&self) -> Summary {
        *self.summary.get_or_init(|| {
            self.computed.set(self.computed.get() + 1);
            (
                self.values.len(),
                self.values.iter().sum(),
                self.values.iter().max().copied(),
            )
        })
    }

    fn push(&mut self, value: i64) {
        self.values.push(value);
        self.summary.take();
    }
}

fn main() {
    let mut data = Dataset::new(vec![1, 2, 3]);
    println!("{:?}", data.summary());
    data.push(10);
    println!("{:?}", data.summary());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_once_however_often_it_is_read() {
        let data = Dataset::new(vec![1, 2, 3]);
        assert_eq!(data.summary(), (3, 6, Some(3)));
        assert_eq!(data.summary(), (3, 6, Some(3)));
        assert_eq!(data.computed.get(), 1);
    }

    #[test]
    fn a_change_is_never_hidden_by_the_cache() {
        let mut data = Dataset::new(vec![1, 2, 3]);
        assert_eq!(data.summary(), (3, 6, Some(3)));
        data.push(10);
        assert_eq!(data.summary(), (4, 16, Some(10)));
        assert_eq!(data.computed.get(), 2);
    }
}
