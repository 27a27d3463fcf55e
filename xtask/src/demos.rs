//! Builds the demo binaries with cargo and runs them.
//!
//! Cargo is asked for JSON messages so that the path of each binary comes from cargo itself,
//! wherever the target directory is configured to be. Diagnostics are still rendered for the
//! user on stderr.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::process::{self, Run};

/// The cargo that runs us (`CARGO` is set by `cargo run` and `cargo test`), else the one on
/// `PATH`.
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Builds the demos of `topics` and returns the path of each one's binary.
pub fn build(root: &Path, topics: &[&str]) -> Result<BTreeMap<String, PathBuf>, String> {
    let mut command = cargo();
    command
        .current_dir(root)
        .args([
            "build",
            "--quiet",
            "--message-format=json-render-diagnostics",
            "--bins",
        ])
        .stdout(Stdio::piped());
    for topic in topics {
        command.args(["--package", topic]);
    }
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not run cargo to build the demos: {e}"))?;
    let mut binaries = BTreeMap::new();
    let stdout = child
        .stdout
        .take()
        .ok_or("cargo's stdout was not captured")?;
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| format!("reading cargo's messages: {e}"))?;
        if let Some((name, path)) = executable(&line) {
            binaries.insert(name, path);
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for cargo: {e}"))?;
    if !status.success() {
        return Err(format!(
            "building the demos failed ({status}): see cargo's errors above"
        ));
    }
    for topic in topics {
        if !binaries.contains_key(*topic) {
            return Err(format!(
                "cargo built no binary named `{topic}`: crates/{topic}/src/main.rs is the demo"
            ));
        }
    }
    Ok(binaries)
}

/// A `compiler-artifact` message's binary: its target name and the executable's path.
fn executable(message: &str) -> Option<(String, PathBuf)> {
    let value: serde_json::Value = serde_json::from_str(message).ok()?;
    if value["reason"] != "compiler-artifact" {
        return None;
    }
    let name = value["target"]["name"].as_str()?;
    let path = value["executable"].as_str()?;
    Some((name.to_string(), PathBuf::from(path)))
}

/// The environment variables a documented run starts without, so that the output does not
/// depend on the shell it was started from.
pub const CLEARED_ENV: [&str; 3] = ["RUST_LOG", "RUST_BACKTRACE", "NO_COLOR"];

/// Runs a demo binary with `args` and `env` from the workspace root, as the check does.
pub fn run(
    root: &Path,
    binary: &Path,
    args: &[&str],
    env: &[(String, String)],
    timeout: Duration,
) -> Result<Run, String> {
    let mut command = Command::new(binary);
    command.current_dir(root).args(args);
    for key in CLEARED_ENV {
        command.env_remove(key);
    }
    command.envs(env.iter().map(|(k, v)| (k, v)));
    process::run(command, timeout).map_err(|e| format!("could not run {}: {e}", binary.display()))
}

/// The sections a demo has, from `<demo> --list`.
pub fn sections(root: &Path, binary: &Path, timeout: Duration) -> Result<Vec<String>, String> {
    let run = run(root, binary, &["--list"], &[], timeout)?;
    if run.code() != Some(0) {
        return Err(format!(
            "`{} --list` {}:\n{}",
            binary.display(),
            process::Ending(&run, timeout),
            run.tail(10)
        ));
    }
    Ok(run.lines())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_executable_from_a_compiler_artifact_message() {
        let message = r#"{"reason":"compiler-artifact","target":{"kind":["bin"],"name":"defaults"},"executable":"/t/debug/defaults"}"#;
        assert_eq!(
            executable(message),
            Some(("defaults".into(), PathBuf::from("/t/debug/defaults")))
        );
        let library = r#"{"reason":"compiler-artifact","target":{"kind":["lib"],"name":"defaults"},"executable":null}"#;
        assert_eq!(executable(library), None);
        assert_eq!(
            executable(r#"{"reason":"build-finished","success":true}"#),
            None
        );
    }
}
