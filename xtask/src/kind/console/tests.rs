//! Tests of [`super`]: each way a documented run can fail, as a stand-in demo shows it.

use super::*;
use crate::kind::console::parse;
use std::os::unix::fs::PermissionsExt;

/// A stand-in demo: a shell script that answers `--list` with `sections` and runs `body`
/// for any section.
fn fake_demo(dir: &Path, sections: &str, body: &str) -> PathBuf {
    let path = dir.join("demo.sh");
    let script = format!(
        "#!/bin/sh\nif [ \"$1\" = --list ]; then printf '{sections}'; exit 0; fi\n{body}\n"
    );
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn block(expected: &str) -> Block {
    let page = format!("```console\n$ cargo xtask demo typing one\n{expected}```\n");
    parse::parse(Path::new("docs/typing.md"), &page)
        .unwrap()
        .remove(0)
}

fn failure(result: Result<(), Failed>) -> String {
    result
        .unwrap_err()
        .message()
        .unwrap_or_default()
        .to_string()
}

/// The console blocks of `docs/typing.md`, each showing a section at a page line.
fn documented(sections: &[(usize, &str)]) -> Vec<Block> {
    let sections = sections.iter().map(|(line, section)| Block {
        line: *line,
        section: section.to_string(),
        ..block("")
    });
    sections.collect()
}

const TIMEOUT: Duration = Duration::from_secs(20);

#[test]
fn matching_output_passes_and_wildcards_cover_what_varies() {
    let dir = tempfile::tempdir().unwrap();
    let demo = fake_demo(dir.path(), "one\\n", "echo \"pid $$\"; echo done >&2");
    assert!(check_block(dir.path(), &block("pid [..]\ndone\n"), &demo, TIMEOUT).is_ok());
}

#[test]
fn a_mismatch_names_the_page_line_shows_a_diff_and_says_how_to_bless() {
    let dir = tempfile::tempdir().unwrap();
    let demo = fake_demo(dir.path(), "one\\n", "echo 1; echo 3");
    let message = failure(check_block(dir.path(), &block("1\n2\n"), &demo, TIMEOUT));
    assert!(
        message.starts_with("docs/typing.md:2: `cargo xtask demo typing one`: the output differs"),
        "{message}"
    );
    assert!(message.contains("-    4 | 2\n+      | 3\n"), "{message}");
    assert!(message.contains("cargo xtask bless typing"), "{message}");
}

#[test]
fn a_demo_exiting_non_zero_fails_with_its_status_and_the_end_of_its_output() {
    let dir = tempfile::tempdir().unwrap();
    let demo = fake_demo(dir.path(), "one\\n", "echo 'error: it broke' >&2; exit 3");
    let message = failure(check_block(dir.path(), &block("\n"), &demo, TIMEOUT));
    assert!(message.contains("exited with status 3"), "{message}");
    assert!(message.contains("    error: it broke"), "{message}");
}

#[test]
fn a_demo_killed_by_a_signal_fails_naming_the_signal() {
    let dir = tempfile::tempdir().unwrap();
    let demo = fake_demo(dir.path(), "one\\n", "kill -ABRT $$");
    let message = failure(check_block(dir.path(), &block(""), &demo, TIMEOUT));
    assert!(message.contains("killed by signal SIGABRT"), "{message}");
}

#[test]
fn a_hanging_demo_is_killed_and_fails_saying_so() {
    let dir = tempfile::tempdir().unwrap();
    let demo = fake_demo(dir.path(), "one\\n", "echo waiting; sleep 60");
    let message = failure(check_block(
        dir.path(),
        &block("waiting\n"),
        &demo,
        Duration::from_millis(500),
    ));
    assert!(
        message.contains("did not finish within 500ms and was killed"),
        "{message}"
    );
    assert!(message.contains("    waiting"), "{message}");
}

#[test]
fn a_demo_that_leaves_a_child_behind_fails() {
    let dir = tempfile::tempdir().unwrap();
    let demo = fake_demo(dir.path(), "one\\n", "sleep 60 & echo bye");
    let message = failure(check_block(dir.path(), &block("bye\n"), &demo, TIMEOUT));
    assert!(
        message.contains("left processes of its own running"),
        "{message}"
    );
}

#[test]
fn an_expected_failure_status_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let demo = fake_demo(dir.path(), "one\\n", "echo no; exit 1");
    let page = "```console\n$ cargo xtask demo typing one\n? 1\nno\n```\n";
    let block = parse::parse(Path::new("docs/typing.md"), page)
        .unwrap()
        .remove(0);
    assert!(check_block(dir.path(), &block, &demo, TIMEOUT).is_ok());
}

#[test]
fn a_section_without_documented_output_fails_the_coverage_trial() {
    let dir = tempfile::tempdir().unwrap();
    let demo = fake_demo(dir.path(), "one\\ntwo\\n", "true");
    let documented = documented(&[(3, "one")]);
    let page = Path::new("docs/typing.md");
    let message = failure(coverage(
        dir.path(),
        "typing",
        page,
        PageState::WellFormed,
        &documented,
        &demo,
        TIMEOUT,
    ));
    assert!(
        message.contains("section `two` of the typing demo has no documented output"),
        "{message}"
    );
    assert!(!message.contains("`one`"), "{message}");
}

#[test]
fn a_block_for_a_section_that_does_not_exist_fails_the_coverage_trial() {
    let dir = tempfile::tempdir().unwrap();
    let demo = fake_demo(dir.path(), "one\\n", "true");
    let documented = documented(&[(3, "one"), (9, "gone")]);
    let message = failure(coverage(
        dir.path(),
        "typing",
        Path::new("docs/typing.md"),
        PageState::WellFormed,
        &documented,
        &demo,
        TIMEOUT,
    ));
    assert_eq!(
        message,
        "docs/typing.md:9: the typing demo has no section `gone`; its sections are: one"
    );
}

#[test]
fn a_missing_or_malformed_page_fails_the_coverage_trial() {
    let dir = tempfile::tempdir().unwrap();
    let demo = fake_demo(dir.path(), "one\\n", "true");
    let page = Path::new("docs/typing.md");
    let missing = failure(coverage(
        dir.path(),
        "typing",
        page,
        PageState::Missing,
        &[],
        &demo,
        TIMEOUT,
    ));
    assert!(
        missing.starts_with("docs/typing.md is missing"),
        "{missing}"
    );
    let error = parse::parse(page, "```console\n$ cargo xtask demo typing one\n").unwrap_err();
    let malformed = failure(coverage(
        dir.path(),
        "typing",
        page,
        PageState::Malformed(error),
        &[],
        &demo,
        TIMEOUT,
    ));
    assert!(
        malformed.starts_with("docs/typing.md:1: this console fence is never closed"),
        "{malformed}"
    );
}
