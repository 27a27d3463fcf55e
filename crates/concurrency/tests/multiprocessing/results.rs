//! Every result comes back, once, in input order, whatever its size or type.

use std::thread;
use std::time::Duration;

use concurrency::multiprocessing::{Pool, PoolError};

use crate::bytes::Bytes;

pub(crate) fn ten_thousand_tasks() {
    let inputs: Vec<u64> = (0..10_000).collect();
    let expected: Vec<u64> = inputs.iter().map(|x| x * 3 + 1).collect();
    for round in 0..5 {
        for pool in [
            Pool::new(2),
            Pool::new(3).chunksize(1),
            Pool::new(4).chunksize(7),
        ] {
            let got = pool
                .map(|x: u64| x * 3 + 1, inputs.iter().copied())
                .unwrap();
            assert_eq!(got, expected, "round {round}, {pool:?}");
            let got: Vec<u64> = pool
                .imap(|x: u64| x * 3 + 1, inputs.clone())
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert_eq!(got, expected, "imap round {round}, {pool:?}");
        }
    }
}

pub(crate) fn big_results() {
    for round in 0..5 {
        let sizes = [1 << 20, 3 << 20, 10, 2 << 20, 1 << 16];
        let got = Pool::new(2)
            .map(|n: usize| Bytes(vec![n as u8; n]), sizes)
            .unwrap();
        assert_eq!(
            got.len(),
            sizes.len(),
            "round {round}: one result per input"
        );
        for (size, Bytes(result)) in sizes.iter().zip(&got) {
            assert_eq!(result.len(), *size, "round {round}");
            assert!(result.iter().all(|&b| b == *size as u8));
        }
    }
}

pub(crate) fn write_before_read() {
    for round in 0..5 {
        let mut results = Pool::new(2)
            .chunksize(1)
            .imap(|i: u8| Bytes(vec![i; 300_000]), 0..6)
            .unwrap();
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

pub(crate) fn imap_after_panic() {
    for _ in 0..10 {
        let results: Vec<Result<i32, PoolError>> = Pool::new(2)
            .chunksize(1)
            .imap(
                |x: i32| if x % 4 == 1 { panic!("odd one") } else { x },
                0..8,
            )
            .unwrap()
            .collect();
        assert_eq!(results.len(), 8);
        // Exactly the panicking inputs fail, each under its own index, and the rest succeed.
        for (x, result) in (0..).zip(&results) {
            match result {
                Ok(value) if x % 4 != 1 => assert_eq!(*value, x),
                Err(PoolError::TaskPanicked { index, message, .. }) if x % 4 == 1 => {
                    assert_eq!((*index, message.as_str()), (x as usize, "odd one"));
                }
                other => panic!("input {x}: {other:?}"),
            }
        }
    }
}

thread_local! {
    static WORKER_STATE: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

pub(crate) fn initializer_runs() {
    for _ in 0..5 {
        let pool = Pool::new(2).initializer(|| WORKER_STATE.with(|s| s.set(s.get() + 1)));
        let got = pool.map(
            |x: u32| WORKER_STATE.with(std::cell::Cell::get) * 100 + x,
            0..50,
        );
        assert_eq!(got, Ok((0..50).map(|x| 100 + x).collect()));
        // The parent's copy never ran it.
        assert_eq!(WORKER_STATE.with(std::cell::Cell::get), 0);
    }
}

pub(crate) fn initializer_panics() {
    for _ in 0..5 {
        let error = Pool::new(2)
            .initializer(|| panic!("no config"))
            .map(|x: u8| x, 0..10);
        assert!(
            matches!(&error, Err(PoolError::InitializerPanicked { message, .. }) if message == "no config"),
            "{error:?}"
        );
    }
}

pub(crate) fn edge_cases() {
    let pool = Pool::new(8);
    assert_eq!(pool.map(|x: u8| x, Vec::new()).unwrap(), Vec::<u8>::new());
    assert_eq!(pool.imap(|x: u8| x, Vec::new()).unwrap().count(), 0);
    assert_eq!(pool.map(|x: u8| x + 1, [1]).unwrap(), [2]);
    // A chunk bigger than the input is the whole input, however big: the shared counter
    // must not wrap around and hand out inputs a second time.
    for chunksize in [usize::MAX, 1 << (usize::BITS - 1), usize::MAX / 3 + 1] {
        for _ in 0..20 {
            let got = Pool::new(3).chunksize(chunksize).map(|x: u32| x, 0..10);
            assert_eq!(got, Ok((0..10).collect()), "chunksize {chunksize}");
        }
    }
    // Any serde type comes back, and the function need not be Send: it never leaves.
    let shared = std::rc::Rc::new(String::from("rc"));
    let got = Pool::new(2)
        .map(move |x: u8| (shared.to_string(), Some(x), vec![x; 3]), 0..3)
        .unwrap();
    assert_eq!(got[2], ("rc".to_owned(), Some(2), vec![2, 2, 2]));
}

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

pub(crate) fn unencodable_results() {
    for round in 0..5 {
        let results: Vec<_> = Pool::new(2)
            .imap(EvenOnly, 0..6)
            .unwrap()
            .zip(0..)
            .collect();
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
