//! Request, connection, rate-limit and shutdown settings, with their
//! defaults.

use std::time::Duration;

use super::Rate;

/// Rate limits. In-process, so they apply per replica.
#[derive(Debug, Clone, PartialEq)]
pub struct RateLimits {
    /// Per client IP address, before authentication. `None`: off.
    pub per_ip: Option<Rate>,
    /// Per API key or JWT subject, after authentication. `None`: off.
    pub per_caller: Option<Rate>,
    /// How many reverse proxies in front of the server append to
    /// `X-Forwarded-For`. 0: the client IP is the TCP peer address.
    pub trusted_proxy_hops: usize,
    /// Most buckets kept per limiter (memory bound); past it, idle buckets
    /// are dropped and, if none is idle, new clients are refused (429).
    pub max_tracked: usize,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            per_ip: Some(Rate {
                rate: 20.0,
                burst: 40,
            }),
            per_caller: Some(Rate {
                rate: 200.0,
                burst: 400,
            }),
            trusted_proxy_hops: 0,
            max_tracked: 100_000,
        }
    }
}

/// Request and connection limits.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest request body accepted (413 past it).
    pub body_bytes: usize,
    /// Whole-request deadline, body included (408 past it).
    pub request_timeout: Duration,
    /// Deadline for a client to send its request headers (connection closed
    /// past it; defeats slow-header clients).
    pub header_read_timeout: Duration,
    /// Most open connections; further ones are closed at once.
    pub max_connections: usize,
    /// Most open connections from one client address (IPv6: one /64), so
    /// one client cannot take every slot. `None`: the default, a quarter of
    /// `max_connections` (at least 1), or no share behind trusted proxies
    /// (every connection comes from them); `Some(0)`: no share. See
    /// [`Limits::connections_per_ip`].
    pub max_connections_per_ip: Option<usize>,
    /// Longest a write to a client may make no progress before the
    /// connection is closed (and its buffers freed); defeats clients that
    /// send requests but do not read the replies.
    pub write_timeout: Duration,
}

impl Limits {
    /// The per-address connection share in force: `None` when there is
    /// none. `behind_proxies`: trusted proxies connect on the clients'
    /// behalf, so the TCP peer is a proxy and a default share would throttle
    /// it; only an explicit setting applies then.
    pub fn connections_per_ip(&self, behind_proxies: bool) -> Option<usize> {
        match self.max_connections_per_ip {
            Some(0) => None,
            Some(n) => Some(n),
            None if behind_proxies => None,
            None => Some((self.max_connections / 4).max(1)),
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            body_bytes: 16 * 1024,
            request_timeout: Duration::from_secs(10),
            header_read_timeout: Duration::from_secs(10),
            max_connections: 10_000,
            max_connections_per_ip: None,
            write_timeout: Duration::from_secs(10),
        }
    }
}

/// Graceful shutdown on SIGTERM/SIGINT.
#[derive(Debug, Clone, PartialEq)]
pub struct Shutdown {
    /// Time between the signal and closing the listener, during which
    /// `/readyz` answers 503 so load balancers stop sending traffic.
    pub drain_delay: Duration,
    /// Longest wait for in-flight requests after the listener closed.
    pub timeout: Duration,
}

impl Default for Shutdown {
    fn default() -> Self {
        Shutdown {
            drain_delay: Duration::ZERO,
            timeout: Duration::from_secs(30),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_ip_share_defaults_to_a_quarter_and_is_off_behind_proxies() {
        let mut l = Limits::default();
        assert_eq!(l.connections_per_ip(false), Some(2_500));
        assert_eq!(l.connections_per_ip(true), None);
        l.max_connections = 3;
        assert_eq!(l.connections_per_ip(false), Some(1));
        l.max_connections_per_ip = Some(7);
        assert_eq!(l.connections_per_ip(true), Some(7));
        l.max_connections_per_ip = Some(0);
        assert_eq!(l.connections_per_ip(false), None);
    }
}
