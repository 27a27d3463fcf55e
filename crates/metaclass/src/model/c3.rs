//! C3 linearisation, as CPython's `mro_implementation` and `pmerge` compute it.
//!
//! A class's `__mro__` is the class followed by the *merge* of its bases' MROs and the list of
//! bases itself. The merge repeatedly takes the first head (the first element of a list) that
//! appears in no list's *tail* (any later position), walking the lists in order; when no head
//! qualifies the hierarchy is inconsistent and CPython raises
//! `TypeError: Cannot create a consistent method resolution order (MRO) for bases ...`,
//! naming the heads that were left, each once, in the order the lists met them. This module
//! follows that loop step by step (the candidate order, the `remain` indices, the error's
//! name order), so that the tests can compare it with CPython on random hierarchies.

use super::class::ClassRef;
use super::error::TypeError;

/// The MRO of a new class *after* the class itself: `C.__mro__[1:]`, for bases `bases`
/// (already non-empty: a class with no bases has `(object,)`).
///
/// Refuses a base listed twice (`duplicate base class A`) and a hierarchy that has no
/// consistent order, with CPython's messages.
pub fn linearize(bases: &[ClassRef]) -> Result<Vec<ClassRef>, TypeError> {
    // CPython's fast path: with one base the merge is that base's MRO.
    if let [base] = bases {
        return Ok(base.mro());
    }
    // CPython's `check_duplicates`: the first base that appears again later is named.
    for (i, base) in bases.iter().enumerate() {
        if bases[i + 1..].iter().any(|later| later.is(base)) {
            return Err(TypeError::new(format!(
                "duplicate base class {}",
                base.name()
            )));
        }
    }
    let mut to_merge: Vec<Vec<ClassRef>> = bases.iter().map(ClassRef::mro).collect();
    to_merge.push(bases.to_vec());
    merge(&to_merge)
}

// ANCHOR: merge
/// CPython's `pmerge`: `remain[i]` is how far list `i` has been consumed.
fn merge(to_merge: &[Vec<ClassRef>]) -> Result<Vec<ClassRef>, TypeError> {
    let mut result = Vec::new();
    let mut remain = vec![0usize; to_merge.len()];
    'again: loop {
        let mut empty = 0;
        for (i, list) in to_merge.iter().enumerate() {
            let Some(candidate) = list.get(remain[i]) else {
                empty += 1;
                continue;
            };
            let in_a_tail = to_merge
                .iter()
                .zip(&remain)
                .any(|(other, &start)| tail_contains(other, start, candidate));
            if in_a_tail {
                continue;
            }
            result.push(candidate.clone());
            for (other, start) in to_merge.iter().zip(remain.iter_mut()) {
                if other.get(*start).is_some_and(|head| head.is(candidate)) {
                    *start += 1;
                }
            }
            continue 'again;
        }
        if empty == to_merge.len() {
            return Ok(result);
        }
        return Err(mro_error(to_merge, &remain));
    }
}
// ANCHOR_END: merge

/// Whether `candidate` sits in `list` after position `start` (the list's remaining tail).
fn tail_contains(list: &[ClassRef], start: usize, candidate: &ClassRef) -> bool {
    list.iter().skip(start + 1).any(|class| class.is(candidate))
}

/// CPython's `set_mro_error`: the remaining heads, each once, in list order.
///
/// CPython 3.11 breaks the message over two lines ("...resolution\norder (MRO)..."), a
/// 21-year-old accident that python/cpython#107910 removed; this model prints the one-line
/// wording of the newer releases.
fn mro_error(to_merge: &[Vec<ClassRef>], remain: &[usize]) -> TypeError {
    let mut heads: Vec<&ClassRef> = Vec::new();
    for (list, &start) in to_merge.iter().zip(remain) {
        if let Some(head) = list.get(start)
            && !heads.iter().any(|seen| seen.is(head))
        {
            heads.push(head);
        }
    }
    let names: Vec<&str> = heads.iter().map(|class| class.name()).collect();
    TypeError::new(format!(
        "Cannot create a consistent method resolution order (MRO) for bases {}",
        names.join(", ")
    ))
}

