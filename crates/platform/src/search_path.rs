//! `sys.path` has no Rust counterpart: crates are found at build time, not searched at run time.
//!
//! `import json` makes Python walk `sys.path`, a list of directories, at run time, and a
//! program can change the list before it imports. In Rust, `use serde_json::Value;` is
//! resolved by the compiler: cargo reads `Cargo.toml`, fetches and builds the crates it
//! names, and links them into the binary. Nothing is searched when the program runs, and
//! nothing can be added then.
//!
//! The nearest useful things: the crate's declared dependencies (what `sys.path` would have
//! let it import), read here from the very `Cargo.toml` this binary was built from; and the
//! one search path a Rust program *does* walk at run time, `PATH`, which
//! `std::process::Command::new("sh")` searches for programs, first match winning as in
//! `sys.path`.

use std::ffi::OsStr;
use std::path::PathBuf;

// ANCHOR: which
/// This crate's manifest, embedded when the binary was compiled.
const MANIFEST: &str = include_str!("../Cargo.toml");

/// The names in a manifest's `[dependencies]` table, in order.
///
/// ```
/// let manifest = "[package]\nname = \"x\"\n\n[dependencies]\nserde.workspace = true\nnix = \"0.32\"\n\n[dev-dependencies]\ntempfile = \"3\"\n";
/// assert_eq!(platform::search_path::dependencies_in(manifest), ["serde", "nix"]);
/// ```
pub fn dependencies_in(manifest: &str) -> Vec<&str> {
    manifest
        .lines()
        .map(str::trim)
        .skip_while(|line| *line != "[dependencies]")
        .skip(1)
        .take_while(|line| !line.starts_with('['))
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split(['=', '.']).next().map(str::trim))
        .collect()
}

/// The crates this binary was built with, fixed at build time: the nearest thing to
/// `sys.path`'s "what can I import".
pub fn build_time_dependencies() -> Vec<&'static str> {
    dependencies_in(MANIFEST)
}

/// The directories in `PATH`, in search order (empty if `PATH` is unset).
pub fn path_entries() -> Vec<PathBuf> {
    std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect())
        .unwrap_or_default()
}

/// Where a `PATH` search finds `program` (the first directory holding an executable file of
/// that name), as `std::process::Command` would; `None` if no directory does. Like
/// `execvp`, it passes over a file without execute permission and keeps looking.
///
/// ```
/// if let Some(sh) = platform::search_path::which("sh") {
///     assert!(sh.ends_with("sh"));
/// }
/// ```
pub fn which(program: &str) -> Option<PathBuf> {
    which_in(&std::env::var_os("PATH").unwrap_or_default(), program)
}

/// [`which`] over the directories of `path`, a `PATH`-style list.
pub fn which_in(path: &OsStr, program: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;

    std::env::split_paths(path)
        .map(|dir| dir.join(program))
        .find(|candidate| {
            // `metadata` follows links, as exec does: `/bin/sh` is often a link to `dash`.
            std::fs::metadata(candidate)
                .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
        })
}
// ANCHOR_END: which

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_manifest_names_this_crates_dependencies() {
        assert_eq!(build_time_dependencies(), ["demo", "nix", "os", "num_cpus"]);
    }

    #[test]
    fn which_finds_the_shell_on_unix() {
        assert!(which("sh").is_some());
        assert!(which("no-such-program-here").is_none());
    }

    #[test]
    fn which_passes_over_a_file_that_is_not_executable() {
        use std::os::unix::fs::PermissionsExt;

        let name = "platform-which-test-program";
        let base = std::env::temp_dir().join(format!("platform-which-{}", std::process::id()));
        let (first, second) = (base.join("first"), base.join("second"));
        let (plain, runnable) = (first.join(name), second.join(name));
        for (dir, file, mode) in [(&first, &plain, 0o644), (&second, &runnable, 0o755)] {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(file, "#!/bin/sh\n").unwrap();
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        let found = std::env::join_paths([&first, &second]).unwrap();
        let result = which_in(&found, name);
        std::fs::remove_dir_all(&base).unwrap();
        assert_eq!(result, Some(runnable));
    }
}
