//! The constants a topic's Rust and Python benches both declare, found by name, and whether
//! their values agree.
//!
//! A constant is shared when one UPPER_CASE name is declared at the top level of both sides
//! of a bench in `crates/<topic>/benches/`: `const NAME: T = value;` in Rust, `NAME = value`
//! in Python. The files pair up by stem: a Python file beside a Rust file of the same name
//! (`live_pool.py`, `live_pool.rs`) is that file's counterpart, and the topic's other files
//! are one bench (`concurrency.py` and `work.py` against `concurrency/main.rs` and its
//! modules); so `TASKS` may be 100 in `live_pool` and 4 in the rest. A name the Rust bench
//! uses without declaring it is looked up in the crate's `src/`, where the bench imports it
//! from (`defaults::evaluated_once::PRIMES_BELOW`). A Rust value that names an enum variant
//! (`[Length::Short, Length::Long]`) is read through the one match arm of its file that maps
//! the variant (`Length::Short => Duration::from_millis(20)`).

use std::fs;
use std::path::Path;

use super::declaration::{self, Declaration, SourceFile, declared, mentions};

/// A name both sides declare.
#[derive(Clone, Debug)]
pub(crate) struct Shared {
    pub(crate) name: String,
    pub(crate) rust: Declaration,
    pub(crate) python: Declaration,
}

impl Shared {
    /// `concurrency/live_pool.py: TASKS`: the topic, the Python file and the name.
    pub(crate) fn label(&self) -> String {
        let path = Path::new(&self.python.file.path);
        let topic = path.iter().nth(1).unwrap_or_default().to_string_lossy();
        let file = path.file_name().unwrap_or_default().to_string_lossy();
        format!("{topic}/{file}: {}", self.name)
    }

    /// What is wrong, if anything: the two values differ, or one cannot be read.
    pub(crate) fn difference(&self) -> Option<String> {
        let (rust, python) = (self.rust.read(), self.python.read());
        match (rust, python) {
            (Ok(rust), Ok(python)) if rust.same_as(&python) => None,
            (Ok(rust), Ok(python)) => Some(format!(
                "{}: the Rust bench has {rust} ({}), the Python bench {python} ({}): make \
                 them equal, or the two sides measure different work",
                self.name,
                self.rust.at(),
                self.python.at()
            )),
            (Err(error), _) => Some(self.unreadable(&self.rust, &error)),
            (_, Err(error)) => Some(self.unreadable(&self.python, &error)),
        }
    }

    fn unreadable(&self, side: &Declaration, error: &str) -> String {
        format!(
            "{}: cannot read {} ({error}): write it as a literal, or teach \
             xtask/tests/tidy/value.rs to read it",
            self.name,
            side.at()
        )
    }
}

/// Every shared constant of every topic's benches, and each name one side declares twice.
pub(crate) fn shared(root: &Path) -> (Vec<Shared>, Vec<String>) {
    let (mut shared, mut problems) = (Vec::new(), Vec::new());
    let topics = fs::read_dir(root.join("crates"))
        .into_iter()
        .flatten()
        .flatten();
    let mut benches: Vec<_> = topics
        .map(|topic| topic.path().join("benches"))
        .filter(|dir| dir.is_dir())
        .collect();
    benches.sort();
    for bench in &benches {
        let read = |extension: &str, dir: &Path| -> Vec<SourceFile> {
            super::files_ending_in(dir, &[extension])
                .into_iter()
                .map(|file| SourceFile {
                    path: super::relative(&file),
                    text: fs::read_to_string(&file).unwrap_or_default().into(),
                })
                .collect()
        };
        let library = read("rs", &bench.with_file_name("src"));
        let (rust, python) = (read("rs", bench), read("py", bench));
        for (rust, python) in counterparts(rust, python) {
            let (found, twice) = pair_up(&rust, &python, &library);
            shared.extend(found);
            problems.extend(twice);
        }
    }
    (shared, problems)
}

/// The benches' files as counterparts: each Python file with the Rust file of its stem, and
/// the rest, together.
fn counterparts(
    rust: Vec<SourceFile>,
    python: Vec<SourceFile>,
) -> Vec<(Vec<SourceFile>, Vec<SourceFile>)> {
    let stem = |file: &SourceFile| file.path.rsplit_once('.').map(|(stem, _)| stem.to_owned());
    let (mut rest_rust, mut rest_python, mut groups) = (rust, Vec::new(), Vec::new());
    for py in python {
        match rest_rust.iter().position(|rs| stem(rs) == stem(&py)) {
            Some(at) => groups.push((vec![rest_rust.remove(at)], vec![py])),
            None => rest_python.push(py),
        }
    }
    if !rest_python.is_empty() {
        groups.push((rest_rust, rest_python));
    }
    groups
}

