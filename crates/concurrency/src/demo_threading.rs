//! The threading sections of the concurrency demo.

use std::time::Duration;

use concurrency::threading::activity::units_for;
use concurrency::threading::cpu_bound::{
    Timed, count_primes, run_in_threads, run_sequentially, speedup,
};
use concurrency::threading::gil::workload::{Runtime, Task};
use concurrency::threading::gil::{Gil, SWITCH_INTERVAL};
use concurrency::threading::io_bound::{wait_in_threads, wait_sequentially};
use concurrency::threading::shared::{
    count_with_atomic, count_with_load_then_store, count_with_mutex, double_in_scoped_threads,
    sum_in_scoped_threads,
};
use concurrency::threading::timeline::{Timeline, record_workers};
use demo::{Section, yes_no};
use os::affinity::{pinned_to_one_core, usable_cores};

use crate::report::ms;

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "threads-vs-sequential",
        title: "Two CPU-bound tasks: one after the other, then in two threads",
        run: threads_vs_sequential,
    },
    Section {
        name: "shared-memory",
        title: "Threads share memory; the compiler decides how",
        run: shared_memory,
    },
    Section {
        name: "concurrency-vs-parallelism",
        title: "Two workers on one core take turns; on two cores they run at once",
        run: concurrency_vs_parallelism,
    },
    Section {
        name: "gil",
        title: "A modelled GIL: CPU-bound threads gain nothing, IO-bound threads still overlap",
        run: gil,
    },
    Section {
        name: "io-bound",
        title: "Blocking waits in threads finish in about the time of one",
        run: io_bound,
    },
];

/// The notes' example: the same two CPU-bound tasks, sequentially and in two threads.
fn threads_vs_sequential() -> demo::Result {
    const LIMIT: u64 = 300_000;
    // ANCHOR: two_runs
    let tasks = || vec![|| count_primes(LIMIT), || count_primes(LIMIT)];
    println!("task: count_primes({LIMIT}), twice");
    let sequential = run_sequentially(tasks());
    println!(
        "sequential:  {:?} in {}",
        sequential.value,
        ms(sequential.elapsed)
    );
    let threaded = run_in_threads(tasks())?;
    // ANCHOR_END: two_runs
    println!(
        "two threads: {:?} in {}",
        threaded.value,
        ms(threaded.elapsed)
    );
    println!(
        "same results: {}",
        yes_no(threaded.value == sequential.value)
    );
    println!(
        "speedup: {:.2}x on {} usable cores (no GIL: each thread may have a core of its own)",
        speedup(sequential.elapsed, threaded.elapsed),
        num_cpus::get()
    );
    Ok(())
}

/// Threads update one counter and borrow local data.
fn shared_memory() -> demo::Result {
    const THREADS: usize = 4;
    const INCREMENTS: u64 = 100_000;
    let expected = THREADS as u64 * INCREMENTS;
    println!(
        "{THREADS} threads add 1 to one shared counter {INCREMENTS} times each (expected {expected}):"
    );
    println!(
        "  Arc<Mutex<u64>>:      {}",
        count_with_mutex(THREADS, INCREMENTS)?
    );
    println!(
        "  Arc<AtomicU64>:       {}",
        count_with_atomic(THREADS, INCREMENTS)?
    );
    // Each run offers the core between a load and its store (see the function), so the race
    // loses updates on one core as on many; a run on a busy machine whose threads happen
    // never to overlap is tried again, up to five runs.
    let mut racy = expected;
    for _ in 0..5 {
        racy = count_with_load_then_store(THREADS, INCREMENTS)?;
        if racy < expected {
            break;
        }
    }
    println!(
        "  load, then store:     {racy} (a race condition; updates lost: {})",
        yes_no(racy < expected)
    );
    let mut local: Vec<u64> = (1..=10).collect();
    println!("local data: {local:?}");
    println!(
        "  sum in 2 scoped threads borrowing it: {}",
        sum_in_scoped_threads(&local, 2)?
    );
    double_in_scoped_threads(&mut local, 2)?;
    println!("  doubled in place by 2 scoped threads, one half each: {local:?}");
    Ok(())
}

