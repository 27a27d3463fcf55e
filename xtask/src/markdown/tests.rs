//! Tests of [`super`]: fences, headings and links where CommonMark puts them, with their
//! places in the source.

use super::*;

fn kinds(text: &str) -> Vec<Line<'_>> {
    Markdown::parse(text)
        .lines(text)
        .into_iter()
        .map(|(_, kind)| kind)
        .collect()
}

#[test]
fn a_fence_holds_everything_up_to_a_closing_run_at_least_as_long() {
    let text = "a\n````markdown\n```rust\n```\n````\nb";
    assert_eq!(
        kinds(text),
        [
            Line::Text,
            Line::Open { info: "markdown" },
            Line::Code,
            Line::Code,
            Line::Code,
            Line::Text
        ]
    );
    let fence = &Markdown::parse(text).fences[0];
    assert_eq!((fence.open, fence.close, fence.last), (1, Some(4), 4));
    assert_eq!(&text[fence.info_range.clone()], "markdown");
}

#[test]
fn an_unclosed_fence_runs_to_the_end_and_has_no_close() {
    let text = "text\n```python\nx\n";
    let fence = &Markdown::parse(text).fences[0];
    assert_eq!((fence.open, fence.close, fence.last), (1, None, 2));
    assert_eq!(fence.marker, ('`', 3));
    let empty = &Markdown::parse("~~~~ sh").fences[0];
    assert_eq!((empty.open, empty.close, empty.last), (0, None, 0));
}

#[test]
fn a_fence_in_a_list_item_is_a_fence_and_indented_code_is_not() {
    let text = "- item\n\n  ```console\n  $ x\n  ```\n\n      ```rust\n      ```\n";
    let markdown = Markdown::parse(text);
    assert_eq!(markdown.fences.len(), 1);
    assert_eq!(
        (markdown.fences[0].open, markdown.fences[0].close),
        (2, Some(4))
    );
    assert_eq!(markdown.fences[0].info, "console");
}

#[test]
fn an_indented_code_block_is_its_lines() {
    let markdown = Markdown::parse("text\n\n    ```console\n    $ x\n\nafter\n");
    assert!(markdown.fences.is_empty());
    assert_eq!(markdown.indented, vec![2..4]);
}

#[test]
fn inline_code_at_the_start_of_a_line_is_not_a_fence() {
    assert_eq!(kinds("```x``` is code\n[a](b)"), [Line::Text, Line::Text]);
}

#[test]
fn headings_outside_code_with_their_text_as_written_and_as_rendered() {
    let text = "# Title\n\n## The `None` idiom ##\n\n```md\n## not a heading\n```\n\n\
                Setext\n---\n\n## 2. [The page](x.md) &amp; more\n";
    let headings = Markdown::parse(text).headings;
    let seen: Vec<(usize, &str, &str, usize)> = headings
        .iter()
        .map(|h| (h.level, h.source, h.text.as_str(), h.line))
        .collect();
    assert_eq!(
        seen,
        [
            (1, "Title", "Title", 0),
            (2, "The `None` idiom", "The None idiom", 2),
            (2, "Setext", "Setext", 8),
            (
                2,
                "2. [The page](x.md) &amp; more",
                "2. The page & more",
                11
            ),
        ]
    );
    assert_eq!(&text[headings[1].range.clone()], "The `None` idiom");
}

#[test]
fn anchors_are_spelled_as_github_spells_them() {
    let page = "# Title\n\n## `Option<T>` parameters, and `_x`\n\n```md\n## not a heading\n```\n\n\
                ## 1. The notes' example: `foo.x += 1`\n\n## Repeat\n\n## Repeat\n\n\
                ## 2. [The page](x.md)\n\n## snake_case and 3.12+\n";
    assert_eq!(
        Markdown::parse(page).anchors(),
        [
            "title",
            "optiont-parameters-and-_x",
            "1-the-notes-example-foox--1",
            "repeat",
            "repeat-1",
            "2-the-page",
            "snake_case-and-312",
        ]
    );
    assert_eq!(
        slug("The notes' example: one shared default list, then None"),
        "the-notes-example-one-shared-default-list-then-none"
    );
}

#[test]
fn links_images_and_definitions_outside_code_with_their_places() {
    let text = "see [`a`](../crates/a/src/lib.rs) and `[b](c)` and ![i](x.png \"t\")\n\
                \n```md\n[no](link)\n```\n\n[r][c3] and [<br>](<a b.md>)\n\n\
                [c3]: ../crates/m/src/c3.rs \"C3\"\n\n## [Head](h.md#x)\n";
    let links = Markdown::parse(text).links;
    let seen: Vec<(&str, LinkKind, usize, Option<usize>)> = links
        .iter()
        .map(|l| (l.dest, l.kind, l.line, l.heading))
        .collect();
    assert_eq!(
        seen,
        [
            ("../crates/a/src/lib.rs", LinkKind::Inline, 0, None),
            ("x.png", LinkKind::Image, 0, None),
            ("a b.md", LinkKind::Inline, 6, None),
            ("../crates/m/src/c3.rs", LinkKind::Definition, 8, None),
            ("h.md#x", LinkKind::Inline, 10, Some(0)),
        ]
    );
    for link in &links {
        assert_eq!(&text[link.range.clone()], link.dest);
    }
    assert_eq!(&text[links[0].text.clone()], "`a`");
    assert_eq!(&text[links[4].whole.clone()], "[Head](h.md#x)");
}
