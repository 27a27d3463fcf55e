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
use serde::{Deserialize, Serialize};

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

/// Appends `message` to `out` as one frame, encoded in place (no buffer of its own).
///
/// # Errors
/// postcard's error if a value cannot be encoded, or a message over 4 GiB; `out` is left as
/// it was.
pub(crate) fn push_frame<M: Serialize>(out: &mut Vec<u8>, message: &M) -> Result<(), String> {
    let at = out.len();
    out.extend_from_slice(&[0; PREFIX]);
    let encoded = postcard::serialize_with_flavor(message, Append(out))
        .map_err(|error| error.to_string())
        .and_then(|()| {
            let len = out.len() - at - PREFIX;
            u32::try_from(len)
                .map_err(|_| format!("a result of {len} bytes is over the 4 GiB frame limit"))
        });
    match encoded {
        Ok(len) => {
            out[at..at + PREFIX].copy_from_slice(&len.to_le_bytes());
            Ok(())
        }
        Err(error) => {
            out.truncate(at);
            Err(error)
        }
    }
}

/// postcard's output, appended to a `Vec` the caller keeps.
struct Append<'a>(&'a mut Vec<u8>);

impl postcard::ser_flavors::Flavor for Append<'_> {
    type Output = ();

    fn try_push(&mut self, byte: u8) -> postcard::Result<()> {
        self.0.push(byte);
        Ok(())
    }

    fn try_extend(&mut self, bytes: &[u8]) -> postcard::Result<()> {
        self.0.extend_from_slice(bytes);
        Ok(())
    }

    fn finalize(self) -> postcard::Result<()> {
        Ok(())
    }
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

/// The reading end of one stream of frames: bytes read so far, cut into frames.
///
/// The storage is zeroed once, as it grows, and reused: a read goes into the free room after
/// the bytes not yet cut into frames, so a stream of short frames costs no fill of a fresh
/// 64 KiB per read (which, before, was most of what a task cost the started pool).
#[derive(Debug, Default)]
pub(crate) struct FrameBuffer {
    storage: Vec<u8>,
    /// The bytes not cut into frames yet: `storage[start..end]`.
    start: usize,
    end: usize,
}

impl FrameBuffer {
    /// How much one read asks for.
    const READ: usize = 64 * 1024;

    /// Reads once from `fd` (which `poll` said is readable) and returns how many bytes came:
    /// 0 means end of file.
    pub(crate) fn read_from(&mut self, fd: impl AsFd) -> Result<usize, Errno> {
        self.make_room();
        let result = loop {
            match nix::unistd::read(fd.as_fd(), &mut self.storage[self.end..]) {
                Err(Errno::EINTR) => {}
                other => break other,
            }
        };
        self.end += *result.as_ref().unwrap_or(&0);
        result
    }

    /// Makes [`READ`](Self::READ) bytes of room after the unread bytes: moves them to the
    /// front if they are not there, and grows the storage only if that is not enough.
    fn make_room(&mut self) {
        if self.start > 0 {
            self.storage.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.storage.len() < self.end + Self::READ {
            self.storage.resize(self.end + Self::READ, 0);
        }
    }

    /// Appends `bytes` as if they had been read.
    #[cfg(test)]
    fn push(&mut self, bytes: &[u8]) {
        self.make_room();
        self.storage.truncate(self.end);
        self.storage.extend_from_slice(bytes);
        self.end += bytes.len();
    }

    /// Takes every complete frame out of the buffer, decoded as `M`, leaving a partial one for
    /// later.
    pub(crate) fn frames<M: for<'de> Deserialize<'de>>(&mut self) -> Result<Vec<M>, String> {
        let mut messages = Vec::new();
        while let Some(body) = self.next_frame() {
            let message = postcard::from_bytes(body)
                .map_err(|error| format!("a worker sent a frame that does not decode: {error}"))?;
            messages.push(message);
        }
        Ok(messages)
    }

    /// Takes the next complete frame out of the buffer, as the bytes it carries.
    pub(crate) fn next_frame(&mut self) -> Option<&[u8]> {
        let bytes = &self.storage[self.start..self.end];
        let prefix: [u8; PREFIX] = bytes.get(..PREFIX)?.try_into().ok()?;
        // A u32 always fits in a usize on the 32- and 64-bit targets `fork` exists on.
        let len = u32::from_le_bytes(prefix) as usize;
        bytes.get(PREFIX..PREFIX + len)?;
        let body = self.start + PREFIX..self.start + PREFIX + len;
        self.start = body.end;
        if self.start == self.end {
            // Nothing left: the next read goes to the front, with no bytes to move (the
            // frame's bytes stay where they are until then).
            (self.start, self.end) = (0, 0);
        }
        Some(&self.storage[body])
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
            buffer.push(piece);
            got.extend(buffer.frames::<Message<Vec<u8>>>().unwrap());
        }
        assert_eq!((buffer.start, buffer.end), (0, 0));
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
        let mut buffer = FrameBuffer::default();
        buffer.push(&wire);
        let got = buffer.frames::<Message<Vec<String>>>().unwrap();
        assert!(matches!(&got[0], Message::InitPanicked { message } if message == "no"));
        assert!(matches!(got[1], Message::Finished));
    }

    #[test]
    fn a_garbled_frame_is_an_error_not_a_panic() {
        let mut buffer = FrameBuffer::default();
        buffer.push(&[2, 0, 0, 0, 0xff, 0xff]);
        assert!(buffer.frames::<Message<u32>>().is_err());
    }
}
