//! What a task prints reaches stdout exactly once, newline or not, and the parent's own
//! output is never written a second time by a child.

use std::io::Read as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use concurrency::multiprocessing::{Pool, Process, ProcessEnd};
use nix::unistd::{dup2_stdout, pipe};

/// Runs `body` in a child whose stdout is a pipe, and returns how it ended and what it wrote
/// there (its own output, its pool workers' and its children's: they inherit the pipe).
pub(crate) fn capture(body: impl FnOnce()) -> (ProcessEnd, String) {
    let (read, write) = pipe().expect("pipe");
    let child = Process::start(|| {
        // The closure borrows the pipe: the child's copies close when it exits.
        dup2_stdout(&write).expect("dup2");
        body();
    })
    .expect("fork");
    drop(write);
    let mut text = String::new();
    std::fs::File::from(read)
        .read_to_string(&mut text)
        .expect("read the child's stdout");
    (child.join().expect("join"), text)
}

/// Splits `text` into its `[...]` and `<...>` tokens; text between tokens is an error.
fn tokens(text: &str) -> Result<Vec<&str>, String> {
    let mut tokens = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let close = match rest.as_bytes()[0] {
            b'[' => ']',
            b'<' => '>',
            _ => return Err(format!("stray text at {rest:.40?}")),
        };
        let end = rest
            .find(close)
            .ok_or_else(|| format!("cut token at {rest:.40?}"))?;
        tokens.push(&rest[..=end]);
        rest = &rest[end + 1..];
    }
    Ok(tokens)
}

const TASKS: u32 = 40;

/// The parent prints `[before]` unflushed, forks a pool whose tasks each `print!` a token
/// without a newline while a thread of the parent prints numbered tokens the whole time, then
/// `[returned]`, a `Process` child prints `[process]` unflushed, and the parent `[printed N]`.
fn print_around_a_map(use_imap: bool) {
    let stop = Arc::new(AtomicBool::new(false));
    let printer = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                // Formatted first, so that it goes into stdout's buffer in one piece and is
                // never cut between two writes, where a worker's output could come between.
                let token = format!("[t{n}]");
                print!("{token}");
                n += 1;
                thread::sleep(Duration::from_micros(20));
            }
            n
        })
    };
    print!("[before]");
    // No newline. A worker's few tokens stay far below the 1 KiB of stdout's buffer, so
    // they go out in one write, when the worker flushes.
    let task = |x: u32| {
        print!("<{x}>");
        x
    };
    let pool = Pool::new(2).chunksize(1);
    let got: Vec<u32> = if use_imap {
        pool.imap(task, 0..TASKS)
            .unwrap()
            .map(Result::unwrap)
            .collect()
    } else {
        pool.map(task, 0..TASKS).unwrap()
    };
    assert_eq!(got, (0..TASKS).collect::<Vec<_>>());
    print!("[returned]");
    let child = Process::start(|| print!("[process]")).unwrap();
    assert_eq!(child.join().unwrap(), ProcessEnd::Exited(0));
    stop.store(true, Ordering::Relaxed);
    let printed = printer.join().unwrap();
    print!("[printed {printed}]");
}

/// Checks what [`print_around_a_map`] wrote: every token once, in the order it must have.
fn check_output(text: &str) -> Result<(), String> {
    let tokens = tokens(text)?;
    let count = |token: &str| tokens.iter().filter(|t| **t == token).count();
    let position = |token: &str| tokens.iter().position(|t| *t == token);
    for marker in ["[before]", "[returned]", "[process]"] {
        if count(marker) != 1 {
            return Err(format!("{marker} written {} times", count(marker)));
        }
    }
    let returned = position("[returned]").unwrap_or(0);
    for x in 0..TASKS {
        let token = format!("<{x}>");
        if count(&token) != 1 {
            return Err(format!("{token} written {} times", count(&token)));
        }
        if position(&token) > Some(returned) {
            return Err(format!("{token} came after map returned"));
        }
    }
    if position("[before]") > position("<0>") || position("[process]") < Some(returned) {
        return Err("the parent's markers are out of order".to_owned());
    }
    // The printer's tokens: each once, in order, and all of them.
    let printed: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| t.starts_with("[t"))
        .collect();
    let expected: Vec<String> = (0..printed.len()).map(|n| format!("[t{n}]")).collect();
    if printed != expected {
        return Err("the parent's own tokens are doubled, lost or reordered".to_owned());
    }
    match tokens.last() {
        Some(last) if *last == format!("[printed {}]", printed.len()) => Ok(()),
        last => Err(format!(
            "ends with {last:?}, {} tokens printed",
            printed.len()
        )),
    }
}

pub(crate) fn task_output_arrives_once() {
    for round in 0..20 {
        let use_imap = round % 2 == 1;
        let (status, text) = capture(|| print_around_a_map(use_imap));
        assert_eq!(status, ProcessEnd::Exited(0), "round {round}: {text:.400}");
        if let Err(problem) = check_output(&text) {
            panic!("round {round} (imap: {use_imap}): {problem}\n{text:.2000}");
        }
    }
}
