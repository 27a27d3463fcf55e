//! The compile errors the workspace claims, checked on the stable toolchain by `cargo test`.
//!
//! rustdoc checks that a ` ```compile_fail,E0499 ` doctest fails to compile, but compares its
//! error code only on a nightly toolchain: on stable, `compile_fail,E0999` passes. This module
//! compiles every such snippet itself with rustc's JSON diagnostics, so the code is checked on
//! every toolchain, and so is the message where a snippet quotes it. The sources it reads:
//!
//! - the `compile_fail,E0xxx` doctests of `crates/*/src/` (the crate docs stay the manual), but
//!   those of the extension module, `crates/pyideas`, whose library is built outside `cargo test`;
//! - the case files `crates/<crate>/tests/compile_fail/*.rs`: whole programs, for code a docs
//!   page shows as an excerpt (cargo does not build files in a subfolder of `tests/`).
//!
//! A snippet quotes an error by ending the line rustc points at with
//! `// error[E0xxx]: <first line of the message>`; the quote must match code, message and line.
//! A case file may instead quote a warning, `// warning[lint_name]: <first line>`, for a claim
//! that rustc warns (a function that cannot return): it must compile, with that warning.
//! The pages are held to the same expectations ([`pages`]): an error code a page names, and an
//! `error[E0xxx]: message` line it quotes, must be one a case of the topic's crate expects, so
//! the expectations here are the single source of truth for the errors the docs claim.
//!
//! Why not `trybuild`: it compares the whole rendered stderr, which changes wording and layout
//! between rustc releases (the README allows any toolchain from 1.88), builds each crate's
//! dependencies again in a target directory of its own, and cannot read doctests. Why not
//! `RUSTC_BOOTSTRAP=1` for rustdoc: it would check codes only where it is set (CI), never in a
//! plain `cargo test`, and it checks no message.
//!
//! # Layout
//!
//! - [`cases`]: finds the doctests and case files, and reads their expectations.
//! - [`rustc`]: builds the libraries, compiles a case, reads rustc's diagnostics.
//! - [`pages`]: checks the codes, error lines and warnings a docs page quotes, and that the
//!   README and the glossary give each error code they cite with its message.

pub mod cases;
pub mod pages;
pub mod rustc;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use libtest_mimic::{Failed, Trial};

use cases::{Case, Expected};
use rustc::Diagnostic;

/// Every case of the workspace, in file order, and every place a claim cannot be read.
pub fn collect(root: &Path) -> (Vec<Case>, Vec<String>) {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for krate in crate_names(root) {
        let dir = root.join("crates").join(&krate);
        for file in rust_files(&dir.join("src")) {
            let relative = file.strip_prefix(root).unwrap_or(&file).to_path_buf();
            match std::fs::read_to_string(&file) {
                Ok(text) => match cases::doctests(&krate, &relative, &text) {
                    Ok(found) => cases.extend(found),
                    Err(found) => errors.extend(found),
                },
                Err(e) => errors.push(format!("cannot read {}: {e}", relative.display())),
            }
        }
        for file in rust_files(&dir.join("tests").join("compile_fail")) {
            let relative = file.strip_prefix(root).unwrap_or(&file).to_path_buf();
            match std::fs::read_to_string(&file) {
                Ok(text) => match cases::case_file(&krate, &relative, &text) {
                    Ok(case) => cases.push(case),
                    Err(error) => errors.push(error),
                },
                Err(e) => errors.push(format!("cannot read {}: {e}", relative.display())),
            }
        }
    }
    (cases, errors)
}

/// The directory names under `crates/`, sorted.
fn crate_names(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("crates"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.path().join("Cargo.toml").is_file())
        // The extension module is outside the workspace, and its library is not built here
        // (PyO3 would join every `cargo test`): its doctest is left to rustdoc, in CI.
        .filter(|entry| root.join(crate::extension::CRATE) != entry.path())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    names.sort();
    names
}

/// The `.rs` files under `dir`, sorted; none if it does not exist.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Whether the diagnostics rustc reported for `case` are the ones it expects; if not, what
/// differs. A case that expects an error must fail; one that expects only warnings must compile.
pub fn verdict(case: &Case, diagnostics: &[Diagnostic]) -> Result<(), String> {
    let failed = diagnostics.iter().any(|d| !d.warning);
    let expects_an_error = case.expected.iter().any(|e| !e.is_warning());
    if expects_an_error && !failed {
        return Err("it compiled, but it is claimed to fail".to_owned());
    }
    let missing: Vec<String> = case
        .expected
        .iter()
        .filter(|expected| !diagnostics.iter().any(|d| fulfils(case, d, expected)))
        .map(|expected| match &expected.quote {
            Some(quote) => format!(
                "{} (on line {})",
                expected.describe(),
                case.first_line + quote.line - 1
            ),
            None => format!("an error {}", expected.code),
        })
        .collect();
    if missing.is_empty() && (expects_an_error || !failed) {
        return Ok(());
    }
    let reported: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            let code = d.code.as_deref().unwrap_or("no code");
            let line = d.lines.first().map_or(String::new(), |(start, _)| {
                let line = (start + case.first_line).saturating_sub(case.offset + 1);
                format!(" (on line {line})")
            });
            let level = if d.warning { "warning" } else { "error" };
            format!("{level}[{code}]: {}{line}", d.message)
        })
        .collect();
    let expected = if missing.is_empty() {
        "it to compile, with only warnings".to_owned()
    } else {
        missing.join(", ")
    };
    Err(format!(
        "expected {expected}\nrustc reported:\n  {}\n\n{}",
        reported.join("\n  "),
        diagnostics
            .iter()
            .map(|d| d.rendered.as_str())
            .collect::<String>()
    ))
}

/// Whether `error` is the one `expected` describes (its quote's line counted in `case`).
fn fulfils(case: &Case, error: &Diagnostic, expected: &Expected) -> bool {
    if error.warning != expected.is_warning()
        || error.code.as_deref() != Some(expected.code.as_str())
    {
        return false;
    }
    let Some(quote) = &expected.quote else {
        return true;
    };
    let line = quote.line + case.offset;
    error.message == quote.message
        && error
            .lines
            .iter()
            .any(|&(start, end)| start <= line && line <= end)
}

/// One trial for the claims that cannot be read (`compile errors readable`), one a topic page
/// checking what it quotes, then one a case, compiling it.
pub fn trials(root: &Path) -> Result<Vec<Trial>, String> {
    let (cases, malformed) = collect(root);
    let libraries = Arc::new(rustc::build(root)?);
    let mut trials = vec![Trial::test("compile errors readable", move || {
        if malformed.is_empty() {
            Ok(())
        } else {
            Err(malformed.join("\n").into())
        }
    })];
    trials.extend(pages::trials(root, &cases)?);
    for (index, case) in cases.into_iter().enumerate() {
        let libraries = Arc::clone(&libraries);
        trials.push(Trial::test(case.name(), move || {
            let errors = rustc::compile(&libraries, &case, index)?;
            verdict(&case, &errors).map_err(Failed::from)
        }));
    }
    Ok(trials)
}

#[cfg(test)]
mod tests;
