//! Every route and its metrics label; [`crate::app`] assembles them with
//! the layers of [`crate::middleware`] (which uses the labels and the native
//! error replies from here, so the dependency runs one way).
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

pub(crate) const RTC: &str = "/rtc/{channel_name}/{role}/{tokentype}/{uid}";
pub(crate) const RTC_SLASH: &str = "/rtc/{channel_name}/{role}/{tokentype}/{uid}/";
pub(crate) const RTM: &str = "/rtm/{uid}";
pub(crate) const RTM_SLASH: &str = "/rtm/{uid}/";
pub(crate) const RTE: &str = "/rte/{channel_name}/{role}/{tokentype}/{uid}";
pub(crate) const RTE_SLASH: &str = "/rte/{channel_name}/{role}/{tokentype}/{uid}/";
pub(crate) const RTE2: &str = "/rte/{channel_name}/{role}/{tokentype}/{uid}/{rtm_uid}";
pub(crate) const RTE2_SLASH: &str = "/rte/{channel_name}/{role}/{tokentype}/{uid}/{rtm_uid}/";
pub(crate) const CHAT_APP: &str = "/chat/app";
pub(crate) const CHAT_APP_SLASH: &str = "/chat/app/";
pub(crate) const CHAT_ACCOUNT: &str = "/chat/account/{chat_id}";
pub(crate) const CHAT_ACCOUNT_SLASH: &str = "/chat/account/{chat_id}/";

/// The metrics label of a matched route template (`unmatched` for 404s).
pub fn route_label(matched: Option<&str>) -> &'static str {
    matched
        .and_then(|m| ROUTES.iter().find(|(t, _)| *t == m))
        .map_or("unmatched", |(_, label)| label)
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
