//! Rewrites some lines of a page and leaves the rest byte for byte, for `bless`.
//!
//! A page keeps its line endings (CRLF included) and its last line's newline, or lack of one.
//! Edits are applied from the bottom of the page up, so the line numbers of the ones above
//! stay valid.

/// A change to a page: `len` lines from the 0-based line `start` become `lines`, indented by
/// `indent` spaces as their fence is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The first line replaced (0-based), or where the new lines go if `len` is 0.
    pub start: usize,
    /// How many lines are replaced.
    pub len: usize,
    /// The new lines, without the indentation.
    pub lines: Vec<String>,
    /// The spaces each new line (but an empty one) is indented by.
    pub indent: usize,
}

/// A page's lines, each with its own ending. The lines are numbered as [`str::lines`]
/// numbers them, like the page reader.
pub struct Lines {
    lines: Vec<String>,
    /// The ending for new lines: the page's first one, else `\n`.
    newline: &'static str,
}

impl Lines {
    /// The lines of a page's text.
    pub fn of(text: &str) -> Lines {
        Lines {
            lines: text.split_inclusive('\n').map(String::from).collect(),
            newline: match text.find('\n') {
                Some(at) if text[..at].ends_with('\r') => "\r\n",
                _ => "\n",
            },
        }
    }

    /// Applies `edits`, which must not overlap, bottom-up.
    pub fn apply(&mut self, mut edits: Vec<Edit>) {
        edits.sort_by_key(|edit| std::cmp::Reverse(edit.start));
        for edit in edits {
            self.replace(edit);
        }
    }

    /// Applies one edit. The replaced lines are a block's, so a line of the page (its
    /// closing fence) follows them; an insertion may come last, after a final line that
    /// lacks its newline, which then gets one.
    fn replace(&mut self, edit: Edit) {
        let newline = self.newline;
        if edit.start == self.lines.len()
            && let Some(last) = self.lines.last_mut().filter(|last| !last.ends_with('\n'))
        {
            last.push_str(newline);
        }
        let new = edit.lines.into_iter().map(|line| {
            let indent = if line.is_empty() { 0 } else { edit.indent };
            format!("{:indent$}{line}{newline}", "")
        });
        self.lines.splice(edit.start..edit.start + edit.len, new);
    }

    /// The page's text.
    pub fn text(&self) -> String {
        self.lines.concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, len: usize, lines: &[&str], indent: usize) -> Edit {
        Edit {
            start,
            len,
            lines: lines.iter().map(|line| line.to_string()).collect(),
            indent,
        }
    }

    #[test]
    fn only_the_replaced_lines_change() {
        let mut page = Lines::of("a\n```console\n$ x\nold\n```\nlast, no newline");
        page.apply(vec![edit(3, 1, &["new", "two"], 0)]);
        assert_eq!(
            page.text(),
            "a\n```console\n$ x\nnew\ntwo\n```\nlast, no newline"
        );
    }

    #[test]
    fn a_crlf_page_stays_crlf() {
        let mut page = Lines::of("```console\r\n$ x\r\n```\r\n");
        page.apply(vec![edit(2, 0, &["out"], 0)]);
        assert_eq!(page.text(), "```console\r\n$ x\r\nout\r\n```\r\n");
    }

    #[test]
    fn the_lines_of_an_indented_fence_are_indented_like_it() {
        let mut page = Lines::of("- item\n\n  ```console\n  $ x\n  old\n  ```\n");
        page.apply(vec![edit(4, 1, &["a", "", "b"], 2)]);
        assert_eq!(
            page.text(),
            "- item\n\n  ```console\n  $ x\n  a\n\n  b\n  ```\n"
        );
    }

    #[test]
    fn edits_apply_bottom_up_so_each_keeps_its_line_numbers() {
        let mut page = Lines::of("0\n1\n2\n3\n");
        page.apply(vec![edit(1, 1, &["one", "uno"], 0), edit(3, 0, &["x"], 0)]);
        assert_eq!(page.text(), "0\none\nuno\n2\nx\n3\n");
    }

    #[test]
    fn an_insertion_after_a_last_line_without_newline_gives_it_one() {
        let mut page = Lines::of("```python\npass\n```");
        page.apply(vec![edit(3, 0, &["", "```output", "x", "```"], 0)]);
        assert_eq!(page.text(), "```python\npass\n```\n\n```output\nx\n```\n");
    }
}
