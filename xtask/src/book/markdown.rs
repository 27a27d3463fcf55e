//! Just enough Markdown for staging a page: which lines are inside a fenced code block,
//! where a line's link destinations are, and a heading's links moved out of its text.
//!
//! The page checks have their own reader (`page`), which knows the blocks' meaning; this one
//! only has to keep the book's rewrites out of code, so it follows CommonMark's fence rules
//! (up to three spaces of indentation, a run of three or more backticks or tildes, closed by
//! a run of the same character at least as long) and its inline code spans, and no more.

/// One line of a page, as the staging passes see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line<'a> {
    /// Prose (or HTML) outside any fence.
    Text,
    /// A fence's opening line, with its info string (`rust,ignore`, `python`, …).
    Open {
        /// The info string, trimmed.
        info: &'a str,
    },
    /// A line inside a fence, or its closing line.
    Code,
}

/// Each line of `text` (without its line ending) with what it is.
pub fn lines(text: &str) -> Vec<(&str, Line<'_>)> {
    let mut open: Option<(u8, usize)> = None;
    text.lines()
        .map(|line| {
            let fence = fence(line);
            let kind = match (open, fence) {
                (None, Some((byte, run, info))) => {
                    open = Some((byte, run));
                    Line::Open { info }
                }
                (None, None) => Line::Text,
                (Some((byte, run)), Some((b, r, info)))
                    if b == byte && r >= run && info.is_empty() =>
                {
                    open = None;
                    Line::Code
                }
                (Some(_), _) => Line::Code,
            };
            (line, kind)
        })
        .collect()
}

/// A fence line's character, run length and info string.
fn fence(line: &str) -> Option<(u8, usize, &str)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let byte = *trimmed.as_bytes().first()?;
    if byte != b'`' && byte != b'~' {
        return None;
    }
    let run = trimmed.bytes().take_while(|&b| b == byte).count();
    let info = trimmed[run..].trim();
    // A backtick fence's info string may not hold a backtick: "```x```" is inline code.
    (run >= 3 && !(byte == b'`' && info.contains('`'))).then_some((byte, run, info))
}

