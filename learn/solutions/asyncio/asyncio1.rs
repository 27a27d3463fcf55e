// asyncio1: make it hold: an `async fn` runs nothing until it is polled.
//
// Page: docs/asyncio.md#2-async-fn-and-await-in-async-def-terms
//
// Calling an `async def` function runs none of its body: it returns a coroutine, which runs
// when `asyncio.run` drives it. Calling a Rust `async fn` returns a future, which runs when
// something polls it; the standard library has no runtime to do it, so write the smallest
// one: a `block_on` that polls until the future is ready. Done when the tests pass.

use std::cell::RefCell;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

thread_local! {
    /// What ran, as the page's `ran` list records it.
    static RAN: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

async fn greet(name: &'static str) -> usize {
    RAN.with(|ran| ran.borrow_mut().push(format!("greet({name:?}) ran")));
    name.len()
}

/// Drives `future` to its end on this thread, as `asyncio.run(coroutine)` does.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

fn main() {
    let future = greet("future");
    println!("{}", block_on(future));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ran() -> Vec<String> {
        RAN.with(|ran| ran.borrow_mut().drain(..).collect())
    }

    #[test]
    fn calling_runs_nothing() {
        let future = greet("future");
        assert!(ran().is_empty(), "the body ran at the call");
        drop(future);
        assert!(ran().is_empty(), "a future dropped unpolled never runs");
    }

    #[test]
    fn block_on_runs_it_to_its_end() {
        let length = block_on(greet("future"));
        assert_eq!(length, 6);
        assert_eq!(ran(), [r#"greet("future") ran"#]);
    }
}
