//! One line's wildcards: `[..]` within a line, `...` as a whole line, and the backslash that
//! makes either literal.

/// `...` alone on a line: any number of lines.
pub const ANY_LINES: &str = "...";
/// `[..]` inside a line: any text within that line.
pub const ANY_TEXT: &str = "[..]";

/// What makes the wildcard after it literal.
const ESCAPE: char = '\\';

/// Whether an expected line is the `...` wildcard (trailing spaces ignored, as everywhere).
pub(super) fn is_any_lines(line: &str) -> bool {
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

/// The text a [`literal`] line stands for.
pub(super) fn unescaped(line: &str) -> String {
    if is_escaped_any_lines(line) {
        line[ESCAPE.len_utf8()..].to_string()
    } else {
        line.replace(&format!("{ESCAPE}{ANY_TEXT}"), ANY_TEXT)
    }
}
