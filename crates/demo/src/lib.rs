//! The demo layer every topic's demo binary shares: sections, the command line, the hidden
//! child mode, and how verdicts and tables are printed.
//!
//! A demo is a list of *sections*, each showing one claim of the Python notes. The docs
//! under `docs/` document the output of each section on its own
//! (`cargo xtask demo defaults mutable-default`), so every claim sits next to the output
//! that proves it; running a demo with no section runs them all, each under a header.
//!
//! # Declaring sections
//!
//! Every demo declares its sections one way: each demo module (a `demo_*.rs` beside
//! `main.rs`) exports `pub(crate) const SECTIONS: &[Section]`, listed at its top beside the
//! functions they run, and the binary's `main` lists the modules once, in the order of the
//! page. A section's title sits next to its code, where it is written and reviewed, and
//! `main` reads as the table of contents:
//!
//! ```no_run
//! mod demo_hello {
//!     use demo::Section;
//!
//!     pub(crate) const SECTIONS: &[Section] = &[Section {
//!         name: "hello",
//!         title: "Says hello",
//!         run: hello,
//!     }];
//!
//!     fn hello() -> demo::Result {
//!         println!("hello");
//!         Ok(())
//!     }
//! }
//!
//! fn main() -> std::process::ExitCode {
//!     demo::main(&demo::Demo {
//!         topic: "example",
//!         sections: &[demo_hello::SECTIONS],
//!     })
//! }
//! ```
//!
//! The command line, parsed here once for all demos:
//!
//! - `<demo>` runs every section in order, each under a `== topic section: title ==` header;
//! - `<demo> SECTION` runs one section, without a header (this is what the docs check);
//! - `<demo> --list` prints the section names, one a line (the runner reads this to make
//!   sure every section is documented).
//!
//! A section that returns an error makes the demo print `error: ...` and exit with status 1,
//! so a broken claim fails its documented-output check loudly instead of printing less.
//!
//! # Layout
//!
//! - [`section`](mod@section): [`Section`], one claim shown by running code, and the
//!   [`Result`] it returns.
//! - [`command_line`]: [`Demo`] and [`main`], the command line every demo binary shares.
//! - [`child`]: [`Child`], a hidden child mode: the binary started again by its own section.
//! - [`verdict`]: [`yes_no`] for a checked claim, [`py_bool`] for a value in Python's spelling.
//! - [`table`]: aligned text columns, for every table a demo (or the bench report) prints.
//! - [`repl`]: the [`show!`] and [`run!`] macros, REPL-like lines of code and their effect.
#![forbid(unsafe_code)]

pub mod child;
pub mod command_line;
pub mod repl;
pub mod section;
pub mod table;
pub mod verdict;

pub use child::Child;
pub use command_line::{Demo, main};
pub use section::{Result, Section};
pub use verdict::{py_bool, yes_no};
