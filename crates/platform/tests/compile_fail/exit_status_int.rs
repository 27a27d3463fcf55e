//! Try it, on docs/platform.md: `sys.exit(3)` written as `main` returning `3`. The status is
//! an `ExitCode`, made with `ExitCode::from(3)`; an integer is not one.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

use std::process::ExitCode;

// ANCHOR: try
fn main() -> ExitCode {
    3 // error[E0308]: mismatched types
}
// ANCHOR_END: try
