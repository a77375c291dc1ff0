//! What every handler shares: credentials, the authenticator, the limiters,
//! the metrics; and the admission steps every token route takes in the same
//! order: per-IP limit, authentication, per-caller limit, body, policy.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use token_core::v007::AccessToken2;

use crate::auth::{Authenticator, Caller, Grant, Kind, Operation};
use crate::config::{Config, FixedIssue, Secret};
use crate::metrics::Metrics;
use crate::ratelimit::Limiter;

/// Why a request was refused. The name is the `reason` label of
/// `agora_token_rejections_total` and the `error.code` of the native API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Malformed JSON, wrong types, missing or unknown fields (400).
    BadRequest,
    /// A value token-core refuses: channel name, account, ... (400).
    InvalidInput,
    /// No, unknown or invalid credentials (401).
    Unauthenticated,
    /// Outside the caller's policy or JWT claims (403).
    Forbidden,
    /// Rate limit (429).
    RateLimited,
    /// Body over the limit (413).
    PayloadTooLarge,
    /// Not JSON (415).
    UnsupportedMediaType,
    /// Unknown route (404).
    NotFound,
    /// Known route, other method (405).
    MethodNotAllowed,
    /// Request not finished in time (408).
    Timeout,
    /// The token could not be built from the request (400; the official
    /// service's code -2).
    GenerateFailed,
    /// A bug (500).
    Internal,
}

