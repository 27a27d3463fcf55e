//! Recursion: termination, depth limits, stack overflow and recursive data.
#![forbid(unsafe_code)]
