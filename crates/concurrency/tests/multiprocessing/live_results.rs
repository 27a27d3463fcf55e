//! The long-lived pool: every result, once, in order, across many calls on the same workers;
//! panics named; `maxtasksperchild` and the initializer as in CPython.

use std::cell::Cell;
use std::collections::BTreeMap;

use concurrency::multiprocessing::{Pool, PoolError};
use nix::unistd::getpid;

use crate::bytes::Bytes;

fn triple_plus_one(x: u64) -> u64 {
    x * 3 + 1
}

pub(crate) fn live_results_in_order_across_calls() {
    // Fewer than the fork-per-call test's 10,000: every input and result is serialised here,
    // which an unoptimised test build does slowly (chunksize 1 most of all).
    let inputs: Vec<u64> = (0..1_000).collect();
    let expected: Vec<u64> = inputs.iter().copied().map(triple_plus_one).collect();
    for builder in [
        Pool::new(2),
        Pool::new(3).chunksize(1),
        Pool::new(4).chunksize(7),
    ] {
        let mut pool = builder.start().unwrap();
        let pids = pool.pids();
        for round in 0..3 {
            let got = pool.map(triple_plus_one, inputs.iter().copied()).unwrap();
            assert_eq!(got, expected, "round {round}, {builder:?}");
            let got: Vec<u64> = pool
                .imap(triple_plus_one, inputs.clone())
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert_eq!(got, expected, "imap round {round}, {builder:?}");
            assert_eq!(pool.map(triple_plus_one, Vec::new()).unwrap(), []);
        }
        // The same workers did every call: nothing was forked after `start`.
        assert_eq!(pool.pids(), pids, "{builder:?}");
        pool.close().unwrap();
    }
}

pub(crate) fn live_big_inputs_and_results() {
    // Inputs and results of megabytes fill both pipes of every worker at once.
    let mut pool = Pool::new(2).chunksize(1).start().unwrap();
    for round in 0..3 {
        let inputs: Vec<Bytes> = [1 << 20, 10, 3 << 20, 2 << 20, 1 << 16]
            .iter()
            .map(|&n| Bytes(vec![(n % 251) as u8; n]))
            .collect();
        let got = pool
            .map(|Bytes(input)| Bytes(input.repeat(2)), inputs.clone())
            .unwrap();
        for (Bytes(input), Bytes(output)) in inputs.iter().zip(&got) {
            assert!(
                output.len() == 2 * input.len() && output[..input.len()] == input[..],
                "round {round}"
            );
        }
    }
}

fn fails_on_sevens(x: u32) -> u32 {
    if x % 7 == 6 {
        panic!("input {x} is bad");
    }
    x
}

pub(crate) fn live_panics_name_input_and_message() {
    let mut pool = Pool::new(2).start().unwrap();
    let pids = pool.pids();
    for round in 0..10 {
        match pool.map(fails_on_sevens, 0..40) {
            Err(PoolError::TaskPanicked {
                index,
                message,
                location,
                ..
            }) => {
                assert_eq!(index, 6, "round {round}");
                assert_eq!(message, "input 6 is bad");
                assert!(location.is_some_and(|l| l.contains("live_results.rs")));
            }
            other => panic!("round {round}: {other:?}"),
        }
        let got: Vec<_> = pool.imap(fails_on_sevens, 0..14).unwrap().collect();
        assert_eq!(got.len(), 14);
        assert!(matches!(
            got[6],
            Err(PoolError::TaskPanicked { index: 6, .. })
        ));
        assert!(matches!(
            got[13],
            Err(PoolError::TaskPanicked { index: 13, .. })
        ));
        assert_eq!(got[7], Ok(7));
        // A panic costs no worker.
        assert_eq!(pool.map(|x: u32| x + 1, 0..3).unwrap(), [1, 2, 3]);
    }
    assert_eq!(pool.pids(), pids);
}

thread_local! {
    static INITIALISED: Cell<u32> = const { Cell::new(0) };
}

pub(crate) fn live_maxtasksperchild_and_initializer() {
    for round in 0..5 {
        let mut pool = Pool::new(2)
            .chunksize(1)
            .maxtasksperchild(3)
            .initializer(|| INITIALISED.with(|n| n.set(n.get() + 1)))
            .start()
            .unwrap();
        for call in 0..3 {
            let got = pool
                .map(
                    |x: u32| (x, getpid().as_raw(), INITIALISED.with(Cell::get)),
                    0..20,
                )
                .unwrap();
            assert!(got.iter().map(|r| r.0).eq(0..20), "round {round}");
            let mut tasks_per_worker = BTreeMap::new();
            for &(_, pid, initialised) in &got {
                assert_eq!(initialised, 1, "the initializer ran once in worker {pid}");
                *tasks_per_worker.entry(pid).or_insert(0) += 1;
            }
            // 20 tasks, at most 3 per worker: at least 7 workers, each run at most 3.
            assert!(
                tasks_per_worker.len() >= 7,
                "round {round} call {call}: {tasks_per_worker:?}"
            );
            assert!(
                tasks_per_worker.values().all(|&n| n <= 3),
                "{tasks_per_worker:?}"
            );
        }
        assert_eq!(INITIALISED.with(Cell::get), 0, "the parent never ran it");
        pool.close().unwrap();
    }
}

pub(crate) fn live_initializer_panic_is_an_error_every_call() {
    let mut pool = Pool::new(2)
        .initializer(|| panic!("no database"))
        .start()
        .unwrap();
    for round in 0..5 {
        let error = pool.map(|x: u8| x, 0..4).unwrap_err();
        assert!(
            matches!(&error, PoolError::InitializerPanicked { message, .. } if message == "no database"),
            "round {round}: {error}"
        );
    }
}
