//! The child side of the long-lived pool: read chunks of tasks, run them, send frames, repeat.
//!
//! A worker forked by [`LivePool`](super::LivePool) waits on its order pipe. Each order is a
//! chunk: a task's code addresses and a run of serialised inputs with the index of the first;
//! it runs them in order, appends one frame per task as the fork-per-call worker does, writes
//! out what the tasks printed, then sends the frames. It leaves on `Stop`, at end of file (the
//! parent is gone or dropped the pool), or after `maxtasksperchild` tasks, which it announces
//! with `Finished`. Like the other worker it takes no lock but stdout's (see `fork_with`).
#![forbid(unsafe_code)]

use std::os::fd::OwnedFd;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::child::{
    EXIT_DONE, EXIT_INITIALIZER_PANICKED, EXIT_PARENT_GONE, EXIT_PROTOCOL_BROKEN, enter_worker,
    take_panic_location,
};
use super::frame::{FrameBuffer, Message, push_frame, write_all};
use super::sys::{TaskAddress, flush_output};
use crate::panics;

/// What the parent sends a long-lived worker.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum Order {
    /// Run `task` on each of `inputs`, the first being input `start` of the call.
    Chunk {
        /// The function, as code addresses.
        task: TaskAddress,
        /// The index of the first input.
        start: usize,
        /// The inputs, each postcard-encoded.
        inputs: Vec<Bytes>,
    },
    /// Exit: the pool is closing.
    Stop,
}

/// Bytes that serde sees as bytes, not as a sequence of `u8`s: postcard then copies them in
/// one piece instead of one element at a time (what the `serde_bytes` crate does).
#[derive(Debug, Default)]
pub(crate) struct Bytes(pub(crate) Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Bytes;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(bytes.to_vec()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, bytes: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes(bytes))
            }
        }
        deserializer.deserialize_byte_buf(Visitor)
    }
}

/// Everything a long-lived worker needs.
pub(crate) struct LiveJob<'a> {
    /// Where orders come from.
    pub(crate) orders: &'a OwnedFd,
    /// Where frames go.
    pub(crate) results: &'a OwnedFd,
    /// 1 + the index of the task this worker is running, or 0 (on the pool's shared page).
    pub(crate) current: &'a AtomicUsize,
    /// How many tasks this worker has started (on the shared page).
    pub(crate) started: &'a AtomicUsize,
    /// The pool's initializer.
    pub(crate) initializer: Option<&'a (dyn Fn() + Send + Sync)>,
    /// Retire after this many tasks.
    pub(crate) maxtasks: Option<usize>,
}

/// Send results once they hold this much, even with more tasks in hand.
const BATCH: usize = 1 << 20;

/// Send results once the oldest has waited this long, even with more tasks in hand.
const HOLD: Duration = Duration::from_micros(200);

/// Runs a long-lived worker to the end and returns its exit status; the caller `_exit`s.
pub(crate) fn run(job: &LiveJob<'_>) -> i32 {
    enter_worker();
    let mut out = Vec::new();
    let send = |out: &mut Vec<u8>| {
        // A task's output before its result, so that it is out when the call returns.
        flush_output();
        let sent = write_all(job.results, out);
        out.clear();
        sent
    };
    if let Some(initializer) = job.initializer
        && let Err(payload) = catch_unwind(AssertUnwindSafe(initializer))
    {
        let message = Message::<()>::InitPanicked {
            message: panics::message(&*payload),
        };
        let _ = push_frame(&mut out, &message);
        let _ = send(&mut out);
        return EXIT_INITIALIZER_PANICKED;
    }
    let mut buffer = FrameBuffer::default();
    let mut done = 0;
    let mut oldest = Instant::now();
    loop {
        match buffer.read_from(job.orders) {
            // End of file: the parent is gone, or dropped its end.
            Ok(0) => return EXIT_DONE,
            Ok(_) => {}
            Err(_) => return EXIT_PARENT_GONE,
        }
        let Ok(orders) = buffer.frames::<Order>() else {
            return EXIT_PROTOCOL_BROKEN;
        };
        let last = orders.len().saturating_sub(1);
        for (number, order) in orders.into_iter().enumerate() {
            let Order::Chunk {
                task,
                start,
                inputs,
            } = order
            else {
                return EXIT_DONE;
            };
            if out.is_empty() {
                oldest = Instant::now();
            }
            for (offset, input) in inputs.iter().enumerate() {
                let index = start + offset;
                job.started.store(done + 1, Ordering::Relaxed);
                job.current.store(index + 1, Ordering::Relaxed);
                task.run(index, &input.0, &mut out);
                job.current.store(0, Ordering::Relaxed);
                done += 1;
            }
            let retiring = job.maxtasks.is_some_and(|max| done >= max);
            if retiring {
                let _ = push_frame(&mut out, &Message::<()>::Finished);
            }
            // Results go out when the worker has one chunk or none left in hand (so that the
            // parent sends more while it runs that one), when they are big, or when the
            // oldest has waited [`HOLD`]: one write for many short tasks, none held long.
            let due = number + 1 >= last || out.len() >= BATCH || oldest.elapsed() >= HOLD;
            if (due || retiring) && send(&mut out).is_err() {
                // The parent is gone or closed our pipe: nobody wants the rest.
                return EXIT_PARENT_GONE;
            }
            if retiring {
                return EXIT_DONE;
            }
        }
    }
}

/// Runs `f` on the input encoded in `input` and appends the outcome's frame to `out`: what
/// [`TaskAddress::run`] calls, for the `T` and `R` of the call.
pub(crate) fn run_one<T: DeserializeOwned, R: Serialize>(
    f: fn(T) -> R,
    index: usize,
    input: &[u8],
    out: &mut Vec<u8>,
) {
    let message = match postcard::from_bytes::<T>(input) {
        Err(error) => Message::Unencodable {
            index,
            message: format!("the input does not decode in the worker: {error}"),
        },
        Ok(input) => match catch_unwind(AssertUnwindSafe(|| f(input))) {
            Ok(value) => Message::Done { index, value },
            Err(payload) => Message::Panicked {
                index,
                message: panics::message(&*payload),
                location: take_panic_location(),
            },
        },
    };
    if let Err(message) = push_frame(out, &message) {
        let _ = push_frame(out, &Message::<R>::Unencodable { index, message });
    }
}
