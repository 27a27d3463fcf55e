//! Where a bench's source declares a constant, and the text of its value: the two ways the
//! languages write one (`const NAME: T = value;`, `NAME = value`), each over as many lines
//! as its brackets take, with comments dropped.

use std::rc::Rc;

use super::value::{self, Value};

/// A source file, by its path from the workspace root.
#[derive(Clone, Debug)]
pub(crate) struct SourceFile {
    pub(crate) path: String,
    pub(crate) text: Rc<str>,
}

/// Where one side declares a constant, and the text of its value.
#[derive(Clone, Debug)]
pub(crate) struct Declaration {
    pub(crate) file: SourceFile,
    pub(crate) line: usize,
    pub(crate) value: String,
}

impl Declaration {
    /// What the value means; a path in it is read through its file's match arm.
    pub(crate) fn read(&self) -> Result<Value, String> {
        value::read(&self.value, &|path| match_arm(&self.file.text, path))
    }

    /// `file:line `value``, for messages.
    pub(crate) fn at(&self) -> String {
        format!("{}:{} `{}`", self.file.path, self.line, self.value)
    }
}

/// Declarations by name.
pub(crate) type Names = Vec<(String, Vec<Declaration>)>;

/// Every top-level constant of the Rust `files`, by name in order of first appearance.
pub(crate) fn in_rust(files: &[SourceFile]) -> Names {
    declarations(files, rust_declaration)
}

/// Every top-level constant of the Python `files`, by name in order of first appearance.
pub(crate) fn in_python(files: &[SourceFile]) -> Names {
    declarations(files, python_declaration)
}

fn declarations(files: &[SourceFile], parse: fn(&[&str]) -> Option<(String, String)>) -> Names {
    let mut names: Names = Vec::new();
    for file in files {
        let lines: Vec<&str> = file.text.lines().collect();
        for at in 0..lines.len() {
            let Some((name, value)) = parse(&lines[at..]) else {
                continue;
            };
            let declaration = Declaration {
                file: file.clone(),
                line: at + 1,
                value,
            };
            match names.iter_mut().find(|(known, _)| *known == name) {
                Some((_, found)) => found.push(declaration),
                None => names.push((name, vec![declaration])),
            }
        }
    }
    names
}

/// The declarations of `name`, none if there is none.
pub(crate) fn declared(names: &Names, name: &str) -> Vec<Declaration> {
    names
        .iter()
        .find(|(known, _)| known == name)
        .map(|(_, found)| found.clone())
        .unwrap_or_default()
}

fn is_constant_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// `const NAME: T = value;` at the start of `lines` (any `pub`), over as many lines as it takes.
fn rust_declaration(lines: &[&str]) -> Option<(String, String)> {
    let line = lines[0];
    let line = ["pub(crate) ", "pub(super) ", "pub "]
        .into_iter()
        .find_map(|visibility| line.strip_prefix(visibility))
        .unwrap_or(line);
    let (name, rest) = line.strip_prefix("const ")?.split_once(':')?;
    let (_, value) = rest.split_once('=')?;
    is_constant_name(name).then(|| (name.to_owned(), statement(value, &lines[1..], "//", true)))
}

/// `NAME = value` (or `NAME: T = value`) at the start of `lines`, brackets closed.
fn python_declaration(lines: &[&str]) -> Option<(String, String)> {
    let (target, value) = lines[0].split_once('=')?;
    let name = target.split(':').next()?.trim_end();
    let is_assignment = !value.starts_with('=') && !lines[0].starts_with(char::is_whitespace);
    (is_assignment && is_constant_name(name))
        .then(|| (name.to_owned(), statement(value, &lines[1..], "#", false)))
}

