//! Prometheus metrics, served at `/metrics` in the OpenMetrics text format.
//!
//! | metric | labels |
//! | --- | --- |
//! | `agora_token_http_requests_total` | `route`, `method`, `status` |
//! | `agora_token_http_request_duration_seconds` (histogram) | `route` |
//! | `agora_token_tokens_issued_total` | `kind` |
//! | `agora_token_rejections_total` | `reason` |
//! | `agora_token_open_connections` | |
//! | `agora_token_connections_refused_total` | `limit` (`max_connections`, `per_ip`) |
//! | `agora_token_rate_limit_tracked_keys` | `limiter` |
//! | `agora_token_build_info` | `version` |
//! | `process_resident_memory_bytes` | |
//!
//! `route` is the route template (`/rtc/{channel_name}/...`), never the raw
//! path, so channel names and uids do not reach the metrics.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use crate::auth::Kind;

/// Content type of the metrics text.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct HttpLabels {
    route: &'static str,
    method: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabels {
    kind: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReasonLabels {
    reason: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LimitLabels {
    limit: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LimiterLabels {
    limiter: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct VersionLabels {
    version: &'static str,
}

fn latency_histogram() -> Histogram {
    // Token building takes tens of microseconds; the upper buckets catch
    // slow clients and overload.
    Histogram::new([
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
        10.0,
    ])
}

/// The server's metrics.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: Family<HttpLabels, Counter>,
    duration: Family<RouteLabels, Histogram, fn() -> Histogram>,
    tokens: Family<KindLabels, Counter>,
    rejections: Family<ReasonLabels, Counter>,
    /// Open TCP connections.
    pub connections: Gauge,
    connections_refused: Family<LimitLabels, Counter>,
    tracked: Family<LimiterLabels, Gauge>,
    rss: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    /// A fresh registry with every metric registered.
    pub fn new() -> Self {
        Metrics::assemble(
            Family::default(),
            Family::new_with_constructor(latency_histogram),
            Family::default(),
            Family::default(),
            Gauge::default(),
            Family::default(),
            Family::default(),
            Gauge::default(),
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        requests: Family<HttpLabels, Counter>,
        duration: Family<RouteLabels, Histogram, fn() -> Histogram>,
        tokens: Family<KindLabels, Counter>,
        rejections: Family<ReasonLabels, Counter>,
        connections: Gauge,
        connections_refused: Family<LimitLabels, Counter>,
        tracked: Family<LimiterLabels, Gauge>,
        rss: Gauge,
    ) -> Self {
        let mut registry = Registry::default();
        {
            let sub = registry.sub_registry_with_prefix("agora_token");
            sub.register(
                "http_requests",
                "HTTP requests by route template, method and status",
                requests.clone(),
            );
            sub.register(
                "http_request_duration_seconds",
                "Time from request to response head, by route template",
                duration.clone(),
            );
            sub.register("tokens_issued", "Tokens issued by kind", tokens.clone());
            sub.register(
                "rejections",
                "Requests refused, by reason",
                rejections.clone(),
            );
            sub.register(
                "open_connections",
                "Open TCP connections",
                connections.clone(),
            );
            sub.register(
                "connections_refused",
                "Connections closed at once, by the limit reached (max_connections, per_ip)",
                connections_refused.clone(),
            );
            sub.register(
                "rate_limit_tracked_keys",
                "Keys held by each rate limiter",
                tracked.clone(),
            );
            let build = Family::<VersionLabels, Gauge>::default();
            build
                .get_or_create(&VersionLabels {
                    version: env!("CARGO_PKG_VERSION"),
                })
                .set(1);
            sub.register("build_info", "Server version", build);
        }
        registry.register(
            "process_resident_memory_bytes",
            "Resident set size in bytes",
            rss.clone(),
        );
        Metrics {
            registry,
            requests,
            duration,
            tokens,
            rejections,
            connections,
            connections_refused,
            tracked,
            rss,
        }
    }

    /// Counts a finished request.
    pub fn observe(&self, route: &'static str, method: &'static str, status: u16, seconds: f64) {
        self.requests
            .get_or_create(&HttpLabels {
                route,
                method,
                status,
            })
            .inc();
        self.duration
            .get_or_create(&RouteLabels { route })
            .observe(seconds);
    }

    /// Counts an issued token.
    pub fn token_issued(&self, kind: Kind) {
        self.tokens
            .get_or_create(&KindLabels {
                kind: kind.as_str(),
            })
            .inc();
    }

    /// Counts a refused request.
    pub fn rejected(&self, reason: &'static str) {
        self.rejections
            .get_or_create(&ReasonLabels { reason })
            .inc();
    }

    /// Counts a connection closed at once because `limit` was reached
    /// (`max_connections` or `per_ip`).
    pub fn connection_refused(&self, limit: &'static str) {
        self.connections_refused
            .get_or_create(&LimitLabels { limit })
            .inc();
    }

    /// Records how many keys a limiter holds.
    pub fn set_tracked(&self, limiter: &'static str, keys: usize) {
        self.tracked
            .get_or_create(&LimiterLabels { limiter })
            .set(keys as i64);
    }

    /// The metrics text.
    pub fn render(&self) -> String {
        if let Some(rss) = resident_memory_bytes() {
            self.rss.set(rss as i64);
        }
        let mut out = String::with_capacity(8 * 1024);
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

/// Resident set size from /proc (Linux); `None` elsewhere.
pub fn resident_memory_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // The page size is 4 KiB on every Linux target this server is built for.
    Some(pages * 4096)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_every_family() {
        let m = Metrics::new();
        m.observe("/token/generate", "POST", 200, 0.0002);
        m.token_issued(Kind::Rtc);
        m.rejected("rate_limited");
        m.set_tracked("ip", 3);
        m.connection_refused("per_ip");
        let text = m.render();
        for needle in [
            "agora_token_http_requests_total{route=\"/token/generate\",method=\"POST\",status=\"200\"} 1",
            "agora_token_http_request_duration_seconds_bucket{le=\"0.00025\",route=\"/token/generate\"} 1",
            "agora_token_tokens_issued_total{kind=\"rtc\"} 1",
            "agora_token_rejections_total{reason=\"rate_limited\"} 1",
            "agora_token_rate_limit_tracked_keys{limiter=\"ip\"} 3",
            "agora_token_connections_refused_total{limit=\"per_ip\"} 1",
            "agora_token_build_info{version=",
            "process_resident_memory_bytes",
            "# EOF",
        ] {
            assert!(text.contains(needle), "missing {needle} in\n{text}");
        }
    }
}
