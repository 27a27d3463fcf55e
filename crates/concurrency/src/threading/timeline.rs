//! Recording when each worker runs, and drawing the record as a text timeline.
//!
//! The notes' picture of concurrency against parallelism shows two tasks as bars over time:
//! taking turns on one core, side by side on two. [`record_workers`] produces that picture
//! from a real run. Each worker computes in small units and reads the clock after each; a gap
//! longer than [`GAP`] between two readings means the operating system had taken the core
//! away, so the worker's record is the list of intervals in which it was really running.
//! [`Run::render`] draws them, a row per worker, and [`Run::overlap`] measures for how long
//! two workers ran at the same instant: none on one core, most of the time on several.

use std::hint::black_box;
use std::ops::Range;
use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

use super::worker::{WorkerPanicked, join_all_scoped};

/// A pause between two clock readings longer than this means the worker was not running.
///
/// One unit of work takes a few microseconds; a time slice given to another thread lasts
/// about a millisecond or more, so the two cannot be confused.
pub const GAP: Duration = Duration::from_micros(100);

/// When one worker was running, as intervals measured from the run's start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Activity {
    /// Disjoint, in increasing order.
    pub running: Vec<Range<Duration>>,
}

impl Activity {
    /// The total time spent running.
    pub fn busy(&self) -> Duration {
        self.running.iter().map(|r| r.end - r.start).sum()
    }

    /// How long the worker ran within `window`.
    pub fn busy_within(&self, window: &Range<Duration>) -> Duration {
        self.running
            .iter()
            .map(|r| {
                r.end
                    .min(window.end)
                    .saturating_sub(r.start.max(window.start))
            })
            .sum()
    }
}

/// One unit of pure computation, a few microseconds long.
fn unit_of_work() {
    let mut x = black_box(0x9E37_79B9_u64);
    for _ in 0..black_box(1_000) {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    }
    black_box(x);
}

/// How many units of work take about `target` on this thread, measured now.
pub fn units_for(target: Duration) -> u64 {
    const SAMPLE: u64 = 2_000;
    let start = Instant::now();
    for _ in 0..SAMPLE {
        unit_of_work();
    }
    let per_unit = start.elapsed().as_secs_f64() / SAMPLE as f64;
    // Saturating float-to-int conversion; at least one unit.
    ((target.as_secs_f64() / per_unit.max(1e-9)) as u64).max(1)
}

/// Does `units` units of work, recording when this thread was running, relative to `origin`.
pub fn busy_recording(origin: Instant, units: u64) -> Activity {
    let mut running = Vec::new();
    let mut start = Instant::now();
    let mut last = start;
    for _ in 0..units {
        unit_of_work();
        let now = Instant::now();
        if now - last > GAP {
            running.push(start - origin..last - origin);
            start = now;
        }
        last = now;
    }
    running.push(start - origin..last - origin);
    Activity { running }
}

/// The record of one run: every worker's activity and how long the run took.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    /// One record per worker, in start order.
    pub workers: Vec<Activity>,
    /// From the common start to the end of the last interval.
    pub span: Duration,
}

/// Starts `workers` threads that each do `units` units of work, released together, and
/// returns when each of them was running.
///
/// ```
/// use concurrency::threading::timeline::{record_workers, units_for};
///
/// let run = record_workers(2, units_for(std::time::Duration::from_millis(5)))?;
/// assert_eq!(run.workers.len(), 2);
/// assert!(run.workers.iter().all(|w| !w.running.is_empty()));
/// # Ok::<(), concurrency::threading::worker::WorkerPanicked>(())
/// ```
///
/// # Errors
///
/// [`WorkerPanicked`] if a worker panicked.
pub fn record_workers(workers: usize, units: u64) -> Result<Run, WorkerPanicked> {
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
    Ok(Run { workers, span })
}

impl Run {
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
    /// use concurrency::threading::timeline::{Activity, Run};
    ///
    /// let ms = Duration::from_millis;
    /// let run = Run {
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

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn overlap_counts_only_simultaneous_running() {
        let run = Run {
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
        assert_eq!(Run::default().overlap(), Duration::ZERO);
    }

    #[test]
    fn partial_columns_are_dotted() {
        let run = Run {
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

    /// The recorded running time against the kernel's account of the thread's CPU time: a
    /// busy machine stretches the span, not these two, so they must agree however loaded.
    #[test]
    #[cfg(target_os = "linux")]
    fn the_recorded_running_time_is_the_threads_cpu_time() {
        use nix::sys::resource::{UsageWho, getrusage};
        let cpu = || {
            let usage = getrusage(UsageWho::RUSAGE_THREAD).unwrap();
            let (user, system) = (usage.user_time(), usage.system_time());
            let micros = |t: nix::sys::time::TimeVal| {
                Duration::from_secs(t.tv_sec() as u64) + Duration::from_micros(t.tv_usec() as u64)
            };
            micros(user) + micros(system)
        };
        let units = units_for(ms(50));
        let before = cpu();
        let activity = busy_recording(Instant::now(), units);
        let used = cpu() - before;
        let busy = activity.busy();
        // Pauses shorter than GAP count as running, and the kernel's account has its own
        // granularity: twice either way, plus a few ms, is a margin no real bug fits in.
        assert!(
            busy * 2 >= used && busy <= used * 2 + ms(5),
            "recorded {busy:?}, the kernel counted {used:?}"
        );
    }

    #[test]
    fn workers_pinned_to_one_core_never_run_at_once() {
        let core = super::super::affinity::usable_cores().unwrap()[0];
        let run = super::super::affinity::pinned_to_one_core(core, || {
            record_workers(2, units_for(ms(30)))
        })
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
