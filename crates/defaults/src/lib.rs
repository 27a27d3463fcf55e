//! Mutable default arguments: what Python shares and what Rust makes explicit.
#![forbid(unsafe_code)]
