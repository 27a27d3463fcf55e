//! A region of a source file, as mdBook marks it: the lines between `// ANCHOR: name` and
//! `// ANCHOR_END: name` (each alone on its line, at any indentation), without the anchor
//! lines of this region or of any other, dedented by the smallest indentation of its
//! non-blank lines, trailing whitespace dropped. Without a name, the whole file, anchor lines
//! left out.

/// One anchor line: its 1-based line, whether it ends a region, and the region's name.
struct Anchor<'a> {
    line: usize,
    end: bool,
    name: &'a str,
}

fn anchor(line: &str) -> Option<(bool, &str)> {
    let rest = line.trim().strip_prefix("//")?.trim_start();
    if let Some(name) = rest.strip_prefix("ANCHOR_END:") {
        Some((true, name.trim()))
    } else {
        rest.strip_prefix("ANCHOR:")
            .map(|name| (false, name.trim()))
    }
}

/// Whether a region name is one the spec allows: `[a-z0-9_-]+`.
pub fn is_region_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// A region's lines, each with its 1-based line in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// The lines, dedented, without trailing whitespace.
    pub lines: Vec<String>,
    /// The source line of each.
    pub numbers: Vec<usize>,
}

/// Why a region could not be taken from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionError {
    /// No region of that name; the names the file has.
    Missing(Vec<String>),
    /// An anchor at this 1-based line is wrong, and how.
    Malformed(usize, String),
}

/// The region `name` of a file's text, or the whole file.
pub fn extract(text: &str, name: Option<&str>) -> Result<Region, RegionError> {
    let lines: Vec<&str> = text.lines().collect();
    let anchors = anchors(&lines)?;
    let range = match name {
        None => 1..lines.len() + 1,
        Some(name) => {
            let start = anchors.iter().find(|a| !a.end && a.name == name);
            let end = anchors.iter().find(|a| a.end && a.name == name);
            match (start, end) {
                (Some(start), Some(end)) => start.line + 1..end.line,
                _ => {
                    let names = anchors
                        .iter()
                        .filter(|a| !a.end)
                        .map(|a| a.name.to_string());
                    return Err(RegionError::Missing(names.collect()));
                }
            }
        }
    };
    let kept: Vec<(usize, &str)> = range
        .filter(|number| anchor(lines[number - 1]).is_none())
        .map(|number| (number, lines[number - 1].trim_end()))
        .collect();
    let indent = kept
        .iter()
        .filter(|(_, line)| !line.is_empty())
        .map(|(_, line)| line.len() - line.trim_start().len())
        .min()
        .unwrap_or(0);
    Ok(Region {
        lines: kept
            .iter()
            .map(|(_, line)| line.get(indent..).unwrap_or_default().to_string())
            .collect(),
        numbers: kept.iter().map(|(number, _)| *number).collect(),
    })
}

/// Every anchor of a file, checked: names well formed, each region opened once and closed
/// once after it.
fn anchors<'a>(lines: &[&'a str]) -> Result<Vec<Anchor<'a>>, RegionError> {
    let mut anchors: Vec<Anchor<'a>> = Vec::new();
    for (index, text) in lines.iter().enumerate() {
        let Some((end, name)) = anchor(text) else {
            continue;
        };
        let line = index + 1;
        let malformed = |message: String| Err(RegionError::Malformed(line, message));
        if !is_region_name(name) {
            return malformed(format!(
                "`{name}` is not a region name: use lower-case letters, digits, `_` and `-`"
            ));
        }
        let opened = anchors.iter().find(|a| !a.end && a.name == name);
        let closed = anchors.iter().any(|a| a.end && a.name == name);
        match (end, opened, closed) {
            (false, Some(first), _) => {
                return malformed(format!(
                    "region `{name}` is opened again (first at line {}): names are unique in a file",
                    first.line
                ));
            }
            (true, None, _) => {
                return malformed(format!("`ANCHOR_END: {name}` closes a region never opened"));
            }
            (true, Some(_), true) => {
                return malformed(format!("region `{name}` is closed twice"));
            }
            _ => anchors.push(Anchor { line, end, name }),
        }
    }
    if let Some(open) = anchors
        .iter()
        .find(|a| !a.end && !anchors.iter().any(|b| b.end && b.name == a.name))
    {
        return Err(RegionError::Malformed(
            open.line,
            format!(
                "region `{}` is never closed: end it with `// ANCHOR_END: {}`",
                open.name, open.name
            ),
        ));
    }
    Ok(anchors)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "use x;\n\n// ANCHOR: outer\nfn f() {\n    // ANCHOR: inner\n    let a = 1;   \n\n    // ANCHOR_END: inner\n}\n// ANCHOR_END: outer\n";

    #[test]
    fn a_region_is_its_lines_without_any_anchor_dedented() {
        let inner = extract(SOURCE, Some("inner")).unwrap();
        assert_eq!(inner.lines, vec!["let a = 1;", ""]);
        assert_eq!(inner.numbers, vec![6, 7]);
        let outer = extract(SOURCE, Some("outer")).unwrap();
        assert_eq!(outer.lines, vec!["fn f() {", "    let a = 1;", "", "}"]);
    }

    #[test]
    fn without_a_name_the_region_is_the_whole_file_without_anchors() {
        let whole = extract(SOURCE, None).unwrap();
        assert_eq!(whole.lines.len(), 6);
        assert_eq!(whole.lines[0], "use x;");
        assert_eq!(whole.numbers[2], 4);
    }

    #[test]
    fn a_missing_region_lists_the_regions_there_are() {
        assert_eq!(
            extract(SOURCE, Some("gone")),
            Err(RegionError::Missing(vec!["outer".into(), "inner".into()]))
        );
    }

    #[test]
    fn malformed_anchors_are_errors_at_their_line() {
        let cases = [
            ("// ANCHOR: a\n", 1, "never closed"),
            ("// ANCHOR_END: a\n", 1, "never opened"),
            ("// ANCHOR: a\n// ANCHOR: a\n", 2, "opened again"),
            (
                "// ANCHOR: a\n// ANCHOR_END: a\n// ANCHOR_END: a\n",
                3,
                "closed twice",
            ),
            ("// ANCHOR: Big\n", 1, "not a region name"),
        ];
        for (text, line, words) in cases {
            match extract(text, None) {
                Err(RegionError::Malformed(at, message)) => {
                    assert_eq!(at, line, "{text}");
                    assert!(message.contains(words), "{text}: {message}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }
}
