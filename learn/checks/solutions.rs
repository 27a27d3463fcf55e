//! Every solution of the set as a module of one test program, for xtask's `exercises`
//! test. Written by xtask (src/learn/combined.rs): `UPDATE_EXPECT=1 cargo test -p xtask --test exercises`.
// An exercise's `main` is called by its tests only, or not at all.
#![allow(dead_code)]

#[path = "../solutions/defaults/defaults1.rs"]
mod defaults1;

#[path = "../solutions/defaults/defaults2.rs"]
mod defaults2;

#[path = "../solutions/defaults/defaults3.rs"]
mod defaults3;

#[path = "../solutions/defaults/defaults4.rs"]
mod defaults4;

#[path = "../solutions/property/property1.rs"]
mod property1;

#[path = "../solutions/property/property2.rs"]
mod property2;

#[path = "../solutions/property/property3.rs"]
mod property3;

#[path = "../solutions/property/property4.rs"]
mod property4;

#[path = "../solutions/typing/typing1.rs"]
mod typing1;

#[path = "../solutions/typing/typing2.rs"]
mod typing2;

#[path = "../solutions/typing/typing3.rs"]
mod typing3;

#[path = "../solutions/typing/typing4.rs"]
mod typing4;

#[path = "../solutions/recursion/recursion1.rs"]
mod recursion1;

#[path = "../solutions/recursion/recursion2.rs"]
mod recursion2;

#[path = "../solutions/recursion/recursion3.rs"]
mod recursion3;

#[path = "../solutions/recursion/recursion4.rs"]
mod recursion4;

#[path = "../solutions/platform/platform1.rs"]
mod platform1;

#[path = "../solutions/platform/platform2.rs"]
mod platform2;

#[path = "../solutions/platform/platform3.rs"]
mod platform3;

#[path = "../solutions/platform/platform4.rs"]
mod platform4;

#[path = "../solutions/metaclass/metaclass1.rs"]
mod metaclass1;

#[path = "../solutions/metaclass/metaclass2.rs"]
mod metaclass2;

#[path = "../solutions/metaclass/metaclass3.rs"]
mod metaclass3;

#[path = "../solutions/metaclass/metaclass4.rs"]
mod metaclass4;

#[path = "../solutions/concurrency/concurrency1.rs"]
mod concurrency1;

#[path = "../solutions/concurrency/concurrency2.rs"]
mod concurrency2;

#[path = "../solutions/concurrency/concurrency3.rs"]
mod concurrency3;

#[path = "../solutions/concurrency/concurrency4.rs"]
mod concurrency4;

#[path = "../solutions/concurrency/concurrency5.rs"]
mod concurrency5;

#[path = "../solutions/asyncio/asyncio1.rs"]
mod asyncio1;

#[path = "../solutions/asyncio/asyncio2.rs"]
mod asyncio2;

fn main() {}
