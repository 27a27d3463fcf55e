//! Tests of the link rewriting, against a made-up site.

use super::*;

/// A book with two chapters and rustdoc for one crate whose `threading::gil` module is public
/// and whose `sys` module is private (no page, only a source view).
struct Fake;

impl Site for Fake {
    fn chapter(&self, repo_path: &Path) -> Option<String> {
        match repo_path.to_str()? {
            "docs/typing.md" => Some("typing.md".into()),
            "docs/README.md" => Some("documented-output.md".into()),
            _ => None,
        }
    }
    fn has_api_file(&self, doc_path: &str) -> bool {
        [
            "concurrency/index.html",
            "concurrency/threading/index.html",
            "concurrency/threading/gil/index.html",
            "src/concurrency/lib.rs.html",
            "src/concurrency/sys.rs.html",
            "src/concurrency/threading/gil/mod.rs.html",
        ]
        .contains(&doc_path)
    }
    fn is_repo_file(&self, repo_path: &Path) -> bool {
        repo_path == Path::new("crates/concurrency/tests/pool.rs")
            || repo_path == Path::new("docs/performance/concurrency.svg")
    }
}

fn href(link: &str) -> Option<String> {
    resolve(&Fake, Path::new("docs/concurrency.md"), link).map(|t| t.href)
}

#[test]
fn a_page_link_goes_to_its_chapter_with_its_anchor() {
    assert_eq!(href("typing.md#casts").as_deref(), Some("typing.md#casts"));
    assert_eq!(href("./README.md").as_deref(), Some("documented-output.md"));
    // A directory goes to its README where that is a chapter, as a forge shows it.
    assert_eq!(
        resolve(&Fake, Path::new("README.md"), "docs/").map(|t| t.href),
        Some("documented-output.md".into())
    );
}

#[test]
fn crate_and_module_links_go_to_rustdoc_pages() {
    assert_eq!(
        href("../crates/concurrency").as_deref(),
        Some("api/concurrency/index.html")
    );
    assert_eq!(
        href("../crates/concurrency/src/lib.rs").as_deref(),
        Some("api/concurrency/index.html")
    );
    assert_eq!(
        href("../crates/concurrency/src/threading/gil/mod.rs").as_deref(),
        Some("api/concurrency/threading/gil/index.html")
    );
}

#[test]
fn a_private_module_goes_to_its_source_view() {
    assert_eq!(
        href("../crates/concurrency/src/sys.rs").as_deref(),
        Some("api/src/concurrency/sys.rs.html")
    );
}

#[test]
fn line_anchors_go_to_the_source_view_in_rustdocs_spelling() {
    assert_eq!(
        href("../crates/concurrency/src/lib.rs#L12").as_deref(),
        Some("api/src/concurrency/lib.rs.html#12")
    );
    assert_eq!(
        href("../crates/concurrency/src/threading/gil/mod.rs#L3-L9").as_deref(),
        Some("api/src/concurrency/threading/gil/mod.rs.html#3-9")
    );
}

#[test]
fn other_repository_files_get_a_source_page() {
    let target = resolve(
        &Fake,
        Path::new("docs/x.md"),
        "../crates/concurrency/tests/pool.rs#L4",
    );
    assert_eq!(
        target,
        Some(Target {
            href: "source/crates/concurrency/tests/pool.rs.html#4".into(),
            needs: Some(Needs::SourcePage(PathBuf::from(
                "crates/concurrency/tests/pool.rs"
            ))),
        })
    );
}

#[test]
fn external_anchor_only_and_unknown_links_are_left_alone() {
    for link in [
        "https://peps.python.org/pep-0703/",
        "mailto:a@b",
        "#the-gil",
        "/etc/passwd",
        "../../outside",
        "../crates/missing/src/lib.rs",
    ] {
        assert_eq!(href(link), None, "{link}");
    }
}

#[test]
fn forge_line_anchors_are_read_strictly() {
    assert_eq!(line_anchor("L7").as_deref(), Some("7"));
    assert_eq!(line_anchor("L7-L10").as_deref(), Some("7-10"));
    for fragment in ["L", "7", "Lx", "L7-10", "heading"] {
        assert_eq!(line_anchor(fragment), None, "{fragment}");
    }
}

#[test]
fn an_image_is_copied_into_the_book_not_shown_as_source() {
    // The charts of docs/performance.md: a source page would show the SVG's text, and an
    // `<img>` pointing at it would show only its alt text.
    assert_eq!(
        resolve(
            &Fake,
            Path::new("docs/performance.md"),
            "performance/concurrency.svg"
        ),
        Some(Target {
            href: "docs/performance/concurrency.svg".into(),
            needs: Some(Needs::Copy(PathBuf::from(
                "docs/performance/concurrency.svg"
            ))),
        })
    );
}
