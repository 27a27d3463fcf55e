//! The fork-per-call pool's dispatch: workers forked for each call claim its inputs from a
//! counter on a shared page ([`Pool::map`](super::Pool::map) runs it on the engine).
//!
//! - `call`: forking the workers, and what a death costs.
//! - `child`: the child side: claim tasks, run them, send frames.

mod call;
mod child;

pub(crate) use call::PerCall;
