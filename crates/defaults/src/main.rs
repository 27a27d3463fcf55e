//! The `defaults` demo: `cargo xtask demo defaults [SECTION]`.

use demo::{Demo, Section};

fn main() -> std::process::ExitCode {
    demo::main(&Demo {
        topic: "defaults",
        sections: &[],
    })
}
