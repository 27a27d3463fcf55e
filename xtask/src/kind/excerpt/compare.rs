//! Compares an excerpt on a page with its region, line for line, where a page line `// ...`
//! stands for one or more region lines left out; and diffs and blesses it.
//!
//! As in [`crate::pattern`], one alignment serves all three: the cheapest edit script, where a
//! line equal to its region line (trailing whitespace aside) costs nothing, an elision swallows
//! one or more region lines for free, and every page line left out or region line added costs
//! one. This is not [`crate::pattern`]'s matcher: Rust code is full of `[..]`, which must stay
//! text here.

use crate::diff;

/// The page line that stands for skipped region lines.
pub const ELISION: &str = "// ...";

fn is_elision(line: &str) -> bool {
    line.trim() == ELISION
}

/// One step of the alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Page line `.0` is region line `.1`.
    Same(usize, usize),
    /// The elision at page line `.0` swallows region line `.1`.
    Elided(usize, usize),
    /// Page line `.0` is not in the region.
    Missing(usize),
    /// Region line `.0` is not on the page.
    Extra(usize),
}

type Cost = (usize, usize);
const EDIT: Cost = (1, 0);
const SWALLOW: Cost = (0, 1);
const NEVER: Cost = (usize::MAX / 2, 0);

fn add(a: Cost, b: Cost) -> Cost {
    (a.0 + b.0, a.1 + b.1)
}

