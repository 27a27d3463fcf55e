//! The `asyncio` demo: `cargo xtask demo asyncio [SECTION]`.
//!
//! The notes' case first (many waits on a slow server, in threads and in tasks), then what an
//! `async fn` is, then the trap a blocking call sets in both languages.
#![forbid(unsafe_code)]

mod demo_lazy;
mod demo_many;
mod demo_stall;

fn main() -> std::process::ExitCode {
    demo::main(&demo::Demo {
        topic: "asyncio",
        sections: &[
            demo_many::SECTIONS,
            demo_lazy::SECTIONS,
            demo_stall::SECTIONS,
        ],
    })
}
