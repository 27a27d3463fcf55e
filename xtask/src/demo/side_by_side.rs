//! `cargo xtask demo <topic> [section] --python`: each section's Python original, run by
//! CPython, then the Rust demo's output, one section after the other.
//!
//! The Python of a section is every `python` and `pycon` block under the `##` heading of the
//! page that holds the section's console block (docs/contributing/checked-pages.md), run
//! exactly as the check runs it. A transcript is shown with CPython's own output after each `>>>`.

use std::path::Path;

use crate::kind::RunOptions;
use crate::kind::console::Console;
use crate::kind::python::{self, Python};
use crate::kind::{Kind, found};
use crate::page::Page;
use crate::{demo_binary, topics};

/// Where on the page a section's Python is: under the `##` heading of the first console
/// block that shows the section.
enum Place {
    /// No console block shows the section.
    Unshown,
    /// Under this heading (`None`: above the page's first heading).
    Under(Option<String>),
}

/// Prints the sections of `topic` (or just `section`) with Python beside Rust; `Err` lists
/// the Rust demos that failed.
pub fn show(
    root: &Path,
    topic: &'static str,
    section: Option<&str>,
    binary: &Path,
    options: &RunOptions,
) -> Result<(), String> {
    let path = topics::page_path(topic);
    let text = std::fs::read_to_string(root.join(&path))
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let page = Page::of(&path, text);
    let fences = page.fences.clone()?;
    let consoles = found::<Console>(&page)?;
    let pythons = found::<Python>(&page)?;
    let sections = match section {
        Some(section) => vec![section.to_string()],
        None => demo_binary::sections(root, binary, options.timeout)?,
    };
    let places: Vec<Place> = sections
        .iter()
        .map(|section| {
            let Some(block) = consoles.iter().find(|block| block.section == *section) else {
                return Place::Unshown;
            };
            let fence = fences
                .iter()
                .find(|f| f.body_start < block.line && block.line <= f.close);
            fence.map_or(Place::Unshown, |fence| Place::Under(fence.heading.clone()))
        })
        .collect();
    let under = |heading: &Option<String>| -> Vec<python::Block> {
        let blocks = pythons.iter().filter(|block| block.heading == *heading);
        blocks.cloned().collect()
    };
    let runner = options.python();
    let shown = places.iter().filter_map(|place| match place {
        Place::Under(heading) => Some(heading),
        Place::Unshown => None,
    });
    runner.run_ahead(shown.flat_map(under).collect());
    let mut failed = Vec::new();
    for (index, (section, place)) in sections.iter().zip(&places).enumerate() {
        if index > 0 {
            println!();
        }
        println!("===== {topic} {section} =====");
        match place {
            Place::Unshown => println!(
                "--- Python: no console block on {} shows this section ---",
                path.display()
            ),
            Place::Under(heading) => {
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
        let status = super::in_terminal(root, topic, binary, Some(section))?;
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
