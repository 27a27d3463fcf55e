//! A singleton without a metaclass: a `static` initialised once, on first use.
//!
//! Python needs a metaclass `__call__` (or a module-level instance) to make `Config()`
//! return the same object every time. In Rust a global is a `static`, and
//! [`OnceLock`] runs its initialiser exactly once, even when several threads race to be
//! first; everyone gets a `&'static` reference to the one value.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The one configuration of the program.
#[derive(Debug)]
pub struct Config {
    /// Which initialisation made it (always the first).
    pub made_by_call: usize,
}

// ANCHOR: config
static CONFIG: OnceLock<Config> = OnceLock::new();
static CALLS: AtomicUsize = AtomicUsize::new(0);

/// The configuration: made on the first call, the same `&'static Config` ever after.
pub fn config() -> &'static Config {
    let call = CALLS.fetch_add(1, Ordering::Relaxed) + 1;
    CONFIG.get_or_init(|| Config { made_by_call: call })
}
// ANCHOR_END: config

/// How many times [`config`] has been called.
pub fn calls() -> usize {
    CALLS.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The only test of this binary that calls [`config`], so the counts are exact.
    #[test]
    fn every_call_returns_the_value_the_first_call_made() {
        assert_eq!(calls(), 0);
        let first = config();
        let handles: Vec<_> = (0..4).map(|_| std::thread::spawn(config)).collect();
        for handle in handles {
            assert!(std::ptr::eq(first, handle.join().expect("no panic")));
        }
        assert_eq!(calls(), 5);
        // Made once, by the first call: a later initialisation would carry a later number.
        assert_eq!(config().made_by_call, 1);
        assert_eq!(calls(), 6);
    }
}
