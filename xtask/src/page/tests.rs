//! Tests of [`super`]: fences with their tags, comments, headings and indentation.

use super::*;

fn read(text: &str) -> Vec<Fence> {
    fences(Path::new("docs/x.md"), text).unwrap()
}

#[test]
fn a_fence_knows_its_tag_lines_comment_and_heading() {
    let page = "# Title\n\n## The `None` idiom\n\n<!-- python: continues -->\n```python extra\nx = 1\n\n```\n";
    let fence = read(page).remove(0);
    assert_eq!(fence.tag, "python");
    assert_eq!((fence.line, fence.body_start, fence.close), (6, 6, 8));
    assert_eq!(fence.body, vec!["x = 1", ""]);
    assert_eq!(fence.comment.as_deref(), Some("<!-- python: continues -->"));
    assert_eq!(fence.heading.as_deref(), Some("The `None` idiom"));
}

#[test]
fn only_a_comment_directly_above_belongs_to_the_fence() {
    let fence = read("<!-- a comment -->\n\n```rust\n```\n").remove(0);
    assert_eq!(fence.comment, None);
}

#[test]
fn a_heading_inside_a_fence_is_its_text() {
    let fences = read("## One\n```sh\n## not a heading\n```\n```text\n```\n");
    assert_eq!(fences[1].heading.as_deref(), Some("One"));
}

#[test]
fn a_fence_inside_a_longer_one_is_text() {
    let fences = read("````markdown\n```console\n$ x\n```\n````\n");
    assert_eq!(fences.len(), 1);
    assert_eq!(fences[0].body, vec!["```console", "$ x", "```"]);
}

#[test]
fn a_fence_in_a_nested_list_item_is_read_with_its_indentation() {
    let fences = read("- a\n  - b\n\n    ```console\n    $ x\n\n    y\n    ```\n");
    assert_eq!((fences[0].tag.as_str(), fences[0].indent), ("console", 4));
    assert_eq!(fences[0].body, ["$ x", "", "y"]);
}

#[test]
fn a_console_fence_that_is_indented_code_is_an_error_not_skipped() {
    let text = "text\n\n    ```rust\n    ```\n\n    ```console\n    $ x\n    ```\n";
    let error = fences(Path::new("docs/x.md"), text).unwrap_err();
    assert_eq!(error.line, 6);
    assert!(
        error.message.contains("indented four spaces or more"),
        "{error}"
    );
}

#[test]
fn every_page_reads_back_byte_for_byte_through_its_fences() {
    let root = crate::workspace_root();
    for page in read_pages(&root).unwrap() {
        let fences = page.fences.as_ref().unwrap();
        assert!(!fences.is_empty(), "{}", page.path.display());
        let mut lines = edit::Lines::of(&page.text);
        assert_eq!(lines.text(), page.text, "{}", page.path.display());
        let edits = fences.iter().map(|fence| edit::Edit {
            start: fence.body_start,
            len: fence.body.len(),
            lines: fence.body.clone(),
            indent: fence.indent,
        });
        lines.apply(edits.collect());
        assert_eq!(lines.text(), page.text, "{}", page.path.display());
    }
}

#[test]
fn rust_fences_of_every_flavour_are_rust() {
    let fences = read("```rust\n```\n```rust,ignore\n```\n```rustc\n```\n");
    let rust: Vec<bool> = fences.iter().map(Fence::is_rust).collect();
    assert_eq!(rust, vec![true, true, false]);
}

#[test]
fn an_unclosed_fence_is_an_error_at_its_opening_line() {
    let error = fences(Path::new("docs/x.md"), "text\n```python\nx\n").unwrap_err();
    assert_eq!(
        error.to_string(),
        "docs/x.md:2: this code fence is never closed: end it with a line of 3 ```"
    );
}
