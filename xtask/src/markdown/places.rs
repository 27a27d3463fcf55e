//! Where what [`super::Markdown::parse`] finds is in the source: lines of byte offsets, and
//! the parts of a fence, a heading or a link that pulldown-cmark's events give only as a
//! whole range.

use std::ops::Range;

use pulldown_cmark::{Event, TagEnd};

use super::{Fence, Heading, Link, LinkKind};

/// A heading being read: what its events have shown so far.
pub(super) struct OpenHeading {
    pub(super) level: usize,
    pub(super) line: usize,
    /// The source range its inline events cover.
    pub(super) inner: Range<usize>,
    /// Its text as rendered.
    pub(super) text: String,
}

impl OpenHeading {
    pub(super) fn add(&mut self, event: &Event<'_>, range: &Range<usize>) {
        match event {
            Event::End(TagEnd::Heading(_)) => return,
            Event::Text(text) | Event::Code(text) => self.text.push_str(text),
            Event::SoftBreak | Event::HardBreak => self.text.push(' '),
            _ => {}
        }
        if self.inner.is_empty() {
            self.inner = range.clone();
        }
        self.inner.start = self.inner.start.min(range.start);
        self.inner.end = self.inner.end.max(range.end);
    }

    pub(super) fn close(self, text: &str) -> Heading<'_> {
        let written = &text[self.inner.clone()];
        let source = written.trim();
        let start = self.inner.start + written.find(source).unwrap_or(0);
        Heading {
            level: self.level,
            source,
            range: start..start + source.len(),
            text: self.text.trim().to_string(),
            line: self.line,
        }
    }
}

/// The 0-based line of each byte offset.
pub(super) struct LineStarts(Vec<usize>);

impl LineStarts {
    pub(super) fn of(text: &str) -> LineStarts {
        let ends = text.match_indices('\n').map(|(at, _)| at + 1);
        LineStarts(std::iter::once(0).chain(ends).collect())
    }

    pub(super) fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset) - 1
    }
}

/// A fenced block from its range, which starts at its opening fence.
pub(super) fn fence<'a>(text: &'a str, range: Range<usize>, lines: &LineStarts) -> Fence<'a> {
    let opening = &text[range.start..];
    let marker = opening.chars().next().unwrap_or('`');
    let len = opening.chars().take_while(|c| *c == marker).count();
    let line_end = opening.find('\n').map_or(text.len(), |n| range.start + n);
    let after = range.start + len;
    let raw_info = &text[after..line_end];
    let info = raw_info.trim();
    let info_start = after + raw_info.find(info).unwrap_or(0);
    let open = lines.line(range.start);
    let body = text[range.clone()].trim_end_matches(['\n', '\r']);
    let last = lines
        .line(range.start + body.len().saturating_sub(1))
        .max(open);
    let closing = body.lines().last().map(str::trim).unwrap_or_default();
    let closes = last > open
        && closing.chars().take_while(|c| *c == marker).count() >= len
        && closing.chars().all(|c| c == marker);
    Fence {
        info,
        info_range: info_start..info_start + info.len(),
        marker: (marker, len),
        open,
        close: closes.then_some(last),
        last,
    }
}

/// An inline link's or image's destination, found in its source `[text](dest "title")`.
pub(super) fn inline<'a>(
    text: &'a str,
    whole: Range<usize>,
    dest: &str,
    image: bool,
    lines: &LineStarts,
) -> Option<Link<'a>> {
    let source = &text[whole.clone()];
    let mid = source.rfind("](")?;
    let after = &source[mid + 2..];
    let skipped = after.len() - after.trim_start().len();
    let after = after.trim_start();
    let bracketed = usize::from(after.starts_with('<'));
    let written = &after[bracketed..];
    // As written: the parsed destination, or (where escapes or entities changed it) up to
    // the first space or closing parenthesis.
    let len = if written.starts_with(dest) {
        dest.len()
    } else {
        written.find([' ', ')', '>']).unwrap_or(written.len())
    };
    let start = whole.start + mid + 2 + skipped + bracketed;
    let open = usize::from(image) + 1;
    Some(Link {
        dest: &text[start..start + len],
        range: start..start + len,
        text: whole.start + open..whole.start + mid,
        kind: if image {
            LinkKind::Image
        } else {
            LinkKind::Inline
        },
        line: lines.line(whole.start),
        whole,
        heading: None,
    })
}

/// A reference definition's destination, from its span `[label]: dest "title"`.
pub(super) fn definition<'a>(
    text: &'a str,
    span: Range<usize>,
    lines: &LineStarts,
) -> Option<Link<'a>> {
    let source = &text[span.clone()];
    let open = span.start + source.find('[')?;
    let mid = span.start + source.find("]:")?;
    let after = &text[mid + 2..span.end];
    let skipped = after.len() - after.trim_start().len();
    let after = after.trim_start();
    let bracketed = usize::from(after.starts_with('<'));
    let len = after[bracketed..]
        .find(|c: char| c.is_whitespace() || c == '>')
        .unwrap_or(after.len() - bracketed);
    let start = mid + 2 + skipped + bracketed;
    Some(Link {
        dest: &text[start..start + len],
        range: start..start + len,
        whole: span.clone(),
        text: open + 1..mid,
        kind: LinkKind::Definition,
        line: lines.line(span.start),
        heading: None,
    })
}
