//! The notes' `factorial`, traced like `logging.warning(n)`, and factorials that refuse to overflow.
//!
//! Python's `int` grows without bound, so `factorial(100)` is simply a big number. Rust's
//! integers have a width: `n * factorial(n - 1)` in a fixed width either panics (debug builds)
//! or wraps around silently (release builds). Here every multiplication is a `checked_mul`,
//! and an overflow is an error value saying which factorial did not fit in which type.

use std::fmt;

/// The notes' `factorial`: one `tracing` warning per recursive step, as `logging.warning(n)`.
///
/// The Python original names two key elements; so does this code:
///
/// - the termination condition, `n == 0`, where the function stops calling itself;
/// - the reduction step, `factorial(n - 1)`, a call with a smaller number.
///
/// The warnings go to whatever `tracing` subscriber is installed (the demo installs one that
/// writes to stderr and honours `RUST_LOG`); with none installed they cost next to nothing.
/// The result is a `u128`, the widest built-in integer, which holds factorials up to 34!.
///
/// ```
/// assert_eq!(recursion::factorial::factorial(3), Ok(6));
/// let too_big = recursion::factorial::factorial(35).unwrap_err();
/// assert_eq!(too_big.to_string(), "35! does not fit in u128 (the largest that does is 34!)");
/// ```
// ANCHOR: factorial
pub fn factorial(n: u32) -> Result<u128, FactorialOverflow> {
    let termination_condition = n == 0;
    if termination_condition {
        return Ok(1);
    }
    tracing::warn!(n);
    let reduction_step = factorial(n - 1)?;
    u128::from(n)
        .checked_mul(reduction_step)
        .ok_or_else(|| FactorialOverflow::new::<u128>(n))
}
// ANCHOR_END: factorial

/// The same recursion without the logging, in any unsigned width: `Err` instead of a wrong number.
///
/// ```
/// use recursion::factorial::checked_factorial;
///
/// assert_eq!(checked_factorial::<u64>(20), Ok(2_432_902_008_176_640_000));
/// assert!(checked_factorial::<u64>(21).is_err());
/// assert_eq!(checked_factorial::<u8>(5), Ok(120));
/// ```
// ANCHOR: checked
pub fn checked_factorial<T: Width>(n: u32) -> Result<T, FactorialOverflow> {
    if n == 0 {
        return Ok(T::ONE);
    }
    let smaller = checked_factorial::<T>(n - 1)?;
    T::from_u32(n)
        .and_then(|n| n.checked_mul(smaller))
        .ok_or_else(|| FactorialOverflow::new::<T>(n))
}
// ANCHOR_END: checked

/// What an unchecked multiplication would have produced: the silently wrong answer.
///
/// This is what a release build computes from a plain `n * factorial(n - 1)` once the
/// product no longer fits (a debug build panics with "attempt to multiply with overflow").
///
/// ```
/// use recursion::factorial::wrapping_factorial;
///
/// assert_eq!(wrapping_factorial::<u8>(5), 120);
/// assert_eq!(wrapping_factorial::<u8>(6), 208); // 720 mod 256: wrong, and no error
/// ```
pub fn wrapping_factorial<T: Width>(n: u32) -> T {
    (1..=n).fold(T::ONE, |product, k| product.wrapping_mul(T::truncate(k)))
}

/// The largest `n` whose factorial fits in `T`: 34 for `u128`, 20 for `u64`.
///
/// ```
/// assert_eq!(recursion::factorial::largest_fitting::<u128>(), 34);
/// assert_eq!(recursion::factorial::largest_fitting::<u32>(), 12);
/// ```
pub fn largest_fitting<T: Width>() -> u32 {
    let mut n = 0;
    let mut product = T::ONE;
    // Ends: every width's maximum is finite, so the product overflows after a few dozen steps.
    while let Some(next) = T::from_u32(n + 1).and_then(|k| k.checked_mul(product)) {
        product = next;
        n += 1;
    }
    n
}

/// `n!` did not fit in the integer type asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FactorialOverflow {
    /// The factorial that overflowed.
    pub n: u32,
    /// The type it did not fit in, such as `"u128"`.
    pub type_name: &'static str,
    /// The largest factorial that type holds.
    pub largest: u32,
}

