//! What an exercise copies from its page, checked against the page: the section it links, the
//! Python it quotes, the output it expects, and the CPython answers it records.
//!
//! An exercise is read by a learner in an editor, away from the page, so it carries copies;
//! these checks make the page their one source: a page change that changes an output fails
//! here until the exercise follows.

use std::path::Path;

use super::set::Exercise;
use crate::markdown::{Heading, Markdown, slug};
use crate::page::{self, Fence};

/// The fences under the heading `docs/<page>.md#<anchor>` names, or why there are none.
pub fn section(root: &Path, link: &str) -> Result<Vec<Fence>, String> {
    let (anchor, fences) = page_fences(root, link)?;
    Ok(fences
        .into_iter()
        .filter(|fence| in_section(fence, &anchor))
        .collect())
}

/// The Python that defines what an exercise's CPython answers call: the section's first
/// Python block, after the blocks it continues (`<!-- python: continues -->`), as the page
/// runs them; nothing where the section has none (the answers then call builtins, `int`).
pub fn python_source(root: &Path, link: &str) -> Result<Vec<String>, String> {
    let (anchor, fences) = page_fences(root, link)?;
    let python: Vec<&Fence> = fences.iter().filter(|f| f.tag == "python").collect();
    let Some(last) = python.iter().position(|fence| in_section(fence, &anchor)) else {
        return Ok(Vec::new());
    };
    let continues = |fence: &Fence| {
        fence.comment.as_deref().is_some_and(|comment| {
            comment.starts_with("<!-- python:") && comment.contains("continues")
        })
    };
    let mut first = last;
    while first > 0 && continues(python[first]) {
        first -= 1;
    }
    Ok(python[first..=last]
        .iter()
        .flat_map(|fence| fence.body.iter().cloned())
        .collect())
}

/// The heading `docs/<page>.md#<anchor>` names, as the page writes it, if it exists.
pub fn heading(root: &Path, link: &str) -> Option<String> {
    let (file, anchor) = link.split_once('#')?;
    let text = std::fs::read_to_string(root.join(file)).ok()?;
    let found = sections(&text).find(|heading| heading.anchor() == anchor);
    found.map(|heading| heading.source.to_owned())
}

/// A page's sections: its `##` headings.
fn sections(text: &str) -> impl Iterator<Item = Heading<'_>> {
    let headings = Markdown::parse(text).headings.into_iter();
    headings.filter(|heading| heading.level == 2)
}

/// The anchor `link` names and every fence of its page, once the anchor is known to exist.
fn page_fences(root: &Path, link: &str) -> Result<(String, Vec<Fence>), String> {
    let (file, anchor) = link
        .split_once('#')
        .ok_or_else(|| format!("`{link}` names no section (`docs/<page>.md#<anchor>`)"))?;
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {file}: {e}"))?;
    let anchors: Vec<String> = sections(&text).map(|heading| heading.anchor()).collect();
    if !anchors.iter().any(|a| a == anchor) {
        return Err(format!(
            "{file} has no section #{anchor}; its sections: {}",
            anchors.join(", ")
        ));
    }
    let fences = page::fences(Path::new(file), &text).map_err(String::from)?;
    Ok((anchor.to_owned(), fences))
}

fn in_section(fence: &Fence, anchor: &str) -> bool {
    fence.heading.as_deref().map(slug).as_deref() == Some(anchor)
}

/// The Python an exercise quotes after its `// The Python` line: the indented comment lines
/// that follow, unindented, a bare `//` a blank line.
pub fn quoted_python(text: &str) -> Option<Vec<String>> {
    let mut lines = text
        .lines()
        .skip_while(|line| !line.starts_with("// The Python"));
    lines.next()?;
    let mut quoted: Vec<String> = lines
        .skip_while(|line| !line.starts_with("//     "))
        .map_while(|line| {
            if line.trim_end() == "//" {
                Some(String::new())
            } else {
                line.strip_prefix("//     ").map(str::to_owned)
            }
        })
        .collect();
    while quoted.last().is_some_and(String::is_empty) {
        quoted.pop();
    }
    Some(quoted)
}

/// The lines of the raw string after the `// learn-check: <tag>` line, and the tag
/// (`output`, `console`).
pub fn expected_output(text: &str) -> Option<(String, Vec<String>)> {
    let mut lines = text.lines().skip_while(|line| {
        !line.trim_start().starts_with("// learn-check: output")
            && !line.trim_start().starts_with("// learn-check: console")
    });
    let tag = lines
        .next()?
        .trim()
        .strip_prefix("// learn-check: ")?
        .to_owned();
    let opening = lines.next()?;
    if !opening.trim_end().ends_with("r#\"") {
        return None;
    }
    let body = lines
        .take_while(|line| !line.starts_with("\"#"))
        .map(|line| line.trim_end().to_owned())
        .collect();
    Some((tag, body))
}

/// The output a page's fence shows: an `output` block's lines, or a console block's without
/// its command (`$ `, `> `) and status (`? `) lines.
pub fn shown_output(fence: &Fence) -> Vec<String> {
    fence
        .body
        .iter()
        .filter(|line| {
            fence.tag != "console"
                || !(line.starts_with("$ ") || line.starts_with("> ") || line.starts_with("? "))
        })
        .map(|line| line.trim_end().to_owned())
        .collect()
}

