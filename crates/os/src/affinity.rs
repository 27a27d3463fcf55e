//! The calling thread's CPU affinity: which cores it may run on, and pinning it to one.
//!
//! Two topics stage their claims with it, so it lives here rather than in either topic crate:
//! concurrency makes any machine "a computer with a single CPU core" for a while (the notes:
//! "the OS would be switching between the two threads"), and platform shows that a thread
//! pinned to one core still sees every CPU online. Linux and Android only (`#[cfg]` in
//! `lib.rs`): platform says what it does elsewhere.
//!
//! [`pinned_to_one_core`] restricts the calling thread's affinity mask (`sched_setaffinity`)
//! to one core *before* the work starts threads, which inherit the mask, and restores the old
//! mask afterwards. Python has the same call, `os.sched_setaffinity(0, {core})`. The core
//! comes from the current mask ([`usable_cores`]): a container's cpuset may forbid core 0,
//! and asking for a core outside the mask fails with `EINVAL`.

use std::fmt;

use nix::errno::Errno;
use nix::sched::{CpuSet, sched_getaffinity, sched_setaffinity};
use nix::unistd::Pid;

/// A failed affinity call, saying which one and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AffinityError {
    /// What was being attempted, in words.
    pub action: String,
    /// The error the kernel returned.
    pub errno: Errno,
}

impl fmt::Display for AffinityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not {}: {}", self.action, self.errno)
    }
}

impl std::error::Error for AffinityError {}

fn the_calling_thread() -> Pid {
    // Pid 0 means "the calling thread" to sched_{get,set}affinity.
    Pid::from_raw(0)
}

/// The cores the calling thread may run on, in increasing order.
///
/// ```
/// use os::affinity::usable_cores;
///
/// let cores = usable_cores()?;
/// assert!(!cores.is_empty());
/// # Ok::<(), os::affinity::AffinityError>(())
/// ```
///
/// # Errors
///
/// [`AffinityError`] if the mask cannot be read.
pub fn usable_cores() -> Result<Vec<usize>, AffinityError> {
    let mask = current_mask()?;
    Ok((0..CpuSet::count())
        .filter(|&core| mask.is_set(core).unwrap_or(false))
        .collect())
}

fn current_mask() -> Result<CpuSet, AffinityError> {
    sched_getaffinity(the_calling_thread()).map_err(|errno| AffinityError {
        action: "read this thread's CPU affinity (sched_getaffinity)".to_owned(),
        errno,
    })
}

fn set_mask(mask: &CpuSet, what: &str) -> Result<(), AffinityError> {
    sched_setaffinity(the_calling_thread(), mask).map_err(|errno| AffinityError {
        action: format!("{what} (sched_setaffinity)"),
        errno,
    })
}

/// Pins the calling thread to `core` for the rest of its life (threads it starts after
/// inherit the mask); [`pinned_to_one_core`] gives the old mask back afterwards.
///
/// # Errors
///
/// [`AffinityError`] if `core` cannot be named in a CPU set or the mask cannot be set
/// (`core` outside the current mask is `EINVAL`).
pub fn pin_calling_thread(core: usize) -> Result<(), AffinityError> {
    let mut one = CpuSet::new();
    one.set(core).map_err(|errno| AffinityError {
        action: format!("name core {core} in a CPU set of {} cores", CpuSet::count()),
        errno,
    })?;
    set_mask(&one, &format!("pin this thread to core {core}"))
}

/// Runs `work` with the calling thread pinned to `core`, then restores the previous mask.
///
/// Threads that `work` starts inherit the one-core mask, so they take turns on that core
/// however many cores the machine has. The mask is restored even if `work` panics.
///
/// ```
/// use os::affinity::{pinned_to_one_core, usable_cores};
///
/// let core = usable_cores()?[0];
/// let seen = pinned_to_one_core(core, || std::thread::spawn(usable_cores).join().unwrap())?;
/// assert_eq!(seen?, vec![core]); // the spawned thread inherited the mask
/// assert!(usable_cores()?.contains(&core)); // and the old mask is back
/// # Ok::<(), os::affinity::AffinityError>(())
/// ```
///
/// # Errors
///
/// [`AffinityError`] if the mask cannot be read or set (`core` outside the current mask is
/// `EINVAL`), or the old mask cannot be restored.
pub fn pinned_to_one_core<R>(core: usize, work: impl FnOnce() -> R) -> Result<R, AffinityError> {
    let previous = current_mask()?;
    pin_calling_thread(core)?;
    let restore = Restore {
        previous: Some(previous),
    };
    let result = work();
    restore.now()?;
    Ok(result)
}

/// Puts the previous mask back: explicitly (to report failure) or on unwind.
struct Restore {
    previous: Option<CpuSet>,
}

impl Restore {
    fn now(mut self) -> Result<(), AffinityError> {
        match self.previous.take() {
            Some(previous) => set_mask(&previous, "restore this thread's CPU affinity"),
            None => Ok(()),
        }
    }
}

impl Drop for Restore {
    fn drop(&mut self) {
        if let Some(previous) = self.previous.take() {
            // Only reached while unwinding from a panic in `work`; there is no caller to
            // report a failure to, and the panic is the error that matters.
            let _ = set_mask(&previous, "restore this thread's CPU affinity");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinning_narrows_the_mask_for_new_threads_and_restores_it() {
        let before = usable_cores().unwrap();
        let core = *before.last().unwrap();
        let (inside, child) = pinned_to_one_core(core, || {
            (
                usable_cores().unwrap(),
                std::thread::spawn(usable_cores).join().unwrap().unwrap(),
            )
        })
        .unwrap();
        assert_eq!(inside, vec![core]);
        assert_eq!(child, vec![core]);
        assert_eq!(usable_cores().unwrap(), before);
    }

    #[test]
    fn a_core_outside_the_set_is_an_error_and_changes_nothing() {
        let before = usable_cores().unwrap();
        let error = pinned_to_one_core(CpuSet::count(), || ()).unwrap_err();
        assert_eq!(error.errno, Errno::EINVAL);
        assert!(
            error.to_string().starts_with("could not name core"),
            "{error}"
        );
        assert_eq!(usable_cores().unwrap(), before);
    }

    #[test]
    fn the_mask_is_restored_after_a_panic() {
        let before = usable_cores().unwrap();
        let core = before[0];
        let outcome = std::panic::catch_unwind(|| pinned_to_one_core(core, || panic!("boom")));
        assert!(outcome.is_err());
        assert_eq!(usable_cores().unwrap(), before);
    }
}
