//! The native API, `/v1`: every token kind of token-core with input checks,
//! plus inspect and verify. Described by `/openapi.json`.
//!
//! - `POST /v1/tokens` `{"kind": "rtc"|"rtm"|"chat"|"fpa"|"apaas"|"education"|"convoai"|"stt", ...}`
//!   → `{"token", "kind", "app_id", "issue_ts", "expire", "expires_at"}`
//! - `POST /v1/tokens/inspect` `{"token"}` → `{"token_info": <token-core JSON form>}`
//! - `POST /v1/tokens/verify` `{"token", "channel_name"?, "uid"?, "account"?}`
//!   → `{"valid", "reason"?, "message"?, "expired"?, "expires_at"?, "token_info"?}`
//! - `POST /v1/tokens/check` `{"token", "request": {"service", ...}, "now"?}`
//!   → token-core's check report: would Agora admit this user with this
//!   token (`{"allowed", "reasons": [{code, message}], "privileges", ...}`)
//!
//! Errors: `{"error": {"code": <reason>, "message": ..., "kind"?: ...}}`
//! with the status of the reason (400, 401, 403, 408, 413, 415, 429); `kind`
//! is token-core's error kind (`malformed`, `wrong_version`, ...) when
//! token-core refused the input.

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::Response;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};
use token_core::builder::rtc::{PrivilegeExpires, Role, RtcRtmParams};
use token_core::builder::{apaas, chat, convoai, fpa, rtc, rtm, stt, User};
use token_core::service::Rtm2Permissions;
use token_core::v007::AccessToken2;
use token_core::ErrorKind;

use crate::auth::{Caller, Kind, Operation};
use crate::state::{json_response, note, Reason, Rejection, SharedState};

fn respond(state: &SharedState, result: Result<Response, Rejection>) -> Response {
    result.unwrap_or_else(|rej| rej.reply(state))
}

/// The body must be JSON (`application/json` or `+json`, any parameters).
fn check_json(parts: &Parts) -> Result<(), Rejection> {
    let ok = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            let mime = v
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            mime == "application/json"
                || (mime.starts_with("application/") && mime.ends_with("+json"))
        })
        .unwrap_or(false);
    if ok {
        Ok(())
    } else {
        Err(Rejection::new(
            Reason::UnsupportedMediaType,
            "the request body must be JSON (Content-Type: application/json)",
        ))
    }
}

/// Deserializes with the path of the offending field in the message
/// (`uid: invalid value: integer `-1`, expected u32`).
fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, Rejection> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." {
            Rejection::bad_request(format!("invalid request: {inner}"))
        } else {
            Rejection::bad_request(format!("invalid request: {path}: {inner}"))
        }
    })
}

async fn read_json<T: FromJson>(
    state: &SharedState,
    op: Operation,
    request: Request,
) -> Result<(Caller, T), Rejection> {
    let (parts, body) = request.into_parts();
    let caller = state.admit_for(&parts, op)?;
    check_json(&parts)?;
    let bytes: Bytes = state.read_body(&parts, body).await?;
    let value: Value = serde_json::from_slice(&bytes)
        .map_err(|e| Rejection::bad_request(format!("invalid JSON: {e}")))?;
    if !value.is_object() {
        return Err(Rejection::bad_request(
            "invalid request: the body must be a JSON object",
        ));
    }
    if let Some(path) = find_null(&value, String::new()) {
        return Err(Rejection::bad_request(format!(
            "invalid request: {path}: null is not allowed (leave the field out instead)"
        )));
    }
    Ok((caller, T::from_json(value)?))
}

/// The path of the first `null` in a value. The native API has no nullable
/// field: an absent field and `null` must not mean two things.
fn find_null(value: &Value, path: String) -> Option<String> {
    match value {
        Value::Null => Some(if path.is_empty() { ".".into() } else { path }),
        Value::Object(m) => m.iter().find_map(|(k, v)| {
            let p = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            find_null(v, p)
        }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| find_null(v, format!("{path}[{i}]"))),
        _ => None,
    }
}

/// A request body type of the native API.
trait FromJson: Sized {
    fn from_json(value: Value) -> Result<Self, Rejection>;
}

impl<T: DeserializeOwned> FromJson for Plain<T> {
    fn from_json(value: Value) -> Result<Self, Rejection> {
        from_value(value).map(Plain)
    }
}

/// A body deserialized as is.
struct Plain<T>(T);

