//! The trap shared by asyncio and tokio, measured: a task that makes a 200 ms blocking call
//! stops the ticker task beside it for the whole call (zero ticks, on any machine); sent to
//! `spawn_blocking`, or replaced by an awaited sleep, the call leaves the loop running.

use asyncio::stall::{CALL, Call, TICK, ticks_during};
use demo::{Section, yes_no};

pub(crate) const SECTIONS: &[Section] = &[Section {
    name: "blocking-call",
    title: "A blocking call in a task stalls the loop; spawn_blocking does not",
    run: blocking_call,
}];

fn blocking_call() -> demo::Result {
    println!(
        "on one thread: a ticker task ticks every {} ms; another task makes a {} ms call",
        TICK.as_millis(),
        CALL.as_millis()
    );
    let ways = [
        (Call::BlockingInTheTask, "std::thread::sleep in the task"),
        (Call::SpawnBlocking, "task::spawn_blocking(..).await"),
        (Call::Awaited, "tokio::time::sleep(..).await"),
    ];
    for (call, way) in ways {
        let stall = ticks_during(call)?;
        println!("{way}:");
        println!("  the call took {} ms", stall.took.as_millis());
        println!("  ticks during the call: {}", stall.ticks);
        println!("  the loop kept running: {}", yes_no(stall.ticks > 0));
    }
    Ok(())
}
