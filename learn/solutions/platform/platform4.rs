// platform4: translate `platform.system()`, `release()` and `machine()`.
//
// Page: docs/platform.md#compile-time-vs-run-time-platform-knowledge
//
// The Python, as the page runs it under CPython:
//
//     import platform, sys
//     if sys.platform == "win32":      # decided as the line runs; the other branch only parses
//         import winreg
//     print(platform.system(), platform.release(), platform.machine())   # asked of the running OS
//
// Two of the three are known when Rust compiles; the kernel's release is only known when the
// program runs, so it is read from the OS. Done when the program prints what CPython prints
// (the release and machine vary, as the page's wildcards say).

fn system() -> &'static str {
    if cfg!(target_os = "linux") {
        "Linux"
    } else {
        std::env::consts::OS
    }
}

fn release() -> String {
    std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|text| text.trim().to_owned())
        .unwrap_or_else(|_| "unknown".to_owned())
}

fn main() {
    println!("{} {} {}", system(), release(), std::env::consts::ARCH);
}

#[cfg(test)]
mod tests {
    use super::*;

    // learn-check: output
    const EXPECTED: &str = r#"
Linux [..] [..]
"#;

    #[test]
    fn prints_what_cpython_prints() {
        learn_check::prints(main, EXPECTED);
    }

    #[test]
    fn the_release_is_the_running_kernels() {
        let uname = std::process::Command::new("uname").arg("-r").output();
        if let Ok(uname) = uname {
            assert_eq!(release(), String::from_utf8_lossy(&uname.stdout).trim());
        }
    }
}
