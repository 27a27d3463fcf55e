//! Tests of [`super`]: Python blocks read from a page (here), checked by the real CPython
//! ([`check`]) and blessed ([`bless`]). Without a `python3` the tests that run one say so and
//! pass, unless `REQUIRE_PYTHON=1`.

mod bless;
mod check;

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
    let found = blocks(
        "\
## A

```python
print(1)
```

```output
1
```

```python
pass
```
",
    );
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].expected(), ["1"]);
    assert_eq!(found[0].output.as_ref().map(|o| o.start), Some(7));
    assert_eq!(found[1].output, None);
    assert_eq!(Python::name(&found[0]), "typing::python::a");
}

#[test]
fn a_block_is_named_after_the_demo_section_under_its_heading_else_the_heading() {
    let text = "\
```python
```
## Parse
```console
$ cargo xtask demo typing parse
```
```python
```
```pycon
```
## No demo here
```python
```
";
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
        "\
```python
a = 1
```
<!-- python: continues -->
```pycon
>>> a
1
```
<!-- python: continues -->
```python
print(a)
```
",
    );
    assert_eq!(found[2].earlier.len(), 2);
    assert_eq!(found[2].earlier[0].lines, ["a = 1"]);
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
        "\
<!-- python: skip: needs Windows -->
```python
import winreg
```
<!-- python: versions=3.0 -->
```python
print(1)
```
",
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
fn the_build_gate_asks_the_interpreter_whether_it_is_free_threaded() {
    let Some(python) = python() else { return };
    let found = blocks(
        "\
<!-- python: free-threaded -->
```python
print(1)
```

```output
1
```
<!-- python: gil -->
```python
print(1)
```

```output
1
```
",
    );
    let interpreter = python.interpreter().clone().expect("probed above");
    let (runs, refused, gate) = if interpreter.free_threaded {
        (&found[0], &found[1], "a CPython with the GIL")
    } else {
        (&found[1], &found[0], "a free-threaded CPython")
    };
    assert!(matches!(python.check(runs), Ok(Completion::Completed)));
    let reason = ignored(python.check(refused));
    assert_eq!(reason, format!("for {gate}, not {}", interpreter.name()));
}

#[test]
fn an_extension_block_and_the_blocks_that_continue_it_import_the_module() {
    let found = blocks(
        "\
<!-- python: extension -->
```python
import pyideas
```
<!-- python: continues -->
```python
print(pyideas)
```
```python
pass
```
",
    );
    let extension: Vec<bool> = found.iter().map(|b| b.directives.extension).collect();
    assert_eq!(extension, [true, true, false]);
}

#[test]
fn where_the_extension_is_not_built_its_blocks_are_ignored_saying_who_runs_them() {
    let found = blocks(
        "\
<!-- python: extension -->
```python
import pyideas
```
",
    );
    let Some(python) = self::python() else { return };
    let reason = ignored(python.check(&found[0]));
    assert!(reason.contains("`cargo xtask check` builds"), "{reason}");
}
