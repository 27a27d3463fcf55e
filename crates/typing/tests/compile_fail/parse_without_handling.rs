//! Try it, on docs/typing.md: `int(s)` written as if `parse` returned the number. It returns a
//! `Result`, and the type says so: the error must be handled (`?`, `match`, `unwrap_or`).
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

fn main() {
    // ANCHOR: try
    let n: i64 = "42".parse::<i64>(); // error[E0308]: mismatched types
    // ANCHOR_END: try
    println!("{n}");
}
