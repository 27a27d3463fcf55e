//! Whether a process group has ended: every member gone, or a zombie its parent has yet to
//! reap.
//!
//! A demo or a block may start helpers that end on their own once it has: CPython's
//! `multiprocessing` starts a resource tracker (with `spawn` and `forkserver`) and a fork
//! server (with `forkserver`, the default on Linux from 3.14), and each exits when it reads
//! end-of-file on the pipe from the program that started it. They are given a moment to do
//! so before what is left of the group counts as left behind. A zombie has ended; only its
//! parent (here often `init`, which may be slow to reap) can remove it, so it is not waited for.

use std::fs;
use std::thread;
use std::time::{Duration, Instant};

use nix::unistd::Pid;

/// How long the rest of a group may take to end after the program that led it.
pub(super) const GROUP_ENDS_WITHIN: Duration = Duration::from_secs(2);

/// Waits up to `within` for every process of `group` to end; `true` if they all did.
pub(super) fn ends_within(group: Pid, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    loop {
        if !any_running(group) {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        thread::sleep(Duration::from_millis(10));
    }
}

/// Whether a process of `group` is still running (alive and not a zombie), from `/proc`.
fn any_running(group: Pid) -> bool {
    let Ok(entries) = fs::read_dir("/proc") else {
        // No `/proc` to read: say running, and the caller kills the group as before.
        return true;
    };
    entries
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().parse::<u32>().is_ok())
        .filter_map(|entry| fs::read_to_string(entry.path().join("stat")).ok())
        .filter_map(|stat| state_and_group(&stat))
        .any(|(state, pgrp)| pgrp == group.as_raw() && state != 'Z')
}

/// The state letter and the process group in `/proc/PID/stat`: the fields right after the
/// command name, which is in parentheses and may itself hold spaces and parentheses.
fn state_and_group(stat: &str) -> Option<(char, i32)> {
    let (_, after_name) = stat.rsplit_once(')')?;
    let mut fields = after_name.split_whitespace();
    let state = fields.next()?.chars().next()?;
    let _parent = fields.next()?;
    let pgrp = fields.next()?.parse().ok()?;
    Some((state, pgrp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_and_group_follow_the_last_parenthesis() {
        let stat = "4242 (a (b) c) Z 1 4240 4240 0 -1 4194560";
        assert_eq!(state_and_group(stat), Some(('Z', 4240)));
        assert_eq!(state_and_group("garbage"), None);
    }

    #[test]
    fn a_group_with_a_running_member_has_not_ended() {
        let own = nix::unistd::getpgrp();
        assert!(!ends_within(own, Duration::from_millis(20)));
    }
}
