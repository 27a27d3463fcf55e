//! The lines a bench prints for `cargo xtask bench` (the crate docs list them) as one type,
//! [`Line`], written by its `Display` and read by its `FromStr`; [`Side`], everything one
//! side's lines add up to; and a bench's steps, announced before they run so the runner can
//! say how many are left.
//!
//! Only `bench` lines are required. A bench that prints nothing else (the original protocol)
//! still gives its figures, with no runs and no progress; a `runs` line for an id that has no
//! `bench` line, or a malformed line, becomes a note for the reader rather than an error, so a
//! bench can grow without breaking the runner. The Python side (`measure.py`) prints the same
//! lines: a test runs it and reads its output with [`Line`].

use std::fmt;
use std::str::FromStr;

use crate::timing::{Figure, Outcome};

/// One line of the protocol.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// `plan<TAB>step<TAB>step...`: the steps the bench will run.
    Plan(Vec<String>),
    /// `step<TAB>name`: a step starts.
    Step(String),
    /// `bench<TAB>id<TAB>value<TAB>unit<TAB>label`: a figure, the median of its runs.
    Bench {
        /// The key shared by the Rust and the Python bench.
        id: String,
        /// The figure.
        value: f64,
        /// `x` (a speedup), `ns`, `us`, `ms`, `s`, or a count such as `faults`.
        unit: String,
        /// What was measured, for the reader.
        label: String,
    },
    /// `runs<TAB>id<TAB>run<TAB>run...`: the runs of the figure with this id, in its unit.
    Runs {
        /// The figure's id.
        id: String,
        /// Its runs.
        runs: Vec<f64>,
    },
}

/// Numbers are written with six decimals, on both sides.
struct Number(f64);

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.6}", self.0)
    }
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Line::Plan(steps) => {
                f.write_str("plan")?;
                steps.iter().try_for_each(|step| write!(f, "\t{step}"))
            }
            Line::Step(name) => write!(f, "step\t{name}"),
            Line::Bench {
                id,
                value,
                unit,
                label,
            } => write!(f, "bench\t{id}\t{}\t{unit}\t{label}", Number(*value)),
            Line::Runs { id, runs } => {
                write!(f, "runs\t{id}")?;
                runs.iter()
                    .try_for_each(|run| write!(f, "\t{}", Number(*run)))
            }
        }
    }
}

/// Why a line of a bench's output is not a [`Line`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotALine {
    /// It is not one of the protocol's lines at all: a note for the reader.
    Note,
    /// It starts as one (`bench`, `runs`) but a figure is not a number.
    NotANumber(&'static str),
}

impl fmt::Display for NotALine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotALine::Note => f.write_str("not a line of the bench protocol"),
            NotALine::NotANumber(kind) => write!(f, "not a number in a {kind} line"),
        }
    }
}

impl std::error::Error for NotALine {}

impl FromStr for Line {
    type Err = NotALine;

    fn from_str(text: &str) -> Result<Line, NotALine> {
        let owned = |fields: &[&str]| fields.iter().map(|s| s.to_string()).collect();
        let fields: Vec<&str> = text.split('\t').collect();
        Ok(match fields.as_slice() {
            ["plan", steps @ ..] => Line::Plan(owned(steps)),
            ["step", name] => Line::Step(name.to_string()),
            ["bench", id, value, unit, label] => Line::Bench {
                id: id.to_string(),
                value: value.parse().map_err(|_| NotALine::NotANumber("bench"))?,
                unit: unit.to_string(),
                label: label.to_string(),
            },
            ["runs", id, runs @ ..] => Line::Runs {
                id: id.to_string(),
                runs: runs
                    .iter()
                    .map(|run| run.parse())
                    .collect::<Result<_, _>>()
                    .map_err(|_| NotALine::NotANumber("runs"))?,
            },
            _ => return Err(NotALine::Note),
        })
    }
}

/// One measured figure, its `bench` line and its `runs` line together.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    /// The key shared by the Rust and the Python bench.
    pub id: String,
    /// The figure: the median of its runs.
    pub value: f64,
    /// `x` (a speedup), `ns`, `us`, `ms`, `s`, or a count such as `faults`.
    pub unit: String,
    /// What was measured, for the reader.
    pub label: String,
    /// The runs the figure is the median of, in its unit (empty if the bench did not say).
    pub runs: Vec<f64>,
}

/// Everything one side (the Rust or the Python bench of a topic) reported.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Side {
    /// The steps it announced (every bench binary's or script's plan, in turn).
    pub plan: Vec<String>,
    /// The steps it started, in order.
    pub steps: Vec<String>,
    /// Its figures, in the order printed, each with its runs.
    pub measurements: Vec<Measurement>,
    /// The lines it printed for the reader.
    pub notes: Vec<String>,
}

impl Side {
    /// Takes in one line of output; returns the step it starts, if it starts one.
    pub fn take(&mut self, text: &str) -> Option<&str> {
        match text.parse() {
            // `cargo bench` runs each bench binary of a package in turn: one plan each.
            Ok(Line::Plan(steps)) => self.plan.extend(steps),
            Ok(Line::Step(name)) => {
                self.steps.push(name);
                return self.steps.last().map(String::as_str);
            }
            Ok(Line::Bench {
                id,
                value,
                unit,
                label,
            }) => self.measurements.push(Measurement {
                id,
                value,
                unit,
                label,
                runs: Vec::new(),
            }),
            Ok(Line::Runs { id, runs }) => {
                match self.measurements.iter_mut().rev().find(|m| m.id == id) {
                    Some(measurement) => measurement.runs = runs,
                    None => self
                        .notes
                        .push(format!("(runs of an unknown figure) {text}")),
                }
            }
            Err(NotALine::Note) => self.notes.push(text.to_string()),
            Err(error) => self.notes.push(format!("({error}) {text}")),
        }
        None
    }

    /// A whole output at once.
    pub fn parse(output: &str) -> Side {
        let mut side = Side::default();
        for text in output.lines() {
            side.take(text);
        }
        side
    }

    /// The planned steps that never started (a bench that stopped early, or a plan that
    /// names a step it does not have).
    pub fn steps_missing(&self) -> Vec<&str> {
        self.plan
            .iter()
            .filter(|step| !self.steps.contains(step))
            .map(String::as_str)
            .collect()
    }
}

/// One step of a bench: a name for the progress display, and the code that measures and
/// reports one or more figures.
pub struct Step {
    /// What the progress display shows while the step runs (usually its first figure's id).
    pub name: &'static str,
    /// Measures and [`report`]s.
    pub run: fn() -> Outcome,
}

/// Announces `steps` (a `plan` line), then runs each after its `step` line; stops at the first
/// that fails.
pub fn run_steps(steps: &[Step]) -> Outcome {
    let names = steps.iter().map(|step| step.name.to_string()).collect();
    println!("{}", Line::Plan(names));
    for step in steps {
        println!("{}", Line::Step(step.name.to_string()));
        (step.run)()?;
    }
    Ok(())
}

/// Prints a figure as a `bench` line (its median) and a `runs` line (every run), in `unit`.
pub fn report(id: &str, figure: &Figure, unit: &str, label: &str) {
    let (id, unit, label) = (id.to_string(), unit.to_string(), label.to_string());
    let runs = figure.runs.clone();
    let value = figure.value;
    println!(
        "{}",
        Line::Bench {
            id: id.clone(),
            value,
            unit,
            label
        }
    );
    println!("{}", Line::Runs { id, runs });
}

#[cfg(test)]
#[path = "protocol/tests.rs"]
mod tests;
