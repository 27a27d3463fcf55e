//! The line diff a mismatch report shows: every line numbered by its place in the page (or
//! the source), `-` for a page line the other side lacks, `+` for a line of the other side
//! the page lacks, and a few unchanged lines around each change, the rest elided as `  ...`.
//!
//! Outputs ([`crate::pattern`]) and excerpts ([`crate::kind::excerpt`]) each align the two
//! sides their own way, wildcards or elisions, and render the result here, so that every
//! report reads alike.

/// One line of a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line<'a> {
    /// A line both sides have, at this page line.
    Same(usize, &'a str),
    /// A page line, at this line, that the other side lacks.
    Missing(usize, &'a str),
    /// A line the page lacks, at this line of its own source if it has one.
    Extra(Option<usize>, &'a str),
}

impl Line<'_> {
    fn is_change(&self) -> bool {
        !matches!(self, Line::Same(..))
    }

    fn render(&self) -> String {
        match self {
            Line::Same(number, text) => format!("  {number:>4} | {text}"),
            Line::Missing(number, text) => format!("- {number:>4} | {text}"),
            Line::Extra(number, text) => {
                let number = number.map_or(String::new(), |n| n.to_string());
                format!("+ {number:>4} | {text}")
            }
        }
    }
}

/// The diff of `lines`, keeping up to `context` unchanged lines on each side of a change.
pub fn render(lines: &[Line<'_>], context: usize) -> String {
    let near_change = |index: usize| {
        let low = index.saturating_sub(context);
        let high = (index + context).min(lines.len().saturating_sub(1));
        lines[low..=high].iter().any(Line::is_change)
    };
    let mut out = String::new();
    let mut skipped = false;
    for (index, line) in lines.iter().enumerate() {
        if near_change(index) {
            if skipped {
                out.push_str("  ...\n");
                skipped = false;
            }
            out.push_str(&line.render());
            out.push('\n');
        } else {
            skipped = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_keep_their_context_and_the_rest_is_elided() {
        let lines = [
            Line::Same(1, "a"),
            Line::Same(2, "b"),
            Line::Same(3, "c"),
            Line::Missing(4, "d"),
            Line::Extra(None, "D"),
            Line::Extra(Some(9), "e"),
            Line::Same(5, "f"),
        ];
        assert_eq!(
            render(&lines, 1),
            "  ...\n     3 | c\n-    4 | d\n+      | D\n+    9 | e\n     5 | f\n"
        );
    }
}
