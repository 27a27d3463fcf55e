//! The `defaults` demo: `cargo xtask demo defaults [SECTION]`.
//!
//! The notes' `func1`/`func2` come first, then what Rust uses instead of default arguments.
#![forbid(unsafe_code)]

mod demo_instead;
mod demo_notes;

fn main() -> std::process::ExitCode {
    demo::main(&demo::Demo {
        topic: "defaults",
        sections: &[demo_notes::SECTIONS, demo_instead::SECTIONS],
    })
}
