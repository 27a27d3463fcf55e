//! The tail-call demo's child program: one fold over `n..=1`, written as a tail-recursive
//! function and as a loop. The `tail-calls` section of the recursion demo compiles this file
//! twice with `rustc` (`-C opt-level=0`, as a debug build does, and `-C opt-level=3`, as a
//! release build does) and runs both in the overflow child, with an 8 MiB stack.
//!
//! A whole program with no dependencies, so that compiling it takes a moment and no crate is
//! built twice. Usage: `main recursive|loop <n>`; prints the checksum in hex.

use std::hint::black_box;

/// One step of the fold: rotate, then mix in `n`. Not a sum, whose closed form `n(n+1)/2` an
/// optimiser could compute without any loop at all.
fn mix(acc: u64, n: u64) -> u64 {
    acc.rotate_left(5) ^ n
}

// ANCHOR: tail_recursive
/// A tail call: the recursive call is the last thing the function does, its result returned
/// as it is. Rust does not promise to reuse the frame; LLVM does so when it optimises.
fn checksum(n: u64, acc: u64) -> u64 {
    if n == 0 {
        return acc;
    }
    checksum(n - 1, mix(acc, n))
}
// ANCHOR_END: tail_recursive

// ANCHOR: loop
/// The loop a Rust programmer writes instead: the parameters become variables, the tail
/// call an assignment, in every build.
fn checksum_loop(mut n: u64, mut acc: u64) -> u64 {
    while n != 0 {
        acc = mix(acc, n);
        n -= 1;
    }
    acc
}
// ANCHOR_END: loop

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `black_box`: `n` is not known when this is compiled, so nothing is folded away.
    let parsed = match args.as_slice() {
        [how, n] => n.parse::<u64>().ok().map(|n| (how.as_str(), black_box(n))),
        _ => None,
    };
    let checksum = match parsed {
        Some(("recursive", n)) => checksum(n, 0),
        Some(("loop", n)) => checksum_loop(n, 0),
        _ => {
            eprintln!("usage: main recursive|loop <n>");
            std::process::exit(2);
        }
    };
    println!("{checksum:#x}");
}