/// The `(Python call, CPython's answer)` pairs after `// learn-check: cpython`.
pub fn cpython_answers(text: &str) -> Option<Vec<(String, String)>> {
    let start = text.find("// learn-check: cpython")?;
    let rest = &text[start..];
    let table = &rest[..rest.find("];")?];
    let literals = string_literals(table);
    Some(
        literals
            .chunks(2)
            .filter(|pair| pair.len() == 2)
            .map(|pair| (pair[0].clone(), pair[1].clone()))
            .collect(),
    )
}

/// The `"..."` literals of `text`, in order, with `\"` and `\\` read.
fn string_literals(text: &str) -> Vec<String> {
    let mut literals = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut literal = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => literal.extend(chars.next()),
                c => literal.push(c),
            }
        }
        literals.push(literal);
    }
    literals
}

/// Whether the test modules of an exercise and its solution are the same (everything from
/// `#[cfg(test)]` on), so that the solution passes the tests the learner has.
pub fn same_tests(exercise: &Exercise) -> Result<(), String> {
    let tests = |text: &str| text.find("#[cfg(test)]").map(|at| text[at..].to_owned());
    match (tests(&exercise.text), tests(&exercise.solution_text)) {
        (Some(a), Some(b)) if a == b => Ok(()),
        (None, None) => Ok(()),
        _ => Err(format!(
            "{} and {} differ in their tests (from `#[cfg(test)]` on): the solution must pass \
             the tests the learner has",
            exercise.path.display(),
            exercise.solution.display()
        )),
    }
}

/// What one exercise asks CPython: the page's Python that defines the function, and the calls.
pub struct Questions {
    /// The exercise's name, which heads its answers in the script's output.
    pub exercise: String,
    /// The page's Python ([`python_source`]).
    pub source: Vec<String>,
    /// The calls, as Python expressions.
    pub calls: Vec<String>,
}

/// One script for every exercise (one `python3` start, not one an exercise): for each, a line
/// `\x1e<exercise>`, then CPython's answer to each call (`ValueError: <message>` for an
/// exception it raises). The page's Python runs first, in a namespace of its own whose
/// `__name__` is not `"__main__"` (so a `Pool` under the main guard does not start), with its
/// output thrown away and whatever it raises at its end (a traceback the page shows on
/// purpose) caught.
pub fn answers_script(questions: &[Questions]) -> String {
    let mut script = String::from(
        "import contextlib, io\n\
         def answer(exercise, source, calls):\n\
         \x20   print('\\x1e' + exercise)\n\
         \x20   namespace = {'__name__': '__page__'}\n\
         \x20   with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n\
         \x20       try:\n\
         \x20           exec(compile(source, '<page>', 'exec'), namespace)\n\
         \x20       except BaseException:\n\
         \x20           pass\n\
         \x20   for call in calls:\n\
         \x20       try:\n\
         \x20           print(eval(call, namespace))\n\
         \x20       except Exception as error:\n\
         \x20           print(f'{type(error).__name__}: {error}')\n",
    );
    for question in questions {
        let calls: Vec<String> = question.calls.iter().map(|c| format!("{c:?}")).collect();
        script.push_str(&format!(
            "answer({:?}, {:?}, [{}])\n",
            question.exercise,
            question.source.join("\n"),
            calls.join(", ")
        ));
    }
    script
}

/// The answers [`answers_script`] printed, by exercise.
pub fn answers_printed(output: &str) -> Vec<(String, Vec<String>)> {
    output
        .split('\u{1e}')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut lines = part.lines().map(str::to_owned);
            let exercise = lines.next().unwrap_or_default();
            (exercise, lines.collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quoted_python_is_the_indented_comment_block() {
        let text = "// x\n// The Python, as the page runs it:\n//\n//     def f():\n//         return 1\n//\n//     print(f())\n//\n// Done when\n";
        assert_eq!(
            quoted_python(text).unwrap(),
            ["def f():", "    return 1", "", "print(f())"]
        );
    }

    #[test]
    fn the_answers_printed_are_read_by_exercise() {
        assert_eq!(
            answers_printed("\u{1e}a1\n1\n[2]\n\u{1e}b1\nValueError: x\n"),
            [
                ("a1".to_owned(), vec!["1".to_owned(), "[2]".to_owned()]),
                ("b1".to_owned(), vec!["ValueError: x".to_owned()])
            ]
        );
    }

    #[test]
    fn the_expected_output_is_the_raw_string_after_its_tag() {
        let text = "    // learn-check: output\n    const EXPECTED: &str = r#\"\n[1]\n[2]\n\"#;\n";
        assert_eq!(
            expected_output(text).unwrap(),
            (
                "output".to_owned(),
                vec!["[1]".to_owned(), "[2]".to_owned()]
            )
        );
    }

    #[test]
    fn cpython_answers_pair_the_literals_of_the_table() {
        let text = "// learn-check: cpython\nconst C: [(&str, &str); 2] = [\n(\"f([1, 'a'])\", \"[1]\"),\n(\"g(\\\"x\\\")\", \"x\"),\n];";
        assert_eq!(
            cpython_answers(text).unwrap(),
            [
                ("f([1, 'a'])".to_owned(), "[1]".to_owned()),
                ("g(\"x\")".to_owned(), "x".to_owned())
            ]
        );
    }
}
