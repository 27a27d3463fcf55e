//! See <https://github.com/matklad/cargo-xtask/>.
//!
//! This binary holds the workspace's own commands, which plain `cargo` cannot express. It is
//! wired in by the alias in `.cargo/config.toml`, so `cargo xtask <task>` works from anywhere
//! in the workspace. This file only parses the command line and hands each task to its module
//! in the library (`src/lib.rs`): `demo`, `list`, `check`, `bench`, `book`, `learn`, `bless`.
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::builder::PossibleValuesParser;
use clap::{Parser, Subcommand};
use xtask::{bench, bless, book, check, demo, kind, learn, list, process, topics, workspace_root};

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Runs and checks the demos of the Python-to-Rust workspace",
    version
)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Run a topic's demo, or every topic's demo in turn
    Demo {
        /// The topic (`cargo xtask list` says what each covers); `all` or nothing runs every one
        #[arg(value_parser = topic(&["all"]))]
        topic: Option<String>,
        /// One section of the demo; without it, every section runs under a header
        section: Option<String>,
        /// Show each section's Python original first, run by CPython, then the Rust output
        #[arg(long)]
        python: bool,
        /// With --python, the interpreter [default: XTASK_PYTHON, or python3]
        #[arg(long, value_name = "PATH", requires = "python")]
        interpreter: Option<PathBuf>,
    },
    /// List the topics, each with its summary, crate and page
    List,
    /// Run every demo and compare its output with the output documented under docs/
    ///
    /// Each documented block is one test trial. After the options of this command come
    /// libtest's own: a FILTER, --exact, --skip, --list, --ignored, --test-threads, --format.
    Check {
        /// Kill a demo that runs longer than this many seconds [default: 60, or XTASK_DEMO_TIMEOUT]
        #[arg(long, value_parser = process::parse_seconds)]
        timeout: Option<Duration>,
        /// The CPython for the Python blocks [default: XTASK_PYTHON, or python3]
        #[arg(long, conflicts_with = "pythons")]
        python: Option<PathBuf>,
        /// Run nothing: list every CPython found (XTASK_PYTHON, python3, python3.N and
        /// python3.Nt on PATH, pyenv's versions), each with the Python blocks it runs and
        /// the ones its version gates away
        #[arg(long)]
        pythons: bool,
        /// With --pythons, only the paths of those the pages are written for (3.9+), one a line
        #[arg(long, requires = "pythons")]
        paths: bool,
        /// FILTER and libtest flags
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        libtest: Vec<String>,
    },
    /// Measure speedups and overheads, beside the same measurements in CPython
    ///
    /// Writes target/bench/<topic>.json, <topic>.md and <topic>.svg for each topic.
    Bench {
        /// Only this topic's benches
        #[arg(value_parser = topic(&[]))]
        topic: Option<String>,
        /// Fewer runs and smaller inputs, the same workloads (for CI)
        #[arg(long)]
        quick: bool,
    },
    /// Build the pages into a book (mdBook) in target/book/ and print the path of its index.html
    Book {
        /// Then open every page in headless Chromium and check links, search and layout
        #[arg(long)]
        check: bool,
    },
    /// Practise: the exercises of learn/ in rustlings (installed into target/tools on first use)
    ///
    /// Arguments after `learn` go to rustlings: nothing for its watch mode, or `list`,
    /// `hint`, `reset <exercise>`, `run <exercise>`, `check-all`.
    Learn {
        /// rustlings' arguments
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Rewrite documented outputs from the actual output (review with `git diff docs/`)
    Bless {
        /// Only this topic's blocks (without it, every page's)
        #[arg(value_parser = topic(&[]))]
        topic: Option<String>,
        /// Kill a demo that runs longer than this many seconds [default: 60, or XTASK_DEMO_TIMEOUT]
        #[arg(long, value_parser = process::parse_seconds)]
        timeout: Option<Duration>,
        /// The CPython for the Python blocks [default: XTASK_PYTHON, or python3]
        #[arg(long)]
        python: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if matches!(cli.task, Task::Check { .. } | Task::Bless { .. }) {
        // Before any thread starts (see its docs): the demos run in process groups of their
        // own, which Ctrl-C does not reach.
        if let Err(error) = process::end_demos_on_interrupt() {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    }
    let root = workspace_root();
    let outcome = match cli.task {
        Task::Demo {
            topic,
            section,
            python,
            interpreter,
        } => {
            let show = if python {
                demo::Show::PythonThenRust { interpreter }
            } else {
                demo::Show::Rust
            };
            demo::run(&root, topic.as_deref(), section.as_deref(), &show)
        }
        Task::List => {
            list::run(&root);
            Ok(ExitCode::SUCCESS)
        }
        Task::Check {
            timeout,
            pythons: true,
            paths,
            ..
        } => timeout_or_env(timeout)
            .and_then(|timeout| check::pythons::run(&root, paths, timeout))
            .map(|listing| {
                print!("{listing}");
                ExitCode::SUCCESS
            }),
        Task::Check {
            timeout,
            python,
            libtest,
            ..
        } => timeout_or_env(timeout).map(|timeout| {
            let args = std::iter::once("cargo xtask check".to_string()).chain(libtest);
            let extension = Some(root.clone());
            let options = kind::RunOptions {
                timeout,
                python,
                extension,
            };
            check::run(&root, &options, &check::arguments(args))
        }),
        Task::Bless {
            topic,
            timeout,
            python,
        } => timeout_or_env(timeout).and_then(|timeout| {
            let extension = Some(root.clone());
            let options = kind::RunOptions {
                timeout,
                python,
                extension,
            };
            bless::run(&root, topic.as_deref(), &options)
        }),
        Task::Bench { topic, quick } => bench::run(&root, topic.as_deref(), quick),
        Task::Book { check } => book::run(&root, check),
        Task::Learn { args } => learn::run(&root, &args),
    };
    outcome.unwrap_or_else(|error| {
        eprintln!("error: {error}");
        ExitCode::from(2)
    })
}

/// A topic's name, or one of `also`: clap lists them in `--help` and, for a name that is
/// none of them, in its error, with the nearest as a tip.
fn topic(also: &[&'static str]) -> PossibleValuesParser {
    PossibleValuesParser::new(topics::TOPICS.iter().chain(also))
}

/// The deadline of one demo: `--timeout`, else `XTASK_DEMO_TIMEOUT`, else 60 s.
fn timeout_or_env(timeout: Option<Duration>) -> Result<Duration, String> {
    timeout.map_or_else(process::timeout_from_env, Ok)
}
