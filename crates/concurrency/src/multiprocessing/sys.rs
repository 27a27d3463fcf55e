//! The only `unsafe` of the crate: `fork`, `_exit`, a shared-memory page, and the signal
//! handler a forked child dies with when its parent does.
//!
//! Everything that needs `unsafe` to talk to the kernel sits in this file, each block with the
//! argument for why it is sound, so the rest of the module can be read without it.

use std::io::Write as _;
use std::num::NonZeroUsize;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr::NonNull;
use std::sync::atomic::AtomicUsize;
#[cfg(any(target_os = "linux", target_os = "android"))]
use std::sync::atomic::{AtomicI32, Ordering};

use nix::sys::mman::{MapFlags, ProtFlags, mmap_anonymous, munmap};
use nix::unistd::{ForkResult, Pid};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The exit status of a child whose closure let a panic escape (the callers catch their own).
const ESCAPED_PANIC: i32 = 102;

/// Where a call to [`fork_with`] returns: only ever in the parent.
///
/// The child never returns from `fork_with`: it runs the closure, writes out what the closure
/// left in stdout's buffer, and leaves with `_exit`. On Linux it also dies when the parent
/// process does (see [`die_with_parent`]).
pub(crate) fn fork_with(child: impl FnOnce() -> i32) -> nix::Result<Pid> {
    let parent = nix::unistd::getpid();
    // Output and the fork. Rust's stdout is a `LineWriter` behind a reentrant lock, stderr is
    // unbuffered behind another. The child must be able to print, and to flush what its task
    // printed before it reports its last result, without ever writing the parent's output a
    // second time. So the parent takes both locks (blocking while another thread is halfway
    // through a `print!`), empties stdout's buffer, and forks *holding them*. At the fork the
    // buffer is empty and no other thread can be inside either lock; the child's copy of each
    // lock is held by the child's only thread (a copy of this one, with the same thread id, so
    // the reentrant lock knows it as its owner), and the child releases it below as the parent
    // does. The child starts with its stdio exactly as a fresh process would: unlocked, empty
    // buffer, so its own output (and only its own) reaches fd 1, once. The order is stdout,
    // then stderr; std takes them one at a time, never one inside the other.
    let mut stdout = std::io::stdout().lock();
    let stderr = std::io::stderr().lock();
    // Best effort: a closed stdout is no reason not to fork.
    let _ = stdout.flush();
    // SAFETY: the hazard of `fork` in a multi-threaded parent is a child with one thread and a
    // copy of memory that other threads may have been halfway through changing. Safe Rust lets
    // them change shared data only under a lock (a `Mutex`, stdout's) or atomically, and a
    // lock copied while held stays held in the child: that data can be waited for forever (a
    // deadlock), not read half-written. Stdout's and stderr's locks are the exception, held
    // by this thread across the fork on purpose (above) and released in the child. The child
    // runs the closure and leaves with `_exit` (below), never returning into the caller's
    // stack, where a borrow or a thread scope would count on threads the child does not have,
    // and never running `atexit` handlers. The pool's own child side takes no other lock:
    // atomics on a shared page, raw `write(2)` on its pipes. (A panic reads the panic hook
    // under std's lock, which a parent thread holds only while replacing the hook.) The closure
    // is the caller's code, under the rule the module docs state: allocating is fine with
    // glibc, whose malloc resets its locks in the child; a `Mutex` another thread holds is not.
    let forked = unsafe { nix::unistd::fork() };
    drop((stdout, stderr));
    match forked? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            die_with_parent(parent);
            // A panic must not unwind out of here: the child would go on running the
            // parent's code from the caller of `fork` (a test harness, a second `map`...).
            let code = catch_unwind(AssertUnwindSafe(child)).unwrap_or(ESCAPED_PANIC);
            flush_output();
            exit_now(code)
        }
    }
}

/// Writes out what this process left in stdout's buffer (stderr has none), ignoring a
/// closed or broken stdout.
///
/// In a child of [`fork_with`] the buffer holds only the child's own output, and the lock is
/// free unless a thread the child itself started holds it.
pub(crate) fn flush_output() {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
}

