//! Tests of the staging: the introduction, fence languages, links and pairs in a staged page.

use super::*;

#[test]
fn the_introduction_is_the_readme_and_a_list_of_chapters() {
    let root = crate::workspace_root();
    let readme =
        "# Title\n\nOpening.\n\n```sh\n## not a heading\n```\n\n## On a fresh machine\n\nrest\n";
    let intro = introduction(&root, readme);
    // Whole: pages link to the README's headings.
    assert!(intro.starts_with(readme.trim_end()));
    assert!(intro.contains("## On a fresh machine\n\nrest\n"));
    for topic in topics::TOPICS {
        assert!(
            intro.contains(&format!("- [{topic}](docs/{topic}.md)")),
            "{topic}"
        );
    }
}

#[test]
fn output_fences_become_plain_text_and_other_languages_stay() {
    assert_eq!(highlight_info("output"), "text,output");
    assert_eq!(highlight_info("rust,ignore"), "rust,ignore");
    assert_eq!(highlight_info("pycon"), "pycon");
}

#[test]
fn a_page_gets_its_links_rewritten_outside_code_only() {
    struct Everything;
    impl Site for Everything {
        fn chapter(&self, _: &Path) -> Option<String> {
            None
        }
        fn has_api_file(&self, _: &str) -> bool {
            true
        }
        fn is_repo_file(&self, _: &Path) -> bool {
            false
        }
    }
    let page = "[m](../crates/m/src/c3.rs)\n\n```output\n[m](../crates/m/src/c3.rs)\n```\n";
    let mut sources = BTreeSet::new();
    let out = book_page(&Everything, Path::new("docs/m.md"), page, &mut sources);
    assert_eq!(
        out,
        "[m](api/m/c3/index.html)\n\n```text,output\n[m](../crates/m/src/c3.rs)\n```\n"
    );
}

#[test]
fn a_page_in_the_specd_format_stages_its_pair_directives_and_output() {
    // The block formats of SPEC-pages.md: a directive above the python fence, its output
    // fence, a pycon transcript, an excerpt comment above the rust fence.
    let page = "\
# P

<!-- side-by-side -->

<!-- python: continues -->
```python
print(1)
```

```output
1
```

See [the code](../crates/p/src/lib.rs#L3-L4):

<!-- excerpt: crates/p/src/lib.rs#one -->
```rust
println!(\"1\");
```

<!-- /side-by-side -->

```pycon
>>> 1
1
```
";
    struct Api;
    impl Site for Api {
        fn chapter(&self, _: &Path) -> Option<String> {
            None
        }
        fn has_api_file(&self, path: &str) -> bool {
            path == "src/p/lib.rs.html"
        }
        fn is_repo_file(&self, _: &Path) -> bool {
            false
        }
    }
    let (wrapped, groups) = pairs::wrap(page).unwrap();
    assert_eq!(groups, 1);
    let out = book_page(&Api, Path::new("docs/p.md"), &wrapped, &mut BTreeSet::new());
    let python = out.find("<div class=\"side-by-side-python\">").unwrap();
    let rust = out.find("<div class=\"side-by-side-rust\">").unwrap();
    let at = |text: &str| out.find(text).unwrap_or_else(|| panic!("{text} in\n{out}"));
    assert!(python < at("<!-- python: continues -->") && at("```text,output") < rust);
    assert!(rust < at("[the code](api/src/p/lib.rs.html#3-4)"));
    assert!(at("<!-- excerpt:") < at("```rust\n") && at("```rust\n") < at("</div>\n</div>"));
    assert!(at("</div>\n</div>") < at("```pycon"));
}

/// A site where every page is a chapter of the same name and nothing else exists.
struct Chapters;

impl Site for Chapters {
    fn chapter(&self, path: &Path) -> Option<String> {
        path.file_name()
            .map(|name| name.to_string_lossy().into_owned())
    }
    fn has_api_file(&self, _: &str) -> bool {
        false
    }
    fn is_repo_file(&self, _: &Path) -> bool {
        false
    }
}

#[test]
fn a_headings_links_move_to_its_end_so_the_sidebar_shows_its_text() {
    let stage = |page: &str| {
        book_page(
            &Chapters,
            Path::new("docs/x.md"),
            page,
            &mut BTreeSet::new(),
        )
    };
    assert_eq!(
        stage("## 1. [The `sys` module](platform.md)\n"),
        "## 1. The `sys` module [→](platform.md)\n"
    );
    assert_eq!(
        stage("## [a](a.md) and [b](b.md#x) done\n"),
        "## a and b done [→](a.md) [→](b.md#x)\n"
    );
    assert_eq!(stage("## `[x](y)` and [z]\n"), "## `[x](y)` and [z]\n");
    assert_eq!(stage("## ![i](i.svg)\n"), "## ![i](i.svg)\n");
}

#[test]
fn links_and_definitions_are_rewritten_outside_code_spans_and_every_other_byte_kept() {
    let page = "see [`a`](a.md) and `[b](c.md)` and ![i](c.md \"t\")\r\n\r\n\
                [c3]: ../docs/c.md \"C3\"\r\nno newline at the end";
    let out = book_page(
        &Chapters,
        Path::new("docs/x.md"),
        page,
        &mut BTreeSet::new(),
    );
    assert_eq!(
        out,
        "see [`a`](a.md) and `[b](c.md)` and ![i](c.md \"t\")\r\n\r\n\
         [c3]: c.md \"C3\"\r\nno newline at the end"
    );
}
