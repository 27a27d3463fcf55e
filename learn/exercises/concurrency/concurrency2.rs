// concurrency2: fix the compile error: a thread that borrows what it may outlive.
//
// Page: docs/concurrency.md#6-use-the-cores-for-cpu-bound-work
//
// A Python thread may use any object it can reach: the garbage collector keeps it alive.
// A Rust thread started with `thread::spawn` may outlive the function that started it, so
// its closure must own what it uses. Done when it compiles and prints what the page's
// `Pool.map` prints.

use std::thread;

fn count_primes(below: u64) -> usize {
    (2..below)
        .filter(|&n| (2..).take_while(|d| d * d <= n).all(|d| n % d != 0))
        .count()
}

fn main() {
    let limits = [10_000, 20_000, 30_000, 40_000];
    // TODO: the thread must own what it uses.
    let handle = thread::spawn(|| {
        // error[E0373]: closure may outlive the current function, but it borrows `limits`, which is owned by the current function
        limits
            .iter()
            .map(|&below| count_primes(below))
            .collect::<Vec<_>>()
    });
    println!("{:?}", handle.join().unwrap());
}

#[cfg(test)]
mod tests {
    use super::*;

    // learn-check: output
    const EXPECTED: &str = r#"
[1229, 2262, 3245, 4203]
"#;

    #[test]
    fn prints_what_pool_map_prints() {
        learn_check::prints(main, EXPECTED);
    }
}
