//! CPU-bound and IO-bound tasks, run under the modelled GIL or without it.
//!
//! The same task code runs either way; only the [`Runtime`] differs. Under
//! [`Runtime::Gil`] a task takes the lock when it starts, offers it between "bytecodes" (one
//! primality test each) and releases it around blocking waits, as a Python thread does.
//! Under [`Runtime::Free`] there is no lock, as in ordinary Rust.

use std::thread;
use std::time::{Duration, Instant};

use super::{Gil, GilGuard};
use crate::threading::cpu_bound::{Timed, is_prime};
use crate::threading::join::{ThreadPanicked, join_all_scoped};

/// Where tasks run: under a modelled GIL, or free.
#[derive(Debug, Clone, Copy)]
pub enum Runtime<'g> {
    /// Every task must hold this lock to compute.
    Gil(&'g Gil),
    /// No lock: Rust's normal case.
    Free,
}

/// One unit of work for a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// Count the primes below this bound: pure computation.
    Cpu {
        /// The exclusive upper bound.
        primes_below: u64,
    },
    /// Block for this long, as a network read or `time.sleep` does.
    Io {
        /// How long the wait lasts.
        wait: Duration,
    },
}

/// What a task sees of its runtime: a lock to offer between bytecodes and drop around IO.
trait Eval {
    fn between_bytecodes(&mut self);
    fn allow_threads(&mut self, blocking: impl FnOnce());
}

impl Eval for GilGuard<'_> {
    fn between_bytecodes(&mut self) {
        GilGuard::between_bytecodes(self);
    }
    fn allow_threads(&mut self, blocking: impl FnOnce()) {
        GilGuard::allow_threads(self, blocking);
    }
}

/// The runtime without a lock: nothing to offer, nothing to release.
struct NoLock;

impl Eval for NoLock {
    fn between_bytecodes(&mut self) {}
    fn allow_threads(&mut self, blocking: impl FnOnce()) {
        blocking();
    }
}

fn run_with(eval: &mut impl Eval, task: Task) -> u64 {
    match task {
        Task::Cpu { primes_below } => {
            let mut count = 0;
            for n in 2..primes_below {
                eval.between_bytecodes();
                count += u64::from(is_prime(n));
            }
            count
        }
        Task::Io { wait } => {
            eval.allow_threads(|| thread::sleep(wait));
            0
        }
    }
}

impl Runtime<'_> {
    /// Runs one task on the calling thread; a CPU task returns its prime count, an IO task 0.
    pub fn run(self, task: Task) -> u64 {
        match self {
            Runtime::Gil(gil) => run_with(&mut gil.acquire(), task),
            Runtime::Free => run_with(&mut NoLock, task),
        }
    }

    /// Runs the tasks one after another on the calling thread.
    pub fn run_sequentially(self, tasks: &[Task]) -> Timed<Vec<u64>> {
        let start = Instant::now();
        let value = tasks.iter().map(|&task| self.run(task)).collect();
        Timed {
            value,
            elapsed: start.elapsed(),
        }
    }

    /// Runs each task in its own thread; results in task order.
    ///
    /// ```
    /// use concurrency::threading::gil::Gil;
    /// use concurrency::threading::gil::workload::{Runtime, Task};
    ///
    /// let gil = Gil::default();
    /// let tasks = [Task::Cpu { primes_below: 1_000 }, Task::Cpu { primes_below: 100 }];
    /// assert_eq!(Runtime::Gil(&gil).run_in_threads(&tasks)?.value, [168, 25]);
    /// assert_eq!(Runtime::Free.run_in_threads(&tasks)?.value, [168, 25]);
    /// # Ok::<(), concurrency::threading::join::ThreadPanicked>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ThreadPanicked`] if a task panicked.
    pub fn run_in_threads(self, tasks: &[Task]) -> Result<Timed<Vec<u64>>, ThreadPanicked> {
        let start = Instant::now();
        let value = thread::scope(|s| {
            let handles = tasks
                .iter()
                .map(|&task| s.spawn(move || self.run(task)))
                .collect();
            join_all_scoped(handles)
        })?;
        Ok(Timed {
            value,
            elapsed: start.elapsed(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_waits_overlap_even_under_the_gil() {
        let one = Duration::from_millis(200);
        let gil = Gil::default();
        let tasks = [Task::Io { wait: one }; 8];
        let run = Runtime::Gil(&gil).run_in_threads(&tasks).unwrap();
        assert!(
            run.elapsed < one * 4,
            "8 waits of 200 ms took {:?}",
            run.elapsed
        );
        assert!(run.elapsed >= one);
    }

    #[test]
    fn cpu_results_do_not_depend_on_the_runtime() {
        let gil = Gil::new(Duration::from_micros(100));
        let tasks = [
            Task::Cpu {
                primes_below: 20_000,
            },
            Task::Cpu {
                primes_below: 5_000,
            },
        ];
        let expected = [2_262, 669];
        assert_eq!(Runtime::Gil(&gil).run_sequentially(&tasks).value, expected);
        assert_eq!(
            Runtime::Gil(&gil).run_in_threads(&tasks).unwrap().value,
            expected
        );
        assert_eq!(
            Runtime::Free.run_in_threads(&tasks).unwrap().value,
            expected
        );
    }
}
