//! Try it, on docs/defaults.md: leaving out an argument, as a Python caller leaves out one
//! with a default. Rust has no default arguments, so every call passes every parameter.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

use defaults::option_params::append_to;

fn main() {
    // ANCHOR: try
    let list = append_to(1); // error[E0061]: this function takes 2 arguments but 1 argument was supplied
    // ANCHOR_END: try
    println!("{list:?}");
}
