//! Try it, on docs/property.md: `a.x = -1` from outside the module, the assignment Python's
//! property setter would intercept. The field is private, so the only way in is `set_x`.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

fn main() {
    // ANCHOR: try
    let mut a = property::A::new();
    a.x = -1; // error[E0616]: field `x` of struct `A` is private
    // ANCHOR_END: try
    println!("{}", a.x());
}
