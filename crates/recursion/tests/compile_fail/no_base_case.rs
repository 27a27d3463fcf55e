//! The notes' "a human is someone whose mother is human", on docs/recursion.md: a definition
//! with no termination condition. It compiles, and rustc warns that it can never return.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the warning quoted
//! below, lint, message and line (a case that quotes only warnings must compile).

// ANCHOR: human
fn mother(person: &str) -> String {
    format!("the mother of {person}")
}

fn is_human(person: &str) -> bool { // warning[unconditional_recursion]: function cannot return without recursing
    is_human(&mother(person))
}
// ANCHOR_END: human

fn main() {
    println!("{}", is_human("Ada"));
}
