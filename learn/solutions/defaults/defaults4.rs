// defaults4: make it hold: a builder that validates once, at `build()`.
//
// Page: docs/defaults.md#a-builder-that-validates-once-at-build
//
// Python's `RetryPolicy(attempts=0)` raises `ValueError: attempts must be at least 1` in
// `__init__`, and then nothing stops `policy.attempts = 0`. A Rust builder takes the keyword
// arguments one method at a time and checks them together in `build()`, which returns a
// `Result`; the policy it builds has no public fields to break. Done when the tests pass.

#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    attempts: u32,
    initial_delay: f64,
    multiplier: f64,
    max_delay: f64,
}

#[derive(Debug, PartialEq)]
pub struct ValueError(String);

pub struct RetryPolicyBuilder {
    attempts: u32,
    initial_delay: f64,
    multiplier: f64,
    max_delay: f64,
}

impl RetryPolicy {
    /// Python's defaults: `attempts=3, initial_delay=0.1, multiplier=2, max_delay=10.0`.
    pub fn builder() -> RetryPolicyBuilder {
        RetryPolicyBuilder {
            attempts: 3,
            initial_delay: 0.1,
            multiplier: 2.0,
            max_delay: 10.0,
        }
    }

    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl RetryPolicyBuilder {
    pub fn attempts(mut self, attempts: u32) -> Self {
        self.attempts = attempts;
        self
    }

    pub fn initial_delay(mut self, seconds: f64) -> Self {
        self.initial_delay = seconds;
        self
    }

    pub fn build(self) -> Result<RetryPolicy, ValueError> {
        if self.attempts < 1 {
            return Err(ValueError("attempts must be at least 1".to_owned()));
        }
        if self.initial_delay > self.max_delay {
            return Err(ValueError(
                "initial_delay must not exceed max_delay".to_owned(),
            ));
        }
        Ok(RetryPolicy {
            attempts: self.attempts,
            initial_delay: self.initial_delay,
            multiplier: self.multiplier,
            max_delay: self.max_delay,
        })
    }
}

fn main() {
    let policy = RetryPolicy::builder().attempts(5).build();
    println!("{policy:?}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_build() {
        let policy = RetryPolicy::builder().build().unwrap();
        assert_eq!(policy.attempts(), 3);
        assert_eq!(
            RetryPolicy::builder()
                .attempts(5)
                .build()
                .unwrap()
                .attempts(),
            5
        );
    }

    #[test]
    fn zero_attempts_is_refused_with_pythons_message() {
        let refused = RetryPolicy::builder().attempts(0).build();
        assert_eq!(
            refused,
            Err(ValueError("attempts must be at least 1".to_owned()))
        );
    }

    #[test]
    fn arguments_are_checked_together() {
        let refused = RetryPolicy::builder().initial_delay(20.0).build();
        assert_eq!(
            refused,
            Err(ValueError(
                "initial_delay must not exceed max_delay".to_owned()
            ))
        );
    }
}
