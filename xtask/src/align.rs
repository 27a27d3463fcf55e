//! The one alignment that every check of a block against its source reads: a page's lines
//! against the actual ones (a demo's output, an excerpt's region), where some page lines are
//! gaps (`...` in an output, `// ...` in an excerpt) that stand for a run of actual lines.
//!
//! It is the cheapest edit script: a page line that matches its actual line costs nothing, a
//! gap swallows actual lines for free, and every page line left out or actual line added
//! costs one edit. Among scripts with the fewest edits, the one whose gaps swallow the fewest
//! lines wins, so that a line which can match text does. The script matches when it costs
//! nothing; otherwise it *is* the diff, and applied to the page's lines it is the blessed
//! block, which keeps every gap that still stands for something. What a line matches, and
//! whether a gap may stand for no line at all, is the caller's.

/// One step of the alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Page line `.0` matches actual line `.1`.
    Same(usize, usize),
    /// The gap at page line `.0` swallows actual line `.1`.
    Elided(usize, usize),
    /// The gap at page line `.0` ends here, having swallowed what the `Elided` steps before
    /// it say (if any).
    Gap(usize),
    /// Page line `.0` is not in the actual lines.
    Missing(usize),
    /// Actual line `.0` is not on the page.
    Extra(usize),
}

/// What a gap stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gaps {
    /// Any number of lines, none included (`...` in an output); of two cheapest alignments,
    /// the one where a gap swallows the next line.
    AnyLines,
    /// One line or more (`// ...` in an excerpt, which stands for something left out); of two
    /// cheapest alignments, the one where a gap ends.
    SomeLines,
}

/// How the page's lines are matched against the actual ones. (The ties were each kind's own
/// before the two shared this code; they are kept so that no blessed block changes.)
pub trait Rules {
    /// What a gap stands for.
    const GAPS: Gaps;
    /// Whether page line `i` is a gap.
    fn is_gap(&self, i: usize) -> bool;
    /// Whether page line `i`, not a gap, matches actual line `j`.
    fn same(&self, i: usize, j: usize) -> bool;
}

/// A cost: (edits, lines swallowed by gaps), compared in that order.
type Cost = (usize, usize);
const EDIT: Cost = (1, 0);
const SWALLOW: Cost = (0, 1);
/// Dearer than any real alignment, and still safe to add to.
const NEVER: Cost = (usize::MAX / 2, 0);

fn add(a: Cost, b: Cost) -> Cost {
    (a.0 + b.0, a.1 + b.1)
}

/// The cheapest alignment of `n` page lines with `m` actual lines, and its number of edits
/// (0: they match).
pub fn align<R: Rules>(rules: &R, n: usize, m: usize) -> (usize, Vec<Step>) {
    // cost[i][j]: the cheapest alignment of page[i..] with actual[j..]; more[i][j]: the same
    // once the gap at page[i] has swallowed enough lines already, so it may end or go on.
    let mut cost = vec![vec![(0, 0); m + 1]; n + 1];
    let mut more = vec![vec![NEVER; m + 1]; n + 1];
    for i in (0..=n).rev() {
        for j in (0..=m).rev() {
            if i == n {
                cost[i][j] = (m - j, 0);
                continue;
            }
            let mut best = add(EDIT, cost[i + 1][j]);
            if j < m {
                best = best.min(add(EDIT, cost[i][j + 1]));
            }
            if rules.is_gap(i) {
                more[i][j] = cost[i + 1][j];
                if j < m {
                    more[i][j] = more[i][j].min(add(SWALLOW, more[i][j + 1]));
                    best = best.min(add(SWALLOW, more[i][j + 1]));
                }
                if R::GAPS == Gaps::AnyLines {
                    best = best.min(more[i][j]);
                }
            } else if j < m && rules.same(i, j) {
                best = best.min(cost[i + 1][j + 1]);
            }
            cost[i][j] = best;
        }
    }
    let mut steps = Vec::new();
    // Whether the gap at page[i] has swallowed enough lines to end.
    let mut may_end = false;
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        let gap = i < n && rules.is_gap(i);
        if i == n {
            steps.push(Step::Extra(j));
            j += 1;
        } else if gap && (may_end || R::GAPS == Gaps::AnyLines) {
            // Where a gap may be empty, its cheapest alignment is always `more`: leaving it
            // out or adding a line before it costs an edit, swallowing is free.
            let ends = more[i][j] == cost[i + 1][j];
            let swallows = j < m && more[i][j] == add(SWALLOW, more[i][j + 1]);
            let swallow = match R::GAPS {
                Gaps::AnyLines => swallows,
                Gaps::SomeLines => !ends,
            };
            if swallow {
                steps.push(Step::Elided(i, j));
                (j, may_end) = (j + 1, true);
            } else {
                steps.push(Step::Gap(i));
                (i, may_end) = (i + 1, false);
            }
        } else if gap && j < m && cost[i][j] == add(SWALLOW, more[i][j + 1]) {
            steps.push(Step::Elided(i, j));
            (j, may_end) = (j + 1, true);
        } else if j < m && !gap && rules.same(i, j) && cost[i][j] == cost[i + 1][j + 1] {
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
