//! Layers around every route: the request log and metrics, common headers,
//! the request deadline, panics turned into 500s, and the 404/405 replies.

use std::any::Any;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use std::net::SocketAddr;

use crate::routes::route_label;
use crate::state::{json_response, CallerSlot, LogNote, Reason, Rejection, SharedState};

fn method_label(m: &Method) -> &'static str {
    match *m {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        _ => "other",
    }
}

/// One log line and the HTTP metrics per request; `Cache-Control: no-store`
/// and `X-Content-Type-Options: nosniff` on every reply (tokens must not be
/// cached by browsers or proxies).
///
/// The log line holds the route template, never the raw path (which may
/// carry channel names and uids), nor any header, body or token.
pub async fn observe(
    State(state): State<SharedState>,
    mut request: Request,
    next: Next,
) -> Response {
    let start = Instant::now();
    let slot = CallerSlot::default();
    request.extensions_mut().insert(slot.clone());
    let route = route_label(
        request
            .extensions()
            .get::<MatchedPath>()
            .map(MatchedPath::as_str),
    );
    let method = method_label(request.method());
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let mut response = next.run(request).await;
    let elapsed = start.elapsed();
    let status = response.status().as_u16();
    state
        .metrics
        .observe(route, method, status, elapsed.as_secs_f64());
    let headers = response.headers_mut();
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    headers
        .entry(header::X_CONTENT_TYPE_OPTIONS)
        .or_insert(HeaderValue::from_static("nosniff"));
    let note = response
        .extensions()
        .get::<LogNote>()
        .cloned()
        .unwrap_or_default();
    let micros = elapsed.as_micros() as u64;
    let caller = note
        .caller
        .as_deref()
        .or(slot.0.get().map(|c| &**c))
        .unwrap_or("-");
    let kind = note.kind.unwrap_or("-");
    let reason = note.reason.unwrap_or("-");
    let client = peer.map(|p| p.to_string());
    let client = client.as_deref().unwrap_or("-");
    if matches!(route, "/healthz" | "/readyz" | "/metrics") {
        tracing::debug!(target: "access", route, method, status, micros, client, "request");
    } else if status >= 500 {
        tracing::error!(target: "access", route, method, status, micros, client, caller, kind, reason, "request");
    } else {
        tracing::info!(target: "access", route, method, status, micros, client, caller, kind, reason, "request");
    }
    response
}

/// The request deadline: 408 when the whole request (body included) is not
/// answered in time.
pub async fn deadline(
    State((state, limit)): State<(SharedState, Duration)>,
    request: Request,
    next: Next,
) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(r) => r,
        Err(_) => {
            let rej = Rejection::new(
                Reason::Timeout,
                format!("request not completed within {} ms", limit.as_millis()),
            );
            let mut r = rej.reply(&state);
            r.headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            r
        }
    }
}

/// A panic in a handler (a bug) becomes a 500 with the native error body;
/// the server keeps serving.
pub fn panic_response(_panic: Box<dyn Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    let rej = Rejection::new(Reason::Internal, "internal error");
    json_response(StatusCode::INTERNAL_SERVER_ERROR, &rej.body())
}

/// 404 for unknown routes.
pub async fn not_found(State(state): State<SharedState>, request: Request) -> Response {
    let rej = Rejection::new(
        Reason::NotFound,
        format!("no route for {} {}", request.method(), request.uri().path()),
    );
    rej.reply(&state)
}

/// 405 for a known route with another method.
pub async fn method_not_allowed(State(state): State<SharedState>, request: Request) -> Response {
    let rej = Rejection::new(
        Reason::MethodNotAllowed,
        format!("{} is not allowed on this route", request.method()),
    );
    rej.reply(&state)
}
