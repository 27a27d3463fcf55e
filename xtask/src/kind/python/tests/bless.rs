//! A block's blessing, by the real CPython: an output block added or rewritten, tracebacks
//! written as a page shows them, a transcript's outputs.

use super::*;

#[test]
fn bless_adds_an_output_block_where_there_was_none_and_keeps_matching_wildcards() {
    let Some(python) = python() else { return };
    let found = blocks(
        "\
```python
print('hello')
```

```python
import os
print(os.getpid())
print('new')
```

```output
[..]
old
```
",
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
        "\
```python
print('a')
raise ValueError('Must be >= 0')
```

<!-- python: status=1 -->
```python
1/
```
",
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
    let text = "\
```pycon
>>> 1 + 1
3
>>> print('a\\n\\nb')
x
>>> int('z')
0
```
";
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
