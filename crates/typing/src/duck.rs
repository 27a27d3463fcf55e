//! Duck typing: trait objects do it at run time, generics with bounds do it at compile time.
//!
//! "If it quacks like a duck": Python calls `x.quack()` on whatever `x` is, and finds out
//! when that line runs whether `x` has the method (`AttributeError` if not, after the earlier
//! items of a loop have already quacked). Rust asks the same question, but of the *type*,
//! before the program runs: a value goes where a [`Quack`] is expected only if its type
//! implements the trait.
//!
//! - `&dyn Quack` / `Box<dyn Quack>` (a trait object) is the dynamic half: one collection of
//!   different types, each call looked up at run time through a table of methods (the pointer
//!   carries it, which is why a `&dyn Quack` is two words wide).
//! - `fn f<T: Quack>(x: &T)` (a generic with a bound) is checked duck typing resolved at
//!   compile time: one copy of `f` is compiled per type, and calls are direct.
//!
//! A type that cannot quack is refused where it is put in, not where it is called:
//!
//! ```compile_fail,E0277
//! use typing::duck::{chorus, Duck, Quack};
//! struct Dog;
//! let flock: Vec<Box<dyn Quack>> = vec![Box::new(Duck), Box::new(Dog)]; // error[E0277]: the trait bound `Dog: Quack` is not satisfied
//! chorus(&flock);
//! ```
//!
//! ```compile_fail,E0277
//! use typing::duck::quack_twice;
//! quack_twice(&42); // error[E0277]: the trait bound `{integer}: Quack` is not satisfied
//! ```
//!
//! The generic [`total`] is Python's `sum()` with its requirement written down; Python's
//! `sum(["a", "b"])` fails when run, this fails to compile:
//!
//! ```compile_fail,E0277
//! typing::duck::total(&["a", "b"]); // error[E0277]: a value of type `&str` cannot be made by summing an iterator over elements of type `&str`
//! ```

use std::iter::Sum;

// ANCHOR: dyn_quack
/// Anything that can quack. Duck typing with the duck written down.
pub trait Quack {
    /// The sound this thing makes.
    fn quack(&self) -> String;
}

/// A duck.
#[derive(Clone, Copy, Debug)]
pub struct Duck;

/// A robot that was built to quack.
#[derive(Clone, Debug)]
pub struct Robot {
    /// The robot's model name, which it announces.
    pub model: String,
}

/// A person imitating a duck.
#[derive(Clone, Debug)]
pub struct Person {
    /// Who is quacking.
    pub name: String,
}

impl Quack for Duck {
    fn quack(&self) -> String {
        "Quack!".to_owned()
    }
}

impl Quack for Robot {
    fn quack(&self) -> String {
        format!("{}: QUACK.EXE", self.model)
    }
}

impl Quack for Person {
    fn quack(&self) -> String {
        format!("{} says \"quack\"", self.name)
    }
}

/// Every member of a mixed flock quacks: dynamic dispatch over trait objects.
///
/// ```
/// use typing::duck::{chorus, Duck, Quack, Robot};
/// let flock: Vec<Box<dyn Quack>> = vec![Box::new(Duck), Box::new(Robot { model: "R2".into() })];
/// assert_eq!(chorus(&flock), ["Quack!", "R2: QUACK.EXE"]);
/// ```
pub fn chorus(flock: &[Box<dyn Quack>]) -> Vec<String> {
    flock.iter().map(|member| member.quack()).collect()
}
// ANCHOR_END: dyn_quack

// ANCHOR: bounds
/// Quacks twice: static dispatch, one compiled copy per type `T` it is used with.
///
/// ```
/// use typing::duck::{quack_twice, Duck};
/// assert_eq!(quack_twice(&Duck), "Quack! Quack!");
/// ```
pub fn quack_twice<T: Quack + ?Sized>(x: &T) -> String {
    format!("{0} {0}", x.quack())
}

/// Python's `sum(xs)`, for any `T` that says how to sum itself.
///
/// ```
/// assert_eq!(typing::duck::total(&[1, 2, 3]), 6);
/// assert_eq!(typing::duck::total(&[0.5, 2.0]), 2.5);
/// ```
pub fn total<T: Sum<T> + Copy>(xs: &[T]) -> T {
    xs.iter().copied().sum()
}

/// The largest item, for any `T` that can be ordered: Python's `max()`, without the
/// `TypeError` for `max([1, "a"])` (a `&[T]` holds one type).
///
/// ```
/// assert_eq!(typing::duck::largest(&["pear", "apple"]), Some("pear"));
/// assert_eq!(typing::duck::largest::<u8>(&[]), None);
/// ```
pub fn largest<T: PartialOrd + Copy>(xs: &[T]) -> Option<T> {
    xs.iter().copied().fold(None, |best, x| match best {
        Some(b) if b >= x => Some(b),
        _ => Some(x),
    })
}
// ANCHOR_END: bounds

/// The flock the demo uses.
pub fn flock() -> Vec<Box<dyn Quack>> {
    vec![
        Box::new(Duck),
        Box::new(Robot {
            model: "RoboDuck 3000".to_owned(),
        }),
        Box::new(Person {
            name: "Ada".to_owned(),
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flock_quacks_in_order() {
        assert_eq!(
            chorus(&flock()),
            ["Quack!", "RoboDuck 3000: QUACK.EXE", "Ada says \"quack\""]
        );
    }

    #[test]
    fn a_trait_object_reference_is_two_words_and_a_plain_one_is_one() {
        let word = std::mem::size_of::<usize>();
        assert_eq!(std::mem::size_of::<&dyn Quack>(), 2 * word);
        assert_eq!(std::mem::size_of::<&Duck>(), word);
    }

    #[test]
    fn generic_and_dynamic_calls_agree() {
        let person = Person {
            name: "Ada".to_owned(),
        };
        let as_object: &dyn Quack = &person;
        assert_eq!(quack_twice(&person), quack_twice(as_object));
    }

    #[test]
    fn the_generic_total_and_largest_handle_the_edges() {
        assert_eq!(total::<i32>(&[]), 0);
        assert_eq!(largest(&[2.5, -1.0, 9.0]), Some(9.0));
    }
}
