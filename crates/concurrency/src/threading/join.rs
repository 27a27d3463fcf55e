//! Joining threads, and turning a thread's panic into an error value.
//!
//! `JoinHandle::join` returns `Err` with the panic payload when the thread panicked. Python's
//! `Thread.join()` never reports what went wrong in the thread (the exception is printed and
//! lost); here the caller gets a [`ThreadPanicked`] naming the thread and its message.

use std::any::Any;
use std::fmt;
use std::thread::{JoinHandle, ScopedJoinHandle};

use crate::panics;

/// A thread panicked instead of returning its result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadPanicked {
    /// The thread's index, in the order the threads were started.
    pub worker: usize,
    /// The panic message, when the payload was a string.
    pub message: String,
}

impl fmt::Display for ThreadPanicked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "worker thread {} panicked: {}",
            self.worker, self.message
        )
    }
}

impl std::error::Error for ThreadPanicked {}

impl ThreadPanicked {
    fn new(worker: usize, payload: &(dyn Any + Send)) -> Self {
        Self {
            worker,
            message: panics::message(payload),
        }
    }
}

/// Joins every handle in order and collects the results in that order.
///
/// Every thread is joined even when an earlier one panicked, so none is left running; the
/// first panic is the error.
///
/// ```
/// use concurrency::threading::join::join_all;
///
/// let handles: Vec<_> = (0..3).map(|i| std::thread::spawn(move || i * 10)).collect();
/// assert_eq!(join_all(handles)?, vec![0, 10, 20]);
/// # Ok::<(), concurrency::threading::join::ThreadPanicked>(())
/// ```
pub fn join_all<R>(handles: Vec<JoinHandle<R>>) -> Result<Vec<R>, ThreadPanicked> {
    collect(handles.into_iter().map(JoinHandle::join))
}

/// [`join_all`] for threads spawned in a [`std::thread::scope`].
pub fn join_all_scoped<R>(handles: Vec<ScopedJoinHandle<'_, R>>) -> Result<Vec<R>, ThreadPanicked> {
    collect(handles.into_iter().map(ScopedJoinHandle::join))
}

fn collect<R>(
    joined: impl Iterator<Item = std::thread::Result<R>>,
) -> Result<Vec<R>, ThreadPanicked> {
    let mut results = Vec::new();
    let mut first_panic = None;
    for (worker, outcome) in joined.enumerate() {
        match outcome {
            Ok(value) => results.push(value),
            Err(payload) => {
                first_panic.get_or_insert_with(|| ThreadPanicked::new(worker, payload.as_ref()));
            }
        }
    }
    match first_panic {
        Some(panicked) => Err(panicked),
        None => Ok(results),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_spawn_order() {
        let handles: Vec<_> = (0..8u64)
            .map(|i| {
                std::thread::spawn(move || {
                    std::thread::sleep(std::time::Duration::from_millis(8 - i));
                    i
                })
            })
            .collect();
        assert_eq!(join_all(handles).unwrap(), (0..8).collect::<Vec<_>>());
    }

    #[test]
    fn a_panic_becomes_an_error_naming_the_worker() {
        let handles: Vec<_> = (0..3)
            .map(|i| {
                std::thread::spawn(move || {
                    if i == 1 {
                        panic!("worker one gives up");
                    }
                    i
                })
            })
            .collect();
        let error = join_all(handles).unwrap_err();
        assert_eq!(error.worker, 1);
        assert_eq!(error.message, "worker one gives up");
        assert_eq!(
            error.to_string(),
            "worker thread 1 panicked: worker one gives up"
        );
    }

    #[test]
    fn scoped_handles_join_the_same_way() {
        let data = [1, 2, 3];
        let sums = std::thread::scope(|s| {
            let handles = data.iter().map(|x| s.spawn(move || x * 2)).collect();
            join_all_scoped(handles)
        });
        assert_eq!(sums.unwrap(), vec![2, 4, 6]);
    }
}
