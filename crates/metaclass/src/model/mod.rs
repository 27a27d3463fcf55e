//! Python's class model at run time: classes, C3, instances and metaclasses.
//!
//! This is a *model*: Python builds classes at run time, so the faithful translation is a
//! small runtime object model, not Rust types.

pub mod build;
pub mod c3;
pub mod class;
pub mod error;
pub mod hooks;
pub mod instance;
pub mod meta;
pub mod namespace;
pub mod statement;
pub mod value;
