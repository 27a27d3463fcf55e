//! Try it, on docs/concurrency.md: a thread's closure without `move`. It would borrow
//! `counter` from `main`, which the thread may outlive; `move` gives the thread its own clone.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let counter = Arc::new(Mutex::new(0_u64));
    // ANCHOR: try
    let handle = thread::spawn(|| *counter.lock().unwrap() += 1); // error[E0373]: closure may outlive the current function, but it borrows `counter`, which is owned by the current function
    // ANCHOR_END: try
    handle.join().unwrap();
    println!("{}", counter.lock().unwrap());
}
