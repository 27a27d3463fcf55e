//! The documented outputs under `docs/`, checked as part of `cargo test`: the same trials as
//! `cargo xtask check`, one per checked block (see `docs/contributing/checked-pages.md`).

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
    // The interpreter for the Python blocks is `XTASK_PYTHON`'s, or `python3`.
    let options = xtask::kind::RunOptions {
        timeout,
        python: None,
        // The blocks that import the extension module are left to `cargo xtask check`, which
        // builds it: PyO3 would add about 25 s of CPU to a cold `cargo test`.
        extension: None,
    };
    xtask::check::run(&root, &options, &xtask::check::arguments(std::env::args()))
}
