//! Every result comes back, once, in input order, whatever its size or type; a panic is named
//! in its place; the initializer runs once in each worker, and `maxtasksperchild` retires
//! the started pool's workers as in CPython.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::thread;
use std::time::Duration;

use concurrency::multiprocessing::{Pool, PoolError};
use nix::unistd::getpid;

use crate::bytes::Bytes;
use crate::harness::check;
use crate::pools::Pools;

fn triple_plus_one(x: u64) -> u64 {
    x * 3 + 1
}

fn every_result_comes_back_once_in_order(pools: Pools) {
    // Fewer inputs on the started pool: every input is serialised there too, which an
    // unoptimised test build does slowly (chunksize 1 most of all).
    let (count, rounds) = match pools {
        Pools::PerCall => (10_000, 5),
        Pools::Live => (1_000, 3),
    };
    let inputs: Vec<u64> = (0..count).collect();
    let expected: Vec<u64> = inputs.iter().copied().map(triple_plus_one).collect();
    for builder in [
        Pool::new(2),
        Pool::new(3).chunksize(1),
        Pool::new(4).chunksize(7),
    ] {
        let mut pool = pools.pool(builder);
        let pids = pool.pids();
        for round in 0..rounds {
            let got = pool.map(triple_plus_one, inputs.iter().copied()).unwrap();
            assert_eq!(got, expected, "round {round}, {pool:?}");
            let got: Vec<u64> = pool
                .imap(triple_plus_one, inputs.clone())
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert_eq!(got, expected, "imap round {round}, {pool:?}");
            assert_eq!(pool.map(triple_plus_one, Vec::new()).unwrap(), []);
        }
        // A started pool's calls all ran on the workers it started with.
        assert_eq!(pool.pids(), pids, "{pool:?}");
    }
}
check!(each_pool: every_result_comes_back_once_in_order);

fn results_and_inputs_bigger_than_a_pipe_do_not_hang(pools: Pools) {
    // Inputs and results of megabytes fill both pipes of every worker at once (a
    // fork-per-call pool's workers have their inputs already: only the results move).
    let sizes = [1 << 20, 10, 3 << 20, 2 << 20, 1 << 16];
    for builder in [Pool::new(2), Pool::new(2).chunksize(1)] {
        let mut pool = pools.pool(builder);
        for round in 0..2 {
            let inputs: Vec<Bytes> = sizes
                .iter()
                .map(|&n| Bytes(vec![(n % 251) as u8; n]))
                .collect();
            let got = pool.map(|bytes: Bytes| bytes, inputs.clone()).unwrap();
            assert!(got == inputs, "round {round}, {pool:?}");
        }
    }
}
check!(each_pool: results_and_inputs_bigger_than_a_pipe_do_not_hang);

fn workers_that_write_before_the_parent_reads_do_not_hang(pools: Pools) {
    let mut pool = pools.pool(Pool::new(2).chunksize(1));
    for round in 0..5 {
        let mut results = pool.imap(|i: u8| Bytes(vec![i; 300_000]), 0..6).unwrap();
        // Every worker fills its pipe and blocks before the parent reads a byte.
        thread::sleep(Duration::from_millis(50));
        for i in 0..6 {
            let Bytes(result) = results.next().unwrap().unwrap();
            assert!(
                result.len() == 300_000 && result.iter().all(|&x| x == i),
                "round {round}"
            );
        }
        assert!(results.next().is_none());
    }
}
check!(each_pool: workers_that_write_before_the_parent_reads_do_not_hang);

fn fails_on_sevens(x: u32) -> u32 {
    if x % 7 == 6 {
        panic!("input {x} is bad");
    }
    x
}

fn a_panic_is_named_by_input_and_message_and_imap_goes_on(pools: Pools) {
    let mut pool = pools.pool(Pool::new(2).chunksize(1));
    let pids = pool.pids();
    for round in 0..10 {
        match pool.map(fails_on_sevens, 0..40) {
            Err(PoolError::TaskPanicked {
                index,
                message,
                location,
                ..
            }) => {
                // A fork-per-call pool fails at the first panic to arrive; a started pool
                // runs every task and names the lowest-numbered.
                assert_eq!(index % 7, 6, "round {round}: input {index} did not panic");
                if pools == Pools::Live {
                    assert_eq!(index, 6, "round {round}: not the lowest");
                }
                assert_eq!(message, format!("input {index} is bad"));
                assert!(location.is_some_and(|l| l.contains("multiprocessing/results.rs")));
            }
            other => panic!("round {round}: {other:?}"),
        }
        let got: Vec<_> = pool.imap(fails_on_sevens, 0..30).unwrap().collect();
        assert_eq!(got.len(), 30);
        // Exactly the panicking inputs fail, each under its own index, and the rest succeed.
        for (x, result) in (0..).zip(&got) {
            match result {
                Ok(value) if x % 7 != 6 => assert_eq!(*value, x),
                Err(PoolError::TaskPanicked { index, message, .. }) if x % 7 == 6 => {
                    assert_eq!(*index, x as usize);
                    assert_eq!(*message, format!("input {x} is bad"));
                }
                other => panic!("round {round}, input {x}: {other:?}"),
            }
        }
    }
    // A panic costs a started pool no worker.
    assert_eq!(pool.pids(), pids);
}
check!(each_pool: a_panic_is_named_by_input_and_message_and_imap_goes_on);

