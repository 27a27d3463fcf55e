//! The models of Python's typing against the real thing: `+` on mixed operands, `int()` and
//! `bool()` on strings, and `sum` of strings, each computed here and by `python3`.
//!
//! A `harness = false` target of comparison trials: where `python3` cannot be started, a
//! comparison is reported ignored, with the reason (a failure under `REQUIRE_PYTHON=1`).

use python::{comparison, run_trials};
use typing::model::{examples, python_add};
use typing::parse::{bool_table, int_table};

/// Prints the `repr` of `expression`, or `TypeName: message` for the exception it raises.
fn repr_or_exception(expression: &str) -> String {
    format!(
        "try:\n    print(repr({expression}))\nexcept Exception as e:\n    print(f'{{type(e).__name__}}: {{e}}')"
    )
}

fn main() -> std::process::ExitCode {
    run_trials(vec![
        comparison("the_add_model_agrees_with_real_python", || {
            let pairs = examples();
            // An empty list would agree with anything; this needs no python3.
            assert!(pairs.len() >= 6, "{pairs:?}");
            for (a, b) in pairs {
                let real = python::run(&repr_or_exception(&format!("{a} + {b}")))?;
                let modelled = match python_add(&a, &b) {
                    Ok(value) => value.to_string(),
                    Err(error) => error.to_string(),
                };
                assert_eq!(modelled, real, "{a} + {b}");
            }
            Some(())
        }),
        comparison("the_int_and_bool_models_agree_with_real_python", || {
            for (conversion, table) in [("int", int_table()), ("bool", bool_table())] {
                for row in table {
                    let code = repr_or_exception(&format!("{conversion}({})", row.input));
                    let real = python::run(&code)?;
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
