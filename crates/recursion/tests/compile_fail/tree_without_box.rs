//! Try it, on docs/recursion.md: the recursive `Tree` without its `Box`. A value holding
//! itself directly would be infinitely large; a `Box` is a pointer of fixed size.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

// ANCHOR: try
#[derive(Debug)]
enum Tree {
    Leaf(i32),
    Node(Tree, Tree), // error[E0072]: recursive type `Tree` has infinite size
}
// ANCHOR_END: try

fn main() {
    println!("{:?}", Tree::Leaf(1));
}
