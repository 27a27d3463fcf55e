//! `cargo xtask demo <topic> [section] --python`: each section's Python original, run by
//! CPython, then the Rust demo's output, one section after the other.
//!
//! The Python of a section is every `python` and `pycon` block under the `##` heading of the
//! page that holds the section's console block (docs/contributing/checked-pages.md), run
//! exactly as the check runs it. A transcript is shown with CPython's own output after each `>>>`.

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
    let sections = match section {
        Some(section) => vec![section.to_string()],
        None => demos::sections(root, binary, options.timeout)?,
    };
    // Each section's heading: the one over the first console block that shows it (`None`
    // if no block does; `Some(None)` above the page's first heading).
    let headings: Vec<Option<Option<String>>> = sections
        .iter()
        .map(|section| {
            let block = consoles.iter().find(|block| block.section == *section)?;
            let fence = fences
                .iter()
                .find(|f| f.body_start < block.line && block.line <= f.close)?;
            Some(fence.heading.clone())
        })
        .collect();
    let under = |heading: &Option<String>| -> Vec<python::Block> {
        let blocks = pythons.iter().filter(|block| block.heading == *heading);
        blocks.cloned().collect()
    };
    let runner = options.python();
    runner.run_ahead(headings.iter().flatten().flat_map(under).collect());
    let mut failed = Vec::new();
    for (index, (section, heading)) in sections.iter().zip(&headings).enumerate() {
        if index > 0 {
            println!();
        }
        println!("===== {topic} {section} =====");
        match heading {
            None => println!(
                "--- Python: no console block on {} shows this section ---",
                path.display()
            ),
            Some(heading) => {
                let blocks = under(heading);
                if blocks.is_empty() {
                    let title = heading
                        .as_deref()
                        .map_or("the page's opening".into(), |h| format!("`## {h}`"));
                    println!("--- Python: no Python block under {title} ---");
                }
                for block in &blocks {
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