/// A value's text from `first` on, comments dropped, lines joined: up to the `;` outside
/// brackets (Rust), or to the end of the line where its brackets close (Python).
fn statement(first: &str, more: &[&str], comment: &str, ends_at_semicolon: bool) -> String {
    let mut pieces = Vec::new();
    let mut depth = 0_i32;
    for line in std::iter::once(&first).chain(more) {
        let (mut quote, mut end, mut ended) = (None, line.len(), false);
        for (at, c) in line.char_indices() {
            if let Some(open) = quote {
                quote = (c != open).then_some(open);
                continue;
            }
            if line[at..].starts_with(comment) {
                end = at;
                break;
            }
            match c {
                '"' | '\'' => quote = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ';' if ends_at_semicolon && depth == 0 => {
                    (end, ended) = (at, true);
                    break;
                }
                _ => {}
            }
        }
        pieces.push(line[..end].trim());
        if ended || (!ends_at_semicolon && depth <= 0) {
            break;
        }
    }
    pieces.retain(|piece| !piece.is_empty());
    pieces.join(" ")
}

/// Whether `name` occurs in `text` as a whole word.
pub(crate) fn mentions(text: &str, name: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(name).any(|(at, _)| {
        !text[..at].ends_with(is_word) && !text[at + name.len()..].starts_with(is_word)
    })
}

/// The expression of the one match arm `path => expression` in `text`.
fn match_arm(text: &str, path: &str) -> Result<String, String> {
    let arms: Vec<&str> = text
        .lines()
        .filter_map(|line| {
            line.trim_start()
                .strip_prefix(path)?
                .trim_start()
                .strip_prefix("=>")
        })
        .collect();
    match arms[..] {
        [arm] => Ok(arm.trim().trim_end_matches(',').trim_end().to_owned()),
        _ => Err(format!(
            "`{path}` needs one match arm `{path} => value` in its file, found {}",
            arms.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rust(text: &str) -> Option<(String, String)> {
        rust_declaration(&text.lines().collect::<Vec<_>>())
    }

    fn python(text: &str) -> Option<(String, String)> {
        python_declaration(&text.lines().collect::<Vec<_>>())
    }

    fn found(name: &str, value: &str) -> Option<(String, String)> {
        Some((name.to_owned(), value.to_owned()))
    }

    #[test]
    fn a_rust_constant_is_read_up_to_its_semicolon() {
        assert_eq!(
            rust("pub(crate) const WAITS: usize = 8; // eight"),
            found("WAITS", "8")
        );
        let sizes = "const SIZES: [(usize, &str); 2] = [\n    (0, \"0;\"), // none\n];\nx";
        assert_eq!(rust(sizes), found("SIZES", r#"[ (0, "0;"), ]"#));
        assert_eq!(rust("pub const fn get() -> u32 {"), None);
        assert_eq!(rust("    const INNER: u32 = 1;"), None);
        assert_eq!(rust("const lower: u32 = 1;"), None);
        assert_eq!(
            rust("static SIZES: OnceLock<Sizes> = OnceLock::new();"),
            None
        );
    }

    #[test]
    fn a_python_constant_is_read_until_its_brackets_close() {
        assert_eq!(python("WAIT = 0.1  # seconds"), found("WAIT", "0.1"));
        assert_eq!(python("LIMIT: int = 3"), found("LIMIT", "3"));
        let lengths = "LENGTHS = [  # seconds\n    0.020,\n    0.200,\n]\nNEXT = 1";
        assert_eq!(python(lengths), found("LENGTHS", "[ 0.020, 0.200, ]"));
        assert_eq!(python("    INNER = 1"), None);
        assert_eq!(python("sizes = {}"), None);
        assert_eq!(python("WAITS == 8"), None);
        assert_eq!(python("WAITS += 1"), None);
    }

    #[test]
    fn names_are_found_as_whole_words() {
        assert!(mentions("use lib::{PRIMES, PRIMES_BELOW};", "PRIMES_BELOW"));
        assert!(!mentions("use lib::PRIMES_BELOW_TEN;", "PRIMES_BELOW"));
        assert!(!mentions("use lib::MY_PRIMES_BELOW;", "PRIMES_BELOW"));
    }

    #[test]
    fn a_variant_is_read_through_its_one_match_arm() {
        let text = "match self {\n    Length::Short => Duration::from_millis(20),\n}";
        assert_eq!(
            match_arm(text, "Length::Short"),
            Ok("Duration::from_millis(20)".to_owned())
        );
        assert!(match_arm(text, "Length::Long").is_err());
        assert!(match_arm(&format!("{text}\n{text}"), "Length::Short").is_err());
    }
}
