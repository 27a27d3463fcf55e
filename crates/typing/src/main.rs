//! The `typing` demo: `cargo xtask demo typing [SECTION]`.

use demo::{Demo, Section};

fn main() -> std::process::ExitCode {
    demo::main(&Demo {
        topic: "typing",
        sections: &[],
    })
}
