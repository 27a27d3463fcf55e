//! A model of CPython's global interpreter lock (GIL), to show what it does to threads.
//!
//! Rust has no GIL; this module *models* the one in CPython's `Python/ceval_gil.c`, so that
//! Rust threads can be made to behave like Python threads and the notes' claims about them
//! can be measured. A worker must hold the [`Gil`] to "execute bytecode":
//!
//! - A thread that wants the lock waits for one *switch interval* (5 ms, CPython's default,
//!   `sys.getswitchinterval()`). If the lock has not changed hands by then, it sets a
//!   *drop request*.
//! - The holder checks that request between two bytecodes
//!   ([`GilGuard::between_bytecodes`]); when it is set, it releases the lock and then waits
//!   until another thread has taken it (CPython's "forced switching"), so it cannot grab the
//!   lock straight back.
//! - Blocking IO runs with the lock released ([`GilGuard::allow_threads`], CPython's
//!   `Py_BEGIN_ALLOW_THREADS`), so other threads compute meanwhile.
//!
//! The result is Python's behaviour: CPU-bound threads take turns and gain nothing, while
//! IO-bound threads still overlap their waits. Code that does not take the lock at all (Rust's
//! normal case) runs on every core.
//!
//! ```
//! use std::time::Duration;
//! use concurrency::threading::gil::Gil;
//!
//! let gil = Gil::new(Duration::from_millis(5));
//! let total: u64 = std::thread::scope(|s| {
//!     let workers: Vec<_> = (0..2)
//!         .map(|_| {
//!             s.spawn(|| {
//!                 let mut guard = gil.acquire();
//!                 let mut sum = 0;
//!                 for i in 0..1_000 {
//!                     guard.between_bytecodes(); // may hand the lock to the other thread
//!                     sum += i;
//!                 }
//!                 sum
//!             })
//!         })
//!         .collect();
//!     workers.into_iter().map(|w| w.join().unwrap()).sum()
//! });
//! assert_eq!(total, 2 * 499_500);
//! ```

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::{self, ThreadId};
use std::time::Duration;

/// CPython's default switch interval, `sys.getswitchinterval()`: 5 ms.
pub const SWITCH_INTERVAL: Duration = Duration::from_millis(5);

/// The lock's state, guarded by the [`Gil`]'s mutex.
#[derive(Debug, Default)]
struct State {
    /// Whether some thread holds the GIL.
    locked: bool,
    /// The thread that took the GIL most recently (it may have released it since).
    last_holder: Option<ThreadId>,
    /// Bumped each time the GIL changes hands: a waiter uses it to tell whether a switch
    /// happened while it waited.
    switch_number: u64,
    /// How often a holder gave the lock up because another thread asked.
    forced_switches: u64,
}

/// A global interpreter lock: at most one thread holds it at any time.
#[derive(Debug)]
pub struct Gil {
    interval: Duration,
    state: Mutex<State>,
    /// Signalled when the lock is released.
    released: Condvar,
    /// Signalled when the lock is taken, for a holder waiting out a forced switch.
    taken: Condvar,
    /// Set by a waiter whose interval passed without a switch; read by the holder between
    /// bytecodes without taking the mutex, as CPython's eval breaker is.
    drop_request: AtomicBool,
}

impl Gil {
    /// A lock whose waiters ask for it after `interval` (use [`SWITCH_INTERVAL`] for
    /// CPython's default).
    pub fn new(interval: Duration) -> Self {
        Self {
            interval,
            state: Mutex::new(State::default()),
            released: Condvar::new(),
            taken: Condvar::new(),
            drop_request: AtomicBool::new(false),
        }
    }

