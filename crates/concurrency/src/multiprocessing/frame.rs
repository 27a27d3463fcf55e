//! What a worker sends its parent: length-prefixed postcard frames over a pipe.
//!
//! A frame is a 4-byte little-endian length and that many bytes of a postcard-encoded
//! [`Message`]. The length prefix lets the parent read whatever a pipe holds right now, keep
//! the partial frame, and come back later: it never has to block on one worker while another
//! waits for it to drain a full pipe (64 KiB), which is the classic deadlock of a parent that
//! reads its children in a fixed order.
#![forbid(unsafe_code)]

use std::os::fd::AsFd;

use nix::errno::Errno;
use nix::unistd::Pid;
use serde::{Deserialize, Serialize};

use super::error::PoolError;

/// Bytes of the length prefix.
const PREFIX: usize = 4;

/// One message from a worker to its parent.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum Message<R> {
    /// The task at `index` returned `value`.
    Done {
        /// The input's index.
        index: usize,
        /// What the function returned.
        value: R,
    },
    /// The task at `index` panicked.
    Panicked {
        /// The input's index.
        index: usize,
        /// The panic's message.
        message: String,
        /// `file:line:column` of the panic, when the worker's panic hook saw it.
        location: Option<String>,
    },
    /// The task at `index` returned a value postcard could not encode.
    Unencodable {
        /// The input's index.
        index: usize,
        /// postcard's error.
        message: String,
    },
    /// The pool's initializer panicked; the worker ran no task.
    InitPanicked {
        /// The panic's message.
        message: String,
    },
    /// No task is left: the worker is about to `_exit(0)`.
    Finished,
}

/// Appends `message` to `out` as one frame.
///
/// # Errors
/// postcard's error if a value cannot be encoded, or a message over 4 GiB; `out` is left as
/// it was.
pub(crate) fn push_frame<M: Serialize>(out: &mut Vec<u8>, message: &M) -> Result<(), String> {
    let bytes = postcard::to_allocvec(message).map_err(|error| error.to_string())?;
    let len = u32::try_from(bytes.len()).map_err(|_| {
        format!(
            "a result of {} bytes is over the 4 GiB frame limit",
            bytes.len()
        )
    })?;
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&bytes);
    Ok(())
}

/// Writes all of `bytes` with raw `write(2)` calls: no lock, no buffer, retried on `EINTR`.
///
/// It blocks while the pipe is full, until the parent reads.
pub(crate) fn write_all(fd: impl AsFd, mut bytes: &[u8]) -> Result<(), Errno> {
    while !bytes.is_empty() {
        match nix::unistd::write(fd.as_fd(), bytes) {
            Ok(0) => return Err(Errno::EPIPE),
            Ok(n) => bytes = &bytes[n..],
            Err(Errno::EINTR) => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

/// The parent's end of one worker's stream: bytes read so far, cut into frames.
#[derive(Debug, Default)]
pub(crate) struct FrameBuffer {
    bytes: Vec<u8>,
}

impl FrameBuffer {
    /// How much one read asks for.
    const READ: usize = 64 * 1024;

    /// Reads once from `fd` (which `poll` said is readable) and returns how many bytes came:
    /// 0 means end of file.
    pub(crate) fn read_from(&mut self, fd: impl AsFd) -> Result<usize, Errno> {
        let old = self.bytes.len();
        self.bytes.resize(old + Self::READ, 0);
        let result = loop {
            match nix::unistd::read(fd.as_fd(), &mut self.bytes[old..]) {
                Err(Errno::EINTR) => {}
                other => break other,
            }
        };
        self.bytes.truncate(old + *result.as_ref().unwrap_or(&0));
        result
    }

    /// Reads once from worker `pid`'s pipe `fd` (which `poll` said is readable) and takes out
    /// every complete frame, decoded as `M`; `true` with them means end of file.
    ///
    /// # Errors
    /// `read`'s error, or a frame that does not decode ([`PoolError::Protocol`]).
    pub(crate) fn read_messages<M: for<'de> Deserialize<'de>>(
        &mut self,
        fd: impl AsFd,
        pid: Pid,
    ) -> Result<(Vec<M>, bool), PoolError> {
        let n = self.read_from(fd).map_err(PoolError::os("read"))?;
        let messages = self
            .frames::<M>()
            .map_err(|message| PoolError::Protocol { pid, message })?;
        Ok((messages, n == 0))
    }

    /// Takes every complete frame out of the buffer, decoded as `M` (a [`Message`], or the
    /// long-lived pool's orders), leaving a partial one for later.
    pub(crate) fn frames<M: for<'de> Deserialize<'de>>(&mut self) -> Result<Vec<M>, String> {
        let mut messages = Vec::new();
        let mut start = 0;
        while let Some(prefix) = self.bytes.get(start..start + PREFIX) {
            let mut len = [0; PREFIX];
            len.copy_from_slice(prefix);
            // A u32 always fits in a usize on the 32- and 64-bit targets `fork` exists on.
            let len = u32::from_le_bytes(len) as usize;
            let Some(body) = self.bytes.get(start + PREFIX..start + PREFIX + len) else {
                break;
            };
            let message = postcard::from_bytes(body)
                .map_err(|error| format!("a worker sent a frame that does not decode: {error}"))?;
            messages.push(message);
            start += PREFIX + len;
        }
        self.bytes.drain(..start);
        Ok(messages)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_survive_being_cut_anywhere() {
        let mut wire = Vec::new();
        for index in 0..3 {
            let message = Message::Done {
                index,
                value: vec![index as u8; 100_000],
            };
            push_frame(&mut wire, &message).unwrap();
        }
        push_frame(&mut wire, &Message::<Vec<u8>>::Finished).unwrap();
        let mut buffer = FrameBuffer::default();
        let mut got = Vec::new();
        for piece in wire.chunks(7_777) {
            buffer.bytes.extend_from_slice(piece);
            got.extend(buffer.frames::<Message<Vec<u8>>>().unwrap());
        }
        assert!(buffer.bytes.is_empty());
        assert_eq!(got.len(), 4);
        for (i, message) in got.iter().enumerate().take(3) {
            assert!(
                matches!(message, Message::Done { index, value } if *index == i && value.len() == 100_000)
            );
        }
        assert!(matches!(got[3], Message::Finished));
    }

    #[test]
    fn a_message_without_a_value_reads_the_same_for_every_result_type() {
        // The long-lived pool's workers send these without knowing the call's result type.
        let mut wire = Vec::new();
        push_frame(
            &mut wire,
            &Message::<()>::InitPanicked {
                message: "no".into(),
            },
        )
        .unwrap();
        push_frame(&mut wire, &Message::<()>::Finished).unwrap();
        let mut buffer = FrameBuffer { bytes: wire };
        let got = buffer.frames::<Message<Vec<String>>>().unwrap();
        assert!(matches!(&got[0], Message::InitPanicked { message } if message == "no"));
        assert!(matches!(got[1], Message::Finished));
    }

    #[test]
    fn a_garbled_frame_is_an_error_not_a_panic() {
        let mut buffer = FrameBuffer::default();
        buffer.bytes.extend_from_slice(&[2, 0, 0, 0, 0xff, 0xff]);
        assert!(buffer.frames::<Message<u32>>().is_err());
    }
}
