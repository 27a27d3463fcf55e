//! The `recursion` demo: `cargo xtask demo recursion [SECTION]`.
#![forbid(unsafe_code)]

mod demo_costs;
mod demo_data;
mod demo_factorial;
mod demo_limits;
mod logging;

// ANCHOR: main
fn main() -> std::process::ExitCode {
    // The hidden child mode comes first, before the shared argument parsing: a child started
    // by the stack-overflow sections dives until its stack overflows and never gets further.
    if let Some(status) = recursion::overflow::CHILD.run_if_asked() {
        return status;
    }
    logging::init();
    demo::main(&demo::Demo {
        topic: "recursion",
        sections: &[
            demo_factorial::SECTIONS,
            demo_limits::SECTIONS,
            demo_data::SECTIONS,
            demo_costs::SECTIONS,
        ],
    })
}
// ANCHOR_END: main
