//! Rewrites the checked blocks of the pages from what they check against, for an intended
//! change: console outputs from the demo_binary, Python outputs from CPython, excerpts from the
//! source.
//!
//! Each kind works out its own blocks' new text ([`Kind::bless`]), keeping the wildcard lines
//! (and excerpt elisions) that still match. A block whose run failed (wrong status, killed at
//! the deadline) is left alone and makes `bless` fail, since its output is not something to
//! document; a block that cannot run here (a `skip:`, another Python version) is left alone
//! and named. The new text must read back as the same blocks: output that the page would
//! read as markup (a closing fence, a `$ ` line under a command) leaves the page alone.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use crate::kind::RunOptions;
use crate::kind::console::Console;
use crate::kind::excerpt::Excerpt;
use crate::kind::python::Python;
use crate::kind::{Blessing, Kind, found};
use crate::page::edit::{Edit, Lines};
use crate::page::{self, Page};
use crate::{demo_binary, topics};

/// What `bless` did to the pages.
#[derive(Debug, Default)]
pub struct Report {
    /// Blocks whose text changed.
    pub rewritten: Vec<String>,
    /// Blocks already right.
    pub unchanged: usize,
    /// Blocks left alone, with why: their run failed, or their output would read as markup.
    pub failed: Vec<String>,
    /// Blocks not run here, with why.
    pub unrun: Vec<String>,
}

/// `cargo xtask bless [topic]`: blesses the blocks of `topic` (of every page without it)
/// and says what it did; `Err` names the blocks left alone.
pub fn run(root: &Path, topic: Option<&str>, options: &RunOptions) -> Result<ExitCode, String> {
    let topic = topic.map(topics::parse).transpose()?;
    let report = bless(root, topic, options)?;
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

/// Blesses the blocks of `topic` ([`Kind::topic`]), or of every page (the glossary, which is
/// no topic's, included) without it.
pub fn bless(
    root: &Path,
    topic: Option<&'static str>,
    options: &RunOptions,
) -> Result<Report, String> {
    let wanted = wanted(topic);
    let console = Console {
        root: root.to_path_buf(),
        binaries: Arc::new(demo_binary::build(root, &topics::chosen(topic)?)?),
        timeout: options.timeout,
    };
    let python = options.python();
    let excerpt = Excerpt {
        root: root.to_path_buf(),
    };
    let pages = page::read_pages(root)?;
    let mut ahead = Vec::new();
    for page in &pages {
        let blocks = found::<Python>(page)?;
        ahead.extend(
            blocks
                .into_iter()
                .filter(|block| wanted(Python::topic(block))),
        );
    }
    python.run_ahead(ahead);
    let kinds = Kinds {
        console,
        python,
        excerpt,
    };
    let mut report = Report::default();
    for page in pages {
        let Some((text, rewritten)) = bless_page(&page, &kinds, &wanted, &mut report)? else {
            continue;
        };
        std::fs::write(root.join(&page.path), text)
            .map_err(|e| format!("cannot write {}: {e}", page.path.display()))?;
        report.rewritten.extend(rewritten);
    }
    Ok(report)
}

/// Whether a block of topic `of` ([`Kind::topic`]) is to be blessed when `bless` is given
/// `topic`: every block without one, a page that is no topic's included.
fn wanted(topic: Option<&str>) -> impl Fn(Option<&str>) -> bool {
    move |of| topic.is_none() || of == topic
}

/// One of each kind, ready to bless.
pub struct Kinds {
    /// Console blocks.
    pub console: Console,
    /// Python blocks.
    pub python: Python,
    /// Excerpts.
    pub excerpt: Excerpt,
}

/// A page's new text and the blocks rewritten in it, if any block of a wanted topic changes
/// and the new text reads back as meant; a block that does not is reported and leaves the
/// whole page alone.
fn bless_page(
    page: &Page,
    kinds: &Kinds,
    wanted: &dyn Fn(Option<&str>) -> bool,
    report: &mut Report,
) -> Result<Option<(String, Vec<String>)>, String> {
    let mut plan = Plan::default();
    plan.add(&kinds.console, page, wanted, report)?;
    plan.add(&kinds.python, page, wanted, report)?;
    plan.add(&kinds.excerpt, page, wanted, report)?;
    if plan.edits.is_empty() {
        return Ok(None);
    }
    let mut lines = Lines::of(&page.text);
    lines.apply(plan.edits);
    let text = lines.text();
    let reread = Page::of(&page.path, text.clone());
    if let Some(place) = plan.checks.iter().find_map(|check| check(&reread).err()) {
        report.failed.push(format!(
            "{place}: the new text has a line the page would read as markup (a closing fence, or a `$ `, `> ` or `? ` line under a command), so {} was left alone: write this block by hand",
            page.path.display()
        ));
        return Ok(None);
    }
    Ok(Some((text, plan.rewritten)))
}

/// A check that a blessed page reads back as meant: `Err` with the block's name if not.
type ReadsBack = Box<dyn Fn(&Page) -> Result<(), String>>;

/// The edits of one page, and how to tell they read back right.
#[derive(Default)]
struct Plan {
    edits: Vec<Edit>,
    checks: Vec<ReadsBack>,
    rewritten: Vec<String>,
}

impl Plan {
    /// Blesses the page's blocks of one kind that are wanted ([`Kind::topic`]).
    fn add<K: Kind>(
        &mut self,
        kind: &K,
        page: &Page,
        wanted: &dyn Fn(Option<&str>) -> bool,
        report: &mut Report,
    ) -> Result<(), String> {
        let blocks = found::<K>(page)?;
        let count = blocks.len();
        for (index, block) in blocks.iter().enumerate() {
            if !wanted(K::topic(block)) {
                continue;
            }
            match kind.bless(block) {
                Blessing::Unchanged => report.unchanged += 1,
                Blessing::Failed(why) => report.failed.push(why),
                Blessing::Unrun(why) => report.unrun.push(why),
                Blessing::Rewrite { edit, reads_back } => {
                    let name = format!("{} ({})", K::location(block), K::name(block));
                    self.edits.push(edit);
                    let place = K::location(block);
                    self.checks.push(Box::new(move |page: &Page| {
                        let blocks = found::<K>(page).map_err(|_| place.clone())?;
                        let text = blocks.get(index).map(K::text);
                        if blocks.len() == count && text.as_ref() == Some(&reads_back) {
                            Ok(())
                        } else {
                            Err(place.clone())
                        }
                    }));
                    self.rewritten.push(name);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
