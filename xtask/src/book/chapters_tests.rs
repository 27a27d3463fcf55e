//! Tests of the chapter list and SUMMARY.md.

use super::*;

fn chapter(source: &str, name: &str, part: Part) -> Chapter {
    Chapter {
        source: source.into(),
        name: name.into(),
        title: format!("T {name}"),
        part,
    }
}

#[test]
fn the_reading_path_is_the_first_page_link_of_each_row_of_its_table() {
    let readme = "# R\n\n| a | [x](docs/x.md) |\n\n## A reading path\n\n\
                  | order | page |\n| --- | --- |\n\
                  | 1 | [b](docs/b.md) and [a](docs/a.md#s) |\n| 2 | [a](docs/a.md) |\n\
                  | 3 | [book](https://example.org) [b](docs/b.md) |\n\n\
                  ## Next\n\n| 1 | [c](docs/c.md) |\n";
    assert_eq!(
        reading_path(readme),
        [PathBuf::from("docs/b.md"), PathBuf::from("docs/a.md")]
    );
}

#[test]
fn the_chapters_follow_the_reading_path_with_the_contributors_files_last() {
    let root = crate::workspace_root();
    let chapters = chapters(&root).unwrap();
    assert_eq!(chapters[0].name, "introduction.md");
    let names: Vec<&str> = chapters.iter().map(|c| c.name.as_str()).collect();
    // The sidebar follows the README's reading path, then any topic it does not name yet.
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let path = reading_path(&readme);
    let path_names: Vec<String> = path
        .iter()
        .map(|page| page.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names[1..=path.len()], path_names);
    assert_eq!(names[1], "defaults.md", "the path starts with defaults");
    let topics_part: Vec<&str> = chapters
        .iter()
        .filter(|c| c.part == Part::Topics)
        .map(|c| c.name.as_str())
        .collect();
    for topic in topics::TOPICS {
        assert!(
            topics_part.contains(&format!("{topic}.md").as_str()),
            "{topic}"
        );
    }
    let index = &chapters[topics_part.len() + 1];
    assert_eq!(
        (index.source.to_str(), index.name.as_str()),
        (Some("docs/README.md"), "pages.md")
    );
    let guides: Vec<(&str, &str)> = chapters[chapters.len() - 2..]
        .iter()
        .map(|c| (c.source.to_str().unwrap(), c.name.as_str()))
        .collect();
    assert_eq!(guides, CONTRIBUTING);
    // Titles are the pages' own headings.
    assert!(
        chapters[1].title.to_lowercase().contains("default"),
        "{}",
        chapters[1].title
    );
    // Every page under docs/ is in the book exactly once, with the introduction, the two
    // contributors' files and the exercises' pages.
    let pages = std::fs::read_dir(root.join("docs"))
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|e| e == "md")
        })
        .count();
    assert_eq!(chapters.len(), pages + 3 + EXERCISES.len(), "{names:?}");
}

#[test]
fn the_summary_has_parts_and_puts_other_pages_between_topics_and_guide() {
    let chapters = [
        chapter("README.md", "introduction.md", Part::Introduction),
        chapter("docs/metaclass.md", "metaclass.md", Part::Topics),
        chapter("docs/typing.md", "typing.md", Part::Topics),
        chapter("docs/README.md", "pages.md", Part::Across),
        chapter("docs/performance.md", "performance.md", Part::Across),
        chapter("CONTRIBUTING.md", "contributing.md", Part::Contributing),
        chapter(
            "docs/contributing/checked-pages.md",
            "documented-output.md",
            Part::Contributing,
        ),
    ];
    assert_eq!(
        summary(&chapters),
        "# Summary\n\n[T introduction.md](introduction.md)\n\n# Topics\n\n\
         - [T metaclass.md](metaclass.md)\n- [T typing.md](typing.md)\n\n\
         # Across the topics\n\n- [T pages.md](pages.md)\n- [T performance.md](performance.md)\n\n\
         # Contributing\n\n- [T contributing.md](contributing.md)\n\
         - [T documented-output.md](documented-output.md)\n"
    );
    let without_others = [
        chapters[0].clone(),
        chapters[1].clone(),
        chapters[5].clone(),
    ];
    assert!(!summary(&without_others).contains("Across the topics"));
}
