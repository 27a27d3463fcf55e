//! What Rust programmers use instead of default arguments, one section each.

use demo::show;
use std::time::Duration;

use defaults::builder::RetryPolicy;
use defaults::evaluated_once::{
    EMPTY, PRIMES, PRIMES_BELOW, SMALL_PRIMES, is_prime, prime_builds, sieve,
};
use defaults::into_option::head;
use defaults::option_params::{Evaluations, append_to, greet, split};
use defaults::struct_update::{PrintOptions, print_line};
use demo::Section;

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "option-params",
        title: "Option<T> parameters instead of default arguments",
        run: option_params,
    },
    Section {
        name: "struct-update",
        title: "Default and ..Default::default(): keyword arguments with defaults",
        run: struct_update,
    },
    Section {
        name: "builder",
        title: "A builder that validates once, at build()",
        run: builder,
    },
    Section {
        name: "into-option",
        title: "impl Into<Option<T>>: skipping Some(..), and its costs",
        run: into_option,
    },
    Section {
        name: "evaluated-once",
        title: "What Rust evaluates once and what per call",
        run: evaluated_once,
    },
];

/// `Option<T>` parameters, and when their default is made.
fn option_params() -> demo::Result {
    show!(greet("Ada", None));
    show!(greet("Ada", Some("Hi")));
    show!(append_to(0, None));
    show!(append_to(1, None));
    show!(append_to(2, Some(vec![0, 1])));
    show!(split("a  b c", None));
    show!(split("a  b c", Some(" ")));

    let given = [Some(vec![1]), Some(vec![2]), Some(vec![3])];
    let eager = Evaluations::default();
    let lazy = Evaluations::default();
    for arg in given {
        #[allow(clippy::or_fun_call)] // the eager spelling is what this line counts
        let _ = arg.clone().unwrap_or(eager.make(Vec::new));
        let _ = arg.unwrap_or_else(|| lazy.make(Vec::new));
    }
    println!(
        "3 calls, all with Some: unwrap_or(make()) made the default {} times",
        eager.count()
    );
    println!(
        "3 calls, all with Some: unwrap_or_else(make) made the default {} times",
        lazy.count()
    );
    Ok(())
}

/// Python's `print(..., sep=..., end=...)` as an options struct with `Default`.
fn struct_update() -> demo::Result {
    show!(PrintOptions::default());
    show!(print_line(&[&1, &2, &3], &PrintOptions::default()));
    show!(print_line(
        &[&1, &2, &3],
        &PrintOptions {
            sep: ", ",
            ..Default::default()
        }
    ));
    show!(print_line(
        &[&"no newline"],
        &PrintOptions {
            end: "",
            ..Default::default()
        }
    ));
    Ok(())
}

/// Defaults in the builder, every override optional, the checks at `build()`.
fn builder() -> demo::Result {
    let ms = Duration::from_millis;
    macro_rules! build {
        ($e:expr) => {
            match $e {
                Ok(policy) => println!(
                    "{}\n  Ok: {} attempts, waits {:?}",
                    stringify!($e),
                    policy.attempts(),
                    policy.delays(),
                ),
                Err(error) => println!("{}\n  Err: {error}", stringify!($e)),
            }
        };
    }
    build!(RetryPolicy::builder().build());
    build!(
        RetryPolicy::builder()
            .attempts(5)
            .multiplier(3)
            .max_delay(ms(500))
            .build()
    );
    build!(RetryPolicy::builder().attempts(0).build());
    build!(
        RetryPolicy::builder()
            .initial_delay(ms(2000))
            .max_delay(ms(1000))
            .build()
    );
    Ok(())
}

/// `impl Into<Option<usize>>`: three spellings of the same call.
fn into_option() -> demo::Result {
    let rows = [1, 2, 3, 4, 5, 6, 7];
    show!(head(&rows, 3));
    show!(head(&rows, Some(3)));
    show!(head(&rows, None));
    Ok(())
}

/// Counts evaluations of `const`, `static` + `LazyLock` and per-call defaults.
fn evaluated_once() -> demo::Result {
    let mut first = EMPTY;
    first.push(1);
    let second = EMPTY;
    println!("const EMPTY, used twice, the first use pushed 1: {first:?} and {second:?}");
    println!(
        "const SMALL_PRIMES: {} primes, the last {}, computed by the compiler",
        SMALL_PRIMES.len(),
        SMALL_PRIMES[SMALL_PRIMES.len() - 1],
    );

    println!(
        "static PRIMES (LazyLock): built {} times before first use",
        prime_builds()
    );
    let answers: Vec<Option<bool>> = [7, 97, 9_973].into_iter().map(is_prime).collect();
    println!(
        "is_prime(7), is_prime(97), is_prime(9973): {answers:?}; PRIMES built {} time, {} primes",
        prime_builds(),
        PRIMES.len(),
    );

    let per_call = Evaluations::default();
    // Stands for `fn primes(table: Option<Vec<u32>>)` that builds the table when given `None`.
    let primes =
        |table: Option<Vec<u32>>| table.unwrap_or_else(|| per_call.make(|| sieve(PRIMES_BELOW)));
    for _ in 0..3 {
        primes(None);
    }
    println!(
        "3 calls with None, unwrap_or_else(|| sieve(..)): built {} times",
        per_call.count()
    );
    println!(
        "Vec::new() per call: capacity {}, no allocation until the first push",
        Vec::<i64>::new().capacity()
    );
    Ok(())
}
