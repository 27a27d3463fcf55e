//! A block's trial, by the real CPython: scripts and their output, statuses, chains of
//! blocks, transcripts.

use super::*;

#[test]
fn a_script_passes_when_its_output_matches_and_fails_with_a_diff_when_not() {
    let Some(python) = python() else { return };
    let good = blocks(
        "\
```python
import os
print(os.getpid())
print('done')
```

```output
[..]
done
```
",
    );
    assert!(matches!(python.check(&good[0]), Ok(Completion::Completed)));
    let bad = blocks(
        "\
## A heading

```python
print(1)
print(3)
```

```output
1
2
```
",
    );
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
    let page_text = "\
```python
print('before')
raise ValueError('Must be >= 0')
```

```output
before
Traceback (most recent call last):
...
ValueError: Must be >= 0
```

<!-- python: status=3 -->
```python
import sys; sys.exit(3)
```

```python
import sys; sys.exit(3)
```
";
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
        "\
```python
def f(x):
    return 2 * x
print('defined')
```

```output
defined
```
<!-- python: continues -->
```python
print(f(2))
```

```output
4
```
",
    );
    passes(&python, &found[1]);
}

#[test]
fn a_block_that_continues_a_transcript_sees_the_names_the_session_defined() {
    let Some(python) = python() else { return };
    let found = blocks(
        "\
```pycon
>>> a = [1]
>>> a.append(2)
```
<!-- python: continues -->
```python
print(a)
```

```output
[1, 2]
```
",
    );
    passes(&python, &found[1]);
}

#[test]
fn a_transcript_is_checked_by_doctest_at_its_page_lines() {
    let Some(python) = python() else { return };
    let text = "\
```python
def f(x):
    if x < 0:
        raise ValueError('Must be >= 0')
    return x
```
<!-- python: continues -->
```pycon
>>> f(2)
2
>>> f(-1)
Traceback (most recent call last):
    ...
ValueError: Must be >= 0
>>> [f(i) for i in range(40)]
[0, 1, ...]
```
```pycon
>>> 1 + 1
3
```
";
    let found = blocks(text);
    passes(&python, &found[1]);
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

/// Asserts that the block's trial passes, showing its failure if not.
fn passes(python: &Python, block: &Block) {
    let outcome = python.check(block);
    assert!(
        matches!(outcome, Ok(Completion::Completed)),
        "{:?}",
        outcome.err()
    );
}
