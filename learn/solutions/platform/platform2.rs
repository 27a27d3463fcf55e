// platform2: fix the compile error: a function compiled for other platforms only.
//
// Page: docs/platform.md#compile-time-vs-run-time-platform-knowledge
//
// Python's `platform.system()` asks the running OS. A Rust program can decide at compile
// time instead, with `#[cfg(..)]`: the items for other targets are not even compiled, so a
// target that has none is an error, not a surprise at run time. Done when it compiles here
// and prints what `platform.system()` prints on Linux.

#[cfg(target_os = "windows")]
fn system() -> &'static str {
    "Windows"
}

#[cfg(target_os = "macos")]
fn system() -> &'static str {
    "Darwin"
}

#[cfg(target_os = "linux")]
fn system() -> &'static str {
    "Linux"
}

fn main() {
    println!("{}", system());
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECTED: &str = r#"
Linux
"#;

    #[test]
    fn prints_the_system() {
        learn_check::prints(main, EXPECTED);
    }
}
