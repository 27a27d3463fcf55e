//! Try it, on docs/typing.md and docs/glossary.md: the coercions Rust does make, all of them
//! references or pointers that lose nothing, and the one it never makes, a number to another
//! number type. Every line but the last compiles.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

use std::fmt::Display;

fn show(text: &str) -> usize {
    text.len()
}

fn main() {
    // ANCHOR: try
    let owned = String::from("text");
    let by_deref = show(&owned); // &String to &str: deref coercion
    let boxed: Box<dyn Display> = Box::new(7); // Box<i32> to Box<dyn Display>: unsizing
    let mut n = 1;
    let shared: &i32 = &mut n; // &mut i32 to &i32
    let pointer: fn(i32) -> i32 = |x| x + 1; // a closure that captures nothing to a fn pointer
    let wide: i64 = 1_i32; // error[E0308]: mismatched types
    // ANCHOR_END: try
    println!("{by_deref} {boxed} {shared} {} {wide}", pointer(1));
}
