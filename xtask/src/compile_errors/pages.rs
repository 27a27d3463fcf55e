//! Holds the topic pages to the compile errors the cases expect: an error code a page names
//! must be one a case of the topic's crate expects, and an `error[E0xxx]: message` a page
//! quotes must be a case's quote, code and message alike (a `` `warning: message` `` in inline
//! code, a case's quoted warning). The cases themselves are compiled, so a page cannot claim an
//! error the compiler does not report.
//!
//! The README and the glossary cite errors of every topic: they are held to every case, and
//! more strictly, since a learner meets an error code there without the page around it: each
//! line that names a code quotes it, `error[E0xxx]: message`.

use std::path::Path;

use libtest_mimic::{Failed, Trial};

use super::cases::{Case, is_code};
use crate::topics::TOPICS;

/// What a page claims: the error codes it names and the error lines it quotes, each with the
/// page line it is on.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Claims {
    /// `(line, code)` for every error code named.
    pub codes: Vec<(usize, String)>,
    /// `(line, code, message)` for every `error[E0xxx]: message` quoted.
    pub quotes: Vec<(usize, String, String)>,
    /// `(line, message)` for every `` `warning: message` `` quoted in inline code.
    pub warnings: Vec<(usize, String)>,
}

/// The pages outside the topics that cite errors, and are held to every topic's cases.
pub const LEARNER_PAGES: [&str; 2] = ["README.md", "docs/glossary.md"];

/// The claims of a page's text. A quote runs to the end of its line, or, inside inline code,
/// to the backticks that close it (which may be on a later line, as Markdown allows).
pub fn claims(text: &str) -> Claims {
    let mut claims = Claims::default();
    let lines: Vec<&str> = text.lines().collect();
    for (index, line) in lines.iter().enumerate() {
        for (at, _) in line.match_indices('E') {
            let word_start = !line[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric());
            let code = line.get(at..at + 5).unwrap_or_default();
            let word_end = !line[at + code.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric());
            if word_start && word_end && is_code(code) {
                claims.codes.push((index + 1, code.to_owned()));
            }
        }
        for (at, _) in line.match_indices("error[") {
            let rest = &line[at + "error[".len()..];
            let Some((code, _)) = rest.split_once("]: ").filter(|(c, _)| is_code(c)) else {
                continue;
            };
            let message = quoted(&lines[index..], at, "error[".len() + code.len() + 3);
            claims.quotes.push((index + 1, code.to_owned(), message));
        }
        for (at, _) in line.match_indices("`warning: ") {
            let message = quoted(&lines[index..], at + 1, "warning: ".len());
            claims.warnings.push((index + 1, message));
        }
    }
    claims
}

