//! The failure tests of `multiprocessing`: each "must never happen" of the issue, in a loop,
//! on both pools wherever both can meet it.
//!
//! This is a `harness = false` test on libtest-mimic: each check runs alone in a process of
//! its own, on its main thread, so that "no child left" (`waitpid(-1, WNOHANG)` gives
//! `ECHILD`) and "no descriptor leaked" (`/proc/self/fd` counted) are facts about this check
//! alone, not about whatever another check is doing; several such processes run at once
//! ([`harness`]). A watchdog turns a hang into a failure. A check is registered where it is
//! written, with [`check!`](harness::check); a scenario both pools share is one function of
//! [`Pools`](pools::Pools), run as two trials, `NAME [per-call]` and `NAME [live]`.
//!
//! `cargo test -p concurrency --test multiprocessing -- NAME` runs the trials whose name
//! contains `NAME` (`-- '[live]'` those of the started pool); `-- --list` lists them;
//! `-- --test-threads 1` runs one at a time.
//!
//! The checks: [`results`] (every result, in order, of any size; panics named; the
//! initializer and `maxtasksperchild`), [`deaths`] (panics and dead workers give the right
//! error, fast; a started pool recovers), [`late_deaths`] (a death after the last result
//! costs nothing, in `map` as in `imap`), [`lifetimes`] (no child outlives its handle, no
//! lock deadlocks a forked child), [`orphans`] (no worker outlives its parent process, none
//! dies with the thread that forked it), [`output`] (what a task prints arrives, once).

mod bytes;
mod deaths;
mod harness;
mod late_deaths;
mod lifetimes;
mod orphans;
mod output;
mod pools;
mod results;

fn main() -> std::process::ExitCode {
    harness::main()
}
