//! Section 6 of the concurrency page, using the cores for CPU-bound work: what Rust code
//! writes for `Pool.map` (scoped threads, `rayon`), then the same map written by hand.

use std::thread;

use concurrency::threading::cpu_bound::{count_primes, speedup};
use concurrency::threading::parallel_map::parallel_map;
use demo::{Section, yes_no};
use rayon::prelude::*;

use crate::report::ms;

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "everyday-map",
        title: "Pool.map as Rust code writes it: scoped threads, then rayon's par_iter",
        run: everyday_map,
    },
    Section {
        name: "parallel-map",
        title: "A data-parallel map over a slice, one thread per core, results in order",
        run: parallel_map_section,
    },
];

/// What a Rust programmer types in place of `Pool().map(count_primes, limits)`: a scoped
/// thread per input from the standard library, then `rayon`'s parallel iterator.
fn everyday_map() -> demo::Result {
    let limits: [u64; 4] = [10_000, 20_000, 30_000, 40_000];
    // ANCHOR: scoped_map
    let counts: Vec<u64> = thread::scope(|s| {
        let spawn = |&n: &u64| s.spawn(move || count_primes(n));
        let handles: Vec<_> = limits.iter().map(spawn).collect();
        // `join` is an `Err` only if the thread panicked, which count_primes does not.
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    // ANCHOR_END: scoped_map
    println!("thread::scope:  {counts:?}");
    // ANCHOR: rayon_map
    let counts: Vec<u64> = limits.par_iter().map(|&n| count_primes(n)).collect();
    // ANCHOR_END: rayon_map
    println!("rayon par_iter: {counts:?}");
    Ok(())
}

/// A data-parallel map over a slice, sized by the cores, in input order.
fn parallel_map_section() -> demo::Result {
    let limits: Vec<u64> = (1..=12).map(|i| i * 25_000).collect();
    println!("count_primes over {limits:?}");
    let start = std::time::Instant::now();
    let sequential: Vec<u64> = limits.iter().map(|&n| count_primes(n)).collect();
    let sequential_time = start.elapsed();
    let start = std::time::Instant::now();
    let parallel = parallel_map(&limits, |&n| count_primes(n))?;
    let parallel_time = start.elapsed();
    println!("parallel_map: {parallel:?}");
    println!(
        "same as a sequential map, in input order: {}",
        yes_no(parallel == sequential)
    );
    println!(
        "sequential {}, parallel {} on {} threads: speedup {:.2}x",
        ms(sequential_time),
        ms(parallel_time),
        num_cpus::get(),
        speedup(sequential_time, parallel_time)
    );
    Ok(())
}
