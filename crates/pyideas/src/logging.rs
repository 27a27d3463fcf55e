//! Rust's `tracing` events sent to Python's `logging`, so that the recursion crate's
//! `tracing::warn!(n)` is printed by the handlers a Python program configured.
//!
//! The notes call `logging.warning(n)`; the recursion crate calls `tracing::warn!(n)`. This
//! subscriber, installed when the module is first imported, turns each event into one call
//! of `logging.getLogger(target).log(level, message)`, where the target `recursion::factorial`
//! becomes the logger `recursion.factorial` (as the `pyo3-log` crate names loggers for the
//! `log` crate; `tracing` is what the workspace logs with). Python's logging decides what is
//! printed, as for its own records: the root logger's default level, WARNING, and the format
//! `WARNING:recursion.factorial:n=3` (the event's fields, as `tracing` writes them).

use std::fmt::{self, Write as _};

use pyo3::prelude::*;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

/// Installs the subscriber for the process, once; a second import finds it in place.
pub fn install() {
    // Err only if a subscriber is installed already: this one, by an earlier import.
    let _ = tracing::subscriber::set_global_default(ToPythonLogging);
}

/// A subscriber that has no spans, and hands every event to Python's `logging`.
struct ToPythonLogging;

impl Subscriber for ToPythonLogging {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        // Python's logging filters by level and logger, as it does its own records.
        true
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _: &Id, _: &Record<'_>) {}

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let metadata = event.metadata();
        let mut message = Message::default();
        event.record(&mut message);
        let logger = metadata.target().replace("::", ".");
        Python::attach(|py| {
            let logged = py
                .import("logging")
                .and_then(|logging| logging.call_method1("getLogger", (logger,)))
                .and_then(|logger| {
                    logger.call_method1("log", (python_level(*metadata.level()), message.0))
                });
            if let Err(error) = logged {
                // As Python's logging reports a failing handler: printed, never raised
                // into the Rust code that logged.
                error.print(py);
            }
        });
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

/// Python's number for a `tracing` level (`logging.WARNING` is 30); `TRACE` is below
/// `DEBUG`, where Python has no name.
fn python_level(level: Level) -> u8 {
    match level {
        Level::ERROR => 40,
        Level::WARN => 30,
        Level::INFO => 20,
        Level::DEBUG => 10,
        Level::TRACE => 5,
    }
}

/// An event's text: its `message` if it has one, then every other field as `name=value`.
#[derive(Default)]
struct Message(String);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        // Writing to a String cannot fail.
        let _ = if field.name() == "message" {
            write!(self.0, "{value:?}")
        } else {
            write!(self.0, "{}={value:?}", field.name())
        };
    }
}
