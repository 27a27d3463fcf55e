//! docs/README.md, the learners' index, lists every topic page's sections under the page's
//! title. This test makes those lists again from the pages' headings (the title from the
//! `# ` heading, one link a `## ` heading, "See also" left out) and compares, so a heading
//! renamed, added or moved on a page cannot leave the index stale. The rest of the index (its
//! order, reading times, introduction) is written by hand and kept as it is.
//!
//! On a difference it fails with the index as it should be; `UPDATE_EXPECT=1 cargo test -p
//! xtask --test docs_index` writes that into docs/README.md instead.

use std::fs;

use xtask::markdown::Markdown;

/// The page a `## N. [Title](page.md)` line of the index introduces: its number and file.
fn page_entry(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix("## ")?;
    let (number, link) = rest.split_once(". [")?;
    let page = link.strip_suffix(')')?.rsplit_once("](")?.1;
    (number.bytes().all(|b| b.is_ascii_digit()) && page.ends_with(".md")).then_some((number, page))
}

/// The index with every page's title line and section list made again from `page_text`.
fn regenerate(index: &str, page_text: &dyn Fn(&str) -> String) -> String {
    let mut out = Vec::new();
    let mut lines = index.lines().peekable();
    while let Some(line) = lines.next() {
        let Some((number, page)) = page_entry(line) else {
            out.push(line.to_owned());
            continue;
        };
        let text = page_text(page);
        let headings = Markdown::parse(&text).headings;
        let title = headings
            .iter()
            .find(|heading| heading.level == 1)
            .map_or("(no title)", |heading| heading.source);
        out.push(format!("## {number}. [{title}]({page})"));
        // The hand-written lines under the title (the reading time), up to the list.
        let section_link = format!("]({page}#");
        while let Some(next) = lines.peek() {
            if next.starts_with("- [") && next.contains(&section_link) || next.starts_with("## ") {
                break;
            }
            out.push(lines.next().unwrap_or_default().to_owned());
        }
        while lines
            .peek()
            .is_some_and(|next| next.starts_with("- [") && next.contains(&section_link))
        {
            lines.next();
        }
        for heading in headings.iter().filter(|heading| heading.level == 2) {
            if heading.source != "See also" {
                let anchor = heading.anchor();
                out.push(format!("- [{}]({page}#{anchor})", heading.source));
            }
        }
    }
    let mut text = out.join("\n");
    if index.ends_with('\n') {
        text.push('\n');
    }
    text
}

#[test]
fn the_index_lists_every_pages_sections_as_its_headings_are() {
    let root = xtask::workspace_root();
    let docs = root.join("docs");
    let index_path = docs.join("README.md");
    let index = fs::read_to_string(&index_path).expect("cannot read docs/README.md");
    let page_text = |page: &str| {
        fs::read_to_string(docs.join(page)).unwrap_or_else(|e| panic!("cannot read {page}: {e}"))
    };
    let expected = regenerate(&index, &page_text);
    if expected == index {
        return;
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        fs::write(&index_path, &expected).expect("cannot write docs/README.md");
        return;
    }
    panic!(
        "docs/README.md does not list the pages' sections as their headings are; run\n  \
         UPDATE_EXPECT=1 cargo test -p xtask --test docs_index\nto write it. It should read:\n\n\
         {expected}"
    );
}

#[test]
fn a_pages_list_is_its_level_two_headings_but_see_also() {
    let index = "# The pages\n\n## 1. [Old title](a.md)\n\nAbout 5 min.\n\n\
                 - [Gone](a.md#gone)\n\n## Across the topics\n\n- [Glossary](glossary.md)\n";
    let page = "# `A` title\n\n## First, `one`\n\n```sh\n## not a heading\n```\n\n\
                ### Deeper\n\n## Deep dive: two\n\n## See also\n";
    let expected = "# The pages\n\n## 1. [`A` title](a.md)\n\nAbout 5 min.\n\n\
                    - [First, `one`](a.md#first-one)\n- [Deep dive: two](a.md#deep-dive-two)\n\n\
                    ## Across the topics\n\n- [Glossary](glossary.md)\n";
    assert_eq!(regenerate(index, &|_| page.to_owned()), expected);
    assert_eq!(regenerate(expected, &|_| page.to_owned()), expected);
}
