//! The `property` demo: `cargo xtask demo property [SECTION]`.
//!
//! The notes' class `A` comes first, then the Rust designs that replace `@property`.
#![forbid(unsafe_code)]

mod demo_designs;
mod demo_notes;

use demo::{Demo, Section};

fn main() -> std::process::ExitCode {
    demo::main(&Demo {
        topic: "property",
        sections: &[
            Section {
                name: "class-a",
                title: "The notes' class A: a validated x, and a refused set as an error value",
                run: demo_notes::class_a,
            },
            Section {
                name: "failed-set",
                title: "A refused set leaves x as it was",
                run: demo_notes::failed_set,
            },
            Section {
                name: "privacy",
                title: "_x and __x are conventions; Rust's privacy is checked at the module",
                run: demo_notes::privacy,
            },
            Section {
                name: "non-negative",
                title: "A NonNegative newtype: validate once, at TryFrom",
                run: demo_designs::non_negative,
            },
            Section {
                name: "plus-equals",
                title: "foo.x += 1 with a public field, with accessors, with the newtype",
                run: demo_designs::plus_equals,
            },
            Section {
                name: "uniform-access",
                title: "Plain-data structs with pub fields, accessor APIs for invariants",
                run: demo_designs::uniform_access,
            },
            Section {
                name: "cached-property",
                title: "OnceCell: a lazily computed, cached property",
                run: demo_designs::cached_property,
            },
            Section {
                name: "deref",
                title: "Deref is not a way to fake properties",
                run: demo_designs::deref,
            },
        ],
    })
}
