//! The `concurrency` demo: `cargo xtask demo concurrency [SECTION]`.

use demo::{Demo, Section};

fn main() -> std::process::ExitCode {
    demo::main(&Demo {
        topic: "concurrency",
        sections: &[],
    })
}
