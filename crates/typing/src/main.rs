//! The `typing` demo: `cargo xtask demo typing [SECTION]`.
//!
//! Conversions first (the notes' claim and its details), then dynamic typing inside Rust.
#![forbid(unsafe_code)]

mod demo_conversions;
mod demo_dynamic;

use demo::{Demo, Section};

fn main() -> std::process::ExitCode {
    let sections: Vec<Section> = demo_conversions::SECTIONS
        .iter()
        .chain(demo_dynamic::SECTIONS)
        .copied()
        .collect();
    demo::main(&Demo {
        topic: "typing",
        sections: &sections,
    })
}