/// The notes' picture, measured: pinned to one core, then free.
fn concurrency_vs_parallelism() -> demo::Result {
    const BUSY: Duration = Duration::from_millis(60);
    const WIDEST: u32 = 72;
    // ANCHOR: pin_then_free
    let cores = usable_cores()?;
    // The first core this process may use: a cpuset may forbid core 0.
    let core = *cores
        .first()
        .ok_or("this thread's affinity mask names no core")?;
    let units = units_for(BUSY);
    println!(
        "two threads, each computing for about {} when it has a core",
        ms(BUSY)
    );
    // Pin first, then start the threads: they inherit the one-core mask.
    let pinned = pinned_to_one_core(core, || record_workers(2, units))??;
    let free = record_workers(2, units)?;
    // ANCHOR_END: pin_then_free
    // One column is 2 ms, or wider on a slow machine so that a row fits a terminal.
    let longest = pinned.span.max(free.span);
    let column_ms = longest.as_millis().div_ceil(u128::from(WIDEST)).max(2);
    let column = Duration::from_millis(u64::try_from(column_ms)?);
    let columns = (longest.as_nanos() / column.as_nanos()) as usize + 1;
    println!(
        "one column = {}; # ran most of it, . ran some of it",
        ms(column)
    );
    println!();
    println!("pinned to core {core}: concurrency, the OS switches between the threads");
    draw(&pinned, column, columns);
    // What is measured is the overlap of the workers' recorded running intervals, which on
    // one core is not exactly zero: a pause shorter than the 100 µs gap that marks a switch
    // still counts as running. Under 5% of the run leaves that room, and a run on two cores
    // (most of the run) fails it.
    println!(
        "  both running at once under 5% of the run (one core, one thread at a time): {}",
        yes_no(pinned.overlap() * 20 < pinned.span)
    );
    println!();
    if cores.len() > 1 {
        println!(
            "free on {} cores: parallelism, the threads may run side by side",
            cores.len()
        );
    } else {
        println!("free on 1 core: the only core this process may use, so no parallelism here");
    }
    draw(&free, column, columns);
    Ok(())
}

fn draw(run: &Timeline, column: Duration, columns: usize) {
    for (i, row) in run.render(column, columns).iter().enumerate() {
        println!("  worker {i} |{row}|");
    }
    let share = 100.0 * run.overlap().as_secs_f64() / run.span.as_secs_f64().max(1e-9);
    println!(
        "  took {}; both running at once for {} ({share:.0}% of the run)",
        ms(run.span),
        ms(run.overlap())
    );
}

/// CPU-bound and IO-bound threads under a modelled GIL, and CPU-bound threads without it.
fn gil() -> demo::Result {
    const PRIMES_BELOW: u64 = 600_000;
    const WAIT: Duration = Duration::from_millis(50);
    const WAITS: usize = 8;
    let gil = Gil::new(SWITCH_INTERVAL);
    println!(
        "modelled GIL, switch interval {} (CPython's default), on {} usable cores",
        ms(SWITCH_INTERVAL),
        num_cpus::get()
    );

    let cpu = [Task::Cpu {
        primes_below: PRIMES_BELOW,
    }; 2];
    println!("CPU-bound: 2 tasks, count_primes({PRIMES_BELOW}) each");
    let one = Runtime::Gil(&gil).run_sequentially(&cpu);
    print_run("one thread, GIL", &one, None);
    let switches = gil.forced_switches();
    let locked = Runtime::Gil(&gil).run_in_threads(&cpu)?;
    print_run("2 threads, GIL", &locked, Some(&one));
    // The claim: the lock changes hands about every switch interval. A busy machine can
    // delay a waiter's wake-up, so the verdict asks for a tenth of that rate; a lock that
    // never changed hands, or only at the end, fails it.
    let hand_overs = gil.forced_switches() - switches;
    let every = SWITCH_INTERVAL * 10;
    let often = u128::from(hand_overs) * every.as_nanos() >= locked.elapsed.as_nanos();
    println!(
        "    (the lock changed hands {hand_overs} times, at least once every {}: {})",
        ms(every),
        yes_no(often && hand_overs > 0)
    );
    let free = Runtime::Free.run_in_threads(&cpu)?;
    print_run("2 threads, no GIL", &free, Some(&one));

    let io = [Task::Io { wait: WAIT }; WAITS];
    println!(
        "IO-bound: {WAITS} tasks, each a {} blocking wait (GIL released around it)",
        ms(WAIT)
    );
    let one_io = Runtime::Gil(&gil).run_sequentially(&io);
    print_run("one thread, GIL", &one_io, None);
    let threads_io = Runtime::Gil(&gil).run_in_threads(&io)?;
    print_run(&format!("{WAITS} threads, GIL"), &threads_io, Some(&one_io));

    let agree = locked.value == one.value && free.value == one.value;
    println!(
        "same prime counts in every CPU-bound run: {} ({:?})",
        yes_no(agree),
        one.value
    );
    Ok(())
}

fn print_run(label: &str, run: &Timed<Vec<u64>>, baseline: Option<&Timed<Vec<u64>>>) {
    match baseline {
        None => println!("  {label:<18} {:>7}", ms(run.elapsed)),
        Some(base) => println!(
            "  {label:<18} {:>7}  speedup {:.2}x",
            ms(run.elapsed),
            speedup(base.elapsed, run.elapsed)
        ),
    }
}

/// Many blocking waits in threads take about as long as one.
fn io_bound() -> demo::Result {
    const WAIT: Duration = Duration::from_millis(100);
    const WAITS: usize = 8;
    println!("{WAITS} blocking waits of {} each", ms(WAIT));
    let sequential = wait_sequentially(WAITS, WAIT);
    println!("  one after another: {}", ms(sequential));
    let threaded = wait_in_threads(WAITS, WAIT)?;
    println!("  one thread each:   {}", ms(threaded));
    println!(
        "  in threads, done within 4x one wait: {}",
        yes_no(threaded < WAIT * 4)
    );
    Ok(())
}
