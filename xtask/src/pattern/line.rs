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

/// A piece of an output line as a page shows a run of it: text the page writes, or what a
/// wildcard stood for in this run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text the expected line writes out.
    Fixed(String),
    /// What a `[..]` (or a whole `...` line) matched: the part that varies from run to run.
    Varies(String),
}

/// Whether one actual line matches one expected line (trailing spaces ignored).
pub fn line_matches(expected: &str, actual: &str) -> bool {
    pieces(expected, actual).is_some()
}

/// The actual line cut where the expected line's wildcards match, if it matches (trailing
/// spaces ignored): the page's text and, for each `[..]`, what it stood for. Each `[..]`
/// takes the shortest text after which the rest can follow, the last one whatever is left
/// before the line's end.
pub fn pieces(expected: &str, actual: &str) -> Option<Vec<Piece>> {
    let expected = expected.trim_end();
    let actual = actual.trim_end();
    if is_escaped_any_lines(expected) {
        return (actual == &expected[ESCAPE.len_utf8()..])
            .then(|| vec![Piece::Fixed(actual.to_string())]);
    }
    let parts = literal_parts(expected);
    let (first, rest) = parts.split_first().expect("parts starts with one part");
    let mut rest_of_line = actual.strip_prefix(first.as_str())?;
    let mut pieces = vec![Piece::Fixed(first.clone())];
    let Some((last, middle)) = rest.split_last() else {
        return rest_of_line.is_empty().then_some(pieces);
    };
    for part in middle {
        let at = rest_of_line.find(part.as_str())?;
        pieces.push(Piece::Varies(rest_of_line[..at].to_string()));
        pieces.push(Piece::Fixed(part.clone()));
        rest_of_line = &rest_of_line[at + part.len()..];
    }
    let varies = rest_of_line.strip_suffix(last.as_str())?;
    pieces.push(Piece::Varies(varies.to_string()));
    pieces.push(Piece::Fixed(last.clone()));
    pieces.retain(|piece| !matches!(piece, Piece::Fixed(text) if text.is_empty()));
    Some(pieces)
}

/// The text a [`literal`] line stands for.
pub(super) fn unescaped(line: &str) -> String {
    if is_escaped_any_lines(line) {
        line[ESCAPE.len_utf8()..].to_string()
    } else {
        line.replace(&format!("{ESCAPE}{ANY_TEXT}"), ANY_TEXT)
    }
}
