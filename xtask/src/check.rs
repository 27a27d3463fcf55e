//! Turns every documented block into a libtest-mimic trial, for `cargo xtask check` and
//! `cargo test` alike.
//!
//! The trials, in the order they are listed:
//!
//! - `<topic>::documented`: the topic has its page, the page is well formed, every section of
//!   the demo has a block and every block names a real section;
//! - `<topic>::<section>`: one per block, the demo's output against the block. A block that sets
//!   environment variables has them in its name (`recursion::factorial (RUST_LOG=off)`), and a
//!   second block with the same name gets `#2`.
//!
//! Demos run one at a time unless `--test-threads` says otherwise: several of them measure
//! time on purpose, and on a 2-core machine two demos at once would measure each other.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};

use crate::page::{self, Block, PageError};
use crate::{demos, pattern, process, topics};

/// A page's path and its blocks, or why it could not be read as documented output.
pub type Page = (PathBuf, Result<Vec<Block>, PageError>);

/// Every page under `docs/` but the format's own `README.md`, with its blocks or its error.
pub fn read_pages(root: &Path) -> Result<Vec<Page>, String> {
    let docs = root.join("docs");
    let entries =
        std::fs::read_dir(&docs).map_err(|e| format!("cannot read {}: {e}", docs.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .filter(|path| path.file_name().is_some_and(|name| name != "README.md"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", relative.display()))?;
            let blocks = page::parse(&relative, &text);
            Ok((relative, blocks))
        })
        .collect()
}

/// Builds the demos and makes the trials.
pub fn trials(root: &Path, timeout: Duration) -> Result<Vec<Trial>, String> {
    let binaries = Arc::new(demos::build(root, &topics::TOPICS)?);
    let pages = read_pages(root)?;
    let blocks: Vec<Block> = pages
        .iter()
        .filter_map(|(_, parsed)| parsed.as_ref().ok())
        .flatten()
        .cloned()
        .collect();
    let mut trials = Vec::new();
    for topic in topics::TOPICS {
        let page = topics::page_path(topic);
        let page_error = pages
            .iter()
            .find(|(path, _)| *path == page)
            .map(|(_, parsed)| parsed.as_ref().err().cloned());
        let documented: Vec<(usize, String, PathBuf)> = blocks
            .iter()
            .filter(|block| block.topic == topic)
            .map(|block| (block.line, block.section.clone(), block.path.clone()))
            .collect();
        let binary = binaries[topic].clone();
        let root = root.to_path_buf();
        trials.push(
            Trial::test(format!("{topic}::documented"), move || {
                coverage(
                    &root,
                    topic,
                    &page,
                    page_error,
                    &documented,
                    &binary,
                    timeout,
                )
            })
            .with_kind("docs"),
        );
    }
    for (path, parsed) in &pages {
        if let Err(error) = parsed {
            let is_topic_page = topics::TOPICS
                .iter()
                .any(|topic| topics::page_path(topic) == *path);
            if !is_topic_page {
                let error = error.clone();
                trials.push(
                    Trial::test(format!("{}::page", path.display()), move || {
                        Err(error.to_string().into())
                    })
                    .with_kind("docs"),
                );
            }
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for block in blocks {
        let mut name = format!("{}::{}", block.topic, block.section);
        if !block.env.is_empty() {
            let env: Vec<String> = block.env.iter().map(|(k, v)| format!("{k}={v}")).collect();
            name = format!("{name} ({})", env.join(" "));
        }
        let count = seen.entry(name.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            name = format!("{name} #{count}");
        }
        let binaries = Arc::clone(&binaries);
        let root = root.to_path_buf();
        trials.push(
            Trial::test(name, move || {
                check_block(&root, &block, &binaries[block.topic], timeout)
            })
            .with_kind("docs"),
        );
    }
    Ok(trials)
}

/// The `<topic>::documented` trial.
fn coverage(
    root: &Path,
    topic: &str,
    page: &Path,
    page_error: Option<Option<PageError>>,
    documented: &[(usize, String, PathBuf)],
    binary: &Path,
    timeout: Duration,
) -> Result<(), Failed> {
    match page_error {
        None => {
            return Err(format!(
                "{} is missing: every topic has a page (see docs/README.md)",
                page.display()
            )
            .into());
        }
        Some(Some(error)) => return Err(error.to_string().into()),
        Some(None) => {}
    }
    let sections = demos::sections(root, binary, timeout)?;
    let mut problems = Vec::new();
    for section in &sections {
        if !documented
            .iter()
            .any(|(_, documented, _)| documented == section)
        {
            problems.push(format!(
                "{}: section `{section}` of the {topic} demo has no documented output: add a block\n```console\n$ cargo xtask demo {topic} {section}\n```\nthen fill it with `cargo xtask bless {topic}`",
                page.display()
            ));
        }
    }
    for (line, section, path) in documented {
        if !sections.contains(section) {
            problems.push(format!(
                "{}:{line}: the {topic} demo has no section `{section}`; its sections are: {}",
                path.display(),
                sections.join(", ")
            ));
        }
    }
    if sections.is_empty() {
        problems.push(format!(
            "the {topic} demo has no sections: crates/{topic}/src/main.rs lists them"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

/// One block's trial: run its command and compare.
pub fn check_block(
    root: &Path,
    block: &Block,
    binary: &Path,
    timeout: Duration,
) -> Result<(), Failed> {
    let run = demos::run(root, binary, &[&block.section], &block.env, timeout)?;
    let place = format!("{}: `{}`", block.location(), block.command());
    let ending = process::Ending(&run, timeout);
    if run.status.is_none() || run.code() != Some(block.status) {
        let expected = if block.status == 0 {
            String::new()
        } else {
            format!(" (the page expects status {})", block.status)
        };
        return Err(format!(
            "{place} {ending}{expected}; the end of its output:\n{}",
            run.tail(20)
        )
        .into());
    }
    if run.left_behind {
        return Err(format!("{place} exited but left processes of its own running (now killed): a demo must wait for every child it starts").into());
    }
    let actual = run.lines();
    if !pattern::matches(&block.expected, &actual) {
        let diff = pattern::diff(&block.expected, &actual, block.expected_start + 1, 3);
        return Err(format!(
            "{place}: the output differs from the page (- expected, + actual):\n{diff}if the new output is right: `cargo xtask bless {}`, then review `git diff docs/`",
            block.topic
        )
        .into());
    }
    Ok(())
}

/// libtest's arguments, with one demo at a time unless `--test-threads` says otherwise.
pub fn arguments<I: IntoIterator<Item = String>>(args: I) -> Arguments {
    let mut arguments = Arguments::from_iter(args);
    arguments.test_threads.get_or_insert(1);
    arguments
}

/// Builds, makes the trials and runs them: the whole of `cargo xtask check` and of the
/// `documented_output` test.
pub fn run(root: &Path, timeout: Duration, arguments: &Arguments) -> ExitCode {
    match trials(root, timeout) {
        Ok(trials) => libtest_mimic::run(arguments, trials).exit_code(),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The topics each page's blocks show, for `bless`.
pub fn blocks_by_page(
    pages: Vec<(PathBuf, Result<Vec<Block>, PageError>)>,
) -> Result<BTreeMap<PathBuf, Vec<Block>>, PageError> {
    pages
        .into_iter()
        .map(|(path, parsed)| parsed.map(|blocks| (path, blocks)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
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
        page::parse(Path::new("docs/typing.md"), &page)
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
            message
                .starts_with("docs/typing.md:2: `cargo xtask demo typing one`: the output differs"),
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
        assert!(message.contains("was killed by SIGABRT"), "{message}");
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
        let block = page::parse(Path::new("docs/typing.md"), page)
            .unwrap()
            .remove(0);
        assert!(check_block(dir.path(), &block, &demo, TIMEOUT).is_ok());
    }

    #[test]
    fn a_section_without_documented_output_fails_the_coverage_trial() {
        let dir = tempfile::tempdir().unwrap();
        let demo = fake_demo(dir.path(), "one\\ntwo\\n", "true");
        let documented = [(3, "one".to_string(), PathBuf::from("docs/typing.md"))];
        let page = Path::new("docs/typing.md");
        let message = failure(coverage(
            dir.path(),
            "typing",
            page,
            Some(None),
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
        let documented = [
            (3, "one".to_string(), PathBuf::from("docs/typing.md")),
            (9, "gone".to_string(), PathBuf::from("docs/typing.md")),
        ];
        let message = failure(coverage(
            dir.path(),
            "typing",
            Path::new("docs/typing.md"),
            Some(None),
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
            None,
            &[],
            &demo,
            TIMEOUT,
        ));
        assert!(
            missing.starts_with("docs/typing.md is missing"),
            "{missing}"
        );
        let error = page::parse(page, "```console\n$ cargo xtask demo typing one\n").unwrap_err();
        let malformed = failure(coverage(
            dir.path(),
            "typing",
            page,
            Some(Some(error)),
            &[],
            &demo,
            TIMEOUT,
        ));
        assert!(
            malformed.starts_with("docs/typing.md:1: this console fence is never closed"),
            "{malformed}"
        );
    }

    #[test]
    fn demos_run_one_at_a_time_unless_asked_otherwise() {
        let args = |extra: &[&str]| {
            arguments(
                std::iter::once("x")
                    .chain(extra.iter().copied())
                    .map(String::from),
            )
        };
        assert_eq!(args(&[]).test_threads, Some(1));
        assert_eq!(args(&["--test-threads", "2"]).test_threads, Some(2));
        assert_eq!(
            args(&["defaults", "--exact"]).filter.as_deref(),
            Some("defaults")
        );
    }
}
