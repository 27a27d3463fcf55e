//! Try it, on docs/metaclass.md: printing a struct with `{:?}` without `#[derive(Debug)]`.
//! What `@dataclass` adds when the class statement runs, `derive` adds at compile time, and
//! only if asked.
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the error quoted below,
//! code, message and line.

// ANCHOR: try
struct Point {
    x: i32,
    y: i32,
}

fn main() {
    let p = Point { x: 1, y: 2 };
    println!("{p:?}"); // error[E0277]: `Point` doesn't implement `Debug`
    println!("{} {}", p.x, p.y);
}
// ANCHOR_END: try
