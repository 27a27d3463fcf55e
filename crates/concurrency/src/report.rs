//! How every demo section prints a duration, so that all read alike (verdicts are
//! [`demo::yes_no`], shared with the other demos).

use std::time::Duration;

/// A duration in whole milliseconds: `"123 ms"`.
pub(crate) fn ms(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1e3)
}
