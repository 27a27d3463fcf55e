//! Sections `fibonacci` and `explicit-stack`.

use demo::Section;
use recursion::PyException;
use recursion::fibonacci::{memoised, naive};
use recursion::limit::{Depth, PYTHON_DEFAULT_LIMIT};
use recursion::tree::Tree;

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "fibonacci",
        title: "The cost of naive recursion, counted in calls, and memoisation",
        run: fibonacci,
    },
    Section {
        name: "explicit-stack",
        title: "Recursion rewritten as a loop with an explicit stack",
        run: explicit_stack,
    },
];

/// Naive and memoised Fibonacci side by side, in calls.
fn fibonacci() -> demo::Result {
    println!(
        "{:>3} {:>8} {:>12} {:>15}",
        "n", "fib(n)", "naive calls", "memoised calls"
    );
    for n in [5, 10, 20, 30] {
        let (slow, fast) = (naive(n), memoised(n));
        if slow.value != fast.value {
            return Err(
                format!("fib({n}): naive {} but memoised {}", slow.value, fast.value).into(),
            );
        }
        println!(
            "{n:>3} {:>8} {:>12} {:>15}",
            slow.value, slow.calls, fast.calls
        );
    }
    Ok(())
}

/// A tree too deep for the guarded recursion, handled by the loops.
fn explicit_stack() -> demo::Result {
    let balanced: Tree<i32> = [4, 2, 6, 1, 3, 5, 7].into_iter().collect();
    println!(
        "balanced tree: depth() = {}, depth_with_stack() = {}",
        balanced.depth(),
        balanced.depth_with_stack()
    );
    println!(
        "               in_order() == in_order_with_stack(): {}",
        balanced.in_order() == balanced.in_order_with_stack()
    );
    let length = 100_000;
    let spine = Tree::spine(0..length);
    println!("a spine of {length} nodes, each the right branch of the one before:");
    match spine.depth_limited(Depth::new(PYTHON_DEFAULT_LIMIT)) {
        Ok(depth) => println!("  depth_limited(Depth::new({PYTHON_DEFAULT_LIMIT})) = {depth}"),
        Err(error) => println!(
            "  depth_limited(Depth::new({PYTHON_DEFAULT_LIMIT})) -> {}",
            error.traceback_line()
        ),
    }
    println!("  depth_with_stack() = {}", spine.depth_with_stack());
    println!("  len_with_stack() = {}", spine.len_with_stack());
    let values = spine.in_order_with_stack();
    println!(
        "  in_order_with_stack(): {} values, first {:?}",
        values.len(),
        &values[..3]
    );
    drop(spine);
    println!("  dropped: Node's Drop takes the branches apart with a stack too");
    Ok(())
}
