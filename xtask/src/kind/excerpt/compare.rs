//! Compares an excerpt on a page with its region, line for line, where a page line `// ...`
//! stands for one or more region lines left out; and diffs and blesses it.
//!
//! As for outputs, one alignment ([`crate::align`]) serves all three: a line equal to its
//! region line (trailing whitespace aside) costs nothing, and an elision is a gap that
//! swallows one or more region lines. This is not [`crate::pattern`]'s matcher: Rust code is
//! full of `[..]`, which must stay text here.

use crate::align::{Gaps, Rules, Step};
use crate::diff;

/// The page line that stands for skipped region lines.
pub const ELISION: &str = "// ...";

fn is_elision(line: &str) -> bool {
    line.trim() == ELISION
}

/// An excerpt's rules: an elision stands for one line or more, other lines must be equal.
struct Excerpt<'a> {
    page: &'a [String],
    region: &'a [String],
}

impl Rules for Excerpt<'_> {
    const GAPS: Gaps = Gaps::SomeLines;

    fn is_gap(&self, i: usize) -> bool {
        is_elision(&self.page[i])
    }

    fn same(&self, i: usize, j: usize) -> bool {
        self.page[i].trim_end() == self.region[j].trim_end()
    }
}

/// The cheapest alignment ([`crate::align`]), and whether it costs nothing (the excerpt is
/// right).
fn align(page: &[String], region: &[String]) -> (bool, Vec<Step>) {
    let (edits, steps) = crate::align::align(&Excerpt { page, region }, page.len(), region.len());
    (edits == 0, steps)
}

/// Whether the page's excerpt equals the region, elisions aside.
pub fn matches(page: &[String], region: &[String]) -> bool {
    align(page, region).0
}

/// A line diff (see [`mod@crate::diff`]): `-` page lines not in the region (numbered by their page line, from
/// `page_line`), `+` region lines not on the page (numbered by their source line), and up to
/// three unchanged lines around each change.
pub fn diff(
    page: &[String],
    region: &[String],
    page_line: usize,
    source_lines: &[usize],
) -> String {
    let (_, steps) = align(page, region);
    let lines: Vec<diff::Line<'_>> = steps
        .iter()
        .filter_map(|step| match *step {
            // An elision is shown once, however many lines it swallowed.
            Step::Same(i, _) | Step::Gap(i) => Some(diff::Line::Same(page_line + i, &page[i])),
            Step::Elided(..) => None,
            Step::Missing(i) => Some(diff::Line::Missing(page_line + i, &page[i])),
            Step::Extra(j) => Some(diff::Line::Extra(Some(source_lines[j]), &region[j])),
        })
        .collect();
    diff::render(&lines, 3)
}

/// The excerpt rewritten from the region, keeping every elision that still stands for
/// lines, and as many lines shown around each elision as before.
pub fn bless(page: &[String], region: &[String]) -> Vec<String> {
    let (_, steps) = align(page, region);
    keep_shown_lines(steps)
        .into_iter()
        .filter_map(|step| match step {
            Step::Same(i, _) | Step::Gap(i) => Some(page[i].clone()),
            Step::Extra(j) => Some(region[j].clone()),
            Step::Elided(..) | Step::Missing(_) => None,
        })
        .collect()
}

