// concurrency4: make it hold: a parallel map whose results come back in input order.
//
// Page: docs/concurrency.md#8-poolmap-data-parallelism-over-processes
//
// Python's `Pool.map(f, xs)` runs `f` on the items in parallel and returns the results in
// the order of `xs`, whichever finishes first. Scoped threads do it in Rust: they may borrow
// the items, and are all joined when the scope ends. Done when the tests pass.

use std::thread;

/// `[f(item) for item in items]`, each call on a thread of its own.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    thread::scope(|s| {
        let handles: Vec<_> = items.iter().map(|item| s.spawn(|| f(item))).collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap())
            .collect()
    })
}

fn main() {
    println!("{:?}", par_map(&[1, 2, 3, 4], |x| x * x));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::time::Duration;

    #[test]
    fn results_come_back_in_input_order_though_the_first_finishes_last() {
        let squares = par_map(&[0_u64, 1, 2, 3], |&x| {
            if x == 0 {
                thread::sleep(Duration::from_millis(200));
            }
            x * x
        });
        assert_eq!(squares, [0, 1, 4, 9]);
    }

    #[test]
    fn each_item_runs_on_a_thread_of_its_own() {
        let threads = par_map(&[1, 2, 3, 4], |_| thread::current().id());
        let distinct: HashSet<_> = threads.iter().collect();
        assert_eq!(distinct.len(), 4);
        assert!(!threads.contains(&thread::current().id()));
    }
}
