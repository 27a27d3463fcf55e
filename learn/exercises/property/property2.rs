// property2: fix the compile error: a private field, written from outside its module.
//
// Page: docs/property.md#_x-and-__x-are-conventions-rusts-privacy-is-checked-at-the-module
//
// Python's `a._x = -1` is allowed: `_x` is private by convention only, and the setter that
// checks values is skipped. Rust checks privacy at the module: outside `mod a`, the field `x`
// cannot be read or written, so every change goes through `set_x`. Done when it compiles
// and prints the refused value's message.

mod a {
    pub struct A {
        x: i64,
    }

    impl A {
        pub fn new() -> A {
            A { x: 0 }
        }

        pub fn x(&self) -> i64 {
            self.x
        }

        pub fn set_x(&mut self, value: i64) -> Result<(), String> {
            if value < 0 {
                return Err("Must be >= 0".to_owned());
            }
            self.x = value;
            Ok(())
        }
    }
}

fn main() {
    let mut a = a::A::new();
    // TODO: as in Python, these lines reach into `x` directly; go through the accessors.
    a.x = 5;
    // error[E0616]: field `x` of struct `A` is private
    println!("{}", a.x);
    a.x = -1;
    println!("{}", a.x);
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECTED: &str = r#"
5
refused: Must be >= 0
5
"#;

    #[test]
    fn every_change_goes_through_the_setter() {
        learn_check::prints(main, EXPECTED);
    }
}
