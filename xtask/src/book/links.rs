//! The pages' relative links, rewritten for the book.
//!
//! On a forge a page links to `../crates/property/src/class_a.rs`, and the forge shows the
//! file. The book has no such file: it has the rustdoc of the workspace under `api/`, whose
//! module pages and `src/` views are better targets anyway. So the staged copy of a page (never
//! the page itself) gets each relative link resolved to a repository path and then sent to:
//!
//! - a page that is a chapter: that chapter (`docs/typing.md#x` → `typing.md#x`);
//! - a crate's directory or its `src/lib.rs`: the crate's rustdoc page;
//! - a module file (`src/a/b.rs`, `src/a/mod.rs`): the module's rustdoc page where rustdoc
//!   made one (a private module has none), else the file in rustdoc's source view;
//! - any link with a line anchor (`#L12`, `#L12-L20`, as forges write them): rustdoc's source
//!   view, whose anchors are the bare numbers (`#12`, `#12-20`);
//! - an image of the repository (a chart, `docs/performance/concurrency.svg`): the image
//!   itself, copied into the book at the same path, so that `![chart](…)` shows it;
//! - another file of the repository (a test, an example, `Cargo.toml`): a plain source page the
//!   build writes under `source/`, with the same line anchors.
//!
//! What matches none of these is left as written; `--check` reports it as a broken link.

use std::path::{Component, Path, PathBuf};

/// What the book holds, for deciding where a repository path goes.
pub trait Site {
    /// The staged Markdown name of the chapter made from this repository file, if any.
    fn chapter(&self, repo_path: &Path) -> Option<String>;
    /// Whether rustdoc wrote this file (relative to its output directory, `target/doc`).
    fn has_api_file(&self, doc_path: &str) -> bool;
    /// Whether this repository path is a file.
    fn is_repo_file(&self, repo_path: &Path) -> bool;
}

/// Where one link goes in the book, and what the build must write for it to land there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The new link, relative to the book's root (where every chapter is).
    pub href: String,
    /// The repository file the build writes into the book for this link, if any.
    pub needs: Option<Needs>,
}

/// A repository file the book must hold for a link to it to land.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Needs {
    /// Rendered as a source page under `source/` (code, configuration: text to read).
    SourcePage(PathBuf),
    /// Copied as it is to the same path (an image, which a browser shows itself).
    Copy(PathBuf),
}

/// The extensions of the files a browser shows as images, which the book copies rather than
/// renders as source.
const IMAGE_EXTENSIONS: [&str; 6] = ["svg", "png", "jpg", "jpeg", "gif", "webp"];

/// Whether a repository path names an image, by its extension.
pub fn is_image(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| IMAGE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// The book's target for a link written in the file at `from` (a repository path), or `None`
/// to leave it alone: absolute URLs, `#anchor`-only links and paths outside the repository.
pub fn resolve(site: &dyn Site, from: &Path, link: &str) -> Option<Target> {
    if link.is_empty() || link.starts_with('#') || link.starts_with('/') || link.contains(':') {
        return None;
    }
    let (path, fragment) = match link.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (link, None),
    };
    let repo_path = normalize(&from.parent().unwrap_or(Path::new("")).join(path))?;
    let fragment_suffix = fragment.map(|f| format!("#{f}")).unwrap_or_default();
    let plain = |href: String| Some(Target { href, needs: None });

    if let Some(chapter) = site.chapter(&repo_path) {
        return plain(format!("{chapter}{fragment_suffix}"));
    }
    if let Some(chapter) = site.chapter(&repo_path.join("README.md")) {
        return plain(format!("{chapter}{fragment_suffix}"));
    }
    let lines = fragment.map(line_anchor);
    let mut parts = repo_path.iter().map(|part| part.to_string_lossy());
    if parts.next().as_deref() == Some("crates")
        && let Some(krate) = parts.next()
    {
        let krate = krate.replace('-', "_");
        let rest: Vec<String> = parts.map(|part| part.into_owned()).collect();
        if let Some(href) = api_target(site, &krate, &rest, lines.as_ref()) {
            return plain(href);
        }
    }
    if site.is_repo_file(&repo_path) && is_image(&repo_path) {
        return Some(Target {
            href: format!("{}{fragment_suffix}", repo_path.display()),
            needs: Some(Needs::Copy(repo_path)),
        });
    }
    if site.is_repo_file(&repo_path) {
        let anchor = match lines {
            Some(Some(lines)) => format!("#{lines}"),
            _ => fragment_suffix,
        };
        return Some(Target {
            href: format!("source/{}.html{anchor}", repo_path.display()),
            needs: Some(Needs::SourcePage(repo_path)),
        });
    }
    None
}

/// The rustdoc page for a path inside a crate (`rest` after `crates/<crate>/`), if rustdoc
/// wrote one. `lines` is `None` without a fragment, `Some(None)` for a fragment that is not
/// a line anchor.
fn api_target(
    site: &dyn Site,
    krate: &str,
    rest: &[String],
    lines: Option<&Option<String>>,
) -> Option<String> {
    let found = |doc_path: String| {
        site.has_api_file(&doc_path)
            .then(|| format!("api/{doc_path}"))
    };
    let is_crate_root = rest.is_empty() || rest == ["src", "lib.rs"];
    if lines.is_none() {
        if is_crate_root && let Some(href) = found(format!("{krate}/index.html")) {
            return Some(href);
        }
        if let Some(module) = module_path(rest)
            && let Some(href) = found(format!("{krate}/{module}/index.html"))
        {
            return Some(href);
        }
    }
    let [src, file @ ..] = rest else { return None };
    if src != "src" || file.is_empty() {
        return None;
    }
    let view = found(format!("src/{krate}/{}.html", file.join("/")))?;
    Some(match lines {
        Some(Some(lines)) => format!("{view}#{lines}"),
        Some(None) | None => view,
    })
}

/// `src/a/b.rs` and `src/a/b/mod.rs` are module `a/b`; `src/lib.rs` and `src/main.rs` are no
/// module, since they are the crate.
fn module_path(rest: &[String]) -> Option<String> {
    let [src, file @ ..] = rest else { return None };
    let (last, dirs) = file.split_last()?;
    if src != "src" {
        return None;
    }
    let stem = last.strip_suffix(".rs")?;
    let mut parts: Vec<&str> = dirs.iter().map(String::as_str).collect();
    match stem {
        "mod" => {}
        "lib" | "main" if parts.is_empty() => return None,
        stem => parts.push(stem),
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// A forge's line anchor (`L12`, `L12-L20`) as rustdoc writes it (`12`, `12-20`); `None` for
/// any other fragment.
fn line_anchor(fragment: &str) -> Option<String> {
    fn number(text: &str) -> Option<&str> {
        let digits = text.strip_prefix('L')?;
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
    }
    match fragment.split_once('-') {
        Some((from, to)) => Some(format!("{}-{}", number(from)?, number(to)?)),
        None => number(fragment).map(str::to_string),
    }
}

/// `docs/../crates/x` → `crates/x`, lexically; `None` if the path climbs out of the root.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;
