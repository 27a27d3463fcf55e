//! Sections `recursion-limit`, `no-base-case`, `stack-overflow`, `bigger-stack` and
//! `tail-calls`.

use demo::Section;
use recursion::PyException;
use recursion::isolate::{Death, exec_in_child, overflow_in_child};
use recursion::limit::{Depth, PYTHON_DEFAULT_LIMIT, count_down};
use recursion::no_base_case::{ADDRESS_SPACE, strings_held};
use recursion::overflow::{ChildMode, dive_on_thread};
use recursion::tail_call::{self, Build};

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "recursion-limit",
        title: "Python's RecursionError at a depth limit, as a value",
        run: recursion_limit,
    },
    Section {
        name: "no-base-case",
        title: "The notes' is_human with no base case: memory stops it, not the stack",
        run: no_base_case,
    },
    Section {
        name: "stack-overflow",
        title: "No limit but the stack: a real overflow kills a child process",
        run: stack_overflow,
    },
    Section {
        name: "bigger-stack",
        title: "A thread with a bigger stack recurses deeper",
        run: bigger_stack,
    },
    Section {
        name: "tail-calls",
        title: "A tail call: constant stack when optimised, an overflow in a debug build",
        run: tail_calls,
    },
];

const MIB: usize = 1 << 20;

/// A guarded recursion returns `RecursionError` past its limit, as Python raises it.
fn recursion_limit() -> demo::Result {
    let limit = PYTHON_DEFAULT_LIMIT;
    println!("limit: {limit} (Python's default sys.getrecursionlimit())");
    for n in [limit as u64 - 1, limit as u64, limit as u64 + 1] {
        match count_down(n, Depth::new(limit)) {
            Ok(value) => println!("count_down({n}) = {value}"),
            Err(error) => println!("count_down({n}) -> {}", error.traceback_line()),
        }
    }
    let raised = 10 * limit;
    let value = count_down(5000, Depth::new(raised))?;
    println!("count_down(5000) with the limit raised to {raised} = {value}");
    Ok(())
}

/// The notes' `is_human` run to its end in a child under a memory limit: what stops it is the
/// allocator, at a depth whose strings fill the limit, while the stack is far from full.
fn no_base_case() -> demo::Result {
    let death = overflow_in_child(&std::env::current_exe()?, ChildMode::NoBaseCase)?;
    let limit = death.stack_limit.map_or_else(|| "unknown".to_owned(), mib);
    println!(
        "child: is_human(\"Ada\") with no base case, address space limited to {}, stack limit {limit}",
        mib(ADDRESS_SPACE)
    );
    let depth = report(&death)?;
    println!("child's stderr:");
    for line in death.stderr.lines().filter(|line| !line.is_empty()) {
        println!("  {line}");
    }
    let held = strings_held(depth);
    println!(
        "the strings alive at depth {depth}: at least {} MiB, {:.0}% of the limit",
        held >> 20,
        100.0 * held as f64 / ADDRESS_SPACE as f64
    );
    let out_of_memory = death.stderr.contains("memory allocation of");
    println!(
        "stopped by running out of memory: {}; by the stack: {}",
        demo::yes_no(out_of_memory),
        demo::yes_no(death.overflow_message().is_some())
    );
    Ok(())
}

/// A real overflow, in a child process; this process lives to report it.
// ANCHOR: stack_overflow
fn stack_overflow() -> demo::Result {
    let death = overflow_in_child(&std::env::current_exe()?, ChildMode::MainThread)?;
    let limit = death.stack_limit.map_or_else(|| "unknown".to_owned(), mib);
    println!("child: unguarded recursion on its main thread, stack limit {limit}");
    report(&death)?;
    println!("child's stderr:");
    for line in death.stderr.lines().filter(|line| !line.is_empty()) {
        println!("  {line}");
    }
    if death.overflow_message().is_none() {
        println!("  (no overflow message: the fault missed the stack's guard page)");
    }
    println!("parent: still running (pid {})", std::process::id());
    Ok(())
}
// ANCHOR_END: stack_overflow