impl FromJson for TokenRequest {
    /// `kind` picks the shape; the other fields must fit it exactly.
    fn from_json(value: Value) -> Result<Self, Rejection> {
        let Value::Object(mut fields) = value else {
            return Err(Rejection::bad_request(
                "invalid request: the body must be a JSON object",
            ));
        };
        let kind = match fields.remove("kind") {
            Some(Value::String(k)) => k,
            Some(_) => {
                return Err(Rejection::bad_request(
                    "invalid request: kind: must be a string",
                ))
            }
            None => {
                return Err(Rejection::bad_request(
                    "invalid request: missing field `kind`",
                ))
            }
        };
        let rest = Value::Object(fields);
        Ok(match kind.as_str() {
            "rtc" => TokenRequest::Rtc(from_value(rest)?),
            "rtm" => TokenRequest::Rtm(from_value(rest)?),
            "chat" => TokenRequest::Chat(from_value(rest)?),
            "fpa" => TokenRequest::Fpa(from_value(rest)?),
            "apaas" => TokenRequest::Apaas(from_value(rest)?),
            "education" => TokenRequest::Education(from_value(rest)?),
            "convoai" => TokenRequest::Convoai(from_value(rest)?),
            "stt" => TokenRequest::Stt(from_value(rest)?),
            other => {
                return Err(Rejection::bad_request(format!(
                    "invalid request: kind: unknown kind {other:?} (one of rtc, rtm, chat, fpa, apaas, \
                     education, convoai, stt)"
                )))
            }
        })
    }
}

// ---------------------------------------------------------------------------
// Requests.

