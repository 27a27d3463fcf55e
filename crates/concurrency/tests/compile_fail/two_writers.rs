//! Two threads pushing to one `Vec` with no lock: a data race, which Rust refuses to compile.
//!
//! docs/concurrency.md shows the `race` region. Not a cargo test target (cargo builds only the
//! files directly under `tests/`): xtask's `compile_errors` test compiles it on every
//! `cargo test` and expects the error quoted below, code, message and line.

fn main() {
    // ANCHOR: race
    let mut v = vec![1, 2, 3];
    std::thread::scope(|s| {
        s.spawn(|| v.push(4));
        s.spawn(|| v.push(5)); // error[E0499]: cannot borrow `v` as mutable more than once at a time
    });
    // ANCHOR_END: race
}
