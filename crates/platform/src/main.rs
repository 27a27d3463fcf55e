//! The `platform` demo: `cargo xtask demo platform [SECTION]`.
//!
//! Run with `PLATFORM_EXIT_CHILD` set, the binary is instead the child of the `exit` section.
#![forbid(unsafe_code)]

mod demo_sys;

fn main() -> std::process::ExitCode {
    if let Some(code) = platform::exit::run_child_if_asked() {
        return code;
    }
    demo::main(&demo::Demo {
        topic: "platform",
        sections: demo_sys::SECTIONS,
    })
}
