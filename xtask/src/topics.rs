//! The topics of the notes, in the notes' order, and where each one lives.
//!
//! The list is the one place a topic is named: `demo`, `list`, `check` and the page parser
//! all read it, and a test keeps it equal to the crates under `crates/` that have a demo.

use std::fs;
use std::path::{Path, PathBuf};

/// Every topic, in the order the notes treat them; `asyncio`, past the notes, carries the
/// concurrency topic's IO case on, so it follows it.
pub const TOPICS: [&str; 8] = [
    "metaclass",
    "concurrency",
    "asyncio",
    "defaults",
    "property",
    "recursion",
    "typing",
    "platform",
];

/// The crate of a topic, relative to the workspace root.
pub fn crate_dir(topic: &str) -> PathBuf {
    Path::new("crates").join(topic)
}

/// The docs page of a topic, relative to the workspace root.
pub fn page_path(topic: &str) -> PathBuf {
    Path::new("docs").join(format!("{topic}.md"))
}

/// A topic's one-line summary: the `description` of its crate's `Cargo.toml`, so that it is
/// written once.
pub fn summary(root: &Path, topic: &str) -> String {
    let manifest = root.join(crate_dir(topic)).join("Cargo.toml");
    fs::read_to_string(&manifest)
        .ok()
        .and_then(|text| {
            text.lines().find_map(|line| {
                let value = line.strip_prefix("description")?.trim_start();
                let value = value.strip_prefix('=')?.trim();
                Some(value.trim_matches('"').to_string())
            })
        })
        .unwrap_or_else(|| format!("(no description in {})", manifest.display()))
}

/// Checks a name the user typed; the error lists the topics and suggests the nearest one.
pub fn parse(name: &str) -> Result<&'static str, UnknownTopic> {
    TOPICS
        .iter()
        .copied()
        .find(|topic| *topic == name)
        .ok_or_else(|| UnknownTopic {
            name: name.to_string(),
        })
}

/// The topics a task is given: `topic` alone, or every one without it.
pub fn chosen(topic: Option<&str>) -> Result<Vec<&'static str>, UnknownTopic> {
    match topic {
        Some(name) => Ok(vec![parse(name)?]),
        None => Ok(TOPICS.to_vec()),
    }
}

/// A name that is not a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTopic {
    /// What was asked for.
    pub name: String,
}

impl UnknownTopic {
    /// The topic whose name is nearest, if one is near enough to be a likely typo: by the
    /// measure and threshold clap suggests a value by (Jaro similarity over 0.7), so that a
    /// name on a page and one on the command line get the same suggestion.
    pub fn suggestion(&self) -> Option<&'static str> {
        TOPICS
            .iter()
            .copied()
            .map(|topic| (strsim::jaro(&self.name, topic), topic))
            .filter(|(similarity, _)| *similarity > 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, topic)| topic)
    }
}

impl std::fmt::Display for UnknownTopic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown topic `{}`", self.name)?;
        if let Some(topic) = self.suggestion() {
            write!(f, "; did you mean `{topic}`?")?;
        }
        write!(
            f,
            "\n  topics: {}\n  `cargo xtask list` says what each one covers",
            TOPICS.join(", ")
        )
    }
}

impl std::error::Error for UnknownTopic {}

/// The message, for the callers that only pass it on (see the crate's note on errors).
impl From<UnknownTopic> for String {
    fn from(error: UnknownTopic) -> String {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_gets_the_nearest_topic_suggested() {
        let error = parse("defualts").unwrap_err();
        assert_eq!(error.suggestion(), Some("defaults"));
        let message = error.to_string();
        assert!(message.starts_with("unknown topic `defualts`; did you mean `defaults`?"));
        assert!(message.contains(&format!("topics: {}", TOPICS.join(", "))));
    }

    #[test]
    fn a_name_far_from_every_topic_gets_no_suggestion() {
        let error = parse("kubernetes").unwrap_err();
        assert_eq!(error.suggestion(), None);
        assert!(error.to_string().contains("topics: "));
    }

    #[test]
    fn the_topic_list_is_the_set_of_crates_with_a_demo() {
        let root = crate::workspace_root();
        let mut with_demo: Vec<String> = fs::read_dir(root.join("crates"))
            .expect("crates/ is readable")
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.path().join("src/main.rs").is_file())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        with_demo.sort();
        let mut listed: Vec<String> = TOPICS.iter().map(|t| t.to_string()).collect();
        listed.sort();
        assert_eq!(
            listed, with_demo,
            "xtask/src/topics.rs TOPICS must name exactly the crates under crates/ that have a src/main.rs"
        );
    }

    #[test]
    fn every_topic_has_a_summary() {
        let root = crate::workspace_root();
        for topic in TOPICS {
            assert!(
                !summary(&root, topic).starts_with("(no description"),
                "{topic}"
            );
        }
    }
}
