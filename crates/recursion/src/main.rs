//! The `recursion` demo: `cargo xtask demo recursion [SECTION]`.

use demo::{Demo, Section};

fn main() -> std::process::ExitCode {
    demo::main(&Demo {
        topic: "recursion",
        sections: &[],
    })
}
