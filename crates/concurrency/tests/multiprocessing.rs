//! The failure tests of `multiprocessing`: each "must never happen" of the issue, in a loop.
//!
//! This is a `harness = false` test: the checks run one after another on the main thread,
//! so that "no child left" (`waitpid(-1, WNOHANG)` gives `ECHILD`) and "no descriptor
//! leaked" (`/proc/self/fd` counted) are facts about this check alone, not about whatever
//! another test thread is doing. A watchdog turns a hang into a failure.
//!
//! `cargo test -p concurrency --test multiprocessing -- NAME` runs the checks whose name
//! contains `NAME`; `-- --list` lists them.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use concurrency::multiprocessing::{ExitStatus, PANIC_EXIT_STATUS, Pool, PoolError, Process};
use nix::errno::Errno;
use nix::sys::resource::{Resource, setrlimit};
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::{WaitPidFlag, waitpid};
use nix::unistd::{Pid, getpid};

type Check = fn();

const CHECKS: &[(&str, Check)] = &[
    (
        "ten_thousand_tasks_give_ten_thousand_results_in_order",
        ten_thousand_tasks,
    ),
    ("results_bigger_than_a_pipe_do_not_hang", big_results),
    (
        "workers_that_write_before_the_parent_reads_do_not_hang",
        write_before_read,
    ),
    ("a_panicking_task_names_its_index_and_message", task_panic),
    (
        "imap_yields_a_panic_in_its_place_and_goes_on",
        imap_after_panic,
    ),
    ("a_killed_worker_fails_the_map_fast", worker_killed),
    ("an_aborting_worker_fails_the_map_fast", worker_aborts),
    ("a_worker_that_exits_fails_the_map_fast", worker_exits),
    (
        "a_death_is_seen_while_another_thread_forks_too",
        death_beside_another_pool,
    ),
    (
        "a_death_is_seen_while_a_grandchild_holds_the_pipe",
        death_beside_grandchild,
    ),
    ("initializer_runs_once_per_worker", initializer_runs),
    ("a_panicking_initializer_is_an_error", initializer_panics),
    ("dropping_imap_midway_kills_and_reaps", drop_mid_imap),
    ("a_caller_panic_kills_and_reaps", caller_panics),
    (
        "forking_a_multithreaded_parent_does_not_deadlock",
        multithreaded_parent,
    ),
    ("process_has_its_own_memory_and_exit_status", process_memory),
    ("dropping_a_process_kills_and_reaps_it", process_drop),
    ("edge_cases_empty_inputs_and_few_inputs", edge_cases),
];

/// How long one check may take before it counts as a hang.
const HANG: Duration = Duration::from_secs(60);

/// The command line, read as libtest would: name filters, `--exact`, `--skip NAME`,
/// `--list`, `--ignored` (there are none); other options and their values are ignored.
#[derive(Default)]
struct Args {
    filters: Vec<String>,
    skip: Vec<String>,
    exact: bool,
    list: bool,
    ignored: bool,
}

impl Args {
    fn parse() -> Self {
        let mut args = Self::default();
        let mut words = std::env::args().skip(1);
        while let Some(word) = words.next() {
            match word.as_str() {
                "--list" => args.list = true,
                "--exact" => args.exact = true,
                "--ignored" => args.ignored = true,
                "--skip" => args.skip.extend(words.next()),
                "--test-threads" | "--color" | "--format" | "--logfile" | "--shuffle-seed"
                | "-Z" => {
                    words.next();
                }
                option if option.starts_with('-') => {}
                filter => args.filters.push(filter.to_owned()),
            }
        }
        args
    }

    fn selects(&self, name: &str) -> bool {
        let matches = |pattern: &String| {
            if self.exact {
                name == pattern
            } else {
                name.contains(pattern.as_str())
            }
        };
        !self.ignored
            && (self.filters.is_empty() || self.filters.iter().any(matches))
            && !self.skip.iter().any(matches)
    }
}

fn main() {
    let args = Args::parse();
    let selected = CHECKS.iter().filter(|(name, _)| args.selects(name));
    if args.list {
        for (name, _) in selected {
            println!("{name}: test");
        }
        return;
    }
    quiet_expected_panics();
    let (started, watched) = mpsc::channel::<&'static str>();
    thread::spawn(move || watchdog(&watched));
    let mut ran = 0;
    for (name, check) in selected {
        print!("test {name} ... ");
        let _ = std::io::Write::flush(&mut std::io::stdout());
        let _ = started.send(name);
        let clock = Instant::now();
        let fds = open_fds();
        check();
        assert_no_children(name);
        assert_eq!(open_fds(), fds, "{name} leaked file descriptors");
        println!("ok ({} ms)", clock.elapsed().as_millis());
        ran += 1;
    }
    println!("\ntest result: ok. {ran} passed");
}

/// Panics the checks cause on purpose, outside pool workers (whose panics the pool reports
/// as values and never prints).
const EXPECTED_PANICS: &[&str] = &["the caller gives up", "in the child"];