/// The names declared on both sides of one bench, in the Python side's order; and each name
/// a side declares twice, which leaves no one value to compare.
pub(crate) fn pair_up(
    rust: &[SourceFile],
    python: &[SourceFile],
    library: &[SourceFile],
) -> (Vec<Shared>, Vec<String>) {
    let (mut shared, mut problems) = (Vec::new(), Vec::new());
    let rust_names = declaration::in_rust(rust);
    let library_names = declaration::in_rust(library);
    for (name, pythons) in declaration::in_python(python) {
        let mut rusts = declared(&rust_names, &name);
        if rusts.is_empty() && rust.iter().any(|file| mentions(&file.text, &name)) {
            rusts = declared(&library_names, &name);
        }
        let Some(first_rust) = rusts.first() else {
            continue;
        };
        for (side, count) in [("Rust", rusts.len()), ("Python", pythons.len())] {
            if count > 1 {
                problems.push(format!(
                    "{name}: the {side} side of one bench declares it {count} times: keep one"
                ));
            }
        }
        shared.push(Shared {
            name,
            rust: first_rust.clone(),
            python: pythons[0].clone(),
        });
    }
    (shared, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: path.to_owned(),
            text: text.into(),
        }
    }

    const RUST: &str = r#"//! A bench.
use lib::LIBRARY_LIMIT;

/// How many.
pub(crate) const WAITS: usize = 8;
const WAIT: Duration = Duration::from_millis(100); // one wait
const SIZES: [(usize, &str); 2] = [
    (0, "0"),
    (256 << 20, "256mib"), // the big one
];
const LENGTHS: [Length; 2] = [Length::Short, Length::Long];
const RUST_ONLY: u32 = 3;
pub const fn not_a_constant() {}
fn f() {
    const INNER: u32 = 1;
    match length {
        Length::Short => Duration::from_millis(20),
        Length::Long => Duration::from_millis(200),
    }
}
"#;

    const PYTHON: &str = r#""""A bench."""
WAITS = 8
WAIT = 0.1  # seconds
SIZES = [  # a list over lines
    (0, "0"),
    (256 << 20, "256mib"),
]
LENGTHS = [0.020, 0.200]
LIBRARY_LIMIT = 10_000
INNER = 1
lower = 2
WAITS == 8
def f():
    PYTHON_ONLY = 1
"#;

    fn shared_of(python: &str) -> (Vec<Shared>, Vec<String>) {
        pair_up(
            &[file("crates/t/benches/t.rs", RUST)],
            &[file("crates/t/benches/t.py", python)],
            &[file(
                "crates/t/src/lib.rs",
                "pub const LIBRARY_LIMIT: u32 = 10_000;\n",
            )],
        )
    }

    #[test]
    fn the_names_both_sides_declare_are_paired() {
        let (shared, problems) = shared_of(PYTHON);
        let names: Vec<&str> = shared.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["WAITS", "WAIT", "SIZES", "LENGTHS", "LIBRARY_LIMIT"]
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(shared[0].label(), "t/t.py: WAITS");
        assert_eq!(
            shared[2].rust.value,
            r#"[ (0, "0"), (256 << 20, "256mib"), ]"#
        );
        assert_eq!(shared[2].python.line, 4);
        assert_eq!(shared[4].rust.file.path, "crates/t/src/lib.rs");
        let differences: Vec<String> = shared.iter().filter_map(Shared::difference).collect();
        assert!(differences.is_empty(), "{differences:?}");
    }

    #[test]
    fn a_difference_names_the_constant_and_both_values() {
        let (shared, _) = shared_of(&PYTHON.replace("WAIT = 0.1", "WAIT = 0.2"));
        let wait = shared.iter().find(|s| s.name == "WAIT").unwrap();
        let message = wait.difference().unwrap();
        assert!(
            message.starts_with("WAIT: the Rust bench has 0.1 "),
            "{message}"
        );
        assert!(message.contains("crates/t/benches/t.rs:6 `Duration::from_millis(100)`"));
        assert!(message.contains("the Python bench 0.2 (crates/t/benches/t.py:3 `0.2`)"));
    }

    #[test]
    fn a_value_that_cannot_be_read_is_a_problem_too() {
        let (shared, _) = shared_of(&PYTHON.replace("WAITS = 8", "WAITS = int('8')"));
        let message = shared[0].difference().unwrap();
        assert!(message.starts_with("WAITS: cannot read crates/t/benches/t.py:2"));
    }

    #[test]
    fn a_name_declared_twice_on_one_side_is_a_problem() {
        let (_, problems) = shared_of(&format!("{PYTHON}WAITS = 9\n"));
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("WAITS: the Python side"));
    }

    #[test]
    fn files_pair_by_stem_and_the_rest_are_one_bench() {
        let groups = counterparts(
            vec![
                file("b/t/main.rs", ""),
                file("b/t/pool.rs", ""),
                file("b/t/sized.rs", ""),
            ],
            vec![
                file("b/t.py", ""),
                file("b/t/pool.py", ""),
                file("b/t/work.py", ""),
            ],
        );
        let paths = |files: &[SourceFile]| -> Vec<String> {
            files.iter().map(|file| file.path.clone()).collect()
        };
        let groups: Vec<_> = groups
            .iter()
            .map(|(rs, py)| (paths(rs), paths(py)))
            .collect();
        assert_eq!(
            groups,
            [
                (
                    vec!["b/t/pool.rs".to_owned()],
                    vec!["b/t/pool.py".to_owned()]
                ),
                (
                    vec!["b/t/main.rs".to_owned(), "b/t/sized.rs".to_owned()],
                    vec!["b/t.py".to_owned(), "b/t/work.py".to_owned()]
                ),
            ]
        );
    }
}
