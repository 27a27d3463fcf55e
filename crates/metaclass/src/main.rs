//! The `metaclass` demo: `cargo xtask demo metaclass [SECTION]`.
//!
//! The first half runs Python's class model (classes from (name, bases, namespace), C3,
//! metaclasses); the second shows what Rust does for the same jobs at compile time.
#![forbid(unsafe_code)]
// `&[base.clone()]` reads as Python's `(base,)`; `std::slice::from_ref(&base)` does not.
#![allow(clippy::cloned_ref_to_slice_refs)]

mod demo_classes;
mod demo_metaclasses;
mod demo_rust;
mod demo_statement;

fn main() -> std::process::ExitCode {
    demo::main(&demo::Demo {
        topic: "metaclass",
        sections: &[
            demo_classes::SECTIONS,
            demo_metaclasses::SECTIONS,
            demo_statement::SECTIONS,
            demo_rust::SECTIONS,
        ],
    })
}
