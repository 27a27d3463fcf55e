//! Test support: runs a snippet in the real `python3`, when the machine has one.

use std::process::Command;

/// The snippet's stdout, trimmed; `None` when `python3` is missing (the caller skips).
///
/// A `python3` that exists but fails is a test failure, not a skip: it panics with stderr.
pub(crate) fn run(code: &str) -> Option<String> {
    let output = Command::new("python3").arg("-c").arg(code).output().ok()?;
    assert!(
        output.status.success(),
        "python3 failed on {code:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(
        String::from_utf8_lossy(&output.stdout)
            .trim_end()
            .to_owned(),
    )
}
