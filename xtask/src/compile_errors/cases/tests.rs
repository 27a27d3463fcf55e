//! Reading the claims: doctest fences, hidden lines, annotations, case files.

use std::path::Path;

use super::*;

const SHARED: &str = "//! Two threads:
//!
//! ```compile_fail,E0499
//! let mut v = vec![1];
//! # let hidden = 1;
//! std::thread::scope(|s| {
//!     s.spawn(|| v.push(4));
//!     s.spawn(|| v.push(5)); // error[E0499]: cannot borrow `v` as mutable more than once at a time
//! });
//! ```
//!
//! ```
//! let fine = 1;
//! ```
";

#[test]
fn a_doctest_becomes_a_case_wrapped_in_main_with_its_quote() {
    let cases = doctests("concurrency", Path::new("src/shared.rs"), SHARED).unwrap();
    assert_eq!(cases.len(), 1, "the plain doctest is not a case");
    let case = &cases[0];
    assert_eq!(case.name(), "concurrency::src/shared.rs:4");
    assert_eq!(case.offset, 1);
    assert!(
        case.source
            .starts_with("fn main() {\nlet mut v = vec![1];\nlet hidden = 1;\n")
    );
    assert_eq!(
        case.expected,
        [Expected {
            code: "E0499".into(),
            quote: Some(Quote {
                message: "cannot borrow `v` as mutable more than once at a time".into(),
                line: 5,
            }),
        }]
    );
}

#[test]
fn a_fence_code_without_a_quote_is_expected_alone() {
    let text = "/// ```compile_fail,E0308\n/// let x: i32 = \"\";\n/// ```\n";
    let cases = doctests("typing", Path::new("a.rs"), text).unwrap();
    assert_eq!(
        cases[0].expected,
        [Expected {
            code: "E0308".into(),
            quote: None
        }]
    );
}

#[test]
fn a_compile_fail_doctest_without_a_code_or_with_a_stray_quote_is_malformed() {
    let bare = "//! ```compile_fail\n//! let x: i32 = \"\";\n//! ```\n";
    let errors = doctests("typing", Path::new("a.rs"), bare).unwrap_err();
    assert!(
        errors[0].starts_with("a.rs:1: a compile_fail doctest must say"),
        "{errors:?}"
    );
    let stray = "//! ```compile_fail,E0308\n//! f(); // error[E0425]: cannot find function `f` in this scope\n//! ```\n";
    let errors = doctests("typing", Path::new("a.rs"), stray).unwrap_err();
    assert!(errors[0].contains("add ,E0425 to the fence"), "{errors:?}");
    let open = "//! ```compile_fail,E0308\n//! let x: i32 = \"\";\n";
    assert!(doctests("typing", Path::new("a.rs"), open).is_err());
}

#[test]
fn annotations_need_a_real_code() {
    assert_eq!(
        annotation("f(); // error[E0425]: cannot find function `f`"),
        Some(("E0425".into(), "cannot find function `f`".into()))
    );
    assert_eq!(annotation("f(); // error[E04]: short"), None);
    assert_eq!(annotation("f(); // error: no code"), None);
    assert!(is_code("E0283") && !is_code("E028") && !is_code("e0283") && !is_code("E02x3"));
}

#[test]
fn a_case_file_must_quote_what_it_expects() {
    let file = Path::new("crates/c/tests/compile_fail/x.rs");
    let case = case_file("c", file, "fn main() {\n    f(); // error[E0425]: m\n}\n").unwrap();
    assert_eq!(case.expected[0].quote.as_ref().unwrap().line, 2);
    assert_eq!(case.offset, 0);
    assert!(case_file("c", file, "fn main() { f() }\n").is_err());
}
