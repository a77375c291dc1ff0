//! The application: every route of [`crate::routes`] with the layers of
//! [`crate::middleware`]. Kept apart from both so that the middleware may
//! use what the routes define (labels, error replies) without the routes
//! depending on the middleware in turn.

use std::time::Duration;

use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::routing::{get, post};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::config::Config;
use crate::middleware;
use crate::routes::{
    community, native, official, ops, playground, sample, CHAT_ACCOUNT, CHAT_ACCOUNT_SLASH,
    CHAT_APP, CHAT_APP_SLASH, RTC, RTC_SLASH, RTE, RTE2, RTE2_SLASH, RTE_SLASH, RTM, RTM_SLASH,
};
use crate::state::SharedState;

/// The routes with their layers.
pub fn app(state: SharedState, config: &Config) -> Router {
    let mut router = Router::new()
        .route("/token/generate", post(official::generate))
        .route("/fetch_rtc_token", post(sample::fetch_rtc_token))
        .route("/getToken", post(community::get_token))
        .route("/ping", get(community::ping))
        .route("/v1/tokens", post(native::create_token))
        .route("/v1/tokens/inspect", post(native::inspect))
        .route("/v1/tokens/verify", post(native::verify))
        .route("/v1/tokens/check", post(native::check))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .route("/openapi.json", get(ops::openapi));
    for path in [RTC, RTC_SLASH] {
        router = router.route(path, get(community::rtc));
    }
    for path in [RTM, RTM_SLASH] {
        router = router.route(path, get(community::rtm));
    }
    for path in [RTE, RTE_SLASH, RTE2, RTE2_SLASH] {
        router = router.route(path, get(community::rte));
    }
    for path in [CHAT_APP, CHAT_APP_SLASH, CHAT_ACCOUNT, CHAT_ACCOUNT_SLASH] {
        router = router.route(path, get(community::chat));
    }
    if config.playground {
        router = router
            .route("/", get(playground::page))
            .route(playground::ASSET, get(playground::asset));
    }
    let mut router = router
        .fallback(middleware::not_found)
        .method_not_allowed_fallback(middleware::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            (state.clone(), config.limits.request_timeout),
            middleware::deadline,
        ));
    if let Some(cors) = cors_layer(&config.cors_origins) {
        router = router.layer(cors);
    }
    router
        .layer(CatchPanicLayer::custom(middleware::panic_response))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::observe,
        ))
        .with_state(state)
}

/// The CORS layer for the configured origins (`None`: no CORS, the default).
pub fn cors_layer(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        let values: Vec<HeaderValue> = origins
            .iter()
            .filter_map(|o| HeaderValue::from_str(o).ok())
            .collect();
        AllowOrigin::list(values)
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
            .allow_headers([
                header::CONTENT_TYPE,
                header::AUTHORIZATION,
                HeaderName::from_static("x-requested-with"),
            ])
            .max_age(Duration::from_secs(600)),
    )
}