/// The signal the kernel sends a child of [`fork_with`] when the thread that forked it ends.
///
/// Not `SIGKILL`: Linux sends the parent-death signal when the parent *thread* exits, not the
/// parent process, so a pool started on a short-lived thread would lose its workers with that
/// thread. The handler instead asks whether the process is gone. `SIGPWR` because nothing else
/// uses it on a machine that is not losing power, and its default action is to terminate: a
/// task that resets it errs on the side of not outliving the parent.
#[cfg(any(target_os = "linux", target_os = "android"))]
const PARENT_DEATH: nix::sys::signal::Signal = nix::sys::signal::Signal::SIGPWR;

/// The pid of the process that forked this one (0 in a process that was not forked here).
#[cfg(any(target_os = "linux", target_os = "android"))]
static PARENT: AtomicI32 = AtomicI32::new(0);

/// Runs when the thread that forked us ended: if that was the end of the parent process, so
/// is it of this one.
///
/// When a thread exits, Linux hands its children to another thread of the same process
/// (whose pid, the process's, `getppid` still returns) or, with the last thread, to a
/// subreaper or `init`, and then sends each child its parent-death signal. So `getppid`
/// differs from the pid recorded before the fork exactly when the parent process is gone. A
/// second signal arriving while this runs stays pending and runs it again, so the last
/// hand-over is always seen.
#[cfg(any(target_os = "linux", target_os = "android"))]
extern "C" fn on_parent_death(_: nix::libc::c_int) {
    // Only async-signal-safe calls: `getppid`, an atomic load, `kill`, `_exit`.
    if nix::unistd::getppid().as_raw() != PARENT.load(Ordering::Relaxed) {
        die_now();
    }
}

/// Asks the kernel to tell this (child) process when `parent` dies, and dies then: no worker
/// outlives its parent, whatever killed the parent (`SIGKILL`, a crash, the OOM killer).
///
/// Best effort: if a call fails the child runs on as it did before this existed, an orphan
/// until its work ends. On systems without `PR_SET_PDEATHSIG` that is all there is (a
/// pool's worker then fails its next write to the dead parent's pipe, and exits).
#[cfg(any(target_os = "linux", target_os = "android"))]
fn die_with_parent(parent: Pid) {
    use nix::sys::signal::{SaFlags, SigAction, SigHandler, SigSet, sigaction};
    PARENT.store(parent.as_raw(), Ordering::Relaxed);
    // `SA_RESTART`: a task's blocking call goes on when the forking thread ends.
    let action = SigAction::new(
        SigHandler::Handler(on_parent_death),
        SaFlags::SA_RESTART,
        SigSet::empty(),
    );
    // SAFETY: this process is the child of a fork, with one thread, and has run none of the
    // caller's code yet, so no handler of ours can be running; the handler calls only
    // async-signal-safe functions and touches no state but an atomic, so it is sound whatever
    // it interrupts. It replaces, in the child only, whatever the parent had for `SIGPWR`.
    if unsafe { sigaction(PARENT_DEATH, &action) }.is_ok() {
        // The signal mask is inherited from the forking thread: make sure this one gets in.
        let mut mask = SigSet::empty();
        mask.add(PARENT_DEATH);
        let _ = mask.thread_unblock();
        let _ = nix::sys::prctl::set_pdeathsig(PARENT_DEATH);
    }
    // The parent may have died before the call: then no signal will ever come.
    if nix::unistd::getppid() != parent {
        die_now();
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn die_with_parent(_: Pid) {}

/// Ends this process with `SIGKILL`, as an orphaned worker should: at once, no cleanup.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn die_now() -> ! {
    use nix::sys::signal::Signal::SIGKILL;
    let _ = nix::sys::signal::kill(nix::unistd::getpid(), SIGKILL);
    // Not reached: the signal ends the process on its way out of `kill`. Else: what a shell
    // reports for a command killed by SIGKILL.
    exit_now(128 + SIGKILL as i32)
}

/// Ends the current (child) process at once with `code`, like C's `_exit`.
///
/// No destructors, no `atexit` handlers, no stdio flush, no lock taken. (A child of
/// [`fork_with`] has written its own output before it gets here; `std::process::exit` would
/// also run the parent's `atexit` handlers a second time.)
pub(crate) fn exit_now(code: i32) -> ! {
    // SAFETY: `_exit` is async-signal-safe and has no preconditions; it is an `unsafe`
    // `extern` function only because every foreign function is.
    unsafe { nix::libc::_exit(code) }
}

/// A task of the long-lived pool as it crosses to a worker: the address of `f: fn(T) -> R` and
/// of the code that decodes a `T`, calls `f` and encodes what it returns, for these `T` and `R`.
///
/// Both are addresses of code in this program. A worker is a fork of the parent made when
/// the pool started, so the code it runs lives at the same addresses in it, *provided it was
/// mapped before the fork*: `live::code_map` checks that in the parent before
/// a task is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct TaskAddress {
    call: usize,
    f: usize,
}

