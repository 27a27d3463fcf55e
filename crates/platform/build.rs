//! Records the compiler's version for `sys.version`'s row: Rust has no run-time version
//! string, so the nearest honest answer is "the rustc that built this binary".

#![forbid(unsafe_code)]

use std::process::Command;

fn main() {
    // Cargo gives build scripts the compiler it will use in `RUSTC`.
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let version = Command::new(&rustc)
        .arg("--version")
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
        .unwrap_or_else(|| format!("unknown ({rustc} --version failed)"));
    println!("cargo:rustc-env=PLATFORM_RUSTC_VERSION={version}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RUSTC");
}
