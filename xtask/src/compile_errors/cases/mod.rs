//! Finds the compile errors the workspace claims, and what each one expects: the
//! `compile_fail,E0xxx` doctests of every crate's sources, and the case files under
//! `crates/<crate>/tests/compile_fail/`.
//!
//! An expectation is an error code, and where a snippet quotes the error, its message's first
//! line and the line it is reported on. The quote is an annotation, a line comment ending the
//! line rustc points at, written as rustc prints the error's first line:
//!
//! ```text
//!     s.spawn(|| v.push(5)); // error[E0499]: cannot borrow `v` as mutable more than once at a time
//! ```
//!
//! A case file may expect a warning instead, named by its lint (rustc prints the name in the
//! warning's `#[warn(..)]` note); such a case must compile, with that warning:
//!
//! ```text
//! fn is_human(person: &str) -> bool { // warning[unconditional_recursion]: function cannot return without recursing
//! ```

use std::path::{Path, PathBuf};

/// What a snippet's compilation must report: an error with this code (or a warning of this
/// lint), and, where the snippet quotes it, this first line of the message on this line of the
/// snippet (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    /// `E0499` for an error, a lint name (`unconditional_recursion`) for a warning.
    pub code: String,
    /// The snippet's quote of the error, if it has one.
    pub quote: Option<Quote>,
}

/// An annotation: the message's first line as rustc prints it, and the snippet line it ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The message's first line, as rustc prints it after `error[E0xxx]: `.
    pub message: String,
    /// The snippet line (1-based) rustc must point at.
    pub line: usize,
}

/// One program that must fail to compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// The crate it is compiled against (`--extern`), the directory name under `crates/`.
    pub krate: String,
    /// Where it is written, relative to the workspace root.
    pub file: PathBuf,
    /// The line of `file` its code starts on.
    pub first_line: usize,
    /// The program as rustc compiles it; a doctest is wrapped in `fn main` as rustdoc does.
    pub source: String,
    /// How many lines the source has above the snippet's first line (the `fn main() {`).
    pub offset: usize,
    /// What rustc must report.
    pub expected: Vec<Expected>,
}

impl Expected {
    /// Whether this is a warning (its code a lint name) rather than an error.
    pub fn is_warning(&self) -> bool {
        !is_code(&self.code)
    }

    /// How rustc prints the expectation's first line: `error[E0499]: ..`, `warning: ..`.
    pub fn describe(&self) -> String {
        let message = self
            .quote
            .as_ref()
            .map_or("..", |quote| quote.message.as_str());
        if self.is_warning() {
            format!("warning: {message} ({})", self.code)
        } else {
            format!("error[{}]: {message}", self.code)
        }
    }
}

impl Case {
    /// The trial name: `<crate>::<file>:<line>`.
    pub fn name(&self) -> String {
        format!(
            "{}::{}:{}",
            self.krate,
            self.file.display(),
            self.first_line
        )
    }
}

/// Where a claimed compile error cannot be read, as `file:line: what to do`.
pub type Malformed = String;

/// The annotation of a line of code, if it ends with `// error[E0xxx]: message` or
/// `// warning[lint_name]: message`: the code or lint name, and the message.
pub fn annotation(line: &str) -> Option<(String, String)> {
    if let Some((_, comment)) = line.split_once("// warning[") {
        let (lint, message) = comment.split_once("]: ")?;
        return is_lint(lint).then(|| (lint.to_owned(), message.trim().to_owned()));
    }
    let (_, comment) = line.split_once("// error[")?;
    let (code, message) = comment.split_once("]: ")?;
    is_code(code).then(|| (code.to_owned(), message.trim().to_owned()))
}

