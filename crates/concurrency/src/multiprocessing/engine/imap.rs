//! The results of a call one by one, in input order, as they come: both pools' `imap`.
#![forbid(unsafe_code)]

use serde::de::DeserializeOwned;

use super::{Dispatch, Engine};
use crate::multiprocessing::error::PoolError;

/// Results in input order, as they come: what both pools' `imap` return, inside.
pub(crate) struct Imap<D: Dispatch, R> {
    engine: Engine<D, R>,
    next: usize,
    done: bool,
}

impl<D: Dispatch, R> Imap<D, R> {
    pub(super) fn new(engine: Engine<D, R>) -> Self {
        Self {
            engine,
            next: 0,
            done: false,
        }
    }

    /// How many results are left to yield, at most.
    pub(crate) fn left(&self) -> usize {
        if self.done {
            0
        } else {
            self.engine.outcomes.len() - self.next
        }
    }

    /// Where it is, for `Debug`.
    pub(crate) fn debug(&self, f: &mut std::fmt::Formatter<'_>, name: &str) -> std::fmt::Result {
        f.debug_struct(name)
            .field("next", &self.next)
            .field("done", &self.done)
            .finish()
    }
}

impl<D: Dispatch, R: DeserializeOwned> Iterator for Imap<D, R> {
    type Item = Result<R, PoolError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let engine = &mut self.engine;
        loop {
            if self.next == engine.outcomes.len() {
                self.done = true;
                // Let the workers finish on their own, then reap them.
                while !engine.dispatch.settled() {
                    if engine.pump().is_err() {
                        engine.kill_owing();
                    }
                }
                return None;
            }
            if let Some(item) = engine.outcomes.take(self.next) {
                self.next += 1;
                return Some(item);
            }
            if let Some(error) = engine.take_fatal() {
                self.done = true;
                return Some(Err(error));
            }
            if let Err(error) = engine.pump() {
                self.done = true;
                engine.kill_owing();
                return Some(Err(error));
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.left()))
    }
}
