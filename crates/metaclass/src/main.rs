//! The `metaclass` demo: `cargo xtask demo metaclass [SECTION]`.

use demo::{Demo, Section};

fn main() -> std::process::ExitCode {
    demo::main(&Demo {
        topic: "metaclass",
        sections: &[],
    })
}
