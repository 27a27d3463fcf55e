//! The directives read from a comment, and the gates they put on an interpreter.

use super::*;

fn read(comment: &str) -> Result<Directives, String> {
    parse(comment).expect("a python comment")
}

#[test]
fn other_comments_are_not_directives() {
    assert_eq!(parse("<!-- excerpt: crates/x/src/lib.rs -->"), None);
    assert_eq!(parse("<!-- a note -->"), None);
}

#[test]
fn every_item_is_read() {
    let directives =
        read("<!-- python: continues, extension, status=3, versions=3.11, 3.13+ -->").unwrap();
    assert!(directives.continues && directives.extension);
    assert_eq!(directives.status, Some(3));
    let versions = directives.versions.unwrap();
    assert_eq!(versions.to_string(), "3.11, 3.13+");
    assert!(versions.contains((3, 11, 7)) && versions.contains((3, 14, 0)));
    assert!(!versions.contains((3, 12, 1)) && !versions.contains((3, 10, 13)));
}

#[test]
fn a_version_range_is_inclusive() {
    let versions = read("<!-- python: versions=3.9-3.11 -->")
        .unwrap()
        .versions
        .unwrap();
    assert!(versions.contains((3, 9, 0)) && versions.contains((3, 11, 99)));
    assert!(!versions.contains((3, 8, 18)) && !versions.contains((3, 12, 0)));
}

#[test]
fn a_patch_release_bounds_a_range_within_a_minor_version() {
    let versions = |comment| read(comment).unwrap().versions.unwrap();
    let later = versions("<!-- python: versions=3.12.3+ -->");
    assert!(!later.contains((3, 12, 2)) && !later.contains((3, 11, 9)));
    assert!(later.contains((3, 12, 3)) && later.contains((3, 13, 0)));
    let early = versions("<!-- python: versions=3.12.0-3.12.2 -->");
    assert!(early.contains((3, 12, 0)) && early.contains((3, 12, 2)));
    assert!(!early.contains((3, 12, 3)) && !early.contains((3, 11, 7)));
    let one = versions("<!-- python: versions=3.12.1 -->");
    assert!(one.contains((3, 12, 1)) && !one.contains((3, 12, 2)));
}

#[test]
fn patch_and_minor_ends_mix() {
    let versions = read("<!-- python: versions=3.9-3.12.2, 3.13.1+ -->")
        .unwrap()
        .versions
        .unwrap();
    assert_eq!(versions.to_string(), "3.9-3.12.2, 3.13.1+");
    assert!(versions.contains((3, 9, 0)) && versions.contains((3, 12, 2)));
    assert!(!versions.contains((3, 12, 3)) && !versions.contains((3, 13, 0)));
    assert!(versions.contains((3, 13, 1)) && versions.contains((3, 15, 0)));
    let minor_last = read("<!-- python: versions=3.12.3-3.13 -->")
        .unwrap()
        .versions
        .unwrap();
    assert!(minor_last.contains((3, 13, 9)) && !minor_last.contains((3, 14, 0)));
    assert!(!minor_last.contains((3, 12, 2)));
}

#[test]
fn a_build_gate_admits_only_its_build() {
    let free = read("<!-- python: free-threaded -->").unwrap();
    assert_eq!(free.build, Some(Build::FreeThreaded));
    assert_eq!(free.refusal(&cpython((3, 14, 0), true)), None);
    assert_eq!(
        free.refusal(&cpython((3, 11, 7), false)).as_deref(),
        Some("for a free-threaded CPython, not CPython 3.11.7")
    );
    let gil = read("<!-- python: gil -->").unwrap();
    assert_eq!(gil.refusal(&cpython((3, 11, 7), false)), None);
    assert_eq!(
        gil.refusal(&cpython((3, 14, 0), true)).as_deref(),
        Some("for a CPython with the GIL, not CPython 3.14.0 (free-threaded)")
    );
}

#[test]
fn a_refusal_names_the_gate_and_the_interpreter() {
    let both = read("<!-- python: versions=3.14+, free-threaded -->").unwrap();
    assert_eq!(
        both.refusal(&cpython((3, 13, 0), true)).as_deref(),
        Some("for CPython 3.14+, not CPython 3.13.0 (free-threaded)")
    );
    assert_eq!(
        both.refusal(&cpython((3, 14, 0), false)).as_deref(),
        Some("for a free-threaded CPython, not CPython 3.14.0")
    );
    assert_eq!(both.refusal(&cpython((3, 14, 2), true)), None);
    let patch = read("<!-- python: versions=3.12.3+ -->").unwrap();
    assert_eq!(
        patch.refusal(&cpython((3, 12, 1), false)).as_deref(),
        Some("for CPython 3.12.3+, not CPython 3.12.1")
    );
    assert_eq!(
        Directives::default().refusal(&cpython((3, 9, 18), false)),
        None
    );
}

#[test]
fn skip_takes_the_rest_of_the_comment_as_its_reason() {
    let directives = read("<!-- python: continues, skip: needs Windows, or WSL -->").unwrap();
    assert!(directives.continues);
    assert_eq!(directives.skip.as_deref(), Some("needs Windows, or WSL"));
}

#[test]
fn malformed_items_say_what_to_write() {
    let cases = [
        ("<!-- python: status=one -->", "not an exit status"),
        ("<!-- python: versions=3 -->", "not a version range"),
        ("<!-- python: versions=3.12-3.9 -->", "not a version range"),
        (
            "<!-- python: versions=3.12.3-3.12.2 -->",
            "not a version range",
        ),
        ("<!-- python: versions=3.12.3.1 -->", "not a version range"),
        ("<!-- python: versions=3.12.x+ -->", "not a version range"),
        ("<!-- python: free-threaded, gil -->", "admit no build"),
        ("<!-- python: freethreaded -->", "not a python directive"),
        ("<!-- python: contines -->", "not a python directive"),
        ("<!-- python: 3.12+ -->", "not a python directive"),
        ("<!-- python: skip: -->", "needs its reason"),
    ];
    for (comment, words) in cases {
        let error = read(comment).unwrap_err();
        assert!(error.contains(words), "{comment}: {error}");
    }
}

/// An interpreter as the gates see it: its version and build (no program is started).
fn cpython(version: Version, free_threaded: bool) -> Interpreter {
    Interpreter {
        program: "python3".into(),
        version,
        free_threaded,
    }
}
