//! The multiprocessing sections of the concurrency demo.

use demo::Section;

pub(crate) const SECTIONS: &[Section] = &[];
