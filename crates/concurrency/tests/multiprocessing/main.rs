//! The failure tests of `multiprocessing`: each "must never happen" of the issue, in a loop.
//!
//! This is a `harness = false` test: each check runs alone in a process of its own, on its
//! main thread, so that "no child left" (`waitpid(-1, WNOHANG)` gives `ECHILD`) and "no
//! descriptor leaked" (`/proc/self/fd` counted) are facts about this check alone, not about
//! whatever another check is doing; several such processes run at once ([`harness`]). A
//! watchdog turns a hang into a failure.
//!
//! `cargo test -p concurrency --test multiprocessing -- NAME` runs the checks whose name
//! contains `NAME`; `-- --list` lists them; `-- --test-threads 1` runs one at a time.

//!
//! The checks: [`results`] (every result, in order, of any size), [`deaths`] (panics and dead
//! workers give the right error, fast), [`late_deaths`] (a death after the last result costs
//! nothing, in `map` as in `imap`), [`lifetimes`] (no child outlives its handle, no lock
//! deadlocks a forked child), [`orphans`] (no worker outlives its parent process, none dies
//! with the thread that forked it), [`output`] (what a task prints arrives, once); and for
//! the long-lived pool, [`live_results`] (results, panics, `maxtasksperchild`, initializer)
//! and [`live_faults`] (deaths, drops, output and orphans).

mod bytes;
mod deaths;
mod harness;
mod late_deaths;
mod lifetimes;
mod live_faults;
mod live_results;
mod orphans;
mod output;
mod results;

use deaths::*;
use late_deaths::*;
use lifetimes::*;
use live_faults::*;
use live_results::*;
use orphans::*;
use output::*;
use results::*;

pub(crate) use harness::assert_no_children;

const CHECKS: &[harness::Check] = &[
    (
        "ten_thousand_tasks_give_ten_thousand_results_in_order",
        ten_thousand_tasks,
    ),
    ("results_bigger_than_a_pipe_do_not_hang", big_results),
    (
        "a_result_that_cannot_be_encoded_is_an_error_in_its_place",
        unencodable_results,
    ),
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
        "a_death_among_workers_blocked_on_full_pipes_does_not_hang",
        death_among_full_pipes,
    ),
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
    (
        "a_death_after_every_result_costs_nothing_in_map_and_imap",
        late_death_lets_map_and_imap_return_everything,
    ),
    (
        "task_output_arrives_once_newline_or_not",
        task_output_arrives_once,
    ),
    (
        "no_worker_outlives_a_killed_parent",
        no_worker_outlives_a_killed_parent,
    ),
    (
        "no_child_outlives_a_parent_killed_right_after_the_fork",
        no_child_outlives_a_parent_killed_right_after_the_fork,
    ),
    (
        "workers_outlive_the_thread_that_forked_them",
        workers_outlive_the_thread_that_forked_them,
    ),
    (
        "live_results_in_order_across_calls_on_the_same_workers",
        live_results_in_order_across_calls,
    ),
    (
        "live_big_inputs_and_results_do_not_hang",
        live_big_inputs_and_results,
    ),
    (
        "live_panics_name_input_and_message_and_cost_no_worker",
        live_panics_name_input_and_message,
    ),
    (
        "live_maxtasksperchild_and_initializer",
        live_maxtasksperchild_and_initializer,
    ),
    (
        "live_initializer_panic_is_an_error_every_call",
        live_initializer_panic_is_an_error_every_call,
    ),
    (
        "live_death_fails_fast_and_the_pool_recovers",
        live_death_fails_fast_and_the_pool_recovers,
    ),
    (
        "live_idle_death_costs_nothing",
        live_idle_death_costs_nothing,
    ),
    (
        "live_dropping_imap_or_the_pool_kills_and_reaps",
        live_dropping_imap_or_the_pool_kills_and_reaps,
    ),
    (
        "live_pool_outlives_the_thread_that_started_it",
        live_pool_outlives_the_thread_that_started_it,
    ),
    (
        "live_task_output_arrives_once",
        live_task_output_arrives_once,
    ),
    (
        "live_workers_die_with_a_killed_parent",
        live_workers_die_with_a_killed_parent,
    ),
];

fn main() {
    harness::main(CHECKS);
}
