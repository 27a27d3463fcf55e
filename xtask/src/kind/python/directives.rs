//! The `<!-- python: ITEM, ITEM -->` comment above a Python block, which says how to run it.
//!
//! Items: `continues` (run after the page's previous Python block, in one interpreter),
//! `status=N` (the exit status expected), `versions=SPEC` (the CPython versions it is for:
//! `3.X`, `3.X+` or `3.X-3.Y`, comma-separated, either end down to a patch release: `3.12.3+`,
//! `3.12.0-3.12.2`), `free-threaded` or `gil` (the build it is for: free-threaded, as
//! `sysconfig.get_config_var("Py_GIL_DISABLED") == 1` says, or with the GIL) and
//! `skip: REASON` (not run; the reason is the rest of the comment, commas included). Since a
//! version list is comma-separated too, an item that is only a version (`3.13+`) continues the
//! `versions=` before it. [`Directives::refusal`] says whether an interpreter passes the gates.

use std::fmt;

/// What a block's comment says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directives {
    /// Runs after the page's previous Python block, in its namespace.
    pub continues: bool,
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
                "`{item}` is not a python directive: the items are `continues`, `status=N`, `versions=3.X+`, `free-threaded`, `gil` and `skip: REASON`"
            ));
        }
    }
    Ok(directives)
}

/// A CPython version, `sys.version_info[:3]`: `(major, minor, micro)`.
pub type Version = (u32, u32, u32);

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
            Build::FreeThreaded => "a free-threaded build",
            Build::Gil => "a build with the GIL",
        })
    }
}

/// `CPython 3.11.7`, or `CPython 3.14.0 (free-threaded)`: an interpreter as the gates see it.
pub fn interpreter_name(version: Version, free_threaded: bool) -> String {
    let (major, minor, micro) = version;
    let build = if free_threaded {
        " (free-threaded)"
    } else {
        ""
    };
    format!("CPython {major}.{minor}.{micro}{build}")
}

impl Directives {
    /// Why the block does not run under CPython `version`, free-threaded or not: the gate it
    /// fails and the interpreter (`for CPython 3.14+, not CPython 3.11.7`); `None` if its
    /// gates admit it. A `skip:` is no gate: it is not looked at here.
    pub fn refusal(&self, version: Version, free_threaded: bool) -> Option<String> {
        let name = || interpreter_name(version, free_threaded);
        if let Some(versions) = self.versions.as_ref().filter(|v| !v.contains(version)) {
            return Some(format!("for CPython {versions}, not {}", name()));
        }
        let build = self.build.filter(|build| !build.admits(free_threaded))?;
        Some(format!("for {build} of CPython, not {}", name()))
    }
}

/// The versions a block is for: any of its ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versions(pub Vec<Range>);

impl Versions {
    /// Whether `version` is one of them.
    pub fn contains(&self, version: Version) -> bool {
        self.0.iter().any(|range| range.contains(version))
    }
}

impl fmt::Display for Versions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ranges: Vec<String> = self.0.iter().map(Range::to_string).collect();
        write!(f, "{}", ranges.join(", "))
    }
}

/// One end of a range as written: `3.12` (every patch release of it) or `3.12.3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Release {
    /// `(major, minor)`.
    pub minor: (u32, u32),
    /// The patch release, if the end names one.
    pub micro: Option<u32>,
}

impl Release {
    /// The first version this end stands for: `3.12` starts at `3.12.0`.
    fn first(self) -> Version {
        (self.minor.0, self.minor.1, self.micro.unwrap_or(0))
    }

    /// The last version this end stands for: `3.12` ends after every `3.12.N`.
    fn last(self) -> Version {
        (self.minor.0, self.minor.1, self.micro.unwrap_or(u32::MAX))
    }
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (major, minor) = self.minor;
        write!(f, "{major}.{minor}")?;
        match self.micro {
            Some(micro) => write!(f, ".{micro}"),
            None => Ok(()),
        }
    }
}

