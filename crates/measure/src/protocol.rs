//! The lines a bench prints for `cargo xtask bench` (the crate docs list them), and a bench's
//! steps, announced before they run so the runner can say how many are left.

use crate::timing::{Figure, Outcome};

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
    let names: Vec<&str> = steps.iter().map(|step| step.name).collect();
    println!("{}", plan_line(&names));
    for step in steps {
        println!("step\t{}", step.name);
        (step.run)()?;
    }
    Ok(())
}

/// Prints a figure as a `bench` line (its median) and a `runs` line (every run), in `unit`.
pub fn report(id: &str, figure: &Figure, unit: &str, label: &str) {
    println!("{}", bench_line(id, figure.value, unit, label));
    println!("{}", runs_line(id, &figure.runs));
}

fn plan_line(steps: &[&str]) -> String {
    std::iter::once("plan")
        .chain(steps.iter().copied())
        .collect::<Vec<_>>()
        .join("\t")
}

fn bench_line(id: &str, value: f64, unit: &str, label: &str) -> String {
    format!("bench\t{id}\t{value:.6}\t{unit}\t{label}")
}

fn runs_line(id: &str, runs: &[f64]) -> String {
    let runs: Vec<String> = runs.iter().map(|run| format!("{run:.6}")).collect();
    format!("runs\t{id}\t{}", runs.join("\t"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_are_tab_separated_with_the_kind_first() {
        assert_eq!(plan_line(&["a", "b"]), "plan\ta\tb");
        assert_eq!(
            bench_line("pool-cpu-20ms", 1.5, "x", "Pool(2).map"),
            "bench\tpool-cpu-20ms\t1.500000\tx\tPool(2).map"
        );
        assert_eq!(
            runs_line("id", &[1.0, 0.25]),
            "runs\tid\t1.000000\t0.250000"
        );
    }
}
