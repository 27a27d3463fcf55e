//! Metaclasses and the MRO: Python's class model in Rust, and Rust's own answer.
#![forbid(unsafe_code)]
