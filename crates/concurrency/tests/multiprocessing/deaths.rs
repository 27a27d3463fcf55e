//! A panicking task or a dying worker gives the error that says so, and the call fails fast;
//! a started pool then replaces the dead, and a death between calls costs it nothing.

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
use crate::harness::check;
use crate::pools::Pools;

fn a_panicking_task_fails_the_map_fast() {
    const SLOW: Duration = Duration::from_millis(100);
    const TASKS: usize = 40;
    // The bad task at each place of the first chunks, once (the slow tasks of its chunk
    // still run before its panic goes out, so a round takes a few hundred ms).
    for bad in 0..7 {
        // Each slow task that runs says so on a pipe: failing fast is counted in tasks run,
        // not timed, so a busy machine's delays cannot fail it.
        let (mut ran, said) = std::io::pipe().expect("a pipe");
        let error = Pool::new(2)
            .map(
                |x: usize| {
                    if x == bad {
                        panic!("input {x} is bad");
                    }
                    // The others take long: failing fast must not wait for them.
                    if x > bad {
                        thread::sleep(SLOW);
                        nix::unistd::write(&said, b"x").expect("the parent's pipe");
                    }
                    x
                },
                0..TASKS,
            )
            .unwrap_err();
        drop(said);
        let mut slow_run = Vec::new();
        std::io::Read::read_to_end(&mut ran, &mut slow_run).expect("reading the pipe");
        // Without failing fast, every slow task would run: 2 workers for over 1.6 s.
        let slow = TASKS - bad - 1;
        assert!(
            slow_run.len() < slow,
            "bad input {bad}: no fail-fast: all {slow} slow tasks ran"
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
            other => panic!("bad input {bad}: {other}"),
        }
    }
}
check!(per_call: a_panicking_task_fails_the_map_fast);

/// How [`dies_at_five`] ends its worker: the input's thousands say which.
#[derive(Clone, Copy)]
enum Death {
    Kill = 0,
    Abort = 1,
    Exit = 2,
}

impl Death {
    fn ended(self, status: ProcessEnd) -> bool {
        let signaled =
            |expected| matches!(status, ProcessEnd::Signaled { signal, .. } if signal == expected);
        match self {
            Self::Kill => signaled(Signal::SIGKILL),
            Self::Abort => signaled(Signal::SIGABRT),
            Self::Exit => status == ProcessEnd::Exited(3),
        }
    }
}

/// Task 5 ends its worker with the [`Death`] `x / 1000` names; the tasks after it sleep
/// 200 ms, so that the call must not wait for them, and those before it none, so that the
/// death comes at once.
fn dies_at_five(x: usize) -> usize {
    if x % 1000 == 5 {
        match x / 1000 {
            0 => {
                let _ = kill(getpid(), Signal::SIGKILL);
            }
            1 => {
                // No core file in the working directory, whatever the machine's limit.
                let _ = setrlimit(Resource::RLIMIT_CORE, 0, 0);
                std::process::abort();
            }
            _ => std::process::exit(3),
        }
    }
    if x % 1000 > 5 {
        thread::sleep(Duration::from_millis(200));
    }
    x
}

/// Maps with a task that ends its worker by `death`, and checks the error and fail-fast; a
/// started pool's next call then runs on fresh workers in the places of the dead and the
/// killed.
fn worker_dies(pools: Pools, death: Death, rounds: usize) {
    let mut pool = pools.pool(Pool::new(3).chunksize(1));
    for round in 0..rounds {
        let before = pool.pids();
        let clock = Instant::now();
        let inputs = (0..300).map(|x| x + 1000 * death as usize);
        let error = pool.map(dies_at_five, inputs).unwrap_err();
        let PoolError::WorkerDied { pid, status, task } = error else {
            panic!("round {round}: {error}");
        };
        assert!(death.ended(status), "round {round}: {status}");
        assert_eq!(task, Some(5), "round {round}");
        assert_ne!(pid, getpid());
        if pools == Pools::Live {
            assert!(
                before.contains(&pid),
                "round {round}: {pid} is not a worker"
            );
        }
        // 300 tasks of 200 ms on 3 workers would take 20 s; failing fast takes well under
        // one second, so even a crawling machine stays far from the bound.
        assert!(
            clock.elapsed() < Duration::from_secs(10),
            "no fail-fast: {:?}",
            clock.elapsed()
        );
        assert_eq!(
            pool.map(|x: u8| x * 2, 0..10).unwrap(),
            (0..10).map(|x| x * 2).collect::<Vec<u8>>()
        );
        if pools == Pools::Live {
            let pids = pool.pids();
            assert!(!pids.contains(&pid), "round {round}: {pid} is still listed");
            assert_eq!(pids.len(), 3, "round {round}");
        }
    }
}

fn a_killed_worker_fails_the_map_fast(pools: Pools) {
    worker_dies(pools, Death::Kill, 8);
}
check!(each_pool: a_killed_worker_fails_the_map_fast);

fn an_aborting_worker_fails_the_map_fast(pools: Pools) {
    worker_dies(pools, Death::Abort, 4);
}
check!(each_pool: an_aborting_worker_fails_the_map_fast);

fn a_worker_that_exits_fails_the_map_fast(pools: Pools) {
    worker_dies(pools, Death::Exit, 4);
}
check!(each_pool: a_worker_that_exits_fails_the_map_fast);

fn a_death_is_seen_while_another_thread_forks_too(pools: Pools) {
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
    a_killed_worker_fails_the_map_fast(pools);
    stop.store(true, Ordering::Relaxed);
    busy.join().unwrap();
}
check!(each_pool: a_death_is_seen_while_another_thread_forks_too);

/// Task 1 forks a grandchild that holds the worker's pipes for 20 s, then kills its worker.
fn dies_beside_a_grandchild(x: u32) -> u32 {
    if x == 1 {
        let (wait, ready) = pipe().unwrap();
        let grandchild = Process::start(|| {
            // Outlive the worker on purpose: no signal when it dies. Say so before the
            // worker dies, or the signal may come first.
            let _ = set_pdeathsig(None);
            let _ = nix::unistd::write(&ready, b"!");
            // Off the test's stdout and stderr: whoever reads them to the end (a CI pipe)
            // must not wait for this orphan.
            if let Ok(null) = std::fs::File::options().write(true).open("/dev/null") {
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
}

fn a_death_is_seen_while_a_grandchild_holds_the_pipe(pools: Pools) {
    // No end of file comes while the grandchild lives, so only the `waitpid` sweep can see
    // the worker's death. The sweep sees it within a few 100 ms periods; waiting for end of
    // file would take 20 s.
    let mut pool = pools.pool(Pool::new(2));
    for round in 0..3 {
        let clock = Instant::now();
        let error = pool.map(dies_beside_a_grandchild, 0..4).unwrap_err();
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
check!(each_pool: a_death_is_seen_while_a_grandchild_holds_the_pipe);

fn a_death_among_workers_blocked_on_full_pipes_does_not_hang(pools: Pools) {
    // Every result is 1 MiB, 16 times what a pipe holds, so the other workers are mostly
    // blocked on full pipes when one dies: the parent must neither wait for them to drain
    // nor leave them blocked.
    let mut pool = pools.pool(Pool::new(3).chunksize(1));
    for round in 0..5 {
        let error = pool
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
check!(each_pool: a_death_among_workers_blocked_on_full_pipes_does_not_hang);

fn an_idle_death_costs_nothing() {
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
check!(live: an_idle_death_costs_nothing);
