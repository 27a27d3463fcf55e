//! The workers of a long-lived pool: one place each, forking a worker into a place, and
//! emptying places (a worker that ended idle, or one killed with a call given up).
#![forbid(unsafe_code)]

use std::os::fd::OwnedFd;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use nix::fcntl::{FcntlArg, OFlag, fcntl};

use super::child::install_panic_hook;
use super::code_map::CodeMap;
use super::error::PoolError;
use super::live_worker::{self, LiveJob};
use super::live_worker_handle::LiveWorker;
use super::sys::{SharedSlots, fork_with};

/// The workers of a [`LivePool`](super::LivePool), one place each, and what forking one needs.
pub(crate) struct Crew {
    /// One place per worker; empty after a worker retired or was killed, until refilled.
    pub(crate) workers: Vec<Option<LiveWorker>>,
    /// For place `i`: at `2i`, 1 + the task the worker there is running, or 0; at `2i + 1`,
    /// how many tasks it has started.
    pub(crate) slots: SharedSlots,
    /// The code the workers have: what was mapped when the pool started.
    pub(crate) code: CodeMap,
    initializer: Option<Arc<dyn Fn() + Send + Sync>>,
    maxtasks: Option<usize>,
}

impl Crew {
    /// `processes` empty places, and the code map of this process as it is now, right
    /// before the first workers are forked.
    pub(crate) fn new(
        processes: usize,
        initializer: Option<Arc<dyn Fn() + Send + Sync>>,
        maxtasks: Option<usize>,
    ) -> Result<Self, PoolError> {
        Ok(Self {
            workers: (0..processes).map(|_| None).collect(),
            slots: SharedSlots::new(2 * processes).map_err(PoolError::os("mmap"))?,
            code: CodeMap::read()?,
            initializer,
            maxtasks,
        })
    }

    /// Forks a worker into place `slot`.
    pub(crate) fn spawn(&mut self, slot: usize) -> Result<(), PoolError> {
        let (orders_read, orders_write) =
            nix::unistd::pipe2(OFlag::O_CLOEXEC).map_err(PoolError::os("pipe"))?;
        let (results_read, results_write) =
            nix::unistd::pipe2(OFlag::O_CLOEXEC).map_err(PoolError::os("pipe"))?;
        let mut ours: Option<(OwnedFd, OwnedFd)> = Some((orders_write, results_read));
        install_panic_hook();
        let (current, started) = (
            &self.slots.slots()[2 * slot],
            &self.slots.slots()[2 * slot + 1],
        );
        current.store(0, Ordering::Relaxed);
        started.store(0, Ordering::Relaxed);
        let pid = fork_with(|| {
            // Child: close the parent's ends, ours and the siblings', so that the parent's
            // death or a closed pool reads as end of file, and a write to a gone parent
            // fails with EPIPE instead of blocking.
            ours.take();
            for place in &mut self.workers {
                place.take();
            }
            let job = LiveJob {
                orders: &orders_read,
                results: &results_write,
                current,
                started,
                initializer: self.initializer.as_deref(),
                maxtasks: self.maxtasks,
            };
            live_worker::run(&job)
        })
        .map_err(PoolError::os("fork"))?;
        drop((orders_read, results_write));
        let Some((orders, results)) = ours else {
            unreachable!("only the child takes the parent's ends");
        };
        // The parent never blocks on an order pipe: a full one waits for `poll`.
        fcntl(&orders, FcntlArg::F_SETFL(OFlag::O_NONBLOCK)).map_err(PoolError::os("fcntl"))?;
        self.workers[slot] = Some(LiveWorker::new(pid, orders, results, self.maxtasks));
        Ok(())
    }

    /// Forgets every worker that ended while idle (between calls): the next call forks its
    /// replacement. It owed nothing, so nothing is reported.
    pub(crate) fn forget_the_dead(&mut self) -> Result<(), PoolError> {
        for place in &mut self.workers {
            if let Some(worker) = place
                && worker
                    .reap_if_ended()
                    .map_err(PoolError::os("waitpid"))?
                    .is_some()
            {
                *place = None;
            }
        }
        Ok(())
    }

    /// Kills and reaps every worker that has tasks in flight.
    pub(crate) fn kill_busy(&mut self) {
        for place in &mut self.workers {
            if place.as_ref().is_some_and(LiveWorker::busy)
                && let Some(mut worker) = place.take()
            {
                worker.kill();
            }
        }
    }

    /// Kills and reaps every worker.
    pub(crate) fn kill_all(&mut self) {
        for mut worker in self.workers.iter_mut().filter_map(Option::take) {
            worker.kill();
        }
    }
}
