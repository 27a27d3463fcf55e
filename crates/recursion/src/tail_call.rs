//! Tail calls: Rust does not promise to eliminate them, and whether it does depends on the
//! build.
//!
//! CPython never reuses a frame for a tail call, so a tail-recursive function is as deep as any
//! other and meets `RecursionError` at the same depth. Rust has no rule either way: the same
//! tail-recursive function runs in constant stack when LLVM optimises it (its tail-call
//! elimination turns the self-call into a jump) and overflows when it does not, as in a debug
//! build. The `become` keyword that would guarantee it is unstable (rust-lang/rust#112788).
//!
//! To show both builds without building the workspace twice, the demo compiles one small
//! dependency-free program, [`PROGRAM`], with `rustc` at `-C opt-level=0` (a debug build's
//! level) and `-C opt-level=3` (a release build's) into a temporary directory, and runs each in
//! the overflow child ([`crate::isolate::exec_in_child`]).

use std::ffi::OsString;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The program's source: `main recursive|loop <n>` prints the fold's checksum in hex.
pub const PROGRAM: &str = include_str!("../tail_call/main.rs");

/// How many calls deep the recursive fold goes: ten million frames could not fit in the
/// child's 8 MiB stack at even one byte each, so a run that returns reused its frame.
pub const DEPTH: u64 = 10_000_000;

/// The optimisation level a program is compiled with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Build {
    /// `-C opt-level=0`, what `cargo build` uses (the `dev` profile).
    Debug,
    /// `-C opt-level=3`, what `cargo build --release` uses.
    Release,
}

impl Build {
    /// Both, debug first.
    pub const ALL: [Build; 2] = [Build::Debug, Build::Release];

    /// The `-C opt-level` value.
    pub fn opt_level(self) -> u8 {
        match self {
            Build::Debug => 0,
            Build::Release => 3,
        }
    }
}

/// `opt-level=0 (debug)`.
impl fmt::Display for Build {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Build::Debug => "debug",
            Build::Release => "release",
        };
        write!(f, "opt-level={} ({name})", self.opt_level())
    }
}

/// The compiler: `RUSTC` if set (as cargo sets it for build scripts), else `rustc` on `PATH`,
/// which exists wherever cargo does.
pub fn rustc() -> OsString {
    std::env::var_os("RUSTC")
        .filter(|rustc| !rustc.is_empty())
        .unwrap_or_else(|| "rustc".into())
}

/// Writes [`PROGRAM`] into `dir` (once) and compiles it for `build`; returns the executable.
pub fn compile(dir: &Path, build: Build) -> io::Result<PathBuf> {
    let source = dir.join("tail_call.rs");
    if !source.exists() {
        std::fs::write(&source, PROGRAM)?;
    }
    let executable = dir.join(format!("tail_call_O{}", build.opt_level()));
    let output = Command::new(rustc())
        .args(["--edition", "2021", "-C"])
        .arg(format!("opt-level={}", build.opt_level()))
        .arg("-o")
        .arg(&executable)
        .arg(&source)
        .output()
        .map_err(|error| {
            io::Error::new(
                error.kind(),
                format!("cannot run {}: {error}", rustc().to_string_lossy()),
            )
        })?;
    if !output.status.success() {
        return Err(io::Error::other(format!(
            "rustc failed on the tail-call program:\n{}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    Ok(executable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_build_is_named_by_its_level_and_profile() {
        assert_eq!(Build::Debug.to_string(), "opt-level=0 (debug)");
        assert_eq!(Build::Release.to_string(), "opt-level=3 (release)");
    }
}
