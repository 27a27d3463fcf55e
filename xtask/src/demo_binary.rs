//! Builds the demo binaries with cargo and runs them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::cargo;
use crate::process::{self, Run};

/// Builds the demos of `topics` and returns the path of each one's binary.
pub fn build(root: &Path, topics: &[&str]) -> Result<BTreeMap<String, PathBuf>, String> {
    if topics.is_empty() {
        // Not even cargo: without a `--bin`, `--workspace` would build every crate.
        return Ok(BTreeMap::new());
    }
    let targets: Vec<&str> = topics.iter().flat_map(|topic| ["--bin", topic]).collect();
    let artifacts = cargo::build(root, "the demos", &targets)?;
    let binaries: BTreeMap<String, PathBuf> = artifacts.iter().filter_map(executable).collect();
    for topic in topics {
        if !binaries.contains_key(*topic) {
            return Err(format!(
                "cargo built no binary named `{topic}`: crates/{topic}/src/main.rs is the demo"
            ));
        }
    }
    Ok(binaries)
}

/// A binary's target name and the executable's path, from its `compiler-artifact` message.
fn executable(artifact: &serde_json::Value) -> Option<(String, PathBuf)> {
    let name = artifact["target"]["name"].as_str()?;
    let path = artifact["executable"].as_str()?;
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
        let message = cargo::artifact(
            r#"{"reason":"compiler-artifact","target":{"kind":["bin"],"name":"defaults"},"executable":"/t/debug/defaults"}"#,
        );
        assert_eq!(
            message.as_ref().and_then(executable),
            Some(("defaults".into(), PathBuf::from("/t/debug/defaults")))
        );
        let library = cargo::artifact(
            r#"{"reason":"compiler-artifact","target":{"kind":["lib"],"name":"defaults"},"executable":null}"#,
        );
        assert_eq!(library.as_ref().and_then(executable), None);
    }
}
