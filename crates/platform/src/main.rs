//! The `platform` demo: `cargo xtask demo platform [SECTION]`.
//!
//! Run with `PLATFORM_EXIT_CHILD` set, the binary is instead the child of the `exit` section.
#![forbid(unsafe_code)]

mod demo_sys;

fn main() -> std::process::ExitCode {
    // The hidden child mode comes first: a child started by the `exit` section leaves the
    // way its environment says and never reaches the demo.
    if let Some(status) = platform::exit::CHILD.run_if_asked() {
        return status;
    }
    demo::main(&demo::Demo {
        topic: "platform",
        sections: &[demo_sys::SECTIONS],
    })
}
