//! Tests of [`super`]: excerpts found on a page, compared with a source that changes, and
//! blessed back.

use std::path::Path;

use super::*;
use crate::kind::found;

const SOURCE: &str = "\
//! A crate.

// ANCHOR: greet
pub fn greet(name: &str) -> String {
    let greeting = \"Hello\";
    format!(\"{greeting}, {name}!\")
}
// ANCHOR_END: greet

pub fn other() {
    // ANCHOR: body
    let x = 1;
    let y = 2;
    // ANCHOR_END: body
}
";

const PAGE: &str = "\
# Page

<!-- excerpt: crates/t/src/lib.rs#greet -->
```rust,ignore
pub fn greet(name: &str) -> String {
    // ...
    format!(\"{greeting}, {name}!\")
}
```

<!-- excerpt: crates/t/src/lib.rs#body -->
```rust
let x = 1;
let y = 2;
```
";

fn workspace(source: &str) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("crates/t/src")).unwrap();
    std::fs::write(root.path().join("crates/t/src/lib.rs"), source).unwrap();
    root
}

fn blocks(text: &str) -> Vec<Block> {
    found::<Excerpt>(&Page::of(Path::new("docs/typing.md"), text.to_string())).unwrap()
}

fn failure(outcome: Result<Completion, Failed>) -> String {
    match outcome {
        Err(failed) => failed.message().unwrap_or_default().to_string(),
        Ok(_) => panic!("the trial should fail"),
    }
}

#[test]
fn excerpts_are_named_after_the_region_they_show() {
    let names: Vec<String> = blocks(PAGE).iter().map(Excerpt::name).collect();
    assert_eq!(
        names,
        [
            "typing::excerpt::crates/t/src/lib.rs#greet",
            "typing::excerpt::crates/t/src/lib.rs#body"
        ]
    );
    let whole = blocks("<!-- excerpt: crates/t/src/lib.rs -->\n```rust\n```\n");
    assert_eq!(whole[0].region, None);
}

#[test]
fn a_changed_source_line_fails_exactly_the_excerpt_that_shows_it() {
    let blocks = blocks(PAGE);
    let root = workspace(SOURCE);
    let excerpt = Excerpt {
        root: root.path().to_path_buf(),
    };
    assert!(blocks.iter().all(|block| excerpt.check(block).is_ok()));
    std::fs::write(
        root.path().join("crates/t/src/lib.rs"),
        SOURCE.replace("let y = 2;", "let y = 3;"),
    )
    .unwrap();
    assert!(
        excerpt.check(&blocks[0]).is_ok(),
        "the other region is untouched"
    );
    let message = failure(excerpt.check(&blocks[1]));
    assert!(
        message.starts_with("docs/typing.md:11: this excerpt differs from crates/t/src/lib.rs#body (from crates/t/src/lib.rs:12)"),
        "{message}"
    );
    assert!(
        message.contains("-   14 | let y = 2;\n+   13 | let y = 3;\n"),
        "{message}"
    );
    assert!(message.contains("cargo xtask bless typing"), "{message}");
}

#[test]
fn a_missing_file_or_region_is_an_error_naming_both() {
    let root = workspace(SOURCE);
    let excerpt = Excerpt {
        root: root.path().to_path_buf(),
    };
    let gone = blocks("<!-- excerpt: crates/t/src/gone.rs#greet -->\n```rust\n```\n");
    let message = failure(excerpt.check(&gone[0]));
    assert!(message.starts_with("docs/typing.md:1: names crates/t/src/gone.rs#greet, but crates/t/src/gone.rs cannot be read"), "{message}");
    let no_region = blocks("<!-- excerpt: crates/t/src/lib.rs#nope -->\n```rust\n```\n");
    let message = failure(excerpt.check(&no_region[0]));
    assert!(
        message.contains("crates/t/src/lib.rs has no region `nope` (its regions: greet, body)"),
        "{message}"
    );
}

#[test]
fn malformed_markers_are_page_errors() {
    let cases = [
        (
            "<!-- excerpt: /etc/passwd -->\n```rust\n```\n",
            "not a path from the workspace root",
        ),
        (
            "<!-- excerpt: ../x.rs -->\n```rust\n```\n",
            "not a path from the workspace root",
        ),
        (
            "<!-- excerpt: crates/t/src/lib.rs#Big -->\n```rust\n```\n",
            "not a region name",
        ),
        (
            "<!-- excerpt: crates/t/src/lib.rs -->\n```python\n```\n",
            "an excerpt is a ```rust block",
        ),
    ];
    for (text, words) in cases {
        let error = found::<Excerpt>(&Page::of(Path::new("docs/x.md"), text.into())).unwrap_err();
        assert_eq!(error.line, 1, "{text}");
        assert!(error.message.contains(words), "{text}: {error}");
    }
}

#[test]
fn bless_rewrites_from_the_source_keeping_elisions_then_the_check_passes() {
    let root = workspace(&SOURCE.replace("let y = 2;", "let y = 3;\n    let z = 4;"));
    let excerpt = Excerpt {
        root: root.path().to_path_buf(),
    };
    let blocks = blocks(PAGE);
    assert_eq!(
        excerpt.bless(&blocks[0]),
        Blessing::Unchanged,
        "its elision still matches"
    );
    let Blessing::Rewrite { edit, reads_back } = excerpt.bless(&blocks[1]) else {
        panic!("the changed region should be rewritten")
    };
    assert_eq!(reads_back, ["let x = 1;", "let y = 3;", "let z = 4;"]);
    let mut lines = crate::page::edit::Lines::of(PAGE);
    lines.apply(vec![edit]);
    let page = Page::of(Path::new("docs/typing.md"), lines.text());
    let blessed = found::<Excerpt>(&page).unwrap();
    assert!(excerpt.check(&blessed[1]).is_ok());
    assert_eq!(excerpt.bless(&blessed[1]), Blessing::Unchanged);
}
