//! The `typing` demo: `cargo xtask demo typing [SECTION]`.
//!
//! Conversions first (the notes' claim and its details), then dynamic typing inside Rust.
#![forbid(unsafe_code)]

mod demo_conversions;
mod demo_dynamic;

fn main() -> std::process::ExitCode {
    demo::main(&demo::Demo {
        topic: "typing",
        sections: &[demo_conversions::SECTIONS, demo_dynamic::SECTIONS],
    })
}
