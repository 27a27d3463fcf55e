//! `cargo xtask list`: the topics, each with its summary, crate and page.

use std::path::Path;

use crate::topics;

/// Prints each topic on two lines: its summary, then where its crate and page are.
pub fn run(root: &Path) {
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
