//! Every exercise that compiles unsolved of the set as a module of one test program, for xtask's `exercises`
//! test. Written by xtask (src/learn/combined.rs): `UPDATE_EXPECT=1 cargo test -p xtask --test exercises`.
// An exercise's `main` is called by its tests only, or not at all.
#![allow(dead_code)]

#[path = "../exercises/defaults/defaults1.rs"]
mod defaults1;

#[path = "../exercises/defaults/defaults3.rs"]
mod defaults3;

#[path = "../exercises/defaults/defaults4.rs"]
mod defaults4;

#[path = "../exercises/property/property1.rs"]
mod property1;

#[path = "../exercises/property/property3.rs"]
mod property3;

#[path = "../exercises/property/property4.rs"]
mod property4;

#[path = "../exercises/typing/typing2.rs"]
mod typing2;

#[path = "../exercises/typing/typing4.rs"]
mod typing4;

#[path = "../exercises/recursion/recursion1.rs"]
mod recursion1;

#[path = "../exercises/recursion/recursion2.rs"]
mod recursion2;

#[path = "../exercises/recursion/recursion4.rs"]
mod recursion4;

#[path = "../exercises/platform/platform1.rs"]
mod platform1;

#[path = "../exercises/platform/platform3.rs"]
mod platform3;

#[path = "../exercises/platform/platform4.rs"]
mod platform4;

#[path = "../exercises/metaclass/metaclass1.rs"]
mod metaclass1;

#[path = "../exercises/metaclass/metaclass4.rs"]
mod metaclass4;

#[path = "../exercises/concurrency/concurrency1.rs"]
mod concurrency1;

#[path = "../exercises/concurrency/concurrency4.rs"]
mod concurrency4;

#[path = "../exercises/concurrency/concurrency5.rs"]
mod concurrency5;

#[path = "../exercises/asyncio/asyncio1.rs"]
mod asyncio1;

fn main() {}
