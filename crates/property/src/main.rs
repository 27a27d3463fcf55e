//! The `property` demo: `cargo xtask demo property [SECTION]`.
//!
//! The notes' class `A` comes first, then the Rust designs that replace `@property`.
#![forbid(unsafe_code)]

mod demo_designs;
mod demo_notes;

fn main() -> std::process::ExitCode {
    demo::main(&demo::Demo {
        topic: "property",
        sections: &[demo_notes::SECTIONS, demo_designs::SECTIONS],
    })
}
