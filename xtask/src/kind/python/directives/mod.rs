//! The `<!-- python: ITEM, ITEM -->` comment above a Python block, which says how to run it.
//!
//! Items: `continues` (run after the page's previous Python block, in one interpreter),
//! `extension` (imports the workspace's extension module, `pyideas`, which the check builds
//! and puts where `import` finds it), `status=N` (the exit status expected), `versions=SPEC` (the CPython versions it is for:
//! `3.X`, `3.X+` or `3.X-3.Y`, comma-separated, either end down to a patch release: `3.12.3+`,
//! `3.12.0-3.12.2`), `free-threaded` or `gil` (the build it is for: free-threaded, as
//! `sysconfig.get_config_var("Py_GIL_DISABLED") == 1` says, or with the GIL) and
//! `skip: REASON` (not run; the reason is the rest of the comment, commas included). Since a
//! version list is comma-separated too, an item that is only a version (`3.13+`) continues the
//! `versions=` before it. [`Directives::refusal`] says whether an interpreter passes the gates.

//!
//! # Layout
//!
//! - [`versions`]: the ranges of `versions=`, down to a patch release, and what they contain.

pub mod versions;

use ::python::Interpreter;
use std::fmt;

pub use self::versions::{Range, Release, Version, Versions};

/// What a block's comment says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directives {
    /// Runs after the page's previous Python block, in its namespace.
    pub continues: bool,
    /// Imports the extension module (`crates/pyideas`), built for the run.
    pub extension: bool,
    /// The exit status expected, if the page gives one.
    pub status: Option<i32>,
    /// The versions the block is for, if not every one.
    pub versions: Option<Versions>,
    /// The build the block is for (free-threaded, or with the GIL), if not either.
    pub build: Option<Build>,
    /// Why the block is not run, if it is not.
    pub skip: Option<String>,
}

/// The directives in a fence's comment: `None` if it is not a `python:` comment.
pub fn parse(comment: &str) -> Option<Result<Directives, String>> {
    let inner = comment.strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    let items = inner.strip_prefix("python:")?;
    Some(parse_items(items))
}

fn parse_items(items: &str) -> Result<Directives, String> {
    let mut directives = Directives::default();
    let (items, skip) = match items.split_once("skip:") {
        Some((before, reason)) => (before, Some(reason.trim())),
        None => (items, None),
    };
    if let Some(reason) = skip {
        if reason.is_empty() {
            return Err("`skip:` needs its reason: `skip: needs Windows`, say".into());
        }
        directives.skip = Some(reason.to_string());
    }
    let mut last_was_versions = false;
    for item in items
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
    {
        if item == "continues" {
            directives.continues = true;
            last_was_versions = false;
        } else if item == "extension" {
            directives.extension = true;
            last_was_versions = false;
        } else if let Some(status) = item.strip_prefix("status=") {
            let status = status
                .parse()
                .map_err(|_| format!("`{item}` is not an exit status: write `status=3`, say"))?;
            directives.status = Some(status);
            last_was_versions = false;
        } else if let Some(build) = match item {
            "free-threaded" => Some(Build::FreeThreaded),
            "gil" => Some(Build::Gil),
            _ => None,
        } {
            if directives.build.is_some_and(|given| given != build) {
                return Err("`free-threaded` and `gil` together admit no build: give one".into());
            }
            directives.build = Some(build);
            last_was_versions = false;
        } else if let Some(spec) = item.strip_prefix("versions=") {
            if directives.versions.is_some() {
                return Err("`versions=` is given twice: list every version in one".into());
            }
            directives.versions = Some(Versions(vec![Range::parse(spec)?]));
            last_was_versions = true;
        } else if let (true, Ok(range)) = (last_was_versions, Range::parse(item)) {
            if let Some(versions) = &mut directives.versions {
                versions.0.push(range);
            }
        } else {
            return Err(format!(
                "`{item}` is not a python directive: the items are `continues`, `extension`, `status=N`, `versions=3.X+`, `free-threaded`, `gil` and `skip: REASON`"
            ));
        }
    }
    Ok(directives)
}

/// Which builds of CPython a block is for: `free-threaded` (`Py_GIL_DISABLED`, the `python3.Nt`
/// of PEP 703 and PEP 779) or `gil` (the default build, the only one before 3.13).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    /// Only a free-threaded build.
    FreeThreaded,
    /// Only a build with the GIL.
    Gil,
}

impl Build {
    fn admits(self, free_threaded: bool) -> bool {
        free_threaded == (self == Build::FreeThreaded)
    }
}

impl fmt::Display for Build {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Build::FreeThreaded => "a free-threaded CPython",
            Build::Gil => "a CPython with the GIL",
        })
    }
}

impl Directives {
    /// Why the block does not run under `interpreter`: the gate it fails and the interpreter
    /// (`for CPython 3.14+, not CPython 3.11.7`); `None` if its gates admit it. A `skip:` is
    /// no gate: it is not looked at here.
    pub fn refusal(&self, interpreter: &Interpreter) -> Option<String> {
        let versions = self.versions.as_ref();
        if let Some(versions) = versions.filter(|v| !v.contains(interpreter.version)) {
            return Some(format!(
                "for CPython {versions}, not {}",
                interpreter.name()
            ));
        }
        let build = self
            .build
            .filter(|build| !build.admits(interpreter.free_threaded))?;
        Some(format!("for {build}, not {}", interpreter.name()))
    }
}

#[cfg(test)]
mod tests;
