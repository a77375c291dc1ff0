//! The community token service (`AgoraIO-Community/agora-token-service`)
//! that Agora's UI kits call:
//!
//! | route | reply |
//! | --- | --- |
//! | `GET /rtc/{channelName}/{role}/{tokentype}/{uid}/?expiry=` | `{"rtcToken"}` |
//! | `GET /rtm/{uid}/?expiry=` | `{"rtmToken"}` |
//! | `GET /rte/{channelName}/{role}/{tokentype}/{uid}/[{rtmuid}/]?expiry=` | `{"rtcToken","rtmToken"}` |
//! | `GET /chat/app/?expiry=`, `GET /chat/account/{chatid}/?expiry=` | `{"chatToken"}` |
//! | `POST /getToken` `{tokenType, channel, role, uid, expire}` | `{"token"}` |
//! | `GET /ping` | `{"message":"pong"}` |
//!
//! `role` is `publisher`, anything else gives a subscriber token (as the
//! original); `tokentype` is `uid` or `userAccount`; `expiry` is the token
//! lifetime in seconds (default 3600). Errors are HTTP 400 with
//! `{"message": ..., "status": 400}` for bad parameters or `{"error": ...,
//! "status": 400}` when the token cannot be built, as the original;
//! `/getToken` errors are plain text. Routes answer with and without the
//! trailing slash.
//!
//! Deviations, all refusals of input the original silently mangles: a
//! numeric uid or an `expiry` above 4294967295 is refused instead of being
//! truncated to 32 bits, and a negative `expire` in `/getToken` is refused.

use std::collections::HashMap;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use token_core::builder::rtc::{self, Role};
use token_core::builder::{chat, rtm, User};
use token_core::service::Rtc;
use token_core::v007::AccessToken2;
use token_core::validate;

use crate::auth::{Caller, Kind};
use crate::gojson::{parse_body, GoObject};
use crate::state::{json_response, note, Reason, Rejection, SharedState};

fn param_error(prefix: &str, m: impl std::fmt::Display) -> Rejection {
    Rejection::bad_request(format!("{prefix}: {m}"))
}

fn generate_error(prefix: &str, m: impl std::fmt::Display) -> Rejection {
    Rejection::new(Reason::GenerateFailed, format!("{prefix} - {m}"))
}

/// The original's two error shapes: `{"error", "status"}` when the token
/// could not be generated, `{"message", "status"}` for everything else.
fn reply(state: &SharedState, result: Result<Response, Rejection>) -> Response {
    match result {
        Ok(r) => r,
        Err(rejection) => {
            let status = rejection.status().as_u16();
            let body = if rejection.reason == Reason::GenerateFailed {
                json!({"error": rejection.message, "status": status})
            } else {
                json!({"message": rejection.message, "status": status})
            };
            rejection.finish(state, json_response(rejection.status(), &body))
        }
    }
}

/// `expiry` from the query: absent is 3600, present must be a whole number
/// of seconds (an empty value is an error, as in the original).
fn expiry(parts: &Parts) -> Result<u32, String> {
    let query: Query<HashMap<String, String>> =
        Query::try_from_uri(&parts.uri).map_err(|_| "malformed query string".to_string())?;
    match query.get("expiry") {
        None => Ok(3600),
        Some(text) => text.parse::<u32>().map_err(|e| {
            format!("failed to parse expireTime: {text}, causing error: {e} (0 to 4294967295)")
        }),
    }
}

fn role(text: &str) -> Role {
    // The original: "Making an assumption that !publisher == subscriber".
    Role::from_name(text).unwrap_or(Role::Subscriber)
}

/// The RTC token for the `tokentype` and uid text of a path, unsigned.
/// Unlike the original, an invalid channel name or account is refused.
fn rtc_token(
    app_id: &str,
    channel: &str,
    tokentype: &str,
    uid: &str,
    role: Role,
    expire: u32,
) -> Result<AccessToken2, String> {
    let user = match tokentype {
        "userAccount" => User::Account(uid),
        "uid" => User::Uid(uid.parse::<u32>().map_err(|e| {
            format!("failed to parse uidStr: {uid}, to uint causing error: {e} (0 to 4294967295)")
        })?),
        other => {
            return Err(format!(
                "failed to generate RTC token for Unknown Tokentype: {other}"
            ))
        }
    };
    rtc::with_user(app_id, channel, user, role, expire, expire).map_err(|e| e.to_string())
}

/// The RTM login token of the community service, unsigned; with a stream
/// channel it also joins that RTC channel (as `user_id`) with the
/// data-stream privilege. The policy sees that RTC service: it is read from
/// the token ([`crate::state::AppState::issue`]).
fn rtm_token(
    app_id: &str,
    user_id: &str,
    expire: u32,
    stream_channel: &str,
) -> token_core::Result<AccessToken2> {
    let mut t = rtm::token(app_id, user_id, expire)?;
    if !stream_channel.is_empty() {
        validate::channel_name(stream_channel)?;
        let s = Rtc::new(
            stream_channel,
            user_id,
            [
                (Rtc::JOIN_CHANNEL, expire),
                (Rtc::PUBLISH_DATA_STREAM, expire),
            ],
        );
        t.services.insert(0, s.into());
    }
    Ok(t)
}

