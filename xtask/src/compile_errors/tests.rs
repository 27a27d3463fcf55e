//! Judging rustc's errors against a case's expectations, and a page's claims against cases.

use std::path::Path;

use super::cases::{Expected, Quote, case_file};
use super::rustc::{Diagnostic, diagnostic};
use super::*;

fn error(code: &str, message: &str, line: usize) -> Diagnostic {
    Diagnostic {
        warning: false,
        code: Some(code.into()),
        message: message.into(),
        lines: vec![(line, line)],
        rendered: String::new(),
    }
}

fn case() -> Case {
    let text = "fn main() {\n    let x = f(None); // error[E0283]: type annotations needed\n}\n";
    case_file("defaults", Path::new("x.rs"), text).unwrap()
}

#[test]
fn the_code_the_message_and_the_line_must_all_match() {
    let case = case();
    assert_eq!(
        verdict(&case, &[error("E0283", "type annotations needed", 2)]),
        Ok(())
    );
    for wrong in [
        error("E0282", "type annotations needed", 2),
        error("E0283", "type annotation needed", 2),
        error("E0283", "type annotations needed", 3),
    ] {
        let failure = verdict(&case, &[wrong]).unwrap_err();
        assert!(
            failure.starts_with("expected error[E0283]: type annotations needed (on line 2)"),
            "{failure}"
        );
    }
    assert_eq!(
        verdict(&case, &[]),
        Err("it compiled, but it is claimed to fail".into())
    );
}

#[test]
fn a_doctest_line_is_counted_in_its_file() {
    let mut case = case();
    (case.first_line, case.offset) = (10, 1);
    case.expected = vec![Expected {
        code: "E0308".into(),
        quote: None,
    }];
    let failure = verdict(&case, &[error("E0277", "m", 3)]).unwrap_err();
    assert!(
        failure.contains("error[E0277]: m (on line 11)"),
        "{failure}"
    );
    case.expected[0].quote = Some(Quote {
        message: "m".into(),
        line: 2,
    });
    case.expected[0].code = "E0277".into();
    assert_eq!(verdict(&case, &[error("E0277", "m", 3)]), Ok(()));
}