/// The same dive on threads with 1 MiB and 16 MiB stacks, then a bounded dive that returns.
fn bigger_stack() -> demo::Result {
    let program = std::env::current_exe()?;
    let (small, big) = (MIB, 16 * MIB);
    let mut depths = Vec::new();
    for stack_bytes in [small, big] {
        let death = overflow_in_child(&program, ChildMode::Thread { stack_bytes })?;
        print!("{:>6} stack: ", mib(stack_bytes as u64));
        depths.push(report(&death)?);
    }
    let (small_depth, big_depth) = (depths[0], depths[1]);
    // The claim the page makes: not just deeper, but more than ten times the frames. The
    // frames are the same size in both threads, so only the threads' fixed overhead (which
    // weighs more in the small stack, pushing the ratio above 16) moves it: ten leaves room.
    const AT_LEAST: u64 = 10;
    println!(
        "16x the stack holds more than {AT_LEAST}x the frames: {}",
        demo::yes_no(big_depth > AT_LEAST * small_depth)
    );
    println!(
        "ratio: {:.1}x as deep with 16x the stack",
        big_depth as f64 / small_depth as f64
    );
    // Twice the depth where the 1 MiB thread died (plus the reports' granularity) needs about
    // 2 MiB of the same frames: far inside 16 MiB.
    let target = 2 * (small_depth + recursion::overflow::REPORT_EVERY);
    let reached = dive_on_thread(big, target)?;
    println!(
        "in this process, a {} MiB thread dived to depth {reached} and returned",
        big / MIB
    );
    Ok(())
}

/// The same tail-recursive fold, and the loop, at the same depth, compiled at `opt-level=0`
/// and `3`, each run in an overflow child.
// ANCHOR: tail_calls
fn tail_calls() -> demo::Result {
    let (launcher, dir) = (std::env::current_exe()?, tempfile::tempdir()?);
    let depth = tail_call::DEPTH.to_string();
    println!("one program, compiled by rustc twice, run with n = {depth} in overflow children:");
    let mut programs = Vec::new();
    for build in Build::ALL {
        programs.push((build, tail_call::compile(dir.path(), build)?));
    }
    let mut stacks = Vec::new();
    for how in ["recursive", "loop"] {
        for (build, program) in &programs {
            let ended = exec_in_child(&launcher, program, &[how, &depth])?;
            stacks.extend(ended.stack_limit.map(mib));
            print!("{how:>9}, {:<23}", format!("{build}:"));
            match ended.overflow_message() {
                None if ended.status.success() => println!("returned {}", ended.stdout.trim()),
                Some(message) if ended.signal_name().is_some() => {
                    println!("{ended}\n{:34}{message}", "")
                }
                _ => return Err(format!("the child {ended}:\n{}", ended.stderr).into()),
            }
        }
    }
    stacks.dedup();
    println!(
        "each child's main-thread stack limit: {}",
        stacks.join(", ")
    );
    Ok(())
}
// ANCHOR_END: tail_calls

/// `8 MiB` for whole mebibytes, else the bytes.
fn mib(bytes: u64) -> String {
    let mib = MIB as u64;
    if bytes.is_multiple_of(mib) {
        format!("{} MiB", bytes / mib)
    } else {
        format!("{bytes} bytes")
    }
}

/// Prints how the child died and returns its depth; an error unless a signal killed it.
///
/// The signal is printed as observed: `SIGABRT` when Rust's handler caught the fault on the
/// stack's guard page (it prints its message, then aborts), which the child's fixed stack
/// limit makes the rule; `SIGSEGV` if the fault ever landed elsewhere and the default action
/// killed the process without a word.
fn report(death: &Death) -> Result<u64, Box<dyn std::error::Error>> {
    let (Some(deepest), Some(_)) = (death.deepest, death.signal_name()) else {
        return Err(format!(
            "the child did not die of a stack overflow ({death}); its stderr:\n{}",
            death.stderr
        )
        .into());
    };
    println!("reached depth {deepest}, then {death}");
    Ok(deepest)
}
