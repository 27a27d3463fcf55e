//! The table a Python programmer wants: each `sys`/`os`/`platform` attribute, its Rust
//! counterpart, and the value read on the running machine.
//!
//! Two rows have no true counterpart, and say so in their Rust column: `sys.path` (crates
//! are resolved at build time; see [`crate::search_path`]) and `sys.getrecursionlimit()`
//! (Rust counts no calls; the thread's stack decides, and the main thread's stack is the
//! `RLIMIT_STACK` soft limit, read here with nix's `getrlimit`). `sys.version` becomes the
//! version of the compiler that built the binary, recorded by `build.rs`: Rust has no
//! run-time to report its own version.

use crate::exit::{Outcome, Way};
use nix::sys::resource::{RLIM_INFINITY, Resource, getrlimit};
use nix::sys::utsname::uname;

/// One attribute: the Python spelling, the Rust counterpart, and the live value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The Python attribute or call.
    pub python: &'static str,
    /// The Rust counterpart, or why there is none.
    pub rust: &'static str,
    /// What the Rust side reads on this machine, now.
    pub value: String,
}

/// A size in bytes, or `unlimited` for `RLIM_INFINITY`; whole MiB are also shown as such.
///
/// ```
/// use platform::attributes::limit_text;
/// assert_eq!(limit_text(8 * 1024 * 1024), "8388608 bytes (8 MiB)");
/// assert_eq!(limit_text(nix::sys::resource::RLIM_INFINITY), "unlimited");
/// ```
pub fn limit_text(limit: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if limit == RLIM_INFINITY {
        "unlimited".to_owned()
    } else if limit > 0 && limit.is_multiple_of(MIB) {
        format!("{limit} bytes ({} MiB)", limit / MIB)
    } else {
        format!("{limit} bytes")
    }
}

/// Every row but `sys.exit`'s, which needs a child process (see [`exit_row`]).
///
/// ```
/// let rows = platform::attributes::table()?;
/// assert_eq!(rows[0].python, "sys.platform");
/// assert!(rows.iter().any(|row| row.python == "sys.path"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
// ANCHOR: table
pub fn table() -> Result<Vec<Row>, Box<dyn std::error::Error>> {
    let name = uname()?;
    let (soft, hard) = getrlimit(Resource::RLIMIT_STACK)?;
    let args: Vec<String> = std::env::args().collect();
    let deps = crate::search_path::build_time_dependencies();
    let rows = [
        (
            "sys.platform",
            "std::env::consts::OS",
            format!(
                "{:?} (as sys.platform: '{}')",
                std::env::consts::OS,
                crate::sys_platform::sys_platform()?
            ),
        ),
        ("sys.argv", "std::env::args()", format!("{args:?}")),
        (
            "sys.executable",
            "std::env::current_exe()",
            std::env::current_exe()?.display().to_string(),
        ),
        (
            "sys.path",
            "none: crates are linked at build time",
            format!(
                "built with {}; PATH has {} dirs",
                deps.join(", "),
                crate::search_path::path_entries().len()
            ),
        ),
        (
            "sys.version",
            "env!(..) set by build.rs",
            env!("PLATFORM_RUSTC_VERSION").to_owned(),
        ),
        ("sys.maxsize", "isize::MAX", isize::MAX.to_string()),
        (
            "sys.byteorder",
            "cfg!(target_endian = \"little\")",
            if cfg!(target_endian = "little") {
                "little"
            } else {
                "big"
            }
            .to_owned(),
        ),
        (
            "sys.getrecursionlimit()",
            "none; getrlimit(RLIMIT_STACK)",
            format!("soft {}, hard {}", limit_text(soft), limit_text(hard)),
        ),
        (
            "os.cpu_count()",
            "sysconf(_SC_NPROCESSORS_ONLN)",
            crate::cpus::online()?.to_string(),
        ),
        (
            "platform.uname()",
            "nix::sys::utsname::uname()",
            [
                name.sysname(),
                name.nodename(),
                name.release(),
                name.version(),
                name.machine(),
            ]
            .map(|field| format!("{:?}", field.to_string_lossy()))
            .join(", "),
        ),
    ];
    Ok(rows
        .into_iter()
        .map(|(python, rust, value)| Row {
            python,
            rust,
            value,
        })
        .collect())
}
// ANCHOR_END: table

/// The `sys.exit` row, from a child that called `std::process::exit(3)`.
pub fn exit_row(outcome: &Outcome) -> Row {
    Row {
        python: "sys.exit(3)",
        rust: Way::ProcessExit.code(),
        value: match outcome.status {
            Some(code) => format!("a child calling it exited with status {code}"),
            None => "a child calling it was killed by a signal".to_owned(),
        },
    }
}

/// Lays the rows out in three aligned columns under a header.
pub fn render(rows: &[Row]) -> Vec<String> {
    let header = ["Python", "Rust", "value here, now"];
    let cells: Vec<[&str; 3]> = std::iter::once(header)
        .chain(rows.iter().map(|r| [r.python, r.rust, r.value.as_str()]))
        .collect();
    demo::table::columns(&cells, "  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_every_attribute_in_order() {
        let pythons: Vec<&str> = table().unwrap().iter().map(|r| r.python).collect();
        assert_eq!(
            pythons,
            [
                "sys.platform",
                "sys.argv",
                "sys.executable",
                "sys.path",
                "sys.version",
                "sys.maxsize",
                "sys.byteorder",
                "sys.getrecursionlimit()",
                "os.cpu_count()",
                "platform.uname()",
            ]
        );
    }

    #[test]
    fn the_version_row_names_rustc() {
        let rows = table().unwrap();
        let version = rows.iter().find(|r| r.python == "sys.version").unwrap();
        assert!(version.value.starts_with("rustc "), "{}", version.value);
    }

    #[test]
    fn rendered_rows_align_their_columns() {
        let lines = render(&table().unwrap());
        let column = lines[0].find("Rust").unwrap();
        assert!(lines.iter().all(|l| l.as_bytes()[column - 1] == b' '));
        // Every line has its second column at the same character (not byte) offset.
        let rows = [Row {
            python: "é",
            rust: "r",
            value: "v".to_owned(),
        }];
        assert_eq!(render(&rows)[1], "é       r     v");
    }
}
