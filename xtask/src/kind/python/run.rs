//! Runs one block the way a reader would, with the CPython the `python` crate finds.
//!
//! Each run is isolated: `python3 -I -u` (no site-packages of the user, no `PYTHON*`
//! variables, and unbuffered, so that a traceback on stderr lands among the prints on stdout
//! where a terminal shows it), in a fresh temporary directory that is its working directory,
//! with stdin from `/dev/null`, stdout and stderr in one pipe, and the check's timeout
//! ([`process::run`] does the last three). A script that continues nothing runs as a file of
//! its own; a transcript, or a block that continues others, runs under `driver.py`, which runs
//! the chain in one namespace and checks a transcript with `doctest`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use super::blocks::{Block, Code, Form};
use crate::process::{self, Run};
use crate::{extension, pattern};

/// The driver for transcripts and chains; see its docstring.
const DRIVER: &str = include_str!("driver.py");

// The interpreter is found as `cargo test`'s comparisons find it: one lookup, in the
// `python` crate.
pub use ::python::{
    INTERPRETER as PYTHON_VAR, Interpreter, REQUIRE as REQUIRE_VAR, chosen, probe, required,
};

/// `program -I -u`: isolated as [`::python::isolated`] says, unbuffered, and without the
/// variables that change what the extension module's Rust prints (a panic's backtrace), as
/// the demos run without them.
fn isolated(program: &Path) -> Command {
    let mut command = ::python::isolated(program);
    command.arg("-u");
    for key in ["RUST_BACKTRACE", "RUST_LIB_BACKTRACE", "RUST_LOG"] {
        command.env_remove(key);
    }
    command
}

/// How a run shares the CPU with the rest of the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    /// As any program.
    Normal,
    /// Under `nice -n 10`: on a busy core it gets about a tenth of the time a program of
    /// normal priority (a demo measuring time) gets, and runs as fast as ever on an idle one.
    /// Not 19, the lowest: there a block starved by a busy machine (two busy loops beside
    /// the check, tried) outlived the check's two seconds for its helper processes to end.
    Background,
}

/// Whether `nice` runs here (a background run is started through it).
pub fn can_nice() -> bool {
    static CAN: OnceLock<bool> = OnceLock::new();
    *CAN.get_or_init(|| {
        Command::new("nice")
            .args(["-n", "10", "true"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    })
}

/// What marks a block (or a block it continues) as timing itself or timed by sleeps: it
/// measures time, or what it shows depends on how long something slept. Such a block runs
/// with nothing else of the check beside it, as the demos do.
const TIMING: [&str; 7] = [
    "perf_counter",
    "monotonic",
    "time.time(",
    "sleep(",
    "thread_time",
    "process_time",
    "timeit",
];

/// Whether the block, or a block it continues, times something (names one of `TIMING`).
pub fn times_itself(block: &Block) -> bool {
    let steps = block.earlier.iter().chain(std::iter::once(&block.code));
    steps
        .flat_map(|code| &code.lines)
        .any(|line| TIMING.iter().any(|mark| line.contains(mark)))
}

/// `command` started through `nice -n 10`, with its arguments, environment and directory.
fn niced(command: &Command) -> Command {
    let mut niced = Command::new("nice");
    niced
        .args(["-n", "10"])
        .arg(command.get_program())
        .args(command.get_args());
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => niced.env(key, value),
            None => niced.env_remove(key),
        };
    }
    if let Some(dir) = command.get_current_dir() {
        niced.current_dir(dir);
    }
    niced
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

/// A block's finished run: the process's [`Run`] (what it printed and
/// how it ended), and for a transcript what doctest found (`None` if the driver did not get
/// as far as writing it).
#[derive(Debug)]
pub struct BlockRun {
    /// The process's run.
    pub run: Run,
    /// A transcript's findings.
    pub transcript: Option<Transcript>,
    /// The temporary directory it ran in (gone now), which its tracebacks name.
    pub dir: String,
}

impl BlockRun {
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
    priority: Priority,
) -> Result<BlockRun, String> {
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
    if priority == Priority::Background {
        command = niced(&command);
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
    Ok(BlockRun {
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
