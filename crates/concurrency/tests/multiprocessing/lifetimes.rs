//! No child outlives its handle, and no lock held by a parent thread deadlocks a child.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use concurrency::multiprocessing::{PANIC_EXIT_STATUS, Pool, PoolError, Process, ProcessEnd};

use crate::harness::{assert_no_children, check};
use crate::pools::Pools;

fn dropping_imap_midway_kills_and_reaps(pools: Pools) {
    for round in 0..10 {
        let mut pool = pools.pool(Pool::new(2).chunksize(1));
        let mut results = pool
            .imap(
                |x: u64| {
                    thread::sleep(Duration::from_millis(if x == 0 { 0 } else { 10_000 }));
                    x
                },
                0..20,
            )
            .unwrap();
        assert_eq!(results.next(), Some(Ok(0)), "round {round}");
        drop(results);
        // The pool is usable at once: a started pool replaced the workers stuck in
        // 10-second tasks.
        let clock = Instant::now();
        assert_eq!(pool.map(|x: u64| x, 0..4).unwrap(), [0, 1, 2, 3]);
        assert!(
            clock.elapsed() < Duration::from_secs(5),
            "{:?}",
            clock.elapsed()
        );
        drop(pool);
        assert_no_children("dropping_imap_midway_kills_and_reaps");
    }
}
check!(each_pool: dropping_imap_midway_kills_and_reaps);

fn a_caller_panic_kills_and_reaps(pools: Pools) {
    for _ in 0..10 {
        // A panic unwinding out of a loop over an imap drops the iterator, then the pool.
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let mut pool = pools.pool(Pool::new(2).chunksize(1));
            for result in pool.imap(|x: u64| x * 2, 0..1000).unwrap() {
                if result.unwrap() == 10 {
                    panic!("the caller gives up");
                }
            }
        }));
        assert!(outcome.is_err());
        assert_no_children("a_caller_panic_kills_and_reaps");
    }
}
check!(each_pool: a_caller_panic_kills_and_reaps);

fn forking_a_multithreaded_parent_does_not_deadlock(pools: Pools) {
    // Threads that hold locks most of the time: a mutex, the stdout lock, malloc.
    let stop = Arc::new(AtomicBool::new(false));
    let lock = Arc::new(Mutex::new(0u64));
    let mut threads = Vec::new();
    for kind in 0..3 {
        let (stop, lock) = (Arc::clone(&stop), Arc::clone(&lock));
        threads.push(thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                match kind {
                    0 => {
                        let mut guard = lock.lock().unwrap();
                        *guard += 1;
                        thread::sleep(Duration::from_micros(200));
                    }
                    1 => {
                        {
                            let _stdout = std::io::stdout().lock();
                            let _stderr = std::io::stderr().lock();
                            thread::sleep(Duration::from_micros(200));
                        }
                        // A fork takes both locks (see `fork_with`), and std's mutex is not
                        // fair: a thread that took them back the instant it let go would
                        // starve the forks for seconds. Any real printer lets go for longer.
                        thread::sleep(Duration::from_micros(50));
                    }
                    _ => {
                        drop(std::hint::black_box(vec![0u8; 4096]));
                        // Busy, but second to any other runnable thread: the checks that
                        // run beside this one on a loaded machine need the cores too.
                        thread::yield_now();
                    }
                }
            }
        }));
    }
    for _ in 0..40 {
        // A started pool forks here, a fork-per-call pool at each call.
        let mut pool = pools.pool(Pool::new(2));
        let got = pool.map(|x: u32| vec![x; 100], 0..64).unwrap();
        assert!(
            got.iter()
                .zip(0..)
                .all(|(v, x)| v.len() == 100 && v[0] == x)
        );
        let error = pool.map(|x: u32| if x == 3 { panic!("boom") } else { x }, 0..8);
        assert!(matches!(
            error,
            Err(PoolError::TaskPanicked { index: 3, .. })
        ));
    }
    stop.store(true, Ordering::Relaxed);
    for thread in threads {
        thread.join().unwrap();
    }
}
check!(each_pool: forking_a_multithreaded_parent_does_not_deadlock);

fn process_has_its_own_memory_and_exit_status() {
    for _ in 0..10 {
        let mut counter = 0;
        let child = Process::start(|| counter += 1).unwrap();
        assert_eq!(child.join().unwrap(), ProcessEnd::Exited(0));
        assert_eq!(counter, 0);
        let child = Process::start(|| panic!("in the child")).unwrap();
        let status = child.join().unwrap();
        assert_eq!(status, ProcessEnd::Exited(PANIC_EXIT_STATUS));
        let child = Process::start(|| thread::sleep(Duration::from_secs(30))).unwrap();
        child.kill().unwrap();
        let status = child.join().unwrap();
        assert_eq!(status.code(), Some(-9));
    }
}
check!(process_has_its_own_memory_and_exit_status);

fn dropping_a_process_kills_and_reaps_it() {
    for _ in 0..10 {
        let child = Process::start(|| thread::sleep(Duration::from_secs(30))).unwrap();
        drop(child);
        assert_no_children("dropping_a_process_kills_and_reaps_it");
    }
}
check!(dropping_a_process_kills_and_reaps_it);
