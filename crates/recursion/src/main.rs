//! The `recursion` demo: `cargo xtask demo recursion [SECTION]`.
#![forbid(unsafe_code)]

mod demo_costs;
mod demo_data;
mod demo_factorial;
mod demo_limits;
mod logging;

use demo::{Demo, Section};

const SECTIONS: &[Section] = &[
    Section {
        name: "factorial",
        title: "The notes' factorial(3), with one warning per recursive step",
        run: demo_factorial::notes_example,
    },
    Section {
        name: "factorial-overflow",
        title: "Large factorials: an error at the type's limit, not a wrong number",
        run: demo_factorial::overflow,
    },
    Section {
        name: "recursion-limit",
        title: "Python's RecursionError at a depth limit, as a value",
        run: demo_limits::recursion_limit,
    },
    Section {
        name: "stack-overflow",
        title: "No limit but the stack: a real overflow kills a child process",
        run: demo_limits::stack_overflow,
    },
    Section {
        name: "bigger-stack",
        title: "A thread with a bigger stack recurses deeper",
        run: demo_limits::bigger_stack,
    },
    Section {
        name: "recursive-data",
        title: "A tree whose branches are trees: an enum with a Box",
        run: demo_data::recursive_data,
    },
    Section {
        name: "directory-walk",
        title: "A recursive walk over a real directory tree",
        run: demo_data::directory_walk,
    },
    Section {
        name: "fibonacci",
        title: "The cost of naive recursion, counted in calls, and memoisation",
        run: demo_costs::fibonacci,
    },
    Section {
        name: "explicit-stack",
        title: "Recursion rewritten as a loop with an explicit stack",
        run: demo_costs::explicit_stack,
    },
];

// ANCHOR: main
fn main() -> std::process::ExitCode {
    // The hidden child mode comes first, before the shared argument parsing: a child started
    // by the stack-overflow sections dives until its stack overflows and never gets further.
    if let Some(status) = recursion::overflow::child_main() {
        return status;
    }
    logging::init();
    demo::main(&Demo {
        topic: "recursion",
        sections: SECTIONS,
    })
}
// ANCHOR_END: main
