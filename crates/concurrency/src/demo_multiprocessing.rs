//! The multiprocessing sections of the concurrency demo.

use std::thread;
use std::time::{Duration, Instant, SystemTime};

use concurrency::multiprocessing::{Pool, Process};
use concurrency::threading::cpu_bound::count_primes;
use demo::{Section, yes_no};
use nix::errno::Errno;
use nix::sys::resource::{Resource, setrlimit};
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::{WaitPidFlag, waitpid};
use nix::unistd::{Pid, getpid};

use crate::report::ms;

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "process-memory",
        title: "A forked child changes a variable; the parent never sees it",
        run: process_memory,
    },
    Section {
        name: "pool-map",
        title: "Pool.map of a CPU-bound function: results in order, one worker per usable core",
        run: pool_map,
    },
    Section {
        name: "imap-order",
        title: "imap yields results in input order, whichever worker finished first",
        run: imap_order,
    },
    Section {
        name: "task-panic",
        title: "A task that panics: an error naming the input, the worker and the message",
        run: task_panic,
    },
    Section {
        name: "worker-death",
        title: "A worker killed, aborted or exiting: the map fails fast instead of hanging",
        run: worker_death,
    },
];

/// Whether this process has any child left, zombie or alive: the pool must reap them all.
pub(crate) fn children_left() -> &'static str {
    match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
        Err(Errno::ECHILD) => "none",
        _ => "some",
    }
}

/// The notes' claim "a process has its independent memory space", as a forked child.
// ANCHOR: process_memory
fn process_memory() -> demo::Result {
    let mut counter = 0;
    println!("parent: counter = {counter}, forking");
    // `println!` in the child is safe: the fork holds stdout's lock, the child releases it.
    let child = Process::start(|| {
        counter += 1;
        println!("child (pid {}): counter = {counter}", std::process::id());
    })?;
    let pid = child.pid();
    let status = child.join()?;
    println!("parent (pid {}): counter = {counter}", std::process::id());
    let code = status
        .code()
        .map_or("unknown".to_owned(), |code| code.to_string());
    println!("child {pid} {status} (Python's exitcode: {code})");
    Ok(())
}
// ANCHOR_END: process_memory

// ANCHOR: pool_map
fn pool_map() -> demo::Result {
    const N: u64 = 150_000;
    let inputs = [N; 4];
    println!("task: count_primes({N}), 4 times");
    let clock = Instant::now();
    let serial: Vec<u64> = inputs.iter().map(|&n| count_primes(n)).collect();
    let serial_time = clock.elapsed();
    println!("serial:           {serial:?} in {}", ms(serial_time));
    let pool = Pool::default();
    let clock = Instant::now();
    let parallel = pool.map(count_primes, inputs)?;
    let pool_time = clock.elapsed();
    println!(
        "Pool({}).map:      {parallel:?} in {} (fork and reaping included)",
        pool.processes(),
        ms(pool_time)
    );
    println!("same results, same order: {}", yes_no(parallel == serial));
    println!(
        "speedup: {:.2}x with {} workers",
        serial_time.as_secs_f64() / pool_time.as_secs_f64(),
        pool.processes()
    );
    println!("children left: {}", children_left());
    Ok(())
}
// ANCHOR_END: pool_map

// ANCHOR: imap_order
fn micros_since_epoch() -> u128 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_micros())
}

fn imap_order() -> demo::Result {
    // Task 0 sleeps long; the other worker does tasks 1 to 3 meanwhile.
    let sleeps = [400, 50, 50, 50];
    println!("tasks sleep {sleeps:?} ms; Pool(2).imap with chunksize 1");
    let pool = Pool::new(2).chunksize(1);
    let results = pool.imap(
        |(index, sleep): (usize, u64)| {
            thread::sleep(Duration::from_millis(sleep));
            (index, std::process::id(), micros_since_epoch())
        },
        sleeps.into_iter().enumerate(),
    )?;
    let mut finished = Vec::new();
    for result in results {
        let (index, pid, at) = result?;
        println!("yielded task {index} (ran in worker {pid})");
        finished.push(at);
    }
    let later_first = finished[1..].iter().all(|&at| at < finished[0]);
    println!(
        "tasks 1 to 3 finished before task 0: {}",
        yes_no(later_first)
    );
    println!("children left: {}", children_left());
    Ok(())
}
// ANCHOR_END: imap_order

// ANCHOR: task_panic
fn task_panic() -> demo::Result {
    let check = |x: u32| {
        if x == 5 {
            panic!("input {x} is not allowed");
        }
        x * 10
    };
    println!("Pool(2).map(check, 0..8), where check(5) panics:");
    match Pool::new(2).map(check, 0..8) {
        Ok(results) => println!("  no error?! {results:?}"),
        Err(error) => println!("  error: {error}"),
    }
    println!("Pool(2).imap(check, 0..8) yields the error in its place and goes on:");
    for (x, result) in (0..).zip(Pool::new(2).chunksize(1).imap(check, 0..8)?) {
        match result {
            Ok(value) => println!("  {x} -> {value}"),
            Err(error) => println!("  {x} -> error: {error}"),
        }
    }
    println!("children left: {}", children_left());
    Ok(())
}
// ANCHOR_END: task_panic

// ANCHOR: worker_death
fn worker_death() -> demo::Result {
    let deaths: [(&str, fn()); 3] = [
        ("sends SIGKILL to its own worker", || {
            let _ = kill(getpid(), Signal::SIGKILL);
        }),
        ("calls std::process::abort()", || {
            // No core file in the working directory, whatever the machine's limit.
            let _ = setrlimit(Resource::RLIMIT_CORE, 0, 0);
            std::process::abort()
        }),
        ("calls std::process::exit(3)", || std::process::exit(3)),
    ];
    // Task DIES ends its worker; every later one sleeps, so only failing fast is quick.
    const TASKS: u32 = 10;
    const DIES: u32 = 2;
    const SLEEP: Duration = Duration::from_secs(1);
    let serially = SLEEP * (TASKS - DIES - 1);
    for (what, die) in deaths {
        println!(
            "task {DIES} {what}; tasks {} to {} would sleep {} s each:",
            DIES + 1,
            TASKS - 1,
            SLEEP.as_secs()
        );
        let clock = Instant::now();
        let outcome = Pool::new(2).chunksize(1).map(
            |x: u32| {
                if x == DIES {
                    die();
                }
                if x > DIES {
                    thread::sleep(SLEEP);
                }
                x
            },
            0..TASKS,
        );
        match outcome {
            Ok(results) => println!("  no error?! {results:?}"),
            Err(error) => println!("  error: {error}"),
        }
        // Failing fast is the claim: the pool returned before any sleeping task could have
        // finished, which takes a whole SLEEP from after the clock started. A pool that waited
        // for even one of them would need SLEEP; forking and noticing the death takes a few
        // milliseconds, so SLEEP leaves a busy machine a hundredfold margin.
        let elapsed = clock.elapsed();
        println!(
            "  map returned after {}, before any sleep could end: {} (serially: {} s)",
            ms(elapsed),
            yes_no(elapsed < SLEEP),
            serially.as_secs()
        );
    }
    println!("children left: {}", children_left());
    Ok(())
}
// ANCHOR_END: worker_death
