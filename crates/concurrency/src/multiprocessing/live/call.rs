//! How the started pool gets a call's work to its workers: orders down each worker's pipe, a
//! few chunks ahead, and the rest kept in the parent for whichever worker frees up first.
//!
//! Each worker is sent enough chunks that it never waits for the parent between two: at
//! least [`DEPTH`], more while the call's chunks take less than [`AHEAD`] (an adaptive
//! depth). They go out as orders of at most half that many chunks, so that a worker reports
//! (it sends its results at the end of each order) while it still has an order in hand.
//! Orders go out through non-blocking pipes and results are read as they come, so the parent
//! never blocks on one worker while another waits for it (a worker blocked writing results
//! while the parent blocks writing its orders would be a deadlock).
//!
//! A death costs nothing if the worker held no task of the call, or had started none whose
//! outcome did not come (killed while it waited for orders): its inputs go to the others.
#![forbid(unsafe_code)]

use std::ops::Range;
use std::os::fd::{AsFd, BorrowedFd};
use std::time::{Duration, Instant};

use os::ProcessEnd;

use super::crew::Crew;
use super::inputs::Inputs;
use super::orders::Orders;
use crate::multiprocessing::chunking::{Chunking, guided_chunk};
use crate::multiprocessing::engine::{Dispatch, Worker};
use crate::multiprocessing::error::PoolError;
use crate::multiprocessing::sys::TaskAddress;

/// How many chunks a worker may have been sent and not finished, at least: one to run and
/// one to go on with, so that it never waits for the parent between two.
const DEPTH: usize = 2;

/// At most, for tasks so short that a round trip per chunk would cost more than the tasks:
/// [`AHEAD`] bounds the depth by time, this only by count. A thousand trivial tasks in hand
/// make the parent and the worker write and wake once per 500 tasks (half the depth is an
/// order); at 64, once per 32 cost a third of a task's CPU time in system calls (`time`,
/// 2,000,000 tasks of `identity` at chunksize 1: 0.25 us of CPU a task at 64, 0.18 at 1024).
const MAX_DEPTH: usize = 1024;

/// How much work, in time, a worker is sent ahead: enough to hide the round trip to the
/// parent, little enough that chunks left in the parent still balance the end of the call.
const AHEAD: Duration = Duration::from_micros(500);

/// A call in flight on a [`LivePool`](super::LivePool), as its dispatch sees it.
pub(crate) struct Live<'a> {
    crew: &'a mut Crew,
    task: TaskAddress,
    inputs: Inputs,
    /// The first input not sent yet.
    next: usize,
    /// Inputs sent to a worker that died before it started them: sent again first.
    retry: Vec<Range<usize>>,
    chunking: Chunking,
    /// When the call began, how many outcomes came since, and the last chunk's length:
    /// what [`depth`](Self::depth) measures the tasks by.
    begun: Instant,
    answered: usize,
    chunk_len: usize,
}

impl<'a> Live<'a> {
    pub(crate) fn new(
        crew: &'a mut Crew,
        task: TaskAddress,
        inputs: Inputs,
        chunking: Chunking,
    ) -> Self {
        Self {
            crew,
            task,
            inputs,
            next: 0,
            retry: Vec::new(),
            chunking,
            begun: Instant::now(),
            answered: 0,
            chunk_len: 1,
        }
    }

    /// How many chunks a worker may have in flight: [`DEPTH`], or more while the call's
    /// chunks take less than [`AHEAD`] each, as measured so far.
    fn depth(&self) -> usize {
        let answered = self.answered.max(1) as f64;
        let per_chunk = self.begun.elapsed().as_secs_f64() * self.crew.places.len() as f64
            / answered
            * self.chunk_len as f64;
        if self.answered == 0 || per_chunk <= 0.0 {
            return DEPTH;
        }
        ((AHEAD.as_secs_f64() / per_chunk) as usize).clamp(DEPTH, MAX_DEPTH)
    }

    /// Whether inputs are left to send.
    fn unsent(&self) -> bool {
        self.next < self.inputs.len() || !self.retry.is_empty()
    }

