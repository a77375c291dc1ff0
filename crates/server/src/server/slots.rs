//! Per-client connection shares: how many connections one address holds, so
//! that one client cannot fill every slot of `max_connections` (for example
//! with connections that send half their headers and wait for the header
//! deadline) and lock everyone else out.
//!
//! The address is the TCP peer: the accept loop runs before any HTTP is
//! read, so `X-Forwarded-For` is not known yet (and behind proxies the
//! default is no share, see [`crate::config::Limits::connections_per_ip`]).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};

/// Open connections per client address, each at most `max`.
#[derive(Debug)]
pub struct PerIp {
    max: usize,
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// One connection's place in its address's share; given back on drop.
#[derive(Debug)]
pub struct Slot {
    owner: Arc<PerIp>,
    key: IpAddr,
}

impl PerIp {
    /// Shares of at most `max` connections per address.
    pub fn new(max: usize) -> Arc<PerIp> {
        Arc::new(PerIp {
            max: max.max(1),
            open: Mutex::new(HashMap::new()),
        })
    }

    /// A slot for a connection from `ip`, or `None` when its address holds
    /// `max` already.
    pub fn take(self: &Arc<Self>, ip: IpAddr) -> Option<Slot> {
        let key = share_key(ip);
        // A panic elsewhere cannot leave the counts half-updated: each
        // change is one insert or remove.
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let n = open.entry(key).or_insert(0);
        if *n >= self.max {
            return None;
        }
        *n += 1;
        Some(Slot {
            owner: self.clone(),
            key,
        })
    }

    /// Addresses holding at least one connection.
    pub fn tracked(&self) -> usize {
        self.open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self
            .owner
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = open.get_mut(&self.key) {
            *n -= 1;
            if *n == 0 {
                // Keeps the map as small as the set of connected clients.
                open.remove(&self.key);
            }
        }
    }
}

/// The address a share is counted on: IPv4 as is; IPv6 by its /64, since
/// one host is commonly given a whole /64 and could otherwise open each
/// connection from a new address. IPv4-mapped IPv6 counts as IPv4.
fn share_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(bits.into())
        }
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn share_is_per_address_and_given_back() {
        let shares = PerIp::new(2);
        let a = shares.take(ip("10.0.0.1")).unwrap();
        let _b = shares.take(ip("10.0.0.1")).unwrap();
        assert!(shares.take(ip("10.0.0.1")).is_none());
        let _other = shares.take(ip("10.0.0.2")).unwrap();
        drop(a);
        assert!(shares.take(ip("10.0.0.1")).is_some());
        assert_eq!(shares.tracked(), 2);
    }

    #[test]
    fn ipv6_counts_per_64_and_mapped_ipv4_as_ipv4() {
        let shares = PerIp::new(1);
        let _a = shares.take(ip("2001:db8:1:2::1")).unwrap();
        assert!(shares.take(ip("2001:db8:1:2:ffff::9")).is_none());
        assert!(shares.take(ip("2001:db8:1:3::1")).is_some());
        let _v4 = shares.take(ip("192.0.2.7")).unwrap();
        assert!(shares.take(ip("::ffff:192.0.2.7")).is_none());
    }

    #[test]
    fn empty_entries_are_dropped() {
        let shares = PerIp::new(3);
        drop(shares.take(ip("10.0.0.1")));
        assert_eq!(shares.tracked(), 0);
    }
}
