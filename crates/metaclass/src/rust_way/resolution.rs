//! How Rust resolves `value.method()`, set beside Python's MRO.
//!
//! Python orders every class that could define a name (the MRO) and takes the first
//! definition; two bases defining `speak` are fine, the first in the MRO wins. Rust does not
//! order traits. For `duck.speak()` it looks, for each receiver type in turn (`Duck`, then
//! `&Duck`, `&mut Duck`, then through `Deref`), first at the type's *inherent* methods, then
//! at the methods of the traits in scope. If two traits in scope both offer `speak` at the
//! same step, that is not resolved by any order: it is a compile error, and the caller
//! names the trait (`Loud::speak(&goose)` or `<Goose as Polite>::speak(&goose)`).
//!
//! ```compile_fail,E0034
//! use metaclass::rust_way::resolution::{Goose, Loud, Polite};
//! Goose.speak(); // error[E0034]: multiple applicable items in scope
//! ```
//!
//! A "diamond" of traits is not ambiguous, because a method belongs to the one trait that
//! declares it, however many paths lead to it:
//!
//! ```
//! use metaclass::rust_way::resolution::{Animal, Swan};
//! assert_eq!(Swan.kind(), "Animal::kind for Swan"); // Swan: Flyer + Swimmer, both : Animal
//! ```

// ANCHOR: speak
/// Has an inherent `speak` and two trait `speak`s.
#[derive(Clone, Copy, Debug)]
pub struct Duck;

/// Has only the two trait `speak`s: calling `speak` by method syntax is ambiguous.
#[derive(Clone, Copy, Debug)]
pub struct Goose;

impl Duck {
    /// The inherent method: method syntax finds it before any trait's.
    pub fn speak(&self) -> &'static str {
        "inherent Duck::speak: Quack"
    }
}

/// One trait offering `speak`.
pub trait Loud {
    /// Provided: a loud noise.
    fn speak(&self) -> &'static str {
        "Loud::speak: QUACK"
    }
}

/// Another trait offering `speak`.
pub trait Polite {
    /// Provided: a polite noise.
    fn speak(&self) -> &'static str {
        "Polite::speak: quack, please"
    }
}

impl Loud for Duck {}
impl Polite for Duck {}
impl Loud for Goose {}
impl Polite for Goose {}
// ANCHOR_END: speak

/// The top of a diamond.
pub trait Animal {
    /// The one method, reached through both `Flyer` and `Swimmer`.
    fn kind(&self) -> String;
}

/// One side of the diamond.
pub trait Flyer: Animal {}
/// The other side.
pub trait Swimmer: Animal {}

/// Both sides of the diamond.
#[derive(Clone, Copy, Debug)]
pub struct Swan;

impl Animal for Swan {
    fn kind(&self) -> String {
        "Animal::kind for Swan".to_string()
    }
}
impl Flyer for Swan {}
impl Swimmer for Swan {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inherent_first_then_the_trait_you_name() {
        assert_eq!(Duck.speak(), "inherent Duck::speak: Quack");
        assert_eq!(Loud::speak(&Duck), "Loud::speak: QUACK");
        assert_eq!(
            <Goose as Polite>::speak(&Goose),
            "Polite::speak: quack, please"
        );
    }
}
