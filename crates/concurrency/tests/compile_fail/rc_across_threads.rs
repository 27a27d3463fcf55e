//! Try it, on docs/concurrency.md: the shared counter with `Rc` in place of `Arc`. `Rc`'s
//! count is not atomic, so it is not `Send`, and `thread::spawn` refuses a closure holding it.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

use std::rc::Rc;
use std::sync::Mutex;
use std::thread;

fn main() {
    // ANCHOR: try
    let counter = Rc::new(Mutex::new(0_u64));
    let clone = Rc::clone(&counter);
    let handle = thread::spawn(move || *clone.lock().unwrap() += 1); // error[E0277]: `Rc<std::sync::Mutex<u64>>` cannot be sent between threads safely
    // ANCHOR_END: try
    handle.join().unwrap();
    println!("{}", counter.lock().unwrap());
}
