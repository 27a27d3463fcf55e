//! The one decision the two pools make differently, as the engine asks it of them: how work
//! reaches a worker, and what a worker's death costs.
#![forbid(unsafe_code)]

use std::os::fd::BorrowedFd;

use os::ProcessEnd;

use super::Worker;
use crate::multiprocessing::error::PoolError;

/// How work reaches a pool's workers, and what a worker's death costs: the one decision the
/// two pools make differently.
pub(crate) trait Dispatch {
    /// What it keeps about each worker besides what [`Worker`] holds.
    type Orders;

    /// Whether a task's panic fails the whole call at once (else it waits for the others).
    const STOP_AT_TASK_ERROR: bool;

    /// The workers, one place each; a place is empty before a fork into it and once its
    /// worker was reaped.
    fn places(&mut self) -> &mut [Option<Worker<Self::Orders>>];

    /// Whether the call has nothing left to wait for once every input has its outcome (the
    /// fork-per-call pool waits for its workers to exit: they write out what tasks printed).
    fn settled(&self) -> bool;

    /// Sends work before the parent waits, forking workers into empty places if it needs.
    fn dispatch(&mut self) -> Result<(), PoolError>;

    /// The pipe to wait on for room, if `worker` has orders waiting to be written.
    fn waits_for_room(worker: &Worker<Self::Orders>) -> Option<BorrowedFd<'_>>;

    /// Writes what orders the worker in `place` has waiting, as far as its pipe takes them.
    fn write(&mut self, place: usize);

    /// The outcome of input `index` came from the worker in `place`.
    fn answered(&mut self, place: usize, index: usize);

    /// Whether `worker` holds work of this call: failing fast, or giving the call up, kills
    /// it, and its death may have cost a result.
    fn owes(worker: &Worker<Self::Orders>) -> bool;

    /// What the death of `worker` (from `place`, which it owed work) cost: the error that
    /// stops the call, or nothing if nothing was lost.
    fn death(
        &mut self,
        place: usize,
        worker: &mut Worker<Self::Orders>,
        status: ProcessEnd,
    ) -> Option<PoolError>;
}
