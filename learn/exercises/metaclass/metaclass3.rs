// metaclass3: fix the compile error: two methods of the same name, and no MRO to pick one.
//
// Page: docs/metaclass.md#rust-inherent-methods-first-and-ambiguity-is-an-error-not-an-order
//
// In Python, `class Report(Csv, Json)` inherits `render` from `Csv`, the first in the MRO.
// Rust has no order among traits: where two give a type the same method, a call must name
// the trait. Done when it compiles and prints both renderings, CSV first.

trait Csv {
    fn render(&self) -> String {
        "a,1".to_owned()
    }
}

trait Json {
    fn render(&self) -> String {
        r#"{"a": 1}"#.to_owned()
    }
}

struct Report;

impl Csv for Report {}
impl Json for Report {}

fn main() {
    let report = Report;
    // TODO: say which `render` each line means.
    println!("{}", report.render());
    // error[E0034]: multiple applicable items in scope
    println!("{}", report.render());
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECTED: &str = r#"
a,1
{"a": 1}
"#;

    #[test]
    fn prints_both_renderings() {
        learn_check::prints(main, EXPECTED);
    }
}
