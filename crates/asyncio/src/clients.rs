//! Clients of the [`SlowServer`]: one request, then many at once, in a thread each (what the
//! notes do) or in a task each on one thread (what `asyncio` does).
//!
//! Either way the requests overlap: a thread blocked in `read` needs no core, and a task that
//! `.await`s its read gives the one thread back to the loop. What differs is what a waiting
//! request costs: a thread has a stack of its own and a kernel thread behind it; a task is the
//! state its `async fn` keeps across `.await`, a few hundred bytes on the heap
//! (`cargo xtask bench asyncio` measures both).

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::task::JoinSet;

use crate::SlowServer;
use crate::server::{ANSWER, IDLE, REQUEST};

/// One request, blocking the calling thread until the answer (`urlopen(url).read()`).
///
/// # Errors
///
/// The connection failed, or the answer was not the server's.
// ANCHOR: fetch
pub fn fetch(server: SocketAddr) -> io::Result<()> {
    let mut connection = TcpStream::connect(server)?;
    connection.set_read_timeout(Some(IDLE))?;
    connection.write_all(REQUEST)?;
    let mut answer = Vec::new();
    connection
        .read_to_end(&mut answer) // blocks this thread while the server waits
        .map_err(|error| gave_up(error, server))?;
    expect_answer(&answer)
}

/// The same request as a future: each `.await` hands the thread back to the runtime until
/// the socket is ready (`await reader.read()` in asyncio).
pub async fn fetch_async(server: SocketAddr) -> io::Result<()> {
    let mut connection = tokio::net::TcpStream::connect(server).await?;
    connection.write_all(REQUEST).await?;
    let mut answer = Vec::new();
    connection.read_to_end(&mut answer).await?; // other tasks run while this one waits
    expect_answer(&answer)
}
// ANCHOR_END: fetch

/// A read that timed out says so (the OS's words are "Resource temporarily unavailable").
fn gave_up(error: io::Error, server: SocketAddr) -> io::Error {
    match error.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => io::Error::new(
            io::ErrorKind::TimedOut,
            format!("no answer from {server} within {} s", IDLE.as_secs()),
        ),
        _ => error,
    }
}

fn expect_answer(answer: &[u8]) -> io::Result<()> {
    if answer == ANSWER {
        Ok(())
    } else {
        let answer = String::from_utf8_lossy(answer);
        Err(io::Error::other(format!("unexpected answer {answer:?}")))
    }
}

// ANCHOR: many
/// `requests` requests at once, one thread each; how long until the last answer came.
///
/// # Errors
///
/// The first request that failed, or a thread that could not start or panicked.
pub fn fetch_in_threads(server: SocketAddr, requests: usize) -> io::Result<Duration> {
    let start = Instant::now();
    let threads = (0..requests)
        .map(|_| thread::Builder::new().spawn(move || fetch(server)))
        .collect::<io::Result<Vec<_>>>()?;
    for thread in threads {
        thread
            .join()
            .map_err(|_| io::Error::other("a client panicked"))??;
    }
    Ok(start.elapsed())
}

/// `requests` requests at once, one task each, all on the calling thread (asyncio's
/// `gather` of `requests` coroutines); how long until the last answer came.
///
/// # Errors
///
/// The first request that failed, or the runtime could not start.
pub fn fetch_in_tasks(server: SocketAddr, requests: usize) -> io::Result<Duration> {
    let runtime = crate::runtime::one_thread()?;
    let start = Instant::now();
    runtime.block_on(async {
        let mut tasks = JoinSet::new();
        for _ in 0..requests {
            tasks.spawn(fetch_async(server));
        }
        while let Some(task) = tasks.join_next().await {
            task.map_err(io::Error::other)??;
        }
        Ok::<(), io::Error>(())
    })?;
    Ok(start.elapsed())
}
// ANCHOR_END: many

/// How many requests are sent at once, and how: [`fetch_in_threads`] or [`fetch_in_tasks`].
pub type FetchAll = fn(SocketAddr, usize) -> io::Result<Duration>;

/// Starts a [`SlowServer`] for `requests` requests that waits `delay` before each answer,
/// sends them all with `fetch_all`, and waits for the server to stop: how many it answered,
/// and how long the clients took to have every answer.
///
/// # Errors
///
/// The server could not start or failed, or a request failed.
pub fn against_a_slow_server(
    fetch_all: FetchAll,
    requests: usize,
    delay: Duration,
) -> io::Result<(usize, Duration)> {
    let server = SlowServer::start(requests, delay)?;
    let took = fetch_all(server.address(), requests);
    let answered = server.finish()?; // after a failed request too: it stops by itself
    Ok((answered, took?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Robust on a loaded machine: 20 waits of 200 ms, one after another, take 4 s; together,
    /// well under half of that.
    const REQUESTS: usize = 20;
    const DELAY: Duration = Duration::from_millis(200);

    #[test]
    fn requests_in_threads_and_in_tasks_on_one_thread_overlap() {
        for fetch_all in [fetch_in_threads as FetchAll, fetch_in_tasks] {
            let (answered, took) = against_a_slow_server(fetch_all, REQUESTS, DELAY).unwrap();
            assert_eq!(answered, REQUESTS);
            assert!(took >= DELAY);
            assert!(took < DELAY * REQUESTS as u32 / 2, "took {took:?}");
        }
    }

    #[test]
    fn a_server_that_is_gone_is_an_error_not_a_hang() {
        let server = SlowServer::start(1, Duration::ZERO).unwrap();
        let address = server.address();
        fetch(address).unwrap();
        server.finish().unwrap();
        assert!(fetch(address).is_err());
    }
}
