//! The notes' "a human is someone whose mother is human", run: a recursion with no base case,
//! and what really stops it.
//!
//! Python stops it at `sys.getrecursionlimit()` with a `RecursionError`. Rust counts nothing,
//! so one would expect the stack to end it, as it ends [`crate::overflow::dive`]. It does
//! not: each level keeps its argument alive until the call below it returns, and each
//! argument is a `String` 14 bytes longer than the one before ("the mother of " again), so
//! depth `d` holds about `7·d²` bytes of strings. Memory runs out long before the stack: the
//! overflow child runs [`is_human`] under an address-space limit of [`ADDRESS_SPACE`] bytes
//! (so it never puts the machine at risk), and the allocator's failure aborts it.

use nix::sys::resource::{Resource, getrlimit, setrlimit};

/// The address-space limit (`RLIMIT_AS`) the child recurses under: small enough to be reached
/// in well under a second, large enough that the program itself is a small part of it.
pub const ADDRESS_SPACE: u64 = 256 << 20;

/// The bytes of the strings alive at `depth`: the argument of every level down to it,
/// "Ada" with "the mother of " before it once per level.
///
/// ```
/// assert_eq!(recursion::no_base_case::strings_held(0), 3);
/// assert_eq!(recursion::no_base_case::strings_held(1), 3 + 17);
/// ```
pub fn strings_held(depth: u64) -> u64 {
    (0..=depth).map(|level| 3 + 14 * level).sum()
}

/// The person's mother, as the notes' definition names her.
pub fn mother(person: &str) -> String {
    format!("the mother of {person}")
}

/// The notes' `is_human` with no base case, calling `report` with every depth on the way down.
/// It never returns: `rustc` warns so (`unconditional_recursion`, allowed here, where running
/// it is the point; `tests/compile_fail/no_base_case.rs` shows the warning).
// ANCHOR: is_human
#[allow(unconditional_recursion)]
pub fn is_human(person: &str, depth: u64, report: &mut dyn FnMut(u64)) -> bool {
    report(depth);
    is_human(&mother(person), depth + 1, report)
}
// ANCHOR_END: is_human

/// Limits this process's address space to `bytes`, keeping the hard limit: from then on an
/// allocation past it fails, and Rust's allocation-failure handler aborts the process.
pub fn limit_address_space(bytes: u64) -> Result<(), String> {
    let (_, hard) =
        getrlimit(Resource::RLIMIT_AS).map_err(|error| format!("getrlimit(RLIMIT_AS): {error}"))?;
    setrlimit(Resource::RLIMIT_AS, bytes.min(hard), hard)
        .map_err(|error| format!("setrlimit(RLIMIT_AS): {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_level_holds_a_longer_string() {
        let mut lengths = Vec::new();
        let mut person = String::from("Ada");
        for _ in 0..3 {
            lengths.push(person.len() as u64);
            person = mother(&person);
        }
        assert_eq!(lengths, [3, 17, 31]);
        assert_eq!(strings_held(2), 3 + 17 + 31);
    }
}
