//! Test support: runs a snippet in the real `python3`, when the machine has one.

use std::process::Command;

/// The snippet's stdout, trimmed; `None` when `python3` is missing (the caller skips).
///
/// Status 127 also counts as missing: it is what a version-manager shim (pyenv) exits with
/// when no interpreter is selected. A `python3` that runs and fails is a test failure, not
/// a skip: it panics with its stderr.
pub(crate) fn run(code: &str) -> Option<String> {
    let output = Command::new("python3").arg("-c").arg(code).output().ok()?;
    if output.status.code() == Some(127) {
        return None;
    }
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
