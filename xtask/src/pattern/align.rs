//! The one alignment of a block's expected lines (wildcards included) with the actual ones,
//! that matching, diffing and blessing all read.

use super::line::{is_any_lines, line_matches};

/// One step of the alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// Expected line `.0` matches actual line `.1`.
    Same(usize, usize),
    /// The `...` at expected line `.0` swallows actual line `.1`.
    Elided(usize, usize),
    /// The `...` at expected line `.0` is there, whatever it swallowed.
    Wildcard(usize),
    /// Expected line `.0` is not in the output.
    Missing(usize),
    /// Actual line `.0` is not in the expected lines.
    Extra(usize),
}

/// The cheapest alignment of `expected` with `actual`, and its cost (0: they match).
///
/// Among alignments with the fewest edits, the one whose `...` lines swallow the fewest
/// lines wins, so that a line which can match text does.
pub(super) fn align(expected: &[String], actual: &[String]) -> (usize, Vec<Step>) {
    const EDIT: (usize, usize) = (1, 0);
    const SWALLOW: (usize, usize) = (0, 1);
    let add = |a: (usize, usize), b: (usize, usize)| (a.0 + b.0, a.1 + b.1);
    let (n, m) = (expected.len(), actual.len());
    // cost[i][j]: the cheapest way to align expected[i..] with actual[j..], as
    // (edits, lines swallowed by `...`), compared in that order.
    let mut cost = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    for i in (0..=n).rev() {
        for j in (0..=m).rev() {
            cost[i][j] = if i == n {
                (m - j, 0)
            } else if is_any_lines(&expected[i]) {
                let swallow = if j < m {
                    add(SWALLOW, cost[i][j + 1])
                } else {
                    (usize::MAX, 0)
                };
                cost[i + 1][j].min(swallow)
            } else {
                let mut best = add(EDIT, cost[i + 1][j]);
                if j < m {
                    best = best.min(add(EDIT, cost[i][j + 1]));
                    if line_matches(&expected[i], &actual[j]) {
                        best = best.min(cost[i + 1][j + 1]);
                    }
                }
                best
            };
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i == n {
            steps.push(Step::Extra(j));
            j += 1;
        } else if is_any_lines(&expected[i]) {
            if j < m && cost[i][j] == add(SWALLOW, cost[i][j + 1]) {
                steps.push(Step::Elided(i, j));
                j += 1;
            } else {
                steps.push(Step::Wildcard(i));
                i += 1;
            }
        } else if j < m
            && line_matches(&expected[i], &actual[j])
            && cost[i][j] == cost[i + 1][j + 1]
        {
            steps.push(Step::Same(i, j));
            (i, j) = (i + 1, j + 1);
        } else if cost[i][j] == add(EDIT, cost[i + 1][j]) {
            // Missing before extra: a diff reads best with `-` lines above their `+` lines.
            steps.push(Step::Missing(i));
            i += 1;
        } else {
            steps.push(Step::Extra(j));
            j += 1;
        }
    }
    (cost[0][0].0, steps)
}
