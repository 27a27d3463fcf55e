//! Tests of [`super`]: a page blessed through every kind, and refused where the new text
//! would read back as markup.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::*;

/// A workspace with a stand-in `typing` demo that prints `output`, and a source file.
fn kinds(root: &Path, output: &str) -> Kinds {
    let demo = root.join("demo.sh");
    std::fs::write(&demo, format!("#!/bin/sh\nprintf '{output}'\n")).unwrap();
    std::fs::set_permissions(&demo, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::create_dir_all(root.join("crates/t/src")).unwrap();
    std::fs::write(
        root.join("crates/t/src/lib.rs"),
        "// ANCHOR: r\nlet new = 1;\n// ANCHOR_END: r\n",
    )
    .unwrap();
    let timeout = Duration::from_secs(30);
    Kinds {
        console: Console {
            root: root.to_path_buf(),
            binaries: Arc::new(BTreeMap::from([("typing".to_string(), demo)])),
            timeout,
        },
        python: Python::new(PathBuf::from("/nonexistent/python3"), false, timeout),
        excerpt: Excerpt {
            root: root.to_path_buf(),
        },
    }
}

fn bless_text(kinds: &Kinds, text: &str) -> (Option<String>, Report) {
    let page = Page::of(Path::new("docs/typing.md"), text.to_string());
    let mut report = Report::default();
    let blessed = bless_page(&page, kinds, &|_| true, &mut report).unwrap();
    (blessed.map(|(text, _)| text), report)
}

const PAGE: &str = "\
```console
$ cargo xtask demo typing a
old
```

<!-- excerpt: crates/t/src/lib.rs#r -->
```rust
let old = 1;
```

```python
print(1)
```
";

#[test]
fn every_kind_is_blessed_in_one_pass_and_an_unrun_block_is_named() {
    let root = tempfile::tempdir().unwrap();
    let kinds = kinds(root.path(), "new\\n");
    let (text, report) = bless_text(&kinds, PAGE);
    assert_eq!(
        text.as_deref(),
        Some(
            PAGE.replace("old\n", "new\n")
                .replace("let old", "let new")
                .as_str()
        )
    );
    assert_eq!(report.unrun.len(), 1, "{report:?}");
    assert!(
        report.unrun[0].starts_with("docs/typing.md:11: cannot start"),
        "{report:?}"
    );
    let (again, report) = bless_text(&kinds, text.as_deref().unwrap());
    assert_eq!(
        (again, report.unchanged),
        (None, 2),
        "a blessed page is left as it is"
    );
}

#[test]
fn output_that_would_read_as_markup_is_not_blessed() {
    let root = tempfile::tempdir().unwrap();
    for (output, reads_as_markup) in [("new", false), ("```", true), ("? 1", true), ("$ ls", true)]
    {
        let kinds = kinds(root.path(), &format!("{output}\\nend\\n"));
        let (text, report) = bless_text(
            &kinds,
            "```console\n$ cargo xtask demo typing a\nold\n```\n",
        );
        if reads_as_markup {
            assert_eq!(text, None, "{output}");
            assert!(
                report.failed[0].starts_with("docs/typing.md:2: "),
                "{output}: {report:?}"
            );
        } else {
            assert!(
                text.is_some() && report.failed.is_empty(),
                "{output}: {report:?}"
            );
        }
    }
}

#[test]
fn a_python_block_on_a_page_that_is_no_topics_is_blessed_by_bless_without_a_topic() {
    let root = tempfile::tempdir().unwrap();
    let mut kinds = kinds(root.path(), "");
    let python = crate::kind::python::run::chosen(None);
    kinds.python = Python::new(python, false, Duration::from_secs(30));
    if let Err(reason) = kinds.python.interpreter() {
        assert!(!crate::kind::python::run::required(), "{reason}");
        eprintln!("skipped: {reason}");
        return;
    }
    let glossary = "```python\nprint(2)\n```\n\n```output\n1\n```\n";
    let page = Page::of(Path::new("docs/glossary.md"), glossary.to_string());
    assert_eq!(page.topic(), None);
    let bless = |topic| {
        let mut report = Report::default();
        let blessed = bless_page(&page, &kinds, &wanted(topic), &mut report).unwrap();
        blessed.map(|(text, _)| text)
    };
    assert_eq!(bless(None), Some(glossary.replace("1\n```", "2\n```")));
    assert_eq!(
        bless(Some("typing")),
        None,
        "a topic's bless leaves the glossary alone"
    );
}
