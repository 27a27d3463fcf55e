//! A real recursive walk: a directory is a tree whose branches are directories.
//!
//! The Python one-liner is `os.walk` (itself recursive, until Python 3.12 made it a loop).
//! Here it is written out: list a directory, and for each subdirectory, walk it, one level
//! deeper. Two choices keep it honest. Entries are sorted by name, because `read_dir` returns
//! them in whatever order the file system keeps; and symbolic links are listed but never
//! followed, because a link to a parent directory would make the recursion endless.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// What a directory entry is. Links are not followed, so a link is neither file nor directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A directory: the walk goes into it.
    Dir,
    /// A regular file (or anything else that is not a directory or a link).
    File,
    /// A symbolic link, listed and not followed.
    Symlink,
}

/// One entry found by the walk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The path relative to the walk's root.
    pub path: PathBuf,
    /// How many directories down: 1 for the root's own entries.
    pub depth: usize,
    /// What the entry is.
    pub kind: Kind,
}

/// Walks `root` recursively, returning every entry below it in sorted pre-order: each
/// directory is followed at once by its own contents.
///
/// ```
/// use recursion::walk::{walk, Kind};
///
/// let root = tempfile::tempdir()?;
/// std::fs::create_dir_all(root.path().join("a/b"))?;
/// std::fs::write(root.path().join("a/b/deep.txt"), "")?;
/// std::fs::write(root.path().join("top.txt"), "")?;
///
/// let entries = walk(root.path())?;
/// let shown: Vec<_> = entries.iter().map(|e| (e.path.to_str().unwrap(), e.depth)).collect();
/// assert_eq!(shown, [("a", 1), ("a/b", 2), ("a/b/deep.txt", 3), ("top.txt", 1)]);
/// assert_eq!(entries[0].kind, Kind::Dir);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn walk(root: &Path) -> Result<Vec<Entry>, WalkError> {
    let mut entries = Vec::new();
    walk_into(root, Path::new(""), 1, &mut entries)?;
    Ok(entries)
}

// ANCHOR: walk_into
fn walk_into(
    root: &Path,
    relative: &Path,
    depth: usize,
    entries: &mut Vec<Entry>,
) -> Result<(), WalkError> {
    let dir = root.join(relative);
    let error = |source| WalkError {
        path: dir.clone(),
        source,
    };
    let mut children = Vec::new();
    for child in std::fs::read_dir(&dir).map_err(error)? {
        let child = child.map_err(error)?;
        // `DirEntry::file_type` does not follow links: a link to `..` stays a link.
        let file_type = child.file_type().map_err(error)?;
        let kind = if file_type.is_symlink() {
            Kind::Symlink
        } else if file_type.is_dir() {
            Kind::Dir
        } else {
            Kind::File
        };
        children.push((child.file_name(), kind));
    }
    children.sort();
    for (name, kind) in children {
        let path = relative.join(name);
        entries.push(Entry {
            path: path.clone(),
            depth,
            kind,
        });
        if kind == Kind::Dir {
            walk_into(root, &path, depth + 1, entries)?;
        }
    }
    Ok(())
}
// ANCHOR_END: walk_into

/// The deepest entry's depth: 0 for an empty directory.
pub fn max_depth(entries: &[Entry]) -> usize {
    entries.iter().map(|entry| entry.depth).max().unwrap_or(0)
}

/// A directory the walk could not read, and why.
#[derive(Debug)]
pub struct WalkError {
    /// The directory being read.
    pub path: PathBuf,
    /// What the operating system said.
    pub source: io::Error,
}

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot walk {}: {}", self.path.display(), self.source)
    }
}

impl std::error::Error for WalkError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn entries_are_sorted_whatever_the_creation_order() {
        let root = tempfile::tempdir().unwrap();
        for name in ["c", "a", "b"] {
            fs::write(root.path().join(name), "").unwrap();
        }
        let names: Vec<_> = walk(root.path())
            .unwrap()
            .into_iter()
            .map(|e| e.path)
            .collect();
        assert_eq!(names, [Path::new("a"), Path::new("b"), Path::new("c")]);
    }

    #[test]
    fn a_link_to_the_parent_is_listed_not_followed() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir(root.path().join("sub")).unwrap();
        std::os::unix::fs::symlink("..", root.path().join("sub/up")).unwrap();
        let entries = walk(root.path()).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].kind, Kind::Symlink);
        assert_eq!(max_depth(&entries), 2);
    }

    #[test]
    fn a_missing_root_is_an_error_naming_it() {
        let root = tempfile::tempdir().unwrap();
        let missing = root.path().join("nope");
        let error = walk(&missing).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with(&format!("cannot walk {}", missing.display()))
        );
        assert_eq!(max_depth(&[]), 0);
    }
}
