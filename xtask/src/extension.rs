//! The workspace's Python extension module, `crates/pyideas`, built for the checks and the
//! bench, and put where `import pyideas` finds it.
//!
//! The crate is not a member of the workspace (PyO3 would add its build to every `cargo
//! test`), so it is built with its own manifest, into the workspace's target directory, where
//! the topic crates it wraps are built already. `PYO3_BUILD_EXTENSION_MODULE=1` is what
//! maturin sets too: the library does not link `libpython`, and takes the symbols of the
//! interpreter that imports it. Built for the stable ABI of 3.9 (`abi3-py39`), the one file
//! imports in every CPython from 3.9 on, as `pyideas.abi3.so`.

use std::path::{Path, PathBuf};

use crate::cargo;

/// The crate, relative to the workspace root.
pub const CRATE: &str = "crates/pyideas";

/// The name Python imports it by.
pub const MODULE: &str = "pyideas";

/// The file name under which CPython 3.9+ imports a stable-ABI module on Linux and macOS.
pub fn file_name() -> String {
    format!("{MODULE}.abi3.so")
}

/// Builds the module (optimised if `release`) and returns the path of the library cargo made;
/// says so on stderr first, since a first build compiles PyO3 and takes a minute or more.
pub fn build(root: &Path, release: bool) -> Result<PathBuf, String> {
    let optimised = if release { ", optimised" } else { "" };
    eprintln!("building the extension module ({CRATE}{optimised})...");
    let mut command = cargo::command();
    command
        .current_dir(root)
        .args(["build", "--lib", "--manifest-path"])
        .arg(root.join(CRATE).join("Cargo.toml"))
        .arg("--target-dir")
        .arg(cargo::target_dir(root))
        .env("PYO3_BUILD_EXTENSION_MODULE", "1");
    if release {
        command.arg("--release");
    }
    let what = format!("the extension module ({CRATE})");
    let artifacts = cargo::artifacts(command, &what)?;
    // The library among the crate's files (its `rlib` is for rustdoc).
    let is_library = |file: &&str| file.ends_with(std::env::consts::DLL_SUFFIX);
    artifacts
        .iter()
        .filter(|artifact| artifact["target"]["name"] == MODULE)
        .filter_map(|artifact| artifact["filenames"].as_array())
        .flatten()
        .filter_map(serde_json::Value::as_str)
        .find(is_library)
        .map(PathBuf::from)
        .ok_or_else(|| format!("cargo built {what} but named no library"))
}

/// Copies the built library into `dir` under the name `import pyideas` looks for.
pub fn install(library: &Path, dir: &Path) -> Result<PathBuf, String> {
    let to = dir.join(file_name());
    std::fs::copy(library, &to)
        .map_err(|e| format!("cannot copy {} to {}: {e}", library.display(), to.display()))?;
    Ok(to)
}
