//! The one Markdown reader: the page checks ([`crate::page`]), the book's staging
//! ([`crate::book`]) and the link tests read the fenced blocks, headings and links of a file
//! through it. It is pulldown-cmark, the parser mdBook renders the book with, with the
//! extensions GitHub and mdBook both read (tables, footnotes, strikethrough, task lists), so
//! what it calls a block or a heading is what a reader sees as one, in a list item or not.
//!
//! Each thing it finds carries its place in the source (byte ranges, 0-based lines), so that
//! a caller rewrites a file in place, leaving every other byte as it is, and reports a
//! `file:line`; `places.rs` finds those places, where pulldown-cmark's events give only a
//! whole range (a link's destination inside `[text](dest)`, a fence's closing line).

mod places;

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use self::places::{LineStarts, OpenHeading, definition, fence, inline};

/// What a Markdown file holds, in source order within each kind.
#[derive(Debug, Clone, Default)]
pub struct Markdown<'a> {
    /// Its fenced code blocks.
    pub fences: Vec<Fence<'a>>,
    /// Its indented code blocks, as the 0-based lines they span.
    pub indented: Vec<Range<usize>>,
    /// Its headings.
    pub headings: Vec<Heading<'a>>,
    /// Its link destinations: inline links' and images' and reference definitions'.
    pub links: Vec<Link<'a>>,
}

/// A fenced code block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fence<'a> {
    /// The info string, trimmed: `rust,ignore`, `python extra`, or empty.
    pub info: &'a str,
    /// Where the info string is in the source (empty, after the fence, when there is none).
    pub info_range: Range<usize>,
    /// The fence's character, `` ` `` or `~`, and how many of it open the block.
    pub marker: (char, usize),
    /// The 0-based line of the opening fence.
    pub open: usize,
    /// The 0-based line of the closing fence; `None` if there is none, and the block runs
    /// to the end of the file (or of the list item or quote it is in) up to `last`.
    pub close: Option<usize>,
    /// The 0-based last line of the block, its closing fence if it has one.
    pub last: usize,
}

/// A heading, ATX (`## Title`) or setext (`Title` over `---`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading<'a> {
    /// 1 for `#`, 2 for `##`, ...
    pub level: usize,
    /// Its text as written, trimmed: ``The `None` idiom``, `1. [Title](a.md)`.
    pub source: &'a str,
    /// Where `source` is.
    pub range: Range<usize>,
    /// Its text as rendered: code spans' and links' text kept, markup and destinations gone.
    pub text: String,
    /// Its 0-based line.
    pub line: usize,
}

impl Heading<'_> {
    /// The anchor GitHub gives it, before a repeat is numbered (see [`Markdown::anchors`]).
    pub fn anchor(&self) -> String {
        slug(&self.text)
    }
}

/// A link destination as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link<'a> {
    /// The destination: `../crates/a/src/lib.rs#L3`, `typing.md#x`.
    pub dest: &'a str,
    /// Where `dest` is.
    pub range: Range<usize>,
    /// The whole link, `[text](dest)`; a reference definition's line.
    pub whole: Range<usize>,
    /// The text between the brackets (the label, for a definition).
    pub text: Range<usize>,
    /// What kind of link it is.
    pub kind: LinkKind,
    /// Its 0-based line.
    pub line: usize,
    /// The heading it is in, as an index into [`Markdown::headings`].
    pub heading: Option<usize>,
}

/// The kinds of [`Link`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `[text](dest)`.
    Inline,
    /// `![alt](dest)`.
    Image,
    /// `[label]: dest`, which reference links (`[text][label]`) go to.
    Definition,
}

/// What one line of a file is, for a pass that goes line by line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line<'a> {
    /// Outside any fenced block.
    Text,
    /// A fence's opening line, with its info string.
    Open {
        /// The info string, trimmed.
        info: &'a str,
    },
    /// A line inside a fenced block, or its closing fence.
    Code,
}

impl<'a> Markdown<'a> {
    /// Reads `text`.
    pub fn parse(text: &'a str) -> Markdown<'a> {
        let lines = LineStarts::of(text);
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS;
        let parser = Parser::new_ext(text, options);
        let definitions: Vec<Link<'a>> = parser
            .reference_definitions()
            .iter()
            .filter_map(|(_, def)| definition(text, def.span.clone(), &lines))
            .collect();
        let mut out = Markdown::default();
        let mut heading: Option<OpenHeading> = None;
        for (event, range) in parser.into_offset_iter() {
            if let Some(open) = &mut heading {
                open.add(&event, &range);
            }
            match event {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                    out.fences.push(fence(text, range, &lines));
                }
                Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                    out.indented
                        .push(lines.line(range.start)..lines.line(range.end - 1) + 1);
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    heading = Some(OpenHeading {
                        level: level as usize,
                        line: lines.line(range.start),
                        inner: range.start..range.start,
                        text: String::new(),
                    });
                }
                Event::End(TagEnd::Heading(_)) => {
                    out.headings
                        .extend(heading.take().map(|open| open.close(text)));
                }
                Event::Start(Tag::Link {
                    link_type: LinkType::Inline,
                    dest_url,
                    ..
                }) => out
                    .links
                    .extend(inline(text, range, &dest_url, false, &lines)),
                Event::Start(Tag::Image {
                    link_type: LinkType::Inline,
                    dest_url,
                    ..
                }) => out
                    .links
                    .extend(inline(text, range, &dest_url, true, &lines)),
                _ => {}
            }
        }
        out.links.extend(definitions);
        out.links.sort_by_key(|link| link.range.start);
        for link in &mut out.links {
            link.heading = out
                .headings
                .iter()
                .position(|h| h.range.start <= link.whole.start && link.whole.end <= h.range.end);
        }
        out
    }

    /// The anchors of its headings, in order, as GitHub makes them: a repeated one gets
    /// `-1`, `-2`, ...
    pub fn anchors(&self) -> Vec<String> {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        self.headings
            .iter()
            .map(|heading| {
                let base = heading.anchor();
                let count = seen.entry(base.clone()).or_default();
                *count += 1;
                match *count - 1 {
                    0 => base,
                    n => format!("{base}-{n}"),
                }
            })
            .collect()
    }

    /// Each line of `text` (without its ending, as [`str::lines`] splits it) with what it is.
    pub fn lines(&self, text: &'a str) -> Vec<(&'a str, Line<'a>)> {
        let mut kinds: Vec<(&str, Line<'a>)> = text.lines().map(|l| (l, Line::Text)).collect();
        for fence in &self.fences {
            kinds[fence.open].1 = Line::Open { info: fence.info };
            for line in &mut kinds[fence.open + 1..=fence.last] {
                line.1 = Line::Code;
            }
        }
        kinds
    }
}

/// A heading's rendered text as a link anchor, as GitHub makes it: lower case, spaces to
/// `-`, and only letters, digits, `-` and `_` kept (`` The `None` idiom `` is
/// `the-none-idiom`).
pub fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
