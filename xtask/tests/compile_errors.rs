//! Every compile error the workspace claims, checked on the stable toolchain: one trial per
//! `compile_fail` doctest or case file, one per topic page for the errors it quotes (see
//! `xtask/src/compile_errors`).

use std::process::ExitCode;

use libtest_mimic::Arguments;

fn main() -> ExitCode {
    let root = xtask::workspace_root();
    match xtask::compile_errors::trials(&root) {
        Ok(trials) => libtest_mimic::run(&Arguments::from_args(), trials).exit_code(),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
