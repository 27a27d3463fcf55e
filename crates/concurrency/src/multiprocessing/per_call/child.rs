//! The child side of the fork-per-call pool: claim tasks from the page, run them, send frames,
//! `_exit`.
#![forbid(unsafe_code)]

use std::os::fd::OwnedFd;

use serde::Serialize;

use crate::multiprocessing::child::{
    EXIT_DONE, EXIT_PARENT_GONE, EXIT_PROTOCOL_BROKEN, enter_worker, initialize, run_task,
};
use crate::multiprocessing::chunking::{Chunking, claim};
use crate::multiprocessing::frame::{Message, push_frame, write_all};
use crate::multiprocessing::page::Page;
use crate::multiprocessing::sys::flush_output;

/// Everything a worker needs, borrowed from the parent's memory it was forked with.
pub(crate) struct Job<'a, T, F> {
    /// The function.
    pub(crate) f: &'a F,
    /// The inputs; a worker takes each one it claims (its own copy of the vector).
    pub(crate) inputs: &'a mut [Option<T>],
    /// The call's shared page: the claim counter, and this worker's cells.
    pub(crate) page: &'a Page,
    /// This worker's place.
    pub(crate) place: usize,
    /// How many workers share the inputs.
    pub(crate) processes: usize,
    /// How to claim.
    pub(crate) chunking: Chunking,
    /// The pool's initializer.
    pub(crate) initializer: Option<&'a (dyn Fn() + Send + Sync)>,
}

/// Flush a batch once it holds this much, even mid-chunk, so a worker's memory stays bounded.
const BATCH: usize = 1 << 20;

/// Runs a worker to the end and returns its exit status; the caller then `_exit`s.
pub(crate) fn run<T, R: Serialize, F: Fn(T) -> R>(job: Job<'_, T, F>, pipe: &OwnedFd) -> i32 {
    enter_worker();
    if let Err(status) = initialize(job.initializer, pipe) {
        return status;
    }
    let send = |out: &mut Vec<u8>| {
        let sent = write_all(pipe, out);
        out.clear();
        sent
    };
    let mut out = Vec::new();
    let cells = job.page.place(job.place);
    let len = job.inputs.len();
    while let Some(range) = claim(job.page.claims(), len, job.processes, job.chunking) {
        for index in range {
            cells.begin(index);
            // Each index is claimed by exactly one worker, once: the input is still here.
            let Some(input) = job.inputs[index].take() else {
                return EXIT_PROTOCOL_BROKEN;
            };
            run_task(index, || (job.f)(input), &mut out);
            cells.end();
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
