//! Holds the topic pages to the compile errors the cases expect: an error code a page names
//! must be one a case of the topic's crate expects, and an `error[E0xxx]: message` a page
//! quotes must be a case's quote, code and message alike. The cases themselves are compiled,
//! so a page cannot claim an error the compiler does not report.

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
}

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
            let ticks = line[..at].len() - line[..at].trim_end_matches('`').len();
            let message = if ticks == 0 {
                rest[code.len() + 3..].to_owned()
            } else {
                let mut joined = rest[code.len() + 3..].to_owned();
                for next in &lines[index + 1..] {
                    if joined.contains(&"`".repeat(ticks)) {
                        break;
                    }
                    joined.push(' ');
                    joined.push_str(next.trim());
                }
                let closer = "`".repeat(ticks);
                joined
                    .split(closer.as_str())
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            };
            claims
                .quotes
                .push((index + 1, code.to_owned(), message.trim().to_owned()));
        }
    }
    claims
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
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// One trial a topic page: `<topic>::compile errors quoted`.
pub fn trials(root: &Path, cases: &[Case]) -> Result<Vec<Trial>, String> {
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
