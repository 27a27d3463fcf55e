//! Finds the CPython to run the pages' blocks with, and runs one block the way a reader would.
//!
//! Each run is isolated: `python3 -I -u` (no site-packages of the user, no `PYTHON*`
//! variables, and unbuffered, so that a traceback on stderr lands among the prints on stdout
//! where a terminal shows it), in a fresh temporary directory that is its working directory,
//! with stdin from `/dev/null`, stdout and stderr in one pipe, and the check's timeout
//! ([`process::run`] does the last three). A script that continues nothing runs as a file of
//! its own; a transcript, or a block that continues others, runs under `driver.py`, which runs
//! the chain in one namespace and checks a transcript with `doctest`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::blocks::{Block, Code, Form};
use super::directives::Version;
use crate::process::{self, Run};
use crate::{extension, pattern};

/// The driver for transcripts and chains; see its docstring.
const DRIVER: &str = include_str!("driver.py");

/// The environment variable that names the interpreter, when `--python` does not.
pub const PYTHON_VAR: &str = "XTASK_PYTHON";

/// The environment variable that makes a missing interpreter a failure instead of a skip.
pub const REQUIRE_VAR: &str = "REQUIRE_PYTHON";

/// What a version-manager shim (pyenv) exits with when no interpreter is selected.
const NO_INTERPRETER: i32 = 127;

/// A CPython that starts, and its version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interpreter {
    /// The executable itself (`sys.executable`), so that each run skips any shim in front.
    pub program: PathBuf,
    /// `sys.version_info[:3]`.
    pub version: (u32, u32, u32),
}

impl Interpreter {
    /// `(major, minor)`, what a `versions=` directive names.
    pub fn minor(&self) -> Version {
        (self.version.0, self.version.1)
    }

    /// `CPython 3.11.7`.
    pub fn name(&self) -> String {
        let (major, minor, micro) = self.version;
        format!("CPython {major}.{minor}.{micro}")
    }
}

/// The interpreter the user chose: `--python`, else [`PYTHON_VAR`], else `python3`.
pub fn chosen(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| std::env::var_os(PYTHON_VAR).map(PathBuf::from))
        .unwrap_or_else(|| "python3".into())
}

/// Whether [`REQUIRE_VAR`] is set to `1`.
pub fn required() -> bool {
    std::env::var(REQUIRE_VAR).is_ok_and(|value| value == "1")
}

/// Starts `program` once to learn what it is; `Err` says why there is no interpreter to use.
pub fn probe(program: &Path, timeout: Duration) -> Result<Interpreter, String> {
    let mut command = isolated(program);
    command.args([
        "-c",
        "import sys; print(sys.executable); print(*sys.version_info[:3])",
    ]);
    let shown = program.display();
    let run = process::run(command, timeout)
        .map_err(|e| format!("cannot start `{shown}` ({e}); the Python blocks need a CPython 3"))?;
    if run.code() == Some(NO_INTERPRETER) {
        return Err(format!(
            "`{shown}` has no interpreter behind it (status 127); the Python blocks need one"
        ));
    }
    let lines = run.lines();
    let version = match (run.code(), lines.as_slice()) {
        (Some(0), [_, version]) => {
            let parts: Vec<u32> = version.split(' ').filter_map(|n| n.parse().ok()).collect();
            match parts.as_slice() {
                [3, minor, micro] => Some((3, *minor, *micro)),
                _ => None,
            }
        }
        _ => None,
    };
    let Some(version) = version else {
        return Err(format!(
            "`{shown}` is not a CPython 3 that runs: it {}:\n{}",
            process::Ending(&run, timeout),
            run.tail(5)
        ));
    };
    let executable = PathBuf::from(&lines[0]);
    Ok(Interpreter {
        program: if executable.is_absolute() {
            executable
        } else {
            program.to_path_buf()
        },
        version,
    })
}

/// `program -I -u`, with no `PYTHON*` variable (`-I` ignores them; removing them says so
/// twice, and keeps them from any child that is not Python), and without the variables
/// that change what the extension module's Rust prints (a panic's backtrace), as the demos
/// run without them.
fn isolated(program: &Path) -> Command {
    let mut command = Command::new(program);
    command.args(["-I", "-u"]);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            command.env_remove(key);
        }
    }
    for key in ["RUST_BACKTRACE", "RUST_LIB_BACKTRACE", "RUST_LOG"] {
        command.env_remove(key);
    }
    command
}

