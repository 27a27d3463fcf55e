//! The page a pool shares with its workers, as typed views: the claim counter, and for each
//! worker's place the task it runs and how many it has started.
//!
//! Only this file knows where each atomic lies. Each place has a cache line of its own, so a
//! worker's stores at every task do not take the line from the other workers or from the
//! counter they claim from (false sharing, which cost a cross-core transfer a task).
#![forbid(unsafe_code)]

use std::sync::atomic::{AtomicUsize, Ordering};

use super::sys::SharedAtomics;

/// Atomics in one cache line (64 bytes on the machines `fork` runs on).
const LINE: usize = 64 / size_of::<AtomicUsize>();

/// The shared page of one pool (a fork-per-call pool makes one per call).
pub(crate) struct Page {
    atomics: SharedAtomics,
}

impl Page {
    /// A zeroed page for `places` workers.
    pub(crate) fn new(places: usize) -> nix::Result<Self> {
        Ok(Self {
            atomics: SharedAtomics::new(LINE * (1 + places))?,
        })
    }

    /// The first input no worker has claimed yet (the fork-per-call pool's workers claim from
    /// it; the started pool sends its inputs instead).
    pub(crate) fn claims(&self) -> &AtomicUsize {
        &self.atomics.atomics()[0]
    }

    /// What the worker in place `place` says about itself.
    pub(crate) fn place(&self, place: usize) -> Cells<'_> {
        let line = &self.atomics.atomics()[LINE * (1 + place)..][..LINE];
        Cells {
            current: &line[0],
            started: &line[1],
        }
    }
}

/// One worker's cells on the page: written by the worker only, read by the parent when the
/// worker died, to say what the death cost.
#[derive(Clone, Copy)]
pub(crate) struct Cells<'a> {
    /// 1 + the index of the task it is running, or 0 between tasks.
    current: &'a AtomicUsize,
    /// How many tasks it has started since it was forked into the place.
    started: &'a AtomicUsize,
}

impl Cells<'_> {
    /// Zeroes both, for a worker about to be forked into the place.
    pub(crate) fn clear(self) {
        self.current.store(0, Ordering::Relaxed);
        self.started.store(0, Ordering::Relaxed);
    }

    /// The worker starts the task at `index`.
    pub(crate) fn begin(self, index: usize) {
        // The worker is the only writer, so a load and a store count without a locked add.
        let started = self.started.load(Ordering::Relaxed);
        self.started.store(started + 1, Ordering::Relaxed);
        self.current.store(index + 1, Ordering::Relaxed);
    }

    /// The worker is done with its task.
    pub(crate) fn end(self) {
        self.current.store(0, Ordering::Relaxed);
    }

    /// The task the worker was running, if any.
    pub(crate) fn task(self) -> Option<usize> {
        self.current.load(Ordering::Relaxed).checked_sub(1)
    }

    /// How many tasks the worker has started.
    pub(crate) fn started(self) -> usize {
        self.started.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_the_counter_never_share_a_cache_line() {
        let page = Page::new(3).unwrap();
        let address = |atomic: &AtomicUsize| atomic as *const AtomicUsize as usize / 64;
        let mut lines = vec![address(page.claims())];
        lines.extend((0..3).map(|place| address(page.place(place).current)));
        lines.dedup();
        assert_eq!(lines.len(), 4);
        let cells = page.place(2);
        assert_eq!((cells.task(), cells.started()), (None, 0));
        cells.begin(7);
        assert_eq!((cells.task(), cells.started()), (Some(7), 1));
        cells.end();
        assert_eq!((cells.task(), cells.started()), (None, 1));
    }
}
