//! Try it, on docs/typing.md: Python's `"1" + 1`, whose `TypeError` Rust reports before the
//! program runs.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

fn main() {
    // ANCHOR: try
    let sum = "1" + 1; // error[E0369]: cannot add `{integer}` to `&str`
    // ANCHOR_END: try
    println!("{sum}");
}
