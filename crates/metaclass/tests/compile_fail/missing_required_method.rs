//! Try it, on docs/metaclass.md: an `impl` of `Shape` that leaves out the required `area`.
//! `ABCMeta` refuses to instantiate such a class when the program runs; Rust refuses the
//! `impl` itself.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

use metaclass::rust_way::traits::Shape;

// ANCHOR: try
struct Blob;

impl Shape for Blob { // error[E0046]: not all trait items implemented, missing: `area`
    fn name(&self) -> String {
        "blob".into()
    }
}
// ANCHOR_END: try

fn main() {
    println!("{}", Blob.describe());
}
