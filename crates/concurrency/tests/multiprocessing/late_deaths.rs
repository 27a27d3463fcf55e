//! `map` and `imap` agree on a worker that dies after every result arrived: nothing was
//! lost, so both give every result, and neither reports the death.
//!
//! Only the fork-per-call pool has this moment: its worker sends `Finished` after its
//! results, while a started pool's worker writes out its tasks' output before their results
//! and owes nothing once they are sent (`deaths::an_idle_death_costs_nothing`).

use std::sync::atomic::{AtomicI32, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

use concurrency::multiprocessing::Pool;
use nix::sys::signal::{Signal, kill};
use nix::unistd::{Pid, getpid};
use serde::{Deserialize, Deserializer, Serialize};

use crate::harness::check;

const INPUTS: u32 = 8;

/// The pid of the worker that ran the last input, and how many results the parent decoded.
static LATE: AtomicI32 = AtomicI32::new(0);
static DECODED: AtomicUsize = AtomicUsize::new(0);

/// A result: the worker's pid and the input. Decoding it in the parent has a side effect:
/// the last result to be decoded SIGKILLs the worker that ran the last input, which by then
/// has sent every result it had and is stuck before its `Finished` (see [`task`]). So the
/// death comes after all results arrived, every time, with no timing involved.
#[derive(Debug, PartialEq, Serialize)]
struct Late(i32, u32);

impl<'de> Deserialize<'de> for Late {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (pid, x) = <(i32, u32)>::deserialize(deserializer)?;
        if x == INPUTS - 1 {
            LATE.store(pid, Ordering::Relaxed);
        }
        if DECODED.fetch_add(1, Ordering::Relaxed) + 1 == INPUTS as usize {
            kill(Pid::from_raw(LATE.load(Ordering::Relaxed)), Signal::SIGKILL)
                .expect("the late worker is ours and not reaped yet");
        }
        Ok(Self(pid, x))
    }
}

/// The last input leaves a thread holding stdout's lock in its worker, so that the worker,
/// once it has sent its results, blocks where it writes out its tasks' output before
/// reporting `Finished`, until it is killed.
fn task(x: u32) -> Late {
    if x == INPUTS - 1 {
        let (held, wait) = mpsc::channel();
        thread::spawn(move || {
            let _lock = std::io::stdout().lock();
            let _ = held.send(());
            loop {
                thread::park();
            }
        });
        let _ = wait.recv();
    }
    Late(getpid().as_raw(), x)
}

fn expected(got: &[Late]) -> bool {
    got.iter().map(|late| late.1).eq(0..INPUTS)
}

fn a_death_after_every_result_costs_nothing_in_map_and_imap() {
    for round in 0..20 {
        let pool = Pool::new(2).chunksize(1);
        DECODED.store(0, Ordering::Relaxed);
        let got = pool.map(task, 0..INPUTS);
        assert!(
            got.as_deref().is_ok_and(expected),
            "map, round {round}: {got:?}"
        );
        DECODED.store(0, Ordering::Relaxed);
        let got: Vec<_> = pool.imap(task, 0..INPUTS).unwrap().collect();
        let got: Result<Vec<_>, _> = got.into_iter().collect();
        assert!(
            got.as_deref().is_ok_and(expected),
            "imap, round {round}: {got:?}"
        );
    }
}
check!(per_call: a_death_after_every_result_costs_nothing_in_map_and_imap);
