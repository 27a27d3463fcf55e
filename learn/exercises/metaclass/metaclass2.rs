// metaclass2: fix the compile error: an abstract method left out.
//
// Page: docs/metaclass.md#use-2-validation-as-abcmeta-does-it
//
// Python's `ABCMeta` refuses to instantiate a class whose `@abstractmethod`s are not all
// defined, when `Square()` is called. A Rust trait's required method must be written by every
// `impl`, and the compiler says which is missing. Done when it compiles and prints what the
// page's Python prints: `Unit().area()`.

// `perimeter` is there to be implemented, as the page's `Shape` has it; nothing calls it.
#[allow(dead_code)]
trait Shape {
    fn area(&self) -> i64;
    fn perimeter(&self) -> i64;
}

struct Unit;

// TODO: a `Unit` is a square of side 1.
impl Shape for Unit {
    // error[E0046]: not all trait items implemented, missing: `area`
    fn perimeter(&self) -> i64 {
        4
    }
}

fn main() {
    println!("{}", Unit.area());
}

#[cfg(test)]
mod tests {
    use super::*;

    // learn-check: output
    const EXPECTED: &str = r#"
1
"#;

    #[test]
    fn prints_the_area() {
        learn_check::prints(main, EXPECTED);
    }
}
