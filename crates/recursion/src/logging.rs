//! The `logging.basicConfig()` of this demo: a `tracing` subscriber that writes to stderr.
//!
//! Python's root logger prints `WARNING:root:3` to stderr at level WARNING and above by
//! default. This subscriber does the same job in `tracing`'s own format
//! (` WARN recursion::factorial: n=3`: level, target, fields), and takes its level from
//! `RUST_LOG` (`RUST_LOG=off` silences it, `RUST_LOG=warn` is the default when unset).
//! No colours and no timestamps, so the output can be checked against the docs.
//!
//! `RUST_LOG` is read as a list of [`Targets`] (`warn`, `recursion::factorial=off`, ...):
//! levels by target, all a demo needs, without the regular expressions `EnvFilter` compiles
//! for its span and field filters (and the `regex` crates it would build).

use tracing_subscriber::filter::Targets;
use tracing_subscriber::fmt;
use tracing_subscriber::prelude::*;

// ANCHOR: init
/// The level when `RUST_LOG` is unset: warnings, like Python's root logger.
const DEFAULT_FILTER: &str = "warn";

/// Installs the subscriber for the whole process.
pub(crate) fn init() {
    let default = || DEFAULT_FILTER.parse::<Targets>().expect("a valid filter");
    let filter = match std::env::var("RUST_LOG") {
        Err(_) => default(),
        Ok(directives) => directives.parse().unwrap_or_else(|error| {
            eprintln!(
                "warning: ignoring RUST_LOG={directives:?} ({error}); \
                 using {DEFAULT_FILTER:?}; try RUST_LOG=off or RUST_LOG=warn"
            );
            default()
        }),
    };
    let output = fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .without_time();
    // `try_init` fails only if a subscriber is already installed, and then that one logs.
    let _ = tracing_subscriber::registry()
        .with(output)
        .with(filter)
        .try_init();
}
// ANCHOR_END: init
