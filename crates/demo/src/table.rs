//! Aligned text columns: the one layout helper every table of the demos (and the bench
//! report of `cargo xtask bench`) shares.
//!
//! Widths count characters (`char`s), not bytes, so a cell such as `"é"` takes one column.
//! No table here holds wide characters (CJK, emoji), which would need Unicode widths.

/// Where a cell sits in its column: text reads best left-aligned, figures right-aligned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Padded on the right (the last column of a row is not padded at all).
    Left,
    /// Padded on the left, so that the ends of figures line up.
    Right,
}

/// Lays `rows` out in left-aligned columns: every cell but the last is padded to its
/// column's widest cell, cells are joined by `gap`, and trailing spaces are trimmed.
///
/// ```
/// let lines = demo::table::columns(&[["a", "b", "c"], ["long", "x", "y"]], "  ");
/// assert_eq!(lines, ["a     b  c", "long  x  y"]);
/// ```
pub fn columns<const N: usize, S: AsRef<str>>(rows: &[[S; N]], gap: &str) -> Vec<String> {
    aligned(rows, gap, [Align::Left; N])
}

/// Lays `rows` out as [`columns`] does, each column aligned as `align` says.
///
/// ```
/// use demo::table::{Align, aligned};
///
/// let lines = aligned(&[["pool", "1.94x"], ["gil", "12.0x"], ["io", "0.5x"]], " ", [Align::Left, Align::Right]);
/// assert_eq!(lines, ["pool 1.94x", "gil  12.0x", "io    0.5x"]);
/// ```
pub fn aligned<const N: usize, S: AsRef<str>>(
    rows: &[[S; N]],
    gap: &str,
    align: [Align; N],
) -> Vec<String> {
    let widths = widths(rows);
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                let cell = cell.as_ref();
                if i > 0 {
                    line.push_str(gap);
                }
                let padding = std::iter::repeat_n(' ', widths[i] - cell.chars().count());
                match align[i] {
                    Align::Right => {
                        line.extend(padding);
                        line.push_str(cell);
                    }
                    Align::Left => {
                        line.push_str(cell);
                        if i + 1 < N {
                            line.extend(padding);
                        }
                    }
                }
            }
            line.trim_end().to_owned()
        })
        .collect()
}

/// The width of each column: its widest cell, in characters.
///
/// ```
/// assert_eq!(demo::table::widths(&[["a", "bb"], ["ccc", ""]]), [3, 2]);
/// ```
pub fn widths<const N: usize, S: AsRef<str>>(rows: &[[S; N]]) -> [usize; N] {
    let mut widths = [0; N];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.as_ref().chars().count());
        }
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_column_is_not_padded_and_empty_input_gives_nothing() {
        assert_eq!(
            columns(&[["x", ""], ["yy", "z"]], " | "),
            ["x  |", "yy | z"]
        );
        assert!(columns::<2, &str>(&[], " ").is_empty());
    }

    #[test]
    fn widths_count_characters_not_bytes() {
        assert_eq!(columns(&[["é", "1"], ["ab", "2"]], " "), ["é  1", "ab 2"]);
        assert_eq!(
            aligned(&[["é", "x"], ["abc", "y"]], " ", [Align::Right; 2]),
            ["  é x", "abc y"]
        );
    }

    #[test]
    fn a_right_aligned_last_column_is_padded_on_the_left() {
        assert_eq!(
            aligned(
                &[["a", "1"], ["b", "100"]],
                " ",
                [Align::Left, Align::Right]
            ),
            ["a   1", "b 100"]
        );
    }
}
