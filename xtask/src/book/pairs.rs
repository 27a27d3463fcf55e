//! Side-by-side groups: a Python block and the Rust block that translates it, each with its
//! output, marked on the page by two HTML comment lines that a forge does not show:
//!
//! ```markdown
//! <!-- side-by-side -->
//! ```python … ``` and its ```output … ```
//! ```rust … ``` and its ```console … ```
//! <!-- /side-by-side -->
//! ```
//!
//! The staged copy gets the comments replaced by `<div>`s (blank lines around the Markdown
//! inside, so that it is still read as Markdown): one for the group and one for each column.
//! The Python column ends with the last `python`, `pycon` or `output` fence before the first
//! `rust` fence; the Rust column is the rest, the prose that introduces the Rust (and an
//! `<!-- excerpt: … -->` line) included. The book's CSS sets the columns next to each other
//! on a wide screen; on a narrow one they stay stacked.

use crate::markdown::{Line, Markdown};

/// The comment that opens a group.
pub const OPEN: &str = "<!-- side-by-side -->";
/// The comment that closes a group.
pub const CLOSE: &str = "<!-- /side-by-side -->";

/// `text` with its groups wrapped in `<div>`s, and how many groups it had; an error names
/// the line (1-based) of a marker that does not pair a Python block with a Rust one.
pub fn wrap(text: &str) -> Result<(String, usize), (usize, String)> {
    let lines = Markdown::parse(text).lines(text);
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut group: Option<(usize, Vec<(&str, Line<'_>)>)> = None;
    let mut count = 0;
    for (index, &(line, kind)) in lines.iter().enumerate() {
        let marker = (kind == Line::Text).then(|| line.trim());
        match (&mut group, marker) {
            (None, Some(OPEN)) => group = Some((index + 1, Vec::new())),
            (None, Some(CLOSE)) => {
                return Err((index + 1, format!("`{CLOSE}` without a `{OPEN}` above it")));
            }
            (None, _) => out.push(line.to_string()),
            (Some((opened, _)), Some(OPEN)) => {
                let opened = *opened;
                return Err((
                    index + 1,
                    format!("`{OPEN}` inside the group opened on line {opened}"),
                ));
            }
            (Some((opened, body)), Some(CLOSE)) => {
                out.extend(columns(*opened, body)?);
                group = None;
                count += 1;
            }
            (Some((_, body)), _) => body.push((line, kind)),
        }
    }
    if let Some((opened, _)) = group {
        return Err((opened, format!("`{OPEN}` is never closed by `{CLOSE}`")));
    }
    let mut wrapped = out.join("\n");
    if text.ends_with('\n') {
        wrapped.push('\n');
    }
    Ok((wrapped, count))
}

/// The group's lines as two columns, or why they do not make a pair.
fn columns(opened: usize, body: &[(&str, Line<'_>)]) -> Result<Vec<String>, (usize, String)> {
    let opens = |kind: &Line<'_>, languages: &[&str]| matches!(kind, Line::Open { info } if languages.contains(&language(info)));
    let split = body
        .iter()
        .position(|(_, kind)| opens(kind, &["rust"]))
        .and_then(|rust| {
            let before = &body[..rust];
            before
                .iter()
                .position(|(_, kind)| opens(kind, &["python", "pycon"]))?;
            // The Python column ends with the last Python or output fence; the prose after
            // it is about the Rust, and goes with it.
            let last = before
                .iter()
                .rposition(|(_, kind)| opens(kind, &["python", "pycon", "output"]))?;
            let code = before[last + 1..]
                .iter()
                .take_while(|(_, kind)| *kind == Line::Code);
            Some(last + 1 + code.count())
        });
    let Some(split) = split else {
        return Err((
            opened,
            "a side-by-side group needs a python (or pycon) block, then a rust block".to_string(),
        ));
    };
    let text = |lines: &[(&str, Line<'_>)]| {
        lines
            .iter()
            .map(|(line, _)| line.to_string())
            .collect::<Vec<_>>()
    };
    let mut out = vec![
        r#"<div class="side-by-side">"#.to_string(),
        r#"<div class="side-by-side-python">"#.to_string(),
        String::new(),
    ];
    out.extend(text(&body[..split]));
    out.extend(["", "</div>", r#"<div class="side-by-side-rust">"#, ""].map(String::from));
    out.extend(text(&body[split..]));
    out.extend(["", "</div>", "</div>"].map(String::from));
    Ok(out)
}

/// A fence's language: its info string up to the first comma or space (`rust,ignore` → `rust`).
pub fn language(info: &str) -> &str {
    info.split([',', ' ']).next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAIR: &str = "\
# A

<!-- side-by-side -->
```python
print(1)
```

```output
1
```

The Rust:

<!-- excerpt: crates/a/src/lib.rs#one -->
```rust,ignore
println!(\"1\");
```

```console
$ cargo xtask demo a one
1
```
<!-- /side-by-side -->
after
";

    #[test]
    fn a_group_becomes_two_columns_split_after_the_python_output() {
        let (out, count) = wrap(PAIR).unwrap();
        assert_eq!(count, 1);
        let python = out.find("side-by-side-python").unwrap();
        let rust = out.find("side-by-side-rust").unwrap();
        let excerpt = out.find("<!-- excerpt:").unwrap();
        assert!(python < out.find("print(1)").unwrap());
        assert!(out.find("```output").unwrap() < rust && rust < out.find("The Rust:").unwrap());
        assert!(out.find("The Rust:").unwrap() < excerpt);
        assert!(!out.contains(OPEN) && !out.contains(CLOSE));
        assert!(out.ends_with("</div>\n</div>\nafter\n"));
        // A blank line after each <div> line, so that what follows is read as Markdown.
        assert!(out.contains("1\n```\n\n</div>\n<div class=\"side-by-side-rust\">\n\n\nThe Rust:"));
    }

    #[test]
    fn a_group_without_a_rust_block_is_an_error_naming_its_line() {
        let text = "x\n<!-- side-by-side -->\n```python\n1\n```\n<!-- /side-by-side -->\n";
        let (line, message) = wrap(text).unwrap_err();
        assert_eq!(line, 2);
        assert!(message.contains("python (or pycon) block, then a rust block"));
    }

    #[test]
    fn a_pycon_transcript_pairs_with_rust_too() {
        let text = "<!-- side-by-side -->\n```pycon\n>>> 1\n1\n```\n```rust\n1\n```\n<!-- /side-by-side -->\n";
        let (out, count) = wrap(text).unwrap();
        assert_eq!(count, 1);
        assert!(out.find("```pycon").unwrap() < out.find("side-by-side-rust").unwrap());
    }

    #[test]
    fn rust_before_python_is_not_a_pair() {
        let text =
            "<!-- side-by-side -->\n```rust\n1\n```\n```pycon\n>>> 1\n```\n<!-- /side-by-side -->";
        assert!(wrap(text).is_err());
    }

    #[test]
    fn unbalanced_markers_are_errors() {
        assert_eq!(wrap("<!-- side-by-side -->\ntext\n").unwrap_err().0, 1);
        assert_eq!(wrap("a\n<!-- /side-by-side -->\n").unwrap_err().0, 2);
    }

    #[test]
    fn a_marker_inside_a_fence_is_text_of_the_fence() {
        let text = "````markdown\n<!-- side-by-side -->\n````\n";
        assert_eq!(wrap(text).unwrap(), (text.to_string(), 0));
    }
}
