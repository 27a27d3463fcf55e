//! The model against the real thing: the notes' `factorial`, run by `python3`, and the Rust
//! `factorial` must return the same values and warn at the same steps, in the same order, for
//! every `n` from 0 to 12 (the notes show `factorial(3)`: `6`, after warnings 3, 2 and 1).
//!
//! Skipped, with the reason printed, only where `python3` cannot be started.

use std::io::Write;
use std::sync::{Arc, Mutex};

use recursion::factorial::factorial;

const LARGEST: u32 = 12;

/// The notes' code as it stands, after a line that sends the root logger's stderr to stdout,
/// so that warnings and results arrive in one stream, in the order they happened.
const NOTES: &str = r#"
import sys
sys.stderr = sys.stdout

import logging

def factorial(n):
    if n == 0:
        return 1
    else:
        logging.warning(n)
        return n * factorial(n - 1)

for n in range(LARGEST + 1):
    print(f"factorial({n}) = {factorial(n)}")
"#;

/// A `tracing` writer that appends to a buffer the test reads afterwards.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The Rust run, written the way Python's root logger writes: `WARNING:root:<n>` for each
/// warning event (read back from `tracing`'s own ` WARN target: n=3` line), then the result.
fn rust_transcript() -> String {
    let captured = Captured::default();
    let writer = captured.clone();
    let dispatch = tracing::Dispatch::new(
        tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .without_time()
            .finish(),
    );
    let mut transcript = String::new();
    for n in 0..=LARGEST {
        let result = tracing::dispatcher::with_default(&dispatch, || {
            factorial(n).expect("12! fits in u128")
        });
        let events = std::mem::take(&mut *captured.0.lock().unwrap());
        for line in String::from_utf8(events).unwrap().lines() {
            let (level, message) = line.trim_start().split_once(' ').unwrap();
            let value = message.rsplit_once("n=").map(|(_, value)| value);
            assert_eq!((level, value.is_some()), ("WARN", true), "{line:?}");
            transcript.push_str(&format!("WARNING:root:{}\n", value.unwrap()));
        }
        transcript.push_str(&format!("factorial({n}) = {result}\n"));
    }
    transcript
}

#[test]
fn factorial_returns_and_warns_as_cpython_does() {
    let Some(cpython) = python::run(&NOTES.replace("LARGEST", &LARGEST.to_string())) else {
        return;
    };
    assert_eq!(rust_transcript().trim_end(), cpython);
}
