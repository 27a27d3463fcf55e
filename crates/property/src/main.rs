//! The `property` demo: `cargo xtask demo property [SECTION]`.

use demo::{Demo, Section};

fn main() -> std::process::ExitCode {
    demo::main(&Demo {
        topic: "property",
        sections: &[],
    })
}
