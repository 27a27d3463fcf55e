//! The Rust designs that replace `@property`, one section each.

use demo::Section;
use demo::{run, show};
use property::cached::Dataset;
use property::deref_abuse::DerefNonNegative;
use property::designs::{Plain, Typed};
use property::uniform_access::{Circle, Point};
use property::{A, NonNegative, PyException};

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "non-negative",
        title: "A NonNegative newtype: validate once, at TryFrom",
        run: non_negative,
    },
    Section {
        name: "plus-equals",
        title: "foo.x += 1 with a public field, with accessors, with the newtype",
        run: plus_equals,
    },
    Section {
        name: "uniform-access",
        title: "Plain-data structs with pub fields, accessor APIs for invariants",
        run: uniform_access,
    },
    Section {
        name: "cached-property",
        title: "OnceCell: a lazily computed, cached property",
        run: cached_property,
    },
    Section {
        name: "deref",
        title: "Deref is not a way to fake properties",
        run: deref,
    },
];

/// Validation at the boundary, then a value that needs no more checks.
fn non_negative() -> demo::Result {
    show!(NonNegative::try_from(5));
    let refused = NonNegative::try_from(-1);
    println!("NonNegative::try_from(-1) => {refused:?}");
    if let Err(error) = refused {
        println!("{}", error.traceback_line());
    }
    run!(let mut x = NonNegative::try_from(5)?);
    run!(x += 1);
    show!(x);
    show!(x.checked_sub(2));
    show!(x.checked_sub(10));
    Ok(())
}

/// `foo.x += 1`, and going below zero, with each design.
fn plus_equals() -> demo::Result {
    run!(let mut plain = Plain::default());
    run!(plain.x += 1);
    show!(plain.x);
    run!(let mut a = A::new());
    run!(a.set_x(a.x() + 1)?);
    show!(a.x());
    run!(let mut typed = Typed::default());
    run!(typed.x += 1);
    show!(typed.x);

    println!();
    run!(plain.x -= 5);
    show!(plain.x);
    let refused = a.set_x(a.x() - 5);
    println!("a.set_x(a.x() - 5) => {refused:?}");
    show!(a.x());
    show!(typed.x.checked_sub(5));
    show!(typed.x);
    Ok(())
}

/// A plain-data struct against a type with an invariant and a computed value.
fn uniform_access() -> demo::Result {
    run!(let mut p = Point { x: 1.0, y: 2.0 });
    run!(p.x += 1.0);
    show!(p);
    run!(let mut circle = Circle::new(2.0)?);
    show!(circle.radius());
    show!(circle.area());
    let refused = circle.set_radius(-1.0);
    println!("circle.set_radius(-1.0) => {refused:?}");
    show!(circle.radius());
    Ok(())
}

/// Computed on first use, cached, recomputed after the data changes.
fn cached_property() -> demo::Result {
    run!(let mut data = Dataset::new(vec![1, 2, 3]));
    show!(data.computations());
    show!(data.summary());
    show!(data.summary());
    show!(data.computations());
    run!(data.push(10));
    show!(data.summary());
    show!(data.computations());
    Ok(())
}

/// `DerefMut` lets a write skip the check that `new` made.
fn deref() -> demo::Result {
    run!(let mut x = DerefNonNegative::new(3)?);
    run!(*x -= 5);
    show!(*x);
    show!(x.upholds_its_invariant());
    show!(x.is_negative());
    show!(NonNegative::try_from(3)?.checked_sub(5));
    Ok(())
}
