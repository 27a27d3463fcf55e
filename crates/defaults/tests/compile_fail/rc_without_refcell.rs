//! Try it, on docs/defaults.md: the shared default list without its `RefCell`. An `Rc` gives
//! shared ownership, and shared means read-only: pushing needs the run-time borrow check of
//! a `RefCell`.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

use std::rc::Rc;

fn main() {
    // ANCHOR: try
    let shared: Rc<Vec<i64>> = Rc::new(Vec::new());
    let handle = Rc::clone(&shared);
    handle.push(0); // error[E0596]: cannot borrow data in an `Rc` as mutable
    // ANCHOR_END: try
    println!("{shared:?}");
}
