//! The documented outputs under `docs/`, checked as part of `cargo test`: the same trials as
//! `cargo xtask check`, one per console block (see `docs/README.md`).

use std::process::ExitCode;

fn main() -> ExitCode {
    // Before any thread starts: an interrupted `cargo test` ends the demos it is running.
    if let Err(error) = xtask::process::end_demos_on_interrupt() {
        eprintln!("error: {error}");
        return ExitCode::FAILURE;
    }
    let root = xtask::workspace_root();
    let timeout = match xtask::process::timeout_from_env() {
        Ok(timeout) => timeout,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    xtask::check::run(&root, timeout, &xtask::check::arguments(std::env::args()))
}
