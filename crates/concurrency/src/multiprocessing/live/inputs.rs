//! A call's inputs, encoded once, each as the frame a worker reads it in: a run of
//! consecutive inputs is one slice of bytes.
#![forbid(unsafe_code)]

use std::ops::Range;

use serde::Serialize;

use crate::multiprocessing::error::PoolError;
use crate::multiprocessing::frame::push_frame;

/// Every input of a call, postcard-encoded in frames, end to end.
pub(crate) struct Inputs {
    frames: Vec<u8>,
    /// Where input `i`'s frame starts; one more at the end, where the last one ends.
    starts: Vec<usize>,
}

impl Inputs {
    /// Encodes every input.
    ///
    /// # Errors
    /// [`PoolError::InputUnencodable`] for the first input postcard cannot encode.
    pub(crate) fn encode<T: Serialize>(
        inputs: impl IntoIterator<Item = T>,
    ) -> Result<Self, PoolError> {
        let mut encoded = Self {
            frames: Vec::new(),
            starts: vec![0],
        };
        for (index, input) in inputs.into_iter().enumerate() {
            push_frame(&mut encoded.frames, &input)
                .map_err(|message| PoolError::InputUnencodable { index, message })?;
            encoded.starts.push(encoded.frames.len());
        }
        Ok(encoded)
    }

    /// How many inputs there are.
    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The frames of the inputs in `range`, end to end.
    pub(crate) fn frames(&self, range: Range<usize>) -> &[u8] {
        &self.frames[self.starts[range.start]..self.starts[range.end]]
    }
}
