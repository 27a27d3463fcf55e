// platform3: make it hold: an early return still runs the cleanup, as `sys.exit` does.
//
// Page: docs/platform.md#sysexit-unwinds-stdprocessexit-does-not
//
// Python's `sys.exit(3)` raises `SystemExit`, so `finally` blocks and `with` exits run.
// In Rust, returning from `main` (with an `ExitCode`) runs every value's `Drop`;
// `std::process::exit` would not. Done when the tests pass: the guard's cleanup runs after
// the work, however the function returns.

use std::cell::RefCell;

struct Guard<'a> {
    log: &'a RefCell<Vec<String>>,
}

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        self.log.borrow_mut().push("guard dropped".to_owned());
    }
}

/// The work of a `main` that exits with status 3, returning the status.
fn run(log: &RefCell<Vec<String>>) -> u8 {
    let _guard = Guard { log };
    log.borrow_mut().push("working".to_owned());
    3
}

fn main() {
    let log = RefCell::new(Vec::new());
    let status = run(&log);
    println!("{:?} {status}", log.borrow());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guard_is_dropped_after_the_work() {
        let log = RefCell::new(Vec::new());
        assert_eq!(run(&log), 3);
        assert_eq!(*log.borrow(), ["working", "guard dropped"]);
    }
}
