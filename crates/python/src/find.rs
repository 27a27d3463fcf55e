//! Every CPython the machine offers ([`find_all`]), each [`probe`]d.
//!
//! `cargo test`'s comparisons, `cargo xtask check` and `demo --python`, the bench and CI's
//! loop over versions all find interpreters through this crate, so that they agree on which
//! Python they mean.
//!
//! [`find_all`] looks, in this order, at `XTASK_PYTHON`, at `python3`, `python3.N` and
//! `python3.Nt` in every directory on `PATH`, and at pyenv's versions
//! (`$PYENV_ROOT/versions/*/bin/python3*`, `~/.pyenv` without `PYENV_ROOT`, which is what
//! `pyenv root` prints). The same executable found twice (pyenv's `python3` shim runs one of
//! pyenv's versions) is one interpreter, listed with every way it was found.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::INTERPRETER;
use crate::probe::{Interpreter, PROBE_TIMEOUT, probe};

/// The oldest CPython the pages and the comparisons are written for: an older one is listed
/// by [`find_all`], but left out of [`Lookup::supported`].
pub const OLDEST: (u32, u32) = (3, 9);

/// One interpreter found, with every way it was found (`python3 on PATH`, `pyenv 3.11.7`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// What it is.
    pub interpreter: Interpreter,
    /// How it was found, in the order of the lookup.
    pub found_as: Vec<String>,
}

/// A candidate that did not start as a CPython 3, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    /// How it was found.
    pub found_as: String,
    /// Why it cannot be used.
    pub reason: String,
}

/// Every CPython the machine offers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lookup {
    /// The interpreters, oldest version first (a free-threaded build after the default one).
    pub found: Vec<Found>,
    /// The candidates that did not start. A pyenv shim with no version behind it
    /// (`python3.12` when 3.12 is installed but not selected) is not among them: the
    /// version itself is found under pyenv's versions.
    pub unusable: Vec<Unusable>,
}

impl Lookup {
    /// The interpreters of [`OLDEST`] and later, which the pages and comparisons are for.
    pub fn supported(&self) -> impl Iterator<Item = &Found> {
        self.found
            .iter()
            .filter(|found| found.interpreter.minor() >= OLDEST)
    }
}

/// Every CPython the machine offers (see the module's docs for where it looks).
pub fn find_all() -> Lookup {
    let mut lookup = Lookup::default();
    let mut by_program: BTreeMap<PathBuf, usize> = BTreeMap::new();
    for (found_as, program, asked_for) in candidates() {
        match probe(&program, PROBE_TIMEOUT) {
            Ok(interpreter) => {
                let key = std::fs::canonicalize(&interpreter.program)
                    .unwrap_or_else(|_| interpreter.program.clone());
                match by_program.get(&key) {
                    Some(&index) => lookup.found[index].found_as.push(found_as),
                    None => {
                        by_program.insert(key, lookup.found.len());
                        lookup.found.push(Found {
                            interpreter,
                            found_as: vec![found_as],
                        });
                    }
                }
            }
            Err(reason) if asked_for || !reason.contains("(status 127)") => {
                lookup.unusable.push(Unusable { found_as, reason });
            }
            Err(_) => {}
        }
    }
    lookup.found.sort_by_key(|found| {
        let interpreter = &found.interpreter;
        (interpreter.version, interpreter.free_threaded)
    });
    lookup
}

/// Where to look, in order: how each was found, the program, and whether it was asked for
/// by name (`XTASK_PYTHON`, `python3`), whose failure to start is always reported.
fn candidates() -> Vec<(String, PathBuf, bool)> {
    let mut candidates = Vec::new();
    if let Some(named) = std::env::var_os(INTERPRETER).filter(|name| !name.is_empty()) {
        let program = PathBuf::from(named);
        candidates.push((
            format!("{INTERPRETER}={}", program.display()),
            program,
            true,
        ));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs: Vec<PathBuf> = std::env::split_paths(&path).collect();
    if let Some(dir) = dirs.iter().find(|dir| dir.join("python3").is_file()) {
        let program = dir.join("python3");
        candidates.push((
            format!("python3 on PATH ({})", program.display()),
            program,
            true,
        ));
    }
    let mut versioned: BTreeMap<(u32, bool), PathBuf> = BTreeMap::new();
    for dir in &dirs {
        for (key, program) in versioned_pythons(dir) {
            // The first on PATH is the one the name runs.
            versioned.entry(key).or_insert(program);
        }
    }
    for program in versioned.into_values() {
        let name = program.file_name().unwrap_or_default().to_string_lossy();
        let found_as = format!("{name} on PATH ({})", program.display());
        candidates.push((found_as, program, false));
    }
    for (version, program) in pyenv_versions() {
        candidates.push((
            format!("pyenv {version} ({})", program.display()),
            program,
            false,
        ));
    }
    candidates
}

/// The `python3.N` and `python3.Nt` in `dir`, by `(N, free-threaded)`.
fn versioned_pythons(dir: &Path) -> Vec<((u32, bool), PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<((u32, bool), PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let minor = name.strip_prefix("python3.")?;
            let (minor, free_threaded) = match minor.strip_suffix('t') {
                Some(minor) => (minor, true),
                None => (minor, false),
            };
            let minor: u32 = minor.parse().ok()?;
            let path = entry.path();
            path.is_file().then_some(((minor, free_threaded), path))
        })
        .collect();
    found.sort();
    found
}

/// pyenv's versions: each `versions/<name>/bin/python3`, and its `python3.Nt` if it has one,
/// under `PYENV_ROOT` (or `~/.pyenv`, which is what `pyenv root` prints without it), each
/// with the version's name.
fn pyenv_versions() -> Vec<(String, PathBuf)> {
    let root = std::env::var_os("PYENV_ROOT")
        .filter(|root| !root.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".pyenv")));
    let Some(versions) = root.map(|root| root.join("versions")) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(&versions) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    names.sort();
    let mut found = Vec::new();
    for name in names {
        let bin = versions.join(&name).join("bin");
        let python3 = bin.join("python3");
        if python3.is_file() {
            found.push((name.clone(), python3));
        }
        let free_threaded = versioned_pythons(&bin)
            .into_iter()
            .filter(|((_, free_threaded), _)| *free_threaded);
        for (_, program) in free_threaded {
            found.push((name.clone(), program));
        }
    }
    found
}
