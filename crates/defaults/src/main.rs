//! The `defaults` demo: `cargo xtask demo defaults [SECTION]`.
//!
//! The notes' `func1`/`func2` come first, then what Rust uses instead of default arguments.
#![forbid(unsafe_code)]

mod demo_instead;
mod demo_notes;

use demo::{Demo, Section};

fn main() -> std::process::ExitCode {
    demo::main(&Demo {
        topic: "defaults",
        sections: &[
            Section {
                name: "mutable-default",
                title: "The notes' func1 and func2: one shared default list, then None",
                run: demo_notes::mutable_default,
            },
            Section {
                name: "shared-handles",
                title: "Why func1 prints the same list three times",
                run: demo_notes::shared_handles,
            },
            Section {
                name: "option-params",
                title: "Option<T> parameters instead of default arguments",
                run: demo_instead::option_params,
            },
            Section {
                name: "struct-update",
                title: "Default and ..Default::default(): keyword arguments with defaults",
                run: demo_instead::struct_update,
            },
            Section {
                name: "builder",
                title: "A builder that validates once, at build()",
                run: demo_instead::builder,
            },
            Section {
                name: "into-option",
                title: "impl Into<Option<T>>: skipping Some(..), and its costs",
                run: demo_instead::into_option,
            },
            Section {
                name: "evaluated-once",
                title: "What Rust evaluates once and what per call",
                run: demo_instead::evaluated_once,
            },
        ],
    })
}
