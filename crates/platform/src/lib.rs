//! The sys module: platform facts from the running OS, beside their Rust counterparts.
#![forbid(unsafe_code)]
