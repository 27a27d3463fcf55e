// platform1: translate `sys.platform`.
//
// Page: docs/platform.md#the-notes-example-sysplatform
//
// The Python, as the page runs it under CPython:
//
//     import sys
//     print(repr(sys.platform))    # 'win32' in the notes
//
// Rust knows the target's OS when it compiles: `std::env::consts::OS`. Done when the program
// prints what CPython prints (on Linux; macOS's `sys.platform` is `darwin` where Rust says
// `macos`).

fn platform() -> &'static str {
    std::env::consts::OS
}

fn main() {
    println!("'{}'", platform());
}

#[cfg(test)]
mod tests {
    use super::*;

    // learn-check: output
    const EXPECTED: &str = r#"
'linux'
"#;

    #[test]
    fn prints_what_cpython_prints() {
        learn_check::prints(main, EXPECTED);
    }
}
