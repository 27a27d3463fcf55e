//! What one interpreter is: the one chosen ([`chosen`]: `--python`, else `XTASK_PYTHON`, else
//! `python3`), started once ([`probe`]) to say its exact version and whether it is a
//! free-threaded build.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use crate::INTERPRETER;

/// What a version-manager shim (pyenv) exits with when no interpreter is selected: there is
/// a `python3` on `PATH`, but no Python behind it.
pub(crate) const NO_INTERPRETER: i32 = 127;

/// How long a [`probe`] waits for an interpreter to say what it is.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(30);

/// What a probe asks: the executable itself, the version, and whether the GIL is disabled.
const PROBE: &str = "import sys, sysconfig; print(sys.executable); \
                     print(*sys.version_info[:3]); \
                     print(sysconfig.get_config_var('Py_GIL_DISABLED'))";

/// A CPython that starts, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interpreter {
    /// The executable itself (`sys.executable`), so that each run skips any shim in front.
    pub program: PathBuf,
    /// `sys.version_info[:3]`.
    pub version: (u32, u32, u32),
    /// A free-threaded build (`python3.13t`): `sysconfig.get_config_var("Py_GIL_DISABLED")`.
    pub free_threaded: bool,
}

impl Interpreter {
    /// `(major, minor)`, what a `versions=` directive names.
    pub fn minor(&self) -> (u32, u32) {
        (self.version.0, self.version.1)
    }

    /// `CPython 3.11.7`, or `CPython 3.13.0 (free-threaded)`.
    pub fn name(&self) -> String {
        format!("CPython {}", self.release())
    }

    /// `3.11.7`, or `3.13.0 (free-threaded)`: the release, and the build where it is not the
    /// default one.
    pub fn release(&self) -> String {
        let (major, minor, micro) = self.version;
        let build = if self.free_threaded {
            " (free-threaded)"
        } else {
            ""
        };
        format!("{major}.{minor}.{micro}{build}")
    }
}

/// The interpreter chosen: `flag` (a `--python`), else `XTASK_PYTHON`, else `python3`.
pub fn chosen(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| {
        std::env::var_os(INTERPRETER)
            .filter(|name| !name.is_empty())
            .map(PathBuf::from)
    })
    .unwrap_or_else(|| "python3".into())
}

/// `program -I`, with no `PYTHON*` variable (`-I` ignores them; removing them says so twice,
/// and keeps them from any child that is not Python): CPython as a fresh install runs it,
/// without the user's site-packages.
pub fn isolated(program: &Path) -> Command {
    let mut command = Command::new(program);
    command.arg("-I");
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            command.env_remove(key);
        }
    }
    command
}

/// Starts `program` once to learn what it is; `Err` says why there is no interpreter to use.
///
/// Asked again for the same program in the same process, it answers from memory: `python3`
/// is often a version manager's shim (pyenv's runs about twenty bash processes before CPython
/// starts, 0.1 s on a quiet machine and over a second on a busy one), and a test binary asks
/// for the interpreter in every test. Each run afterwards starts [`Interpreter::program`],
/// the executable itself.
pub fn probe(program: &Path, timeout: Duration) -> Result<Interpreter, String> {
    type Answer = Arc<OnceLock<Result<Interpreter, String>>>;
    static PROBED: Mutex<BTreeMap<PathBuf, Answer>> = Mutex::new(BTreeMap::new());
    // The map is held only to find the program's answer: two programs are probed at once, and
    // a second asker of the same one waits for the first one's answer.
    let answer = Arc::clone(
        PROBED
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(program.to_path_buf())
            .or_default(),
    );
    answer.get_or_init(|| probe_now(program, timeout)).clone()
}

/// [`probe`], starting the program whatever was asked before.
fn probe_now(program: &Path, timeout: Duration) -> Result<Interpreter, String> {
    let shown = program.display();
    let mut child = isolated(program)
        .args(["-c", PROBE])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `{shown}` ({e}); the Python blocks need a CPython 3"))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() < timeout => std::thread::sleep(Duration::from_millis(5)),
            Ok(None) => {
                // Killed and reaped, so that no process is left behind; it is failing anyway.
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "`{shown}` did not say what it is within {timeout:?}"
                ));
            }
            Err(e) => return Err(format!("cannot wait for `{shown}`: {e}")),
        }
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    // What it printed fits in the pipes: three short lines, or an error message.
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_string(&mut stdout);
    }
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    if status.code() == Some(NO_INTERPRETER) {
        return Err(format!(
            "`{shown}` has no interpreter behind it (status 127); the Python blocks need one"
        ));
    }
    let lines: Vec<&str> = stdout.lines().collect();
    let answer = match (status.success(), lines.as_slice()) {
        (true, [executable, version, gil_disabled]) => release(version)
            .filter(|(major, _, _)| *major == 3)
            .map(|version| (executable, version, *gil_disabled == "1")),
        _ => None,
    };
    let Some((executable, version, free_threaded)) = answer else {
        let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "`{shown}` is not a CPython 3 that runs: it exited with {status}:\n{}",
            tail.join("\n")
        ));
    };
    let executable = PathBuf::from(executable);
    Ok(Interpreter {
        program: if executable.is_absolute() {
            executable
        } else {
            program.to_path_buf()
        },
        version,
        free_threaded,
    })
}

/// `(3, 12, 1)` from what `print(*sys.version_info[:3])` printed (`3 12 1`); `None` for
/// anything else.
pub(crate) fn release(printed: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<u32> = printed.split(' ').filter_map(|n| n.parse().ok()).collect();
    match parts.as_slice() {
        [major, minor, micro] => Some((*major, *minor, *micro)),
        _ => None,
    }
}
