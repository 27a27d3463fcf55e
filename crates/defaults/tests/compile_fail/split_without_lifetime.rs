//! Try it, on docs/glossary.md (lifetimes): `option_params::split` without its `'a`. It takes
//! two references and returns one; Python's garbage collector keeps whatever the result
//! refers to alive, but rustc must know which argument the returned slices borrow from, and
//! with two reference parameters the signature has to say: `text`, not `sep`.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

// ANCHOR: try
fn split(text: &str, sep: Option<&str>) -> Vec<&str> { // error[E0106]: missing lifetime specifier
    match sep {
        None => text.split_whitespace().collect(),
        Some(sep) => text.split(sep).collect(),
    }
}
// ANCHOR_END: try

fn main() {
    println!("{:?}", split("a b", None));
}
