//! How many CPUs? Four answers, and the one a pool should use.
//!
//! - `os.cpu_count()`: every CPU the system has online. CPython asks
//!   `sysconf(_SC_NPROCESSORS_ONLN)`; so does [`online`].
//! - `len(os.sched_getaffinity(0))` (and `os.process_cpu_count()` since Python 3.13): the CPUs
//!   this process is *allowed* to run on, which `taskset`, a container or a job scheduler
//!   may restrict; [`affinity`] reads the same mask with nix's `sched_getaffinity` (through
//!   `os::affinity`, which the concurrency demo pins threads with too).
//! - `num_cpus::get()` and `std::thread::available_parallelism()`: the affinity mask, further
//!   reduced by a cgroup CPU quota. Two differences: a fractional quota is rounded up by
//!   `num_cpus` and down by the standard library (a container limited to 1.5 CPUs gets 2 and
//!   1); and where there is a quota, `num_cpus` computes its answer once and caches it, so it
//!   no longer follows later changes of the mask, while the standard library asks again at
//!   every call.
//! - `num_cpus::get_physical()`: physical cores, hyper-threads not counted.
//!
//! A pool should be sized by what the process may use: `available_parallelism()` (or
//! `num_cpus::get()`). `multiprocessing.Pool()` used `os.cpu_count()` until Python 3.13,
//! which over-subscribes a process restricted to fewer CPUs.
//!
//! The affinity mask belongs to a *thread* (`sched_getaffinity(0)` asks about the calling
//! one), so [`pinned_to_one_cpu`] can show the difference live: pinned, a thread still sees
//! every CPU online but may use one.

// ANCHOR: mask
/// Counts and pins through the Linux affinity calls; chosen by `#[cfg]` at build time.
#[cfg(any(target_os = "linux", target_os = "android"))]
mod mask {
    use super::CpuError;
    use nix::unistd::{SysconfVar, sysconf};

    pub(super) fn online() -> Result<usize, CpuError> {
        match sysconf(SysconfVar::_NPROCESSORS_ONLN) {
            Ok(Some(n)) if n > 0 => usize::try_from(n).map_err(|e| CpuError(e.to_string())),
            Ok(_) => Err(CpuError(
                "sysconf(_SC_NPROCESSORS_ONLN) gave no count".into(),
            )),
            Err(errno) => Err(CpuError(format!("sysconf(_SC_NPROCESSORS_ONLN): {errno}"))),
        }
    }

    /// The CPUs in the calling thread's mask, read by the workspace's one affinity module
    /// (the concurrency demo pins threads with it too).
    fn cpus() -> Result<Vec<usize>, CpuError> {
        os::affinity::usable_cores().map_err(CpuError::from)
    }

    pub(super) fn count() -> Result<usize, CpuError> {
        cpus().map(|cpus| cpus.len())
    }

    pub(super) fn first() -> Result<usize, CpuError> {
        cpus()?
            .first()
            .copied()
            .ok_or_else(|| CpuError("the affinity mask is empty".into()))
    }

    pub(super) fn pin_calling_thread(cpu: usize) -> Result<(), CpuError> {
        os::affinity::pin_calling_thread(cpu).map_err(CpuError::from)
    }
}
// ANCHOR_END: mask

/// Elsewhere: macOS has no affinity mask, and FreeBSD's `cpuset` is not wired up here.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
mod mask {
    use super::CpuError;

    /// `num_cpus` reads the system's count where there is no mask to subtract.
    pub(super) fn online() -> Result<usize, CpuError> {
        Ok(num_cpus::get())
    }

    /// No mask: every CPU online may be used.
    pub(super) fn count() -> Result<usize, CpuError> {
        online()
    }

    pub(super) fn first() -> Result<usize, CpuError> {
        Err(CpuError(
            "this crate reads no affinity mask on this target".into(),
        ))
    }

    pub(super) fn pin_calling_thread(_cpu: usize) -> Result<(), CpuError> {
        first().map(drop)
    }
}