impl Reason {
    /// The stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::BadRequest => "bad_request",
            Reason::InvalidInput => "invalid_input",
            Reason::Unauthenticated => "unauthenticated",
            Reason::Forbidden => "forbidden",
            Reason::RateLimited => "rate_limited",
            Reason::PayloadTooLarge => "payload_too_large",
            Reason::UnsupportedMediaType => "unsupported_media_type",
            Reason::NotFound => "not_found",
            Reason::MethodNotAllowed => "method_not_allowed",
            Reason::Timeout => "timeout",
            Reason::GenerateFailed => "generate_failed",
            Reason::Internal => "internal",
        }
    }

    /// The HTTP status.
    pub fn status(self) -> StatusCode {
        match self {
            Reason::BadRequest | Reason::InvalidInput | Reason::GenerateFailed => {
                StatusCode::BAD_REQUEST
            }
            Reason::Unauthenticated => StatusCode::UNAUTHORIZED,
            Reason::Forbidden => StatusCode::FORBIDDEN,
            Reason::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Reason::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Reason::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Reason::NotFound => StatusCode::NOT_FOUND,
            Reason::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Reason::Timeout => StatusCode::REQUEST_TIMEOUT,
            Reason::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// A refused request: the reason, a message for the caller (never a secret),
/// and for 429 when to retry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// Why.
    pub reason: Reason,
    /// What to fix, one line.
    pub message: String,
    /// Seconds until a retry may succeed (429 only).
    pub retry_after: Option<u64>,
    /// token-core's error kind (`malformed`, `wrong_version`, ...) when
    /// token-core refused the input.
    pub kind: Option<&'static str>,
}

impl Rejection {
    /// A rejection with a message.
    pub fn new(reason: Reason, message: impl Into<String>) -> Self {
        Rejection {
            reason,
            message: message.into(),
            retry_after: None,
            kind: None,
        }
    }

    /// 400 with a message.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Rejection::new(Reason::BadRequest, message)
    }

    fn rate_limited(what: &str, wait: Duration) -> Self {
        Rejection {
            reason: Reason::RateLimited,
            message: format!("rate limit exceeded ({what}); retry later"),
            retry_after: Some(wait.as_secs_f64().ceil().max(1.0) as u64),
            kind: None,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.reason.status()
    }

    /// Finishes a route's error reply: status, `Retry-After` /
    /// `WWW-Authenticate`, and the rejection metric.
    pub fn finish(&self, state: &AppState, mut response: Response) -> Response {
        state.metrics.rejected(self.reason.as_str());
        *response.status_mut() = self.status();
        let headers = response.headers_mut();
        if let Some(secs) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if self.reason == Reason::Unauthenticated {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response.extensions_mut().insert(LogNote {
            caller: None,
            kind: None,
            reason: Some(self.reason.as_str()),
        });
        response
    }
}

impl Rejection {
    /// The native API's error body: `{"error": {"code", "message", "kind"?}}`
    /// (also the body of 404, 405, 408 and 500 on every route).
    pub fn body(&self) -> serde_json::Value {
        let mut error = serde_json::json!({"code": self.reason.as_str(), "message": self.message});
        if let Some(kind) = self.kind {
            error["kind"] = serde_json::json!(kind);
        }
        serde_json::json!({ "error": error })
    }

    /// The native error reply: [`Rejection::body`] with the reason's status,
    /// finished.
    pub fn reply(&self, state: &AppState) -> Response {
        self.finish(state, json_response(self.status(), &self.body()))
    }
}

impl From<token_core::Error> for Rejection {
    fn from(e: token_core::Error) -> Self {
        Rejection {
            kind: Some(e.kind().as_str()),
            ..Rejection::new(Reason::InvalidInput, e.to_string())
        }
    }
}

/// What a handler tells the request log (as a response extension): who
/// called, what was issued, why it was refused.
#[derive(Debug, Clone, Default)]
pub struct LogNote {
    /// Caller name (`anonymous`, key name, `jwt:<sub>`).
    pub caller: Option<Arc<str>>,
    /// Kind of the token issued.
    pub kind: Option<&'static str>,
    /// Rejection reason.
    pub reason: Option<&'static str>,
}

/// Where [`AppState::admit`] leaves the caller's name once authenticated,
/// so the request log names the caller of a request refused after that
/// (403, 413, 429 per caller, ...). The log layer puts one in every request.
#[derive(Debug, Clone, Default)]
pub struct CallerSlot(pub Arc<std::sync::OnceLock<Arc<str>>>);

/// Tokens a route issued ([`AppState::issue`]).
#[derive(Debug)]
pub struct Issued {
    /// Every kind of access they carry, the requested kind first.
    pub kinds: Vec<Kind>,
    /// The tokens as signed.
    pub tokens: Vec<AccessToken2>,
    /// Their text, in the same order.
    pub texts: Vec<String>,
}

impl Issued {
    /// The text of the only (or first) token.
    pub fn text(&self) -> &str {
        &self.texts[0]
    }
}

/// Shared state of one server.
#[derive(Debug)]
pub struct AppState {
    app_id: String,
    app_certificate: Secret,
    /// Default token lifetime.
    pub default_expire: u32,
    /// Largest body.
    pub body_limit: usize,
    /// Authentication.
    pub auth: Authenticator,
    ip_limiter: Option<Limiter<IpAddr>>,
    caller_limiter: Option<Limiter<Arc<str>>>,
    trusted_proxy_hops: usize,
    /// Metrics.
    pub metrics: Metrics,
    ready: AtomicBool,
    fixed_issue: Option<FixedIssue>,
}

impl AppState {
    /// State for a configuration.
    pub fn new(config: &Config) -> Self {
        let anonymous =
            crate::config::policy_ref(None, &config.auth.policies, "anonymous").unwrap_or_default();
        let rl = &config.rate_limits;
        AppState {
            app_id: config.app_id().to_string(),
            app_certificate: config.app_certificate().clone(),
            default_expire: config.default_expire,
            body_limit: config.limits.body_bytes,
            auth: Authenticator::new(&config.auth.api_keys, config.auth.jwt.clone(), anonymous),
            ip_limiter: rl.per_ip.map(|r| Limiter::new(r, rl.max_tracked)),
            caller_limiter: rl.per_caller.map(|r| Limiter::new(r, rl.max_tracked)),
            trusted_proxy_hops: rl.trusted_proxy_hops,
            metrics: Metrics::new(),
            ready: AtomicBool::new(true),
            fixed_issue: config.fixed_issue,
        }
    }

    /// The app ID.
    pub fn app_id(&self) -> &str {
        &self.app_id
    }

    /// The app certificate, for signing.
    pub fn app_certificate(&self) -> &str {
        self.app_certificate.expose()
    }

    /// The one way a route issues tokens: pin the configured fixed issue ts
    /// and salt if there is one (tests only, [`Config::fixed_issue`]), read
    /// what the unsigned tokens grant ([`Grant::of`]), check that against
    /// the caller's policy and JWT claims, and only then sign. So a policy
    /// judges exactly what is signed, never a second description of the
    /// request. `kind` is the kind of token the request names (`None` where
    /// it only lists services).
    pub fn issue(
        &self,
        caller: &Caller,
        kind: Option<Kind>,
        tokens: Vec<AccessToken2>,
    ) -> Result<Issued, Rejection> {
        let tokens: Vec<AccessToken2> = match self.fixed_issue {
            Some(f) => tokens
                .into_iter()
                .map(|t| t.with_issue(f.issue_ts, f.salt))
                .collect(),
            None => tokens,
        };
        let grant = Grant::of(kind, &tokens);
        self.authorize(caller, &grant)?;
        let texts = tokens
            .iter()
            .map(|t| t.build(self.app_certificate()))
            .collect::<token_core::Result<Vec<String>>>()
            .map_err(|e| Rejection {
                kind: Some(e.kind().as_str()),
                ..Rejection::new(Reason::GenerateFailed, e.to_string())
            })?;
        let kinds = grant.kinds();
        for &k in &kinds {
            self.metrics.token_issued(k);
        }
        Ok(Issued {
            kinds,
            tokens,
            texts,
        })
    }

    /// True until shutdown starts.
    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Relaxed)
    }

    /// Marks the server as draining: `/readyz` answers 503 from now on.
    pub fn set_draining(&self) {
        self.ready.store(false, Ordering::Relaxed);
    }

    /// Per-IP limit, authentication and per-caller limit, in that order, so
    /// unauthenticated floods are cut before any credential check.
    pub fn admit(&self, parts: &Parts) -> Result<Caller, Rejection> {
        let now = Instant::now();
        if let Some(limiter) = &self.ip_limiter {
            let ip = client_ip(parts, self.trusted_proxy_hops)
                .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
            limiter
                .check(&ip, now)
                .map_err(|wait| Rejection::rate_limited("per client IP", wait))?;
        }
        let caller = self
            .auth
            .authenticate(&parts.headers, token_core::codec::now().into())
            .map_err(|m| Rejection::new(Reason::Unauthenticated, m))?;
        if let Some(slot) = parts.extensions.get::<CallerSlot>() {
            let _ = slot.0.set(Arc::from(caller.name()));
        }
        if let (Some(limiter), Some(key)) = (&self.caller_limiter, caller.rate_key()) {
            limiter
                .check(key, now)
                .map_err(|wait| Rejection::rate_limited("per caller", wait))?;
        }
        Ok(caller)
    }

    fn authorize(&self, caller: &Caller, grant: &Grant) -> Result<(), Rejection> {
        caller
            .authorize(grant)
            .map_err(|m| Rejection::new(Reason::Forbidden, m))
    }

    /// Admits a request for an operation other than issuing a token
    /// (inspect, verify, check): [`AppState::admit`], then the caller's
    /// policy must list the operation.
    pub fn admit_for(&self, parts: &Parts, op: Operation) -> Result<Caller, Rejection> {
        let caller = self.admit(parts)?;
        caller
            .policy()
            .allows_operation(op)
            .map_err(|m| Rejection::new(Reason::Forbidden, m))?;
        Ok(caller)
    }

    /// Reads the body, at most `body_limit` bytes.
    pub async fn read_body(&self, parts: &Parts, body: Body) -> Result<Bytes, Rejection> {
        let too_large = || {
            Rejection::new(
                Reason::PayloadTooLarge,
                format!("request body larger than {} bytes", self.body_limit),
            )
        };
        let declared = parts
            .headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > self.body_limit as u64) {
            return Err(too_large());
        }
        match axum::body::to_bytes(body, self.body_limit).await {
            Ok(b) => Ok(b),
            Err(e) => {
                let limited = std::error::Error::source(&e)
                    .is_some_and(|s| s.is::<http_body_util::LengthLimitError>());
                if limited {
                    Err(too_large())
                } else {
                    Err(Rejection::bad_request("could not read the request body"))
                }
            }
        }
    }

    /// Refreshes the gauges that are read rather than counted.
    pub fn refresh_gauges(&self) {
        if let Some(l) = &self.ip_limiter {
            self.metrics.set_tracked("ip", l.tracked());
        }
        if let Some(l) = &self.caller_limiter {
            self.metrics.set_tracked("caller", l.tracked());
        }
    }
}

