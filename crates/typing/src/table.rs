//! Aligned text columns, for the demo's tables: one helper instead of one per table.

/// Lays `rows` out in aligned columns: every cell but the last is padded to its column's
/// widest cell, cells are joined by `gap`, and trailing spaces are trimmed.
///
/// ```
/// let lines = typing::table::columns(&[["a", "b", "c"], ["long", "x", "y"]], "  ");
/// assert_eq!(lines, ["a     b  c", "long  x  y"]);
/// ```
pub fn columns<const N: usize>(rows: &[[&str; N]], gap: &str) -> Vec<String> {
    let mut widths = [0; N];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (i, (cell, width)) in row.iter().zip(widths).enumerate() {
                if i > 0 {
                    line.push_str(gap);
                }
                line.push_str(cell);
                if i + 1 < N {
                    let padding = width - cell.chars().count();
                    line.extend(std::iter::repeat_n(' ', padding));
                }
            }
            line.trim_end().to_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::columns;

    #[test]
    fn the_last_column_is_not_padded_and_empty_input_gives_nothing() {
        assert_eq!(
            columns(&[["x", ""], ["yy", "z"]], " | "),
            ["x  |", "yy | z"]
        );
        assert!(columns::<2>(&[], " ").is_empty());
    }

    #[test]
    fn widths_count_characters_not_bytes() {
        assert_eq!(columns(&[["é", "1"], ["ab", "2"]], " "), ["é  1", "ab 2"]);
    }
}