/// `line` with the destination of every inline link (`[text](dest)`, `![alt](dest)`) and of a
/// reference definition (`[label]: dest`) passed through `rewrite`; `None` keeps it.
pub fn rewrite_links(line: &str, rewrite: &mut dyn FnMut(&str) -> Option<String>) -> String {
    if let Some(at) = reference_definition(line) {
        let end = line[at..]
            .find(char::is_whitespace)
            .map_or(line.len(), |n| at + n);
        if let Some(new) = rewrite(&line[at..end]) {
            return format!("{}{new}{}", &line[..at], &line[end..]);
        }
        return line.to_string();
    }
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            // An inline code span: skip to the closing run of as many backticks, if any.
            let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
            let ticks = &line[i..i + run];
            let rest = &line[i + run..];
            i += run + rest.find(ticks).map_or(0, |n| n + run);
            continue;
        }
        if bytes[i] == b']' && bytes.get(i + 1) == Some(&b'(') {
            let start = i + 2;
            let end = line[start..]
                .find(|c: char| c == ')' || c.is_whitespace())
                .map_or(line.len(), |n| start + n);
            if let Some(new) = rewrite(&line[start..end]) {
                out.push_str(&line[copied..start]);
                out.push_str(&new);
                copied = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    out.push_str(&line[copied..]);
    out
}

/// A heading with each link's text left in place and the link moved to its end as `[→](dest)`:
/// `## 1. [Title](a.md)` becomes `## 1. Title [→](a.md)`. mdBook makes a heading a link to
/// itself, so a link inside it is a link inside a link, which the browser splits: the heading's
/// own link (which the sidebar copies as the heading's name) keeps only the text before it,
/// `1.`. Images and code spans are left alone.
pub fn heading_links_at_end(line: &str) -> String {
    let mut text = String::with_capacity(line.len());
    let mut moved = String::new();
    let mut rest = line;
    while let Some(open) = rest.find(['[', '`']) {
        let (before, from) = rest.split_at(open);
        text.push_str(before);
        if from.starts_with('`') {
            let run = from.bytes().take_while(|&b| b == b'`').count();
            let end = from[run..]
                .find(&from[..run])
                .map_or(from.len(), |n| n + 2 * run);
            text.push_str(&from[..end]);
            rest = &from[end..];
            continue;
        }
        let link = from.find("](").and_then(|mid| {
            let close = from[mid..].find(')')? + mid;
            let is_image = before.ends_with('!');
            (!is_image).then_some((mid, close))
        });
        match link {
            Some((mid, close)) => {
                text.push_str(&from[1..mid]);
                moved.push_str(&format!(" [→]({})", &from[mid + 2..close]));
                rest = &from[close + 1..];
            }
            None => {
                text.push('[');
                rest = &from[1..];
            }
        }
    }
    text.push_str(rest);
    text.truncate(text.trim_end().len());
    text + &moved
}

/// Where the destination of a reference definition (`[label]: dest`) starts.
fn reference_definition(line: &str) -> Option<usize> {
    let trimmed = line.trim_start_matches(' ');
    let indent = line.len() - trimmed.len();
    if indent > 3 || !trimmed.starts_with('[') || trimmed.starts_with("[^") {
        return None;
    }
    let close = trimmed.find("]:")?;
    let after = &trimmed[close + 2..];
    let dest = after.len() - after.trim_start().len();
    (!after.trim().is_empty()).then_some(indent + close + 2 + dest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Line<'_>> {
        lines(text).into_iter().map(|(_, kind)| kind).collect()
    }

    #[test]
    fn a_fence_holds_everything_up_to_a_closing_run_at_least_as_long() {
        let text = "a\n````markdown\n```rust\n```\n````\nb";
        assert_eq!(
            kinds(text),
            [
                Line::Text,
                Line::Open { info: "markdown" },
                Line::Code,
                Line::Code,
                Line::Code,
                Line::Text
            ]
        );
    }

    #[test]
    fn inline_code_at_the_start_of_a_line_is_not_a_fence() {
        assert_eq!(kinds("```x``` is code\n[a](b)"), [Line::Text, Line::Text]);
    }

    #[test]
    fn links_are_rewritten_outside_code_spans_only() {
        let line = "see [`a`](../crates/a/src/lib.rs) and `[b](c)` and ![i](x.png \"t\")";
        let mut seen = Vec::new();
        let out = rewrite_links(line, &mut |dest| {
            seen.push(dest.to_string());
            Some(format!("<{dest}>"))
        });
        assert_eq!(seen, ["../crates/a/src/lib.rs", "x.png"]);
        assert_eq!(
            out,
            "see [`a`](<../crates/a/src/lib.rs>) and `[b](c)` and ![i](<x.png> \"t\")"
        );
    }

    #[test]
    fn a_reference_definition_has_its_destination_rewritten() {
        let out = rewrite_links("[c3]: ../crates/m/src/c3.rs \"C3\"", &mut |d| {
            Some(d.to_uppercase())
        });
        assert_eq!(out, "[c3]: ../CRATES/M/SRC/C3.RS \"C3\"");
    }

    #[test]
    fn a_headings_links_move_to_its_end_so_the_sidebar_shows_its_text() {
        assert_eq!(
            heading_links_at_end("## 1. [The `sys` module](platform.md)"),
            "## 1. The `sys` module [→](platform.md)"
        );
        assert_eq!(
            heading_links_at_end("## [a](a.md) and [b](b.md#x) done"),
            "## a and b done [→](a.md) [→](b.md#x)"
        );
        assert_eq!(
            heading_links_at_end("## `[x](y)` and [z]"),
            "## `[x](y)` and [z]"
        );
        assert_eq!(heading_links_at_end("## ![i](i.svg)"), "## ![i](i.svg)");
    }
}
