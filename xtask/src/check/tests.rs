//! Tests of [`super`]: the arguments the check runs with, and the demos it builds for them.

use super::*;

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

#[test]
fn only_the_demos_that_the_selected_trials_run_are_built() {
    let page = |topic: &str, text: &str| Page::of(&topics::page_path(topic), text.to_string());
    let pages = [
        page(
            "recursion",
            "```console\n$ cargo xtask demo recursion deep\n```\n",
        ),
        page(
            "typing",
            "```console\n$ cargo xtask demo typing duck\n```\n",
        ),
    ];
    let blocks = Blocks::of(&pages);
    let built = |filter: &[&str]| {
        let args = std::iter::once("x").chain(filter.iter().copied());
        blocks.demos_run(&arguments(args.map(String::from)))
    };
    assert_eq!(
        built(&[]),
        topics::TOPICS.to_vec(),
        "each page trial asks its demo"
    );
    assert_eq!(built(&["typing::duck"]), ["typing"]);
    assert_eq!(built(&["typing::documented"]), ["typing"]);
    assert_eq!(built(&["[console]"]), ["recursion", "typing"]);
    assert_eq!(built(&["[console]", "--skip", "deep"]), ["typing"]);
    assert!(built(&["typing::python"]).is_empty());
    assert!(built(&["--exact", "typing::duc"]).is_empty());
}

/// The README quotes the line `cargo xtask check` ends with under this machine's CPython
/// (3.11.7, the extension module built): each count in it must be what the pages hold. Every
/// block's trial passes (`cargo test` checks that), so the counts of a passing run are the
/// pages' blocks: every console block, every excerpt, and every Python block but those a
/// `skip:` or a gate keeps from CPython 3.11.7.
#[test]
fn the_readme_quotes_the_counts_of_the_check_under_cpython_3_11_7() {
    let root = crate::workspace_root();
    let pages = page::read_pages(&root).unwrap();
    let blocks = Blocks::of(&pages);
    assert!(blocks.errors.is_empty(), "{:?}", blocks.errors);
    let cpython = python::run::Interpreter {
        program: "python3".into(),
        version: (3, 11, 7),
        free_threaded: false,
    };
    let unrun = |block: &&python::Block| {
        block.directives.skip.is_some() || block.directives.refusal(&cpython).is_some()
    };
    let left = blocks.pythons.iter().filter(unrun).count();
    let run = blocks.pythons.len() - left;
    let line = format!(
        "`checked: {} Rust outputs, {run} Python blocks run, {} excerpts compared; {left} blocks \
         left unrun:`",
        blocks.consoles.len(),
        blocks.excerpts.len(),
    );
    let skipped = blocks
        .pythons
        .iter()
        .filter(|b| b.directives.skip.is_some());
    assert_eq!(skipped.count(), 1, "README.md says one block is skipped");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let unwrapped = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        unwrapped.contains(&line),
        "README.md should quote the check's counts as {line}"
    );
}
