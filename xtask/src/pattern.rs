//! Matches a demo's output against a documented block, diffs the two, and blesses.
//!
//! Both the check and `bless` work from one alignment of the expected lines (wildcards
//! included) with the actual ones: the cheapest edit script, where a line that matches costs
//! nothing, a `...` line swallows any number of actual lines for free, and every expected line
//! left out or actual line added costs one. The output matches when the script costs nothing;
//! otherwise the script *is* the diff, and applying it to the expected lines is the blessed
//! block, which keeps every wildcard line that still matches.
//!
//! A backslash makes a wildcard literal: `\[..]` matches the text `[..]`, and a line `\...`
//! the line `...`. Each backslash more stands for one backslash in the output (`\\[..]` is
//! `\[..]`), so [`literal`] can write any output line as a pattern that matches only it.

/// `...` alone on a line: any number of lines.
pub const ANY_LINES: &str = "...";
/// `[..]` inside a line: any text within that line.
pub const ANY_TEXT: &str = "[..]";

/// What makes the wildcard after it literal.
const ESCAPE: char = '\\';

/// Whether an expected line is the `...` wildcard (trailing spaces ignored, as everywhere).
fn is_any_lines(line: &str) -> bool {
    line.trim_end() == ANY_LINES
}

/// Whether a line is `...` behind one or more backslashes: an escaped line wildcard.
fn is_escaped_any_lines(line: &str) -> bool {
    let line = line.trim_end();
    line.starts_with(ESCAPE) && line.trim_start_matches(ESCAPE) == ANY_LINES
}

/// The literal texts between an expected line's `[..]` wildcards; an escaped `\[..]` is text.
fn literal_parts(expected: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut rest = expected;
    while let Some(at) = rest.find(ANY_TEXT) {
        let before = &rest[..at];
        let last = parts.last_mut().expect("parts starts with one part");
        if let Some(kept) = before.strip_suffix(ESCAPE) {
            last.push_str(kept);
            last.push_str(ANY_TEXT);
        } else {
            last.push_str(before);
            parts.push(String::new());
        }
        rest = &rest[at + ANY_TEXT.len()..];
    }
    parts
        .last_mut()
        .expect("parts starts with one part")
        .push_str(rest);
    parts
}

/// The expected line that matches `actual` and nothing else: its wildcards escaped.
pub fn literal(actual: &str) -> String {
    if is_any_lines(actual) || is_escaped_any_lines(actual) {
        format!("{ESCAPE}{actual}")
    } else {
        actual.replace(ANY_TEXT, &format!("{ESCAPE}{ANY_TEXT}"))
    }
}

/// Whether one actual line matches one expected line (trailing spaces ignored).
pub fn line_matches(expected: &str, actual: &str) -> bool {
    let expected = expected.trim_end();
    let actual = actual.trim_end();
    if is_escaped_any_lines(expected) {
        return actual == &expected[ESCAPE.len_utf8()..];
    }
    let parts = literal_parts(expected);
    let (first, rest) = parts.split_first().expect("parts starts with one part");
    let Some(mut rest_of_line) = actual.strip_prefix(first.as_str()) else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return rest_of_line.is_empty();
    };
    for part in middle {
        match rest_of_line.find(part.as_str()) {
            Some(at) => rest_of_line = &rest_of_line[at + part.len()..],
            None => return false,
        }
    }
    rest_of_line.ends_with(last.as_str())
}

/// One step of the alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Expected line `.0` matches actual line `.1`.
    Same(usize, usize),
    /// The `...` at expected line `.0` swallows actual line `.1`.
    Elided(usize, usize),
    /// The `...` at expected line `.0` is there, whatever it swallowed.
    Wildcard(usize),
    /// Expected line `.0` is not in the output.
    Missing(usize),
    /// Actual line `.0` is not in the expected lines.
    Extra(usize),
}