fn ok(caller: &Caller, kind: Kind, body: Value) -> Response {
    note(json_response(StatusCode::OK, &body), caller, Some(kind))
}

fn path_failure(prefix: &str, e: PathRejection) -> Rejection {
    param_error(prefix, format!("bad path: {}", e.body_text()))
}

/// Path parameters, refusing a `%` that does not start an escape (`a%ZZ`):
/// the router would pass it on as a literal `%`, a name the client did
/// not mean.
fn path_params<T>(
    prefix: &str,
    parts: &Parts,
    path: Result<Path<T>, PathRejection>,
) -> Result<T, Rejection> {
    let raw = parts.uri.path().as_bytes();
    let bad_escape = raw.iter().enumerate().any(|(i, &b)| {
        b == b'%' && !(raw.get(i + 1..i + 3)).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    });
    if bad_escape {
        return Err(param_error(prefix, "bad path: malformed percent escape"));
    }
    path.map(|Path(p)| p).map_err(|e| path_failure(prefix, e))
}

/// `GET /rtc/{channelName}/{role}/{tokentype}/{uid}/`.
pub async fn rtc(
    State(state): State<SharedState>,
    path: Result<Path<(String, String, String, String)>, PathRejection>,
    request: Request,
) -> Response {
    const P: &str = "Error Generating RTC token";
    let result = async {
        let (parts, _) = request.into_parts();
        let caller = state.admit(&parts)?;
        let (channel, role_text, tokentype, uid) = path_params(P, &parts, path)?;
        let expire = expiry(&parts).map_err(|m| param_error(P, m))?;
        let token = rtc_token(
            state.app_id(),
            &channel,
            &tokentype,
            &uid,
            role(&role_text),
            expire,
        )
        .map_err(|m| generate_error(P, m))?;
        let issued = state.issue(&caller, Some(Kind::Rtc), vec![token])?;
        Ok(ok(&caller, Kind::Rtc, json!({"rtcToken": issued.text()})))
    }
    .await;
    reply(&state, result)
}

/// `GET /rtm/{uid}/`.
pub async fn rtm(
    State(state): State<SharedState>,
    path: Result<Path<String>, PathRejection>,
    request: Request,
) -> Response {
    const P: &str = "Error Generating RTM token";
    let result = async {
        let (parts, _) = request.into_parts();
        let caller = state.admit(&parts)?;
        let uid = path_params(P, &parts, path)?;
        let expire = expiry(&parts).map_err(|m| param_error(P, m))?;
        if uid.is_empty() || uid == "0" {
            return Err(param_error(P, format!("invalid RTM User ID: {uid:?}")));
        }
        let token =
            rtm_token(state.app_id(), &uid, expire, "").map_err(|m| generate_error(P, m))?;
        let issued = state.issue(&caller, Some(Kind::Rtm), vec![token])?;
        Ok(ok(&caller, Kind::Rtm, json!({"rtmToken": issued.text()})))
    }
    .await;
    reply(&state, result)
}

/// `GET /rte/{channelName}/{role}/{tokentype}/{uid}/` and
/// `.../{uid}/{rtmuid}/`: both tokens; the RTM one also joins the channel as
/// a stream channel.
pub async fn rte(
    State(state): State<SharedState>,
    path: Result<Path<Vec<String>>, PathRejection>,
    request: Request,
) -> Response {
    const P: &str = "Error Generating RTC and RTM token";
    let result = async {
        let (parts, _) = request.into_parts();
        let caller = state.admit(&parts)?;
        let segments = path_params(P, &parts, path)?;
        let [channel, role_text, tokentype, uid, rest @ ..] = segments.as_slice() else {
            return Err(param_error(P, "bad path"));
        };
        let expire = expiry(&parts).map_err(|m| param_error(P, m))?;
        let rtm_uid = match rest.first() {
            Some(r) => r.clone(),
            None if uid != "0" => uid.clone(),
            None => String::new(),
        };
        if rtm_uid.is_empty() {
            return Err(param_error(
                P,
                "failed to parse rtm user ID. Cannot be empty or \"0\"",
            ));
        }
        let rtc_token = rtc_token(
            state.app_id(),
            channel,
            tokentype,
            uid,
            role(role_text),
            expire,
        )
        .map_err(|m| generate_error("Error Generating RTC token", m))?;
        let rtm_token = rtm_token(state.app_id(), &rtm_uid, expire, channel)
            .map_err(|m| generate_error("Error Generating RTM token", m))?;
        let issued = state.issue(&caller, Some(Kind::Rtc), vec![rtc_token, rtm_token])?;
        Ok(ok(
            &caller,
            Kind::Rtc,
            json!({"rtcToken": issued.texts[0], "rtmToken": issued.texts[1]}),
        ))
    }
    .await;
    reply(&state, result)
}

