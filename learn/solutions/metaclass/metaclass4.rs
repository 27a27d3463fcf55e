// metaclass4: make it hold: a singleton, initialised once.
//
// Page: docs/metaclass.md#rust-a-singleton-is-a-static-initialised-once
//
// Python's singleton metaclass overrides `__call__` so that `Config()` returns the one
// instance. Rust needs no metaclass: a `static` with a `OnceLock` is built on first use,
// once, and every caller gets the same value. Done when the tests pass.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

/// How many `Config`s were ever built.
static BUILT: AtomicU32 = AtomicU32::new(0);

struct Config {
    debug: AtomicU32,
}

impl Config {
    fn new() -> Config {
        BUILT.fetch_add(1, Ordering::SeqCst);
        Config {
            debug: AtomicU32::new(0),
        }
    }
}

/// The one `Config`, as `Config()` returns it under the singleton metaclass.
fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(Config::new)
}

fn main() {
    config().debug.store(1, Ordering::SeqCst);
    println!("{}", config().debug.load(Ordering::SeqCst));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_call_returns_the_same_config() {
        let (first, second) = (config(), config());
        assert!(std::ptr::eq(first, second), "first is second");
        first.debug.store(1, Ordering::SeqCst);
        assert_eq!(second.debug.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn it_is_built_once_even_from_many_threads() {
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(config);
            }
        });
        config();
        assert_eq!(BUILT.load(Ordering::SeqCst), 1);
    }
}