/// The cheapest alignment of `expected` with `actual`, and its cost (0: they match).
///
/// Among alignments with the fewest edits, the one whose `...` lines swallow the fewest
/// lines wins, so that a line which can match text does.
pub fn align(expected: &[String], actual: &[String]) -> (usize, Vec<Step>) {
    const EDIT: (usize, usize) = (1, 0);
    const SWALLOW: (usize, usize) = (0, 1);
    let add = |a: (usize, usize), b: (usize, usize)| (a.0 + b.0, a.1 + b.1);
    let (n, m) = (expected.len(), actual.len());
    // cost[i][j]: the cheapest way to align expected[i..] with actual[j..], as
    // (edits, lines swallowed by `...`), compared in that order.
    let mut cost = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    for i in (0..=n).rev() {
        for j in (0..=m).rev() {
            cost[i][j] = if i == n {
                (m - j, 0)
            } else if is_any_lines(&expected[i]) {
                let swallow = if j < m {
                    add(SWALLOW, cost[i][j + 1])
                } else {
                    (usize::MAX, 0)
                };
                cost[i + 1][j].min(swallow)
            } else {
                let mut best = add(EDIT, cost[i + 1][j]);
                if j < m {
                    best = best.min(add(EDIT, cost[i][j + 1]));
                    if line_matches(&expected[i], &actual[j]) {
                        best = best.min(cost[i + 1][j + 1]);
                    }
                }
                best
            };
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i == n {
            steps.push(Step::Extra(j));
            j += 1;
        } else if is_any_lines(&expected[i]) {
            if j < m && cost[i][j] == add(SWALLOW, cost[i][j + 1]) {
                steps.push(Step::Elided(i, j));
                j += 1;
            } else {
                steps.push(Step::Wildcard(i));
                i += 1;
            }
        } else if j < m
            && line_matches(&expected[i], &actual[j])
            && cost[i][j] == cost[i + 1][j + 1]
        {
            steps.push(Step::Same(i, j));
            (i, j) = (i + 1, j + 1);
        } else if cost[i][j] == add(EDIT, cost[i + 1][j]) {
            // Missing before extra: a diff reads best with `-` lines above their `+` lines.
            steps.push(Step::Missing(i));
            i += 1;
        } else {
            steps.push(Step::Extra(j));
            j += 1;
        }
    }
    (cost[0][0].0, steps)
}

/// Whether the output matches the documented block.
pub fn matches(expected: &[String], actual: &[String]) -> bool {
    align(expected, actual).0 == 0
}

/// The block rewritten to the actual output, keeping the expected lines that still match
/// (wildcards included) and every `...`. A new line is written [`literal`]ly, so an output
/// line that looks like a wildcard is not read back as one.
pub fn bless(expected: &[String], actual: &[String]) -> Vec<String> {
    let (_, steps) = align(expected, actual);
    steps
        .into_iter()
        .filter_map(|step| match step {
            Step::Same(i, _) | Step::Wildcard(i) => Some(expected[i].clone()),
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
            Step::Same(i, _) | Step::Wildcard(i) => Some(expected[i].clone()),
            Step::Extra(j) => Some(written[j].clone()),
            Step::Elided(..) | Step::Missing(_) => None,
        })
        .collect()
}

/// The text a [`literal`] line stands for.
fn unescaped(line: &str) -> String {
    if is_escaped_any_lines(line) {
        line[ESCAPE.len_utf8()..].to_string()
    } else {
        line.replace(&format!("{ESCAPE}{ANY_TEXT}"), ANY_TEXT)
    }
}

/// A line diff for a reader: `-` for expected lines missing from the output (numbered by
/// their line in the page, from `first_line`), `+` for output lines not expected, and up to
/// `context` unchanged lines around each change.
pub fn diff(expected: &[String], actual: &[String], first_line: usize, context: usize) -> String {
    let (_, steps) = align(expected, actual);
    let rendered: Vec<(bool, String)> = steps
        .iter()
        .filter_map(|step| match *step {
            Step::Same(i, _) => Some((false, format!("  {:>4} | {}", first_line + i, expected[i]))),
            Step::Wildcard(i) => {
                Some((false, format!("  {:>4} | {}", first_line + i, expected[i])))
            }
            Step::Elided(..) => None,
            Step::Missing(i) => Some((true, format!("- {:>4} | {}", first_line + i, expected[i]))),
            Step::Extra(j) => Some((true, format!("+      | {}", actual[j]))),
        })
        .collect();
    let near_change = |index: usize| {
        let low = index.saturating_sub(context);
        let high = (index + context).min(rendered.len().saturating_sub(1));
        (low..=high).any(|k| rendered[k].0)
    };
    let mut out = String::new();
    let mut skipped = false;
    for (index, (_, line)) in rendered.iter().enumerate() {
        if near_change(index) {
            if skipped {
                out.push_str("  ...\n");
                skipped = false;
            }
            out.push_str(line);
            out.push('\n');
        } else {
            skipped = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(String::from).collect()
    }

    #[test]
    fn inline_wildcards_match_any_text_within_the_line() {
        assert!(line_matches("took [..] ms", "took 12.5 ms"));
        assert!(line_matches("[..]", "anything at all"));
        assert!(line_matches("pid [..], parent [..]", "pid 7, parent 1"));
        assert!(line_matches("a[..]b[..]c", "abc"));
        assert!(!line_matches("took [..] ms", "took 12.5 s"));
        assert!(!line_matches("exact", "exact but longer"));
        assert!(line_matches("trailing  ", "trailing"));
        assert!(
            !line_matches("ab[..]ba", "aba"),
            "prefix and suffix must not overlap"
        );
    }

    #[test]
    fn a_backslash_makes_a_wildcard_literal() {
        assert!(line_matches(r#"&b"abc"\[..]"#, r#"&b"abc"[..]"#));
        assert!(!line_matches(r#"&b"abc"\[..]"#, r#"&b"abc"[1..]"#));
        assert!(line_matches(r"\[..] and [..]", "[..] and anything"));
        assert!(
            line_matches(r"\\[..]", r"\[..]"),
            "each backslash more is one in the output"
        );
        assert!(line_matches(r"\...", "..."));
        assert!(!line_matches(r"\...", "a"));
        assert!(matches(&lines("a\n\\...\nb"), &lines("a\n...\nb")));
        assert!(!matches(&lines("a\n\\...\nb"), &lines("a\nx\nb")));
        for text in [
            r#"&b"abc"[..]"#,
            "...",
            r"\...",
            r"\[..]",
            "[..][..]",
            "plain",
        ] {
            let pattern = literal(text);
            assert!(line_matches(&pattern, text), "{text:?} -> {pattern:?}");
            assert!(!line_matches(&pattern, &format!("{text}x")), "{pattern:?}");
        }
    }

    #[test]
    fn bless_writes_wildcard_lookalikes_as_literals() {
        let actual = lines("&b\"abc\"[..]\n...");
        let blessed = bless(&[], &actual);
        assert_eq!(blessed, lines("&b\"abc\"\\[..]\n\\..."));
        assert!(matches(&blessed, &actual));
        assert!(!matches(&blessed, &lines("&b\"abc\"[1..]\nx")));
    }

    #[test]
    fn blessing_patterns_keeps_their_wildcards_and_their_escapes() {
        let written = lines("  File \"[..]/block.py\"\n...\n&b\"abc\"\\[..]");
        let blessed = bless_patterns(&[], &written);
        assert_eq!(blessed, written);
        assert!(matches(
            &blessed,
            &lines("  File \"/tmp/x/block.py\"\n  frame\n&b\"abc\"[..]")
        ));
        let kept = lines("  File [..]\n...\n&b\"abc\"\\[..]");
        assert_eq!(bless_patterns(&kept, &written), kept);
    }

    #[test]
    fn a_line_wildcard_swallows_any_number_of_lines() {
        let expected = lines("start\n...\nend");
        assert!(matches(&expected, &lines("start\nend")));
        assert!(matches(&expected, &lines("start\na\nb\nc\nend")));
        assert!(!matches(&expected, &lines("start\na")));
        assert!(matches(&lines("..."), &[]));
        assert!(
            matches(&lines("start\n... \nend"), &lines("start\na\nend")),
            "trailing spaces after `...` are ignored, as on every other line"
        );
    }

    #[test]
    fn a_changed_line_is_diffed_with_its_page_line() {
        let expected = lines("one\ntwo\nthree");
        let actual = lines("one\n2\nthree");
        assert!(!matches(&expected, &actual));
        let diff = diff(&expected, &actual, 10, 3);
        assert_eq!(
            diff,
            "    10 | one\n-   11 | two\n+      | 2\n    12 | three\n"
        );
    }

    #[test]
    fn the_diff_shows_context_and_elides_the_rest() {
        let expected: Vec<String> = (0..20).map(|i| i.to_string()).collect();
        let mut actual = expected.clone();
        actual[10] = "ten".into();
        let diff = diff(&expected, &actual, 1, 1);
        assert_eq!(
            diff,
            "  ...\n    10 | 9\n-   11 | 10\n+      | ten\n    12 | 11\n"
        );
    }

    #[test]
    fn bless_keeps_wildcards_that_still_match_and_replaces_the_rest() {
        let expected = lines("pid [..]\nold line\nmiddle\n...\nend [..]");
        let actual = lines("pid 42\nnew line\nmiddle\nx\ny\nend 7");
        let blessed = bless(&expected, &actual);
        assert_eq!(blessed, lines("pid [..]\nnew line\nmiddle\n...\nend [..]"));
        assert!(matches(&blessed, &actual));
        // A `...` swallows what changed beside it: the cheapest alignment needs no new line.
        let swallowed = bless(&lines("a\nold\n...\nz"), &lines("a\nnew\nz"));
        assert_eq!(swallowed, lines("a\n...\nz"));
    }

    #[test]
    fn bless_of_an_empty_block_is_the_output() {
        let actual = lines("a\nb");
        assert_eq!(bless(&[], &actual), actual);
    }

    #[test]
    fn blessed_blocks_always_match_their_output() {
        let mut rng = fastrand::Rng::with_seed(7);
        let vocabulary = ["a", "b", "c", "[..]", "...", "x[..]"];
        for _ in 0..2000 {
            let expected: Vec<String> = (0..rng.usize(0..6))
                .map(|_| vocabulary[rng.usize(..vocabulary.len())].to_string())
                .collect();
            let actual: Vec<String> = (0..rng.usize(0..6))
                .map(|_| ["a", "b", "c", "xy", "[..]", "...", r"\..."][rng.usize(..7)].to_string())
                .collect();
            let blessed = bless(&expected, &actual);
            assert!(
                matches(&blessed, &actual),
                "{expected:?} {actual:?} -> {blessed:?}"
            );
            if matches(&expected, &actual) {
                assert_eq!(blessed, expected, "a matching block is left as it is");
            }
        }
    }
}
