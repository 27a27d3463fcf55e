//! Reads the exercise set: `learn/info.toml` and, for each exercise it lists, the exercise
//! file, its solution, its kind and what it refers to on its page.
//!
//! `info.toml` is read for the few keys the set writes (`name`, `dir`, `hint`; every exercise has tests), each
//! on a line of its own as rustlings' template writes them; rustlings reads the whole format,
//! and CI's `rustlings dev check` proves it accepts the file. A TOML library would cost every
//! build of xtask for these four keys.

use std::path::{Path, PathBuf};

/// The set's directory, under the workspace root.
pub const DIR: &str = "learn";

/// What an exercise asks for, read from its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Translate the page's Python: its test calls `learn_check::prints`, and it quotes no
    /// compile error.
    Translate,
    /// Fix the compile error the file quotes (`// error[E0xxx]: ..`).
    CompileError,
    /// Make the page's claim hold: tests only.
    Hold,
}

/// One `[[exercises]]` entry and its files.
#[derive(Clone, Debug)]
pub struct Exercise {
    /// Its name, which is its binary's.
    pub name: String,
    /// Its folder under `exercises/` and `solutions/` (the topic).
    pub dir: String,
    /// The hint rustlings shows.
    pub hint: String,
    /// `learn/exercises/<dir>/<name>.rs`, relative to the root.
    pub path: PathBuf,
    /// `learn/solutions/<dir>/<name>.rs`, relative to the root.
    pub solution: PathBuf,
    /// The exercise file's text.
    pub text: String,
    /// The solution's text.
    pub solution_text: String,
}

impl Exercise {
    /// What it asks for.
    pub fn kind(&self) -> Kind {
        if self.text.contains("// error[E") {
            Kind::CompileError
        } else if self.text.contains("learn_check::prints(") {
            Kind::Translate
        } else {
            Kind::Hold
        }
    }

    /// The page section it practises, `docs/<page>.md#<anchor>`, from its `// Page:` line.
    pub fn page(&self) -> Option<&str> {
        self.text
            .lines()
            .find_map(|line| line.strip_prefix("// Page: "))
            .map(str::trim)
    }

    /// The line of its file that says `text` (1-based), for messages.
    pub fn line_of(&self, text: &str) -> usize {
        self.text
            .lines()
            .position(|line| line.contains(text))
            .map_or(1, |index| index + 1)
    }
}

/// The exercises `info.toml` lists, in its order, with their files read.
pub fn read(root: &Path) -> Result<Vec<Exercise>, String> {
    let info = root.join(DIR).join("info.toml");
    let text = std::fs::read_to_string(&info)
        .map_err(|e| format!("cannot read {}: {e}", info.display()))?;
    entries(&text)?
        .into_iter()
        .map(|(name, dir, hint)| {
            let path = Path::new(DIR)
                .join("exercises")
                .join(&dir)
                .join(format!("{name}.rs"));
            let solution = Path::new(DIR)
                .join("solutions")
                .join(&dir)
                .join(format!("{name}.rs"));
            let read = |path: &Path| {
                std::fs::read_to_string(root.join(path))
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))
            };
            Ok(Exercise {
                text: read(&path)?,
                solution_text: read(&solution)?,
                name,
                dir,
                hint,
                path,
                solution,
            })
        })
        .collect()
}

/// The exercises' names, from `info.toml` alone.
pub fn names(root: &Path) -> Result<Vec<String>, String> {
    let info = root.join(DIR).join("info.toml");
    let text = std::fs::read_to_string(&info)
        .map_err(|e| format!("cannot read {}: {e}", info.display()))?;
    Ok(entries(&text)?
        .into_iter()
        .map(|(name, _, _)| name)
        .collect())
}

/// `(name, dir, hint)` of each `[[exercises]]` table.
pub fn entries(text: &str) -> Result<Vec<(String, String, String)>, String> {
    let mut entries = Vec::new();
    let mut lines = text.lines().enumerate();
    let mut current: Option<[Option<String>; 3]> = None;
    let mut finish = |current: Option<[Option<String>; 3]>, line: usize| {
        if let Some([name, dir, hint]) = current {
            match (name, dir, hint) {
                (Some(name), Some(dir), Some(hint)) => entries.push((name, dir, hint)),
                _ => {
                    return Err(format!(
                        "learn/info.toml:{line}: the exercise above lacks a name, dir or hint"
                    ));
                }
            }
        }
        Ok(())
    };
    while let Some((index, line)) = lines.next() {
        if line.trim() == "[[exercises]]" {
            finish(current.take(), index + 1)?;
            current = Some([None, None, None]);
            continue;
        }
        let Some(fields) = current.as_mut() else {
            continue;
        };
        let Some((key, value)) = line.split_once(" = ") else {
            continue;
        };
        let slot = match key.trim() {
            "name" => 0,
            "dir" => 1,
            "hint" => 2,
            _ => continue,
        };
        let value = if let Some(first) = value.strip_prefix("\"\"\"") {
            let mut body = vec![first.to_owned()];
            while !body.last().is_some_and(|l| l.ends_with("\"\"\"")) {
                let (_, next) = lines.next().ok_or_else(|| {
                    format!("learn/info.toml:{}: `\"\"\"` is never closed", index + 1)
                })?;
                body.push(next.to_owned());
            }
            let joined = body.join("\n");
            unescape(joined.trim_end_matches("\"\"\"").trim_start_matches('\n'))
        } else {
            unescape(value.trim().trim_matches('"'))
        };
        fields[slot] = Some(value);
    }
    finish(current, text.lines().count())?;
    Ok(entries)
}

/// A TOML basic string's text with its escapes read (`\\`, `\"`, `\n`, `\t`).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_names_dirs_and_multiline_hints() {
        let text = "format_version = 1\n\n[[exercises]]\nname = \"a1\"\ndir = \"a\"\nhint = \"\"\"\nfirst\nsecond\"\"\"\n\n[[exercises]]\nname = \"b1\"\ndir = \"b\"\nhint = \"\"\"one\"\"\"\n";
        let read = entries(text).unwrap();
        assert_eq!(
            read,
            vec![
                ("a1".into(), "a".into(), "first\nsecond".into()),
                ("b1".into(), "b".into(), "one".into()),
            ]
        );
    }

    #[test]
    fn escapes_are_read_as_toml_reads_them() {
        assert_eq!(
            unescape(r#"end="\\n" \"q\" a\nb"#),
            "end=\"\\n\" \"q\" a\nb"
        );
    }

    #[test]
    fn an_entry_without_a_hint_is_an_error() {
        assert!(entries("[[exercises]]\nname = \"a\"\ndir = \"a\"\n").is_err());
    }
}
