//! The property decorator and the uniform access principle, in Rust.
#![forbid(unsafe_code)]
