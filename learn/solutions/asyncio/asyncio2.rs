// asyncio2: fix the compile error: `.await` outside async code.
//
// Page: docs/asyncio.md#2-async-fn-and-await-in-async-def-terms
//
// Python allows `await` only inside `async def` (a module's top level writes
// `asyncio.run(main())`); Rust allows `.await` only inside an `async fn` or block, and says so
// when it compiles. Done when it compiles and prints what the future did and returned.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn greet(name: &'static str) -> usize {
    println!("greet({name:?}) ran");
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
    let length = block_on(greet("future"));
    println!("it returned {length}");
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECTED: &str = r#"
greet("future") ran
it returned 6
"#;

    #[test]
    fn prints_what_the_future_did() {
        learn_check::prints(main, EXPECTED);
    }
}
