//! `cargo xtask bench recursion`: what recursion costs and how deep it goes, beside the same
//! in CPython (`recursion.py`).
//!
//! - `factorial(20)` a million times (the widest factorial a `u64` holds, without the notes'
//!   logging, which would time the logger);
//! - naive against memoised Fibonacci: the same answer from about 1.6ⁿ calls or from 2n - 1;
//! - the deepest recursion with the default stack: Rust's main thread (8 MiB, in a child
//!   process, because an overflow aborts it) and a spawned thread (std's 2 MiB), against
//!   CPython's `sys.getrecursionlimit()` and the depth its `RecursionError` stops at.
#![forbid(unsafe_code)]

use std::hint::black_box;
use std::process::ExitCode;
use std::sync::LazyLock;

use measure::timing::{Figure, seconds};
use measure::{Outcome, Step, full_or_quick, repeats, report};
use recursion::factorial::checked_factorial;
use recursion::fibonacci::{memoised, naive};
use recursion::isolate::overflow_in_child;
use recursion::overflow::{CHILD, ChildMode};
use serde::Deserialize;

/// What `recursion.py` reads too, from `shared.json`.
#[derive(Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
struct Shared {
    /// The Fibonacci number both ways: fib(25) is 242,785 naive calls, 49 memoised ones.
    fib: u32,
    /// How many memoised runs one timing makes (one takes microseconds).
    memoised_per_run: u32,
}

static SHARED: LazyLock<Shared> =
    LazyLock::new(|| measure::shared::read(include_str!("shared.json")));
/// std's default stack for a spawned thread.
const THREAD_STACK: usize = 2 << 20;

const STEPS: &[Step] = &[
    Step {
        name: "factorial-20",
        run: factorial,
    },
    Step {
        name: "fib-naive-25",
        run: fibonacci,
    },
    Step {
        name: "recursion-deepest",
        run: deepest,
    },
];

fn main() -> ExitCode {
    // The overflow child is this binary again (see `recursion::overflow`).
    if let Some(code) = CHILD.run_if_asked() {
        return code;
    }
    println!("each figure: the median of {} runs", repeats());
    match measure::run_steps(STEPS) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// How many calls a run of `factorial(20)` makes: a quarter of a million (CPython takes
/// seconds over a million), reported as the time of a million.
fn factorial_calls() -> u32 {
    full_or_quick(250_000, 50_000)
}

fn factorial() -> Outcome {
    let calls = factorial_calls();
    let run = seconds(repeats(), || {
        for _ in 0..calls {
            black_box(checked_factorial::<u64>(black_box(20))?);
        }
        Ok(())
    })?;
    report(
        "factorial-20",
        &run.scaled(1e3 * 1e6 / f64::from(calls)),
        "ms",
        &format!("factorial(20), recursive: a million calls (timed over {calls})"),
    );
    Ok(())
}

fn fibonacci() -> Outcome {
    let Shared {
        fib,
        memoised_per_run,
    } = *SHARED;
    let run = seconds(repeats(), || Ok(naive(black_box(fib))))?;
    report(
        &format!("fib-naive-{fib}"),
        &run.scaled(1e3),
        "ms",
        &format!("fib({fib}), naive: {} calls", naive(fib).calls),
    );
    let run = seconds(repeats(), || {
        for _ in 0..memoised_per_run {
            black_box(memoised(black_box(fib)));
        }
        Ok(())
    })?;
    report(
        &format!("fib-memo-{fib}"),
        &run.scaled(1e6 / f64::from(memoised_per_run)),
        "us",
        &format!(
            "  fib({fib}), memoised (a fresh cache each time): {} calls",
            memoised(fib).calls
        ),
    );
    Ok(())
}

fn deepest() -> Outcome {
    let program = std::env::current_exe()?;
    for (id, mode, what) in [
        (
            "recursion-deepest",
            ChildMode::MainThread,
            "deepest recursion, main thread's default stack (8 MiB; Python: RecursionError)",
        ),
        (
            "recursion-deepest-thread",
            ChildMode::Thread {
                stack_bytes: THREAD_STACK,
            },
            "  the same on a spawned thread's default stack (2 MiB)",
        ),
    ] {
        let death = overflow_in_child(&program, mode)?;
        let deepest = death
            .deepest
            .ok_or_else(|| format!("the overflow child reported no depth; it {death}"))?;
        // One run: the depth is the same every time for the same binary and stack.
        report(id, &Figure::of_runs(vec![deepest as f64]), "frames", what);
    }
    Ok(())
}