    /// Waits until this thread holds the lock: a thread starting to run Python code.
    pub fn acquire(&self) -> GilGuard<'_> {
        self.take();
        GilGuard { gil: self }
    }

    /// How many times a holder released the lock because another thread asked for it.
    pub fn forced_switches(&self) -> u64 {
        self.state().forced_switches
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // The state is only changed in short sections that cannot panic, so a poisoned mutex
        // (a panic elsewhere while holding it) still guards consistent data.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    // ANCHOR: take
    /// CPython's `take_gil`.
    fn take(&self) {
        let mut state = self.state();
        while state.locked {
            let seen = state.switch_number;
            let (next, waited) = self
                .released
                .wait_timeout(state, self.interval)
                .unwrap_or_else(PoisonError::into_inner);
            state = next;
            if waited.timed_out() && state.locked && state.switch_number == seen {
                // A whole interval without a switch: ask the holder to let go.
                self.drop_request.store(true, Ordering::Release);
            }
        }
        state.locked = true;
        let me = thread::current().id();
        if state.last_holder != Some(me) {
            state.last_holder = Some(me);
            state.switch_number += 1;
        }
        // Wake a holder waiting in `release` for someone to take the lock.
        self.taken.notify_all();
        // Whoever asked has been served (or will ask again after its next interval).
        self.drop_request.store(false, Ordering::Release);
    }
    // ANCHOR_END: take

    /// CPython's `drop_gil`.
    fn release(&self) {
        let mut state = self.state();
        state.locked = false;
        self.released.notify_one();
        if self.drop_request.load(Ordering::Acquire) {
            // Forced switching: another thread asked, so do not race it for the lock; wait
            // until it has taken it. A waiter exists, since only a waiter sets the request,
            // and only `take` clears it.
            state.forced_switches += 1;
            let me = thread::current().id();
            while state.last_holder == Some(me) && self.drop_request.load(Ordering::Acquire) {
                state = self
                    .taken
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        }
    }
}

impl Default for Gil {
    /// A lock with CPython's default switch interval.
    fn default() -> Self {
        Self::new(SWITCH_INTERVAL)
    }
}

/// Proof that this thread holds the [`Gil`]; dropping it releases the lock.
#[derive(Debug)]
pub struct GilGuard<'a> {
    gil: &'a Gil,
}

// ANCHOR: guard
impl GilGuard<'_> {
    /// The check CPython's evaluation loop makes between bytecodes: if another thread has
    /// asked for the lock, hand it over and queue up to take it back.
    pub fn between_bytecodes(&mut self) {
        if self.gil.drop_request.load(Ordering::Acquire) {
            self.gil.release();
            self.gil.take();
        }
    }

    /// Runs blocking work (IO, a sleep) with the lock released, as CPython does around every
    /// blocking system call, and takes the lock back afterwards.
    pub fn allow_threads<R>(&mut self, blocking: impl FnOnce() -> R) -> R {
        self.gil.release();
        let result = blocking();
        self.gil.take();
        result
    }
}
// ANCHOR_END: guard

impl Drop for GilGuard<'_> {
    fn drop(&mut self) {
        self.gil.release();
    }
}

pub mod workload;

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Instant;

    /// Four threads hold the lock in turn for 60 ms each, doing IO (with the lock released)
    /// one step in `io_every` (never, if 0). Returns the most holders ever seen at once.
    fn most_holders_at_once(gil: &Gil, io_every: u32) -> usize {
        let inside = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    let mut guard = gil.acquire();
                    let deadline = Instant::now() + Duration::from_millis(60);
                    while Instant::now() < deadline {
                        let now_inside = inside.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now_inside, Ordering::SeqCst);
                        std::hint::spin_loop();
                        inside.fetch_sub(1, Ordering::SeqCst);
                        guard.between_bytecodes();
                        if io_every > 0 && fastrand::u32(..io_every) == 0 {
                            guard.allow_threads(|| thread::sleep(Duration::from_micros(50)));
                        }
                    }
                });
            }
        });
        most.load(Ordering::SeqCst)
    }

    #[test]
    fn never_two_holders_at_once() {
        let gil = Gil::new(Duration::from_micros(200));
        assert_eq!(most_holders_at_once(&gil, 0), 1);
        assert!(
            gil.forced_switches() > 0,
            "four busy threads never switched"
        );
    }

    #[test]
    fn never_two_holders_at_once_with_io_in_between() {
        let gil = Gil::new(Duration::from_micros(200));
        assert_eq!(most_holders_at_once(&gil, 256), 1);
    }

    #[test]
    fn a_waiting_thread_gets_the_lock_from_a_busy_holder() {
        // Each worker holds the lock and spins until it has seen the other make progress:
        // without forced switching, whichever holds the lock first would spin for ever.
        let gil = Gil::default();
        let progress = [AtomicUsize::new(0), AtomicUsize::new(0)];
        thread::scope(|s| {
            for me in 0..2 {
                let (gil, progress) = (&gil, &progress);
                s.spawn(move || {
                    let mut guard = gil.acquire();
                    progress[me].fetch_add(1, Ordering::SeqCst);
                    while progress[1 - me].load(Ordering::SeqCst) == 0 {
                        guard.between_bytecodes();
                    }
                });
            }
        });
        assert!(gil.forced_switches() >= 1);
    }

    #[test]
    fn blocking_work_runs_without_the_lock() {
        let gil = Gil::default();
        let mut guard = gil.acquire();
        // While the holder is "in IO", another thread can take the lock at once.
        let other_got_it = guard
            .allow_threads(|| thread::scope(|s| s.spawn(|| drop(gil.acquire())).join().is_ok()));
        assert!(other_got_it);
        guard.between_bytecodes();
        drop(guard);
        assert_eq!(gil.forced_switches(), 0);
    }
}
