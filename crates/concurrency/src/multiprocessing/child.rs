//! What both pools' children share: the panic hook that turns a task's panic into a value,
//! and the exit statuses a child leaves with.
//!
//! Nothing a child runs takes a lock a thread of the parent could have held at the fork: tasks
//! are claimed with atomic operations on a `MAP_SHARED` page or read from the worker's own
//! pipe, results go out with raw `write(2)`, and the child leaves with `_exit`. Stdout's lock
//! is the one exception, and safe to take: `fork_with` forks holding it and the child releases
//! it.
#![forbid(unsafe_code)]

use std::cell::RefCell;
use std::os::fd::OwnedFd;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

use super::frame::{Message, push_frame, write_all};
use crate::panics;

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
                PANIC_LOCATION.with(|cell| *cell.borrow_mut() = location);
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
    PANIC_LOCATION.with(|cell| cell.borrow_mut().take())
}

/// The exit status of a child that sent `Finished` (or, long-lived, was told to stop).
pub(crate) const EXIT_DONE: i32 = 0;
/// The exit status of a child whose initializer panicked; it ran no task.
pub(crate) const EXIT_INITIALIZER_PANICKED: i32 = 1;
/// The exit status of a child whose parent is gone or closed its pipe: nobody wants the rest.
pub(crate) const EXIT_PARENT_GONE: i32 = 2;
/// The exit status of a child that found the pool's shared state making no sense: a bug here.
pub(crate) const EXIT_PROTOCOL_BROKEN: i32 = 3;

/// Runs the pool's initializer, if any, in a worker before its first task. If it panics,
/// sends the parent `InitPanicked` on `results` and returns the status to exit with.
pub(crate) fn initialize(
    initializer: Option<&(dyn Fn() + Send + Sync)>,
    results: &OwnedFd,
) -> Result<(), i32> {
    let Some(initializer) = initializer else {
        return Ok(());
    };
    let Err(payload) = catch_unwind(AssertUnwindSafe(initializer)) else {
        return Ok(());
    };
    let mut out = Vec::new();
    let message = Message::<()>::InitPanicked {
        message: panics::message(&*payload),
    };
    let _ = push_frame(&mut out, &message);
    let _ = write_all(results, &out);
    Err(EXIT_INITIALIZER_PANICKED)
}

/// Runs the task at `index` and appends its outcome's frame to `out`: its result, its panic
/// (CPython's remote traceback), or a result postcard could not encode.
pub(crate) fn run_task<R: Serialize>(index: usize, task: impl FnOnce() -> R, out: &mut Vec<u8>) {
    let message = match catch_unwind(AssertUnwindSafe(task)) {
        Ok(value) => Message::Done { index, value },
        Err(payload) => Message::Panicked {
            index,
            message: panics::message(&*payload),
            location: take_panic_location(),
        },
    };
    if let Err(message) = push_frame(out, &message) {
        let _ = push_frame(out, &Message::<R>::Unencodable { index, message });
    }
}
