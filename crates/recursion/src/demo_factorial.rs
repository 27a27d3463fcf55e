//! Sections `factorial` and `factorial-overflow`.

use demo::Section;
use recursion::factorial::{
    Width, checked_factorial, factorial, largest_fitting, wrapping_factorial,
};

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "factorial",
        title: "The notes' factorial(3), with one warning per recursive step",
        run: notes_example,
    },
    Section {
        name: "factorial-overflow",
        title: "Large factorials: an error at the type's limit, not a wrong number",
        run: overflow,
    },
];

/// The notes' `factorial(3)`: the warnings go to stderr, the result to stdout.
fn notes_example() -> demo::Result {
    let result = factorial(3)?;
    println!("factorial(3) = {result}");
    Ok(())
}

/// For each width: the largest factorial that fits, and the error for the next one.
fn overflow() -> demo::Result {
    width_row::<u8>()?;
    width_row::<u16>()?;
    width_row::<u32>()?;
    width_row::<u64>()?;
    width_row::<u128>()?;
    let n = largest_fitting::<u64>() + 1;
    let exact = checked_factorial::<u128>(n)?;
    println!(
        "unchecked, {n}! in u64 wraps around to {} (the true {n}! is {exact})",
        wrapping_factorial::<u64>(n)
    );
    Ok(())
}

fn width_row<T: Width>() -> demo::Result {
    let largest = largest_fitting::<T>();
    let fits = checked_factorial::<T>(largest)?;
    let error = match checked_factorial::<T>(largest + 1) {
        Err(error) => error,
        Ok(value) => return Err(format!("{}! = {value} fitted in {}", largest + 1, T::NAME).into()),
    };
    println!("{:<4} {largest}! = {fits}; {error}", T::NAME);
    Ok(())
}
