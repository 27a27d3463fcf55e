//! The CPython versions a block is for: `versions=3.9-3.11, 3.12.3+`, ranges whose ends are a
//! minor version (every patch release of it) or a patch release.

use std::fmt;

/// A CPython version, `sys.version_info[:3]`: `(major, minor, micro)`.
pub type Version = (u32, u32, u32);

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
    pub(super) fn parse(spec: &str) -> Result<Range, String> {
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