/// `3.X`, `3.X+` or `3.X-3.Y`, inclusive; either end may name a patch release (`3.12.3+`,
/// `3.12.0-3.12.2`), where the truth changed within a minor version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// The first release.
    pub from: Release,
    /// The last one, or `None` for every later one.
    pub to: Option<Release>,
}

impl Range {
    fn parse(spec: &str) -> Result<Range, String> {
        let bad = || {
            format!(
                "`{spec}` is not a version range: write `3.11`, `3.12+`, `3.9-3.11`, \
                 `3.12.3+` or `3.12.0-3.12.2`"
            )
        };
        let release = |text: &str| -> Result<Release, String> {
            let numbers: Vec<u32> = text
                .trim()
                .split('.')
                .map(|n| n.parse().map_err(|_| bad()))
                .collect::<Result<_, _>>()?;
            match numbers.as_slice() {
                [major, minor] => Ok(Release {
                    minor: (*major, *minor),
                    micro: None,
                }),
                [major, minor, micro] => Ok(Release {
                    minor: (*major, *minor),
                    micro: Some(*micro),
                }),
                _ => Err(bad()),
            }
        };
        let spec = spec.trim();
        let range = if let Some(from) = spec.strip_suffix('+') {
            Range {
                from: release(from)?,
                to: None,
            }
        } else if let Some((from, to)) = spec.split_once('-') {
            Range {
                from: release(from)?,
                to: Some(release(to)?),
            }
        } else {
            let only = release(spec)?;
            Range {
                from: only,
                to: Some(only),
            }
        };
        if range.to.is_some_and(|to| to.last() < range.from.first()) {
            return Err(bad());
        }
        Ok(range)
    }