/// The client's IP: the TCP peer, or with `hops` trusted proxies in front,
/// the `hops`-th address from the right of `X-Forwarded-For` (the one the
/// outermost trusted proxy saw). Entries further left are client-supplied
/// and never trusted.
pub fn client_ip(parts: &Parts, hops: usize) -> Option<IpAddr> {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if hops == 0 {
        return peer;
    }
    let entries: Vec<&str> = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if entries.len() >= hops {
        entries[entries.len() - hops].parse().ok().or(peer)
    } else {
        peer
    }
}

/// Response helper: marks who called and what was issued, for the log.
pub fn note(mut response: Response, caller: &Caller, kind: Option<Kind>) -> Response {
    response.extensions_mut().insert(LogNote {
        caller: Some(Arc::from(caller.name())),
        kind: kind.map(Kind::as_str),
        reason: None,
    });
    response
}

/// A JSON response with a status.
pub fn json_response(status: StatusCode, value: &serde_json::Value) -> Response {
    let mut r = Response::new(Body::from(value.to_string()));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    r
}

/// Shared state handle.
pub type SharedState = Arc<AppState>;

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;

    fn parts(xff: Option<&str>) -> Parts {
        let mut b = Request::builder().uri("/");
        if let Some(x) = xff {
            b = b.header("x-forwarded-for", x);
        }
        let (mut p, _) = b.body(()).unwrap().into_parts();
        p.extensions
            .insert(ConnectInfo(SocketAddr::from(([10, 0, 0, 9], 1234))));
        p
    }

    #[test]
    fn client_ip_hops() {
        let peer: IpAddr = "10.0.0.9".parse().unwrap();
        assert_eq!(client_ip(&parts(Some("1.2.3.4")), 0), Some(peer));
        assert_eq!(
            client_ip(&parts(Some("6.6.6.6, 1.2.3.4")), 1),
            Some("1.2.3.4".parse().unwrap())
        );
        assert_eq!(
            client_ip(&parts(Some("6.6.6.6, 1.2.3.4, 10.1.1.1")), 2),
            Some("1.2.3.4".parse().unwrap())
        );
        assert_eq!(client_ip(&parts(None), 1), Some(peer));
        assert_eq!(client_ip(&parts(Some("junk")), 1), Some(peer));
    }
}