/// The examples of "The Python 2.3 Method Resolution Order" (Michele Simionato), whose
/// answers CPython still gives.
#[cfg(test)]
mod tests {
    use crate::examples::class;
    use crate::{ClassRef, Exception};

    fn names(class: &ClassRef) -> String {
        class.mro_names().join(" ")
    }

    #[test]
    fn first_example_a_b_c_d_e_f_o() -> Result<(), Exception> {
        let (f, e, d) = (class("F", &[])?, class("E", &[])?, class("D", &[])?);
        let c = class("C", &[&d, &f])?;
        let b = class("B", &[&d, &e])?;
        let a = class("A", &[&b, &c])?;
        assert_eq!(names(&b), "B D E object");
        assert_eq!(names(&c), "C D F object");
        assert_eq!(names(&a), "A B C D E F object");
        Ok(())
    }

    #[test]
    fn second_example_swaps_e_and_d() -> Result<(), Exception> {
        let (f, e, d) = (class("F", &[])?, class("E", &[])?, class("D", &[])?);
        let c = class("C", &[&d, &f])?;
        let b = class("B", &[&e, &d])?;
        let a = class("A", &[&b, &c])?;
        assert_eq!(names(&a), "A B E C D F object");
        Ok(())
    }

    #[test]
    fn the_k1_k2_k3_example() -> Result<(), Exception> {
        let (a, b, c) = (class("A", &[])?, class("B", &[])?, class("C", &[])?);
        let (d, e) = (class("D", &[])?, class("E", &[])?);
        let k1 = class("K1", &[&a, &b, &c])?;
        let k2 = class("K2", &[&d, &b, &e])?;
        let k3 = class("K3", &[&d, &a])?;
        let z = class("Z", &[&k1, &k2, &k3])?;
        assert_eq!(names(&z), "Z K1 K2 K3 D A B C E object");
        Ok(())
    }

    #[test]
    fn x_y_disagreement_is_refused_naming_the_heads() -> Result<(), Exception> {
        let (x, y) = (class("X", &[])?, class("Y", &[])?);
        let a = class("A", &[&x, &y])?;
        let b = class("B", &[&y, &x])?;
        let error = class("Z", &[&a, &b]).unwrap_err();
        assert_eq!(
            error.message(),
            "Cannot create a consistent method resolution order (MRO) for bases X, Y"
        );
        Ok(())
    }

    #[test]
    fn a_base_before_its_own_subclass_is_refused() -> Result<(), Exception> {
        let f = class("F", &[])?;
        let e = class("E", &[&f])?;
        let error = class("G", &[&f, &e]).unwrap_err();
        assert_eq!(
            error.message(),
            "Cannot create a consistent method resolution order (MRO) for bases F, E"
        );
        // The other order is the consistent one.
        assert_eq!(names(&class("G", &[&e, &f])?), "G E F object");
        Ok(())
    }

    #[test]
    fn duplicate_bases_are_refused() -> Result<(), Exception> {
        let a = class("A", &[])?;
        let error = class("B", &[&a, &a]).unwrap_err();
        assert_eq!(error.message(), "duplicate base class A");
        // CPython names the first base that appears again later, not the first repeat.
        let b = class("B", &[])?;
        let error = class("Z", &[&a, &b, &b, &a]).unwrap_err();
        assert_eq!(error.message(), "duplicate base class A");
        Ok(())
    }

    #[test]
    fn object_is_last_and_alone_at_the_root() -> Result<(), Exception> {
        assert_eq!(names(&ClassRef::object()), "object");
        let a = class("A", &[])?;
        assert_eq!(a.bases(), [ClassRef::object()]);
        let error = class("W", &[&ClassRef::object(), &a]).unwrap_err();
        assert_eq!(
            error.message(),
            "Cannot create a consistent method resolution order (MRO) for bases object, A"
        );
        Ok(())
    }
}
