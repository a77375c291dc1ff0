//! Every route and its metrics label, in one table ([`ROUTES`]);
//! [`crate::app`] assembles them with the layers of [`crate::middleware`]
//! (which uses the labels from here, so the dependency runs one way).
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

use axum::routing::{get, post, MethodRouter};

use crate::state::SharedState;

/// One route: its template, its handler, and the label its requests get in
/// the metrics (trailing-slash twins share one label).
pub struct Route {
    /// The path template, as the router matches it.
    pub template: &'static str,
    /// The metrics and log label.
    pub label: &'static str,
    /// Served only when the playground is on.
    pub playground: bool,
    /// The method router of the handler.
    pub handler: fn() -> MethodRouter<SharedState>,
}

const fn route(
    template: &'static str,
    label: &'static str,
    handler: fn() -> MethodRouter<SharedState>,
) -> Route {
    Route {
        template,
        label,
        playground: false,
        handler,
    }
}

/// Every route: the one list the router ([`crate::app`]), the metrics
/// labels and the OpenAPI test read.
pub const ROUTES: &[Route] = &[
    route("/token/generate", "/token/generate", || {
        post(official::generate)
    }),
    route("/fetch_rtc_token", "/fetch_rtc_token", || {
        post(sample::fetch_rtc_token)
    }),
    route(RTC, RTC_SLASH, || get(community::rtc)),
    route(RTC_SLASH, RTC_SLASH, || get(community::rtc)),
    route(RTM, RTM_SLASH, || get(community::rtm)),
    route(RTM_SLASH, RTM_SLASH, || get(community::rtm)),
    route(RTE, RTE_SLASH, || get(community::rte)),
    route(RTE_SLASH, RTE_SLASH, || get(community::rte)),
    route(RTE2, RTE2_SLASH, || get(community::rte)),
    route(RTE2_SLASH, RTE2_SLASH, || get(community::rte)),
    route(CHAT_APP, CHAT_APP_SLASH, || get(community::chat)),
    route(CHAT_APP_SLASH, CHAT_APP_SLASH, || get(community::chat)),
    route(CHAT_ACCOUNT, CHAT_ACCOUNT_SLASH, || get(community::chat)),
    route(CHAT_ACCOUNT_SLASH, CHAT_ACCOUNT_SLASH, || {
        get(community::chat)
    }),
    route("/getToken", "/getToken", || post(community::get_token)),
    route("/ping", "/ping", || get(community::ping)),
    route("/v1/tokens", "/v1/tokens", || post(native::create_token)),
    route("/v1/tokens/inspect", "/v1/tokens/inspect", || {
        post(native::inspect)
    }),
    route("/v1/tokens/verify", "/v1/tokens/verify", || {
        post(native::verify)
    }),
    route("/v1/tokens/check", "/v1/tokens/check", || {
        post(native::check)
    }),
    Route {
        playground: true,
        ..route("/", "/", || get(playground::page))
    },
    Route {
        playground: true,
        ..route(playground::ASSET, playground::ASSET, || {
            get(playground::asset)
        })
    },
    route("/healthz", "/healthz", || get(ops::healthz)),
    route("/readyz", "/readyz", || get(ops::readyz)),
    route("/metrics", "/metrics", || get(ops::metrics)),
    route("/openapi.json", "/openapi.json", || get(ops::openapi)),
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
        .and_then(|m| ROUTES.iter().find(|r| r.template == m))
        .map_or("unmatched", |r| r.label)
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
