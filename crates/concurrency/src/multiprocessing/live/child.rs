//! The child side of the started pool: read orders, run their tasks, send frames, repeat.
//!
//! A worker forked by [`LivePool`](super::LivePool) waits on its order pipe. Each order is a
//! run: a task's code addresses, the index of the first input, and the inputs' frames; it
//! runs them in order, appending one frame per outcome as the fork-per-call worker does, and
//! sends them when an order is done, when they are big, when the oldest has waited, or
//! before it waits for orders, writing out what the tasks printed first. It leaves on `Stop`,
//! at end of file (the parent is gone or dropped the pool), or after `maxtasksperchild`
//! tasks, which it announces with `Finished`. Like the other worker it takes no lock but
//! stdout's (see `fork_with`).
#![forbid(unsafe_code)]

use std::os::fd::OwnedFd;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::orders::Order;
use crate::multiprocessing::child::{
    EXIT_DONE, EXIT_PARENT_GONE, EXIT_PROTOCOL_BROKEN, enter_worker, initialize, run_task,
};
use crate::multiprocessing::frame::{FrameBuffer, Message, push_frame, write_all};
use crate::multiprocessing::page::Cells;
use crate::multiprocessing::sys::{TaskAddress, flush_output};

/// Everything a started pool's worker needs.
pub(crate) struct Job<'a> {
    /// Where orders come from.
    pub(crate) orders: &'a OwnedFd,
    /// Where frames go.
    pub(crate) results: &'a OwnedFd,
    /// Its cells on the pool's shared page.
    pub(crate) cells: Cells<'a>,
    /// The pool's initializer.
    pub(crate) initializer: Option<&'a (dyn Fn() + Send + Sync)>,
    /// Retire after this many tasks.
    pub(crate) maxtasks: Option<usize>,
}

/// Send results once they hold this much, even with more tasks in hand.
const BATCH: usize = 1 << 20;

/// Send results once the oldest has waited this long, even with more tasks in hand.
const HOLD: Duration = Duration::from_micros(200);

/// The order a worker is running: its task, the next input's index, how many inputs are left.
struct Run {
    task: TaskAddress,
    next: usize,
    left: usize,
}

/// Runs a started pool's worker to the end and returns its exit status; the caller `_exit`s.
pub(crate) fn run(job: &Job<'_>) -> i32 {
    enter_worker();
    if let Err(status) = initialize(job.initializer, job.results) {
        return status;
    }
    let send = |out: &mut Vec<u8>| {
        // A task's output before its result, so that it is out when the call returns.
        flush_output();
        let sent = write_all(job.results, out);
        out.clear();
        sent
    };
    let mut out = Vec::new();
    let mut buffer = FrameBuffer::default();
    let mut run: Option<Run> = None;
    let mut done = 0;
    let mut oldest = Instant::now();
    loop {
        // Nothing left in hand: what is done goes out before the worker waits for more.
        if !out.is_empty() && send(&mut out).is_err() {
            return EXIT_PARENT_GONE;
        }
        match buffer.read_from(job.orders) {
            // End of file: the parent is gone, or dropped its end.
            Ok(0) => return EXIT_DONE,
            Ok(_) => {}
            Err(_) => return EXIT_PARENT_GONE,
        }
        while let Some(frame) = buffer.next_frame() {
            let Some(order) = &mut run else {
                match postcard::from_bytes::<Order>(frame) {
                    Ok(Order::Run { task, start, count }) if count > 0 => {
                        run = Some(Run {
                            task,
                            next: start,
                            left: count,
                        });
                    }
                    Ok(Order::Stop) => return EXIT_DONE,
                    Ok(Order::Run { .. }) | Err(_) => return EXIT_PROTOCOL_BROKEN,
                }
                continue;
            };
            if out.is_empty() {
                oldest = Instant::now();
            }
            job.cells.begin(order.next);
            order.task.run(order.next, frame, &mut out);
            job.cells.end();
            done += 1;
            order.next += 1;
            order.left -= 1;
            let order_done = order.left == 0;
            if order_done {
                run = None;
            }
            let retiring = job.maxtasks.is_some_and(|max| done >= max);
            if retiring {
                let _ = push_frame(&mut out, &Message::<()>::Finished);
            }
            // One write for many short tasks, none held long: results go out at the end of
            // each order (the parent sends the next while the worker runs the one after),
            // when they are big, or when the oldest has waited [`HOLD`].
            let due = order_done || out.len() >= BATCH || oldest.elapsed() >= HOLD;
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
    match postcard::from_bytes::<T>(input) {
        Ok(input) => run_task(index, || f(input), out),
        Err(error) => {
            let message = Message::<R>::Unencodable {
                index,
                message: format!("the input does not decode in the worker: {error}"),
            };
            let _ = push_frame(out, &message);
        }
    }
}
