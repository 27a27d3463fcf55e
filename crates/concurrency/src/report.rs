//! How every demo section prints a duration and a verdict, so that all read alike.

use std::time::Duration;

/// A duration in whole milliseconds: `"123 ms"`.
pub(crate) fn ms(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1e3)
}

/// A verdict the section computed: `"yes"` or `"no"`.
pub(crate) fn yes_no(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}
