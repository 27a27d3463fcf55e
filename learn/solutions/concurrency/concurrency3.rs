// concurrency3: fix the compile error: an `Rc` sent to a thread.
//
// Page: docs/concurrency.md#2-threads-share-memory
//
// In Python any object can go to any thread; the GIL keeps reference counts right. Rust's
// `Rc` counts without atomics, for one thread only, and the compiler refuses to send it to
// another. Done when it compiles and prints what the page's Python prints.

use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let counter = Arc::new(Mutex::new(0));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let counter_for_thread = Arc::clone(&counter);
            thread::spawn(move || {
                for _ in 0..100_000 {
                    *counter_for_thread.lock().unwrap() += 1;
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    println!("{}", counter.lock().unwrap());
}

#[cfg(test)]
mod tests {
    use super::*;

    // learn-check: output
    const EXPECTED: &str = r#"
400000
"#;

    #[test]
    fn prints_what_cpython_prints() {
        learn_check::prints(main, EXPECTED);
    }
}