/// Every count, read at one moment from the calling thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CpuCounts {
    /// `sysconf(_SC_NPROCESSORS_ONLN)`: Python's `os.cpu_count()`.
    pub online: usize,
    /// CPUs in the calling thread's affinity mask: `len(os.sched_getaffinity(0))`.
    pub affinity: usize,
    /// `num_cpus::get()`: affinity, then any cgroup quota.
    pub num_cpus: usize,
    /// `std::thread::available_parallelism()`: the standard library's answer, same idea.
    pub available_parallelism: usize,
    /// `num_cpus::get_physical()`: physical cores.
    pub physical: usize,
}

/// Why a count could not be read.
#[derive(Debug)]
pub struct CpuError(String);

impl std::fmt::Display for CpuError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CpuError {}

#[cfg(any(target_os = "linux", target_os = "android"))]
impl From<os::affinity::AffinityError> for CpuError {
    fn from(error: os::affinity::AffinityError) -> Self {
        CpuError(error.to_string())
    }
}

/// `os.cpu_count()`: the CPUs online in the whole system.
pub fn online() -> Result<usize, CpuError> {
    mask::online()
}

/// `len(os.sched_getaffinity(0))`: the CPUs the calling thread may run on.
pub fn affinity() -> Result<usize, CpuError> {
    mask::count()
}

impl CpuCounts {
    /// Reads every count from the calling thread.
    ///
    /// ```
    /// let counts = platform::cpus::CpuCounts::read()?;
    /// assert!(counts.affinity <= counts.online);
    /// assert!(counts.num_cpus <= counts.affinity);
    /// # Ok::<(), platform::cpus::CpuError>(())
    /// ```
    pub fn read() -> Result<CpuCounts, CpuError> {
        Ok(CpuCounts {
            online: online()?,
            affinity: affinity()?,
            num_cpus: num_cpus::get(),
            available_parallelism: std::thread::available_parallelism()
                .map_err(|e| CpuError(format!("available_parallelism: {e}")))?
                .get(),
            physical: num_cpus::get_physical(),
        })
    }

    /// The size a worker pool should have: what this thread may actually use.
    pub fn pool_size(&self) -> usize {
        self.available_parallelism
    }
}

// ANCHOR: pinned
/// Reads the counts in a new thread pinned to the first CPU of this thread's mask, as
/// `taskset -c 0` would do to a whole process. Linux and Android only: elsewhere an error.
///
/// ```
/// # if cfg!(target_os = "linux") {
/// let pinned = platform::cpus::pinned_to_one_cpu()?;
/// assert_eq!((pinned.affinity, pinned.pool_size()), (1, 1));
/// # }
/// # Ok::<(), platform::cpus::CpuError>(())
/// ```
pub fn pinned_to_one_cpu() -> Result<CpuCounts, CpuError> {
    let first = mask::first()?;
    std::thread::spawn(move || {
        mask::pin_calling_thread(first)?;
        CpuCounts::read()
    })
    .join()
    .map_err(|_| CpuError("the pinned thread panicked".into()))?
}
// ANCHOR_END: pinned

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counts_nest() {
        let counts = CpuCounts::read().unwrap();
        assert!(counts.online >= 1);
        assert!(counts.affinity <= counts.online);
        assert!(counts.available_parallelism <= counts.affinity);
        assert!(counts.physical >= 1);
        assert_eq!(counts.pool_size(), counts.available_parallelism);
    }

    #[test]
    #[cfg(any(target_os = "linux", target_os = "android"))]
    fn pinning_changes_what_the_thread_may_use_but_not_what_is_online() {
        let before = CpuCounts::read().unwrap();
        let pinned = pinned_to_one_cpu().unwrap();
        assert_eq!(pinned.online, before.online);
        assert_eq!((pinned.affinity, pinned.available_parallelism), (1, 1));
        // num_cpus follows the mask too, unless a cgroup quota made it cache its first answer.
        assert!(pinned.num_cpus <= before.num_cpus);
        // The pin stayed in its thread.
        assert_eq!(CpuCounts::read().unwrap().affinity, before.affinity);
    }
}
