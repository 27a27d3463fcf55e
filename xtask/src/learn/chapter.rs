//! The exercises as two pages, written from the set: `learn/README.md` (each exercise with
//! its page section, the Python beside the skeleton, the hints folded) and
//! `learn/solutions/README.md` (the solutions, on a page of their own so that a glance at
//! the exercises does not give them away). The forge shows them in `learn/`, and the book
//! stages them as its exercises chapters.
//!
//! They are generated, never edited: the `exercises` test fails when they are not what the
//! set makes, and `UPDATE_EXPECT=1 cargo test -p xtask --test exercises` rewrites them.

use std::path::Path;

use super::refs;
use super::set::{Exercise, Kind};

/// The exercises page, relative to the root.
pub const EXERCISES: &str = "learn/README.md";
/// The solutions page, relative to the root.
pub const SOLUTIONS: &str = "learn/solutions/README.md";

/// What rustlings shows between the first hint and the second.
pub const STRONGER: &str = "\n\nStronger hint:\n";

/// The exercises page for `exercises`, in their order; `heading` names a section's heading.
pub fn exercises_page(exercises: &[Exercise], heading: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::from(
        "# Exercises\n\n\
         <!-- Written by xtask (src/learn/chapter.rs) from learn/info.toml and the exercise \
         files: UPDATE_EXPECT=1 cargo test -p xtask --test exercises -->\n\n\
         Four or five exercises for each of the first seven pages, and two for asyncio, in \
         the reading path's order, each practising one section. Start them with\n\n\
         ```sh\n\
         cargo xtask learn\n\
         ```\n\n\
         which installs the pinned [rustlings](https://github.com/rust-lang/rustlings) into \
         `target/tools` the first time (a few minutes of compiling, once) and runs it on this \
         folder: it opens the first exercise you have not done, checks it each time you save, \
         shows a hint on `h`, lists the exercises on `l`, and keeps your progress in \
         `learn/.rustlings-state.txt`. `cargo xtask learn reset <name>` puts an exercise back \
         as it was (your version stays in `git stash`). A program that runs for 15 s is \
         stopped, with its name.\n\n\
         Three kinds:\n\n\
         - **Translate**: the page's Python (which the page runs under CPython) beside a Rust \
         skeleton. Done when your program prints what CPython prints; where the exercise is a \
         function, its answers are compared with the Python function's on more inputs too \
         (CPython's answers, recorded in the exercise and checked against `python3` by \
         `cargo test`).\n\
         - **Fix the compile error**: the error Rust gives where Python fails at run time. \
         Done when it compiles and prints the expected output.\n\
         - **Make it hold**: a claim of the page, as tests to make pass.\n\n\
         The solutions are on [their own page](solutions/README.md).\n",
    );
    let mut topic = "";
    for exercise in exercises {
        if exercise.dir != topic {
            topic = &exercise.dir;
            out.push_str(&format!("\n## {topic}\n"));
        }
        out.push_str(&entry(exercise, heading));
    }
    out
}

/// One exercise: its title, kind, section and file, the Python beside the skeleton, the hints.
fn entry(exercise: &Exercise, heading: &dyn Fn(&str) -> Option<String>) -> String {
    let kind = match exercise.kind() {
        Kind::Translate => "translate",
        Kind::CompileError => "fix the compile error",
        Kind::Hold => "make it hold",
    };
    let file = exercise
        .path
        .strip_prefix("learn")
        .unwrap_or(&exercise.path)
        .display()
        .to_string();
    let mut out = format!("\n### {}\n\n", title(exercise));
    let section = exercise.page().unwrap_or_default();
    let page = section.split('#').next().unwrap_or(section);
    let title = heading(section).unwrap_or_else(|| section.to_owned());
    out.push_str(&format!(
        "*{kind}*: [`{file}`]({file}), practising {page}, [{title}](../{section}).\n\n"
    ));
    let skeleton = format!("```rust\n{}```\n", before_tests(&exercise.text));
    match refs::quoted_python(&exercise.text).filter(|python| !python.is_empty()) {
        Some(python) => out.push_str(&format!(
            "<!-- side-by-side -->\n\n```python\n{}\n```\n\n{skeleton}\n<!-- /side-by-side -->\n",
            python.join("\n")
        )),
        None => out.push_str(&skeleton),
    }
    let (hint, stronger) = match exercise.hint.split_once(STRONGER) {
        Some((hint, stronger)) => (hint, Some(stronger)),
        None => (exercise.hint.as_str(), None),
    };
    out.push_str(&format!(
        "\n<details><summary>Hint</summary>\n\n{}\n\n</details>\n",
        hint.trim()
    ));
    if let Some(stronger) = stronger {
        out.push_str(&format!(
            "\n<details><summary>A stronger hint</summary>\n\n```text\n{}\n```\n\n</details>\n",
            stronger.trim()
        ));
    }
    out.push_str(&format!(
        "\n[The solution](solutions/README.md#{})\n",
        exercise.name
    ));
    out
}

/// The solutions page.
pub fn solutions_page(exercises: &[Exercise]) -> String {
    let mut out = String::from(
        "# Solutions\n\n\
         <!-- Written by xtask (src/learn/chapter.rs) from the solution files: \
         UPDATE_EXPECT=1 cargo test -p xtask --test exercises -->\n\n\
         One way to solve each [exercise](../README.md), as `cargo test` checks it: it passes \
         the exercise's tests, which are the same in both files (left out below).\n",
    );
    for exercise in exercises {
        let file = exercise
            .solution
            .strip_prefix("learn/solutions")
            .unwrap_or(&exercise.solution)
            .display()
            .to_string();
        out.push_str(&format!(
            "\n## {}\n\n[`{file}`]({file})\n\n```rust\n{}```\n",
            exercise.name,
            before_tests(&exercise.solution_text)
        ));
    }
    out
}

/// The exercise's first line, less its `// `: `defaults1: translate `head`, ...`.
fn title(exercise: &Exercise) -> String {
    let first = exercise.text.lines().next().unwrap_or_default();
    first
        .trim_start_matches("// ")
        .trim_end_matches('.')
        .to_owned()
}

/// The program without its tests (and without the comment block that opens the file, which
/// the page shows above it): the part a learner edits.
fn before_tests(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let body: Vec<&str> = code
        .lines()
        .skip_while(|line| line.starts_with("//"))
        .skip_while(|line| line.trim().is_empty())
        .collect();
    let mut out = body.join("\n").trim_end().to_owned();
    out.push('\n');
    out
}

/// Each generated file (these pages, and the test programs of [`super::combined`]) whose
/// text differs from what the set makes: its path, and the text it should have. With
/// `UPDATE_EXPECT` set, the files are rewritten instead.
pub fn stale(root: &Path, exercises: &[Exercise]) -> Result<Vec<(String, String)>, String> {
    let mut stale = Vec::new();
    let pages = [
        (
            EXERCISES,
            exercises_page(exercises, &|link| refs::heading(root, link)),
        ),
        (SOLUTIONS, solutions_page(exercises)),
    ];
    for (path, text) in pages
        .into_iter()
        .chain(super::combined::programs(exercises))
    {
        let file = root.join(path);
        if std::fs::read_to_string(&file).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&file, &text).map_err(|e| format!("cannot write {path}: {e}"))?;
        } else {
            stale.push((path.to_owned(), text));
        }
    }
    Ok(stale)
}
