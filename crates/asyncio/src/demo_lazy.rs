//! What an `async fn` call is: a future, a value that has not started. Like a coroutine
//! object in Python, it runs only when something drives it: `.await` in another async fn, or
//! a runtime's `block_on` (`asyncio.run`). A spawned task (`tokio::spawn`, asyncio's
//! `create_task`) is different: the runtime drives it at its next chance, awaited or not.

use std::sync::Mutex;

use demo::Section;
use tokio::task;

pub(crate) const SECTIONS: &[Section] = &[Section {
    name: "lazy-future",
    title: "An async fn called does nothing until it is awaited, or spawned",
    run: lazy_future,
}];

/// What ran, in order: the section prints it at the points where it looks. Its lock is
/// poisoned only if a holder panicked, and neither holder can (a push, a drain), hence the
/// `unwrap`s.
static RAN: Mutex<Vec<String>> = Mutex::new(Vec::new());

// ANCHOR: greet
async fn greet(name: &'static str) -> usize {
    RAN.lock().unwrap().push(format!("greet({name:?}) ran"));
    name.len()
}
// ANCHOR_END: greet

/// Prints what ran since the last look, or that nothing did.
fn look(after: &str) {
    let ran: Vec<String> = RAN.lock().unwrap().drain(..).collect();
    let ran = if ran.is_empty() {
        "nothing ran".to_string()
    } else {
        ran.join(", ")
    };
    println!("{after}: {ran}");
}

fn lazy_future() -> demo::Result {
    let runtime = asyncio::runtime::one_thread()?;
    // ANCHOR: lazy
    let future = greet("future"); // a value: the body has not started
    look("greet(\"future\") called");
    let length = runtime.block_on(future); // asyncio.run(coroutine)
    look("runtime.block_on(future)");
    println!("  it returned {length}");

    runtime.block_on(async {
        let handle = task::spawn(greet("task")); // asyncio.create_task(...)
        look("task::spawn(greet(\"task\"))");
        task::yield_now().await; // the spawner awaits something: the runtime runs the task
        look("after the spawner's next .await");
        drop(handle); // not awaited: it ran anyway
    });
    // ANCHOR_END: lazy
    Ok(())
}
