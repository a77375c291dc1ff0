//! `check`: would Agora admit this client with this token? token-core's check
//! engine (`token_core::json::check`), with the request and the report in
//! camelCase.

use napi::{Env, JsFunction, JsObject, JsString, JsUnknown, Result};
use napi_derive::napi;
use serde_json::Value;

use crate::compact;
use crate::convert::Args;

/// What a checked client does (`service`) and who it is. `uid` `0`, `'0'` or
/// absent on RTC: Agora assigns the uid, so only a uid-0 token admits it.
#[napi(object)]
pub struct CheckRequest {
    /// `'rtc'`, `'rtm'`, `'chat'`, `'fpa'` or `'apaas'`.
    #[napi(ts_type = "'rtc' | 'rtm' | 'chat' | 'fpa' | 'apaas'")]
    pub service: String,
    /// The App ID the client uses; the token must be for it (unchecked when absent).
    pub app_id: Option<String>,
    /// RTC: the channel it joins.
    pub channel_name: Option<String>,
    /// RTC: the uid or user account it joins as.
    #[napi(ts_type = "number | string")]
    pub uid: Option<String>,
    /// RTC: the streams it publishes.
    #[napi(ts_type = "Array<'audio' | 'video' | 'data'>")]
    pub publish: Option<Vec<String>>,
    /// RTM, Chat: the user ID (Chat without one: the app).
    pub user_id: Option<String>,
    /// APaaS room user: the room UUID.
    pub room_uuid: Option<String>,
    /// APaaS: the user UUID (APaaS without one: the app).
    pub user_uuid: Option<String>,
}

/// One reason for a denial.
#[napi(object)]
pub struct CheckReason {
    /// `'malformed'`, `'wrong_app_id'`, `'bad_signature'`, `'token_expired'`,
    /// `'privilege_expired'`, `'channel_mismatch'`, `'user_mismatch'`,
    /// `'room_mismatch'`, `'service_missing'` or `'privilege_missing'`.
    pub code: String,
    /// What is wrong, for a person.
    pub message: String,
}

/// A privilege the request needs, as found in the token.
#[napi(object)]
pub struct CheckedPrivilege {
    /// The service (`'rtc'`, ...).
    pub service: String,
    /// The privilege (`'join_channel'`, ...).
    pub privilege: String,
    /// When it expires, seconds since 1970 (`null`: no limit, or missing).
    #[napi(ts_type = "number | null")]
    pub expires_at: Option<f64>,
    /// `'ok'`, `'expired'` or `'missing'`.
    #[napi(ts_type = "'ok' | 'expired' | 'missing'")]
    pub status: String,
}

/// The answer of `check`.
#[napi(object)]
pub struct CheckReport {
    /// True when Agora would admit the client.
    pub allowed: bool,
    /// `'007'`, `'006'`, or `null` for a malformed token.
    #[napi(ts_type = "'007' | '006' | null")]
    pub version: Option<String>,
    /// The token's App ID (`null` when malformed).
    #[napi(ts_type = "string | null")]
    pub app_id: Option<String>,
    /// The time checked at, seconds since 1970.
    pub now: f64,
    /// 007: when the token was issued (`null` for 006).
    #[napi(ts_type = "number | null")]
    pub issued_at: Option<f64>,
    /// When the token expires (`null`: no limit, or malformed).
    #[napi(ts_type = "number | null")]
    pub expires_at: Option<f64>,
    /// `'valid'`, `'invalid'` or `'unchecked'` (malformed, or a 006 token
    /// whose channel or uid is not the requested one).
    #[napi(ts_type = "'valid' | 'invalid' | 'unchecked'")]
    pub signature: String,
    /// Every reason for a denial (empty when allowed).
    pub reasons: Vec<CheckReason>,
    /// The privileges the request needs.
    pub privileges: Vec<CheckedPrivilege>,
}

/// Would Agora admit this client with this token? Checks the signature, App
/// ID, expiry, channel, user and privileges, and lists every reason for a
/// denial. A malformed, forged or expired token is a denial, not an error.
///
/// @param token The token (007 or 006).
/// @param appCertificate The App Certificate (32 hexadecimal characters).
/// @param request What the client does, e.g. `{service: 'rtc', channelName: 'demo', uid: 42, publish: ['audio']}`.
/// @param now The time to check at, seconds since 1970 (default: now).
/// @returns The report.
/// @throws Error with `code` `invalid_input` (and `field`) for a bad certificate or request.
// `index.js` passes `JSON.stringify(request)` as `request_json` when
// `request` is an object, which spares the addon calling back into
// JavaScript for it (not a doc comment: index.d.ts shows the doc comment).
#[napi(
    catch_unwind,
    ts_return_type = "CheckReport",
    ts_args_type = "token: string, appCertificate: string, request: CheckRequest, now?: number"
)]
pub fn check(
    env: Env,
    token: JsUnknown,
    app_certificate: JsUnknown,
    request: JsUnknown,
    now: Option<JsUnknown>,
    request_json: Option<JsUnknown>,
) -> Result<JsString> {
    let a = Args(env);
    let token = a.string(token, "token")?;
    let app_certificate = a.string(app_certificate, "appCertificate")?;
    let request = a.object(request, "request", "an object")?;
    let request = match request_json {
        Some(text) => parse_json(a, &a.string(text, "request")?)?,
        None => json_of(a, request)?,
    };
    let request = token_core::json::Keys::Snake.respell(request);
    let now = match now {
        Some(v) => a.timestamp(v, "now")?,
        None => u64::from(token_core::codec::now()),
    };
    let report = a.core(token_core::json::check(
        &token,
        &app_certificate,
        &request,
        now,
    ))?;
    // Keys in camelCase (`app_id` -> `appId`); `index.js` decodes the
    // compact form into the plain object.
    compact::to_js(env, &token_core::json::Keys::Camel.respell(report))
}

/// The request object as JSON, through the engine's own `JSON.stringify`.
fn json_of(a: Args, request: JsObject) -> Result<Value> {
    let json: JsObject = a.0.get_global()?.get_named_property("JSON")?;
    let stringify: JsFunction = json.get_named_property("stringify")?;
    let text = stringify
        .call(Some(&json), &[request])?
        .coerce_to_string()?;
    parse_json(a, text.into_utf8()?.as_str()?)
}

fn parse_json(a: Args, text: &str) -> Result<Value> {
    serde_json::from_str(text)
        .map_err(|e| crate::error::invalid_input(a.0, "request", &format!("is not JSON: {e}")))
}
