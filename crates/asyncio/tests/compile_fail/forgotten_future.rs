//! A future called and never awaited, on docs/asyncio.md: where CPython warns at run time
//! (`RuntimeWarning: coroutine 'greet' was never awaited`, when the coroutine object is
//! collected), rustc warns at compile time, and adds the note "futures do nothing unless you
//! `.await` or poll them".
//!
//! Not a cargo test target (cargo builds only the files directly under `tests/`): xtask's
//! `compile_errors` test compiles it on every `cargo test` and expects the warning quoted
//! below, lint, message and line (a case that quotes only warnings must compile).

// ANCHOR: forgotten
async fn greet(name: &str) -> usize {
    println!("greet({name:?}) ran");
    name.len()
}

fn main() {
    greet("forgotten"); // warning[unused_must_use]: unused implementer of `Future` that must be used
}
// ANCHOR_END: forgotten
