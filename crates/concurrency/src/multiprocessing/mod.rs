//! Real processes made with `fork`, and a process `Pool`.
