//! The notes' GUI claim, run: threads "keep the UI thread responsive". A UI thread's event
//! loop draws a frame whenever no message comes within a frame's time; a click starts a long
//! computation, first on the UI thread itself (the loop cannot run until it is done: no frame
//! is drawn), then on a worker thread that reports through a channel (the loop keeps drawing).
//!
//! How many frames the loop draws depends on the machine, so the output prints that count as
//! a wildcard and the verdict is whether it drew any; the progress lines arrive in order
//! whatever the timing, as a channel delivers what one sender sends in the order it was sent.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use concurrency::threading::cpu_bound::is_prime;
use demo::{Section, yes_no};

pub(crate) const SECTIONS: &[Section] = &[Section {
    name: "responsive-ui",
    title: "A UI thread keeps drawing while a worker thread does the long job",
    run: responsive_ui,
}];

/// How long the event loop waits for a message before it draws a frame anyway (200 a second).
const FRAME: Duration = Duration::from_millis(5);
/// The job a click starts: count the primes below this, in [`STEPS`] slices.
const LIMIT: u64 = 400_000;
/// How many slices the job reports progress after.
const STEPS: u64 = 4;

// ANCHOR: event_loop
/// What the job tells the UI thread, through the channel.
enum Message {
    /// How many of the [`STEPS`] slices are done.
    Progress(u64),
    /// The job's result: the number of primes below [`LIMIT`].
    Done(u64),
}

/// What the event loop saw: the progress it showed, the result, the frames drawn before it.
struct Seen {
    progress: Vec<String>,
    primes: u64,
    frames: u64,
}

/// The UI thread's event loop: handle each message as it comes, and when none comes within a
/// frame's time, draw a frame (here, count it); stop at the job's result.
fn event_loop(messages: &mpsc::Receiver<Message>) -> Result<Seen, &'static str> {
    let mut seen = Seen {
        progress: Vec::new(),
        primes: 0,
        frames: 0,
    };
    loop {
        match messages.recv_timeout(FRAME) {
            Ok(Message::Progress(done)) => seen.progress.push(format!("{}%", done * 100 / STEPS)),
            Ok(Message::Done(primes)) => {
                seen.primes = primes;
                return Ok(seen);
            }
            Err(RecvTimeoutError::Timeout) => seen.frames += 1,
            Err(RecvTimeoutError::Disconnected) => return Err("the job ended without a result"),
        }
    }
}

/// The long job, reporting after each slice and at the end. `send` fails only if the UI
/// thread has gone, and then nobody is left to tell.
fn job(report: &Sender<Message>) {
    let mut primes = 0;
    for step in 1..=STEPS {
        let slice = (step - 1) * LIMIT / STEPS..step * LIMIT / STEPS;
        primes += slice.filter(|&n| is_prime(n)).count() as u64;
        let _ = report.send(Message::Progress(step));
    }
    let _ = report.send(Message::Done(primes));
}

/// The click's handler, both ways: the job run on the UI thread before its loop can go on,
/// or sent to a worker thread while the loop runs.
fn click(on_a_worker: bool) -> Result<Seen, Box<dyn std::error::Error>> {
    let (report, messages) = mpsc::channel();
    if on_a_worker {
        let worker = thread::spawn(move || job(&report));
        let seen = event_loop(&messages)?;
        worker.join().map_err(|_| "the worker thread panicked")?;
        Ok(seen)
    } else {
        job(&report);
        Ok(event_loop(&messages)?)
    }
}
// ANCHOR_END: event_loop

/// The GUI claim: the same click handled on the UI thread, then on a worker thread.
fn responsive_ui() -> demo::Result {
    println!("a click starts a job: count the primes below {LIMIT}, reporting {STEPS} times");
    for (on_a_worker, place) in [(false, "on the UI thread"), (true, "on a worker thread")] {
        let seen = click(on_a_worker)?;
        println!("{place}:");
        println!("  progress shown: {}", seen.progress.join(", "));
        println!("  result shown:   {} primes", seen.primes);
        println!("  frames drawn before the result: {}", seen.frames);
        println!(
            "  the UI thread kept drawing while the job ran: {}",
            yes_no(seen.frames > 0)
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use concurrency::threading::cpu_bound::count_primes;

    #[test]
    fn on_the_ui_thread_no_frame_is_drawn_and_the_result_is_the_same_either_way() {
        let blocked = click(false).unwrap();
        assert_eq!(blocked.frames, 0, "the loop ran only after the job");
        assert_eq!(blocked.progress, ["25%", "50%", "75%", "100%"]);
        let responsive = click(true).unwrap();
        assert_eq!(responsive.progress, blocked.progress);
        assert_eq!(responsive.primes, count_primes(LIMIT));
        assert_eq!(blocked.primes, responsive.primes);
    }
}
