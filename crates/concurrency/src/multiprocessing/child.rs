//! The child side of a pool: claim tasks from shared memory, run them, send frames, `_exit`.
//!
//! Also what both pools' children share: the chunking rule, the panic hook that turns a
//! task's panic into a value, and the exit statuses a child leaves with.
//!
//! Nothing here takes a lock a thread of the parent could have held at the fork: tasks are
//! claimed with atomic operations on a `MAP_SHARED` page, results go out with raw `write(2)`
//! on the worker's own pipe, and the caller of [`run`] leaves with `_exit`. Stdout's lock is
//! the one exception, and safe to take: `fork_with` forks holding it and the child releases it.
#![forbid(unsafe_code)]

use std::cell::RefCell;
use std::ops::Range;
use std::os::fd::OwnedFd;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::Serialize;

use super::frame::{Message, push_frame, write_all};
use super::sys::flush_output;
use crate::panics;

/// How many inputs a worker claims at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Chunking {
    /// Always this many (at least 1).
    Fixed(usize),
    /// Guided: a quarter of a fair share of what is left, so chunks start at CPython's
    /// default size and shrink to 1 near the end.
    Guided,
}

/// The size of the next chunk under [`Chunking::Guided`] with `remaining` inputs left.
///
/// CPython's default is fixed: `chunksize, extra = divmod(len, 4 * processes)`, rounded up,
/// so the last chunk may leave one worker busy alone for a quarter of its share. Guided
/// chunking starts at the same size and shrinks with what remains, so the tail is balanced
/// to one task. Each claim takes at least `1/(4p)` of what is left (`p` processes), so the
/// chunks above one take at most about `4p * ln(len / 4p)` claims, and the tail of chunks of
/// one at most `4p` more: each claim is one atomic operation.
pub(crate) fn guided_chunk(remaining: usize, processes: usize) -> usize {
    remaining.div_ceil(4 * processes.max(1)).max(1)
}

/// Claims the next range of inputs from the shared counter, or `None` when none is left.
pub(crate) fn claim(
    next: &AtomicUsize,
    len: usize,
    processes: usize,
    chunking: Chunking,
) -> Option<Range<usize>> {
    match chunking {
        Chunking::Fixed(size) => {
            // No bigger than the input: every worker's last claim adds `size` to the counter
            // once more, and a few huge chunks would wrap it round to inputs already taken.
            let size = size.clamp(1, len.max(1));
            let start = next.fetch_add(size, Ordering::Relaxed);
            (start < len).then(|| start..(start + size).min(len))
        }
        Chunking::Guided => {
            let mut start = next.load(Ordering::Relaxed);
            loop {
                if start >= len {
                    return None;
                }
                let end = start + guided_chunk(len - start, processes);
                match next.compare_exchange_weak(start, end, Ordering::Relaxed, Ordering::Relaxed) {
                    Ok(_) => return Some(start..end),
                    Err(now) => start = now,
                }
            }
        }
    }
}

/// True only in pool workers (each has its own copy of this static).
static IN_WORKER: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// Where the last panic in this worker happened, as the panic hook saw it.
    static PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Wraps the process's panic hook, once, in the parent (where taking its lock is harmless):
/// in a worker, a panic is recorded and reported to the parent as a value instead of being
/// printed, like CPython re-raises a worker's exception in the caller. Everywhere else the
/// previous hook runs as before.
///
/// Skipped on a thread that is panicking (a `map` in a destructor during unwinding), where
/// `take_hook` itself would panic; workers forked then print their panics as usual.
pub(crate) fn install_panic_hook() {
    static ONCE: Once = Once::new();
    if std::thread::panicking() {
        return;
    }
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_WORKER.load(Ordering::Relaxed) {
                let location = info.location().map(ToString::to_string);
                PANIC_LOCATION.with(|slot| *slot.borrow_mut() = location);
            } else {
                previous(info);
            }
        }));
    });
}

/// Marks this process as a pool worker, for the panic hook.
pub(crate) fn enter_worker() {
    IN_WORKER.store(true, Ordering::Relaxed);
}

/// The location of this worker's last panic, as the panic hook recorded it.
pub(crate) fn take_panic_location() -> Option<String> {
    PANIC_LOCATION.with(|slot| slot.borrow_mut().take())
}

/// Everything a worker needs, borrowed from the parent's memory it was forked with.
pub(crate) struct Job<'a, T, F> {
    /// The function.
    pub(crate) f: &'a F,
    /// The inputs; a worker takes each one it claims (its own copy of the vector).
    pub(crate) inputs: &'a mut [Option<T>],
    /// Slot 0: the next unclaimed input; slot `1 + worker`: 1 + the task it is running, or 0.
    pub(crate) slots: &'a [AtomicUsize],
    /// This worker's number.
    pub(crate) worker: usize,
    /// How many workers share the inputs.
    pub(crate) processes: usize,
    /// How to claim.
    pub(crate) chunking: Chunking,
    /// The pool's initializer.
    pub(crate) initializer: Option<&'a (dyn Fn() + Send + Sync)>,
}