/// `GET /chat/app/` and `GET /chat/account/{chatid}/`.
pub async fn chat(
    State(state): State<SharedState>,
    path: Result<Path<Vec<String>>, PathRejection>,
    request: Request,
) -> Response {
    const P: &str = "Error Generating Chat token";
    let result = async {
        let (parts, _) = request.into_parts();
        let caller = state.admit(&parts)?;
        // No path parameter: the app route.
        let user = match path {
            Err(PathRejection::MissingPathParams(_)) => None,
            path => path_params(P, &parts, path)?.into_iter().next(),
        };
        let expire = expiry(&parts).map_err(|m| param_error(P, m))?;
        let token = match &user {
            Some(u) => chat::user_token(state.app_id(), u, expire),
            None => chat::app_token(state.app_id(), expire),
        }
        .map_err(|e| Rejection::new(Reason::GenerateFailed, format!("{P}: {e}")))?;
        let issued = state.issue(&caller, Some(Kind::Chat), vec![token])?;
        Ok(ok(&caller, Kind::Chat, json!({"chatToken": issued.text()})))
    }
    .await;
    reply(&state, result)
}

/// `GET /ping`.
pub async fn ping() -> Response {
    json_response(StatusCode::OK, &json!({"message": "pong"}))
}

/// `POST /getToken`: `{tokenType: "rtc"|"rtm"|"chat", channel, role, uid,
/// expire}`; reply `{"token"}`, errors as plain text with HTTP 400.
pub async fn get_token(State(state): State<SharedState>, request: Request) -> Response {
    match get_token_inner(&state, request).await {
        Ok(r) => r,
        Err(rej) => {
            let mut r = format!("{}\n", rej.message).into_response();
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            );
            rej.finish(&state, r)
        }
    }
}

async fn get_token_inner(state: &SharedState, request: Request) -> Result<Response, Rejection> {
    let (parts, body) = request.into_parts();
    let caller = state.admit(&parts)?;
    let bytes = state.read_body(&parts, body).await?;
    let value = parse_body(&bytes).map_err(Rejection::bad_request)?;
    let o = GoObject::root(&value, "service.TokenRequest").map_err(Rejection::bad_request)?;
    let token_type = o.string("tokenType").map_err(Rejection::bad_request)?;
    let channel = o.string("channel").map_err(Rejection::bad_request)?;
    let role_text = o.string("role").map_err(Rejection::bad_request)?;
    let uid = o.string("uid").map_err(Rejection::bad_request)?;
    let expire = match o.uint("expire", u32::MAX as u64, "int (0 to 4294967295)") {
        Ok(0) => 3600,
        Ok(n) => n as u32,
        Err(m) => return Err(Rejection::bad_request(m)),
    };
    let invalid = |m: &str| Rejection::new(Reason::GenerateFailed, m);
    let build_failed = |e: token_core::Error| Rejection::new(Reason::GenerateFailed, e.to_string());
    let (kind, token) = match token_type.as_str() {
        "rtc" => {
            if channel.is_empty() {
                return Err(invalid("invalid: missing channel name"));
            }
            if uid.is_empty() {
                return Err(invalid("invalid: missing user ID or account"));
            }
            // A uid of digits is a uid (and must fit in 32 bits), anything
            // else an account.
            let user = if uid.bytes().all(|b| b.is_ascii_digit()) {
                User::Uid(
                    uid.parse::<u32>()
                        .map_err(|_| invalid("invalid: numeric uid larger than 4294967295"))?,
                )
            } else {
                User::Account(&uid)
            };
            let role = role(&role_text);
            let t = rtc::with_user(state.app_id(), &channel, user, role, expire, expire)
                .map_err(build_failed)?;
            (Kind::Rtc, t)
        }
        "rtm" => {
            if uid.is_empty() {
                return Err(invalid("invalid: missing user ID or account"));
            }
            let t = rtm_token(state.app_id(), &uid, expire, &channel).map_err(build_failed)?;
            (Kind::Rtm, t)
        }
        "chat" => {
            let t = if uid.is_empty() {
                chat::app_token(state.app_id(), expire)
            } else {
                chat::user_token(state.app_id(), &uid, expire)
            };
            (Kind::Chat, t.map_err(build_failed)?)
        }
        _ => return Err(Rejection::bad_request("Unsupported tokenType")),
    };
    let issued = state.issue(&caller, Some(kind), vec![token])?;
    Ok(ok(&caller, kind, json!({"token": issued.text()})))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        assert_eq!(role("publisher"), Role::Publisher);
        assert_eq!(role("host"), Role::Subscriber);
    }

    #[test]
    fn invalid_input_is_refused() {
        let app = "970CA35de60c44645bbae8a215061b33";
        for channel in ["../../etc/passwd", "", "a\"b"] {
            assert!(rtc_token(app, channel, "uid", "1", Role::Publisher, 60).is_err());
            assert!(rtm_token(app, "u", 60, channel).is_err() || channel.is_empty());
        }
        assert!(rtc_token(app, "c", "userAccount", "", Role::Publisher, 60).is_err());
        assert!(rtc_token(app, "c", "uid", "0", Role::Publisher, 60).is_ok());
    }
}
