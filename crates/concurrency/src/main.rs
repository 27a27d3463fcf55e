//! The `concurrency` demo: `cargo xtask demo concurrency [SECTION]`.
//!
//! The threading sections come first, as in the notes, then the multiprocessing ones.
#![forbid(unsafe_code)]

mod demo_cores;
mod demo_fork_pitfalls;
mod demo_live_pool;
mod demo_multiprocessing;
mod demo_responsive;
mod demo_threading;
mod report;

fn main() -> std::process::ExitCode {
    demo::main(&demo::Demo {
        topic: "concurrency",
        sections: &[
            demo_threading::SECTIONS,
            demo_cores::SECTIONS,
            demo_responsive::SECTIONS,
            demo_multiprocessing::SECTIONS,
            demo_fork_pitfalls::SECTIONS,
            demo_live_pool::SECTIONS,
        ],
    })
}