/// The exit status of a child that sent `Finished` (or, long-lived, was told to stop).
pub(crate) const EXIT_DONE: i32 = 0;
/// The exit status of a child whose initializer panicked; it ran no task.
pub(crate) const EXIT_INITIALIZER_PANICKED: i32 = 1;
/// The exit status of a child whose parent is gone or closed its pipe: nobody wants the rest.
pub(crate) const EXIT_PARENT_GONE: i32 = 2;
/// The exit status of a child that found the pool's shared state making no sense: a bug here.
pub(crate) const EXIT_PROTOCOL_BROKEN: i32 = 3;

/// Flush a batch once it holds this much, even mid-chunk, so a worker's memory stays bounded.
const BATCH: usize = 1 << 20;

/// Runs a worker to the end and returns its exit status; the caller then `_exit`s.
pub(crate) fn run<T, R: Serialize, F: Fn(T) -> R>(job: Job<'_, T, F>, pipe: &OwnedFd) -> i32 {
    enter_worker();
    let send = |out: &mut Vec<u8>| {
        let sent = write_all(pipe, out);
        out.clear();
        sent
    };
    let mut out = Vec::new();
    if let Some(initializer) = job.initializer
        && let Err(payload) = catch_unwind(AssertUnwindSafe(initializer))
    {
        let message = Message::<R>::InitPanicked {
            message: panics::message(&*payload),
        };
        let _ = push_frame(&mut out, &message);
        let _ = send(&mut out);
        return EXIT_INITIALIZER_PANICKED;
    }
    let (next, current) = (&job.slots[0], &job.slots[1 + job.worker]);
    let len = job.inputs.len();
    while let Some(range) = claim(next, len, job.processes, job.chunking) {
        for index in range {
            current.store(index + 1, Ordering::Relaxed);
            // Each index is claimed by exactly one worker, once: the input is still here.
            let Some(input) = job.inputs[index].take() else {
                return EXIT_PROTOCOL_BROKEN;
            };
            let message = match catch_unwind(AssertUnwindSafe(|| (job.f)(input))) {
                Ok(value) => Message::Done { index, value },
                Err(payload) => Message::Panicked {
                    index,
                    message: panics::message(&*payload),
                    location: take_panic_location(),
                },
            };
            current.store(0, Ordering::Relaxed);
            if let Err(message) = push_frame(&mut out, &message) {
                let _ = push_frame(&mut out, &Message::<R>::Unencodable { index, message });
            }
            if out.len() >= BATCH && send(&mut out).is_err() {
                return EXIT_PARENT_GONE;
            }
        }
        if send(&mut out).is_err() {
            return EXIT_PARENT_GONE;
        }
    }
    // What the tasks printed and left in stdout's buffer (a `print!` without a newline) is
    // written now, once, before `Finished`: when `map` returns, the output is out. The lock is
    // free (see `fork_with`), unless a task left a thread holding it.
    flush_output();
    let _ = push_frame(&mut out, &Message::<R>::Finished);
    if send(&mut out).is_err() {
        EXIT_PARENT_GONE
    } else {
        EXIT_DONE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guided_chunks_start_at_cpythons_size_and_shrink_to_one() {
        // CPython: divmod(100, 4 * 2) = (12, 4), rounded up to 13.
        assert_eq!(guided_chunk(100, 2), 13);
        assert_eq!(guided_chunk(7, 2), 1);
        assert_eq!(guided_chunk(0, 2), 1);
    }

    #[test]
    fn claims_cover_every_index_exactly_once() {
        for chunking in [Chunking::Guided, Chunking::Fixed(1), Chunking::Fixed(7)] {
            let next = AtomicUsize::new(0);
            let mut seen = Vec::new();
            while let Some(range) = claim(&next, 1000, 3, chunking) {
                seen.extend(range);
            }
            assert_eq!(seen, (0..1000).collect::<Vec<_>>(), "{chunking:?}");
        }
    }

    #[test]
    fn huge_chunks_never_wrap_the_counter() {
        let next = AtomicUsize::new(0);
        let huge = Chunking::Fixed(1 << (usize::BITS - 1));
        assert_eq!(claim(&next, 10, 2, huge), Some(0..10));
        for _ in 0..4 {
            assert_eq!(claim(&next, 10, 2, huge), None);
        }
    }

    // ANCHOR: guided_claims
    #[test]
    fn guided_claims_are_at_most_4p_times_ln_len_over_4p_plus_a_tail_of_4p() {
        let claims = |len: usize, processes: usize| {
            let next = AtomicUsize::new(0);
            std::iter::from_fn(|| claim(&next, len, processes, Chunking::Guided)).count()
        };
        // 2 workers, 10,000 tasks: 4p = 8, 8 * ln(10_000 / 8) = 57.0, plus a tail of 8.
        assert_eq!(claims(10_000, 2), 58);
        for (len, processes) in [(100, 2), (10_000, 2), (1_000_000, 2), (10_000, 8)] {
            let four_p = (4 * processes) as f64;
            let bound = four_p * (len as f64 / four_p).ln() + four_p;
            let counted = claims(len, processes);
            assert!(counted as f64 <= bound, "{len}, {processes}: {counted}");
        }
    }
    // ANCHOR_END: guided_claims
}
