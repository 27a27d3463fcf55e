// concurrency3: fix the compile error: an `Rc` sent to a thread.
//
// Page: docs/concurrency.md#2-threads-share-memory
//
// In Python any object can go to any thread; the GIL keeps reference counts right. Rust's
// `Rc` counts without atomics, for one thread only, and the compiler refuses to send it to
// another. Done when it compiles and prints what the page's Python prints.

use std::rc::Rc;
use std::sync::Mutex;
use std::thread;

fn main() {
    // TODO: a handle that may cross threads.
    let counter = Rc::new(Mutex::new(0));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let counter_for_thread = Rc::clone(&counter);
            thread::spawn(move || {
                // error[E0277]: `Rc<std::sync::Mutex<i32>>` cannot be sent between threads safely
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
