//! How a section prints a boolean: a verdict in English, or a value in Python's spelling.
//!
//! Two functions because they are two things: [`yes_no`] answers a claim the section checked
//! ("same results, same order: yes"), [`py_bool`] shows a value as Python would print it
//! (`first is second: True`), beside Python code that prints the same.

/// A verdict the section computed: `"yes"` or `"no"`.
///
/// ```
/// assert_eq!(demo::yes_no(1 + 1 == 2), "yes");
/// ```
pub fn yes_no(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}

/// A boolean as Python spells it, `True` or `False` (its `repr` and its `print`).
///
/// ```
/// assert_eq!(demo::py_bool(false), "False");
/// ```
pub fn py_bool(value: bool) -> &'static str {
    if value { "True" } else { "False" }
}
