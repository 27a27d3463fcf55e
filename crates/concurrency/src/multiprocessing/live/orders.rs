//! What the started pool sends a worker, and what the parent keeps about it: the order pipe,
//! the bytes not written yet, the inputs in flight.
//!
//! An order is a frame [`Order::Run`] followed by its inputs' frames as they were encoded
//! once for the call (see `inputs`): a run of consecutive inputs is one copy of bytes, not a
//! message per task.
#![forbid(unsafe_code)]

use std::collections::VecDeque;
use std::ops::Range;
use std::os::fd::OwnedFd;

use nix::errno::Errno;
use serde::{Deserialize, Serialize};

use crate::multiprocessing::frame::push_frame;
use crate::multiprocessing::sys::TaskAddress;

/// The frame that starts an order.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum Order {
    /// Run `task` on the `count` input frames that follow, the first being input `start`.
    Run {
        /// The function, as code addresses.
        task: TaskAddress,
        /// The index of the first input.
        start: usize,
        /// How many input frames follow.
        count: usize,
    },
    /// Exit: the pool is closing.
    Stop,
}

/// A started pool's worker's orders, from the parent's side.
#[derive(Debug)]
pub(crate) struct Orders {
    /// The write end of its order pipe, non-blocking: the parent never waits on a worker.
    pub(crate) pipe: OwnedFd,
    /// Order bytes not written yet (the pipe was full).
    pub(crate) outbox: Vec<u8>,
    /// The inputs it was sent whose outcomes have not come, as the chunks' ranges, oldest
    /// first. A worker runs its inputs in order, so each outcome is the front one's first.
    pub(crate) in_flight: VecDeque<Range<usize>>,
    /// How many outcomes it sent in all: compared with how many tasks it started, it tells
    /// whether a worker that died took a task with it.
    pub(crate) answered: usize,
    /// How many more tasks it may be sent (`maxtasksperchild`), if limited.
    pub(crate) tasks_left: Option<usize>,
}

impl Orders {
    pub(crate) fn new(pipe: OwnedFd, maxtasks: Option<usize>) -> Self {
        Self {
            pipe,
            outbox: Vec::new(),
            in_flight: VecDeque::new(),
            answered: 0,
            tasks_left: maxtasks,
        }
    }

    /// Whether it has tasks it was sent and has not answered.
    pub(crate) fn busy(&self) -> bool {
        !self.in_flight.is_empty()
    }

    /// Queues an order to run `task` on inputs `start..start + count`, whose frames are
    /// `frames`.
    pub(crate) fn push_run(
        &mut self,
        task: TaskAddress,
        start: usize,
        count: usize,
        frames: &[u8],
    ) {
        let header = Order::Run { task, start, count };
        // Two addresses and two integers always encode.
        let _ = push_frame(&mut self.outbox, &header);
        self.outbox.extend_from_slice(frames);
    }

    /// Records that one outcome from it came.
    pub(crate) fn answer(&mut self) {
        self.answered += 1;
        if let Some(front) = self.in_flight.front_mut() {
            front.start += 1;
            if Range::is_empty(front) {
                self.in_flight.pop_front();
            }
        }
    }

    /// Writes what the outbox holds, as far as the pipe takes it without blocking.
    pub(crate) fn write_outbox(&mut self) -> Result<(), Errno> {
        let mut written = 0;
        let result = loop {
            if written == self.outbox.len() {
                break Ok(());
            }
            match nix::unistd::write(&self.pipe, &self.outbox[written..]) {
                Ok(n) => written += n,
                Err(Errno::EINTR) => {}
                Err(Errno::EAGAIN) => break Ok(()),
                Err(error) => {
                    // The worker is gone (`EPIPE`): its orders can never go out, and `poll`
                    // must not keep reporting the pipe until its death is seen.
                    written = self.outbox.len();
                    break Err(error);
                }
            }
        };
        self.outbox.drain(..written);
        result
    }
}