/// The message of a quote at byte `at` of `lines[0]`, its text starting `skip` bytes later: to
/// the end of the line, or, inside inline code, to the backticks that close it.
fn quoted(lines: &[&str], at: usize, skip: usize) -> String {
    let line = lines[0];
    let rest = &line[at + skip..];
    let ticks = line[..at].len() - line[..at].trim_end_matches('`').len();
    if ticks == 0 {
        return rest.trim().to_owned();
    }
    let closer = "`".repeat(ticks);
    let mut joined = rest.to_owned();
    for next in &lines[1..] {
        if joined.contains(&closer) {
            break;
        }
        joined.push(' ');
        joined.push_str(next.trim());
    }
    joined
        .split(closer.as_str())
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// Whether every claim of `page` is expected by one of `cases`; if not, which ones are not.
pub fn verdict(page: &Path, text: &str, cases: &[&Case]) -> Result<(), String> {
    let claims = claims(text);
    let mut problems = Vec::new();
    for (line, code) in &claims.codes {
        if !cases
            .iter()
            .any(|case| case.expected.iter().any(|e| &e.code == code))
        {
            problems.push(format!(
                "{}:{line}: {code} is named, but no compile_fail case of the topic's crate \
                 expects it: add one (a ```compile_fail,{code} doctest or a case file)",
                page.display()
            ));
        }
    }
    for (line, code, message) in &claims.quotes {
        let quoted = cases
            .iter()
            .flat_map(|case| &case.expected)
            .any(|e| &e.code == code && e.quote.as_ref().is_some_and(|q| &q.message == message));
        if !quoted {
            problems.push(format!(
                "{}:{line}: `error[{code}]: {message}` is quoted, but no compile_fail case of \
                 the topic's crate quotes it: end the line rustc points at, in the case, with \
                 `// error[{code}]: <the message's first line>`, and copy that here",
                page.display()
            ));
        }
    }
    for (line, message) in &claims.warnings {
        let quoted = cases
            .iter()
            .flat_map(|case| &case.expected)
            .any(|e| e.is_warning() && e.quote.as_ref().is_some_and(|q| &q.message == message));
        if !quoted {
            problems.push(format!(
                "{}:{line}: `warning: {message}` is quoted, but no case of the topic's crate \
                 quotes it: end the line rustc points at, in a case file, with \
                 `// warning[lint_name]: <the message's first line>`, and copy that here",
                page.display()
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Whether every line of `page` that names an error code quotes it with its message, and every
/// claim is one of `cases` expects.
pub fn cited_verdict(page: &Path, text: &str, cases: &[&Case]) -> Result<(), String> {
    let claims = claims(text);
    let mut problems: Vec<String> = claims
        .codes
        .iter()
        .filter(|(line, code)| !claims.quotes.iter().any(|(l, c, _)| l == line && c == code))
        .map(|(line, code)| {
            format!(
                "{}:{line}: {code} is named without its message: quote it as rustc prints \
                 it, ``error[{code}]: <the message's first line>``",
                page.display()
            )
        })
        .collect();
    if let Err(unexpected) = verdict(page, text, cases) {
        problems.push(unexpected);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// What the README says this check compiles: `(CASE_FILES and DOCTESTS today)`, after this.
const COUNTED: &str = "compiles each `compile_fail` case file and doctest (";

/// Whether the README's count of the cases (`(20 and 36 today)`) is the count of `cases`: case
/// files under `tests/compile_fail/`, and `compile_fail` doctests.
pub fn counted_verdict(text: &str, cases: &[Case]) -> Result<(), String> {
    let files = cases
        .iter()
        .filter(|case| {
            case.file
                .components()
                .any(|c| c.as_os_str() == "compile_fail")
        })
        .count();
    let doctests = cases.len() - files;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let said = flat
        .split_once(COUNTED)
        .and_then(|(_, rest)| rest.split_once(" today)"))
        .map(|(counts, _)| counts.to_string());
    let actual = format!("{files} and {doctests}");
    match said {
        Some(said) if said == actual => Ok(()),
        Some(said) => Err(format!(
            "README.md says this check compiles {said} case files and doctests; it compiles \
             {actual}: write `({actual} today)`"
        )),
        None => Err(format!(
            "README.md does not say how many cases this check compiles: it should read \
             `{COUNTED}{actual} today)`"
        )),
    }
}

/// One trial a topic page, `<topic>::compile errors quoted`, one a learner page,
/// `<page> compile errors cited`, and `README.md counts the cases`.
pub fn trials(root: &Path, cases: &[Case]) -> Result<Vec<Trial>, String> {
    let mut trials = topic_trials(root, cases)?;
    let readme = std::fs::read_to_string(root.join("README.md"))
        .map_err(|e| format!("cannot read README.md: {e}"))?;
    let all = cases.to_vec();
    trials.push(Trial::test("README.md counts the cases", move || {
        counted_verdict(&readme, &all).map_err(Failed::from)
    }));
    for page in LEARNER_PAGES {
        let text = std::fs::read_to_string(root.join(page))
            .map_err(|e| format!("cannot read {page}: {e}"))?;
        let all = cases.to_vec();
        trials.push(Trial::test(
            format!("{page} compile errors cited"),
            move || {
                let all: Vec<&Case> = all.iter().collect();
                cited_verdict(Path::new(page), &text, &all).map_err(Failed::from)
            },
        ));
    }
    Ok(trials)
}

fn topic_trials(root: &Path, cases: &[Case]) -> Result<Vec<Trial>, String> {
    TOPICS
        .iter()
        .map(|topic| {
            let page = Path::new("docs").join(format!("{topic}.md"));
            let text = std::fs::read_to_string(root.join(&page))
                .map_err(|e| format!("cannot read {}: {e}", page.display()))?;
            let own: Vec<Case> = cases
                .iter()
                .filter(|case| case.krate == *topic)
                .cloned()
                .collect();
            Ok(Trial::test(
                format!("{topic}::compile errors quoted"),
                move || {
                    let own: Vec<&Case> = own.iter().collect();
                    verdict(&page, &text, &own).map_err(Failed::from)
                },
            ))
        })
        .collect()
}
