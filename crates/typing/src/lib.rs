//! Strong typing: no implicit coercion, explicit conversions, dynamic typing in Rust.
#![forbid(unsafe_code)]
