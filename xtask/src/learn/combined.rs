//! The two test programs xtask's `exercises` test runs: `learn/checks/solutions.rs`, every
//! solution as a module, and `learn/checks/exercises.rs`, every exercise that compiles (all
//! but the compile-error ones) as a module. rustlings builds each exercise as a binary of its
//! own; building the 48 of them for `cargo test` cost about 15 s of CPU, mostly linking, and
//! two programs cost a fraction of it. An exercise's tests run unchanged in its module
//! (`defaults1::tests::..`), and its `main` is the module's.
//!
//! Both are learn/Cargo.toml's examples (with `test = true`), which cargo builds without the
//! package's binaries, as it would not for an integration test.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use libtest_mimic::Failed;

use super::set::{self, Exercise, Kind};
use crate::process;

/// The solutions' program, relative to the root.
pub const SOLUTIONS: &str = "learn/checks/solutions.rs";
/// The unsolved exercises' program, relative to the root.
pub const EXERCISES: &str = "learn/checks/exercises.rs";

/// The two programs' text: `(path, text)`.
pub fn programs(exercises: &[Exercise]) -> [(&'static str, String); 2] {
    let solutions = exercises.iter().map(|e| (e, "solutions")).collect();
    let unsolved = exercises
        .iter()
        .filter(|e| compiles_unsolved(e))
        .map(|e| (e, "exercises"))
        .collect();
    [
        (SOLUTIONS, program("solution", solutions)),
        (
            EXERCISES,
            program("exercise that compiles unsolved", unsolved),
        ),
    ]
}

/// Whether the unsolved exercise compiles (every kind but the compile errors).
pub fn compiles_unsolved(exercise: &Exercise) -> bool {
    exercise.kind() != Kind::CompileError
}

fn program(what: &str, modules: Vec<(&Exercise, &str)>) -> String {
    let mut out = format!(
        "//! Every {what} of the set as a module of one test program, for xtask's `exercises`\n\
         //! test. Written by xtask (src/learn/combined.rs): `UPDATE_EXPECT=1 cargo test -p \
         xtask --test exercises`.\n\
         // An exercise's `main` is called by its tests only, or not at all.\n\
         #![allow(dead_code)]\n"
    );
    for (exercise, folder) in modules {
        out.push_str(&format!(
            "\n#[path = \"../{folder}/{}/{}.rs\"]\nmod {};\n",
            exercise.dir, exercise.name, exercise.name
        ));
    }
    out.push_str("\nfn main() {}\n");
    out
}

/// A test program that runs longer than this has looped, not failed: every exercise's tests
/// take well under a second, and a `main` is stopped by learn-check at 10 s.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The two programs, built: each one's path ([`SOLUTIONS`], [`EXERCISES`]) and executable.
pub struct Built(Vec<(&'static str, PathBuf)>);

/// Builds both programs with one `cargo test --no-run` in `learn/`.
pub fn build(root: &Path) -> Result<Built, String> {
    let mut command = crate::cargo::command();
    command
        .current_dir(root.join(set::DIR))
        // JSON diagnostics: an unsolved exercise's warnings (an unused parameter beside a
        // `todo!()`) are expected, and only errors are shown.
        .args(["test", "--no-run", "--quiet", "--message-format=json"])
        .args(["--example", "solutions", "--example", "exercises"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let output = command
        .output()
        .map_err(|e| format!("could not run cargo in learn/: {e}"))?;
    let messages = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        let errors: String = messages
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter(|message| message["message"]["level"] == "error")
            .filter_map(|message| message["message"]["rendered"].as_str().map(str::to_owned))
            .collect();
        return Err(format!(
            "building the exercises failed ({}):\n{errors}",
            output.status
        ));
    }
    let executables = messages
        .lines()
        .filter_map(crate::cargo::artifact)
        .filter_map(|artifact| {
            let path = match artifact["target"]["name"].as_str()? {
                "solutions" => SOLUTIONS,
                "exercises" => EXERCISES,
                _ => return None,
            };
            Some((path, PathBuf::from(artifact["executable"].as_str()?)))
        })
        .collect();
    Ok(Built(executables))
}

impl Built {
    /// Runs the tests of `exercise`'s module in `program`: whether they passed, and what
    /// they printed.
    pub fn run(&self, program: &str, exercise: &str) -> Result<(bool, String), Failed> {
        let (_, exe) = self
            .0
            .iter()
            .find(|(path, _)| *path == program)
            .ok_or_else(|| format!("cargo built no test program {program}"))?;
        let mut command = Command::new(exe);
        command
            .arg(format!("{exercise}::tests::"))
            .env_remove("RUST_BACKTRACE");
        let ran = process::run(command, TIMEOUT)
            .map_err(|e| format!("could not run {}: {e}", exe.display()))?;
        if ran.status.is_none() {
            return Err(format!(
                "{exercise}'s tests ran past {TIMEOUT:?} and were killed:\n{}",
                ran.output
            )
            .into());
        }
        if ran.output.contains("running 0 tests") {
            return Err(format!("{program} has no tests of {exercise}").into());
        }
        Ok((ran.status.is_some_and(|s| s.success()), ran.output))
    }
}
