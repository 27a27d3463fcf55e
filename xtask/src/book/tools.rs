//! The tools the book (and the exercises, `cargo xtask learn`) need beyond cargo, each pinned
//! and installed by the workspace itself on first use, under the target directory so that
//! `cargo clean` takes them away too.
//!
//! mdBook is a binary from crates.io: `cargo install --locked --root <target>/tools` builds
//! it once (a few minutes) and never again while the version matches. Using it as a library
//! instead would put its build (an HTTP server, a file watcher, a template engine) into every
//! build of xtask, which `cargo test` and `cargo xtask demo` must not pay for.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::cargo;

/// A binary from crates.io that the workspace installs, pinned, into `<target>/tools`.
pub struct Tool {
    /// The name a person knows it by, for messages.
    pub label: &'static str,
    /// The crate, which is also the binary's name.
    pub krate: &'static str,
    /// The release installed; changing it reinstalls the tool on next use.
    pub version: &'static str,
}

/// The mdBook release the book is built with.
pub const MDBOOK: Tool = Tool {
    label: "mdBook",
    krate: "mdbook",
    version: "0.5.4",
};

/// The pinned `mdbook` binary, installed into `<target>/tools` first if it is missing or
/// another version.
pub fn mdbook(target: &Path) -> Result<PathBuf, String> {
    install(target, &MDBOOK)
}

/// The pinned binary of `tool`, installed into `<target>/tools` first if it is missing or
/// another version (`cargo install --locked`, a few minutes once).
pub fn install(target: &Path, tool: &Tool) -> Result<PathBuf, String> {
    let Tool {
        label,
        krate,
        version,
    } = tool;
    let root = target.join("tools");
    let binary = root.join("bin").join(krate);
    if installed_version(&binary).as_deref() == Some(*version) {
        return Ok(binary);
    }
    eprintln!(
        "installing {label} {version} into {} (first use only; it compiles from \
         crates.io, which takes a few minutes)",
        root.display()
    );
    let started = Instant::now();
    let status = cargo::command()
        .args(["install", "--locked", "--root"])
        .arg(&root)
        .arg(format!("{krate}@{version}"))
        // Its own target directory, not the workspace's: cargo install would otherwise
        // share the workspace's and its lock with the other builds.
        .env_remove("CARGO_TARGET_DIR")
        // The tool is run by its path; with its directory on PATH, cargo does not advise
        // adding it there.
        .env("PATH", with_on_path(&root.join("bin")))
        .status()
        .map_err(|e| format!("could not run cargo install: {e}"))?;
    if !status.success() {
        return Err(format!("cargo install {krate}@{version} failed ({status})"));
    }
    match installed_version(&binary) {
        Some(installed) if installed == *version => {
            eprintln!("installed {label} {version} in {:.0?}", started.elapsed());
            Ok(binary)
        }
        other => Err(format!(
            "{} reports version {other:?} after installing {version}",
            binary.display()
        )),
    }
}

/// What `<tool> --version` says (`mdbook v0.5.4` → `0.5.4`, `rustlings 6.5.0` → `6.5.0`), or
/// `None` if it does not run.
fn installed_version(binary: &Path) -> Option<String> {
    let output = Command::new(binary)
        .arg("--version")
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let version = text.split_whitespace().last()?;
    Some(version.trim_start_matches('v').to_string())
}

/// The Chromium that `--check` drives: `$XTASK_CHROMIUM`, else the first of Debian's and
/// other distributions' names found on `PATH`.
pub fn chromium() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("XTASK_CHROMIUM") {
        return Ok(PathBuf::from(path));
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| on_path(name))
        .ok_or_else(|| {
            "`cargo xtask book --check` needs Chromium: on Debian or Ubuntu `apt-get install \
             chromium`, or set XTASK_CHROMIUM to a Chromium or Chrome binary"
                .to_string()
        })
}

/// `node`, which runs the browser check (with playwright-core from `book/check/`).
pub fn node() -> Result<PathBuf, String> {
    on_path("node")
        .filter(|_| on_path("npm").is_some())
        .ok_or_else(|| {
            "`cargo xtask book --check` needs Node.js 20 or newer with npm: on Debian or Ubuntu \
         `apt-get install nodejs npm`"
                .to_string()
        })
}

fn with_on_path(dir: &Path) -> std::ffi::OsString {
    let rest = std::env::var_os("PATH").unwrap_or_default();
    let dirs = std::iter::once(dir.to_path_buf()).chain(std::env::split_paths(&rest));
    std::env::join_paths(dirs).unwrap_or(rest)
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_binary_has_no_version() {
        assert_eq!(installed_version(Path::new("/nonexistent/mdbook")), None);
    }
}