/// The cheapest alignment lets an elision swallow a line that changed beside it for free,
/// and drops the page's old version of the line: blessed so, the page would lose a line it
/// showed. Instead, each page line gone from beside an elision is replaced by the region line
/// next to it that the elision swallowed; an elision left standing for nothing goes.
fn keep_shown_lines(steps: Vec<Step>) -> Vec<Step> {
    let mut kept: Vec<Step> = Vec::with_capacity(steps.len());
    let mut rest = steps.into_iter().peekable();
    while let Some(step) = rest.next() {
        let Step::Elided(..) = step else {
            kept.push(step);
            continue;
        };
        // An elision: the region lines it swallowed, then its own `Gap` step.
        let mut swallowed = vec![step];
        while let Some(Step::Elided(..)) = rest.peek() {
            swallowed.extend(rest.next());
        }
        let gap = rest.next();
        let mut missing_after = Vec::new();
        while let Some(Step::Missing(_)) = rest.peek() {
            missing_after.extend(rest.next());
        }
        let missing_before = kept
            .iter()
            .rev()
            .take_while(|s| matches!(s, Step::Missing(_)))
            .count();
        let as_extra = |step: Step| match step {
            Step::Elided(_, j) => Step::Extra(j),
            other => other,
        };
        let after = missing_after.len().min(swallowed.len());
        let shown_after: Vec<Step> = swallowed
            .drain(swallowed.len() - after..)
            .map(as_extra)
            .collect();
        let before = missing_before.min(swallowed.len());
        kept.extend(swallowed.drain(..before).map(as_extra));
        if !swallowed.is_empty() {
            kept.extend(swallowed);
            kept.extend(gap);
        }
        kept.extend(shown_after);
        kept.extend(missing_after);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(String::from).collect()
    }

    #[test]
    fn an_elision_stands_for_one_or_more_lines_in_order() {
        let region = lines("fn f() {\n    a();\n    b();\n}");
        assert!(matches(&lines("fn f() {\n    // ...\n}"), &region));
        assert!(matches(
            &lines("fn f() {\n    a();\n    // ...\n}"),
            &region
        ));
        assert!(
            !matches(
                &lines("fn f() {\n    a();\n    b();\n    // ...\n}"),
                &region
            ),
            "an elision skips at least one line"
        );
        assert!(!matches(&lines("fn f() {\n    b();\n    a();\n}"), &region));
        assert!(
            matches(&lines("fn f() {   \n    // ...\n}"), &region),
            "trailing spaces aside"
        );
    }

    #[test]
    fn brackets_are_text_not_wildcards() {
        assert!(!matches(
            &lines("let s = &b[..];"),
            &lines("let s = &b[1..];")
        ));
    }

    #[test]
    fn a_changed_line_is_diffed_with_its_page_and_source_lines() {
        let page = lines("a\nb\nc");
        let region = lines("a\nB\nc");
        assert_eq!(
            diff(&page, &region, 10, &[20, 21, 22]),
            "    10 | a\n-   11 | b\n+   21 | B\n    12 | c\n"
        );
    }

    #[test]
    fn bless_keeps_the_elisions_that_still_stand_for_lines() {
        let page = lines("fn f(a: u8) {\n    x();\n    // ...\n}\n// ...");
        let region = lines("fn f(a: u16) {\n    x();\n    a();\n    b();\n}");
        let blessed = bless(&page, &region);
        assert_eq!(blessed, lines("fn f(a: u16) {\n    x();\n    // ...\n}"));
        assert!(matches(&blessed, &region));
        // A line that changed beside an elision stays shown, in its new version.
        let changed = bless(&lines("a\n// ...\nold"), &lines("a\nb\nnew"));
        assert_eq!(changed, lines("a\n// ...\nnew"));
        let changed = bless(&lines("old\n// ...\nz"), &lines("new\nb\nz"));
        assert_eq!(changed, lines("new\n// ...\nz"));
        // An elision that would then stand for nothing goes.
        let changed = bless(&lines("a\n// ...\nold"), &lines("a\nnew"));
        assert_eq!(changed, lines("a\nnew"));
    }

    #[test]
    fn blessed_excerpts_always_match_their_region() {
        let mut rng = fastrand::Rng::with_seed(11);
        let vocabulary = ["a", "b", "c", "// ..."];
        for _ in 0..2000 {
            let page: Vec<String> = (0..rng.usize(0..6))
                .map(|_| vocabulary[rng.usize(..vocabulary.len())].to_string())
                .collect();
            let region: Vec<String> = (0..rng.usize(0..6))
                .map(|_| ["a", "b", "c"][rng.usize(..3)].to_string())
                .collect();
            let blessed = bless(&page, &region);
            assert!(
                matches(&blessed, &region),
                "{page:?} {region:?} -> {blessed:?}"
            );
            if matches(&page, &region) {
                assert_eq!(blessed, page, "a matching excerpt is left as it is");
            }
        }
    }
}
