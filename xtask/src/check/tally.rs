//! Counts what a check run checked, per kind, and the blocks it left unrun, for the line the
//! check ends with: the README's claims about what is checked quote this count.

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::lock;

/// The trials that passed, per kind, and the ones that could not run, with why.
#[derive(Debug, Default)]
pub struct Tally {
    passed: Mutex<BTreeMap<&'static str, usize>>,
    unrun: Mutex<Vec<(String, String)>>,
}

impl Tally {
    /// A trial of kind `label` came out right.
    pub fn passed(&self, label: &'static str) {
        *lock(&self.passed).entry(label).or_insert(0) += 1;
    }

    /// A trial could not run here, for `reason`.
    pub fn unrun(&self, name: &str, reason: &str) {
        lock(&self.unrun).push((name.to_string(), reason.to_string()));
    }

    /// How many trials of kind `label` passed.
    pub fn passed_of(&self, label: &str) -> usize {
        lock(&self.passed).get(label).copied().unwrap_or(0)
    }

    /// `checked: 64 Rust outputs, 58 Python blocks run, 64 excerpts compared; 1 block left
    /// unrun:` and a line for each unrun block with its reason.
    pub fn summary(&self) -> String {
        let mut unrun = lock(&self.unrun).clone();
        unrun.sort();
        let mut text = format!(
            "checked: {} Rust outputs, {} Python blocks run, {} excerpts compared; ",
            self.passed_of("console"),
            self.passed_of("python"),
            self.passed_of("excerpt"),
        );
        match unrun.len() {
            0 => text.push_str("no block left unrun"),
            1 => text.push_str("1 block left unrun:"),
            n => text.push_str(&format!("{n} blocks left unrun:")),
        }
        for (name, reason) in unrun {
            text.push_str(&format!("\n    {name}: {reason}"));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_each_kind_and_lists_the_unrun_blocks() {
        let tally = Tally::default();
        tally.passed("console");
        tally.passed("console");
        tally.passed("excerpt");
        tally.unrun("typing::python::b", "skip: needs Windows");
        tally.unrun("typing::python::a", "for CPython 3.13+, not CPython 3.11.7");
        assert_eq!(
            tally.summary(),
            "checked: 2 Rust outputs, 0 Python blocks run, 1 excerpts compared; 2 blocks left unrun:\n    typing::python::a: for CPython 3.13+, not CPython 3.11.7\n    typing::python::b: skip: needs Windows"
        );
        assert!(
            Tally::default()
                .summary()
                .ends_with("; no block left unrun")
        );
    }
}