/// The cheapest alignment, and whether it costs nothing (the excerpt is right).
fn align(page: &[String], region: &[String]) -> (bool, Vec<Step>) {
    let (n, m) = (page.len(), region.len());
    // cost[i][j]: the cheapest alignment of page[i..] with region[j..]; more[i][j]: the same
    // once the elision at page[i] has swallowed a line already, so it may stop or go on.
    let mut cost = vec![vec![(0, 0); m + 1]; n + 1];
    let mut more = vec![vec![NEVER; m + 1]; n + 1];
    let same = |i: usize, j: usize| page[i].trim_end() == region[j].trim_end();
    for i in (0..=n).rev() {
        for j in (0..=m).rev() {
            if i == n {
                cost[i][j] = (m - j, 0);
                continue;
            }
            let mut best = add(EDIT, cost[i + 1][j]);
            if j < m {
                best = best.min(add(EDIT, cost[i][j + 1]));
                if is_elision(&page[i]) {
                    more[i][j] = cost[i + 1][j].min(add(SWALLOW, more[i][j + 1]));
                    best = best.min(add(SWALLOW, more[i][j + 1]));
                } else if same(i, j) {
                    best = best.min(cost[i + 1][j + 1]);
                }
            } else if is_elision(&page[i]) {
                more[i][j] = cost[i + 1][j];
            }
            cost[i][j] = best;
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j, mut eliding) = (0, 0, false);
    while i < n || j < m {
        if i == n {
            steps.push(Step::Extra(j));
            j += 1;
        } else if eliding {
            if more[i][j] == cost[i + 1][j] {
                (i, eliding) = (i + 1, false);
            } else {
                steps.push(Step::Elided(i, j));
                j += 1;
            }
        } else if j < m && is_elision(&page[i]) && cost[i][j] == add(SWALLOW, more[i][j + 1]) {
            steps.push(Step::Elided(i, j));
            (j, eliding) = (j + 1, true);
        } else if j < m && !is_elision(&page[i]) && same(i, j) && cost[i][j] == cost[i + 1][j + 1] {
            steps.push(Step::Same(i, j));
            (i, j) = (i + 1, j + 1);
        } else if cost[i][j] == add(EDIT, cost[i + 1][j]) {
            steps.push(Step::Missing(i));
            i += 1;
        } else {
            steps.push(Step::Extra(j));
            j += 1;
        }
    }
    (cost[0][0].0 == 0, steps)
}

/// Whether the page's excerpt equals the region, elisions aside.
pub fn matches(page: &[String], region: &[String]) -> bool {
    align(page, region).0
}

/// A line diff (see [`diff`]): `-` page lines not in the region (numbered by their page line, from
/// `page_line`), `+` region lines not on the page (numbered by their source line), and up to
/// three unchanged lines around each change.
pub fn diff(
    page: &[String],
    region: &[String],
    page_line: usize,
    source_lines: &[usize],
) -> String {
    let (_, steps) = align(page, region);
    let lines: Vec<diff::Line<'_>> = steps
        .iter()
        .filter_map(|step| match *step {
            Step::Same(i, _) => Some(diff::Line::Same(page_line + i, &page[i])),
            // An elision is shown once, however many lines it swallowed.
            Step::Elided(i, j) if j == 0 || !steps.contains(&Step::Elided(i, j - 1)) => {
                Some(diff::Line::Same(page_line + i, &page[i]))
            }
            Step::Elided(..) => None,
            Step::Missing(i) => Some(diff::Line::Missing(page_line + i, &page[i])),
            Step::Extra(j) => Some(diff::Line::Extra(Some(source_lines[j]), &region[j])),
        })
        .collect();
    diff::render(&lines, 3)
}

/// The excerpt rewritten from the region, keeping every elision that still stands for
/// lines.
pub fn bless(page: &[String], region: &[String]) -> Vec<String> {
    let (_, steps) = align(page, region);
    let mut blessed = Vec::new();
    let mut last_elision = None;
    for step in steps {
        match step {
            Step::Same(i, _) => blessed.push(page[i].clone()),
            Step::Elided(i, _) if last_elision != Some(i) => {
                last_elision = Some(i);
                blessed.push(page[i].clone());
            }
            Step::Extra(j) => blessed.push(region[j].clone()),
            Step::Elided(..) | Step::Missing(_) => {}
        }
    }
    blessed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(String::from).collect()
    }

    #[test]
    fn an_elision_stands_for_one_or_more_lines_in_order() {
        let region = lines("fn f() {\n    a();\n    b();\n}");
        assert!(matches(&lines("fn f() {\n    // ...\n}"), &region));
        assert!(matches(
            &lines("fn f() {\n    a();\n    // ...\n}"),
            &region
        ));
        assert!(
            !matches(
                &lines("fn f() {\n    a();\n    b();\n    // ...\n}"),
                &region
            ),
            "an elision skips at least one line"
        );
        assert!(!matches(&lines("fn f() {\n    b();\n    a();\n}"), &region));
        assert!(
            matches(&lines("fn f() {   \n    // ...\n}"), &region),
            "trailing spaces aside"
        );
    }

    #[test]
    fn brackets_are_text_not_wildcards() {
        assert!(!matches(
            &lines("let s = &b[..];"),
            &lines("let s = &b[1..];")
        ));
    }

    #[test]
    fn a_changed_line_is_diffed_with_its_page_and_source_lines() {
        let page = lines("a\nb\nc");
        let region = lines("a\nB\nc");
        assert_eq!(
            diff(&page, &region, 10, &[20, 21, 22]),
            "    10 | a\n-   11 | b\n+   21 | B\n    12 | c\n"
        );
    }

    #[test]
    fn bless_keeps_the_elisions_that_still_stand_for_lines() {
        let page = lines("fn f(a: u8) {\n    x();\n    // ...\n}\n// ...");
        let region = lines("fn f(a: u16) {\n    x();\n    a();\n    b();\n}");
        let blessed = bless(&page, &region);
        assert_eq!(blessed, lines("fn f(a: u16) {\n    x();\n    // ...\n}"));
        assert!(matches(&blessed, &region));
        // As with `...` in outputs, an elision swallows what changed beside it for free.
        let swallowed = bless(&lines("a\n// ...\nold"), &lines("a\nb\nnew"));
        assert_eq!(swallowed, lines("a\n// ..."));
    }

    #[test]
    fn blessed_excerpts_always_match_their_region() {
        let mut rng = fastrand::Rng::with_seed(11);
        let vocabulary = ["a", "b", "c", "// ..."];
        for _ in 0..2000 {
            let page: Vec<String> = (0..rng.usize(0..6))
                .map(|_| vocabulary[rng.usize(..vocabulary.len())].to_string())
                .collect();
            let region: Vec<String> = (0..rng.usize(0..6))
                .map(|_| ["a", "b", "c"][rng.usize(..3)].to_string())
                .collect();
            let blessed = bless(&page, &region);
            assert!(
                matches(&blessed, &region),
                "{page:?} {region:?} -> {blessed:?}"
            );
            if matches(&page, &region) {
                assert_eq!(blessed, page, "a matching excerpt is left as it is");
            }
        }
    }
}
