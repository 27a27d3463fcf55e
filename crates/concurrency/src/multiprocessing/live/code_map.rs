//! Which addresses hold code that the long-lived pool's workers have too.
//!
//! A worker forked when the pool started has every mapping its parent had then, at the same
//! addresses: the program and each library loaded by that time. A function pointer into any
//! of them means the same function in the worker. One into code mapped later (a library
//! `dlopen`ed after the pool started) would name nothing, or something else, there; the pool
//! refuses to send such a task. The executable mappings come from `/proc/self/maps`, read
//! when the pool starts, that is right before its workers are forked.
#![forbid(unsafe_code)]

use std::ops::Range;

use crate::multiprocessing::error::PoolError;

/// The executable address ranges of this process, as they were when it was read.
#[derive(Debug, Clone)]
pub(crate) struct CodeMap {
    ranges: Vec<Range<usize>>,
}

impl CodeMap {
    /// Reads the executable mappings of this process.
    ///
    /// # Errors
    /// [`PoolError::Os`] if `/proc/self/maps` cannot be read (no procfs mounted).
    pub(crate) fn read() -> Result<Self, PoolError> {
        let maps = std::fs::read_to_string("/proc/self/maps").map_err(|error| PoolError::Os {
            call: "read /proc/self/maps",
            errno: nix::errno::Errno::from_raw(error.raw_os_error().unwrap_or(0)),
        })?;
        Ok(Self::parse(&maps))
    }

    /// The executable ranges of a `/proc/<pid>/maps` text: `start-end perms ...` lines whose
    /// permissions include `x`.
    fn parse(maps: &str) -> Self {
        let ranges = maps
            .lines()
            .filter_map(|line| {
                let mut fields = line.split_whitespace();
                let (start, end) = fields.next()?.split_once('-')?;
                fields.next()?.contains('x').then_some(())?;
                let start = usize::from_str_radix(start, 16).ok()?;
                let end = usize::from_str_radix(end, 16).ok()?;
                Some(start..end)
            })
            .collect();
        Self { ranges }
    }

    /// Whether `address` was in executable memory when the map was read.
    pub(crate) fn contains(&self, address: usize) -> bool {
        self.ranges.iter().any(|range| range.contains(&address))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_executable_mappings_count() {
        let map = CodeMap::parse(
            "55d0c0000000-55d0c0001000 r--p 00000000 08:01 1 /bin/x\n\
             55d0c0001000-55d0c0005000 r-xp 00001000 08:01 1 /bin/x\n\
             7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0 [stack]\n",
        );
        assert!(map.contains(0x55d0_c000_1000));
        assert!(map.contains(0x55d0_c000_4fff));
        assert!(!map.contains(0x55d0_c000_5000));
        assert!(!map.contains(0x55d0_c000_0010));
        assert!(!map.contains(0x7ffd_0000_0100));
    }

    #[test]
    fn this_programs_functions_are_in_its_code_map() {
        fn here(x: u32) -> u32 {
            x + 1
        }
        let map = CodeMap::read().unwrap();
        assert!(map.contains(here as fn(u32) -> u32 as usize));
        assert!(map.contains(CodeMap::read as fn() -> _ as usize));
        let on_the_heap = Box::new(0u8);
        assert!(!map.contains(&*on_the_heap as *const u8 as usize));
    }
}
