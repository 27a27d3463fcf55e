//! The workers of a started pool: one place each, forking a worker into a place, and emptying
//! places (a worker that ended idle, or all of them when the pool is dropped).
#![forbid(unsafe_code)]

use std::os::fd::OwnedFd;
use std::sync::Arc;

use nix::fcntl::{FcntlArg, OFlag, fcntl};

use super::child::{self, Job};
use super::code_map::CodeMap;
use super::orders::Orders;
use crate::multiprocessing::child::install_panic_hook;
use crate::multiprocessing::engine::Worker;
use crate::multiprocessing::error::PoolError;
use crate::multiprocessing::page::Page;
use crate::multiprocessing::sys::fork_with;

/// The workers of a [`LivePool`](super::LivePool), one place each, and what forking one needs.
pub(crate) struct Crew {
    /// One place per worker; empty after a worker retired or was killed, until refilled.
    pub(crate) places: Vec<Option<Worker<Orders>>>,
    /// Where each worker says which task it runs and how many it started.
    pub(crate) page: Page,
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
            places: (0..processes).map(|_| None).collect(),
            page: Page::new(processes).map_err(PoolError::os("mmap"))?,
            code: CodeMap::read()?,
            initializer,
            maxtasks,
        })
    }

    /// Forks a worker into the empty place `place`.
    pub(crate) fn spawn(&mut self, place: usize) -> Result<(), PoolError> {
        let (orders_read, orders_write) =
            nix::unistd::pipe2(OFlag::O_CLOEXEC).map_err(PoolError::os("pipe"))?;
        let (results_read, results_write) =
            nix::unistd::pipe2(OFlag::O_CLOEXEC).map_err(PoolError::os("pipe"))?;
        let mut ours: Option<(OwnedFd, OwnedFd)> = Some((orders_write, results_read));
        install_panic_hook();
        let cells = self.page.place(place);
        cells.clear();
        let pid = fork_with(|| {
            // Child: close the parent's ends, ours and the siblings', so that the parent's
            // death or a closed pool reads as end of file, and a write to a gone parent
            // fails with EPIPE instead of blocking.
            ours.take();
            for sibling in self.places.iter_mut().filter_map(Option::take) {
                sibling.forget_in_child();
            }
            let job = Job {
                orders: &orders_read,
                results: &results_write,
                cells,
                initializer: self.initializer.as_deref(),
                maxtasks: self.maxtasks,
            };
            child::run(&job)
        })
        .map_err(PoolError::os("fork"))?;
        drop((orders_read, results_write));
        let Some((orders, results)) = ours else {
            unreachable!("only the child takes the parent's ends");
        };
        // The parent never blocks on an order pipe: a full one waits for `poll`.
        fcntl(&orders, FcntlArg::F_SETFL(OFlag::O_NONBLOCK)).map_err(PoolError::os("fcntl"))?;
        self.places[place] = Some(Worker::new(
            pid,
            results,
            Orders::new(orders, self.maxtasks),
        ));
        Ok(())
    }

    /// Forgets every worker that ended while idle (between calls): the next call forks its
    /// replacement. It owed nothing, so nothing is reported.
    pub(crate) fn forget_the_dead(&mut self) -> Result<(), PoolError> {
        for place in &mut self.places {
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

    /// Kills every worker at once, then reaps each.
    pub(crate) fn kill_all(&mut self) {
        for worker in self.places.iter().flatten() {
            worker.signal_kill();
        }
        // Dropped: reaped.
        self.places.iter_mut().for_each(|place| drop(place.take()));
    }
}
