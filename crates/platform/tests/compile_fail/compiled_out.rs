//! Try it, on docs/platform.md: calling a function that `#[cfg]` left out of this build. Where
//! Python's `if sys.platform == ...:` skips code at run time, the other platform's Rust code
//! does not exist at all.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

// ANCHOR: try
#[cfg(windows)]
fn open_registry() {}

fn main() {
    open_registry(); // error[E0425]: cannot find function `open_registry` in this scope
}
// ANCHOR_END: try
