//! How the checked blocks run, the same for `check`, `bless` and `demo --python`: the
//! deadline, the interpreter and the extension module the Python blocks import.

use std::path::PathBuf;
use std::time::Duration;

use super::python::{self, Python};

/// How the blocks run, as the command line (or `cargo test`) asked.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The deadline of one demo or Python block.
    pub timeout: Duration,
    /// The interpreter for the Python blocks (`--python`); `None` for `XTASK_PYTHON` or
    /// `python3`.
    pub python: Option<PathBuf>,
    /// The workspace root to build the extension module from, for the blocks that import it
    /// (`<!-- python: extension -->`); `None` leaves those blocks unrun, saying why.
    pub extension: Option<PathBuf>,
}

impl RunOptions {
    /// The Python kind these options ask for: the interpreter chosen (`--python`, else
    /// `XTASK_PYTHON`, else `python3`), required if `REQUIRE_PYTHON=1`.
    pub fn python(&self) -> Python {
        Python::new(
            python::run::chosen(self.python.clone()),
            python::run::required(),
            self.timeout,
        )
        .with_extension(self.extension.clone())
    }
}
