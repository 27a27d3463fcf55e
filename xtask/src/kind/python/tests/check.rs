//! A block's trial, by the real CPython: scripts and their output, statuses, chains of
//! blocks, transcripts.

use super::*;

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
