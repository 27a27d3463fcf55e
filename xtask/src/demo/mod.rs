//! `cargo xtask demo [topic] [section] [--python]`: runs a topic's demo, or every topic's in
//! turn, in the terminal, as a reader would; with `--python`, each section's Python original
//! first ([`side_by_side`]).

pub mod side_by_side;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, ExitStatus};

use crate::kind::RunOptions;
use crate::{demo_binary, process, topics};

/// What the demo shows besides the Rust output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Show {
    /// The Rust demo alone.
    Rust,
    /// Each section's Python, run by `interpreter` (`None`: `XTASK_PYTHON`, or `python3`),
    /// then the Rust demo's output.
    PythonThenRust {
        /// The interpreter asked for with `--interpreter`.
        interpreter: Option<PathBuf>,
    },
}

/// Runs the demo of `topic` (every topic's for `None` or `all`), or one `section` of it.
pub fn run(
    root: &Path,
    topic: Option<&str>,
    section: Option<&str>,
    show: &Show,
) -> Result<ExitCode, String> {
    let chosen = match topic {
        None | Some("all") => {
            if let Some(section) = section {
                return Err(format!(
                    "a section (`{section}`) needs a topic: `cargo xtask demo <topic> {section}`"
                ));
            }
            topics::TOPICS.to_vec()
        }
        Some(name) => vec![topics::parse(name)?],
    };
    let binaries = demo_binary::build(root, &chosen)?;
    let mut failed = Vec::new();
    for (i, topic) in chosen.iter().enumerate() {
        if chosen.len() > 1 {
            if i > 0 {
                println!();
            }
            println!("##### {topic}: {} #####", topics::summary(root, topic));
            println!();
        }
        let binary = &binaries[*topic];
        match show {
            Show::PythonThenRust { interpreter } => {
                let options = RunOptions {
                    timeout: process::timeout_from_env()?,
                    python: interpreter.clone(),
                    // A topic's Python originals import no extension module.
                    extension: None,
                };
                if let Err(sections) = side_by_side::show(root, topic, section, binary, &options) {
                    failed.push(sections);
                }
            }
            Show::Rust => {
                let status = in_terminal(root, topic, binary, section)?;
                if !status.success() {
                    failed.push(format!("{topic} ({status})"));
                }
            }
        }
    }
    if failed.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(format!("these demos failed: {}", failed.join(", ")))
    }
}

/// Runs a demo (one `section` of it, or all) from the workspace root with the terminal's
/// input and output, unlike the check, which captures it ([`demo_binary::run`]).
fn in_terminal(
    root: &Path,
    topic: &str,
    binary: &Path,
    section: Option<&str>,
) -> Result<ExitStatus, String> {
    Command::new(binary)
        .current_dir(root)
        .args(section)
        .status()
        .map_err(|e| format!("could not run the {topic} demo: {e}"))
}
