//! What a waiting thread and a waiting task cost in memory: `count` of them, all waiting at
//! once, and the growth of this process's resident memory ([`resident_kib`]) while they do.
//!
//! Measured in a fresh process (the bench runs each measurement in a child of its own): a
//! process that has had threads before keeps some of their stacks (glibc caches freed ones)
//! and its allocator keeps freed heap, either of which would hide part of the growth.

use std::io;
use std::sync::Arc;
use std::sync::Barrier;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use tokio::task;
use tokio::time::sleep;

use crate::memory::resident_kib;

/// How much resident memory `count` threads add while they all wait (on a barrier), in KiB.
///
/// # Errors
///
/// A thread could not start, or the resident memory cannot be read.
pub fn threads_waiting(count: usize) -> io::Result<u64> {
    let before = resident_kib()?;
    let (started, release) = (
        Arc::new(Barrier::new(count + 1)),
        Arc::new(Barrier::new(count + 1)),
    );
    let threads = (0..count)
        .map(|_| {
            let (started, release) = (Arc::clone(&started), Arc::clone(&release));
            thread::Builder::new().spawn(move || {
                started.wait();
                release.wait(); // waiting, as a thread blocked in `read` waits
            })
        })
        .collect::<io::Result<Vec<_>>>()?;
    started.wait();
    let during = resident_kib();
    release.wait();
    for thread in threads {
        thread
            .join()
            .map_err(|_| io::Error::other("a waiting thread panicked"))?;
    }
    Ok(during?.saturating_sub(before))
}

/// How much resident memory `count` tasks add while they all wait (on a timer), on one
/// thread, in KiB; the runtime itself is made before the first reading.
///
/// # Errors
///
/// The runtime could not start, or the resident memory cannot be read.
pub fn tasks_waiting(count: usize) -> io::Result<u64> {
    let runtime = crate::runtime::one_thread()?;
    runtime.block_on(async {
        let before = resident_kib()?;
        let started = Arc::new(AtomicUsize::new(0));
        for _ in 0..count {
            let started = Arc::clone(&started);
            task::spawn(async move {
                started.fetch_add(1, Ordering::Relaxed);
                sleep(Duration::from_secs(3600)).await; // dropped with the runtime
            });
        }
        while started.load(Ordering::Relaxed) < count {
            task::yield_now().await; // lets every task run to its first wait
        }
        Ok(resident_kib()?.saturating_sub(before))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn waiting_threads_and_tasks_can_be_measured() {
        // Only that both run to the end: the figures belong to the bench, in a fresh process.
        threads_waiting(8).unwrap();
        tasks_waiting(8).unwrap();
    }
}
