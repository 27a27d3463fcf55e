//! Tests of [`super`]: Python blocks read from a page, run by the real CPython, and blessed.
//! Without a `python3` the tests that run one say so and pass, unless `REQUIRE_PYTHON=1`.

use std::path::{Path, PathBuf};

use super::*;
use crate::kind::found;

const TIMEOUT: Duration = Duration::from_secs(30);

fn page(text: &str) -> Page {
    Page::of(Path::new("docs/typing.md"), text.to_string())
}

fn blocks(text: &str) -> Vec<Block> {
    found::<Python>(&page(text)).unwrap()
}

/// The kind with the machine's `python3`, or `None` (after saying why) if it has none.
fn python() -> Option<Python> {
    let python = Python::new(run::chosen(None), false, TIMEOUT);
    match python.interpreter() {
        Ok(_) => Some(python),
        Err(reason) if !run::required() => {
            eprintln!("skipped: {reason}");
            None
        }
        Err(reason) => panic!("{reason}, and REQUIRE_PYTHON=1"),
    }
}

fn failure(outcome: Result<Completion, Failed>) -> String {
    match outcome {
        Err(failed) => failed.message().unwrap_or_default().to_string(),
        Ok(_) => panic!("the trial should fail"),
    }
}

fn ignored(outcome: Result<Completion, Failed>) -> String {
    match outcome {
        Ok(Completion::Ignored { reason }) => reason.unwrap_or_default(),
        Ok(Completion::Completed) => panic!("the trial should be ignored, but passed"),
        Err(failed) => panic!("the trial should be ignored, but failed: {failed:?}"),
    }
}

#[test]
fn a_script_pairs_with_the_output_block_right_after_it() {
    let found =
        blocks("## A\n\n```python\nprint(1)\n```\n\n```output\n1\n```\n\n```python\npass\n```\n");
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].expected(), ["1"]);
    assert_eq!(found[0].output.as_ref().map(|o| o.start), Some(7));
    assert_eq!(found[1].output, None);
    assert_eq!(Python::name(&found[0]), "typing::python::a");
}

#[test]
fn a_block_is_named_after_the_demo_section_under_its_heading_else_the_heading() {
    let text = "```python\n```\n## Parse\n```console\n$ cargo xtask demo typing parse\n```\n```python\n```\n```pycon\n```\n## No demo here\n```python\n```\n";
    let names: Vec<String> = blocks(text).iter().map(Python::name).collect();
    assert_eq!(
        names,
        [
            "typing::python::intro",
            "typing::python::parse",
            "typing::python::parse",
            "typing::python::no-demo-here"
        ]
    );
}

#[test]
fn misplaced_blocks_and_directives_are_page_errors() {
    let cases = [
        ("```output\n1\n```\n", 1, "none is above it"),
        (
            "```python\n```\ntext\n```output\n```\n",
            4,
            "none is above it",
        ),
        (
            "```pycon\n>>> 1\n1\n```\n```output\n```\n",
            5,
            "holds its own output",
        ),
        (
            "<!-- python: continues -->\n```python\n```\n",
            1,
            "no Python block comes before",
        ),
        (
            "<!-- python: status=1 -->\n```pycon\n```\n",
            1,
            "is for a `python` script",
        ),
        (
            "<!-- python: status=x -->\n```python\n```\n",
            1,
            "not an exit status",
        ),
        (
            "<!-- python: continues -->\n```rust\n```\n",
            1,
            "belongs right above",
        ),
    ];
    for (text, line, words) in cases {
        let error = found::<Python>(&page(text)).unwrap_err();
        assert_eq!(error.line, line, "{text}");
        assert!(error.message.contains(words), "{text}: {error}");
    }
}

#[test]
fn a_continuing_block_runs_after_the_whole_chain_before_it() {
    let found = blocks(
        "```python\na = 1\n```\n<!-- python: continues -->\n```pycon\n>>> a\n1\n```\n<!-- python: continues -->\n```python\nprint(a)\n```\n",
    );
    assert_eq!(found[2].earlier.len(), 2);
    assert_eq!(found[2].earlier[0].lines, ["a = 1"]);
}

