//! The only `unsafe` of the crate: `fork`, `_exit` and a shared-memory page.
//!
//! Everything that needs `unsafe` to talk to the kernel sits in this file, each block with the
//! argument for why it is sound, so the rest of the module can be read without it.

use std::io::Write as _;
use std::num::NonZeroUsize;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr::NonNull;
use std::sync::atomic::AtomicUsize;

use nix::sys::mman::{MapFlags, ProtFlags, mmap_anonymous, munmap};
use nix::unistd::{ForkResult, Pid};

/// The exit status of a child whose closure let a panic escape (the callers catch their own).
const ESCAPED_PANIC: i32 = 102;

/// Where a call to [`fork_with`] returns: only ever in the parent.
///
/// The child never returns from `fork_with`: it runs the closure and leaves with `_exit`.
pub(crate) fn fork_with(child: impl FnOnce() -> i32) -> nix::Result<Pid> {
    // Output buffered in the parent would otherwise be copied into the child and written
    // twice. Best effort: a closed stdout is no reason not to fork.
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: the hazard of `fork` in a multi-threaded parent is a child with one thread and a
    // copy of memory that other threads may have been halfway through changing. Safe Rust lets
    // them change shared data only under a lock (a `Mutex`, stdout's) or atomically, and a
    // lock copied while held stays held in the child: that data can be waited for forever (a
    // deadlock), not read half-written. The child runs the closure and leaves with `_exit`
    // (below), never returning into the caller's stack, where a borrow or a thread scope would
    // count on threads the child does not have, and never running `atexit` handlers or stdio
    // flushes. The pool's own child side takes no lock: atomics on a shared page, raw
    // `write(2)` on its pipe. (A panic reads the panic hook under std's lock, which a parent
    // thread holds only while replacing the hook.) The closure is the caller's code, under the
    // rule the module docs state: allocating is fine with glibc, whose malloc resets its locks
    // in the child; `println!` while another thread prints is not.
    match unsafe { nix::unistd::fork() }? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            // A panic must not unwind out of here: the child would go on running the
            // parent's code from the caller of `fork` (a test harness, a second `map`...).
            let code = catch_unwind(AssertUnwindSafe(child)).unwrap_or(ESCAPED_PANIC);
            exit_now(code)
        }
    }
}

/// Ends the current (child) process at once with `code`, like C's `_exit`.
///
/// No destructors, no `atexit` handlers, no flush of the stdio buffers inherited from the
/// parent (which `std::process::exit` would write a second time), no lock taken.
pub(crate) fn exit_now(code: i32) -> ! {
    // SAFETY: `_exit` is async-signal-safe and has no preconditions; it is an `unsafe`
    // `extern` function only because every foreign function is.
    unsafe { nix::libc::_exit(code) }
}

/// A page of memory shared by the parent and every child forked after it was made: the
/// task counter workers claim from, and one "current task" slot per worker.
///
/// `MAP_SHARED` is what makes it shared: `fork` copies ordinary memory, but a shared mapping
/// stays one set of physical pages, so an atomic in it is one atomic for all processes.
pub(crate) struct SharedSlots {
    ptr: NonNull<AtomicUsize>,
    len: usize,
}

impl SharedSlots {
    /// Maps `len` atomics, all zero.
    pub(crate) fn new(len: usize) -> nix::Result<Self> {
        let len = len.max(1);
        let bytes =
            NonZeroUsize::new(len * size_of::<AtomicUsize>()).ok_or(nix::errno::Errno::EINVAL)?;
        // SAFETY: an anonymous mapping at an address the kernel picks aliases no Rust object;
        // the kernel zero-fills it, and all-zero bytes are a valid `AtomicUsize`. Page
        // alignment satisfies `AtomicUsize`'s alignment.
        let ptr = unsafe {
            mmap_anonymous(
                None,
                bytes,
                ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
                MapFlags::MAP_SHARED,
            )
        }?;
        Ok(Self {
            ptr: ptr.cast(),
            len,
        })
    }

    /// The atomics, as a slice.
    pub(crate) fn slots(&self) -> &[AtomicUsize] {
        // SAFETY: `ptr` points to `len` zero-initialised, aligned `AtomicUsize`s that stay
        // mapped until `drop`, which needs `&mut self`; other processes touch them only
        // through atomic operations too, which is exactly what `AtomicUsize` allows.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl Drop for SharedSlots {
    fn drop(&mut self) {
        // SAFETY: the mapping was made in `new` with this length and no reference into it
        // outlives `self` (`slots` borrows `self`). Children have their own mapping of the
        // same pages, which this does not touch.
        let _ = unsafe { munmap(self.ptr.cast(), self.len * size_of::<AtomicUsize>()) };
    }
}

// SAFETY: the mapping is only reached through `&[AtomicUsize]`, which is `Sync`; the pointer
// is owned like a `Box` is.
unsafe impl Send for SharedSlots {}
// SAFETY: as above: shared access is atomic.
unsafe impl Sync for SharedSlots {}