    /// The next chunk to send, of at most `limit` inputs: from the retries first.
    fn next_chunk(&mut self, limit: usize) -> Option<Range<usize>> {
        if let Some(range) = self.retry.pop() {
            let size = range.len().min(limit);
            if size < range.len() {
                self.retry.push(range.start + size..range.end);
            }
            return (size > 0).then(|| range.start..range.start + size);
        }
        let remaining = self.inputs.len() - self.next;
        let size = match self.chunking {
            Chunking::Fixed(size) => size,
            Chunking::Guided => guided_chunk(remaining, self.crew.places.len()),
        }
        .min(remaining)
        .min(limit);
        let start = self.next;
        self.next += size;
        self.chunk_len = size.max(1);
        (size > 0).then(|| start..start + size)
    }

    /// Tops up the worker in `place` to `depth` chunks, in orders of consecutive chunks, at
    /// most half the depth each.
    fn top_up(&mut self, place: usize, depth: usize) {
        let per_order = (depth / 2).max(1);
        let mut order: Option<(Range<usize>, usize)> = None;
        loop {
            let Some(worker) = &self.crew.places[place] else {
                return;
            };
            let orders = &worker.orders;
            if !self.unsent() || worker.finished || orders.in_flight.len() >= depth {
                break;
            }
            // `maxtasksperchild`: a worker is never sent more than it may run; once it has
            // them all, it retires after the last.
            let limit = orders.tasks_left.unwrap_or(usize::MAX);
            let Some(chunk) = self.next_chunk(limit) else {
                break;
            };
            order = match order {
                Some((run, chunks)) if run.end == chunk.start && chunks < per_order => {
                    Some((run.start..chunk.end, chunks + 1))
                }
                other => {
                    self.send(place, other.map(|(run, _)| run));
                    Some((chunk.clone(), 1))
                }
            };
            if let Some(worker) = &mut self.crew.places[place] {
                let orders = &mut worker.orders;
                if let Some(left) = &mut orders.tasks_left {
                    *left -= chunk.len();
                }
                orders.in_flight.push_back(chunk);
            }
        }
        self.send(place, order.map(|(run, _)| run));
    }

    /// Queues an order for the inputs `run` to the worker in `place`.
    fn send(&mut self, place: usize, run: Option<Range<usize>>) {
        if let (Some(run), Some(worker)) = (run, &mut self.crew.places[place]) {
            let frames = self.inputs.frames(run.clone());
            worker
                .orders
                .push_run(self.task, run.start, run.len(), frames);
        }
    }
}

impl Dispatch for Live<'_> {
    type Orders = Orders;

    /// A panic is that task's error; the others run on, as in CPython's `Pool.map`.
    const STOP_AT_TASK_ERROR: bool = false;

    fn places(&mut self) -> &mut [Option<Worker<Orders>>] {
        &mut self.crew.places
    }

    /// The workers stay for the next call.
    fn settled(&self) -> bool {
        true
    }

    /// Sends each worker chunks until it has enough in hand, forking a worker into any empty
    /// place (a retired or a dead one) while inputs are left.
    fn dispatch(&mut self) -> Result<(), PoolError> {
        let depth = self.depth();
        for place in 0..self.crew.places.len() {
            if !self.unsent() {
                break;
            }
            if self.crew.places[place].is_none() {
                self.crew.spawn(place)?;
            }
            self.top_up(place, depth);
            self.write(place);
        }
        Ok(())
    }

    fn waits_for_room(worker: &Worker<Orders>) -> Option<BorrowedFd<'_>> {
        (!worker.orders.outbox.is_empty()).then(|| worker.orders.pipe.as_fd())
    }

    /// A failure (`EPIPE`: the worker is gone) is left to the end of file on its result
    /// pipe to report.
    fn write(&mut self, place: usize) {
        if let Some(worker) = &mut self.crew.places[place] {
            let _ = worker.orders.write_outbox();
        }
    }

    fn answered(&mut self, place: usize, _: usize) {
        self.answered += 1;
        if let Some(worker) = &mut self.crew.places[place] {
            worker.orders.answer();
        }
    }

    /// A worker with inputs of the call in flight; an idle one stays for the next call.
    fn owes(worker: &Worker<Orders>) -> bool {
        worker.orders.busy()
    }

    /// Nothing if it had started no task whose outcome did not come: its inputs are sent
    /// again. Else the task it was running.
    fn death(
        &mut self,
        place: usize,
        worker: &mut Worker<Orders>,
        status: ProcessEnd,
    ) -> Option<PoolError> {
        let cells = self.crew.page.place(place);
        if cells.started() == worker.orders.answered {
            self.retry.extend(worker.orders.in_flight.drain(..));
            return None;
        }
        Some(PoolError::WorkerDied {
            pid: worker.pid,
            status,
            task: cells.task(),
        })
    }
}
