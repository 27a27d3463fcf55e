//! An output against the expected text, line by line, and the diff a learner reads where they
//! differ.
//!
//! The exercises' outputs are short and mostly fixed, so the diff is the simplest that reads
//! well: the lines both share at the start and the end are context, the middle is shown as
//! the expected lines (`-`) then the printed ones (`+`). `[..]` in an expected line matches
//! any text, as on the pages (docs/contributing/checked-pages.md); xtask's own matcher, with
//! `...` for whole lines, stays in xtask, which the exercises do not build.

/// `Ok` if `actual` is `expected` line for line (trailing spaces aside), else the diff.
pub fn same(expected: &str, actual: &str) -> Result<(), String> {
    let expected: Vec<&str> = expected.lines().collect();
    let actual: Vec<&str> = actual.lines().collect();
    if expected.len() == actual.len()
        && expected
            .iter()
            .zip(&actual)
            .all(|(pattern, line)| line_matches(pattern, line))
    {
        return Ok(());
    }
    let prefix = expected
        .iter()
        .zip(&actual)
        .take_while(|(pattern, line)| line_matches(pattern, line))
        .count();
    let suffix = expected[prefix..]
        .iter()
        .rev()
        .zip(actual[prefix..].iter().rev())
        .take_while(|(pattern, line)| line_matches(pattern, line))
        .count();
    let mut diff = Vec::new();
    diff.extend(actual[..prefix].iter().map(|line| format!("  {line}")));
    diff.extend(
        expected[prefix..expected.len() - suffix]
            .iter()
            .map(|line| format!("- {line}")),
    );
    diff.extend(
        actual[prefix..actual.len() - suffix]
            .iter()
            .map(|line| format!("+ {line}")),
    );
    diff.extend(
        actual[actual.len() - suffix..]
            .iter()
            .map(|line| format!("  {line}")),
    );
    if actual.is_empty() {
        diff.push("+ (your program printed nothing)".to_owned());
    }
    Err(diff.join("\n"))
}

/// Whether `line` is `pattern`, each `[..]` in it standing for any text.
pub fn line_matches(pattern: &str, line: &str) -> bool {
    let (pattern, line) = (pattern.trim_end(), line.trim_end());
    let mut pieces = pattern.split("[..]");
    let first = pieces.next().unwrap_or_default();
    let Some(mut rest) = line.strip_prefix(first) else {
        return false;
    };
    let pieces: Vec<&str> = pieces.collect();
    let Some((last, middle)) = pieces.split_last() else {
        return rest.is_empty();
    };
    for piece in middle {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_lines_match_and_trailing_spaces_do_not_count() {
        assert_eq!(same("6\nok", "6  \nok\n"), Ok(()));
    }

    #[test]
    fn a_wildcard_stands_for_any_text_within_its_line() {
        assert!(line_matches("Linux [..] [..]", "Linux 6.1.0 x86_64"));
        assert!(!line_matches("Linux [..] [..]", "Linux 6.1.0"));
        assert!(line_matches("[..]", ""));
    }

    #[test]
    fn the_diff_shows_the_expected_lines_then_the_printed_ones() {
        let diff = same("[[0], [1], [2]]\ndone", "[[0, 1, 2]]\ndone").unwrap_err();
        assert_eq!(diff, "- [[0], [1], [2]]\n+ [[0, 1, 2]]\n  done");
    }

    #[test]
    fn an_empty_output_says_so() {
        assert!(same("6", "").unwrap_err().contains("printed nothing"));
    }
}
