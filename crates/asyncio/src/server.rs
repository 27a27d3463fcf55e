//! [`SlowServer`]: the notes' slow URL, on `127.0.0.1`. Each request waits `delay` before its
//! answer, as a remote server would; the server answers at most the number of requests it
//! was started for, then stops by itself, and it also stops when no client comes for
//! [`IDLE`], so a test or demo that fails half-way never leaves it running.
//!
//! The protocol is one line each way: the client sends [`REQUEST`], the server waits, sends
//! [`ANSWER`] and closes the connection. Anything else, or a line longer than [`REQUEST`], is
//! refused by closing the connection without an answer.
//!
//! The server is itself the async pattern the page teaches: one task per connection, on one
//! thread (its own, so that clients in the calling thread can use blocking calls), and a
//! sleep that `.await`s, so a hundred connections wait at the same time.

use std::io;
use std::net::SocketAddr;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::task::JoinSet;
use tokio::time::{sleep, timeout};

/// What a client sends: one line.
pub const REQUEST: &[u8] = b"wait\n";
/// What the server answers, after its delay.
pub const ANSWER: &[u8] = b"done\n";
/// How long the server waits for the next client, or for a request line, before it gives up.
pub const IDLE: Duration = Duration::from_secs(5);

/// How many connections may wait to be accepted. `std`'s `TcpListener::bind` asks for 128,
/// fewer than the bench's 200 clients arriving at once: Linux drops a connection beyond the
/// queue, and TCP retries it only after a timeout (a second), which would be what the bench
/// measured.
const BACKLOG: u32 = 1024;

/// A server on `127.0.0.1` that answers each request after a delay, on a thread of its own.
#[derive(Debug)]
pub struct SlowServer {
    address: SocketAddr,
    thread: JoinHandle<io::Result<usize>>,
}

impl SlowServer {
    /// Starts a server that answers `requests` requests, each `delay` after it came, then
    /// stops. It listens on a port the OS picks ([`SlowServer::address`]) before this returns.
    ///
    /// # Errors
    ///
    /// The OS refused the socket, or the server's runtime or thread.
    pub fn start(requests: usize, delay: Duration) -> io::Result<SlowServer> {
        let runtime = crate::runtime::one_thread()?;
        let listener = {
            let _in_the_runtime = runtime.enter(); // the socket registers with its IO driver
            let socket = TcpSocket::new_v4()?;
            socket.bind(SocketAddr::from(([127, 0, 0, 1], 0)))?;
            socket.listen(BACKLOG)?
        };
        let address = listener.local_addr()?;
        let thread = thread::Builder::new()
            .name("slow-server".into())
            .spawn(move || runtime.block_on(serve(listener, requests, delay)))?;
        Ok(SlowServer { address, thread })
    }

    /// Where the server listens.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Waits until the server has stopped (after its last answer, or [`IDLE`] after the last
    /// client came) and returns how many requests it answered.
    ///
    /// # Errors
    ///
    /// The server failed to accept a connection, or its thread panicked.
    pub fn finish(self) -> io::Result<usize> {
        self.thread
            .join()
            .map_err(|_| io::Error::other("the server's thread panicked"))?
    }
}

// ANCHOR: serve
/// Accepts up to `requests` connections, one task each, and returns how many were answered.
async fn serve(listener: TcpListener, requests: usize, delay: Duration) -> io::Result<usize> {
    let mut answering = JoinSet::new();
    for _ in 0..requests {
        let Ok(accepted) = timeout(IDLE, listener.accept()).await else {
            break; // nobody came: stop rather than wait forever
        };
        let (connection, _) = accepted?;
        answering.spawn(answer(connection, delay));
    }
    let mut answered = 0;
    while let Some(task) = answering.join_next().await {
        answered += usize::from(matches!(task, Ok(Ok(true))));
    }
    Ok(answered)
}

/// Reads the request line, waits `delay` (awaiting: the thread serves others meanwhile),
/// answers. `Ok(false)` for a request that was not [`REQUEST`].
async fn answer(connection: TcpStream, delay: Duration) -> io::Result<bool> {
    let mut connection = BufReader::new(connection);
    let mut request = Vec::new();
    let limit = REQUEST.len() as u64;
    let mut line = (&mut connection).take(limit);
    timeout(IDLE, line.read_until(b'\n', &mut request)).await??;
    if request != REQUEST {
        return Ok(false);
    }
    sleep(delay).await; // the slow URL: most of the time is spent waiting
    connection.get_mut().write_all(ANSWER).await?;
    Ok(true)
}
// ANCHOR_END: serve

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpStream;

    #[test]
    fn it_answers_each_request_then_stops() {
        let server = SlowServer::start(2, Duration::from_millis(1)).unwrap();
        for _ in 0..2 {
            assert_eq!(crate::clients::fetch(server.address()).unwrap(), ());
        }
        assert_eq!(server.finish().unwrap(), 2);
    }

    #[test]
    fn a_wrong_request_gets_no_answer_and_is_not_counted() {
        let server = SlowServer::start(1, Duration::from_millis(1)).unwrap();
        let mut connection = TcpStream::connect(server.address()).unwrap();
        connection.write_all(b"what\n").unwrap();
        let mut reply = Vec::new();
        connection.read_to_end(&mut reply).unwrap();
        assert!(reply.is_empty());
        assert_eq!(server.finish().unwrap(), 0);
    }
}
