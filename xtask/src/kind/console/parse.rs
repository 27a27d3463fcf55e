//! Reads a page's console blocks, or says which line is malformed.
//!
//! The format is explained for contributors in `docs/contributing/checked-pages.md`: a fence tagged `console`,
//! a `$ ` command (continued by `> ` lines), an optional `? <status>` line, then the expected
//! output. The fences themselves are read by [`crate::page`].

use std::path::{Path, PathBuf};

use crate::page::{self, Fence, PageError};
use crate::topics;

/// One documented command and the output it must print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The page, as given to [`parse`].
    pub path: PathBuf,
    /// The 1-based line of the `$ ` command.
    pub line: usize,
    /// Environment variables set before the command, in order.
    pub env: Vec<(String, String)>,
    /// The topic whose demo runs.
    pub topic: &'static str,
    /// The section of that demo.
    pub section: String,
    /// The exit status the demo must end with.
    pub status: i32,
    /// The expected output, one line an element, wildcards included.
    pub expected: Vec<String>,
    /// The 0-based line of the page where `expected` starts; it runs to the closing fence.
    pub expected_start: usize,
    /// The spaces the fence is indented by, which its lines in the page carry before the
    /// text of `command` and `expected`.
    pub indent: usize,
}

impl Block {
    /// The command as the page writes it, for messages.
    pub fn command(&self) -> String {
        let env = self
            .env
            .iter()
            .map(|(key, value)| format!("{key}={value} "));
        let env: String = env.collect();
        format!("{env}cargo xtask demo {} {}", self.topic, self.section)
    }

    /// `docs/page.md:LINE`, the place a message points the reader at.
    pub fn location(&self) -> String {
        format!("{}:{}", self.path.display(), self.line)
    }
}

/// Reads every console block of a page's text.
pub fn parse(path: &Path, text: &str) -> Result<Vec<Block>, PageError> {
    blocks(path, &page::fences(path, text)?)
}

/// The console blocks among a page's fences.
pub fn blocks(path: &Path, fences: &[Fence]) -> Result<Vec<Block>, PageError> {
    fences
        .iter()
        .filter(|fence| fence.tag == "console")
        .map(|fence| {
            let body: Vec<(usize, &str)> = fence
                .body
                .iter()
                .enumerate()
                .map(|(i, line)| (fence.body_start + i, line.as_str()))
                .collect();
            let block = block(path, fence.line, &body, fence.close)
                .map_err(|(line, message)| PageError::at(path, line, message))?;
            Ok(Block {
                indent: fence.indent,
                ..block
            })
        })
        .collect()
}

/// Reads one console block's body; `close` is the 0-based line of its closing fence.
fn block(
    path: &Path,
    fence_line: usize,
    body: &[(usize, &str)],
    close: usize,
) -> Result<Block, (usize, String)> {
    let Some((command_index, first)) = body.first() else {
        return Err((
            fence_line,
            "this console block is empty: it needs a `$ cargo xtask demo <topic> <section>` line"
                .into(),
        ));
    };
    let Some(command) = first.strip_prefix("$ ") else {
        return Err((command_index + 1, "a console block starts with its command, on a line `$ cargo xtask demo <topic> <section>`".into()));
    };
    let mut command = command.to_string();
    let mut rest = &body[1..];
    while let Some((_, continued)) = rest
        .first()
        .and_then(|(i, l)| Some((i, l.strip_prefix("> ")?)))
    {
        // A shell transcript ends a continued line with `\`; the check does not need it.
        command.truncate(command.trim_end().trim_end_matches('\\').len());
        command.push(' ');
        command.push_str(continued);
        rest = &rest[1..];
    }
    let line = command_index + 1;
    let DemoCommand {
        env,
        topic,
        section,
    } = parse_command(&command).map_err(|message| (line, message))?;
    let mut status = 0;
    if let Some((status_index, code)) = rest
        .first()
        .and_then(|(i, l)| Some((i, l.strip_prefix("? ")?)))
    {
        status = code.trim().parse().map_err(|_| {
            (
                status_index + 1,
                format!("`? {code}` is not an exit status: write `? 1`, say"),
            )
        })?;
        rest = &rest[1..];
    }
    if let Some((index, another)) = rest.iter().find(|(_, l)| l.starts_with("$ ")) {
        return Err((
            index + 1,
            format!(
                "a console block holds one command, but `{another}` starts a second: put it in a block of its own"
            ),
        ));
    }
    Ok(Block {
        path: path.to_path_buf(),
        line,
        env,
        topic,
        section,
        status,
        expected: rest.iter().map(|(_, l)| l.to_string()).collect(),
        expected_start: rest.first().map_or(close, |(i, _)| *i),
        indent: 0,
    })
}

/// What a documented command runs: `[VAR=value ...] cargo xtask demo <topic> <section>`.
struct DemoCommand {
    env: Vec<(String, String)>,
    topic: &'static str,
    section: String,
}

/// `[VAR=value ...] cargo xtask demo <topic> <section>`
fn parse_command(command: &str) -> Result<DemoCommand, String> {
    if command.contains(['"', '\'', '\\']) {
        // A shell would remove them, the check would not: `RUST_LOG="off"` would differ.
        return Err(format!(
            "`{command}` quotes or escapes a word, which the check would keep: write it bare (`RUST_LOG=off`)"
        ));
    }
    let mut words = command.split_whitespace().peekable();
    let mut env = Vec::new();
    while let Some((key, value)) = words.peek().and_then(|word| word.split_once('=')) {
        env.push((key.to_string(), value.to_string()));
        words.next();
    }
    let words: Vec<&str> = words.collect();
    let usage = "a documented command is `cargo xtask demo <topic> <section>`";
    match words.as_slice() {
        ["cargo", "xtask", "demo", topic, section] => {
            let topic = topics::parse(topic).map_err(|e| format!("{usage}: {e}"))?;
            Ok(DemoCommand {
                env,
                topic,
                section: section.to_string(),
            })
        }
        ["cargo", "xtask", "demo", topic] => Err(format!(
            "`{command}` names no section: {usage} (see the sections with `cargo run -q -p {topic} -- --list`)"
        )),
        ["cargo", "xtask", "demo"] => Err(format!("`{command}` names no topic: {usage}")),
        _ => Err(format!("`{command}` is not a demo: {usage}")),
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
