//! The `<!-- python: ITEM, ITEM -->` comment above a Python block, which says how to run it.
//!
//! Items: `continues` (run after the page's previous Python block, in one interpreter),
//! `extension` (imports the workspace's extension module, `pyideas`, which the check builds
//! and puts where `import` finds it), `status=N` (the exit status expected), `versions=SPEC` (the CPython versions it is for:
//! `3.X`, `3.X+` or `3.X-3.Y`, comma-separated) and `skip: REASON` (not run; the reason is the
//! rest of the comment, commas included). Since a version list is comma-separated too, an item
//! that is only a version (`3.13+`) continues the `versions=` before it.

use std::fmt;

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
                "`{item}` is not a python directive: the items are `continues`, `extension`, `status=N`, `versions=3.X+` and `skip: REASON`"
            ));
        }
    }
    Ok(directives)
}

/// A `(major, minor)` version of CPython.
pub type Version = (u32, u32);

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

/// `3.X`, `3.X+` or `3.X-3.Y`, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// The first version.
    pub from: Version,
    /// The last one, or `None` for every later one.
    pub to: Option<Version>,
}

impl Range {
    fn parse(spec: &str) -> Result<Range, String> {
        let bad =
            || format!("`{spec}` is not a version range: write `3.11`, `3.12+` or `3.9-3.11`");
        let version = |text: &str| -> Result<Version, String> {
            let (major, minor) = text.trim().split_once('.').ok_or_else(bad)?;
            Ok((
                major.parse().map_err(|_| bad())?,
                minor.parse().map_err(|_| bad())?,
            ))
        };
        let spec = spec.trim();
        let range = if let Some(from) = spec.strip_suffix('+') {
            Range {
                from: version(from)?,
                to: None,
            }
        } else if let Some((from, to)) = spec.split_once('-') {
            Range {
                from: version(from)?,
                to: Some(version(to)?),
            }
        } else {
            let only = version(spec)?;
            Range {
                from: only,
                to: Some(only),
            }
        };
        if range.to.is_some_and(|to| to < range.from) {
            return Err(bad());
        }
        Ok(range)
    }

    fn contains(&self, version: Version) -> bool {
        version >= self.from && self.to.is_none_or(|to| version <= to)
    }
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (major, minor) = self.from;
        match self.to {
            None => write!(f, "{major}.{minor}+"),
            Some(to) if to == self.from => write!(f, "{major}.{minor}"),
            Some((to_major, to_minor)) => write!(f, "{major}.{minor}-{to_major}.{to_minor}"),
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
            read("<!-- python: continues, extension, status=3, versions=3.11, 3.13+ -->").unwrap();
        assert!(directives.continues && directives.extension);
        assert_eq!(directives.status, Some(3));
        let versions = directives.versions.unwrap();
        assert_eq!(versions.to_string(), "3.11, 3.13+");
        assert!(versions.contains((3, 11)) && versions.contains((3, 14)));
        assert!(!versions.contains((3, 12)) && !versions.contains((3, 10)));
    }

    #[test]
    fn a_version_range_is_inclusive() {
        let versions = read("<!-- python: versions=3.9-3.11 -->")
            .unwrap()
            .versions
            .unwrap();
        assert!(versions.contains((3, 9)) && versions.contains((3, 11)));
        assert!(!versions.contains((3, 8)) && !versions.contains((3, 12)));
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
