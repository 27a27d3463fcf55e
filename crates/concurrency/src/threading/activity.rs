//! Recording when one thread was really running, from inside the thread.
//!
//! A thread computes in small units and reads the clock after each; a gap longer than
//! [`GAP`] between two readings means the operating system had taken the core away, so the
//! thread's record, an [`Activity`], is the list of intervals in which it was running.
//! [`timeline`](super::timeline) puts several side by side.

use std::hint::black_box;
use std::ops::Range;
use std::time::{Duration, Instant};

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

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
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
}
