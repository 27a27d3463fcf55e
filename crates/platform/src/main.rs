//! The `platform` demo: `cargo xtask demo platform [SECTION]`.

use demo::{Demo, Section};

fn main() -> std::process::ExitCode {
    demo::main(&Demo {
        topic: "platform",
        sections: &[],
    })
}