/// A lint's name as rustc spells it: lowercase words joined by `_` (`unconditional_recursion`).
fn is_lint(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// `E` and four digits, as rustc numbers its errors.
pub fn is_code(text: &str) -> bool {
    text.len() == 5 && text.starts_with('E') && text[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Every annotation in `code`, with the line it quotes (1-based): its own, or, for a line that
/// holds nothing but annotations, the nearest code line above (as rustc's own `//~^` does).
fn quotes(code: &str) -> Vec<Expected> {
    let mut quoted = Vec::new();
    let mut last_code_line = 0;
    for (index, line) in code.lines().enumerate() {
        let Some((code, message)) = annotation(line) else {
            last_code_line = index + 1;
            continue;
        };
        let alone = line.trim_start().starts_with("//");
        if !alone {
            last_code_line = index + 1;
        }
        quoted.push(Expected {
            code,
            quote: Some(Quote {
                message,
                line: if alone { last_code_line } else { index + 1 },
            }),
        });
    }
    quoted
}

/// The text of a doc comment line (`//!` or `///`, one space after it dropped), if it is one.
fn doc_text(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let text = trimmed
        .strip_prefix("//!")
        .or_else(|| trimmed.strip_prefix("///").filter(|t| !t.starts_with('/')))?;
    Some(text.strip_prefix(' ').unwrap_or(text))
}

/// A doctest line as rustdoc compiles it: `# ` hides a line from the docs, not from rustc.
fn unhidden(line: &str) -> &str {
    if line == "#" {
        ""
    } else if let Some(kept) = line.strip_prefix("# ") {
        kept
    } else if line.starts_with("##") {
        // `##` is rustdoc's escape for a line that really starts with `#`: one is dropped.
        &line[1..]
    } else {
        line
    }
}

/// The `compile_fail` doctests of one source file (`file` relative to the root, for names).
pub fn doctests(krate: &str, file: &Path, text: &str) -> Result<Vec<Case>, Vec<Malformed>> {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((index, line)) = lines.next() {
        let Some(fence) = doc_text(line).and_then(|t| t.trim().strip_prefix("```")) else {
            continue;
        };
        let tags: Vec<&str> = fence.split([',', ' ']).filter(|t| !t.is_empty()).collect();
        let mut body = Vec::new();
        let mut closed = false;
        for (_, line) in lines.by_ref() {
            match doc_text(line) {
                Some(t) if t.trim() == "```" => {
                    closed = true;
                    break;
                }
                Some(t) => body.push(unhidden(t).to_owned()),
                None => break,
            }
        }
        let at = format!("{}:{}", file.display(), index + 1);
        if !tags.contains(&"compile_fail") {
            continue;
        }
        if !closed {
            errors.push(format!("{at}: this compile_fail doctest is never closed"));
            continue;
        }
        let codes: Vec<&str> = tags.iter().copied().filter(|t| is_code(t)).collect();
        if codes.is_empty() {
            errors.push(format!(
                "{at}: a compile_fail doctest must say which error it shows: \
                 tag it ```compile_fail,E0xxx with the code rustc reports"
            ));
            continue;
        }
        let snippet = body.join("\n");
        let mut expected = quotes(&snippet);
        for code in codes {
            if !expected.iter().any(|e| e.code == code) {
                expected.push(Expected {
                    code: code.to_owned(),
                    quote: None,
                });
            }
        }
        for quoted in expected
            .iter()
            .filter(|e| e.quote.is_some() && !e.is_warning())
        {
            if !tags.contains(&quoted.code.as_str()) {
                errors.push(format!(
                    "{at}: the snippet quotes {} but the fence does not name it: add ,{} to the fence",
                    quoted.code, quoted.code
                ));
            }
        }
        let (source, offset) = if snippet.contains("fn main") {
            (snippet, 0)
        } else if snippet.trim_end().ends_with("(())") {
            // rustdoc's wrapping for a doctest that ends in `Ok::<(), E>(())`, so `?` works.
            let wrapped = format!(
                "fn main() {{ fn _inner() -> Result<(), impl core::fmt::Debug> {{\n{snippet}\n}}\n_inner().unwrap() }}\n"
            );
            (wrapped, 1)
        } else {
            (format!("fn main() {{\n{snippet}\n}}\n"), 1)
        };
        cases.push(Case {
            krate: krate.to_owned(),
            file: file.to_path_buf(),
            first_line: index + 2,
            source,
            offset,
            expected,
        });
    }
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(errors)
    }
}

/// A case file: a whole program whose annotations say what it must fail with (or, if it quotes
/// only warnings, compile with).
pub fn case_file(krate: &str, file: &Path, text: &str) -> Result<Case, Malformed> {
    let expected = quotes(text);
    if expected.is_empty() {
        return Err(format!(
            "{}:1: a compile_fail case must quote the error it expects: end the line rustc \
             points at with `// error[E0xxx]: <the message's first line>` (or \
             `// warning[lint_name]: <the message's first line>` for a warning)",
            file.display()
        ));
    }
    Ok(Case {
        krate: krate.to_owned(),
        file: file.to_path_buf(),
        first_line: 1,
        source: text.to_owned(),
        offset: 0,
        expected,
    })
}

#[cfg(test)]
mod tests;
