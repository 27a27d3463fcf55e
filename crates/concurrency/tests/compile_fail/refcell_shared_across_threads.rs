//! Try it, on docs/glossary.md (`Rc<T>` and `RefCell<T>`): a `RefCell` may be *moved* to
//! another thread, since it is `Send` when what it holds is, but not *shared* between threads,
//! since its run-time borrow count is not atomic, so it is not `Sync`. The first thread below
//! compiles; the second, which borrows the cell from two threads at once, does not.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

use std::cell::RefCell;
use std::thread;

fn main() {
    // ANCHOR: try
    let moved = RefCell::new(0);
    let handle = thread::spawn(move || {
        *moved.borrow_mut() += 1;
        moved.into_inner()
    });
    println!("{}", handle.join().unwrap());

    let shared = RefCell::new(0);
    thread::scope(|s| {
        s.spawn(|| *shared.borrow_mut() += 1); // error[E0277]: `RefCell<i32>` cannot be shared between threads safely
        *shared.borrow_mut() += 1;
    });
    // ANCHOR_END: try
    println!("{}", shared.into_inner());
}