/// Keeps expected panics off the output; any other panic prints as usual.
fn quiet_expected_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str));
        if !message.is_some_and(|message| EXPECTED_PANICS.contains(&message)) {
            previous(info);
        }
    }));
}

/// Exits the process with a message if one check runs longer than [`HANG`].
fn watchdog(started: &mpsc::Receiver<&'static str>) {
    let mut current = match started.recv() {
        Ok(name) => name,
        Err(_) => return,
    };
    loop {
        match started.recv_timeout(HANG) {
            Ok(name) => current = name,
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                eprintln!("\n{current} hung for {HANG:?}");
                std::process::exit(1);
            }
        }
    }
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .expect("/proc/self/fd")
        .count()
}

fn assert_no_children(name: &str) {
    match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
        Err(Errno::ECHILD) => {}
        other => panic!("{name} left a child behind: waitpid(-1) gave {other:?}"),
    }
}

fn ten_thousand_tasks() {
    let inputs: Vec<u64> = (0..10_000).collect();
    let expected: Vec<u64> = inputs.iter().map(|x| x * 3 + 1).collect();
    for round in 0..5 {
        for pool in [
            Pool::new(2),
            Pool::new(3).chunksize(1),
            Pool::new(4).chunksize(7),
        ] {
            let got = pool
                .map(|x: u64| x * 3 + 1, inputs.iter().copied())
                .unwrap();
            assert_eq!(got, expected, "round {round}, {pool:?}");
            let got: Vec<u64> = pool
                .imap(|x: u64| x * 3 + 1, inputs.clone())
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert_eq!(got, expected, "imap round {round}, {pool:?}");
        }
    }
}

fn big_results() {
    for round in 0..5 {
        let sizes = [1 << 20, 3 << 20, 10, 2 << 20, 1 << 16];
        let got = Pool::new(2)
            .map(|n: usize| vec![n as u8; n], sizes)
            .unwrap();
        for (size, result) in sizes.iter().zip(&got) {
            assert_eq!(result.len(), *size, "round {round}");
            assert!(result.iter().all(|&b| b == *size as u8));
        }
    }
}

fn write_before_read() {
    for round in 0..5 {
        let mut results = Pool::new(2)
            .chunksize(1)
            .imap(|i: usize| vec![i; 300_000], 0..6)
            .unwrap();
        // Every worker fills its pipe and blocks before the parent reads a byte.
        thread::sleep(Duration::from_millis(50));
        for i in 0..6 {
            let result = results.next().unwrap().unwrap();
            assert!(
                result.len() == 300_000 && result.iter().all(|&x| x == i),
                "round {round}"
            );
        }
        assert!(results.next().is_none());
    }
}

fn task_panic() {
    for round in 0..20 {
        let bad = round % 7;
        let error = Pool::new(2)
            .map(
                |x: usize| {
                    if x == bad {
                        panic!("input {x} is bad");
                    }
                    // The others take long: failing fast must not wait for them.
                    thread::sleep(Duration::from_millis(if x < bad { 0 } else { 20 }));
                    x
                },
                0..40,
            )
            .unwrap_err();
        match error {
            PoolError::TaskPanicked {
                index,
                message,
                location,
                ..
            } => {
                assert_eq!(index, bad);
                assert_eq!(message, format!("input {bad} is bad"));
                assert!(location.is_some_and(|l| l.contains("tests/multiprocessing.rs")));
            }
            other => panic!("round {round}: {other}"),
        }
    }
}

fn imap_after_panic() {
    for _ in 0..10 {
        let results: Vec<Result<i32, PoolError>> = Pool::new(2)
            .chunksize(1)
            .imap(
                |x: i32| if x % 4 == 1 { panic!("odd one") } else { x },
                0..8,
            )
            .unwrap()
            .collect();
        assert_eq!(results.len(), 8);
        for (x, result) in (0..).zip(&results) {
            match result {
                Ok(value) => assert_eq!(*value, x),
                Err(PoolError::TaskPanicked { index, .. }) => assert_eq!(*index as i32 % 4, 1),
                Err(other) => panic!("{other}"),
            }
        }
    }
}

/// Maps with a task that ends its worker with `die`, and checks the error and fail-fast.
fn worker_dies(die: fn(), expect: impl Fn(ExitStatus) -> bool, rounds: usize) {
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
                0..100,
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
        // 100 tasks of 200 ms on 3 workers would take over 6 s.
        assert!(
            clock.elapsed() < Duration::from_secs(5),
            "no fail-fast: {:?}",
            clock.elapsed()
        );
    }
}

fn worker_killed() {
    worker_dies(
        || {
            let _ = kill(getpid(), Signal::SIGKILL);
        },
        |status| {
            matches!(
                status,
                ExitStatus::Signaled {
                    signal: Signal::SIGKILL,
                    ..
                }
            )
        },
        8,
    );
}