    fn contains(&self, version: Version) -> bool {
        version >= self.from.first() && self.to.is_none_or(|to| version <= to.last())
    }
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to {
            None => write!(f, "{}+", self.from),
            Some(to) if to == self.from => write!(f, "{}", self.from),
            Some(to) => write!(f, "{}-{to}", self.from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(comment: &str) -> Result<Directives, String> {
        parse(comment).expect("a python comment")
    }

    #[test]
    fn other_comments_are_not_directives() {
        assert_eq!(parse("<!-- excerpt: crates/x/src/lib.rs -->"), None);
        assert_eq!(parse("<!-- a note -->"), None);
    }

    #[test]
    fn every_item_is_read() {
        let directives =
            read("<!-- python: continues, status=3, versions=3.11, 3.13+ -->").unwrap();
        assert!(directives.continues);
        assert_eq!(directives.status, Some(3));
        let versions = directives.versions.unwrap();
        assert_eq!(versions.to_string(), "3.11, 3.13+");
        assert!(versions.contains((3, 11, 7)) && versions.contains((3, 14, 0)));
        assert!(!versions.contains((3, 12, 1)) && !versions.contains((3, 10, 13)));
    }

    #[test]
    fn a_version_range_is_inclusive() {
        let versions = read("<!-- python: versions=3.9-3.11 -->")
            .unwrap()
            .versions
            .unwrap();
        assert!(versions.contains((3, 9, 0)) && versions.contains((3, 11, 99)));
        assert!(!versions.contains((3, 8, 18)) && !versions.contains((3, 12, 0)));
    }

    #[test]
    fn a_patch_release_bounds_a_range_within_a_minor_version() {
        let versions = |comment| read(comment).unwrap().versions.unwrap();
        let later = versions("<!-- python: versions=3.12.3+ -->");
        assert!(!later.contains((3, 12, 2)) && !later.contains((3, 11, 9)));
        assert!(later.contains((3, 12, 3)) && later.contains((3, 13, 0)));
        let early = versions("<!-- python: versions=3.12.0-3.12.2 -->");
        assert!(early.contains((3, 12, 0)) && early.contains((3, 12, 2)));
        assert!(!early.contains((3, 12, 3)) && !early.contains((3, 11, 7)));
        let one = versions("<!-- python: versions=3.12.1 -->");
        assert!(one.contains((3, 12, 1)) && !one.contains((3, 12, 2)));
    }

    #[test]
    fn patch_and_minor_ends_mix() {
        let versions = read("<!-- python: versions=3.9-3.12.2, 3.13.1+ -->")
            .unwrap()
            .versions
            .unwrap();
        assert_eq!(versions.to_string(), "3.9-3.12.2, 3.13.1+");
        assert!(versions.contains((3, 9, 0)) && versions.contains((3, 12, 2)));
        assert!(!versions.contains((3, 12, 3)) && !versions.contains((3, 13, 0)));
        assert!(versions.contains((3, 13, 1)) && versions.contains((3, 15, 0)));
        let minor_last = read("<!-- python: versions=3.12.3-3.13 -->")
            .unwrap()
            .versions
            .unwrap();
        assert!(minor_last.contains((3, 13, 9)) && !minor_last.contains((3, 14, 0)));
        assert!(!minor_last.contains((3, 12, 2)));
    }

    #[test]
    fn a_build_gate_admits_only_its_build() {
        let free = read("<!-- python: free-threaded -->").unwrap();
        assert_eq!(free.build, Some(Build::FreeThreaded));
        assert_eq!(free.refusal((3, 14, 0), true), None);
        assert_eq!(
            free.refusal((3, 11, 7), false).as_deref(),
            Some("for a free-threaded build of CPython, not CPython 3.11.7")
        );
        let gil = read("<!-- python: gil -->").unwrap();
        assert_eq!(gil.refusal((3, 11, 7), false), None);
        assert_eq!(
            gil.refusal((3, 14, 0), true).as_deref(),
            Some("for a build with the GIL of CPython, not CPython 3.14.0 (free-threaded)")
        );
    }

    #[test]
    fn a_refusal_names_the_gate_and_the_interpreter() {
        let both = read("<!-- python: versions=3.14+, free-threaded -->").unwrap();
        assert_eq!(
            both.refusal((3, 13, 0), true).as_deref(),
            Some("for CPython 3.14+, not CPython 3.13.0 (free-threaded)")
        );
        assert_eq!(
            both.refusal((3, 14, 0), false).as_deref(),
            Some("for a free-threaded build of CPython, not CPython 3.14.0")
        );
        assert_eq!(both.refusal((3, 14, 2), true), None);
        let patch = read("<!-- python: versions=3.12.3+ -->").unwrap();
        assert_eq!(
            patch.refusal((3, 12, 1), false).as_deref(),
            Some("for CPython 3.12.3+, not CPython 3.12.1")
        );
        assert_eq!(Directives::default().refusal((3, 9, 18), false), None);
    }

    #[test]
    fn skip_takes_the_rest_of_the_comment_as_its_reason() {
        let directives = read("<!-- python: continues, skip: needs Windows, or WSL -->").unwrap();
        assert!(directives.continues);
        assert_eq!(directives.skip.as_deref(), Some("needs Windows, or WSL"));
    }

    #[test]
    fn malformed_items_say_what_to_write() {
        let cases = [
            ("<!-- python: status=one -->", "not an exit status"),
            ("<!-- python: versions=3 -->", "not a version range"),
            ("<!-- python: versions=3.12-3.9 -->", "not a version range"),
            (
                "<!-- python: versions=3.12.3-3.12.2 -->",
                "not a version range",
            ),
            ("<!-- python: versions=3.12.3.1 -->", "not a version range"),
            ("<!-- python: versions=3.12.x+ -->", "not a version range"),
            ("<!-- python: free-threaded, gil -->", "admit no build"),
            ("<!-- python: freethreaded -->", "not a python directive"),
            ("<!-- python: contines -->", "not a python directive"),
            ("<!-- python: 3.12+ -->", "not a python directive"),
            ("<!-- python: skip: -->", "needs its reason"),
        ];
        for (comment, words) in cases {
            let error = read(comment).unwrap_err();
            assert!(error.contains(words), "{comment}: {error}");
        }
    }
}
