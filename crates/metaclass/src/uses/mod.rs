//! The three things people actually write metaclasses for, on the model.

pub mod abc;
pub mod registry;
pub mod singleton;