fn worker_aborts() {
    worker_dies(
        || {
            // No core file in the working directory, whatever the machine's limit.
            let _ = setrlimit(Resource::RLIMIT_CORE, 0, 0);
            std::process::abort()
        },
        |status| {
            matches!(
                status,
                ExitStatus::Signaled {
                    signal: Signal::SIGABRT,
                    ..
                }
            )
        },
        4,
    );
}

fn worker_exits() {
    worker_dies(
        || std::process::exit(3),
        |status| status == ExitStatus::Exited(3),
        4,
    );
}

fn death_beside_another_pool() {
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

fn death_beside_grandchild() {
    // The worker forks a grandchild that inherits its pipe and outlives it by seconds: no end
    // of file comes while it lives, so only the `waitpid` sweep can see the worker's death.
    for round in 0..3 {
        let clock = Instant::now();
        let error = Pool::new(2)
            .map(
                |x: u32| {
                    if x == 1 {
                        let grandchild = Process::start(|| thread::sleep(Duration::from_secs(3)));
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
            clock.elapsed() < Duration::from_secs(2),
            "took {:?}",
            clock.elapsed()
        );
    }
}

thread_local! {
    static WORKER_STATE: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn initializer_runs() {
    for _ in 0..5 {
        let pool = Pool::new(2).initializer(|| WORKER_STATE.with(|s| s.set(s.get() + 1)));
        let got = pool.map(
            |x: u32| WORKER_STATE.with(std::cell::Cell::get) * 100 + x,
            0..50,
        );
        assert!(got.unwrap().iter().zip(0..).all(|(r, x)| *r == 100 + x));
        // The parent's copy never ran it.
        assert_eq!(WORKER_STATE.with(std::cell::Cell::get), 0);
    }
}

fn initializer_panics() {
    for _ in 0..5 {
        let error = Pool::new(2)
            .initializer(|| panic!("no config"))
            .map(|x: u8| x, 0..10);
        assert!(
            matches!(&error, Err(PoolError::InitializerPanicked { message, .. }) if message == "no config"),
            "{error:?}"
        );
    }
}

fn drop_mid_imap() {
    for round in 0..10 {
        let mut results = Pool::new(2)
            .chunksize(1)
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
        assert_no_children("drop_mid_imap");
    }
}

fn caller_panics() {
    for _ in 0..10 {
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let results = Pool::new(2)
                .chunksize(1)
                .imap(|x: u64| x * 2, 0..1000)
                .unwrap();
            for result in results {
                if result.unwrap() == 10 {
                    panic!("the caller gives up");
                }
            }
        }));
        assert!(outcome.is_err());
        assert_no_children("caller_panics");
    }
}

fn multithreaded_parent() {
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
                        let _stdout = std::io::stdout().lock();
                        let _stderr = std::io::stderr().lock();
                        thread::sleep(Duration::from_micros(200));
                    }
                    _ => drop(std::hint::black_box(vec![0u8; 4096])),
                }
            }
        }));
    }
    for _ in 0..40 {
        let got = Pool::new(2).map(|x: u32| vec![x; 100], 0..64).unwrap();
        assert!(
            got.iter()
                .zip(0..)
                .all(|(v, x)| v.len() == 100 && v[0] == x)
        );
        let error = Pool::new(2).map(|x: u32| if x == 3 { panic!("boom") } else { x }, 0..8);
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

fn process_memory() {
    for _ in 0..10 {
        let mut counter = 0;
        let child = Process::start(|| counter += 1).unwrap();
        assert_eq!(child.join().unwrap(), ExitStatus::Exited(0));
        assert_eq!(counter, 0);
        let child = Process::start(|| panic!("in the child")).unwrap();
        let status = child.join().unwrap();
        assert_eq!(status, ExitStatus::Exited(PANIC_EXIT_STATUS));
        let child = Process::start(|| thread::sleep(Duration::from_secs(30))).unwrap();
        child.kill().unwrap();
        let status = child.join().unwrap();
        assert_eq!(status.code(), Some(-9));
    }
}

fn process_drop() {
    for _ in 0..10 {
        let child = Process::start(|| thread::sleep(Duration::from_secs(30))).unwrap();
        drop(child);
        assert_no_children("process_drop");
    }
}

fn edge_cases() {
    let pool = Pool::new(8);
    assert_eq!(pool.map(|x: u8| x, Vec::new()).unwrap(), Vec::<u8>::new());
    assert_eq!(pool.imap(|x: u8| x, Vec::new()).unwrap().count(), 0);
    assert_eq!(pool.map(|x: u8| x + 1, [1]).unwrap(), [2]);
    // Any serde type comes back, and the function need not be Send: it never leaves.
    let shared = std::rc::Rc::new(String::from("rc"));
    let got = Pool::new(2)
        .map(move |x: u8| (shared.to_string(), Some(x), vec![x; 3]), 0..3)
        .unwrap();
    assert_eq!(got[2], ("rc".to_owned(), Some(2), vec![2, 2, 2]));
}
