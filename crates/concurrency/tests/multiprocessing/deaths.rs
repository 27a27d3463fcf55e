//! A panicking task or a dying worker gives the error that says so, and the map fails fast.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use concurrency::multiprocessing::{Pool, PoolError, Process, ProcessEnd};
use nix::sys::prctl::set_pdeathsig;
use nix::sys::resource::{Resource, setrlimit};
use nix::sys::signal::{Signal, kill};
use nix::unistd::{dup2_stderr, dup2_stdout, getpid, pipe};

use crate::bytes::Bytes;

pub(crate) fn task_panic() {
    const SLOW: Duration = Duration::from_millis(100);
    for round in 0..20 {
        let bad = round % 7;
        let clock = Instant::now();
        let error = Pool::new(2)
            .map(
                |x: usize| {
                    if x == bad {
                        panic!("input {x} is bad");
                    }
                    // The others take long: failing fast must not wait for them.
                    thread::sleep(if x < bad { Duration::ZERO } else { SLOW });
                    x
                },
                0..40,
            )
            .unwrap_err();
        // The 33 or more slow tasks after the bad one would keep 2 workers busy for over
        // 1.6 s; failing fast waits for none of them (a few ms), so half that is a safe bound.
        let waiting = SLOW * (40 - bad as u32 - 1) / 2;
        assert!(
            clock.elapsed() < waiting / 2,
            "round {round}: no fail-fast: {:?}",
            clock.elapsed()
        );
        match error {
            PoolError::TaskPanicked {
                index,
                message,
                location,
                ..
            } => {
                assert_eq!(index, bad);
                assert_eq!(message, format!("input {bad} is bad"));
                assert!(location.is_some_and(|l| l.contains("tests/multiprocessing/deaths.rs")));
            }
            other => panic!("round {round}: {other}"),
        }
    }
}

/// Maps with a task that ends its worker with `die`, and checks the error and fail-fast.
pub(crate) fn worker_dies(die: fn(), expect: impl Fn(ProcessEnd) -> bool, rounds: usize) {
    for round in 0..rounds {
        let clock = Instant::now();
        let error = Pool::new(3)
            .chunksize(1)
            .map(
                |x: usize| {
                    if x == 5 {
                        die();
                    }
                    // Slow tasks: the map must not wait for them all.
                    thread::sleep(Duration::from_millis(200));
                    x
                },
                0..300,
            )
            .unwrap_err();
        match &error {
            PoolError::WorkerDied { pid, status, task } => {
                assert!(expect(*status), "round {round}: {error}");
                assert_eq!(*task, Some(5), "round {round}: {error}");
                assert_ne!(*pid, getpid());
            }
            other => panic!("round {round}: {other}"),
        }
        // 300 tasks of 200 ms on 3 workers would take 20 s; failing fast takes well under
        // one second, so even a crawling machine stays far from the bound.
        assert!(
            clock.elapsed() < Duration::from_secs(10),
            "no fail-fast: {:?}",
            clock.elapsed()
        );
    }
}

pub(crate) fn worker_killed() {
    worker_dies(
        || {
            let _ = kill(getpid(), Signal::SIGKILL);
        },
        |status| {
            matches!(
                status,
                ProcessEnd::Signaled {
                    signal: Signal::SIGKILL,
                    ..
                }
            )
        },
        8,
    );
}

pub(crate) fn worker_aborts() {
    worker_dies(
        || {
            // No core file in the working directory, whatever the machine's limit.
            let _ = setrlimit(Resource::RLIMIT_CORE, 0, 0);
            std::process::abort()
        },
        |status| {
            matches!(
                status,
                ProcessEnd::Signaled {
                    signal: Signal::SIGABRT,
                    ..
                }
            )
        },
        4,
    );
}

pub(crate) fn worker_exits() {
    worker_dies(
        || std::process::exit(3),
        |status| status == ProcessEnd::Exited(3),
        4,
    );
}

pub(crate) fn death_beside_another_pool() {
    // Another thread's pool forks while ours runs, so its workers hold copies of our pipes
    // and end of file comes late: the parent must still see the death, by reaping.
    let stop = Arc::new(AtomicBool::new(false));
    let busy = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let got = Pool::new(2)
                    .chunksize(1)
                    .map(
                        |x: u32| {
                            thread::sleep(Duration::from_millis(30));
                            x + 1
                        },
                        0..10,
                    )
                    .unwrap();
                assert_eq!(got, (1..11).collect::<Vec<_>>());
            }
        })
    };
    worker_killed();
    stop.store(true, Ordering::Relaxed);
    busy.join().unwrap();
}

pub(crate) fn death_beside_grandchild() {
    // The worker forks a grandchild that inherits its pipe and outlives it by seconds: no end
    // of file comes while it lives, so only the `waitpid` sweep can see the worker's death.
    // The sweep sees it within a few 100 ms periods; waiting for end of file would take 20 s.
    for round in 0..3 {
        let clock = Instant::now();
        let error = Pool::new(2)
            .map(
                |x: u32| {
                    if x == 1 {
                        let (wait, ready) = pipe().unwrap();
                        let grandchild = Process::start(|| {
                            // Outlive the worker on purpose: no signal when it dies. Say so
                            // before the worker dies, or the signal may come first.
                            let _ = set_pdeathsig(None);
                            let _ = nix::unistd::write(&ready, b"!");
                            // Off the test's stdout and stderr: whoever reads them to the end
                            // (a CI pipe) must not wait for this orphan.
                            if let Ok(null) = std::fs::File::options().write(true).open("/dev/null")
                            {
                                let _ = dup2_stdout(&null);
                                let _ = dup2_stderr(&null);
                            }
                            thread::sleep(Duration::from_secs(20));
                        });
                        let _ = nix::unistd::read(&wait, &mut [0]);
                        std::mem::forget(grandchild);
                        let _ = kill(getpid(), Signal::SIGKILL);
                    }
                    x
                },
                0..4,
            )
            .unwrap_err();
        assert!(
            matches!(error, PoolError::WorkerDied { task: Some(1), .. }),
            "round {round}: {error}"
        );
        assert!(
            clock.elapsed() < Duration::from_secs(10),
            "took {:?}",
            clock.elapsed()
        );
    }
}

pub(crate) fn death_among_full_pipes() {
    // Every result is 1 MiB, 16 times what a pipe holds, so the other workers are mostly
    // blocked on full pipes when one dies: the parent must neither wait for them to drain
    // nor leave them blocked.
    for round in 0..5 {
        let error = Pool::new(3)
            .chunksize(1)
            .map(
                |x: u32| {
                    if x == 7 {
                        let _ = kill(getpid(), Signal::SIGKILL);
                    }
                    Bytes(vec![x as u8; 1 << 20])
                },
                0..30,
            )
            .unwrap_err();
        assert!(
            matches!(error, PoolError::WorkerDied { task: Some(7), .. }),
            "round {round}: {error}"
        );
    }
}
