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

use crate::auth::{Caller, Grant, Kind, RoleName};
use crate::gojson::{parse_body, GoObject};
use crate::state::{json_response, note, Reason, Rejection, SharedState};

/// Which reply shape an error takes.
#[derive(Clone, Copy)]
enum Shape {
    /// `{"message", "status"}`: parameters.
    Message,
    /// `{"error", "status"}`: token generation.
    Error,
}

struct Failure {
    rejection: Rejection,
    shape: Shape,
}

impl From<Rejection> for Failure {
    fn from(rejection: Rejection) -> Self {
        Failure {
            rejection,
            shape: Shape::Message,
        }
    }
}

fn param_error(prefix: &str, m: impl std::fmt::Display) -> Failure {
    Failure {
        rejection: Rejection::bad_request(format!("{prefix}: {m}")),
        shape: Shape::Message,
    }
}

fn generate_error(prefix: &str, m: impl std::fmt::Display) -> Failure {
    Failure {
        rejection: Rejection::new(Reason::GenerateFailed, format!("{prefix} - {m}")),
        shape: Shape::Error,
    }
}

fn reply(state: &SharedState, result: Result<Response, Failure>) -> Response {
    match result {
        Ok(r) => r,
        Err(Failure { rejection, shape }) => {
            let status = rejection.status().as_u16();
            let body = match shape {
                Shape::Message => json!({"message": rejection.message, "status": status}),
                Shape::Error => json!({"error": rejection.message, "status": status}),
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
    if text == "publisher" {
        Role::Publisher
    } else {
        Role::Subscriber
    }
}

/// An RTC token for the `tokentype` and uid text of a path.
fn rtc_token(
    state: &SharedState,
    channel: &str,
    tokentype: &str,
    uid: &str,
    role: Role,
    expire: u32,
) -> Result<String, String> {
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
    state
        .sign(rtc::with_user_unchecked(
            state.app_id(),
            channel,
            user,
            role,
            expire,
            expire,
        ))
        .map_err(|e| e.to_string())
}

/// The RTM login token of the community service; with a stream channel it
/// also joins that RTC channel (as `user_id`) with the data-stream privilege.
fn rtm_token(
    state: &SharedState,
    user_id: &str,
    expire: u32,
    stream_channel: &str,
) -> Result<String, String> {
    let mut t = rtm::token_unchecked(state.app_id(), user_id, expire);
    if !stream_channel.is_empty() {
        let mut s = Rtc {
            channel_name: stream_channel.to_string(),
            uid: user_id.to_string(),
            ..Default::default()
        };
        s.privileges
            .add(Rtc::JOIN_CHANNEL, expire)
            .add(Rtc::PUBLISH_DATA_STREAM, expire);
        t.services.insert(0, s.into());
    }
    state.sign(t).map_err(|e| e.to_string())
}

fn rtc_grant(channel: &str, tokentype: &str, uid: &str, role: Role, expire: u32) -> Grant {
    // A uid path segment names the user in canonical decimal ("007" is 7).
    let user = match (tokentype, uid.parse::<u32>()) {
        ("uid", Ok(n)) => n.to_string(),
        _ => uid.to_string(),
    };
    Grant {
        kinds: vec![Kind::Rtc],
        channels: vec![channel.to_string()],
        users: vec![user],
        roles: vec![RoleName::from(role)],
        expire,
        privilege_expires: vec![expire],
    }
}

fn ok(caller: &Caller, kind: Kind, body: Value) -> Response {
    note(json_response(StatusCode::OK, &body), caller, Some(kind))
}

fn path_failure(prefix: &str, e: PathRejection) -> Failure {
    param_error(prefix, format!("bad path: {}", e.body_text()))
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
        let Path((channel, role_text, tokentype, uid)) = path.map_err(|e| path_failure(P, e))?;
        let expire = expiry(&parts).map_err(|m| param_error(P, m))?;
        let role = role(&role_text);
        state.authorize(
            &caller,
            &rtc_grant(&channel, &tokentype, &uid, role, expire),
        )?;
        let token = rtc_token(&state, &channel, &tokentype, &uid, role, expire)
            .map_err(|m| generate_error(P, m))?;
        state.issued(Kind::Rtc);
        Ok(ok(&caller, Kind::Rtc, json!({"rtcToken": token})))
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
        let Path(uid) = path.map_err(|e| path_failure(P, e))?;
        let expire = expiry(&parts).map_err(|m| param_error(P, m))?;
        if uid.is_empty() || uid == "0" {
            return Err(param_error(P, format!("invalid RTM User ID: {uid:?}")));
        }
        let grant = Grant {
            kinds: vec![Kind::Rtm],
            users: vec![uid.clone()],
            expire,
            ..Default::default()
        };
        state.authorize(&caller, &grant)?;
        let token = rtm_token(&state, &uid, expire, "").map_err(|m| generate_error(P, m))?;
        state.issued(Kind::Rtm);
        Ok(ok(&caller, Kind::Rtm, json!({"rtmToken": token})))
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
        let Path(segments) = path.map_err(|e| path_failure(P, e))?;
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
        let role = role(role_text);
        let mut grant = rtc_grant(channel, tokentype, uid, role, expire);
        grant.kinds.push(Kind::Rtm);
        if !grant.users.contains(&rtm_uid) {
            grant.users.push(rtm_uid.clone());
        }
        state.authorize(&caller, &grant)?;
        let rtc_token = rtc_token(&state, channel, tokentype, uid, role, expire)
            .map_err(|m| generate_error("Error Generating RTC token", m))?;
        let rtm_token = rtm_token(&state, &rtm_uid, expire, channel)
            .map_err(|m| generate_error("Error Generating RTM token", m))?;
        state.issued(Kind::Rtc);
        state.issued(Kind::Rtm);
        Ok(ok(
            &caller,
            Kind::Rtc,
            json!({"rtcToken": rtc_token, "rtmToken": rtm_token}),
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
            Ok(Path(segments)) => segments.into_iter().next(),
            Err(PathRejection::MissingPathParams(_)) => None,
            Err(e) => return Err(path_failure(P, e)),
        };
        let expire = expiry(&parts).map_err(|m| param_error(P, m))?;
        let grant = Grant {
            kinds: vec![Kind::Chat],
            users: user.iter().cloned().collect(),
            expire,
            ..Default::default()
        };
        state.authorize(&caller, &grant)?;
        let token = match &user {
            Some(u) => Ok(chat::user_token_unchecked(state.app_id(), u, expire)),
            None => chat::app_token(state.app_id(), expire),
        }
        .and_then(|t| state.sign(t))
        .map_err(|e| Failure {
            rejection: Rejection::new(Reason::GenerateFailed, format!("{P}: {e}")),
            shape: Shape::Error,
        })?;
        state.issued(Kind::Chat);
        Ok(ok(&caller, Kind::Chat, json!({"chatToken": token})))
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
            let role = role(&role_text);
            // A uid that parses as a number is a uid, anything else an account.
            let user = match uid.parse::<u64>() {
                Ok(n) => User::Uid(
                    u32::try_from(n)
                        .map_err(|_| invalid("invalid: numeric uid larger than 4294967295"))?,
                ),
                Err(_) => User::Account(&uid),
            };
            let grant = rtc_grant(
                &channel,
                if matches!(user, User::Uid(_)) {
                    "uid"
                } else {
                    "userAccount"
                },
                &uid,
                role,
                expire,
            );
            state.authorize(&caller, &grant)?;
            let token = state
                .sign(rtc::with_user_unchecked(
                    state.app_id(),
                    &channel,
                    user,
                    role,
                    expire,
                    expire,
                ))
                .map_err(build_failed)?;
            (Kind::Rtc, token)
        }
        "rtm" => {
            if uid.is_empty() {
                return Err(invalid("invalid: missing user ID or account"));
            }
            let grant = Grant {
                kinds: vec![Kind::Rtm],
                channels: (!channel.is_empty())
                    .then(|| channel.clone())
                    .into_iter()
                    .collect(),
                users: vec![uid.clone()],
                expire,
                ..Default::default()
            };
            state.authorize(&caller, &grant)?;
            let token = rtm_token(state, &uid, expire, &channel)
                .map_err(|m| Rejection::new(Reason::GenerateFailed, m))?;
            (Kind::Rtm, token)
        }
        "chat" => {
            let grant = Grant {
                kinds: vec![Kind::Chat],
                users: (!uid.is_empty()).then(|| uid.clone()).into_iter().collect(),
                expire,
                ..Default::default()
            };
            state.authorize(&caller, &grant)?;
            let t = if uid.is_empty() {
                chat::app_token(state.app_id(), expire).map_err(build_failed)?
            } else {
                chat::user_token_unchecked(state.app_id(), &uid, expire)
            };
            (Kind::Chat, state.sign(t).map_err(build_failed)?)
        }
        _ => return Err(Rejection::bad_request("Unsupported tokenType")),
    };
    state.issued(kind);
    Ok(ok(&caller, kind, json!({"token": token})))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_grants() {
        assert_eq!(role("publisher"), Role::Publisher);
        assert_eq!(role("host"), Role::Subscriber);
        let g = rtc_grant("c", "uid", "007", Role::Publisher, 60);
        assert_eq!(g.users, ["7"]);
    }
}
