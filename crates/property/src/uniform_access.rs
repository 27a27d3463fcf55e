//! Plain-data structs with public fields against accessor APIs.
//!
//! The uniform access principle: reading a stored value and computing one look the same to
//! the caller. Python keeps it with `@property`: `circle.area` may be an attribute today and
//! a computed property tomorrow, and no caller changes. Rust does not keep it: a field is
//! read as `c.radius`, a method is called as `c.area()`, so turning a public field into
//! accessors breaks every caller, and so does the reverse:
//!
//! ```compile_fail,E0615
//! let circle = property::uniform_access::Circle::new(2.0)?;
//! let area = circle.area; // error[E0615]: attempted to take value of method `area` on type `Circle`
//! # Ok::<(), property::ValueError>(())
//! ```
//!
//! ```compile_fail,E0616
//! let circle = property::uniform_access::Circle::new(2.0)?;
//! let radius = circle.radius; // error[E0616]: field `radius` of struct `Circle` is private
//! # Ok::<(), property::ValueError>(())
//! ```
//!
//! So Rust APIs decide up front, per type:
//!
//! - [`Point`]: plain data. Every combination of field values is valid and the fields *are*
//!   the meaning, so they are public and callers write `p.x += 1.0`. Adding a rule later is
//!   a breaking change, made knowingly.
//! - [`Circle`]: an invariant (a radius that is finite and not negative) or values that may
//!   become computed. Fields are private from the start and callers use methods, so the
//!   representation can change without breaking them.

use crate::ValueError;

// ANCHOR: point_circle
/// A point in the plane: plain data, with public fields.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    /// Horizontal coordinate.
    pub x: f64,
    /// Vertical coordinate.
    pub y: f64,
}

/// A circle whose radius is finite and not negative: private field, accessors.
///
/// ```
/// use property::uniform_access::Circle;
/// let mut circle = Circle::new(1.0)?;
/// circle.set_radius(2.0)?;
/// assert_eq!(circle.radius(), 2.0);
/// assert!(circle.set_radius(-1.0).is_err());
/// # Ok::<(), property::ValueError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Circle {
    radius: f64,
}

impl Circle {
    /// A circle of this radius, if it is finite and at least 0.
    pub fn new(radius: f64) -> Result<Circle, ValueError> {
        Ok(Circle {
            radius: Circle::check(radius)?,
        })
    }

    /// The stored radius.
    pub fn radius(&self) -> f64 {
        self.radius
    }

    /// Changes the radius; a refused value leaves the circle as it was.
    pub fn set_radius(&mut self, radius: f64) -> Result<(), ValueError> {
        self.radius = Circle::check(radius)?;
        Ok(())
    }

    /// Computed on every call, and to the caller no different from [`radius`](Self::radius).
    pub fn area(&self) -> f64 {
        std::f64::consts::PI * self.radius * self.radius
    }

    fn check(radius: f64) -> Result<f64, ValueError> {
        // `is_finite` is false for NaN and the infinities, so only the sign is left to check.
        if !radius.is_finite() || radius < 0.0 {
            return Err(ValueError::new(format!(
                "radius must be a finite number >= 0, got {radius}"
            )));
        }
        Ok(radius)
    }
}
// ANCHOR_END: point_circle

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn point_fields_are_free() {
        let mut p = Point { x: 1.0, y: 2.0 };
        p.x += 1.0;
        p.y = -p.y;
        assert_eq!(p, Point { x: 2.0, y: -2.0 });
    }

    #[test]
    fn circle_refuses_bad_radii_and_keeps_its_own() {
        let mut c = Circle::new(3.0).unwrap();
        for bad in [-1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(Circle::new(bad).is_err(), "accepted {bad}");
            assert!(c.set_radius(bad).is_err());
            assert_eq!(c.radius(), 3.0);
        }
        // Zero is the edge of the allowed range, not outside it.
        assert_eq!(Circle::new(0.0).map(|c| c.radius()), Ok(0.0));
        assert_eq!(
            Circle::new(-1.0).unwrap_err().to_string(),
            "radius must be a finite number >= 0, got -1"
        );
    }

    #[test]
    fn area_is_computed_from_the_radius() {
        let c = Circle::new(2.0).unwrap();
        assert!((c.area() - 4.0 * std::f64::consts::PI).abs() < 1e-12);
    }
}