#[test]
fn rustc_json_diagnostics_are_read_warnings_marked_and_summaries_left_out() {
    let json = r#"{"$message_type":"diagnostic","message":"type annotations needed\nmore","code":{"code":"E0283","explanation":"..."},"level":"error","spans":[{"line_start":5,"line_end":5,"is_primary":true},{"line_start":2,"line_end":2,"is_primary":false}],"rendered":"error[E0283]"}"#;
    let read = diagnostic(json).unwrap();
    assert_eq!(read.code.as_deref(), Some("E0283"));
    assert_eq!(
        (read.message.as_str(), read.lines.as_slice()),
        ("type annotations needed", &[(5, 5), (2, 2)][..])
    );
    assert!(!read.warning);
    let warning = json.replace(r#""level":"error""#, r#""level":"warning""#);
    assert!(diagnostic(&warning).unwrap().warning);
    let emitted = r#"{"$message_type":"diagnostic","message":"1 warning emitted","code":null,"level":"warning","spans":[],"rendered":""}"#;
    assert_eq!(diagnostic(emitted), None);
    let summary = r#"{"$message_type":"diagnostic","message":"aborting due to 1 previous error","code":null,"level":"error","spans":[],"rendered":""}"#;
    assert_eq!(diagnostic(summary), None);
}

#[test]
fn a_page_may_name_and_quote_only_what_a_case_expects() {
    let cases = [case()];
    let cases: Vec<&Case> = cases.iter().collect();
    let page = Path::new("docs/defaults.md");
    let good = "It fails (E0283): ``error[E0283]: type annotations\nneeded``, as shown.\n";
    assert_eq!(pages::verdict(page, good, &cases), Ok(()));
    let wrong_code = pages::verdict(page, "It fails (E0282).\n", &cases).unwrap_err();
    assert!(
        wrong_code.starts_with("docs/defaults.md:1: E0282 is named"),
        "{wrong_code}"
    );
    let wrong_message =
        pages::verdict(page, "x; // error[E0283]: type needed\n", &cases).unwrap_err();
    assert!(
        wrong_message.contains("`error[E0283]: type needed` is quoted"),
        "{wrong_message}"
    );
    assert!(pages::claims("HE0283 and E02834").codes.is_empty());
}

fn warning(lint: &str, message: &str, line: usize) -> Diagnostic {
    Diagnostic {
        warning: true,
        ..error(lint, message, line)
    }
}

/// A case that quotes only a warning: a function with no way to return.
fn no_base_case() -> Case {
    let text = "fn f() { // warning[unconditional_recursion]: function cannot return without recursing\n    f()\n}\n";
    case_file("recursion", Path::new("x.rs"), text).unwrap()
}

#[test]
fn a_case_quoting_a_warning_must_compile_with_it() {
    let case = no_base_case();
    assert!(case.expected[0].is_warning());
    let message = "function cannot return without recursing";
    assert_eq!(
        verdict(&case, &[warning("unconditional_recursion", message, 1)]),
        Ok(())
    );
    let none = verdict(&case, &[]).unwrap_err();
    assert!(
        none.starts_with(
            "expected warning: function cannot return without recursing \
             (unconditional_recursion) (on line 1)"
        ),
        "{none}"
    );
    let as_error = verdict(&case, &[error("unconditional_recursion", message, 1)]).unwrap_err();
    assert!(as_error.contains("rustc reported:"), "{as_error}");
    let also_failed = [
        warning("unconditional_recursion", message, 1),
        error("E0308", "mismatched types", 2),
    ];
    let failure = verdict(&case, &also_failed).unwrap_err();
    assert!(
        failure.starts_with("expected it to compile, with only warnings"),
        "{failure}"
    );
}

#[test]
fn a_page_quotes_a_warning_only_as_a_case_quotes_it() {
    let cases = [no_base_case()];
    let cases: Vec<&Case> = cases.iter().collect();
    let page = Path::new("docs/recursion.md");
    let good = "rustc warns, `warning: function cannot return\nwithout recursing`.\n";
    assert_eq!(pages::verdict(page, good, &cases), Ok(()));
    let wrong = pages::verdict(page, "`warning: function never returns`\n", &cases).unwrap_err();
    assert!(
        wrong.contains("`warning: function never returns` is quoted"),
        "{wrong}"
    );
    assert!(
        pages::claims("\"warning: not inline code\"")
            .warnings
            .is_empty()
    );
}

#[test]
fn the_learner_pages_give_every_code_with_its_message() {
    let cases = [case()];
    let cases: Vec<&Case> = cases.iter().collect();
    let page = Path::new("README.md");
    let quoted = "| `f(None)` | ``error[E0283]: type annotations needed`` |\n";
    assert_eq!(pages::cited_verdict(page, quoted, &cases), Ok(()));
    let bare = pages::cited_verdict(page, "| `f(None)` | E0283 |\n", &cases).unwrap_err();
    assert!(
        bare.starts_with("README.md:1: E0283 is named without its message"),
        "{bare}"
    );
    let unknown = "``error[E0283]: type annotation needed``\n";
    assert!(pages::cited_verdict(page, unknown, &cases).is_err());
}

#[test]
fn the_readme_must_count_the_case_files_and_doctests_there_are() {
    let file = Case {
        file: "crates/defaults/tests/compile_fail/x.rs".into(),
        ..case()
    };
    let doctest = Case {
        file: "crates/defaults/src/x.rs".into(),
        ..case()
    };
    let cases = [file.clone(), file, doctest];
    let readme = |counts: &str| {
        format!("the check\ncompiles each `compile_fail` case file and\ndoctest ({counts} today)")
    };
    assert_eq!(pages::counted_verdict(&readme("2 and 1"), &cases), Ok(()));
    let wrong = pages::counted_verdict(&readme("20 and 36"), &cases).unwrap_err();
    assert!(wrong.contains("write `(2 and 1 today)`"), "{wrong}");
    let silent = pages::counted_verdict("no count", &cases).unwrap_err();
    assert!(silent.contains("does not say"), "{silent}");
}
