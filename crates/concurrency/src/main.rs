//! The `concurrency` demo: `cargo xtask demo concurrency [SECTION]`.
//!
//! The threading sections come first, as in the notes, then the multiprocessing ones.
#![forbid(unsafe_code)]

mod demo_fork_pitfalls;
mod demo_live_pool;
mod demo_multiprocessing;
mod demo_responsive;
mod demo_threading;
mod report;

use demo::{Demo, Section};

fn main() -> std::process::ExitCode {
    let sections: Vec<Section> = demo_threading::SECTIONS
        .iter()
        .chain(demo_responsive::SECTIONS)
        .chain(demo_multiprocessing::SECTIONS)
        .chain(demo_fork_pitfalls::SECTIONS)
        .chain(demo_live_pool::SECTIONS)
        .copied()
        .collect();
    demo::main(&Demo {
        topic: "concurrency",
        sections: &sections,
    })
}
