//! `cargo xtask bench asyncio`: many waits served by threads and by tasks on one thread, for
//! the notes' IO case at scale; the same measurements in CPython (threads, and `asyncio`) are
//! `many_waits.py`.
//!
//! - `serve-threads`, `serve-tasks`: how long `requests` requests take, all sent at once, to
//!   a local server that answers each `delay_ms` after it came (`asyncio::SlowServer`, started
//!   and stopped around each run): one thread each, then one task each on one thread
//!   (tokio's current-thread runtime; asyncio's loop). One after another they would take
//!   `requests * delay_ms`; together, a little over one delay.
//! - `waiting-thread-kib`, `waiting-task-kib`: what one waiting thread and one waiting task
//!   add to the resident memory, as the growth over `waiters` of them divided by their
//!   number; each run in a fresh child process (see `asyncio::waiters` for why).
//!
//! The three numbers are in `shared.json`, which `many_waits.py` reads too.
#![forbid(unsafe_code)]

use std::process::Command;
use std::sync::LazyLock;
use std::time::Duration;

use asyncio::clients::{FetchAll, against_a_slow_server, fetch_in_tasks, fetch_in_threads};
use asyncio::waiters::{tasks_waiting, threads_waiting};
use measure::{Figure, Outcome, Step, full_or_quick, repeats, report};
use serde::Deserialize;

/// What `many_waits.py` reads too, from `shared.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Shared {
    /// Requests sent at once.
    requests: usize,
    /// How long the server waits before it answers each.
    delay_ms: u64,
    /// Threads, or tasks, waiting at once for the memory figures.
    waiters: usize,
}

impl Shared {
    fn delay(&self) -> Duration {
        Duration::from_millis(self.delay_ms)
    }
}

static SHARED: LazyLock<Shared> =
    LazyLock::new(|| measure::shared::read(include_str!("shared.json")));

/// The first argument of a run in a child process: `waiters threads|tasks COUNT`.
const CHILD: &str = "waiters";

const STEPS: &[Step] = &[
    Step {
        name: "serve-threads",
        run: serve,
    },
    Step {
        name: "waiting-thread-kib",
        run: memory,
    },
];

fn main() -> Outcome {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [child, kind, count] = &args[..]
        && child == CHILD
    {
        return waiters_in_this_process(kind, count.parse()?);
    }
    println!(
        "each figure: the median of {} runs; a server on 127.0.0.1 answers each of {} \
         requests {} ms after it came",
        repeats(),
        SHARED.requests,
        SHARED.delay_ms
    );
    measure::run_steps(STEPS)
}

/// The milliseconds `fetch_all` takes for the shared number of requests, a new server each
/// run.
fn served(fetch_all: FetchAll) -> Outcome<Figure> {
    let requests = SHARED.requests;
    let runs = (0..repeats())
        .map(|_| {
            let (answered, took) = against_a_slow_server(fetch_all, requests, SHARED.delay())?;
            if answered != requests {
                return Err(format!("{answered} of {requests} requests answered").into());
            }
            Ok(took.as_secs_f64() * 1e3)
        })
        .collect::<Outcome<Vec<f64>>>()?;
    Ok(Figure::of_runs(runs))
}

fn serve() -> Outcome {
    let (requests, delay) = (SHARED.requests, SHARED.delay().as_millis());
    let serial = delay * requests as u128;
    report(
        "serve-threads",
        &served(fetch_in_threads)?,
        "ms",
        &format!(
            "{requests} requests, {delay} ms each (one after another: {serial} ms), a thread each"
        ),
    );
    report(
        "serve-tasks",
        &served(fetch_in_tasks)?,
        "ms",
        "  the same, a task each on one thread (tokio current_thread / asyncio)",
    );
    Ok(())
}

/// KiB per waiter, each run in a fresh child process that prints the growth for `count`.
fn per_waiter(kind: &str, count: usize) -> Outcome<Figure> {
    let exe = std::env::current_exe()?;
    let runs = (0..repeats())
        .map(|_| {
            let output = Command::new(&exe)
                .args([CHILD, kind, &count.to_string()])
                .output()?;
            if !output.status.success() {
                let stderr = String::from_utf8_lossy(&output.stderr);
                return Err(format!("the {kind} child failed: {stderr}").into());
            }
            let growth: f64 = String::from_utf8(output.stdout)?.trim().parse()?;
            Ok(growth / count as f64)
        })
        .collect::<Outcome<Vec<f64>>>()?;
    Ok(Figure::of_runs(runs))
}

fn waiters_in_this_process(kind: &str, count: usize) -> Outcome {
    let growth = match kind {
        "threads" => threads_waiting(count)?,
        "tasks" => tasks_waiting(count)?,
        _ => return Err(format!("no waiters of kind {kind:?}: threads or tasks").into()),
    };
    println!("{growth}");
    Ok(())
}

fn memory() -> Outcome {
    let count = full_or_quick(SHARED.waiters, SHARED.waiters / 5);
    report(
        "waiting-thread-kib",
        &per_waiter("threads", count)?,
        "KiB",
        &format!("resident memory per waiting thread ({count} waiting, fresh process)"),
    );
    report(
        "waiting-task-kib",
        &per_waiter("tasks", count)?,
        "KiB",
        "  per waiting task, on one thread (tokio / asyncio)",
    );
    Ok(())
}