/// A transcript's findings, from the driver's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcript {
    /// How many `>>>` examples doctest found.
    pub examples: usize,
    /// The ones whose output differed.
    pub failures: Vec<Failure>,
}

/// One `>>>` example whose output differed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The 0-based line of its `>>>` in the transcript.
    pub line: usize,
    /// How many lines its source takes (`>>>` and `...`).
    pub source: usize,
    /// What the page expects.
    pub want: Vec<String>,
    /// What CPython printed, a traceback shortened as a page writes it.
    pub got: Vec<String>,
}

/// A finished run: what it printed and how it ended, and for a transcript what doctest found
/// (`None` if the driver did not get as far as writing it).
#[derive(Debug)]
pub struct Ran {
    /// The process's run.
    pub run: Run,
    /// A transcript's findings.
    pub transcript: Option<Transcript>,
    /// The temporary directory it ran in (gone now), which its tracebacks name.
    pub dir: String,
}

impl Ran {
    /// The output as a page should document it, as patterns: the temporary directory, which
    /// changes from run to run, as `[..]`, and each traceback's frames, which change from
    /// version to version, as one `...` line between its first line and the exception. The
    /// rest is the output itself, written [`pattern::literal`]ly.
    pub fn page_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let mut in_frames = false;
        for line in self.run.output.lines() {
            if in_frames && line.starts_with(' ') {
                continue;
            }
            in_frames = line.trim_end() == super::blocks::TRACEBACK;
            let parts: Vec<String> = line.split(&self.dir).map(pattern::literal).collect();
            lines.push(parts.join(pattern::ANY_TEXT));
            if in_frames {
                lines.push(pattern::ANY_LINES.to_string());
            }
        }
        lines
    }
}

/// Runs a block (after the blocks it continues) in a directory of its own; with the
/// `extension` module's library copied into it, for a block that imports it.
pub fn run(
    interpreter: &Interpreter,
    block: &Block,
    extension: Option<&Path>,
    timeout: Duration,
) -> Result<Ran, String> {
    let dir = tempfile::Builder::new()
        .prefix("xtask-python-")
        .tempdir()
        .map_err(|e| format!("cannot make a temporary directory: {e}"))?;
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text)
            .map(|()| path)
            .map_err(|e| format!("cannot write {name} in {}: {e}", dir.path().display()))
    };
    let mut command = isolated(&interpreter.program);
    command.current_dir(dir.path());
    let report = dir.path().join("report.json");
    if let Some(library) = extension {
        extension::install(library, dir.path())?;
    }
    if block.earlier.is_empty() && block.code.form == Form::Script && extension.is_none() {
        command.arg(write("block.py", &block.code.text())?);
    } else {
        command.arg(write("driver.py", DRIVER)?);
        if extension.is_some() {
            // `-I` leaves the script's directory off `sys.path` (3.11+): the driver puts it
            // first, as `python3` does for a script of its own (3.9, 3.10 do it anyway).
            command.arg("--import-from-here");
        }
        command.arg(&report);
        let steps = block.earlier.iter().chain(std::iter::once(&block.code));
        for (index, code) in steps.enumerate() {
            command.arg(write(&step_name(index, code), &code.text())?);
        }
    }
    let run = process::run(command, timeout)
        .map_err(|e| format!("cannot run {}: {e}", interpreter.program.display()))?;
    let transcript = match block.code.form {
        Form::Script => None,
        Form::Pycon => std::fs::read_to_string(&report)
            .ok()
            .and_then(|json| read_report(&json)),
    };
    let dir = dir.path().display().to_string();
    Ok(Ran {
        run,
        transcript,
        dir,
    })
}

/// A step's file name: its place in the chain and its page line, for tracebacks.
fn step_name(index: usize, code: &Code) -> String {
    let extension = match code.form {
        Form::Script => "py",
        Form::Pycon => "pycon",
    };
    format!("step{index}-line{}.{extension}", code.line)
}

/// The driver's JSON report.
fn read_report(json: &str) -> Option<Transcript> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    let lines = |text: &serde_json::Value| -> Option<Vec<String>> {
        Some(text.as_str()?.lines().map(String::from).collect())
    };
    let failures = value["failures"]
        .as_array()?
        .iter()
        .map(|failure| {
            Some(Failure {
                line: usize::try_from(failure["line"].as_u64()?).ok()?,
                source: usize::try_from(failure["source"].as_u64()?).ok()?,
                want: lines(&failure["want"])?,
                got: lines(&failure["got"])?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Transcript {
        examples: usize::try_from(value["examples"].as_u64()?).ok()?,
        failures,
    })
}