/// What the worker calls: `f`'s address, the input's index and bytes, and the frames to
/// append the outcome to.
type ErasedCall = fn(usize, usize, &[u8], &mut Vec<u8>);

impl TaskAddress {
    /// The addresses of `f` and of the `erased::<T, R>` that runs it.
    pub(crate) fn new<T: DeserializeOwned, R: Serialize>(f: fn(T) -> R) -> Self {
        Self {
            call: erased::<T, R> as ErasedCall as usize,
            f: f as usize,
        }
    }

    /// The two code addresses, for the parent's check.
    pub(crate) fn addresses(self) -> [usize; 2] {
        [self.call, self.f]
    }

    /// Runs the task on `input` in a worker, appending its outcome's frame to `out`.
    pub(crate) fn run(self, index: usize, input: &[u8], out: &mut Vec<u8>) {
        // SAFETY: `self.call` is the address of `erased::<T, R>` for some `T` and `R`, taken
        // as an `ErasedCall` in `new`, so transmuting it back gives that function pointer. The
        // pointer is valid in this process: the parent sends a `TaskAddress` only over this
        // worker's own pipe, and only after checking that both addresses lie in code mapped
        // before the worker was forked; a fork maps that code at the same addresses. (The one
        // assumption left: no unsafe code of the program unmapped that code and mapped other
        // code at the same place after the pool started, as `dlclose` and `dlopen` could.)
        let call = unsafe { std::mem::transmute::<usize, ErasedCall>(self.call) };
        call(self.f, index, input, out);
    }
}

/// The `ErasedCall` for one `T` and `R`: turns `f` back into `fn(T) -> R` and runs it.
fn erased<T: DeserializeOwned, R: Serialize>(
    f: usize,
    index: usize,
    input: &[u8],
    out: &mut Vec<u8>,
) {
    // SAFETY: `f` was made from a `fn(T) -> R` in `TaskAddress::new::<T, R>`, together with
    // the address of this very instantiation, so it is a pointer of exactly this type, valid
    // in this process for the reasons given in `TaskAddress::run`.
    let f = unsafe { std::mem::transmute::<usize, fn(T) -> R>(f) };
    super::live::child::run_one(f, index, input, out);
}

/// Atomics in memory shared by the parent and every child forked after it was made (what they
/// mean, and where each one is, is [`Page`](super::page::Page)'s to say).
///
/// `MAP_SHARED` is what makes it shared: `fork` copies ordinary memory, but a shared mapping
/// stays one set of physical pages, so an atomic in it is one atomic for all processes.
pub(crate) struct SharedAtomics {
    ptr: NonNull<AtomicUsize>,
    len: usize,
}

impl SharedAtomics {
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
    pub(crate) fn atomics(&self) -> &[AtomicUsize] {
        // SAFETY: `ptr` points to `len` zero-initialised, aligned `AtomicUsize`s that stay
        // mapped until `drop`, which needs `&mut self`; other processes touch them only
        // through atomic operations too, which is exactly what `AtomicUsize` allows.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl Drop for SharedAtomics {
    fn drop(&mut self) {
        // SAFETY: the mapping was made in `new` with this length and no reference into it
        // outlives `self` (`atomics` borrows `self`). Children have their own mapping of the
        // same pages, which this does not touch.
        let _ = unsafe { munmap(self.ptr.cast(), self.len * size_of::<AtomicUsize>()) };
    }
}

// SAFETY: the mapping is only reached through `&[AtomicUsize]`, which is `Sync`; the pointer
// is owned like a `Box` is.
unsafe impl Send for SharedAtomics {}
// SAFETY: as above: shared access is atomic.
unsafe impl Sync for SharedAtomics {}
