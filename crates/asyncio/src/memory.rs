//! The resident memory of this process (`VmRSS` in `/proc/self/status`, Linux): how the bench
//! measures what one waiting thread or task costs, as the growth over many of them.

use std::fs;
use std::io;

/// This process's resident set size, in KiB.
///
/// # Errors
///
/// The file cannot be read (not Linux), or has no `VmRSS` line that parses.
pub fn resident_kib() -> io::Result<u64> {
    let status = fs::read_to_string("/proc/self/status")?;
    vm_rss(&status).ok_or_else(|| io::Error::other("no VmRSS line in /proc/self/status"))
}

/// The `VmRSS:   1234 kB` line's number.
fn vm_rss(status: &str) -> Option<u64> {
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vm_rss_line_is_read_in_kib() {
        assert_eq!(
            vm_rss("Name:\tx\nVmRSS:\t    1234 kB\nThreads: 1\n"),
            Some(1234)
        );
        assert_eq!(vm_rss("Name:\tx\n"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_has_some_resident_memory() {
        assert!(resident_kib().unwrap() > 0);
    }
}
