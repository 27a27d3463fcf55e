//! The long-lived pool when things go wrong: a worker dies mid-call or between calls, a call
//! is given up, the pool is dropped, the parent dies; and its output and orphans, as for the
//! fork-per-call pool.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::thread;
use std::time::{Duration, Instant};

use concurrency::multiprocessing::{Pool, PoolError, Process, ProcessEnd};
use nix::sys::resource::{Resource, setrlimit};
use nix::sys::signal::{Signal, kill};
use nix::unistd::getpid;

use crate::assert_no_children;

/// Task 5 ends its worker with the death `x / 1000` names; the others sleep 200 ms.
fn dies_at_five(x: usize) -> usize {
    if x % 1000 == 5 {
        match x / 1000 {
            0 => {
                let _ = kill(getpid(), Signal::SIGKILL);
            }
            1 => {
                let _ = setrlimit(Resource::RLIMIT_CORE, 0, 0);
                std::process::abort();
            }
            _ => std::process::exit(3),
        }
    }
    thread::sleep(Duration::from_millis(200));
    x
}

pub(crate) fn live_death_fails_fast_and_the_pool_recovers() {
    let mut pool = Pool::new(3).chunksize(1).start().unwrap();
    for round in 0..9 {
        let kind = round % 3;
        let before = pool.pids();
        let clock = Instant::now();
        let error = pool
            .map(dies_at_five, (0..300).map(|x| x + 1000 * kind))
            .unwrap_err();
        let PoolError::WorkerDied { pid, status, task } = error else {
            panic!("round {round}: {error}");
        };
        assert_eq!(task, Some(5), "round {round}");
        assert!(
            before.contains(&pid),
            "round {round}: {pid} is not a worker"
        );
        let expected = match kind {
            0 => matches!(
                status,
                ProcessEnd::Signaled {
                    signal: Signal::SIGKILL,
                    ..
                }
            ),
            1 => matches!(
                status,
                ProcessEnd::Signaled {
                    signal: Signal::SIGABRT,
                    ..
                }
            ),
            _ => status == ProcessEnd::Exited(3),
        };
        assert!(expected, "round {round}: {status}");
        // 300 tasks of 200 ms on 3 workers take 20 s; failing fast takes under a second.
        assert!(
            clock.elapsed() < Duration::from_secs(10),
            "{:?}",
            clock.elapsed()
        );
        // The next call gets fresh workers in the places of the dead and the killed.
        assert_eq!(
            pool.map(|x: u8| x * 2, 0..10).unwrap(),
            (0..10).map(|x| x * 2).collect::<Vec<u8>>()
        );
        assert!(
            !pool.pids().contains(&pid),
            "round {round}: the dead worker is still listed"
        );
        assert_eq!(pool.pids().len(), 3);
    }
}

pub(crate) fn live_idle_death_costs_nothing() {
    let mut pool = Pool::new(2).start().unwrap();
    for round in 0..10 {
        let victim = pool.pids()[round % 2];
        kill(victim, Signal::SIGKILL).unwrap();
        // Whether the call sees it before it starts or while it runs, the worker owed
        // nothing: the call succeeds, on a replacement.
        let got = pool.map(|x: u32| x + 1, 0..50).unwrap();
        assert!(got.iter().copied().eq(1..51), "round {round}");
        assert!(!pool.pids().contains(&victim), "round {round}");
    }
}

pub(crate) fn live_dropping_imap_or_the_pool_kills_and_reaps() {
    for round in 0..10 {
        let mut pool = Pool::new(2).chunksize(1).start().unwrap();
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
        // The pool is usable at once: the workers stuck in 10-second tasks were replaced.
        let clock = Instant::now();
        assert_eq!(pool.map(|x: u64| x, 0..4).unwrap(), [0, 1, 2, 3]);
        assert!(
            clock.elapsed() < Duration::from_secs(5),
            "{:?}",
            clock.elapsed()
        );
        // A panic unwinding out of a loop over an imap drops the iterator, then the pool.
        let outcome = catch_unwind(AssertUnwindSafe(move || {
            for result in pool.imap(|x: u64| x * 2, 0..1000).unwrap() {
                if result.unwrap() == 10 {
                    panic!("the caller gives up");
                }
            }
        }));
        assert!(outcome.is_err());
        assert_no_children("live_dropping_imap_or_the_pool_kills_and_reaps");
    }
}

pub(crate) fn live_pool_outlives_the_thread_that_started_it() {
    for round in 0..5 {
        let mut pool = thread::spawn(|| Pool::new(2).start().unwrap())
            .join()
            .unwrap();
        // Were the workers killed when that thread ended, this would fail or hang.
        thread::sleep(Duration::from_millis(100));
        let pids = pool.pids();
        let got = pool.map(|x: u32| x * 2, 0..8).unwrap();
        assert_eq!(
            got,
            (0..8).map(|x| x * 2).collect::<Vec<_>>(),
            "round {round}"
        );
        assert_eq!(pool.pids(), pids, "round {round}: workers were replaced");
        pool.close().unwrap();
    }
}

pub(crate) fn live_task_output_arrives_once() {
    for round in 0..10 {
        let (status, text) = crate::output::capture(|| {
            let mut pool = Pool::new(2).chunksize(1).start().unwrap();
            // The parent's markers are flushed: no fork writes them out for it here.
            let marker = |text: String| {
                print!("{text}");
                let _ = std::io::Write::flush(&mut std::io::stdout());
            };
            for call in 0..3u32 {
                marker(format!("[call {call}]"));
                let got = pool
                    .map(
                        |x: u32| {
                            print!("<{x}>");
                            x
                        },
                        (0..10).map(|x| x + 10 * call),
                    )
                    .unwrap();
                assert_eq!(got.len(), 10);
                marker(format!("[returned {call}]"));
            }
            pool.close().unwrap();
        });
        assert_eq!(status, ProcessEnd::Exited(0), "round {round}: {text}");
        // Every token once, and each call's tokens between its markers: out before the
        // call returned, though the workers live on.
        let mut expected_calls = Vec::new();
        for call in 0..3 {
            let start = text.find(&format!("[call {call}]")).expect("call marker");
            let end = text
                .find(&format!("[returned {call}]"))
                .expect("returned marker");
            for x in (0..10).map(|x| x + 10 * call) {
                let token = format!("<{x}>");
                assert_eq!(
                    text.matches(&token).count(),
                    1,
                    "round {round}: {token} in {text}"
                );
                let at = text.find(&token).unwrap_or(0);
                assert!(
                    start < at && at < end,
                    "round {round}: {token} outside its call: {text}"
                );
            }
            expected_calls.push(start);
        }
        assert!(expected_calls.is_sorted(), "{text}");
    }
}

pub(crate) fn live_workers_die_with_a_killed_parent() {
    for round in 0..20 {
        let status = Process::start(|| crate::orphans::kill_the_parent_mid_call(true))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(status, ProcessEnd::Exited(0), "round {round} (see stderr)");
    }
}