/// `POST /v1/tokens` body.
#[derive(Debug)]
enum TokenRequest {
    Rtc(RtcRequest),
    Rtm(RtmRequest),
    Chat(ChatRequest),
    Fpa(FpaRequest),
    Apaas(ClassroomRequest),
    Education(ClassroomRequest),
    Convoai(RtcRtmRequest),
    Stt(RtcRtmRequest),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PrivilegesRequest {
    join_channel: Option<u32>,
    publish_audio_stream: Option<u32>,
    publish_video_stream: Option<u32>,
    publish_data_stream: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RtcRequest {
    channel_name: String,
    uid: Option<u32>,
    account: Option<String>,
    role: Option<String>,
    expire: Option<u32>,
    privilege_expire: Option<u32>,
    privileges: Option<PrivilegesRequest>,
    rtm_user_id: Option<String>,
    rtm_expire: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PermissionRequest {
    resource_type: String,
    permission_type: String,
    resources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RtmRequest {
    user_id: String,
    expire: Option<u32>,
    permissions: Option<Vec<PermissionRequest>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChatRequest {
    user_id: Option<String>,
    #[serde(default)]
    app: bool,
    expire: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FpaRequest {}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClassroomRequest {
    room_uuid: Option<String>,
    user_uuid: Option<String>,
    role: Option<i16>,
    #[serde(default)]
    app: bool,
    expire: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RtcRtmRequest {
    channel_name: String,
    uid: Option<u32>,
    account: Option<String>,
    role: Option<String>,
    expire: Option<u32>,
    privilege_expire: Option<u32>,
    rtm_user_id: String,
    rtm_expire: Option<u32>,
}

/// A role by name (publisher when absent); an unknown name is token-core's
/// invalid_input on `role`.
fn role(name: &Option<String>) -> Result<Role, Rejection> {
    Ok(name
        .as_deref()
        .map(Role::from_name)
        .transpose()?
        .unwrap_or(Role::Publisher))
}

fn invalid(m: impl Into<String>) -> Rejection {
    Rejection::new(Reason::InvalidInput, m)
}

fn user<'a>(uid: Option<u32>, account: &'a Option<String>) -> Result<User<'a>, Rejection> {
    match (uid, account) {
        (Some(u), None) => Ok(User::Uid(u)),
        (None, Some(a)) => Ok(User::Account(a)),
        _ => Err(invalid("give exactly one of uid and account")),
    }
}

impl TokenRequest {
    /// The kind and the unsigned token. What it grants is read from the
    /// token itself when it is issued ([`AppState::issue`]).
    fn build(self, app_id: &str, default_expire: u32) -> Result<(Kind, AccessToken2), Rejection> {
        Ok(match self {
            TokenRequest::Rtc(r) => {
                let u = user(r.uid, &r.account)?;
                let expire = r.expire.unwrap_or(default_expire);
                let privilege = r.privilege_expire.unwrap_or(expire);
                let expires = r.privileges.as_ref().map(|p| PrivilegeExpires {
                    join_channel: p.join_channel.unwrap_or(privilege),
                    publish_audio_stream: p.publish_audio_stream.unwrap_or(privilege),
                    publish_video_stream: p.publish_video_stream.unwrap_or(privilege),
                    publish_data_stream: p.publish_data_stream.unwrap_or(privilege),
                });
                if r.rtm_expire.is_some() && r.rtm_user_id.is_none() {
                    return Err(invalid("rtm_expire needs rtm_user_id"));
                }
                let role = role(&r.role)?;
                let token = match (&r.rtm_user_id, expires) {
                    (Some(rtm_user), _) => rtc::with_rtm2(
                        app_id,
                        &RtcRtmParams {
                            channel_name: &r.channel_name,
                            rtc_user: u,
                            rtc_role: role,
                            rtc_token_expire: expire,
                            privileges: expires.unwrap_or(PrivilegeExpires::all(privilege)),
                            rtm_user_id: rtm_user,
                            rtm_token_expire: r.rtm_expire.unwrap_or(expire),
                        },
                    )?,
                    (None, Some(privileges)) => {
                        if r.role.is_some() {
                            return Err(invalid(
                                "privileges sets every privilege, so role does not apply: give one of them \
                                 (or add rtm_user_id)",
                            ));
                        }
                        rtc::with_privileges(app_id, &r.channel_name, u, expire, &privileges)?
                    }
                    (None, None) => {
                        rtc::with_user(app_id, &r.channel_name, u, role, expire, privilege)?
                    }
                };
                (Kind::Rtc, token)
            }
            TokenRequest::Rtm(r) => {
                let expire = r.expire.unwrap_or(default_expire);
                let token = match r.permissions {
                    None => rtm::token(app_id, &r.user_id, expire)?,
                    Some(list) => {
                        // A pair named twice adds its resources.
                        let mut p = Rtm2Permissions::default();
                        for item in list {
                            p.extend(
                                Rtm2Permissions::resource_type_from_name(&item.resource_type)?,
                                Rtm2Permissions::permission_type_from_name(&item.permission_type)?,
                                item.resources,
                            );
                        }
                        rtm::token_with_permissions(app_id, &r.user_id, p, expire)?
                    }
                };
                (Kind::Rtm, token)
            }
            TokenRequest::Chat(r) => {
                let expire = r.expire.unwrap_or(default_expire);
                let token = match (&r.user_id, r.app) {
                    (Some(u), false) => chat::user_token(app_id, u, expire)?,
                    (None, true) => chat::app_token(app_id, expire)?,
                    _ => return Err(invalid("give exactly one of user_id and app: true")),
                };
                (Kind::Chat, token)
            }
            TokenRequest::Fpa(FpaRequest {}) => (Kind::Fpa, fpa::token(app_id)?),
            TokenRequest::Apaas(r) => (Kind::Apaas, classroom(r, app_id, default_expire)?),
            TokenRequest::Education(r) => (Kind::Education, classroom(r, app_id, default_expire)?),
            TokenRequest::Convoai(r) => (
                Kind::Convoai,
                rtc_rtm(Kind::Convoai, r, app_id, default_expire)?,
            ),
            TokenRequest::Stt(r) => (Kind::Stt, rtc_rtm(Kind::Stt, r, app_id, default_expire)?),
        })
    }
}

fn classroom(
    r: ClassroomRequest,
    app_id: &str,
    default_expire: u32,
) -> Result<AccessToken2, Rejection> {
    let expire = r.expire.unwrap_or(default_expire);
    Ok(match (&r.room_uuid, &r.user_uuid, r.role, r.app) {
        (Some(room), Some(user), Some(role), false) => {
            apaas::room_user_token(app_id, room, user, role, expire)?
        }
        (None, Some(user), None, false) => apaas::user_token(app_id, user, expire)?,
        (None, None, None, true) => apaas::app_token(app_id, expire)?,
        _ => return Err(invalid(
            "give room_uuid, user_uuid and role (room user), user_uuid alone (user), or app: true",
        )),
    })
}

fn rtc_rtm(
    kind: Kind,
    r: RtcRtmRequest,
    app_id: &str,
    default_expire: u32,
) -> Result<AccessToken2, Rejection> {
    let expire = r.expire.unwrap_or(default_expire);
    let params = RtcRtmParams {
        channel_name: &r.channel_name,
        rtc_user: user(r.uid, &r.account)?,
        rtc_role: role(&r.role)?,
        rtc_token_expire: expire,
        privileges: PrivilegeExpires::all(r.privilege_expire.unwrap_or(expire)),
        rtm_user_id: &r.rtm_user_id,
        rtm_token_expire: r.rtm_expire.unwrap_or(expire),
    };
    Ok(if kind == Kind::Convoai {
        convoai::token(app_id, &params)?
    } else {
        stt::token(app_id, &params)?
    })
}

// ---------------------------------------------------------------------------
// Handlers.

/// `POST /v1/tokens`.
pub async fn create_token(State(state): State<SharedState>, request: Request) -> Response {
    let result = async {
        let (caller, req): (Caller, TokenRequest) =
            read_json(&state, Operation::Issue, request).await?;
        let (kind, token) = req.build(state.app_id(), state.default_expire)?;
        let issued = state.issue(&caller, Some(kind), vec![token])?;
        let t = &issued.tokens[0];
        let body = json!({
            "token": issued.text(),
            "kind": kind.as_str(),
            "app_id": t.app_id,
            "issue_ts": t.issue_ts,
            "expire": t.expire,
            "expires_at": t.expiry(),
        });
        Ok(note(
            json_response(StatusCode::OK, &body),
            &caller,
            Some(kind),
        ))
    }
    .await;
    respond(&state, result)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InspectRequest {
    token: String,
}

/// `POST /v1/tokens/inspect`.
pub async fn inspect(State(state): State<SharedState>, request: Request) -> Response {
    let result = async {
        let (caller, Plain(req)): (Caller, Plain<InspectRequest>) =
            read_json(&state, Operation::Inspect, request).await?;
        let parsed = token_core::parse_limited(req.token.trim(), state.body_limit)?;
        let body = json!({"token_info": token_core::json::to_json(&parsed)});
        Ok(note(json_response(StatusCode::OK, &body), &caller, None))
    }
    .await;
    respond(&state, result)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerifyRequest {
    token: String,
    channel_name: Option<String>,
    uid: Option<u32>,
    account: Option<String>,
}

/// `POST /v1/tokens/verify`: checks the signature against this server's
/// certificate, and the expiry.
pub async fn verify(State(state): State<SharedState>, request: Request) -> Response {
    let result = async {
        let (caller, Plain(req)): (Caller, Plain<VerifyRequest>) =
            read_json(&state, Operation::Verify, request).await?;
        let token = req.token.trim();
        let target = if token.starts_with(token_core::v006::VERSION) {
            let Some(channel) = &req.channel_name else {
                return Err(invalid(
                    "a 006 token does not carry its channel: give channel_name and uid or account",
                ));
            };
            let uid = match (req.uid, &req.account) {
                (Some(u), None) => token_core::validate::uid_to_account(u),
                (None, Some(a)) => a.clone(),
                _ => return Err(invalid("a 006 token needs exactly one of uid and account")),
            };
            Some((channel.as_str(), uid))
        } else {
            if req.channel_name.is_some() || req.uid.is_some() || req.account.is_some() {
                return Err(invalid(
                    "channel_name, uid and account are for 006 tokens only",
                ));
            }
            None
        };
        let (channel, uid) = target
            .as_ref()
            .map_or((None, ""), |(c, u)| (Some(*c), u.as_str()));
        let outcome = token_core::verify_limited(
            token,
            state.app_certificate(),
            channel,
            uid,
            state.body_limit,
        );
        let body = match outcome {
            Ok(parsed) => {
                let now = token_core::codec::now().into();
                let expired = parsed.expired_at(now).is_some();
                json!({
                    "valid": !expired,
                    "reason": if expired { Some("expired") } else { None },
                    "expired": expired,
                    "expires_at": parsed.expiry(),
                    "token_info": token_core::json::to_json(&parsed),
                })
            }
            Err(e) if e.kind() == ErrorKind::InvalidInput => return Err(e.into()),
            Err(e) => json!({
                "valid": false,
                "reason": e.kind().as_str(),
                "message": e.to_string(),
            }),
        };
        Ok(note(json_response(StatusCode::OK, &body), &caller, None))
    }
    .await;
    respond(&state, result)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckRequest {
    token: String,
    /// What the user asks for: `{"service": "rtc", "channel_name", "uid", ...}`,
    /// read by token-core (which names the offending field).
    request: serde_json::Map<String, Value>,
    /// The time to check at (Unix seconds); the server's clock by default.
    now: Option<u64>,
}

/// `POST /v1/tokens/check`: would Agora admit this user to this channel (or
/// service) with this token? Checked against this server's certificate; a
/// token that fails is a 200 reply with `allowed: false` and the reasons.
pub async fn check(State(state): State<SharedState>, request: Request) -> Response {
    let result = async {
        let (caller, Plain(req)): (Caller, Plain<CheckRequest>) =
            read_json(&state, Operation::Check, request).await?;
        let now = req
            .now
            .unwrap_or_else(|| u64::from(token_core::codec::now()));
        let body = token_core::json::check(
            req.token.trim(),
            state.app_certificate(),
            &Value::Object(req.request),
            now,
        )?;
        Ok(note(json_response(StatusCode::OK, &body), &caller, None))
    }
    .await;
    respond(&state, result)
}
