//! The notes' IO case at scale: a hundred requests to a server that waits 50 ms before each
//! answer, in a thread each, then in a task each on one thread. One after another they would
//! take five seconds; the verdict is whether they finished in under one, which only overlap
//! gives and which a loaded machine, or one core, still meets (they take some 60 ms here).

use std::time::Duration;

use asyncio::clients::{FetchAll, against_a_slow_server, fetch_in_tasks, fetch_in_threads};
use demo::{Section, yes_no};

pub(crate) const SECTIONS: &[Section] = &[Section {
    name: "many-waits",
    title: "A hundred requests to a slow server: in threads, and in tasks on one thread",
    run: many_waits,
}];

const REQUESTS: usize = 100;
const DELAY: Duration = Duration::from_millis(50);
const OVERLAPPED: Duration = Duration::from_secs(1);

fn many_waits() -> demo::Result {
    let delay = DELAY.as_millis();
    println!("a server on 127.0.0.1 answers each request {delay} ms after it comes");
    println!(
        "{REQUESTS} requests one after another would take at least {} ms",
        delay * REQUESTS as u128
    );
    let ways: [(&str, FetchAll); 2] = [
        ("one thread each", fetch_in_threads),
        ("one task each, all on one thread (tokio)", fetch_in_tasks),
    ];
    for (way, fetch_all) in ways {
        let (answered, took) = against_a_slow_server(fetch_all, REQUESTS, DELAY)?;
        println!("{REQUESTS} requests, {way}:");
        println!("  answered: {answered}, in {} ms", took.as_millis());
        println!(
            "  under {} s (they overlapped): {}",
            OVERLAPPED.as_secs(),
            yes_no(answered == REQUESTS && took < OVERLAPPED)
        );
    }
    Ok(())
}