#[test]
fn a_script_passes_when_its_output_matches_and_fails_with_a_diff_when_not() {
    let Some(python) = python() else { return };
    let good = blocks(
        "```python\nimport os\nprint(os.getpid())\nprint('done')\n```\n\n```output\n[..]\ndone\n```\n",
    );
    assert!(matches!(python.check(&good[0]), Ok(Completion::Completed)));
    let bad =
        blocks("## A heading\n\n```python\nprint(1)\nprint(3)\n```\n\n```output\n1\n2\n```\n");
    let message = failure(python.check(&bad[0]));
    assert!(
        message.starts_with("docs/typing.md:3: the python block's output differs"),
        "{message}"
    );
    assert!(message.contains("-   10 | 2\n+      | 3\n"), "{message}");
    assert!(message.contains("cargo xtask bless typing"), "{message}");
}

#[test]
fn a_traceback_on_the_page_expects_status_1_and_status_n_says_otherwise() {
    let Some(python) = python() else { return };
    let page_text = "```python\nprint('before')\nraise ValueError('Must be >= 0')\n```\n\n```output\nbefore\nTraceback (most recent call last):\n...\nValueError: Must be >= 0\n```\n\n<!-- python: status=3 -->\n```python\nimport sys; sys.exit(3)\n```\n\n```python\nimport sys; sys.exit(3)\n```\n";
    let found = blocks(page_text);
    assert!(matches!(python.check(&found[0]), Ok(Completion::Completed)));
    assert!(matches!(python.check(&found[1]), Ok(Completion::Completed)));
    let message = failure(python.check(&found[2]));
    assert!(
        message.contains("exited with status 3 (the page expects status 0)"),
        "{message}"
    );
}

#[test]
fn a_continuing_block_sees_the_names_before_it_and_shows_only_its_own_output() {
    let Some(python) = python() else { return };
    let found = blocks(
        "```python\ndef f(x):\n    return 2 * x\nprint('defined')\n```\n\n```output\ndefined\n```\n<!-- python: continues -->\n```python\nprint(f(2))\n```\n\n```output\n4\n```\n",
    );
    assert!(
        matches!(python.check(&found[1]), Ok(Completion::Completed)),
        "{:?}",
        python.check(&found[1]).err()
    );
}

#[test]
fn a_block_that_continues_a_transcript_sees_the_names_the_session_defined() {
    let Some(python) = python() else { return };
    let found = blocks(
        "```pycon\n>>> a = [1]\n>>> a.append(2)\n```\n<!-- python: continues -->\n```python\nprint(a)\n```\n\n```output\n[1, 2]\n```\n",
    );
    assert!(
        matches!(python.check(&found[1]), Ok(Completion::Completed)),
        "{:?}",
        python.check(&found[1]).err()
    );
}

#[test]
fn a_transcript_is_checked_by_doctest_at_its_page_lines() {
    let Some(python) = python() else { return };
    let text = "```python\ndef f(x):\n    if x < 0:\n        raise ValueError('Must be >= 0')\n    return x\n```\n<!-- python: continues -->\n```pycon\n>>> f(2)\n2\n>>> f(-1)\nTraceback (most recent call last):\n    ...\nValueError: Must be >= 0\n>>> [f(i) for i in range(40)]\n[0, 1, ...]\n```\n```pycon\n>>> 1 + 1\n3\n```\n";
    let found = blocks(text);
    assert!(
        matches!(python.check(&found[1]), Ok(Completion::Completed)),
        "{:?}",
        python.check(&found[1]).err()
    );
    let message = failure(python.check(&found[2]));
    assert!(
        message.starts_with("docs/typing.md:18: 1 of the 1 examples"),
        "{message}"
    );
    assert!(
        message.contains("docs/typing.md:19: `>>> 1 + 1`\n-   20 | 3\n+      | 2\n"),
        "{message}"
    );
}

#[test]
fn without_an_interpreter_the_trials_are_ignored_with_the_reason_or_fail_if_required() {
    let found = blocks("```python\nprint(1)\n```\n");
    let missing = PathBuf::from("/nonexistent/python3");
    let reason = ignored(Python::new(missing.clone(), false, TIMEOUT).check(&found[0]));
    assert!(
        reason.starts_with("cannot start `/nonexistent/python3`"),
        "{reason}"
    );
    let message = failure(Python::new(missing, true, TIMEOUT).check(&found[0]));
    assert!(
        message.contains("REQUIRE_PYTHON=1 requires one"),
        "{message}"
    );
}

