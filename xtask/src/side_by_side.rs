//! `cargo xtask demo <topic> [section] --python`: each section's Python original, run by
//! CPython, then the Rust demo's output, one section after the other.
//!
//! The Python of a section is every `python` and `pycon` block under the `##` heading of the
//! page that holds the section's console block (docs/README.md), run exactly as the check
//! runs it. A transcript is shown with CPython's own output after each `>>>`.

use std::path::Path;
use std::process::Command;

use crate::check::Options;
use crate::kind::console::Console;
use crate::kind::python::{self, Python};
use crate::kind::{Kind, found};
use crate::page::Page;
use crate::{demos, topics};

/// Prints the sections of `topic` (or just `section`) with Python beside Rust; `Err` lists
/// the Rust demos that failed.
pub fn show(
    root: &Path,
    topic: &'static str,
    section: Option<&str>,
    binary: &Path,
    options: &Options,
) -> Result<(), String> {
    let path = topics::page_path(topic);
    let text = std::fs::read_to_string(root.join(&path))
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let page = Page::of(&path, text);
    let fences = page.fences.clone().map_err(|e| e.to_string())?;
    let consoles = found::<Console>(&page).map_err(|e| e.to_string())?;
    let pythons = found::<Python>(&page).map_err(|e| e.to_string())?;
    let runner = Python::new(
        python::run::chosen(options.python.clone()),
        python::run::required(),
        options.timeout,
    );
    runner.run_ahead(pythons.clone());
    let sections = match section {
        Some(section) => vec![section.to_string()],
        None => demos::sections(root, binary, options.timeout)?,
    };
    let mut failed = Vec::new();
    for (index, section) in sections.iter().enumerate() {
        if index > 0 {
            println!();
        }
        println!("===== {topic} {section} =====");
        // The heading of the first console block that shows the section.
        let heading = consoles
            .iter()
            .find(|block| block.section == *section)
            .and_then(|block| {
                let fence = fences
                    .iter()
                    .find(|f| f.body_start < block.line && block.line <= f.close)?;
                Some(fence.heading.clone())
            });
        match &heading {
            None => println!(
                "--- Python: no console block on {} shows this section ---",
                path.display()
            ),
            Some(heading) => {
                let under: Vec<&python::Block> = pythons
                    .iter()
                    .filter(|block| block.heading == *heading)
                    .collect();
                let title = heading
                    .as_deref()
                    .map_or("the page's opening".into(), |h| format!("`## {h}`"));
                if under.is_empty() {
                    println!("--- Python: no Python block under {title} ---");
                }
                for block in under {
                    println!("--- Python ({}) ---", Python::location(block));
                    match runner.shown(block) {
                        Ok(lines) => lines.iter().for_each(|line| println!("{line}")),
                        Err(why) => println!("(not run: {why})"),
                    }
                }
            }
        }
        println!("--- Rust (cargo xtask demo {topic} {section}) ---");
        let status = Command::new(binary)
            .current_dir(root)
            .arg(section)
            .status()
            .map_err(|e| format!("could not run the {topic} demo: {e}"))?;
        if !status.success() {
            failed.push(format!("{topic} {section} ({status})"));
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.join(", "))
    }
}