impl FactorialOverflow {
    fn new<T: Width>(n: u32) -> Self {
        FactorialOverflow {
            n,
            type_name: T::NAME,
            largest: largest_fitting::<T>(),
        }
    }
}

impl fmt::Display for FactorialOverflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}! does not fit in {} (the largest that does is {}!)",
            self.n, self.type_name, self.largest
        )
    }
}

impl std::error::Error for FactorialOverflow {}

/// An unsigned integer width the factorials can be computed in.
pub trait Width: Copy + fmt::Display + PartialEq + fmt::Debug {
    /// The type's name, for messages.
    const NAME: &'static str;
    /// The number 1.
    const ONE: Self;
    /// `n` in this width, if it fits.
    fn from_u32(n: u32) -> Option<Self>;
    /// `n` cut down to this width (the low bits), as a wrapping multiplication would see it.
    fn truncate(n: u32) -> Self;
    /// `self * other`, or `None` on overflow.
    fn checked_mul(self, other: Self) -> Option<Self>;
    /// `self * other` modulo the width: the silent overflow.
    fn wrapping_mul(self, other: Self) -> Self;
}

macro_rules! width {
    ($($t:ident),*) => {$(
        impl Width for $t {
            const NAME: &'static str = stringify!($t);
            const ONE: Self = 1;
            fn from_u32(n: u32) -> Option<Self> {
                Self::try_from(n).ok()
            }
            #[allow(clippy::cast_possible_truncation)]
            fn truncate(n: u32) -> Self {
                // Truncation is the point: this models the wrapping multiplication.
                n as $t
            }
            fn checked_mul(self, other: Self) -> Option<Self> {
                $t::checked_mul(self, other)
            }
            fn wrapping_mul(self, other: Self) -> Self {
                $t::wrapping_mul(self, other)
            }
        }
    )*};
}

width!(u8, u16, u32, u64, u128);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notes_example_gives_six() {
        assert_eq!(factorial(3), Ok(6));
        assert_eq!(factorial(0), Ok(1));
    }

    #[test]
    fn one_warning_per_step_with_n_as_a_field() {
        use std::sync::{Arc, Mutex};

        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || Capture(Arc::clone(&sink)))
            .with_ansi(false)
            .without_time()
            .finish();
        tracing::subscriber::with_default(subscriber, || factorial(3)).unwrap();
        let logged = String::from_utf8(seen.lock().unwrap().clone()).unwrap();
        assert_eq!(
            logged,
            " WARN recursion::factorial: n=3\n WARN recursion::factorial: n=2\n \
             WARN recursion::factorial: n=1\n"
        );
    }

    struct Capture(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl std::io::Write for Capture {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn u128_holds_up_to_34_factorial() {
        assert_eq!(
            factorial(34),
            Ok(295_232_799_039_604_140_847_618_609_643_520_000_000)
        );
        assert_eq!(
            factorial(35),
            Err(FactorialOverflow {
                n: 35,
                type_name: "u128",
                largest: 34
            })
        );
    }

    #[test]
    fn an_overflow_deep_down_is_reported_for_the_first_n_that_overflows() {
        let error = checked_factorial::<u64>(30).unwrap_err();
        assert_eq!(error.n, 21);
    }

    #[test]
    fn each_width_has_its_largest_factorial() {
        assert_eq!(largest_fitting::<u8>(), 5);
        assert_eq!(largest_fitting::<u16>(), 8);
        assert_eq!(largest_fitting::<u32>(), 12);
        assert_eq!(largest_fitting::<u64>(), 20);
        assert_eq!(largest_fitting::<u128>(), 34);
    }

    #[test]
    fn wrapping_agrees_with_checked_until_the_overflow_and_not_after() {
        for n in 0..=20 {
            assert_eq!(
                Ok(wrapping_factorial::<u64>(n)),
                checked_factorial::<u64>(n)
            );
        }
        let wrapped = wrapping_factorial::<u64>(21);
        let exact = checked_factorial::<u128>(21).unwrap();
        assert_eq!(u128::from(wrapped), exact % (1u128 << 64));
        assert_ne!(u128::from(wrapped), exact);
    }
}
