//! The command line every demo binary shares, parsed once here: run all sections, one, or
//! list them.

use std::process::ExitCode;

use crate::Section;

/// A topic's demo: its name and its sections, in the order a reader meets them.
#[derive(Clone, Copy, Debug)]
pub struct Demo<'a> {
    /// The topic's name, as `cargo xtask demo <topic>` spells it.
    pub topic: &'a str,
    /// The sections in reading order, as the demo modules declare them: each module's
    /// `SECTIONS`, the modules listed once, in the order of the page.
    pub sections: &'a [&'a [Section]],
}

impl Demo<'_> {
    /// Every section, in reading order.
    fn all(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().flat_map(|module| module.iter())
    }
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
            for (i, section) in demo.all().enumerate() {
                if i > 0 {
                    println!();
                }
                println!("== {} {}: {} ==", demo.topic, section.name, section.title);
                run_section(demo, section)?;
            }
            Ok(())
        }
        ["--list"] => {
            for section in demo.all() {
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
    demo.all()
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
    let names: Vec<&str> = demo.all().map(|section| section.name).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Result;

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
            &[Section {
                name: "ok",
                title: "Works",
                run: ok,
            }],
            &[
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
