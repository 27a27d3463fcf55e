//! `sys.platform`: Python's name for the OS, derived from Rust's `std::env::consts::OS`.
//!
//! `sys.platform` is fixed when *CPython itself* is built (its `configure` script's
//! `MACHDEP`): `"linux"`, `"darwin"`, `"win32"` (also on 64-bit Windows, as in the notes),
//! and on other Unixes the lower-cased kernel name plus its major release, `"freebsd14"`.
//! Rust's `std::env::consts::OS` is likewise fixed when *your program* is built: `"linux"`,
//! `"macos"`, `"windows"`, `"freebsd"`. So the faithful analog is the constant, mapped
//! through CPython's rules; for the release digits, which Rust's constant lacks, we ask the
//! running kernel (`uname`), the one run-time fact here.

use nix::sys::utsname::uname;

/// Python's `sys.platform` for a Rust target OS, given the kernel's name and release as
/// `uname` reports them (only the "other Unix" case reads them).
///
/// ```
/// use platform::sys_platform::python_sys_platform;
/// assert_eq!(python_sys_platform("linux", "Linux", "6.8.0-45-generic"), "linux");
/// assert_eq!(python_sys_platform("macos", "Darwin", "23.5.0"), "darwin");
/// assert_eq!(python_sys_platform("windows", "", ""), "win32");
/// assert_eq!(python_sys_platform("freebsd", "FreeBSD", "14.1-RELEASE"), "freebsd14");
/// ```
pub fn python_sys_platform(os: &str, sysname: &str, release: &str) -> String {
    match os {
        "linux" => "linux".to_owned(),
        "macos" => "darwin".to_owned(),
        "windows" => "win32".to_owned(),
        // Since CPython 3.13; earlier builds for these said "linux" and "darwin".
        "android" | "ios" => os.to_owned(),
        "aix" | "cygwin" | "emscripten" | "wasi" => os.to_owned(),
        _ => {
            // configure: lower-case `uname -s` without '/' and ' ', then `uname -r` up to
            // the first '.'.
            let system: String = sysname
                .chars()
                .filter(|c| *c != '/' && *c != ' ')
                .flat_map(char::to_lowercase)
                .collect();
            let major = release.split('.').next().unwrap_or("");
            format!("{system}{major}")
        }
    }
}

/// `sys.platform` for the running program: [`python_sys_platform`] of
/// `std::env::consts::OS` and this kernel's `uname`.
///
/// ```
/// let platform = platform::sys_platform::sys_platform()?;
/// if cfg!(target_os = "linux") {
///     assert_eq!(platform, "linux");
/// }
/// # Ok::<(), nix::Error>(())
/// ```
// ANCHOR: sys_platform
pub fn sys_platform() -> nix::Result<String> {
    let name = uname()?;
    Ok(python_sys_platform(
        std::env::consts::OS,
        &name.sysname().to_string_lossy(),
        &name.release().to_string_lossy(),
    ))
}
// ANCHOR_END: sys_platform

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_unixes_get_the_kernel_name_and_major_release() {
        assert_eq!(python_sys_platform("openbsd", "OpenBSD", "7.5"), "openbsd7");
        assert_eq!(python_sys_platform("netbsd", "NetBSD", "10.0"), "netbsd10");
        assert_eq!(python_sys_platform("solaris", "SunOS", "5.11"), "sunos5");
    }
}
