//! `cargo xtask check --pythons` against a machine made up for it: fake interpreters (shell
//! scripts that answer the lookup's probe as a CPython would) on a `PATH` and under a
//! `PYENV_ROOT` of their own, so that what must be found, and what each runs of the pages,
//! is known exactly, whatever Pythons the real machine has.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Writes an executable script at `path` that answers the probe as `version` would:
/// `sys.executable`, `sys.version_info[:3]`, `Py_GIL_DISABLED`.
fn fake_python(path: &Path, version: &str, free_threaded: bool) {
    std::fs::create_dir_all(path.parent().expect("a directory")).expect("mkdir");
    let numbers = version.replace('.', " ");
    let gil_disabled = if free_threaded { "1" } else { "0" };
    let script = format!("#!/bin/sh\necho \"$0\"\necho {numbers}\necho {gil_disabled}\n");
    std::fs::write(path, script).expect("write the fake python");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

/// The machine: `python3` (3.11.7), `python3.12` and `python3.13t` on PATH, a `python3.14`
/// shim with nothing behind it (status 127), pyenv's 3.8.18 and 3.10.13, and an
/// `XTASK_PYTHON` that does not exist.
fn machine(dir: &Path) -> (Command, Vec<PathBuf>) {
    let bin = dir.join("bin");
    let pyenv = dir.join("pyenv");
    let python3 = bin.join("python3");
    let python312 = bin.join("python3.12");
    let python313t = bin.join("python3.13t");
    let old = pyenv.join("versions/3.8.18/bin/python3");
    let python310 = pyenv.join("versions/3.10.13/bin/python3");
    fake_python(&python3, "3.11.7", false);
    fake_python(&python312, "3.12.1", false);
    fake_python(&python313t, "3.13.0", true);
    fake_python(&old, "3.8.18", false);
    fake_python(&python310, "3.10.13", false);
    let shim = bin.join("python3.14");
    std::fs::write(&shim, "#!/bin/sh\nexit 127\n").expect("write the shim");
    std::fs::set_permissions(&shim, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    command
        .args(["check", "--pythons"])
        .env("PATH", &bin)
        .env("PYENV_ROOT", &pyenv)
        .env("XTASK_PYTHON", dir.join("nonexistent/python3"));
    (command, vec![python310, python3, python312, python313t])
}

fn stdout(command: &mut Command) -> String {
    let output = command.output().expect("the xtask binary runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let errors = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{text}{errors}");
    text
}

#[test]
fn paths_lists_exactly_the_interpreters_found_that_the_pages_are_for_oldest_first() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (mut command, supported) = machine(dir.path());
    let listed = stdout(command.arg("--paths"));
    let expected: Vec<String> = supported
        .iter()
        .map(|path| format!("{}\n", path.display()))
        .collect();
    assert_eq!(listed, expected.concat());
}

#[test]
fn the_listing_gives_each_interpreter_what_it_runs_and_what_its_version_gates_away() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (mut command, _) = machine(dir.path());
    let text = stdout(&mut command);
    let headings: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("CPython "))
        .map(|line| line.split(':').next().unwrap_or_default())
        .collect();
    assert_eq!(
        headings,
        [
            "CPython 3.8.18",
            "CPython 3.10.13",
            "CPython 3.11.7",
            "CPython 3.12.1",
            "CPython 3.13.0 (free-threaded)"
        ],
        "{text}"
    );
    assert!(text.contains("  found as: python3 on PATH ("), "{text}");
    assert!(
        text.contains("  older than CPython 3.9, which the pages are written for"),
        "{text}"
    );
    assert!(
        text.contains("found, but not usable:\n  XTASK_PYTHON="),
        "{text}"
    );
    assert!(
        !text.contains("python3.14"),
        "a shim with nothing behind it is no finding: {text}"
    );

    // The header's count of blocks, and those skipped everywhere.
    let total: usize = text
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect(&text);
    let skipped = text
        .split("skipped under every interpreter (")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .map_or(0, |n| n.parse().expect("a count"));
    // Each supported interpreter: runs + gated + skipped is every block, every gated block
    // is listed with a reason that names this version, and the versions differ in what
    // they run (the pages have blocks for 3.9-3.11 only and for 3.12+).
    let mut gated_by_version = Vec::new();
    for section in text.split("\nCPython ").skip(1) {
        let Some(counts) = section.split("  runs ").nth(1) else {
            continue;
        };
        let version = section.split(':').next().unwrap_or_default();
        let numbers: Vec<usize> = counts
            .lines()
            .next()
            .unwrap_or_default()
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        let [runs, of, gated] = numbers[..] else {
            panic!("runs R of N blocks; gated away: G, not {counts}");
        };
        assert_eq!(of, total, "{section}");
        assert_eq!(runs + gated + skipped, total, "{section}");
        let reasons: Vec<&str> = counts
            .lines()
            .skip(1)
            .filter(|l| l.starts_with("    "))
            .collect();
        assert_eq!(reasons.len(), gated, "{section}");
        for reason in &reasons {
            assert!(
                reason.ends_with(&format!(", not CPython {version}")),
                "{reason}"
            );
        }
        let names: Vec<&str> = reasons
            .iter()
            .filter_map(|r| r.split(": ").next())
            .collect();
        gated_by_version.push((version.to_string(), names));
    }
    assert_eq!(gated_by_version.len(), 4, "{text}");
    let gated_of = |version: &str| {
        let found = gated_by_version.iter().find(|(v, _)| v == version);
        found.map(|(_, names)| names.clone()).expect(version)
    };
    assert_ne!(gated_of("3.11.7"), gated_of("3.12.1"), "{text}");
}
