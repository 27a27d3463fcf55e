//! Tests of [`super`]: well-formed blocks, and each malformed one with its line and advice.

use super::*;

fn parse_str(text: &str) -> Result<Vec<Block>, PageError> {
    parse(Path::new("docs/x.md"), text)
}

#[test]
fn reads_a_block_with_env_status_and_wildcards() {
    let page = "# Title\n\n```console\n$ RUST_LOG=off cargo xtask demo recursion\n> factorial\n? 1\nline [..]\n...\n```\n";
    let blocks = parse_str(page).unwrap();
    assert_eq!(blocks.len(), 1);
    let block = &blocks[0];
    assert_eq!(block.line, 4);
    assert_eq!(block.env, vec![("RUST_LOG".into(), "off".into())]);
    assert_eq!(
        (block.topic, block.section.as_str()),
        ("recursion", "factorial")
    );
    assert_eq!(block.status, 1);
    assert_eq!(block.expected, vec!["line [..]", "..."]);
    assert_eq!(block.expected_start, 6);
    assert_eq!(
        block.command(),
        "RUST_LOG=off cargo xtask demo recursion factorial"
    );
    assert_eq!(block.location(), "docs/x.md:4");
}

#[test]
fn an_empty_output_is_a_block_too() {
    let blocks = parse_str("```console\n$ cargo xtask demo typing quiet\n```\n").unwrap();
    assert!(blocks[0].expected.is_empty());
    assert_eq!(blocks[0].expected_start, 2);
}

#[test]
fn other_fences_and_fences_inside_longer_ones_are_not_blocks() {
    let page = "```rust\nlet x = 1;\n```\n````markdown\n```console\n$ not checked\n```\n````\n";
    assert_eq!(parse_str(page).unwrap(), vec![]);
}

#[test]
fn an_unclosed_fence_is_an_error_at_its_opening_line() {
    let error = parse_str("text\n\n```console\n$ cargo xtask demo typing a\nout\n").unwrap_err();
    assert_eq!(error.line, 3);
    assert!(
        error
            .to_string()
            .starts_with("docs/x.md:3: this console fence is never closed")
    );
}

#[test]
fn a_command_naming_no_topic_is_an_error_at_its_line() {
    let error = parse_str("```console\n$ cargo xtask demo\n```\n").unwrap_err();
    assert_eq!(error.line, 2);
    assert!(error.message.contains("names no topic"), "{error}");
}

#[test]
fn an_unknown_topic_is_an_error_with_a_suggestion() {
    let error = parse_str("```console\n$ cargo xtask demo typng a\n```\n").unwrap_err();
    assert_eq!(error.line, 2);
    assert!(error.message.contains("did you mean `typing`?"), "{error}");
}

#[test]
fn malformed_blocks_say_what_to_write() {
    let cases = [
        ("```console\n```\n", 1, "empty"),
        ("```console\nno dollar\n```\n", 2, "starts with its command"),
        ("```console\n$ ls -l\n```\n", 2, "is not a demo"),
        (
            "```console\n$ cargo xtask demo typing\n```\n",
            2,
            "names no section",
        ),
        (
            "```console\n$ RUST_LOG=\"off\" cargo xtask demo typing a\n```\n",
            2,
            "write it bare",
        ),
        (
            "```console\n$ cargo xtask demo typing a\n? one\n```\n",
            3,
            "not an exit status",
        ),
        (
            "```console\n$ cargo xtask demo typing a\nx\n$ cargo xtask demo typing b\n```\n",
            4,
            "one command",
        ),
    ];
    for (page, line, words) in cases {
        let error = parse_str(page).unwrap_err();
        assert_eq!(error.line, line, "{page}");
        assert!(error.message.contains(words), "{page}: {error}");
    }
}

#[test]
fn an_indented_fence_loses_its_indentation_as_in_a_list_item() {
    let page = "1. Run it:\n\n   ```console\n   $ cargo xtask demo typing a\n     two spaces kept\n   ```\n";
    let block = parse_str(page).unwrap().remove(0);
    assert_eq!((block.topic, block.section.as_str()), ("typing", "a"));
    assert_eq!(block.expected, vec!["  two spaces kept"]);
    assert_eq!((block.indent, block.expected_start), (3, 4));
}

#[test]
fn a_fence_in_a_nested_list_is_checked_not_skipped() {
    let page = "- a\n  - b\n\n    ```console\n    $ cargo xtask demo typing a\n    out\n    ```\n";
    let blocks = parse_str(page).unwrap();
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks[0].expected, vec!["out"]);
}

#[test]
fn a_fence_indented_four_more_than_its_opening_does_not_close_it() {
    let page = "```console\n$ cargo xtask demo typing a\n    ```\n```\n";
    assert_eq!(parse_str(page).unwrap()[0].expected, vec!["    ```"]);
}

#[test]
fn a_line_opening_with_inline_code_is_not_a_fence() {
    let page =
        "```console``` tags a checked block.\n\n```console\n$ cargo xtask demo typing a\n```\n";
    let blocks = parse_str(page).unwrap();
    assert_eq!((blocks.len(), blocks[0].line), (1, 4));
}

#[test]
fn a_command_continued_as_a_shell_shows_it_is_one_command() {
    let page = "```console\n$ RUST_LOG=off cargo xtask demo \\\n> recursion factorial\n```\n";
    let block = parse_str(page).unwrap().remove(0);
    assert_eq!(
        block.command(),
        "RUST_LOG=off cargo xtask demo recursion factorial"
    );
}

#[test]
fn other_fences_four_spaces_in_are_an_indented_code_blocks_text() {
    let page = "Write:\n\n    ```rust\n\n```console\n$ cargo xtask demo typing a\n```\n";
    assert_eq!(parse_str(page).unwrap().len(), 1);
}
