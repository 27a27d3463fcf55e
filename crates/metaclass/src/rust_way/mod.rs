//! What Rust offers for the jobs metaclasses do in Python, decided at compile time.

pub mod intercept;
pub mod once;
pub mod plugins;
pub mod resolution;
pub mod traits;
