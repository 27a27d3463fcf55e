//! How a figure is written for a reader, in the terminal's table, the docs page and the
//! charts alike: three significant figures or so, a speedup as `1.93x`.

/// A figure with its unit: `42.1 us`, `0.19 us`, `1234 ms`, `1.93x`.
pub fn format_value(value: f64, unit: &str) -> String {
    // The thresholds are where the rounded figure gains a digit: 99.96 shows as `100`,
    // not `100.0`.
    let decimals = if value >= 99.95 {
        0
    } else if value >= 9.995 {
        1
    } else {
        2
    };
    match unit {
        "x" => format!("{value:.2}x"),
        _ => format!("{value:.decimals$} {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_three_significant_figures_or_so() {
        assert_eq!(format_value(42.123, "us"), "42.1 us");
        assert_eq!(format_value(0.1912, "us"), "0.19 us");
        assert_eq!(format_value(1234.5, "ms"), "1234 ms");
        assert_eq!(format_value(99.96, "us"), "100 us");
        assert_eq!(format_value(9.996, "us"), "10.0 us");
        assert_eq!(format_value(9.994, "us"), "9.99 us");
        assert_eq!(format_value(1.934, "x"), "1.93x");
    }
}