#[test]
fn skipped_and_version_gated_blocks_are_ignored_with_the_reason() {
    let found = blocks(
        "<!-- python: skip: needs Windows -->\n```python\nimport winreg\n```\n<!-- python: versions=3.0 -->\n```python\nprint(1)\n```\n",
    );
    let python = Python::new("/nonexistent/python3".into(), true, TIMEOUT);
    assert_eq!(ignored(python.check(&found[0])), "skip: needs Windows");
    let Some(python) = self::python() else { return };
    let reason = ignored(python.check(&found[1]));
    assert!(
        reason.starts_with("for CPython 3.0, not CPython 3."),
        "{reason}"
    );
}

#[test]
fn bless_adds_an_output_block_where_there_was_none_and_keeps_matching_wildcards() {
    let Some(python) = python() else { return };
    let found = blocks(
        "```python\nprint('hello')\n```\n\n```python\nimport os\nprint(os.getpid())\nprint('new')\n```\n\n```output\n[..]\nold\n```\n",
    );
    let Blessing::Rewrite { edit, reads_back } = python.bless(&found[0]) else {
        panic!("the first block should be rewritten")
    };
    assert_eq!((edit.start, edit.len), (3, 0));
    assert_eq!(edit.lines, ["", "```output", "hello", "```"]);
    assert_eq!(reads_back, ["hello"]);
    let Blessing::Rewrite { reads_back, .. } = python.bless(&found[1]) else {
        panic!("the second block should be rewritten")
    };
    assert_eq!(reads_back, ["[..]", "new"]);
}

#[test]
fn bless_writes_a_traceback_as_a_page_shows_it_whatever_the_directory_and_version() {
    let Some(python) = python() else { return };
    let found = blocks(
        "```python\nprint('a')\nraise ValueError('Must be >= 0')\n```\n\n<!-- python: status=1 -->\n```python\n1/\n```\n",
    );
    let Blessing::Rewrite { reads_back, .. } = python.bless(&found[0]) else {
        panic!("the block should be rewritten")
    };
    assert_eq!(
        reads_back,
        [
            "a",
            "Traceback (most recent call last):",
            "...",
            "ValueError: Must be >= 0"
        ]
    );
    // A syntax error has no `Traceback` line (so it needs its status); its path, in a new
    // directory each run, is `[..]`.
    let Blessing::Rewrite { reads_back, .. } = python.bless(&found[1]) else {
        panic!("the block should be rewritten")
    };
    assert_eq!(reads_back[0], "  File \"[..]/block.py\", line 1");
    assert_eq!(
        reads_back.last().map(String::as_str),
        Some("SyntaxError: invalid syntax")
    );
}

#[test]
fn bless_puts_cpythons_output_into_a_transcript_and_the_check_then_passes() {
    let Some(python) = python() else { return };
    let text = "```pycon\n>>> 1 + 1\n3\n>>> print('a\\n\\nb')\nx\n>>> int('z')\n0\n```\n";
    let transcript = blocks(text);
    let Blessing::Rewrite { edit, reads_back } = python.bless(&transcript[0]) else {
        panic!("the transcript should be rewritten")
    };
    assert_eq!(
        reads_back,
        [
            ">>> 1 + 1",
            "2",
            ">>> print('a\\n\\nb')",
            "a",
            "<BLANKLINE>",
            "b",
            ">>> int('z')",
            "Traceback (most recent call last):",
            "    ...",
            "ValueError: invalid literal for int() with base 10: 'z'",
        ]
    );
    let mut lines = crate::page::edit::Lines::of(text);
    lines.apply(vec![edit]);
    let blessed = found::<Python>(&Page::of(Path::new("docs/typing.md"), lines.text())).unwrap();
    assert!(
        matches!(python.check(&blessed[0]), Ok(Completion::Completed)),
        "{:?}",
        python.check(&blessed[0]).err()
    );
}
