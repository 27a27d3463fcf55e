//! The two pools behind one face, so that a scenario they share is written once and run on
//! both: [`Pools::PerCall`] forks its workers at each call, [`Pools::Live`] once, at `start`.

use std::fmt;

use concurrency::multiprocessing::{LivePool, Pool, PoolError};
use nix::unistd::Pid;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Which pool a check runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pools {
    /// [`Pool::map`] and [`Pool::imap`]: workers forked for each call.
    PerCall,
    /// [`LivePool`]: workers forked by [`Pool::start`] and reused by every call.
    Live,
}

impl Pools {
    /// What a trial's name says of its pool.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::PerCall => "per-call",
            Self::Live => "live",
        }
    }

    /// The pool `builder` describes, of this kind: started now for [`Pools::Live`].
    pub(crate) fn pool(self, builder: Pool) -> AnyPool {
        match self {
            Self::PerCall => AnyPool::PerCall(builder),
            Self::Live => AnyPool::Live(builder.start().expect("start the pool")),
        }
    }
}

/// A pool of either kind. Its tasks are `fn`s, the only tasks a started pool can take
/// (closures that capture nothing are `fn`s).
pub(crate) enum AnyPool {
    PerCall(Pool),
    Live(LivePool),
}

/// Results in input order, as they come.
pub(crate) type Results<'a, R> = Box<dyn Iterator<Item = Result<R, PoolError>> + 'a>;

impl AnyPool {
    pub(crate) fn map<T, R>(
        &mut self,
        f: fn(T) -> R,
        inputs: impl IntoIterator<Item = T>,
    ) -> Result<Vec<R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        match self {
            Self::PerCall(pool) => pool.map(f, inputs),
            Self::Live(pool) => pool.map(f, inputs),
        }
    }

    pub(crate) fn imap<T, R>(
        &mut self,
        f: fn(T) -> R,
        inputs: impl IntoIterator<Item = T>,
    ) -> Result<Results<'_, R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned + 'static,
    {
        Ok(match self {
            Self::PerCall(pool) => Box::new(pool.imap(f, inputs)?),
            Self::Live(pool) => Box::new(pool.imap(f, inputs)?),
        })
    }

    /// The pids of a started pool's workers; none for a fork-per-call pool between calls.
    pub(crate) fn pids(&self) -> Vec<Pid> {
        match self {
            Self::PerCall(_) => Vec::new(),
            Self::Live(pool) => pool.pids(),
        }
    }
}

impl fmt::Debug for AnyPool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::PerCall(pool) => pool.fmt(f),
            Self::Live(pool) => pool.fmt(f),
        }
    }
}
