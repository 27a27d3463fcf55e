//! The `sys` module: platform facts from the running OS, beside their Rust counterparts.
//!
//! The notes:
//!
//! ```python
//! # sys.path
//! sys.platform
//! # 'win32'
//! ```
//!
//! Python's `sys` is a run-time object an interpreter fills in. Rust has no interpreter and
//! no `sys`: what the *compiler* knows (the target OS, pointer width, byte order) is a
//! constant (`std::env::consts`, `cfg!`, `#[cfg]`), and what only the *running machine* knows
//! (kernel release, CPUs, stack limit) is asked of the OS through `std::env`,
//! `std::process` and `nix`. Python's `sys.path` has no counterpart at all: Rust finds its
//! crates at build time.
//!
//! # Layout
//!
//! - [`sys_platform`]: `sys.platform` from `std::env::consts::OS` and the kernel's `uname`.
//! - [`attributes`]: the table: each `sys`/`os`/`platform` attribute, its Rust counterpart
//!   and its live value.
//! - [`search_path`]: why there is no `sys.path`, and the nearest useful things.
//! - [`build_time`]: compile-time (`#[cfg]`, `cfg!`, `consts`) vs run-time (`uname`) facts.
//! - [`cpus`]: `os.cpu_count()` vs `num_cpus` vs the affinity mask, and which a pool wants
//!   (the mask is read and set on Linux and Android; `#[cfg]` picks a fallback elsewhere).
//! - [`exit`]: `sys.exit` (an exception that unwinds) vs `std::process::exit` (it does not).
#![forbid(unsafe_code)]

pub mod attributes;
pub mod build_time;
pub mod cpus;
pub mod exit;
pub mod search_path;
pub mod sys_platform;
