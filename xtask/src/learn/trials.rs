//! The exercise set's invariants as test trials, as `rustlings dev check --require-solutions`
//! states them and more: every solution passes its tests; every exercise fails until solved,
//! for the reason its kind intends (a translate exercise with a `todo!()` or a diff, a
//! compile-error exercise with exactly its error code, through [`crate::compile_errors`]);
//! every exercise has a `// TODO`, a `main`, tests, the tests of its solution, a link to a
//! section that exists; and what it copies from its page is what the page shows
//! ([`super::refs`]).
//!
//! The solutions, and the exercises that compile, are built as two test programs
//! ([`combined`]) by one `cargo test --no-run` in `learn/`, whose target directory is the
//! workspace's; each trial runs one exercise's tests in one of them.

use std::path::Path;
use std::sync::Arc;

use libtest_mimic::{Failed, Trial};

use super::combined;
use super::refs;
use super::set::{self, Exercise, Kind};
use crate::compile_errors::{self, cases, rustc};

/// Every trial of the set: the static checks of each exercise (which need no build), then one
/// trial per solution and per unsolved exercise, after a build of all of them.
pub fn trials(root: &Path) -> Result<Vec<Trial>, String> {
    let exercises = set::read(root)?;
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        // Before the build, which compiles the test programs written here.
        super::chapter::stale(root, &exercises)?;
    }
    let mut trials = vec![bins_trial(root, &exercises), pages_trial(root, &exercises)];
    trials.push(cpython_trial(root, &exercises));
    for exercise in &exercises {
        trials.push(static_trial(root, exercise));
    }
    let programs = Arc::new(combined::build(root)?);
    for exercise in &exercises {
        let (programs, name) = (Arc::clone(&programs), exercise.name.clone());
        trials.push(Trial::test(
            format!("learn::{name}::solution passes"),
            move || match programs.run(combined::SOLUTIONS, &name)? {
                (true, _) => Ok(()),
                (false, text) => Err(format!("the solution fails its tests:\n{text}").into()),
            },
        ));
    }
    for exercise in exercises.iter().filter(|e| combined::compiles_unsolved(e)) {
        let (programs, name, kind) = (
            Arc::clone(&programs),
            exercise.name.clone(),
            exercise.kind(),
        );
        trials.push(Trial::test(
            format!("learn::{name}::unsolved fails as intended"),
            move || unsolved_verdict(kind, programs.run(combined::EXERCISES, &name)?),
        ));
    }
    trials.extend(compile_error_trials(root, &exercises)?);
    Ok(trials)
}

/// `Cargo.toml`'s `bin` list is the one `rustlings dev update` writes from `info.toml`.
fn bins_trial(root: &Path, exercises: &[Exercise]) -> Trial {
    let manifest = root.join(set::DIR).join("Cargo.toml");
    let mut expected = String::from("bin = [\n");
    for exercise in exercises {
        for (name, path) in [
            (exercise.name.clone(), &exercise.path),
            (format!("{}_sol", exercise.name), &exercise.solution),
        ] {
            let path = path.strip_prefix(set::DIR).unwrap_or(path).display();
            expected.push_str(&format!("  {{ name = \"{name}\", path = \"{path}\" }},\n"));
        }
    }
    expected.push(']');
    Trial::test("learn::Cargo.toml lists every exercise", move || {
        let text = std::fs::read_to_string(&manifest)
            .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
        if text.contains(&expected) {
            Ok(())
        } else {
            Err(
                "learn/Cargo.toml's bin list is not info.toml's: run `target/tools/bin/rustlings \
                 dev update` in learn/ (`cargo xtask learn` installs it)"
                    .into(),
            )
        }
    })
}

/// The exercises and solutions pages are the ones the set makes ([`super::chapter`]).
fn pages_trial(root: &Path, exercises: &[Exercise]) -> Trial {
    let (root, exercises) = (root.to_path_buf(), exercises.to_vec());
    Trial::test(
        "learn::README.md and solutions/README.md are the set's",
        move || {
            let stale = super::chapter::stale(&root, &exercises)?;
            match stale.first() {
                None => Ok(()),
                Some((path, _)) => Err(format!(
                    "{path} is not what the set makes: UPDATE_EXPECT=1 cargo test -p xtask --test \
                 exercises rewrites it (and {} other)",
                    stale.len() - 1
                )
                .into()),
            }
        },
    )
}

