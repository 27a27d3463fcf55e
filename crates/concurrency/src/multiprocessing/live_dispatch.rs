//! What a call on the long-lived pool sends each worker, and when: chunks, a few ahead.
#![forbid(unsafe_code)]

use std::ops::Range;
use std::time::Duration;

use serde::de::DeserializeOwned;

use super::child::{Chunking, guided_chunk};
use super::error::PoolError;
use super::frame::push_frame;
use super::live_call::Call;
use super::live_worker::{Bytes, Order};

/// How many chunks a worker may have been sent and not finished, at least: one to run and
/// one to go on with, so that it never waits for the parent between two.
const DEPTH: usize = 2;

/// At most, for tasks so short that a round trip per chunk would cost more than the tasks.
const MAX_DEPTH: usize = 64;

/// How much work, in time, a worker is sent ahead: enough to hide the round trip to the
/// parent, little enough that chunks left in the parent still balance the end of the call.
const AHEAD: Duration = Duration::from_micros(500);

impl<R: DeserializeOwned> Call<'_, R> {
    /// How many chunks a worker may have in flight: [`DEPTH`], or more while the call's
    /// chunks take less than [`AHEAD`] each, as measured so far.
    fn depth(&self) -> usize {
        let answered = self.answered.max(1) as f64;
        let per_chunk = self.begun.elapsed().as_secs_f64() * self.crew.workers.len() as f64
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
        let processes = self.crew.workers.len();
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
            Chunking::Guided => guided_chunk(remaining, processes),
        }
        .min(remaining)
        .min(limit);
        let start = self.next;
        self.next += size;
        self.chunk_len = size.max(1);
        (size > 0).then(|| start..start + size)
    }

    /// Sends each worker chunks until it has [`DEPTH`] of them, forking a worker into any
    /// empty place (a retired or a dead one) while inputs are left.
    pub(super) fn dispatch(&mut self) -> Result<(), PoolError> {
        if self.fatal.is_some() {
            return Ok(());
        }
        let depth = self.depth();
        for slot in 0..self.crew.workers.len() {
            if !self.unsent() {
                break;
            }
            if self.crew.workers[slot].is_none() {
                self.crew.spawn(slot)?;
            }
            while let Some(worker) = self.crew.workers[slot].as_ref() {
                if !self.unsent() || worker.finished || worker.in_flight.len() >= depth {
                    break;
                }
                // `maxtasksperchild`: a worker is never sent more than it may run; once it
                // has them all, it retires after the last.
                let limit = worker.tasks_left.unwrap_or(usize::MAX);
                let Some(range) = self.next_chunk(limit) else {
                    break;
                };
                let order = Order::Chunk {
                    task: self.task,
                    start: range.start,
                    inputs: self.inputs[range.clone()]
                        .iter()
                        .cloned()
                        .map(Bytes)
                        .collect(),
                };
                let Some(worker) = self.crew.workers[slot].as_mut() else {
                    break;
                };
                push_frame(&mut worker.outbox, &order).map_err(|message| {
                    PoolError::InputUnencodable {
                        index: range.start,
                        message,
                    }
                })?;
                if let Some(left) = &mut worker.tasks_left {
                    *left -= range.len();
                }
                worker.in_flight.push_back(range);
            }
            if let Some(worker) = self.crew.workers[slot].as_mut() {
                let _ = worker.write_outbox();
            }
        }
        Ok(())
    }
}
