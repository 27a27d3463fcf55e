//! Compiles a case with rustc against the workspace crate it uses, and reads the errors back
//! from rustc's JSON diagnostics.
//!
//! Cargo builds the crates' libraries once (a no-op after `cargo test` has built them) and
//! says where each rlib is; every case is then one `rustc --emit=metadata` (type and borrow
//! checking, no code generation) of about 60 ms, and the trials run them in parallel.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::cases::Case;
use crate::cargo;

/// The libraries a case may be compiled against: each crate's rlib and the directories that
/// hold the rlibs of its dependencies.
#[derive(Debug, Default)]
pub struct Libraries {
    rlibs: BTreeMap<String, PathBuf>,
    search: Vec<PathBuf>,
    out_dir: PathBuf,
}

/// An error or warning rustc reported: its code (if it has one; a warning's is its lint's
/// name), its message's first line, the lines of
/// its spans (the primary ones first; a label such as "recursive without indirection" points
/// at a line too), and the whole diagnostic as rustc renders it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// A warning, not an error.
    pub warning: bool,
    /// `E0499`, or a lint name for a warning; some errors have none.
    pub code: Option<String>,
    /// The message's first line.
    pub message: String,
    /// `(first, last)` line of each span, primary spans first.
    pub lines: Vec<(usize, usize)>,
    /// The diagnostic as rustc would print it.
    pub rendered: String,
}

/// The crate name of a case that is a whole program using only `std` (an exercise of
/// `learn/`): it is compiled against no library of the workspace.
pub const STANDALONE: &str = "std";

/// Where cases that use no workspace library ([`STANDALONE`]) are compiled: nothing is built.
pub fn standalone(root: &Path) -> Result<Libraries, String> {
    let out_dir = crate::book::target_dir(root)?
        .join("debug")
        .join("compile_errors");
    std::fs::create_dir_all(&out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    Ok(Libraries {
        out_dir,
        ..Libraries::default()
    })
}

/// Builds the members' libraries and finds their rlibs.
pub fn build(root: &Path) -> Result<Libraries, String> {
    let artifacts = cargo::build(root, "the libraries", &["--lib"])?;
    let mut libraries = Libraries::default();
    for (name, rlib) in artifacts.iter().filter_map(rlib) {
        let dir = rlib.parent().map(Path::to_path_buf).unwrap_or_default();
        if !libraries.search.contains(&dir) {
            libraries.search.push(dir);
        }
        libraries.rlibs.insert(name, rlib);
    }
    // A member's rlib is copied up to `target/debug/`; its dependencies stay in `deps/`.
    for dir in libraries.search.clone() {
        let deps = dir.join("deps");
        if deps.is_dir() && !libraries.search.contains(&deps) {
            libraries.search.push(deps);
        }
    }
    let target = libraries.search.first().ok_or("cargo built no library")?;
    libraries.out_dir = target.join("compile_errors");
    std::fs::create_dir_all(&libraries.out_dir)
        .map_err(|e| format!("cannot create {}: {e}", libraries.out_dir.display()))?;
    Ok(libraries)
}

/// A library's crate name and its rlib's path, from its `compiler-artifact` message.
fn rlib(artifact: &serde_json::Value) -> Option<(String, PathBuf)> {
    let name = artifact["target"]["name"].as_str()?.replace('-', "_");
    let path = artifact["filenames"]
        .as_array()?
        .iter()
        .filter_map(|f| f.as_str())
        .find(|f| f.ends_with(".rlib"))?;
    Some((name, PathBuf::from(path)))
}

/// Compiles `case` and returns the errors and warnings rustc reported.
pub fn compile(
    libraries: &Libraries,
    case: &Case,
    index: usize,
) -> Result<Vec<Diagnostic>, String> {
    let rlib = match libraries.rlibs.get(&case.krate) {
        Some(rlib) => Some(rlib),
        None if case.krate == STANDALONE => None,
        None => return Err(format!("no library built for crate `{}`", case.krate)),
    };
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let mut command = Command::new(rustc);
    command
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "bin",
            "--emit=metadata",
        ])
        // Lints at most warn, so a case's `#![deny(..)]` cannot turn a warning into an error.
        .args(["--error-format=json", "--cap-lints", "warn"])
        .arg(format!("--crate-name=case_{index}"))
        .arg("--out-dir")
        .arg(&libraries.out_dir);
    if let Some(rlib) = rlib {
        command
            .arg("--extern")
            .arg(format!("{}={}", case.krate, rlib.display()));
    }
    for dir in &libraries.search {
        command
            .arg("-L")
            .arg(format!("dependency={}", dir.display()));
    }
    // The source comes on stdin, so a doctest needs no file of its own.
    command
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not run rustc: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("rustc's stdin was not piped")?;
    let source = case.source.clone();
    // A writer thread, so that a large source cannot fill both pipes and deadlock.
    let writer = std::thread::spawn(move || stdin.write_all(source.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("waiting for rustc: {e}"))?;
    writer
        .join()
        .map_err(|_| "the writer thread panicked")?
        .map_err(|e| format!("writing the source to rustc: {e}"))?;
    let diagnostics = String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter_map(diagnostic)
        .collect::<Vec<_>>();
    if diagnostics.iter().all(|d| d.warning) && !output.status.success() {
        return Err(format!(
            "rustc failed ({}) without an error diagnostic:\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(diagnostics)
}

/// An error or warning diagnostic from one line of rustc's JSON output; the closing summaries
/// ("aborting due to", "1 warning emitted", which have no span) are left out.
pub fn diagnostic(line: &str) -> Option<Diagnostic> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    let warning = value["level"] == "warning";
    if value["$message_type"] != "diagnostic" || !(warning || value["level"] == "error") {
        return None;
    }
    let spans = value["spans"].as_array()?;
    let (primary, labels): (Vec<_>, Vec<_>) =
        spans.iter().partition(|span| span["is_primary"] == true);
    let lines: Vec<(usize, usize)> = primary
        .into_iter()
        .chain(labels)
        .filter_map(|span| {
            let start = span["line_start"].as_u64()?;
            let end = span["line_end"].as_u64()?;
            Some((usize::try_from(start).ok()?, usize::try_from(end).ok()?))
        })
        .collect();
    if lines.is_empty() && value["code"].is_null() {
        return None;
    }
    Some(Diagnostic {
        warning,
        code: value["code"]["code"].as_str().map(str::to_owned),
        message: value["message"].as_str()?.lines().next()?.to_owned(),
        lines,
        rendered: value["rendered"].as_str().unwrap_or_default().to_owned(),
    })
}
