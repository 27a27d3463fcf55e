//! Try it, on docs/property.md: an `i64` where a `NonNegative` is expected. The newtype has
//! no implicit conversion: the only ways in are `TryFrom`, which checks, and its methods.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

use property::non_negative::NonNegative;

fn main() {
    // ANCHOR: try
    let n: NonNegative = -1; // error[E0308]: mismatched types
    // ANCHOR_END: try
    println!("{n}");
}
