//! What a task prints reaches stdout exactly once, newline or not, before its call returns,
//! and the parent's own output is never written a second time by a child.

use std::io::Read as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use concurrency::multiprocessing::{Pool, Process, ProcessEnd};
use nix::unistd::{dup2_stdout, pipe};

use crate::harness::check;
use crate::pools::Pools;

/// Runs `body` in a child whose stdout is a pipe, and returns how it ended and what it wrote
/// there (its own output, its pool workers' and its children's: they inherit the pipe).
fn capture(body: impl FnOnce()) -> (ProcessEnd, String) {
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

/// Calls in each round, and tasks in each call.
const CALLS: u32 = 3;
const TASKS: u32 = 14;

/// The inputs of call `call`: their tokens must all come between its markers.
fn inputs(call: u32) -> std::ops::Range<u32> {
    call * TASKS..(call + 1) * TASKS
}

/// Prints `text` and flushes it: a started pool forks no more after `start`, so nothing
/// else writes the parent's buffer out before the call's tokens.
fn marker(text: String) {
    print!("{text}");
    let _ = std::io::Write::flush(&mut std::io::stdout());
}

/// While a thread of the parent prints numbered tokens the whole time, the parent prints
/// `[before]` unflushed, makes the pool (a started pool forks there), and makes
/// [`CALLS`] calls, `map` and `imap` in turn, between `[call N]` and `[returned N]`, whose
/// tasks each `print!` a token without a newline; then a `Process` child prints `[process]`
/// unflushed, and the parent `[printed N]`.
fn print_around_calls(pools: Pools, round: u32) {
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
    let mut pool = pools.pool(Pool::new(2).chunksize(1));
    for call in 0..CALLS {
        marker(format!("[call {call}]"));
        let got: Vec<u32> = if (round + call) % 2 == 1 {
            pool.imap(task, inputs(call))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        } else {
            pool.map(task, inputs(call)).unwrap()
        };
        assert!(got.into_iter().eq(inputs(call)));
        marker(format!("[returned {call}]"));
    }
    drop(pool);
    let child = Process::start(|| print!("[process]")).unwrap();
    assert_eq!(child.join().unwrap(), ProcessEnd::Exited(0));
    stop.store(true, Ordering::Relaxed);
    let printed = printer.join().unwrap();
    print!("[printed {printed}]");
}

/// Checks what [`print_around_calls`] wrote: every token once, in the order it must have.
fn check_output(text: &str) -> Result<(), String> {
    let tokens = tokens(text)?;
    let count = |token: &str| tokens.iter().filter(|t| **t == token).count();
    let position = |token: &str| tokens.iter().position(|t| *t == token);
    let mut markers = vec!["[before]".to_owned()];
    for call in 0..CALLS {
        markers.push(format!("[call {call}]"));
        markers.push(format!("[returned {call}]"));
    }
    markers.push("[process]".to_owned());
    for marker in &markers {
        if count(marker) != 1 {
            return Err(format!("{marker} written {} times", count(marker)));
        }
    }
    if !markers.iter().map(|marker| position(marker)).is_sorted() {
        return Err("the parent's markers are out of order".to_owned());
    }
    for call in 0..CALLS {
        let start = position(&format!("[call {call}]"));
        let end = position(&format!("[returned {call}]"));
        for x in inputs(call) {
            let token = format!("<{x}>");
            if count(&token) != 1 {
                return Err(format!("{token} written {} times", count(&token)));
            }
            if !(start < position(&token) && position(&token) < end) {
                return Err(format!("{token} came outside its call"));
            }
        }
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

fn task_output_arrives_once_newline_or_not(pools: Pools) {
    for round in 0..10 {
        let (status, text) = capture(|| print_around_calls(pools, round));
        assert_eq!(status, ProcessEnd::Exited(0), "round {round}: {text:.400}");
        if let Err(problem) = check_output(&text) {
            panic!("round {round}: {problem}\n{text:.2000}");
        }
    }
}
check!(each_pool: task_output_arrives_once_newline_or_not);
