//! The command line's errors, as a user meets them.

use std::process::Command;

fn xtask(args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("the xtask binary runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.code(), text)
}

#[test]
fn an_unknown_topic_exits_non_zero_listing_the_topics_and_the_nearest_name() {
    let (code, text) = xtask(&["demo", "recursoin"]);
    assert_eq!(code, Some(2));
    assert!(text.contains("invalid value 'recursoin'"), "{text}");
    assert!(
        text.contains("tip: a similar value exists: 'recursion'"),
        "{text}"
    );
    let topics = format!(
        "[possible values: {}, all]",
        xtask::topics::TOPICS.join(", ")
    );
    assert!(text.contains(&topics), "{text}");
}

#[test]
fn bless_refuses_an_unknown_topic_before_touching_anything() {
    let (code, text) = xtask(&["bless", "sys"]);
    assert_eq!(code, Some(2));
    assert!(text.contains("invalid value 'sys'"), "{text}");
    assert!(text.contains("[possible values: metaclass, "), "{text}");
}

#[test]
fn a_section_without_a_topic_is_refused() {
    let (code, text) = xtask(&["demo", "all", "factorial"]);
    assert_eq!(code, Some(2));
    assert!(text.contains("needs a topic"), "{text}");
}

#[test]
fn list_names_every_topic_with_its_crate_and_page() {
    let (code, text) = xtask(&["list"]);
    assert_eq!(code, Some(0));
    for topic in xtask::topics::TOPICS {
        assert!(
            text.contains(&format!("crate: crates/{topic}   page: docs/{topic}.md")),
            "{text}"
        );
    }
}

#[test]
fn a_bad_timeout_is_refused_with_what_to_write() {
    let (code, text) = xtask(&["check", "--timeout", "soon"]);
    assert_eq!(code, Some(2));
    assert!(
        text.contains("`soon` is not a positive number of seconds"),
        "{text}"
    );
}

#[test]
fn without_python_the_python_trials_are_ignored_with_the_reason_and_the_rest_passes() {
    // One page's Python, which no interpreter can run: `/nonexistent` stands for a machine
    // without python3. The filter selects no demo, so none is built or run.
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args([
            "check",
            "--python",
            "/nonexistent/python3",
            "defaults::python",
        ])
        .env_remove("REQUIRE_PYTHON")
        .output()
        .expect("the xtask binary runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("ignored (cannot start `/nonexistent/python3`"),
        "{text}"
    );
    assert!(text.contains("0 Python blocks run"), "{text}");
    assert!(
        text.contains("left unrun:\n    defaults::python::"),
        "{text}"
    );
}

#[test]
fn demo_python_labels_each_side_and_says_when_python_cannot_run() {
    let (code, text) = xtask(&[
        "demo",
        "defaults",
        "mutable-default",
        "--python",
        "--interpreter",
        "/nonexistent/python3",
    ]);
    assert_eq!(code, Some(0), "{text}");
    let python = text.find("--- Python (docs/defaults.md:").expect(&text);
    let rust = text
        .find("--- Rust (cargo xtask demo defaults mutable-default) ---\n[[0, 1, 2]")
        .expect(&text);
    assert!(python < rust, "{text}");
    assert!(
        text.contains("(not run: cannot start `/nonexistent/python3`"),
        "{text}"
    );
}
