//! Operations routes: no authentication, no rate limit.
//!
//! - `GET /healthz`: liveness, `{"status":"ok"}` while the process serves.
//! - `GET /readyz`: readiness, `{"status":"ready"}`, or 503
//!   `{"status":"draining"}` once shutdown has started.
//! - `GET /metrics`: Prometheus / OpenMetrics text.
//! - `GET /openapi.json`: the OpenAPI 3 description of every route.

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::state::{json_response, SharedState};

/// The OpenAPI document (hand-written; checked by the tests and by
/// schemathesis in `scripts/test-server`).
pub const OPENAPI: &str = include_str!("../openapi.json");

/// `GET /healthz`.
pub async fn healthz() -> Response {
    json_response(StatusCode::OK, &json!({"status": "ok"}))
}

/// `GET /readyz`.
pub async fn readyz(State(state): State<SharedState>) -> Response {
    if state.is_ready() {
        json_response(StatusCode::OK, &json!({"status": "ready"}))
    } else {
        json_response(
            StatusCode::SERVICE_UNAVAILABLE,
            &json!({"status": "draining"}),
        )
    }
}

/// `GET /metrics`.
pub async fn metrics(State(state): State<SharedState>) -> Response {
    state.refresh_gauges();
    let mut r = state.metrics.render().into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(crate::metrics::CONTENT_TYPE),
    );
    r
}

/// `GET /openapi.json`.
pub async fn openapi() -> Response {
    let mut r = OPENAPI.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}
