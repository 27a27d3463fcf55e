//! The entry point every topic's demo binary shares.
//!
//! A demo is a list of *sections*, each showing one claim of the Python notes. The docs
//! under `docs/` document the output of each section on its own
//! (`cargo xtask demo defaults mutable-default`), so every claim sits next to the output
//! that proves it; running a demo with no section runs them all, each under a header.
//!
//! ```no_run
//! use demo::{Demo, Section};
//!
//! fn hello() -> demo::Result {
//!     println!("hello");
//!     Ok(())
//! }
//!
//! fn main() -> std::process::ExitCode {
//!     demo::main(&Demo {
//!         topic: "example",
//!         sections: &[Section { name: "hello", title: "Says hello", run: hello }],
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
#![forbid(unsafe_code)]

#[cfg(any(target_os = "linux", target_os = "android"))]
pub mod affinity;
pub mod process_end;

use std::process::ExitCode;

/// Prints an expression as written and the `Debug` of its value, like a REPL line:
/// `demo::show!(1 + 1)` prints `1 + 1 => 2`.
#[macro_export]
macro_rules! show {
    ($e:expr) => {
        println!("{} => {:?}", stringify!($e), $e)
    };
}

/// Prints a statement as written, then runs it: `demo::run!(a.x += 1)` prints `a.x += 1;`.
#[macro_export]
macro_rules! run {
    ($($statement:tt)*) => {
        println!("{};", stringify!($($statement)*));
        $($statement)*;
    };
}

/// What a section returns: `Err` ends the demo with status 1 and the error printed.
pub type Result = std::result::Result<(), Box<dyn std::error::Error>>;

/// One claim of the notes, shown by running code.
#[derive(Clone, Copy, Debug)]
pub struct Section {
    /// The name used on the command line and in the docs, in kebab-case.
    pub name: &'static str,
    /// A one-line title, printed in the header when all sections run.
    pub title: &'static str,
    /// Prints the section's output to stdout (and logs to stderr where that is the point).
    pub run: fn() -> Result,
}

/// A topic's demo: its name and its sections, in the order a reader meets them.
#[derive(Clone, Copy, Debug)]
pub struct Demo<'a> {
    /// The topic's name, as `cargo xtask demo <topic>` spells it.
    pub topic: &'a str,
    /// The sections, in reading order.
    pub sections: &'a [Section],
}

/// Runs the demo as the process arguments ask; the demo binary's `main` returns this.
pub fn main(demo: &Demo<'_>) -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match run(demo, &args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Section(message)) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Why a demo run did not succeed: the caller's mistake, or a section's.
#[derive(Debug, PartialEq, Eq)]
enum Failure {
    Usage(String),
    Section(String),
}

fn run(demo: &Demo<'_>, args: &[&str]) -> std::result::Result<(), Failure> {
    match args {
        [] => {
            for (i, section) in demo.sections.iter().enumerate() {
                if i > 0 {
                    println!();
                }
                println!("== {} {}: {} ==", demo.topic, section.name, section.title);
                run_section(demo, section)?;
            }
            Ok(())
        }
        ["--list"] => {
            for section in demo.sections {
                println!("{}", section.name);
            }
            Ok(())
        }
        [name] => {
            let section = find(demo, name)?;
            run_section(demo, section)
        }
        _ => Err(Failure::Usage(format!(
            "usage: {} [SECTION | --list]; sections: {}",
            demo.topic,
            names(demo)
        ))),
    }
}

fn find<'d>(demo: &'d Demo<'_>, name: &str) -> std::result::Result<&'d Section, Failure> {
    demo.sections
        .iter()
        .find(|section| section.name == name)
        .ok_or_else(|| {
            Failure::Usage(format!(
                "`{}` has no section `{name}`; its sections are: {}",
                demo.topic,
                names(demo)
            ))
        })
}

fn run_section(demo: &Demo<'_>, section: &Section) -> std::result::Result<(), Failure> {
    (section.run)()
        .map_err(|error| Failure::Section(format!("{} {}: {error}", demo.topic, section.name)))
}

fn names(demo: &Demo<'_>) -> String {
    let names: Vec<&str> = demo.sections.iter().map(|section| section.name).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok() -> Result {
        Ok(())
    }

    fn broken() -> Result {
        Err("the claim did not hold".into())
    }

    /// Set by the section after the broken one: running all must never get that far.
    static AFTER_RAN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

    fn after() -> Result {
        AFTER_RAN.store(true, std::sync::atomic::Ordering::SeqCst);
        Err("a later failure".into())
    }

    const DEMO: Demo<'static> = Demo {
        topic: "example",
        sections: &[
            Section {
                name: "ok",
                title: "Works",
                run: ok,
            },
            Section {
                name: "broken",
                title: "Fails",
                run: broken,
            },
            Section {
                name: "after",
                title: "Comes after the failure",
                run: after,
            },
        ],
    };

    #[test]
    fn an_unknown_section_is_a_usage_error_that_lists_the_sections() {
        let failure = run(&DEMO, &["nope"]).unwrap_err();
        assert_eq!(
            failure,
            Failure::Usage(
                "`example` has no section `nope`; its sections are: ok, broken, after".into()
            )
        );
    }

    #[test]
    fn a_failing_section_names_itself() {
        let failure = run(&DEMO, &["broken"]).unwrap_err();
        assert_eq!(
            failure,
            Failure::Section("example broken: the claim did not hold".into())
        );
    }

    #[test]
    fn running_all_sections_stops_at_the_first_failure() {
        // The only test that runs every section, so nothing else sets the flag.
        assert_eq!(
            run(&DEMO, &[]),
            Err(Failure::Section(
                "example broken: the claim did not hold".into()
            ))
        );
        assert!(!AFTER_RAN.load(std::sync::atomic::Ordering::SeqCst));
        assert_eq!(run(&DEMO, &["ok"]), Ok(()));
    }

    #[test]
    fn extra_arguments_are_a_usage_error() {
        assert!(matches!(
            run(&DEMO, &["ok", "more"]),
            Err(Failure::Usage(_))
        ));
    }
}
