//! The Rust peers: what a Rust programmer would pick instead of this crate's code, run on the
//! same workloads in the same run, each row beside ours (`<our id>-rayon`,
//! `<our id>-procspawn`; CPython has no twin of them, so its column shows `-`).
//!
//! - `rayon`, beside the scoped-thread `parallel_map` and beside the pools on CPU-bound
//!   tasks: a pool of threads with work stealing, `par_iter()` where a map says `iter()`.
//! - `procspawn`, beside both pools: "`thread::spawn` just with processes", with a `Pool`. A
//!   child is the bench binary itself, started again (`std::process::Command`, so `exec`),
//!   which [`procspawn::init`] at the top of `main` turns into a worker before the bench
//!   prints anything; a task is a `fn` (a closure that captures nothing) with its argument
//!   and result serialised through `ipc-channel`. Its `Pool` has no `map`: one `spawn` per
//!   input, then a `join` per handle, in input order, which is what a user writes.

use rayon::ThreadPool;
use rayon::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use measure::Outcome;

/// A pool of `threads` rayon threads, for a step to reuse: its own rather than rayon's
/// global one (a pool like it, started on first use and kept until the process ends), so
/// that its threads end with the step instead of idling beside every step after it.
pub(crate) fn rayon_pool(threads: usize) -> Outcome<ThreadPool> {
    Ok(rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?)
}

/// `inputs.par_iter().map(f).collect()` on `pool`.
pub(crate) fn rayon_map<T, R>(
    pool: &ThreadPool,
    inputs: &[T],
    f: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    pool.install(|| inputs.par_iter().map(f).collect())
}

/// `map` on a procspawn pool: every input spawned, then every result joined, in input order.
pub(crate) fn procspawn_map<A, R>(
    pool: &procspawn::Pool,
    f: fn(A) -> R,
    inputs: impl IntoIterator<Item = A>,
) -> Outcome<Vec<R>>
where
    A: Serialize + DeserializeOwned,
    R: Serialize + DeserializeOwned + Send + 'static,
{
    let handles: Vec<_> = inputs.into_iter().map(|x| pool.spawn(x, f)).collect();
    handles
        .into_iter()
        .map(|handle| Ok(handle.join()?))
        .collect()
}
