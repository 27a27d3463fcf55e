// metaclass1: translate the C3 method resolution order.
//
// Page: docs/metaclass.md#the-mro-is-c3-and-some-hierarchies-have-none
//
// The Python, as the page runs it under CPython:
//
//     O = object
//     class F(O): pass
//     class E(O): pass
//     class D(O): pass
//     class C(D, F): pass
//     class B(D, E): pass
//     class A(B, C): pass
//     print(*(c.__name__ for c in A.__mro__))
//     class X(O): pass
//     class Y(O): pass
//     class XY(X, Y): pass
//     class YX(Y, X): pass
//
// Rust types have no bases and no MRO; this exercise computes CPython's for a hierarchy
// given as data. Done when the program prints what CPython prints, the other classes' MROs
// are CPython's, and a class of both `XY` and `YX` has none.

/// Each class with its bases, in order.
const HIERARCHY: &[(&str, &[&str])] = &[
    ("object", &[]),
    ("F", &["object"]),
    ("E", &["object"]),
    ("D", &["object"]),
    ("C", &["D", "F"]),
    ("B", &["D", "E"]),
    ("A", &["B", "C"]),
    ("X", &["object"]),
    ("Y", &["object"]),
    ("XY", &["X", "Y"]),
    ("YX", &["Y", "X"]),
    ("Z", &["XY", "YX"]),
];

fn bases(class: &str) -> &'static [&'static str] {
    HIERARCHY
        .iter()
        .find(|(name, _)| *name == class)
        .map_or(&[], |(_, bases)| bases)
}

/// The MRO of `class`: the class, then the merge of its bases' MROs and its bases.
fn mro(class: &str) -> Result<Vec<String>, String> {
    // TODO: the class, then `merge` of each base's MRO and the list of the bases.
    todo!()
}

/// C3's merge: the first head that is in no list's tail, again and again.
fn merge(lists: Vec<Vec<String>>) -> Result<Vec<String>, String> {
    // TODO: take a head that is in no list's tail, remove it from the lists, repeat;
    // an `Err` when no head qualifies.
    todo!()
}

fn main() {
    match mro("A") {
        Ok(order) => println!("{}", order.join(" ")),
        Err(error) => println!("TypeError: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // learn-check: output
    const EXPECTED: &str = r#"
A B C D E F object
"#;

    #[test]
    fn prints_what_cpython_prints() {
        learn_check::prints(main, EXPECTED);
    }

    // learn-check: cpython
    const CPYTHON: [(&str, &str); 5] = [
        ("' '.join(c.__name__ for c in B.__mro__)", "B D E object"),
        ("' '.join(c.__name__ for c in C.__mro__)", "C D F object"),
        ("' '.join(c.__name__ for c in D.__mro__)", "D object"),
        ("' '.join(c.__name__ for c in XY.__mro__)", "XY X Y object"),
        ("' '.join(c.__name__ for c in YX.__mro__)", "YX Y X object"),
    ];

    #[test]
    fn agrees_with_cpython_on_more_classes() {
        let rust = ["B", "C", "D", "XY", "YX"].map(|class| mro(class).unwrap().join(" "));
        learn_check::same_as_cpython(&CPYTHON, &rust);
    }

    #[test]
    fn a_class_of_xy_and_yx_has_no_mro() {
        // CPython: TypeError: Cannot create a consistent method resolution order (MRO)...
        assert!(mro("Z").is_err());
    }
}
