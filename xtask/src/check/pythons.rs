//! `cargo xtask check --pythons`: every CPython the machine offers (the `python` crate's
//! one lookup), and for each the Python blocks it runs and the ones its version gates away;
//! `--paths` prints only the interpreters the pages are written for, one path a line, for
//! CI's loop over versions.
//!
//! Nothing is run but each interpreter's probe: a block counts as run where its directives
//! let this interpreter run it, as the check decides it ([`Python::runnable`]).

use std::path::Path;
use std::time::Duration;

use python::{Found, Lookup, OLDEST};

use super::Blocks;
use crate::kind;
use crate::kind::python::{Block, Python};
use crate::page;

/// Lists what [`python::find_all`] finds, with what each interpreter runs of the pages.
pub fn run(root: &Path, paths_only: bool, timeout: Duration) -> Result<String, String> {
    let lookup = python::find_all();
    if paths_only {
        let paths = lookup
            .supported()
            .map(|found| found.interpreter.program.display());
        return Ok(paths.map(|path| format!("{path}\n")).collect());
    }
    let pages = page::read_pages(root)?;
    let blocks = Blocks::of(&pages).pythons;
    Ok(listing(&lookup, &blocks, timeout))
}

/// The listing: the blocks skipped everywhere, then each interpreter with the blocks it runs
/// and the ones gated away from it, then the candidates that did not start.
pub fn listing(lookup: &Lookup, blocks: &[Block], timeout: Duration) -> String {
    let names = kind::names::<Python>(blocks);
    let mut text = format!(
        "{} Python blocks in the pages; CPython interpreters found (XTASK_PYTHON, python3, \
         python3.N and python3.Nt on PATH, pyenv's versions): {}\n",
        blocks.len(),
        lookup.found.len()
    );
    let skipped: Vec<String> = blocks
        .iter()
        .zip(&names)
        .filter_map(|(block, name)| {
            let reason = block.directives.skip.as_ref()?;
            Some(format!("    {name}: {reason}\n"))
        })
        .collect();
    if !skipped.is_empty() {
        text.push_str(&format!(
            "skipped under every interpreter ({}):\n{}",
            skipped.len(),
            skipped.concat()
        ));
    }
    for found in &lookup.found {
        text.push('\n');
        text.push_str(&interpreter(found, blocks, &names, timeout));
    }
    if !lookup.unusable.is_empty() {
        text.push_str("\nfound, but not usable:\n");
        for unusable in &lookup.unusable {
            let reason = unusable.reason.lines().next().unwrap_or_default();
            text.push_str(&format!("  {}: {reason}\n", unusable.found_as));
        }
    }
    text
}

/// One interpreter's part of the listing.
fn interpreter(found: &Found, blocks: &[Block], names: &[String], timeout: Duration) -> String {
    let interpreter = &found.interpreter;
    let mut text = format!(
        "{}: {}\n  found as: {}\n",
        interpreter.name(),
        interpreter.program.display(),
        found.found_as.join("; ")
    );
    if interpreter.minor() < OLDEST {
        let (major, minor) = OLDEST;
        text.push_str(&format!(
            "  older than CPython {major}.{minor}, which the pages are written for: not used\n"
        ));
        return text;
    }
    // As `cargo xtask check` runs the blocks: with the extension module (nothing is built
    // for a listing; only whether a block may run is asked).
    let python = Python::with_interpreter(interpreter.clone(), timeout)
        .with_extension(Some(crate::workspace_root()));
    let mut runs = 0;
    let mut gated = Vec::new();
    for (block, name) in blocks.iter().zip(names) {
        match python.runnable(block) {
            Ok(_) => runs += 1,
            Err(_) if block.directives.skip.is_some() => {}
            Err(reason) => gated.push(format!("    {name}: {reason}\n")),
        }
    }
    text.push_str(&format!(
        "  runs {runs} of {} blocks; gated away: {}\n{}",
        blocks.len(),
        gated.len(),
        gated.concat()
    ));
    text
}
