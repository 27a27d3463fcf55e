//! Tests of [`super`]: wildcards, their escapes, the diff and blessing.

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

#[test]
fn a_matching_run_is_shown_with_what_each_wildcard_stood_for() {
    let expected = lines("start\nsequential [..] ms, speedup [..]x\n...\n\\[..] stays\nend");
    let actual = lines("start\nsequential 40 ms, speedup 1.9x\nnoise 1\nnoise 2\n[..] stays\nend");
    let fixed = |t: &str| Piece::Fixed(t.to_string());
    let varies = |t: &str| Piece::Varies(t.to_string());
    assert_eq!(
        shown(&expected, &actual),
        Some(vec![
            vec![fixed("start")],
            vec![
                fixed("sequential "),
                varies("40"),
                fixed(" ms, speedup "),
                varies("1.9"),
                fixed("x")
            ],
            vec![varies("noise 1")],
            vec![varies("noise 2")],
            vec![fixed("[..] stays")],
            vec![fixed("end")],
        ])
    );
    // A wildcard at the end takes the rest of the line; a run that differs shows nothing.
    assert_eq!(
        pieces("depth [..]", "depth 74752"),
        Some(vec![fixed("depth "), varies("74752")])
    );
    assert_eq!(shown(&expected, &lines("start\nend")), None);
}
