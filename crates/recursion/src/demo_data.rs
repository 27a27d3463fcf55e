//! Sections `recursive-data` and `directory-walk`.

use std::fs;
use std::path::Path;

use demo::Section;
use recursion::tree::{Node, Tree};
use recursion::walk::{Kind, max_depth, walk};

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "recursive-data",
        title: "A tree whose branches are trees: an enum with a Box",
        run: recursive_data,
    },
    Section {
        name: "directory-walk",
        title: "A recursive walk over a real directory tree",
        run: directory_walk,
    },
];

/// A search tree built by recursive insertion, drawn and measured by recursive functions.
fn recursive_data() -> demo::Result {
    let values = [4, 2, 6, 1, 3, 5, 7];
    let tree: Tree<i32> = values.into_iter().collect();
    println!("inserted {values:?}:");
    print!("{tree}");
    println!("len() = {}, depth() = {}", tree.len(), tree.depth());
    println!("in_order() = {:?}", tree.in_order());
    println!(
        "contains(&5) = {}, contains(&8) = {}",
        tree.contains(&5),
        tree.contains(&8)
    );
    let sorted: Tree<i32> = (1..=7).collect();
    println!(
        "inserted 1..=7 in order: len() = {}, depth() = {}",
        sorted.len(),
        sorted.depth()
    );
    println!(
        "size_of::<Tree<i32>>() = {} bytes, size_of::<Box<Node<i32>>>() = {} bytes: \
         Empty is the null pointer",
        std::mem::size_of::<Tree<i32>>(),
        std::mem::size_of::<Box<Node<i32>>>()
    );
    Ok(())
}

/// Makes a small project tree in a temp dir, then walks it recursively.
fn directory_walk() -> demo::Result {
    let root = tempfile::Builder::new()
        .prefix("recursion-walk-")
        .tempdir()?;
    make_sample_tree(root.path())?;
    let entries = walk(root.path())?;
    println!("walking a new temp dir, {}:", root.path().display());
    println!("depth  entry");
    for entry in &entries {
        let name = entry
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let indent = "  ".repeat(entry.depth - 1);
        let suffix = match entry.kind {
            Kind::Dir => "/",
            Kind::File => "",
            Kind::Symlink => " (link, not followed)",
        };
        println!("{:>5}  {indent}{name}{suffix}", entry.depth);
    }
    let directories = entries
        .iter()
        .filter(|entry| entry.kind == Kind::Dir)
        .count();
    println!(
        "{} entries, {directories} of them directories; deepest: {}",
        entries.len(),
        max_depth(&entries)
    );
    Ok(())
}

/// A project-shaped tree, created out of order on purpose: the walk sorts.
fn make_sample_tree(root: &Path) -> std::io::Result<()> {
    for dir in ["src/tree", "docs/img", "tests"] {
        fs::create_dir_all(root.join(dir))?;
    }
    for file in [
        "src/tree/node.rs",
        "src/main.rs",
        "Cargo.toml",
        "src/tree/mod.rs",
        "docs/README.md",
        "tests/walk.rs",
        "src/lib.rs",
    ] {
        fs::write(root.join(file), file)?;
    }
    std::os::unix::fs::symlink("..", root.join("src/up"))?;
    Ok(())
}
