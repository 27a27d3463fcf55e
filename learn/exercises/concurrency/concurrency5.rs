// concurrency5: translate `Pool.map` over CPU-bound work, with threads.
//
// Page: docs/concurrency.md#6-use-the-cores-for-cpu-bound-work
//
// The Python, as the page runs it under CPython:
//
//     from multiprocessing import Pool
//
//     def count_primes(below):
//         return sum(all(n % d for d in range(2, int(n ** 0.5) + 1)) for n in range(2, below))
//
//     if __name__ == "__main__":
//         limits = [10_000, 20_000, 30_000, 40_000]
//         with Pool() as pool:            # os.cpu_count() processes; 3.13+: os.process_cpu_count()
//             print(pool.map(count_primes, limits))
//
// CPython needs processes to use several cores for Python code (the GIL); Rust threads run
// on all of them. Done when the program prints what CPython prints, and `count_primes`
// agrees with Python's on more inputs.

use std::thread;

fn count_primes(below: u64) -> usize {
    // TODO: how many numbers from 2 up to `below` (excluded) are prime.
    todo!()
}

fn main() {
    let limits = [10_000, 20_000, 30_000, 40_000];
    // TODO: `count_primes` of each limit on a thread of its own, results in input order.
    let counts: Vec<usize> = limits
        .iter()
        .map(|_| thread::current())
        .map(|_| 0)
        .collect();
    println!("{counts:?}");
}

#[cfg(test)]
mod tests {
    use super::*;

    // learn-check: output
    const EXPECTED: &str = r#"
[1229, 2262, 3245, 4203]
"#;

    #[test]
    fn prints_what_cpython_prints() {
        learn_check::prints(main, EXPECTED);
    }

    // learn-check: cpython
    const CPYTHON: [(&str, &str); 4] = [
        ("count_primes(2)", "0"),
        ("count_primes(3)", "1"),
        ("count_primes(100)", "25"),
        ("count_primes(7919)", "999"),
    ];

    #[test]
    fn agrees_with_cpython_on_more_inputs() {
        let rust = [2, 3, 100, 7919].map(|below| count_primes(below).to_string());
        learn_check::same_as_cpython(&CPYTHON, &rust);
    }
}
