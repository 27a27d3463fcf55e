//! How the fork-per-call pool gets work to its workers: it forks them after the function and
//! the inputs exist, and they claim inputs from the counter on the shared page. Nothing is
//! sent; a worker that ends before `Finished` took its task with it.
#![forbid(unsafe_code)]

use std::os::fd::BorrowedFd;

use nix::fcntl::OFlag;
use serde::Serialize;

use os::ProcessEnd;

use super::child::{self, Job};
use crate::multiprocessing::child::install_panic_hook;
use crate::multiprocessing::engine::{Dispatch, Worker};
use crate::multiprocessing::error::PoolError;
use crate::multiprocessing::page::Page;
use crate::multiprocessing::pool::Pool;
use crate::multiprocessing::sys::fork_with;

/// The workers of one fork-per-call `map` and the page they claim from.
pub(crate) struct PerCall {
    places: Vec<Option<Worker<()>>>,
    page: Page,
}

impl PerCall {
    /// Forks `pool`'s workers for one call of `f` on `inputs` (fewer if there are fewer
    /// inputs); they start claiming at once.
    pub(crate) fn fork<T, R, F>(pool: &Pool, f: F, inputs: Vec<T>) -> Result<Self, PoolError>
    where
        F: Fn(T) -> R,
        R: Serialize,
    {
        let mut inputs: Vec<Option<T>> = inputs.into_iter().map(Some).collect();
        let processes = pool.processes.min(inputs.len());
        let mut call = Self {
            places: Vec::with_capacity(processes),
            page: Page::new(processes).map_err(PoolError::os("mmap"))?,
        };
        install_panic_hook();
        for place in 0..processes {
            let (read, write) =
                nix::unistd::pipe2(OFlag::O_CLOEXEC).map_err(PoolError::os("pipe"))?;
            let mut read = Some(read);
            // If `fork` fails, `call` is dropped and kills the workers made so far.
            let pid = fork_with(|| {
                // Child: close the read ends, ours and the siblings', so that a write to a
                // pipe the parent closed fails with EPIPE instead of blocking.
                read.take();
                for sibling in call.places.drain(..).flatten() {
                    sibling.forget_in_child();
                }
                let job = Job {
                    f: &f,
                    inputs: &mut inputs,
                    page: &call.page,
                    place,
                    processes,
                    chunking: pool.chunking,
                    initializer: pool.initializer.as_deref(),
                };
                child::run(job, &write)
            })
            .map_err(PoolError::os("fork"))?;
            // Parent: our copy of the write end must go, or end of file would never come.
            drop(write);
            if let Some(read) = read {
                call.places.push(Some(Worker::new(pid, read, ())));
            }
        }
        Ok(call)
    }
}

impl Dispatch for PerCall {
    type Orders = ();

    /// Fails fast at a panic, as the pool's docs say.
    const STOP_AT_TASK_ERROR: bool = true;

    fn places(&mut self) -> &mut [Option<Worker<()>>] {
        &mut self.places
    }

    /// Once every worker exited: each writes out what its tasks printed before `Finished`.
    fn settled(&self) -> bool {
        self.places.iter().all(Option::is_none)
    }

    /// The workers claim their inputs themselves.
    fn dispatch(&mut self) -> Result<(), PoolError> {
        Ok(())
    }

    fn waits_for_room(_: &Worker<()>) -> Option<BorrowedFd<'_>> {
        None
    }

    fn write(&mut self, _: usize) {}

    fn answered(&mut self, _: usize, _: usize) {}

    /// Every worker is the call's own until it is reaped.
    fn owes(_: &Worker<()>) -> bool {
        true
    }

    /// Nothing, after `Finished`; before it, the task it had claimed, if any.
    fn death(
        &mut self,
        place: usize,
        worker: &mut Worker<()>,
        status: ProcessEnd,
    ) -> Option<PoolError> {
        (!worker.finished).then(|| PoolError::WorkerDied {
            pid: worker.pid,
            status,
            task: self.page.place(place).task(),
        })
    }
}
