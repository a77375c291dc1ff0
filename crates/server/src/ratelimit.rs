//! In-process token-bucket rate limits, keyed by client IP or caller name.
//!
//! The state lives in this process: with several replicas each applies its
//! own limits (a client may get up to N times the rate behind N replicas).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::config::Rate;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

/// A keyed token-bucket limiter with a bound on the number of keys kept.
#[derive(Debug)]
pub struct Limiter<K> {
    rate: Rate,
    max_tracked: usize,
    buckets: Mutex<HashMap<K, Bucket>>,
}

impl<K: Hash + Eq + Clone> Limiter<K> {
    /// A limiter at `rate`, keeping at most `max_tracked` keys.
    pub fn new(rate: Rate, max_tracked: usize) -> Self {
        Limiter {
            rate,
            max_tracked: max_tracked.max(1),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one request from `key`'s bucket at time `now`; `Err` holds how
    /// long until one is available.
    pub fn check(&self, key: &K, now: Instant) -> Result<(), Duration> {
        let burst = self.rate.burst as f64;
        // A poisoned lock only means another request panicked mid-update;
        // the buckets are still usable numbers.
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if !buckets.contains_key(key) && buckets.len() >= self.max_tracked {
            // Drop the buckets that have refilled: forgetting them changes
            // nothing, since a new bucket starts full.
            let rate = self.rate.rate;
            buckets.retain(|_, b| {
                b.tokens + now.saturating_duration_since(b.last).as_secs_f64() * rate < burst
            });
            if buckets.len() >= self.max_tracked {
                return Err(Duration::from_secs(1));
            }
        }
        let b = buckets.entry(key.clone()).or_insert(Bucket {
            tokens: burst,
            last: now,
        });
        let elapsed = now.saturating_duration_since(b.last).as_secs_f64();
        b.tokens = (b.tokens + elapsed * self.rate.rate).min(burst);
        b.last = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - b.tokens) / self.rate.rate))
        }
    }

    /// Number of keys currently kept.
    pub fn tracked(&self) -> usize {
        self.buckets
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burst_then_refill() {
        let l = Limiter::new(
            Rate {
                rate: 10.0,
                burst: 3,
            },
            10,
        );
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(l.check(&1, t0).is_ok());
        }
        let wait = l.check(&1, t0).unwrap_err();
        assert!(wait <= Duration::from_millis(100) && wait > Duration::ZERO);
        assert!(l.check(&2, t0).is_ok(), "keys are independent");
        assert!(l.check(&1, t0 + Duration::from_millis(100)).is_ok());
    }

    #[test]
    fn bounded_keys() {
        let l = Limiter::new(
            Rate {
                rate: 1.0,
                burst: 1,
            },
            2,
        );
        let t0 = Instant::now();
        assert!(l.check(&1, t0).is_ok());
        assert!(l.check(&2, t0).is_ok());
        // Both buckets are in use: a third key is refused, not tracked.
        assert!(l.check(&3, t0).is_err());
        assert_eq!(l.tracked(), 2);
        // Once they refill they are forgotten and room is made.
        assert!(l.check(&3, t0 + Duration::from_secs(2)).is_ok());
        assert_eq!(l.tracked(), 1);
    }
}
