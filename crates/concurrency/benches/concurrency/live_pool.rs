//! The long-lived pool against fork-per-call, as the parent grows: one `map` of 100 trivial
//! tasks with 0, 256 MiB, 1 GiB and 4 GiB of touched heap in the parent, and what a task
//! costs the long-lived pool at chunksize 1.
//!
//! `fork` copies the parent's page tables, so a fork-per-call map costs more the bigger the
//! parent; a pool forked once and reused does not fork per call at all. The Python bench
//! times CPython's `Pool(2)` the same two ways: created once and reused (beside the
//! long-lived figures), and created, used and closed inside the timing (beside the
//! fork-per-call ones, which fork inside theirs).

use std::hint::black_box;

use concurrency::multiprocessing::Pool;

use measure::timing::seconds;
use measure::{Outcome, full_or_quick, repeats, report};

use crate::peers;
use crate::shared::SHARED;

/// The per-task figure's inputs, `0..identity_inputs()`: as many as processes.rs maps, so the
/// two per-task figures compare.
fn identity_inputs() -> u64 {
    full_or_quick(20_000, 5_000)
}

pub(crate) fn parent_memory_sweep() -> Outcome {
    // Started before the parent grows, as a long-lived pool usually is; reused throughout.
    // procspawn's likewise: its workers are started by `exec`, so they hold none of the
    // parent's memory, and ours hold none of its channels (they were forked before it).
    let mut live = Pool::new(2).start()?;
    let theirs = procspawn::Pool::new(2)?;
    let identity = |x: u32| x;
    let tasks = SHARED.live_pool.tasks;
    for size in &SHARED.live_pool.sizes {
        let (id, label) = (&size.id, &size.label);
        // Every page written, so that it is really mapped and `fork` has its tables to copy.
        let ballast = black_box(vec![1u8; size.mib << 20]);
        let fork_per_call = seconds(repeats(), || Ok(Pool::new(2).map(identity, 0..tasks)?))?;
        report(
            &format!("pool-map-parent-{id}"),
            &fork_per_call.scaled(1e3),
            "ms",
            &format!(
                "map of {tasks} trivial tasks, {label} parent: fork per call (Python: Pool(2) made, used, closed)"
            ),
        );
        let exec_per_call = seconds(repeats(), || {
            peers::procspawn_map(&procspawn::Pool::new(2)?, identity, 0..tasks)
        })?;
        report(
            &format!("pool-map-parent-{id}-procspawn"),
            &exec_per_call.scaled(1e3),
            "ms",
            "  the same on a procspawn::Pool(2) made and dropped in each call",
        );
        let reused = seconds(repeats(), || Ok(live.map(identity, 0..tasks)?))?;
        report(
            &format!("pool-live-map-parent-{id}"),
            &reused.scaled(1e3),
            "ms",
            "  the same on a pool started once (Python: Pool(2) reused)",
        );
        let reused = seconds(repeats(), || {
            peers::procspawn_map(&theirs, identity, 0..tasks)
        })?;
        report(
            &format!("pool-live-map-parent-{id}-procspawn"),
            &reused.scaled(1e3),
            "ms",
            "  the same on a procspawn::Pool(2) started once",
        );
        drop(ballast);
    }
    live.close()?;
    Ok(())
}

pub(crate) fn per_task_overhead() -> Outcome {
    let mut live = Pool::new(2).chunksize(1).start()?;
    let count = identity_inputs();
    let one_at_a_time = seconds(repeats(), || Ok(live.map(|x: u64| x, black_box(0..count))?))?;
    report(
        "pool-live-identity-chunksize-1",
        &one_at_a_time.scaled(1e6 / count as f64),
        "us",
        &format!("a pool started once: map(identity, {count} ints), chunksize 1: a task"),
    );
    live.close()?;
    Ok(())
}