/// The checks that read files only: the `// TODO`, `main`, tests, the tests the solution
/// shares, the page section, and the Python and output copied from it.
fn static_trial(root: &Path, exercise: &Exercise) -> Trial {
    let (root, exercise) = (root.to_path_buf(), exercise.clone());
    Trial::test(
        format!("learn::{}::matches its page", exercise.name),
        move || {
            let at = exercise.path.display().to_string();
            for needed in ["// TODO", "fn main()", "#[test]\n"] {
                if !exercise.text.contains(needed) {
                    return Err(format!("{at} has no `{}`", needed.trim()).into());
                }
            }
            refs::same_tests(&exercise)?;
            let link = exercise
                .page()
                .ok_or_else(|| format!("{at}: no `// Page: docs/<page>.md#<section>` line"))?;
            let fences = refs::section(&root, link).map_err(|e| format!("{at}: {e}"))?;
            if let Some(quoted) = refs::quoted_python(&exercise.text) {
                let python = fences.iter().find(|f| f.tag == "python");
                if python.map(|f| &f.body) != Some(&quoted) {
                    return Err(format!(
                        "{at}:{}: the Python quoted is not the first Python block of {link}",
                        exercise.line_of("// The Python")
                    )
                    .into());
                }
            }
            if let Some((tag, expected)) = refs::expected_output(&exercise.text) {
                let fence = fences.iter().find(|f| f.tag == tag).ok_or_else(|| {
                    format!("{at}: {link} has no `{tag}` block to take the expected output from")
                })?;
                let shown = refs::shown_output(fence);
                if shown != expected {
                    return Err(format!(
                        "{at}:{}: EXPECTED is not the page's `{tag}` block ({}:{}):\n{}",
                        exercise.line_of("// learn-check: "),
                        link.split('#').next().unwrap_or(link),
                        fence.line,
                        crate::pattern::diff(&shown, &expected, fence.line + 1, 3)
                    )
                    .into());
                }
            } else if exercise.kind() == Kind::Translate {
                return Err(
                    format!("{at}: a translate exercise needs `// learn-check: output`").into(),
                );
            }
            Ok(())
        },
    )
}

/// An exercise's name, its page section, and the `(call, answer)` pairs it records.
type Recorded = (String, String, Vec<(String, String)>);

/// The answers the exercises record against CPython's, all asked of one `python3`.
fn cpython_trial(root: &Path, exercises: &[Exercise]) -> Trial {
    let recorded: Vec<Recorded> = exercises
        .iter()
        .filter_map(|e| {
            Some((
                e.name.clone(),
                e.page()?.to_owned(),
                refs::cpython_answers(&e.text)?,
            ))
        })
        .collect();
    let root = root.to_path_buf();
    python::comparison(
        "learn::CPython's answers are the ones recorded",
        move || {
            let questions: Vec<refs::Questions> = recorded
                .iter()
                .map(|(exercise, link, answers)| refs::Questions {
                    exercise: exercise.clone(),
                    source: refs::python_source(&root, link).unwrap_or_default(),
                    calls: answers.iter().map(|(call, _)| call.clone()).collect(),
                })
                .collect();
            let printed = refs::answers_printed(&python::run(&refs::answers_script(&questions))?);
            let wrong: Vec<String> = recorded
                .iter()
                .filter_map(|(exercise, _, answers)| {
                    let cpython = printed.iter().find(|(name, _)| name == exercise)?;
                    let differ: Vec<String> = answers
                        .iter()
                        .zip(cpython.1.iter().chain(std::iter::repeat(&String::new())))
                        .filter(|((_, recorded), said)| recorded != *said)
                        .map(|((call, recorded), said)| {
                            format!(
                                "  {exercise}: {call}: recorded {recorded}, CPython says {said}"
                            )
                        })
                        .collect();
                    (!differ.is_empty()).then(|| differ.join("\n"))
                })
                .collect();
            let missing: Vec<&String> = recorded
                .iter()
                .map(|(exercise, _, _)| exercise)
                .filter(|exercise| !printed.iter().any(|(name, _)| name == *exercise))
                .collect();
            assert!(
                missing.is_empty(),
                "CPython printed no answers for {missing:?}"
            );
            assert!(
                wrong.is_empty(),
                "recorded answers that are not CPython's:\n{}",
                wrong.join("\n")
            );
            Some(())
        },
    )
}

/// Whether an unsolved exercise failed for its kind's reason.
fn unsolved_verdict(kind: Kind, (passed, output): (bool, String)) -> Result<(), Failed> {
    let intended = match kind {
        Kind::Translate => {
            output.contains("not yet implemented")
                || output.contains("does not print what the page shows")
        }
        _ => output.contains("panicked at"),
    };
    if passed {
        Err("the unsolved exercise passes its tests: they check nothing".into())
    } else if intended {
        Ok(())
    } else {
        Err(format!("it fails, but not for the reason intended:\n{output}").into())
    }
}

/// One trial per compile-error exercise: rustc must report the error it quotes, as the
/// workspace's compile-error cases are checked.
fn compile_error_trials(root: &Path, exercises: &[Exercise]) -> Result<Vec<Trial>, String> {
    let quoted: Vec<&Exercise> = exercises
        .iter()
        .filter(|e| e.kind() == Kind::CompileError)
        .collect();
    if quoted.is_empty() {
        return Ok(Vec::new());
    }
    let libraries = Arc::new(rustc::standalone(root)?);
    Ok(quoted
        .into_iter()
        .enumerate()
        .map(|(index, exercise)| {
            let libraries = Arc::clone(&libraries);
            let case = cases::case_file(rustc::STANDALONE, &exercise.path, &exercise.text);
            Trial::test(
                format!("learn::{}::unsolved fails with its error", exercise.name),
                move || {
                    let case = case?;
                    let diagnostics = rustc::compile(&libraries, &case, 1000 + index)?;
                    compile_errors::verdict(&case, &diagnostics).map_err(Failed::from)
                },
            )
        })
        .collect())
}