thread_local! {
    static INITIALISED: Cell<u32> = const { Cell::new(0) };
}

fn initialise() {
    INITIALISED.with(|n| n.set(n.get() + 1));
}

fn initializer_runs_once_per_worker(pools: Pools) {
    let mut pool = pools.pool(Pool::new(2).initializer(initialise));
    for round in 0..5 {
        let got = pool.map(|x: u32| INITIALISED.with(Cell::get) * 100 + x, 0..50);
        assert_eq!(got, Ok((0..50).map(|x| 100 + x).collect()), "round {round}");
        // The parent's copy never ran it.
        assert_eq!(INITIALISED.with(Cell::get), 0);
    }
}
check!(each_pool: initializer_runs_once_per_worker);

fn a_panicking_initializer_is_an_error_every_call(pools: Pools) {
    let mut pool = pools.pool(Pool::new(2).initializer(|| panic!("no database")));
    for round in 0..5 {
        let error = pool.map(|x: u8| x, 0..4).unwrap_err();
        assert!(
            matches!(&error, PoolError::InitializerPanicked { message, .. } if message == "no database"),
            "round {round}: {error}"
        );
    }
}
check!(each_pool: a_panicking_initializer_is_an_error_every_call);

fn maxtasksperchild_retires_workers_each_initialised_once() {
    for round in 0..5 {
        let mut pool = Pool::new(2)
            .chunksize(1)
            .maxtasksperchild(3)
            .initializer(initialise)
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
check!(live: maxtasksperchild_retires_workers_each_initialised_once);

fn empty_inputs_few_inputs_and_huge_chunks(pools: Pools) {
    let mut pool = pools.pool(Pool::new(8));
    assert_eq!(pool.map(|x: u8| x, Vec::new()).unwrap(), Vec::<u8>::new());
    assert_eq!(pool.imap(|x: u8| x, Vec::new()).unwrap().count(), 0);
    assert_eq!(pool.map(|x: u8| x + 1, [1]).unwrap(), [2]);
    // A chunk bigger than the input is the whole input, however big: the shared counter
    // must not wrap around and hand out inputs a second time.
    for chunksize in [usize::MAX, 1 << (usize::BITS - 1), usize::MAX / 3 + 1] {
        let mut pool = pools.pool(Pool::new(3).chunksize(chunksize));
        for _ in 0..20 {
            let got = pool.map(|x: u32| x, 0..10);
            assert_eq!(got, Ok((0..10).collect()), "chunksize {chunksize}");
        }
    }
    // Any serde type comes back.
    let got = pool
        .map(|x: u8| (x.to_string(), Some(x), vec![x; 3]), 0..3)
        .unwrap();
    assert_eq!(got[2], ("2".to_owned(), Some(2), vec![2, 2, 2]));
}
check!(each_pool: empty_inputs_few_inputs_and_huge_chunks);

fn a_task_may_capture_what_is_not_send() {
    // The function never leaves the process that forks the workers: no need to be `Send`,
    // nor a `fn`.
    let shared = std::rc::Rc::new(String::from("rc"));
    let got = Pool::new(2)
        .map(move |x: u8| (shared.to_string(), x), 0..3)
        .unwrap();
    assert_eq!(got[2], ("rc".to_owned(), 2));
}
check!(per_call: a_task_may_capture_what_is_not_send);

/// A result that cannot be encoded when it is odd: its `Serialize` fails.
#[derive(Debug, PartialEq, serde::Deserialize)]
struct EvenOnly(u32);

impl serde::Serialize for EvenOnly {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_multiple_of(2) {
            serializer.serialize_newtype_struct("EvenOnly", &self.0)
        } else {
            Err(serde::ser::Error::custom(format!("{} is odd", self.0)))
        }
    }
}

fn a_result_that_cannot_be_encoded_is_an_error_in_its_place(pools: Pools) {
    let mut pool = pools.pool(Pool::new(2));
    for round in 0..5 {
        let results: Vec<_> = pool.imap(EvenOnly, 0..6).unwrap().zip(0..).collect();
        assert_eq!(results.len(), 6, "round {round}");
        // Exactly the odd results fail to encode, each under its own index.
        for (result, x) in results {
            match result {
                Ok(value) if x % 2 == 0 => assert_eq!(value, EvenOnly(x)),
                Err(PoolError::Unencodable { index, message, .. }) if x % 2 == 1 => {
                    assert_eq!(index, x as usize);
                    // postcard reports a custom error without its text.
                    assert!(!message.is_empty());
                }
                other => panic!("round {round}, input {x}: {other:?}"),
            }
        }
    }
}
check!(each_pool: a_result_that_cannot_be_encoded_is_an_error_in_its_place);
