//! Excerpts: a ```` ```rust ```` block whose line above is
//! `<!-- excerpt: crates/<crate>/src/<file>.rs#<region> -->` must equal that region of the
//! source ([`region`]), line for line but for `// ...` elisions ([`compare`]).
//!
//! A trial is named `<topic>::excerpt::<file>#<region>` (`#2` after a region shown twice),
//! so `check --list` shows which regions each page uses. A `rust` block without the marker is
//! not an excerpt; `xtask/tests/tidy.rs` refuses it.

pub mod compare;
pub mod region;

use std::path::{Component, PathBuf};

use libtest_mimic::{Completion, Failed};

use self::region::{Region, RegionError};
use super::{Blessing, Kind, bless_hint};
use crate::page::{Fence, Page, PageError};

/// The marker's opening, in the comment above the fence.
pub const MARKER: &str = "excerpt:";

/// One excerpt on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The page.
    pub path: PathBuf,
    /// The page's name, which the trial's name starts with (see [`Page::name`]).
    pub page: String,
    /// The topic whose page it is, which `bless <topic>` blesses; `None` on a page that is no
    /// topic's (the glossary), which `bless` without a topic blesses.
    pub topic: Option<&'static str>,
    /// The 1-based line of the marker.
    pub line: usize,
    /// The source file, relative to the workspace root.
    pub source: PathBuf,
    /// The region, or `None` for the whole file.
    pub region: Option<String>,
    /// The block's lines on the page.
    pub lines: Vec<String>,
    /// The 0-based line where they start.
    pub start: usize,
    /// The spaces the fence is indented by.
    pub indent: usize,
}

impl Block {
    /// `crates/x/src/y.rs#region`, as the marker writes it.
    pub fn target(&self) -> String {
        let source = self.source.display();
        match &self.region {
            Some(region) => format!("{source}#{region}"),
            None => source.to_string(),
        }
    }

    /// `docs/page.md:LINE`, the line of the marker.
    pub fn location(&self) -> String {
        format!("{}:{}", self.path.display(), self.line)
    }
}

/// The excerpt kind: where the sources are.
pub struct Excerpt {
    /// The workspace root.
    pub root: PathBuf,
}

/// The target a comment names, if it is an excerpt marker: `Err` if it is a malformed one.
pub fn marker(comment: &str) -> Option<Result<(PathBuf, Option<String>), String>> {
    let inner = comment.strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    let target = inner.strip_prefix(MARKER)?.trim();
    let (file, region) = match target.split_once('#') {
        Some((file, region)) => (file, Some(region.to_string())),
        None => (target, None),
    };
    let path = PathBuf::from(file);
    let inside = !file.is_empty()
        && path
            .components()
            .all(|part| matches!(part, Component::Normal(_)));
    Some(if !inside {
        Err(format!(
            "`{file}` is not a path from the workspace root, such as `crates/<crate>/src/<file>.rs`"
        ))
    } else if region
        .as_deref()
        .is_some_and(|r| !region::is_region_name(r))
    {
        Err(format!(
            "`{}` is not a region name: use lower-case letters, digits, `_` and `-`",
            region.unwrap_or_default()
        ))
    } else {
        Ok((path, region))
    })
}

impl Excerpt {
    /// The region a block names, or the error naming the page and the file.
    fn region(&self, block: &Block) -> Result<Region, String> {
        let target = block.target();
        let text = std::fs::read_to_string(self.root.join(&block.source)).map_err(|e| {
            format!(
                "{}: names {target}, but {} cannot be read ({e})",
                block.location(),
                block.source.display()
            )
        })?;
        region::extract(&text, block.region.as_deref()).map_err(|error| match error {
            RegionError::Missing(names) => format!(
                "{}: names {target}, but {} has no region `{}` (its regions: {}); mark one with `// ANCHOR: name` and `// ANCHOR_END: name`",
                block.location(),
                block.source.display(),
                block.region.as_deref().unwrap_or_default(),
                if names.is_empty() { "none".into() } else { names.join(", ") }
            ),
            RegionError::Malformed(line, message) => format!(
                "{}:{line}: {message} (the excerpt at {} reads this file)",
                block.source.display(),
                block.location()
            ),
        })
    }
}

impl Kind for Excerpt {
    type Block = Block;
    const LABEL: &'static str = "excerpt";

    fn find(page: &Page, fences: &[Fence]) -> Result<Vec<Block>, PageError> {
        let mut blocks = Vec::new();
        for fence in fences {
            let Some(target) = fence.comment.as_deref().and_then(marker) else {
                continue;
            };
            let comment_line = fence.line - 1;
            let (source, region) =
                target.map_err(|message| PageError::at(&page.path, comment_line, message))?;
            if !fence.is_rust() {
                return Err(PageError::at(
                    &page.path,
                    comment_line,
                    format!(
                        "an excerpt is a ```rust block, but this one is tagged `{}`",
                        fence.tag
                    ),
                ));
            }
            blocks.push(Block {
                path: page.path.clone(),
                page: page.name(),
                topic: page.topic(),
                line: comment_line,
                source,
                region,
                lines: fence.body.clone(),
                start: fence.body_start,
                indent: fence.indent,
            });
        }
        Ok(blocks)
    }

    fn name(block: &Block) -> String {
        format!("{}::excerpt::{}", block.page, block.target())
    }

    fn location(block: &Block) -> String {
        block.location()
    }

    fn topic(block: &Block) -> Option<&'static str> {
        block.topic
    }

    fn check(&self, block: &Block) -> Result<Completion, Failed> {
        let region = self.region(block)?;
        if compare::matches(&block.lines, &region.lines) {
            return Ok(Completion::Completed);
        }
        let diff = compare::diff(
            &block.lines,
            &region.lines,
            block.start + 1,
            &region.numbers,
        );
        let first = region.numbers.first().copied().unwrap_or(1);
        Err(format!(
            "{}: this excerpt differs from {} (from {}:{first}) (- page line, + source line):\n{diff}{}",
            block.location(),
            block.target(),
            block.source.display(),
            bless_hint("source", block.topic)
        )
        .into())
    }

    fn bless(&self, block: &Block) -> Blessing {
        let region = match self.region(block) {
            Ok(region) => region,
            Err(error) => return Blessing::Failed(error),
        };
        let blessed = compare::bless(&block.lines, &region.lines);
        Blessing::replacing(&block.lines, block.start, block.indent, blessed)
    }

    fn text(block: &Block) -> Vec<String> {
        block.lines.clone()
    }
}

#[cfg(test)]
mod tests;
