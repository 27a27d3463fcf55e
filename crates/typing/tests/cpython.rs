//! The models of Python's typing against the real thing: `+` on mixed operands, `int()` and
//! `bool()` on strings, and `sum` of strings, each computed here and by `python3`.
//!
//! A `harness = false` target of comparison trials: where `python3` cannot be started, a
//! comparison is reported ignored, with the reason (a failure under `REQUIRE_PYTHON=1`).

use python::{comparison, run_trials};
use typing::PyException;
use typing::model::{examples, python_add};
use typing::parse::{bool_table, int_table};

/// Python that prints the `repr` of `expression`, or `TypeName: message` for the exception
/// it raises, and a NUL after it, the end of one answer.
fn repr_or_exception(expression: &str) -> String {
    format!(
        "try:\n    print(repr({expression}), end='\\0')\nexcept Exception as e:\n    print(f'{{type(e).__name__}}: {{e}}', end='\\0')\n"
    )
}

/// What `python3` says to each of `expressions`, in order; `None` where there is no Python.
/// One interpreter answers them all, one after another: a start per expression cost this
/// test 2 s.
fn answers(expressions: &[String]) -> Option<Vec<String>> {
    let code: String = expressions.iter().map(|e| repr_or_exception(e)).collect();
    let stdout = python::run_with_input(&code, "")?;
    let answers: Vec<String> = stdout
        .split_terminator('\0')
        .map(|answer| answer.trim_end().to_owned())
        .collect();
    assert_eq!(answers.len(), expressions.len(), "{stdout:?}");
    Some(answers)
}

fn main() -> std::process::ExitCode {
    run_trials(vec![
        comparison("the_add_model_agrees_with_real_python", || {
            let pairs = examples();
            // An empty list would agree with anything; this needs no python3.
            assert!(pairs.len() >= 6, "{pairs:?}");
            let sums: Vec<String> = pairs.iter().map(|(a, b)| format!("{a} + {b}")).collect();
            for ((a, b), real) in pairs.iter().zip(answers(&sums)?) {
                let modelled = match python_add(a, b) {
                    Ok(value) => value.to_string(),
                    Err(error) => error.traceback_line().to_string(),
                };
                assert_eq!(modelled, real, "{a} + {b}");
            }
            Some(())
        }),
        comparison("the_int_and_bool_models_agree_with_real_python", || {
            for (conversion, table) in [("int", int_table()), ("bool", bool_table())] {
                let calls: Vec<String> = table
                    .iter()
                    .map(|row| format!("{conversion}({})", row.input))
                    .collect();
                for (row, real) in table.iter().zip(answers(&calls)?) {
                    assert_eq!(row.python, real, "{conversion}({})", row.input);
                }
            }
            Some(())
        }),
        comparison("python_sum_of_strings_is_a_run_time_type_error", || {
            let code = "try:\n    sum(['a', 'b'])\nexcept TypeError as e:\n    print(e)";
            let real = python::run(code)?;
            assert!(
                real.starts_with("unsupported operand type(s) for +"),
                "{real}"
            );
            Some(())
        }),
    ])
}
