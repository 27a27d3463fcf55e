//! Drawing when each worker ran as a text timeline, and measuring their overlap.
//!
//! The notes' picture of concurrency against parallelism shows two tasks as bars over time:
//! taking turns on one core, side by side on two. [`record_workers`] produces that picture
//! from a real run: each worker records its own [`Activity`] while it computes.
//! [`Timeline::render`] draws them, a row per worker, and [`Timeline::overlap`] measures for
//! how long two workers ran at the same instant: none on one core, most of the time on
//! several.

use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

use super::activity::{Activity, busy_recording};
use super::join::{ThreadPanicked, join_all_scoped};

/// The record of one run of several workers: their activity and how long the run took.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    /// One record per worker, in start order.
    pub workers: Vec<Activity>,
    /// From the common start to the end of the last interval.
    pub span: Duration,
}

/// Starts `workers` threads that each do `units` units of work, released together, and
/// returns when each of them was running.
///
/// ```
/// use concurrency::threading::activity::units_for;
/// use concurrency::threading::timeline::record_workers;
///
/// let run = record_workers(2, units_for(std::time::Duration::from_millis(5)))?;
/// assert_eq!(run.workers.len(), 2);
/// assert!(run.workers.iter().all(|w| !w.running.is_empty()));
/// # Ok::<(), concurrency::threading::join::ThreadPanicked>(())
/// ```
///
/// # Errors
///
/// [`ThreadPanicked`] if a worker panicked.
pub fn record_workers(workers: usize, units: u64) -> Result<Timeline, ThreadPanicked> {
    let ready = Barrier::new(workers);
    let origin = Instant::now();
    let workers = thread::scope(|s| {
        let handles = (0..workers)
            .map(|_| {
                let ready = &ready;
                s.spawn(move || {
                    ready.wait();
                    busy_recording(origin, units)
                })
            })
            .collect();
        join_all_scoped(handles)
    })?;
    let span = workers
        .iter()
        .filter_map(|w| w.running.last().map(|r| r.end))
        .max()
        .unwrap_or_default();
    Ok(Timeline { workers, span })
}

impl Timeline {
    /// How long at least two workers were running at the same instant.
    ///
    /// On one core this is zero, up to the clock readings' granularity: the core runs one
    /// thread at a time. On several cores it is most of the run.
    pub fn overlap(&self) -> Duration {
        let mut edges: Vec<(Duration, i32)> = self
            .workers
            .iter()
            .flat_map(|w| w.running.iter().flat_map(|r| [(r.start, 1), (r.end, -1)]))
            .collect();
        // Ends before starts at the same instant: touching intervals do not overlap.
        edges.sort_unstable();
        let mut overlap = Duration::ZERO;
        let mut running = 0;
        let mut since = Duration::ZERO;
        for (at, change) in edges {
            if running >= 2 {
                overlap += at - since;
            }
            running += change;
            since = at;
        }
        overlap
    }

    /// Draws one row per worker, `columns` characters wide, each character `column` long.
    ///
    /// A character is `#` where the worker ran for at least half of that column, `.` where it
    /// ran for less, and a space where it did not run at all.
    ///
    /// ```
    /// use std::time::Duration;
    /// use concurrency::threading::activity::Activity;
    /// use concurrency::threading::timeline::Timeline;
    ///
    /// let ms = Duration::from_millis;
    /// let run = Timeline {
    ///     workers: vec![
    ///         Activity { running: vec![ms(0)..ms(2), ms(4)..ms(6)] },
    ///         Activity { running: vec![ms(2)..ms(4), ms(6)..ms(7)] },
    ///     ],
    ///     span: ms(7),
    /// };
    /// assert_eq!(run.render(ms(1), 8), ["##  ##  ", "  ##  # "]);
    /// assert_eq!(run.overlap(), Duration::ZERO);
    /// ```
    pub fn render(&self, column: Duration, columns: usize) -> Vec<String> {
        self.workers
            .iter()
            .map(|worker| {
                (0..columns)
                    .map(|c| {
                        let window = column * c as u32..column * (c as u32 + 1);
                        let busy = worker.busy_within(&window);
                        if busy.is_zero() {
                            ' '
                        } else if busy * 2 >= column {
                            '#'
                        } else {
                            '.'
                        }
                    })
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::threading::activity::{GAP, units_for};
    use os::affinity::{pinned_to_one_core, usable_cores};

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn overlap_counts_only_simultaneous_running() {
        let run = Timeline {
            workers: vec![
                Activity {
                    running: vec![ms(0)..ms(10)],
                },
                Activity {
                    running: vec![ms(5)..ms(12)],
                },
                Activity {
                    running: vec![ms(11)..ms(20)],
                },
            ],
            span: ms(20),
        };
        // 5..10 (workers 0 and 1) and 11..12 (workers 1 and 2).
        assert_eq!(run.overlap(), ms(6));
        assert_eq!(Timeline::default().overlap(), Duration::ZERO);
    }

    #[test]
    fn partial_columns_are_dotted() {
        let run = Timeline {
            workers: vec![Activity {
                running: vec![Duration::from_micros(100)..Duration::from_micros(300)],
            }],
            span: ms(1),
        };
        assert_eq!(run.render(ms(1), 2), [". "]);
        assert_eq!(run.workers[0].busy(), Duration::from_micros(200));
    }

    #[test]
    fn a_recorded_worker_is_busy_for_most_of_its_span() {
        let run = record_workers(1, units_for(ms(20))).unwrap();
        let worker = &run.workers[0];
        // Disjoint, in order, and split only where the thread really paused (a gap > GAP).
        assert!(
            worker
                .running
                .windows(2)
                .all(|w| w[1].start - w[0].end > GAP)
        );
        assert!(worker.busy() <= run.span);
        assert!(!worker.busy().is_zero());
    }

    #[test]
    fn workers_pinned_to_one_core_never_run_at_once() {
        let core = usable_cores().unwrap()[0];
        let run = pinned_to_one_core(core, || record_workers(2, units_for(ms(30))))
            .unwrap()
            .unwrap();
        // Only the clock readings' granularity (one unit per switch) can show as overlap.
        assert!(
            run.overlap() * 20 < run.span,
            "{:?} of {:?}",
            run.overlap(),
            run.span
        );
    }
}
