//! Matches a demo's output against a documented block, diffs the two, and blesses.
//!
//! Both the check and `bless` work from one alignment of the expected lines (wildcards
//! included) with the actual ones ([`crate::align`]), where a `...` line is a gap that
//! swallows any number of actual lines: the output matches when the alignment costs nothing;
//! otherwise it *is* the diff, and applying it to the expected lines is the blessed block,
//! which keeps every wildcard line that still matches.
//!
//! A backslash makes a wildcard literal: `\[..]` matches the text `[..]`, and a line `\...`
//! the line `...`. Each backslash more stands for one backslash in the output (`\\[..]` is
//! `\[..]`), so [`literal`] can write any output line as a pattern that matches only it.

mod line;

pub use self::line::{ANY_LINES, ANY_TEXT, Piece, line_matches, literal, pieces};

use self::line::{is_any_lines, unescaped};
use crate::align::{Gaps, Rules, Step};
use crate::diff;

/// An output's rules: `...` stands for any number of lines, `[..]` for any text in a line.
struct Output<'a> {
    expected: &'a [String],
    actual: &'a [String],
}

impl Rules for Output<'_> {
    const GAPS: Gaps = Gaps::AnyLines;

    fn is_gap(&self, i: usize) -> bool {
        is_any_lines(&self.expected[i])
    }

    fn same(&self, i: usize, j: usize) -> bool {
        line_matches(&self.expected[i], &self.actual[j])
    }
}

/// The cheapest alignment of `expected` with `actual` ([`crate::align`]), and its number of
/// edits (0: they match).
fn align(expected: &[String], actual: &[String]) -> (usize, Vec<Step>) {
    let rules = Output { expected, actual };
    crate::align::align(&rules, expected.len(), actual.len())
}

/// Whether the output matches the documented block.
pub fn matches(expected: &[String], actual: &[String]) -> bool {
    align(expected, actual).0 == 0
}

/// The output as a page shows a run that matched it: each line cut into the page's text and
/// what its wildcards stood for ([`pieces`]), and each line a `...` swallowed wholly varying
/// (a `...` that swallowed none shows nothing). `None` if the run does not match.
pub fn shown(expected: &[String], actual: &[String]) -> Option<Vec<Vec<Piece>>> {
    let (cost, steps) = align(expected, actual);
    if cost != 0 {
        return None;
    }
    steps
        .into_iter()
        .filter_map(|step| match step {
            Step::Same(i, j) => Some(pieces(&expected[i], &actual[j])),
            Step::Elided(_, j) => Some(Some(vec![Piece::Varies(actual[j].clone())])),
            Step::Gap(_) => None,
            Step::Missing(_) | Step::Extra(_) => Some(None),
        })
        .collect()
}

/// The block rewritten to the actual output, keeping the expected lines that still match
/// (wildcards included) and every `...`. A new line is written [`literal`]ly, so an output
/// line that looks like a wildcard is not read back as one.
pub fn bless(expected: &[String], actual: &[String]) -> Vec<String> {
    let (_, steps) = align(expected, actual);
    steps
        .into_iter()
        .filter_map(|step| match step {
            Step::Same(i, _) | Step::Gap(i) => Some(expected[i].clone()),
            Step::Extra(j) => Some(literal(&actual[j])),
            Step::Elided(..) | Step::Missing(_) => None,
        })
        .collect()
}

/// [`bless`] for output already written as patterns (a kind that puts its own wildcards in,
/// over what changes from run to run): a new line is written as given, and it is aligned
/// with the expected lines by the text it stands for.
pub fn bless_patterns(expected: &[String], written: &[String]) -> Vec<String> {
    let texts: Vec<String> = written.iter().map(|line| unescaped(line)).collect();
    let (_, steps) = align(expected, &texts);
    steps
        .into_iter()
        .filter_map(|step| match step {
            Step::Same(i, _) | Step::Gap(i) => Some(expected[i].clone()),
            Step::Extra(j) => Some(written[j].clone()),
            Step::Elided(..) | Step::Missing(_) => None,
        })
        .collect()
}

/// A line diff for a reader (see [`mod@crate::diff`]): `-` for expected lines missing from the output
/// (numbered by their line in the page, from `first_line`), `+` for output lines not
/// expected, and up to `context` unchanged lines around each change.
pub fn diff(expected: &[String], actual: &[String], first_line: usize, context: usize) -> String {
    let (_, steps) = align(expected, actual);
    let lines: Vec<diff::Line<'_>> = steps
        .iter()
        .filter_map(|step| match *step {
            Step::Same(i, _) | Step::Gap(i) => Some(diff::Line::Same(first_line + i, &expected[i])),
            Step::Elided(..) => None,
            Step::Missing(i) => Some(diff::Line::Missing(first_line + i, &expected[i])),
            Step::Extra(j) => Some(diff::Line::Extra(None, &actual[j])),
        })
        .collect();
    diff::render(&lines, context)
}

#[cfg(test)]
mod tests;
