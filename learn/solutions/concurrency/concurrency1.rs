// concurrency1: translate a counter that four threads share, under a lock.
//
// Page: docs/concurrency.md#2-threads-share-memory
//
// The Python, as the page runs it under CPython:
//
//     import threading
//
//     counter = 0
//     lock = threading.Lock()
//
//     def add(n):
//         global counter
//         for _ in range(n):
//             with lock:          # the read, the add and the write as one step
//                 counter += 1
//
//     threads = [threading.Thread(target=add, args=(100_000,)) for _ in range(4)]
//     for t in threads: t.start()
//     for t in threads: t.join()
//     print(counter)
//
// Rust has no unlocked global to share: the counter is an `Arc<Mutex<u64>>`, and without the
// lock the program does not compile. Done when the program prints what CPython prints.

use std::sync::{Arc, Mutex};
use std::thread;

/// Starts `threads` threads that each add 1 to a shared counter `n` times; the total.
fn count_in_threads(threads: usize, n: u64) -> u64 {
    let counter = Arc::new(Mutex::new(0));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let counter = Arc::clone(&counter);
            thread::spawn(move || {
                for _ in 0..n {
                    *counter.lock().unwrap() += 1;
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    *counter.lock().unwrap()
}

fn main() {
    println!("{}", count_in_threads(4, 100_000));
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

    #[test]
    fn no_update_is_lost() {
        assert_eq!(count_in_threads(3, 1000), 3000);
    }
}
