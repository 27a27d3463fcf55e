//! Compile-time vs run-time platform knowledge.
//!
//! Three compile-time tools, and what only the running machine can say:
//!
//! - `#[cfg(target_os = "linux")]` *chooses code*: the other branches are not compiled at
//!   all, not even type-checked, so code for another OS may call functions this one lacks.
//! - `cfg!(unix)` is a `bool` *constant*: both branches of an `if cfg!(..)` are compiled and
//!   must type-check everywhere; the optimiser drops the dead one.
//! - `std::env::consts::OS`, `ARCH`, `FAMILY` are `&'static str` *constants* of the build
//!   target. Reading them at run time does not ask the machine anything: a binary built
//!   for `x86_64` says `"x86_64"` even when an emulator runs it on an ARM machine.
//! - The kernel's name, release and hardware (`uname`) are only known at run time.
//!
//! Python's `sys.platform` is also decided when CPython is built; its `platform.uname()`,
//! like nix's `uname()`, asks the running kernel.
//!
//! Code under a false `#[cfg]` is not type-checked, or even name-resolved: this compiles on
//! every target although `no_such_function` exists nowhere (the condition `all(unix, windows)`
//! is never true):
//!
//! ```
//! #[cfg(all(unix, windows))]
//! fn never_compiled() {
//!     no_such_function();
//! }
//! ```
//!
//! The dead branch of an `if cfg!(..)` is compiled like any other code, so the same call
//! there is an error:
//!
//! ```compile_fail,E0425
//! if cfg!(all(unix, windows)) {
//!     no_such_function(); // error[E0425]: cannot find function `no_such_function` in this scope
//! }
//! ```
//!
//! And a function compiled out by `#[cfg]` does not exist, so calling it from code that is
//! compiled is an error too:
//!
//! ```compile_fail,E0425
//! #[cfg(all(unix, windows))]
//! fn never_compiled() {}
//!
//! never_compiled(); // error[E0425]: cannot find function `never_compiled` in this scope
//! ```

use nix::sys::utsname::uname;

// ANCHOR: affinity_source
/// How this crate counts the CPUs a thread may use, chosen by `#[cfg]` at build time.
#[cfg(any(target_os = "linux", target_os = "android"))]
pub const AFFINITY_SOURCE: &str =
    "sched_getaffinity(2), compiled in by #[cfg(target_os = \"linux\")]";

/// How this crate counts the CPUs a thread may use, chosen by `#[cfg]` at build time.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
pub const AFFINITY_SOURCE: &str = "no affinity mask on this target: #[cfg] compiled another branch";
// ANCHOR_END: affinity_source

/// Platform facts, each marked with when it was decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    /// `std::env::consts::OS` (build time).
    pub os: &'static str,
    /// `std::env::consts::FAMILY` (build time).
    pub family: &'static str,
    /// `std::env::consts::ARCH` (build time).
    pub arch: &'static str,
    /// `cfg!(unix)` (build time).
    pub unix: bool,
    /// `cfg!(target_pointer_width = "64")` (build time).
    pub pointer_64: bool,
    /// `uname().sysname()` (run time).
    pub kernel: String,
    /// `uname().release()` (run time).
    pub release: String,
    /// `uname().machine()` (run time).
    pub machine: String,
}

impl Facts {
    /// Collects the constants and asks the kernel for the rest.
    ///
    /// ```
    /// let facts = platform::build_time::Facts::read()?;
    /// assert_eq!(facts.os, std::env::consts::OS);
    /// assert!(!facts.release.is_empty());
    /// # Ok::<(), nix::Error>(())
    /// ```
    pub fn read() -> nix::Result<Facts> {
        let name = uname()?;
        Ok(Facts {
            os: std::env::consts::OS,
            family: std::env::consts::FAMILY,
            arch: std::env::consts::ARCH,
            unix: cfg!(unix),
            pointer_64: cfg!(target_pointer_width = "64"),
            kernel: name.sysname().to_string_lossy().into_owned(),
            release: name.release().to_string_lossy().into_owned(),
            machine: name.machine().to_string_lossy().into_owned(),
        })
    }

    /// Whether the build target's architecture is the one the kernel reports. They differ
    /// under emulation, or for a 32-bit binary on a 64-bit kernel (`x86` vs `x86_64`).
    pub fn arch_matches_machine(&self) -> bool {
        let machine = match self.machine.as_str() {
            "arm64" => "aarch64",
            "amd64" => "x86_64",
            "i386" | "i486" | "i586" | "i686" => "x86",
            other => other,
        };
        self.arch == machine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `uname` run as a program: the same kernel facts through another path than `nix`.
    fn uname_program(flag: &str) -> String {
        let output = std::process::Command::new("uname")
            .arg(flag)
            .output()
            .unwrap();
        assert!(output.status.success(), "uname {flag}: {output:?}");
        String::from_utf8(output.stdout)
            .unwrap()
            .trim_end()
            .to_owned()
    }

    #[test]
    fn the_run_time_facts_are_the_kernels() {
        let facts = Facts::read().unwrap();
        assert_eq!(facts.kernel, uname_program("-s"));
        assert_eq!(facts.release, uname_program("-r"));
        assert_eq!(facts.machine, uname_program("-m"));
    }

    #[test]
    fn the_constants_are_the_targets_the_kernel_runs() {
        // Each build-time constant against a run-time fact that it must agree with on a
        // native build (this workspace's tests do not run under emulation).
        let facts = Facts::read().unwrap();
        let kernel_of_os = match facts.os {
            "linux" | "android" => "Linux",
            "macos" | "ios" => "Darwin",
            "freebsd" => "FreeBSD",
            "openbsd" => "OpenBSD",
            "netbsd" => "NetBSD",
            other => other,
        };
        assert_eq!(facts.kernel, kernel_of_os, "{facts:?}");
        assert!(facts.arch_matches_machine(), "{facts:?}");
        assert_eq!(facts.family, "unix");
        assert!(facts.unix);
        let wide = [
            "x86_64",
            "aarch64",
            "riscv64",
            "powerpc64",
            "s390x",
            "loongarch64",
        ];
        assert_eq!(facts.pointer_64, wide.contains(&facts.arch), "{facts:?}");
        if facts.kernel == "Linux" {
            assert!(AFFINITY_SOURCE.starts_with("sched_getaffinity"));
        }
    }

    #[test]
    fn arch_names_are_normalised_before_comparing() {
        let mut facts = Facts::read().unwrap();
        facts.arch = "aarch64";
        facts.machine = "arm64".to_owned();
        assert!(facts.arch_matches_machine());
        facts.arch = "x86";
        facts.machine = "x86_64".to_owned();
        assert!(!facts.arch_matches_machine());
    }
}
