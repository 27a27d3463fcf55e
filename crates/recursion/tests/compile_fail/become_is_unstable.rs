//! Tail calls, on docs/recursion.md: `become`, the keyword that would guarantee a tail call
//! reuses the caller's frame, is not in stable Rust (rust-lang/rust#112788).
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line. The day `become` is stabilised, this case fails, and the page's
//! advice changes with it.

// ANCHOR: become
fn checksum(n: u64, acc: u64) -> u64 {
    if n == 0 {
        return acc;
    }
    become checksum(n - 1, acc.rotate_left(5) ^ n) // error[E0658]: `become` expression is experimental
}
// ANCHOR_END: become

fn main() {
    println!("{:#x}", checksum(10, 0));
}
