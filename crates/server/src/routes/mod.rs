//! Every route, and the router that layers them.
//!
//! | module | routes |
//! | --- | --- |
//! | [`official`] | `POST /token/generate` |
//! | [`sample`] | `POST /fetch_rtc_token` |
//! | [`community`] | `GET /rtc/...`, `/rtm/...`, `/rte/...`, `/chat/...`, `/ping`, `POST /getToken` |
//! | [`native`] | `POST /v1/tokens`, `/v1/tokens/inspect`, `/v1/tokens/verify`, `/v1/tokens/check` |
//! | [`ops`] | `GET /healthz`, `/readyz`, `/metrics`, `/openapi.json` |
//! | [`playground`] | `GET /`, `/playground/{asset}` (when enabled) |

pub mod community;
pub mod native;
pub mod official;
pub mod ops;
pub mod playground;
pub mod sample;

use std::time::Duration;

use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::routing::{get, post};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::config::Config;
use crate::middleware;
use crate::state::SharedState;

/// Every route template, and the label its requests get in the metrics
/// (trailing-slash twins share one label).
pub const ROUTES: &[(&str, &str)] = &[
    ("/token/generate", "/token/generate"),
    ("/fetch_rtc_token", "/fetch_rtc_token"),
    (RTC, "/rtc/{channel_name}/{role}/{tokentype}/{uid}/"),
    (RTC_SLASH, "/rtc/{channel_name}/{role}/{tokentype}/{uid}/"),
    (RTM, "/rtm/{uid}/"),
    (RTM_SLASH, "/rtm/{uid}/"),
    (RTE, "/rte/{channel_name}/{role}/{tokentype}/{uid}/"),
    (RTE_SLASH, "/rte/{channel_name}/{role}/{tokentype}/{uid}/"),
    (
        RTE2,
        "/rte/{channel_name}/{role}/{tokentype}/{uid}/{rtm_uid}/",
    ),
    (
        RTE2_SLASH,
        "/rte/{channel_name}/{role}/{tokentype}/{uid}/{rtm_uid}/",
    ),
    (CHAT_APP, "/chat/app/"),
    (CHAT_APP_SLASH, "/chat/app/"),
    (CHAT_ACCOUNT, "/chat/account/{chat_id}/"),
    (CHAT_ACCOUNT_SLASH, "/chat/account/{chat_id}/"),
    ("/getToken", "/getToken"),
    ("/ping", "/ping"),
    ("/v1/tokens", "/v1/tokens"),
    ("/v1/tokens/inspect", "/v1/tokens/inspect"),
    ("/v1/tokens/verify", "/v1/tokens/verify"),
    ("/v1/tokens/check", "/v1/tokens/check"),
    ("/", "/"),
    (playground::ASSET, playground::ASSET),
    ("/healthz", "/healthz"),
    ("/readyz", "/readyz"),
    ("/metrics", "/metrics"),
    ("/openapi.json", "/openapi.json"),
];

const RTC: &str = "/rtc/{channel_name}/{role}/{tokentype}/{uid}";
const RTC_SLASH: &str = "/rtc/{channel_name}/{role}/{tokentype}/{uid}/";
const RTM: &str = "/rtm/{uid}";
const RTM_SLASH: &str = "/rtm/{uid}/";
const RTE: &str = "/rte/{channel_name}/{role}/{tokentype}/{uid}";
const RTE_SLASH: &str = "/rte/{channel_name}/{role}/{tokentype}/{uid}/";
const RTE2: &str = "/rte/{channel_name}/{role}/{tokentype}/{uid}/{rtm_uid}";
const RTE2_SLASH: &str = "/rte/{channel_name}/{role}/{tokentype}/{uid}/{rtm_uid}/";
const CHAT_APP: &str = "/chat/app";
const CHAT_APP_SLASH: &str = "/chat/app/";
const CHAT_ACCOUNT: &str = "/chat/account/{chat_id}";
const CHAT_ACCOUNT_SLASH: &str = "/chat/account/{chat_id}/";

/// The metrics label of a matched route template (`unmatched` for 404s).
pub fn route_label(matched: Option<&str>) -> &'static str {
    matched
        .and_then(|m| ROUTES.iter().find(|(t, _)| *t == m))
        .map_or("unmatched", |(_, label)| label)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(route_label(Some(RTC)), RTC_SLASH);
        assert_eq!(route_label(Some("/v1/tokens")), "/v1/tokens");
        assert_eq!(route_label(None), "unmatched");
    }
}
