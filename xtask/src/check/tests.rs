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
