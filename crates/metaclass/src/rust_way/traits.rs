//! What inheritance is used for, with traits: default methods are the inherited methods,
//! required methods are the abstract ones, and supertraits are the base classes.
//!
//! ```python
//! class Shape(ABC):
//!     @abstractmethod
//!     def area(self): ...
//!     def describe(self):                       # inherited by every subclass
//!         return f"{self.name()} with area {self.area()}"
//! class Solid(Shape):                           # a "base class" that needs Shape's methods
//!     def volume(self): return self.area() * self.depth()
//! ```
//!
//! The difference is when a missing method is caught. `ABCMeta` refuses the *instantiation*
//! at run time; Rust refuses the `impl` at compile time:
//!
//! ```compile_fail,E0046
//! use metaclass::rust_way::traits::Shape;
//! struct Blob;
//! impl Shape for Blob { // error[E0046]: not all trait items implemented, missing: `area`
//!     fn name(&self) -> String { "blob".into() }
//! }
//! ```
//!
//! and a type cannot take a trait without its supertraits:
//!
//! ```compile_fail,E0277
//! use metaclass::rust_way::traits::Solid;
//! struct Slab;
//! impl Solid for Slab { // error[E0277]: the trait bound `Slab: Shape` is not satisfied
//!     fn depth(&self) -> f64 { 1.0 }
//! }
//! ```

// ANCHOR: shape_solid
/// The "abstract base class": `name` and `area` are required, `describe` is inherited.
pub trait Shape {
    /// Required: what the shape is called.
    fn name(&self) -> String;
    /// Required: the abstract method.
    fn area(&self) -> f64;
    /// Provided: every implementor gets it, and may override it.
    fn describe(&self) -> String {
        format!("{} with area {:.2}", self.name(), self.area())
    }
}

/// A "subclass" of [`Shape`]: anything `Solid` must be a `Shape` first (a supertrait), and
/// the default `volume` may use `Shape`'s methods.
pub trait Solid: Shape {
    /// Required: how deep the solid is.
    fn depth(&self) -> f64;
    /// Provided, built on the supertrait's `area`.
    fn volume(&self) -> f64 {
        self.area() * self.depth()
    }
}
// ANCHOR_END: shape_solid

/// A square: takes `describe` as it is.
#[derive(Clone, Copy, Debug)]
pub struct Square(pub f64);

impl Shape for Square {
    fn name(&self) -> String {
        "square".to_string()
    }
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}

/// A circle: overrides `describe`, as a subclass overrides a method.
#[derive(Clone, Copy, Debug)]
pub struct Circle(pub f64);

impl Shape for Circle {
    fn name(&self) -> String {
        "circle".to_string()
    }
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.0 * self.0
    }
    fn describe(&self) -> String {
        format!("a round {} of radius {}", self.name(), self.0)
    }
}

/// A cube: a `Shape` (its face) and a `Solid`.
#[derive(Clone, Copy, Debug)]
pub struct Cube(pub f64);

impl Shape for Cube {
    fn name(&self) -> String {
        "cube".to_string()
    }
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}

impl Solid for Cube {
    fn depth(&self) -> f64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_inherited_overridable_and_built_on_supertraits() {
        assert_eq!(Square(2.0).describe(), "square with area 4.00");
        assert_eq!(Circle(1.0).describe(), "a round circle of radius 1");
        assert_eq!(Cube(3.0).volume(), 27.0);
        let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Square(1.0)), Box::new(Cube(2.0))];
        let names: Vec<String> = shapes.iter().map(|shape| shape.name()).collect();
        assert_eq!(names, ["square", "cube"]);
    }
}
