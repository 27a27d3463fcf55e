//! A consuming builder that validates everything once, at `build()`.
//!
//! Python: `RetryPolicy(attempts=5, max_delay=2.0)`, keyword arguments with defaults, checked
//! in `__init__`. In Rust a builder starts from the defaults, lets the caller override any of
//! them in any order, and checks the *combination* once, in [`RetryPolicyBuilder::build`].
//! [`RetryPolicy`]'s fields are private, so a `RetryPolicy` that exists has passed the checks:
//! code that receives one never validates again.
//!
//! ```
//! use std::time::Duration;
//! use defaults::builder::RetryPolicy;
//!
//! let policy = RetryPolicy::builder().attempts(4).build()?;
//! assert_eq!(policy.delays(), [100, 200, 400].map(Duration::from_millis));
//! # Ok::<(), defaults::builder::BuildError>(())
//! ```
//!
//! The methods take `self` and return it, so calls chain; to set something conditionally,
//! rebind (`builder = builder.attempts(n)`). A `&mut self` builder chains as well
//! (`b.attempts(4).max_delay(d)`), but its `build` must borrow or clone, since the chain ends
//! in a borrow; consuming is the simpler choice when the builder is used once.

use std::fmt;
use std::time::Duration;

/// How often to retry and how long to wait in between: a value that is valid by construction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    attempts: u32,
    initial_delay: Duration,
    multiplier: u32,
    max_delay: Duration,
}

impl RetryPolicy {
    /// A builder holding the defaults: 3 attempts, 100 ms first delay, doubling, at most 10 s.
    pub fn builder() -> RetryPolicyBuilder {
        RetryPolicyBuilder {
            attempts: 3,
            initial_delay: Duration::from_millis(100),
            multiplier: 2,
            max_delay: Duration::from_secs(10),
        }
    }

    /// How many times the operation runs at most (at least 1).
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// The waits between attempts: one fewer than the attempts, each `multiplier` times the
    /// one before, capped at the maximum delay.
    pub fn delays(&self) -> Vec<Duration> {
        let mut delay = self.initial_delay;
        let mut delays = Vec::new();
        for _ in 1..self.attempts {
            delays.push(delay);
            delay = delay.saturating_mul(self.multiplier).min(self.max_delay);
        }
        delays
    }
}

/// Collects a [`RetryPolicy`]'s settings, unchecked; [`build`](Self::build) checks them and
/// only then makes the policy, so no `RetryPolicy` holds settings that failed the checks.
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `build()` is called"]
pub struct RetryPolicyBuilder {
    attempts: u32,
    initial_delay: Duration,
    multiplier: u32,
    max_delay: Duration,
}

// ANCHOR: builder
impl RetryPolicyBuilder {
    /// How many times to run the operation at most; must be at least 1.
    pub fn attempts(mut self, attempts: u32) -> Self {
        self.attempts = attempts;
        self
    }

    /// The wait after the first failure; must not exceed the maximum delay.
    pub fn initial_delay(mut self, delay: Duration) -> Self {
        self.initial_delay = delay;
        self
    }

    /// How much each wait grows over the one before; must be at least 1.
    pub fn multiplier(mut self, multiplier: u32) -> Self {
        self.multiplier = multiplier;
        self
    }

    /// The longest wait.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// Checks the settings together and returns the policy, or the first problem found.
    pub fn build(self) -> Result<RetryPolicy, BuildError> {
        if self.attempts == 0 {
            return Err(BuildError::NoAttempts);
        }
        if self.multiplier == 0 {
            return Err(BuildError::ZeroMultiplier);
        }
        if self.initial_delay > self.max_delay {
            return Err(BuildError::DelayAboveMax {
                initial: self.initial_delay,
                max: self.max_delay,
            });
        }
        Ok(RetryPolicy {
            attempts: self.attempts,
            initial_delay: self.initial_delay,
            multiplier: self.multiplier,
            max_delay: self.max_delay,
        })
    }
}
// ANCHOR_END: builder

/// Why [`RetryPolicyBuilder::build`] refused the settings; the message says what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BuildError {
    /// `attempts(0)`: the operation would never run.
    NoAttempts,
    /// `multiplier(0)`: every wait after the first would be zero.
    ZeroMultiplier,
    /// The first wait is longer than the longest allowed.
    DelayAboveMax {
        /// The initial delay that was set.
        initial: Duration,
        /// The maximum delay that was set.
        max: Duration,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::NoAttempts => write!(f, "attempts must be at least 1, got 0"),
            BuildError::ZeroMultiplier => write!(f, "multiplier must be at least 1, got 0"),
            BuildError::DelayAboveMax { initial, max } => write!(
                f,
                "initial delay {initial:?} exceeds max delay {max:?}: raise max_delay or lower initial_delay"
            ),
        }
    }
}

impl std::error::Error for BuildError {}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: fn(u64) -> Duration = Duration::from_millis;

    #[test]
    fn an_initial_delay_equal_to_the_maximum_is_allowed() {
        let policy = RetryPolicy::builder()
            .initial_delay(MS(500))
            .max_delay(MS(500))
            .build()
            .unwrap();
        assert_eq!(policy.delays(), [MS(500), MS(500)]);
    }

    #[test]
    fn defaults_build() {
        let policy = RetryPolicy::builder().build().unwrap();
        assert_eq!(policy.attempts(), 3);
        assert_eq!(policy.delays(), [MS(100), MS(200)]);
    }

    #[test]
    fn delays_are_capped_at_the_maximum() {
        let policy = RetryPolicy::builder()
            .attempts(5)
            .multiplier(3)
            .max_delay(MS(500))
            .build()
            .unwrap();
        assert_eq!(policy.delays(), [MS(100), MS(300), MS(500), MS(500)]);
    }

    #[test]
    fn build_rejects_each_bad_setting() {
        let b = RetryPolicy::builder;
        assert_eq!(b().attempts(0).build(), Err(BuildError::NoAttempts));
        assert_eq!(b().multiplier(0).build(), Err(BuildError::ZeroMultiplier));
        let err = b().initial_delay(MS(2000)).max_delay(MS(1000)).build();
        assert_eq!(
            err.unwrap_err().to_string(),
            "initial delay 2s exceeds max delay 1s: raise max_delay or lower initial_delay"
        );
    }

    #[test]
    fn order_of_settings_does_not_matter_only_the_result() {
        // Raising max first, then initial, is as valid as the other order.
        let a = RetryPolicy::builder()
            .max_delay(MS(20_000))
            .initial_delay(MS(15_000));
        let b = RetryPolicy::builder()
            .initial_delay(MS(15_000))
            .max_delay(MS(20_000));
        assert_eq!(a.build(), b.build());
    }

    #[test]
    fn a_single_attempt_never_waits() {
        let policy = RetryPolicy::builder().attempts(1).build().unwrap();
        assert!(policy.delays().is_empty());
    }
}
