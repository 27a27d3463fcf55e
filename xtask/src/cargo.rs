//! The cargo that runs us, and a build that says what it built.
//!
//! Cargo is asked for JSON messages so that the path of each artifact comes from cargo itself,
//! wherever the target directory is configured to be. Diagnostics are still rendered for the
//! user on stderr.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The cargo that runs us (`CARGO` is set by `cargo run` and `cargo test`), else the one on
/// `PATH`.
pub fn command() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs `cargo build --quiet --workspace <targets>` and returns its `compiler-artifact`
/// messages; `what` names what is built, for errors (`"the demos"`).
///
/// Every member is selected, as `cargo test` selects them, so that dependencies get the
/// features they get there and what `cargo test` built is reused: selecting only the topics'
/// packages leaves out `clap_derive`'s `full` feature of `syn`, and `syn`, `serde_derive`
/// and every crate above them were built a second time, 10 s of a cold `cargo test`.
/// `targets` (`--bin <name>`, `--lib`) says what to build of them.
pub fn build(root: &Path, what: &str, targets: &[&str]) -> Result<Vec<serde_json::Value>, String> {
    let mut command = command();
    command
        .current_dir(root)
        .arg("build")
        .arg("--workspace")
        .args(targets);
    artifacts(command, what)
}

/// Runs a `cargo build` command, quiet and asked for JSON messages, and returns its
/// `compiler-artifact` messages; `what` names what is built, for errors.
pub fn artifacts(mut command: Command, what: &str) -> Result<Vec<serde_json::Value>, String> {
    command
        .args(["--quiet", "--message-format=json-render-diagnostics"])
        .stdout(Stdio::piped());
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not run cargo to build {what}: {e}"))?;
    let stdout = child
        .stdout
        .take()
        .ok_or("cargo's stdout was not captured")?;
    let mut artifacts = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| format!("reading cargo's messages: {e}"))?;
        artifacts.extend(artifact(&line));
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for cargo: {e}"))?;
    if !status.success() {
        return Err(format!(
            "building {what} failed ({status}): see cargo's errors above"
        ));
    }
    Ok(artifacts)
}

/// The workspace's target directory: `CARGO_TARGET_DIR`, else `target/` under the root.
pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

/// A line of cargo's JSON messages, if it is a `compiler-artifact` message.
pub fn artifact(line: &str) -> Option<serde_json::Value> {
    let message: serde_json::Value = serde_json::from_str(line).ok()?;
    (message["reason"] == "compiler-artifact").then_some(message)
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_compiler_artifact_messages_are_artifacts() {
        assert!(super::artifact(r#"{"reason":"compiler-artifact","target":{}}"#).is_some());
        assert!(super::artifact(r#"{"reason":"build-finished","success":true}"#).is_none());
        assert!(super::artifact("warning: not JSON").is_none());
    }
}
