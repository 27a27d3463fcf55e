//! What a map has received so far: for each input, its result or its error, exactly once.
#![forbid(unsafe_code)]

use std::collections::BTreeMap;

use nix::unistd::Pid;

use super::error::PoolError;
use super::frame::Message;

/// What a worker's message was about, once [`Outcomes::record`] has kept a task's outcome.
pub(crate) enum Recorded {
    /// The outcome of the task at this index, now kept.
    Task(usize),
    /// The pool's initializer panicked with this message.
    InitPanicked(String),
    /// The worker has no task left.
    Finished,
}

/// Each input's outcome, as the frames bring them in any order.
pub(crate) struct Outcomes<R> {
    results: Vec<Option<R>>,
    /// Which inputs have had a result or an error, so that none is counted twice.
    arrived: Vec<bool>,
    /// How many inputs have had their outcome.
    count: usize,
    /// Per-task errors (panics, unencodable results), by input index.
    errors: BTreeMap<usize, PoolError>,
}

impl<R> Outcomes<R> {
    /// Nothing received yet for `len` inputs.
    pub(crate) fn new(len: usize) -> Self {
        Self {
            results: std::iter::repeat_with(|| None).take(len).collect(),
            arrived: vec![false; len],
            count: 0,
            errors: BTreeMap::new(),
        }
    }

    /// The number of inputs.
    pub(crate) fn len(&self) -> usize {
        self.results.len()
    }

    /// Whether every input has had its result or its error: nothing can be lost any more.
    pub(crate) fn complete(&self) -> bool {
        self.count == self.arrived.len()
    }

    /// Whether input `index` has had its result or its error.
    pub(crate) fn arrived(&self, index: usize) -> bool {
        self.arrived.get(index).copied().unwrap_or(false)
    }

    /// Keeps what `message` from worker `pid` says about a task: its result, its panic, or
    /// a result that could not be encoded; and says what the message was.
    ///
    /// # Errors
    /// As for [`result`](Self::result).
    pub(crate) fn record(&mut self, pid: Pid, message: Message<R>) -> Result<Recorded, PoolError> {
        match message {
            Message::Done { index, value } => {
                self.result(pid, index, value)?;
                Ok(Recorded::Task(index))
            }
            Message::Panicked {
                index,
                message,
                location,
            } => {
                let error = PoolError::TaskPanicked {
                    index,
                    pid,
                    message,
                    location,
                };
                self.error(pid, index, error)?;
                Ok(Recorded::Task(index))
            }
            Message::Unencodable { index, message } => {
                let error = PoolError::Unencodable {
                    index,
                    pid,
                    message,
                };
                self.error(pid, index, error)?;
                Ok(Recorded::Task(index))
            }
            Message::InitPanicked { message } => Ok(Recorded::InitPanicked(message)),
            Message::Finished => Ok(Recorded::Finished),
        }
    }

    /// Records that worker `pid` computed `value` for input `index`.
    ///
    /// # Errors
    /// [`PoolError::Protocol`] if `index` does not exist or already had an outcome.
    pub(crate) fn result(&mut self, pid: Pid, index: usize, value: R) -> Result<(), PoolError> {
        self.arrive(pid, index)?;
        self.results[index] = Some(value);
        Ok(())
    }

    /// Records that input `index` failed in worker `pid` with `error`.
    ///
    /// # Errors
    /// As for [`result`](Self::result).
    pub(crate) fn error(
        &mut self,
        pid: Pid,
        index: usize,
        error: PoolError,
    ) -> Result<(), PoolError> {
        self.arrive(pid, index)?;
        self.errors.insert(index, error);
        Ok(())
    }

    /// Takes the result or the error of the input at `index`, if it has come.
    pub(crate) fn take(&mut self, index: usize) -> Option<Result<R, PoolError>> {
        if let Some(error) = self.errors.remove(&index) {
            return Some(Err(error));
        }
        self.results.get_mut(index)?.take().map(Ok)
    }

    /// The per-task error with the lowest index so far, if any.
    pub(crate) fn first_error(&mut self) -> Option<PoolError> {
        self.errors.pop_first().map(|(_, error)| error)
    }

    /// Checks that input `index` exists and had no outcome yet: none is lost or doubled.
    fn arrive(&mut self, pid: Pid, index: usize) -> Result<(), PoolError> {
        match self.arrived.get_mut(index) {
            Some(arrived) if !*arrived => {
                *arrived = true;
                self.count += 1;
                Ok(())
            }
            Some(_) => Err(PoolError::Protocol {
                pid,
                message: format!("a second result for input {index}"),
            }),
            None => Err(PoolError::Protocol {
                pid,
                message: format!("a result for input {index}, which does not exist"),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_come_out_by_index_whatever_order_they_came_in() {
        let pid = Pid::from_raw(42);
        let mut outcomes = Outcomes::new(3);
        outcomes.result(pid, 2, "two").unwrap();
        let panic = PoolError::TaskPanicked {
            index: 1,
            pid,
            message: "no".to_owned(),
            location: None,
        };
        outcomes.error(pid, 1, panic.clone()).unwrap();
        assert_eq!(outcomes.take(0), None);
        assert!(!outcomes.complete());
        outcomes.result(pid, 0, "zero").unwrap();
        assert!(outcomes.complete());
        assert_eq!(outcomes.take(0), Some(Ok("zero")));
        assert_eq!(outcomes.take(0), None);
        assert_eq!(outcomes.first_error(), Some(panic));
        assert_eq!(outcomes.take(2), Some(Ok("two")));
        assert_eq!(outcomes.take(3), None);
    }

    #[test]
    fn a_doubled_or_unknown_result_is_a_protocol_error() {
        let pid = Pid::from_raw(42);
        let mut outcomes = Outcomes::new(2);
        outcomes.result(pid, 1, ()).unwrap();
        let doubled = outcomes.result(pid, 1, ()).unwrap_err();
        assert_eq!(
            doubled.to_string(),
            "worker 42: a second result for input 1"
        );
        let unknown = outcomes.result(pid, 2, ()).unwrap_err();
        assert!(matches!(unknown, PoolError::Protocol { .. }), "{unknown}");
    }
}
