//! The exercise set of `learn/`, checked as `rustlings dev check --require-solutions` would and
//! more: one trial per invariant of each exercise (see `xtask/src/learn/trials.rs`).

use std::process::ExitCode;

fn main() -> ExitCode {
    match xtask::learn::trials::trials(&xtask::workspace_root()) {
        Ok(trials) => python::run_trials(trials),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
