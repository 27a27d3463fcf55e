//! See <https://github.com/matklad/cargo-xtask/>.
//!
//! This binary holds the workspace's own commands, which plain `cargo` cannot express. It is
//! wired in by the alias in `.cargo/config.toml`, so `cargo xtask <task>` works from anywhere
//! in the workspace. The work is done in the library (`src/lib.rs`); this file only parses the
//! command line.
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::time::Duration;

use clap::{Parser, Subcommand};
use xtask::{bless, check, demos, process, side_by_side, topics, workspace_root};

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
        /// The topic (`cargo xtask list` names them); `all` or nothing runs every one
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
        #[arg(long)]
        python: Option<PathBuf>,
        /// FILTER and libtest flags
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        libtest: Vec<String>,
    },
    /// Measure speedups and overheads, beside the same measurements in CPython
    ///
    /// Writes target/bench/<topic>.json, <topic>.md and <topic>.svg for each topic.
    Bench {
        /// Only this topic's benches
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
        /// Then serve the book on localhost (prints the URL; opens nothing)
        #[arg(long)]
        serve: bool,
        /// The port for --serve (0: any free one)
        #[arg(long, default_value_t = 3000, requires = "serve")]
        port: u16,
    },
    /// Rewrite documented outputs from the actual output (review with `git diff docs/`)
    Bless {
        /// Only this topic's blocks
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
            let python = python.then_some(interpreter);
            demo(&root, topic.as_deref(), section.as_deref(), python)
        }
        Task::List => {
            list(&root);
            Ok(ExitCode::SUCCESS)
        }
        Task::Check {
            timeout,
            python,
            libtest,
        } => timeout_or_env(timeout).map(|timeout| {
            let args = std::iter::once("cargo xtask check".to_string()).chain(libtest);
            let options = check::Options { timeout, python };
            check::run(&root, &options, &check::arguments(args))
        }),
        Task::Bless {
            topic,
            timeout,
            python,
        } => timeout_or_env(timeout).and_then(|timeout| {
            let options = check::Options { timeout, python };
            bless_pages(&root, topic.as_deref(), &options)
        }),
        Task::Bench { topic, quick } => bench(&root, topic.as_deref(), quick),
        Task::Book { check, serve, port } => xtask::book::run(&root, check, serve.then_some(port)),
    };
    outcome.unwrap_or_else(|error| {
        eprintln!("error: {error}");
        ExitCode::from(2)
    })
}

fn timeout_or_env(timeout: Option<Duration>) -> Result<Duration, String> {
    timeout.map_or_else(process::timeout_from_env, Ok)
}

/// `python` is `Some` (with the interpreter asked for, if any) for `--python`.
fn demo(
    root: &std::path::Path,
    topic: Option<&str>,
    section: Option<&str>,
    python: Option<Option<PathBuf>>,
) -> Result<ExitCode, String> {
    let chosen: Vec<&str> = match topic {
        None | Some("all") => {
            if let Some(section) = section {
                return Err(format!(
                    "a section (`{section}`) needs a topic: `cargo xtask demo <topic> {section}`"
                ));
            }
            topics::TOPICS.to_vec()
        }
        Some(name) => vec![topics::parse(name).map_err(|e| e.to_string())?],
    };
    let binaries = demos::build(root, &chosen)?;
    let mut failed = Vec::new();
    for (i, topic) in chosen.iter().enumerate() {
        if chosen.len() > 1 {
            if i > 0 {
                println!();
            }
            println!("##### {topic}: {} #####", topics::summary(root, topic));
            println!();
        }
        if let Some(interpreter) = &python {
            let options = check::Options {
                timeout: process::timeout_from_env()?,
                python: interpreter.clone(),
            };
            let binary = &binaries[*topic];
            if let Err(sections) = side_by_side::show(root, topic, section, binary, &options) {
                failed.push(sections);
            }
            continue;
        }
        let mut command = Command::new(&binaries[*topic]);
        command.current_dir(root).args(section);
        let status = command
            .status()
            .map_err(|e| format!("could not run the {topic} demo: {e}"))?;
        if !status.success() {
            failed.push(format!("{topic} ({status})"));
        }
    }
    if failed.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(format!("these demos failed: {}", failed.join(", ")))
    }
}

fn list(root: &std::path::Path) {
    for topic in topics::TOPICS {
        println!("{topic:<12} {}", topics::summary(root, topic));
        println!(
            "{:<12} crate: {}   page: {}",
            "",
            topics::crate_dir(topic).display(),
            topics::page_path(topic).display()
        );
    }
}

fn bless_pages(
    root: &std::path::Path,
    topic: Option<&str>,
    options: &check::Options,
) -> Result<ExitCode, String> {
    let topic = topic
        .map(topics::parse)
        .transpose()
        .map_err(|e| e.to_string())?;
    let report = bless::bless(root, topic, options)?;
    for block in &report.rewritten {
        println!("blessed {block}");
    }
    for block in &report.unrun {
        println!("not run here, left as it is: {block}");
    }
    println!(
        "{} blocks rewritten, {} already right; review with `git diff docs/`",
        report.rewritten.len(),
        report.unchanged
    );
    if report.failed.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(format!(
            "these blocks were left alone:\n{}",
            report.failed.join("\n")
        ))
    }
}

fn bench(root: &std::path::Path, topic: Option<&str>, quick: bool) -> Result<ExitCode, String> {
    let chosen = match topic {
        Some(name) => vec![topics::parse(name).map_err(|e| e.to_string())?],
        None => topics::TOPICS.to_vec(),
    };
    let benched = xtask::bench::benched(root, &chosen);
    if benched.is_empty() {
        return Err(format!(
            "no benches for {}: a topic's benches are crates/<topic>/benches/*.rs (and *.py)",
            chosen.join(", ")
        ));
    }
    print!("{}", xtask::bench::run(root, &benched, quick)?);
    Ok(ExitCode::SUCCESS)
}
