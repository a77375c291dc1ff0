//! `parse` and `verify`: what the official package does not export.
//!
//! Both return token-core's JSON form of the token (`token_core::json`, the
//! same fields the CLI's `inspect --json` prints) as a plain object with
//! camelCase keys. The interfaces below describe that object for TypeScript;
//! the test suite checks that they name every key `parse` returns.
//!
//! The addon's functions return the object in the compact form of
//! [`crate::compact`]; `index.js` exports them wrapped in its decoder, so
//! the package's `parse` and `verify` return the plain object that
//! `index.d.ts` declares.

use std::collections::HashMap;

use napi::{Env, JsString, JsUnknown, Result};
use napi_derive::napi;
use token_core::json::Keys;
use token_core::AnyToken;

use crate::compact;
use crate::convert::Args;

/// A parsed AccessToken2 ("007"). Times are in seconds; every expire counts
/// from `issueTs`.
#[napi(object)]
pub struct ParsedToken007 {
    /// Always `'007'`.
    #[napi(ts_type = "'007'")]
    pub version: String,
    /// The App ID.
    pub app_id: String,
    /// When the token was issued, seconds since 1970.
    pub issue_ts: u32,
    /// Token lifetime in seconds after `issueTs` (`0`: no limit).
    pub expire: u32,
    /// When the token expires, seconds since 1970 (`null`: no limit).
    #[napi(ts_type = "number | null")]
    pub expires_at: Option<f64>,
    /// Random salt.
    pub salt: u32,
    /// The services, ordered by type.
    pub services: Vec<ParsedService>,
    /// A service type this package does not know; the services after it are
    /// not read (the signature still covers them).
    #[napi(ts_type = "number | null")]
    pub unknown_service_type: Option<u32>,
}

/// One service of a parsed 007 token. Which of the optional fields are set
/// depends on the service type.
#[napi(object)]
pub struct ParsedService {
    /// `'rtc'`, `'rtm'`, `'streaming'`, `'fpa'`, `'chat'`, `'fcdn'`,
    /// `'apaas'`, `'rtm2'`, `'convoai'` or `'stt'`.
    #[napi(js_name = "type")]
    pub service: String,
    /// The service type number (1 to 10).
    pub type_id: u32,
    /// Privilege id -> expire (seconds after `issueTs`; `0`: no own limit).
    pub privileges: HashMap<String, u32>,
    /// Privilege id -> name, for the privileges this package knows.
    pub privilege_names: HashMap<String, String>,
    /// Privilege id -> when it expires, seconds since 1970 (`null`: no limit).
    #[napi(ts_type = "Record<string, number | null>")]
    pub privilege_expires_at: HashMap<String, Option<f64>>,
    /// RTC, streaming, FCDN: the channel name.
    pub channel_name: Option<String>,
    /// RTC: the uid as text or the account (`''`: any user).
    pub uid: Option<String>,
    /// Streaming, FCDN: the uid as text or the account.
    pub account: Option<String>,
    /// RTM, Chat, RTM 2: the user ID.
    pub user_id: Option<String>,
    /// APaaS: the room UUID.
    pub room_uuid: Option<String>,
    /// APaaS: the user UUID.
    pub user_uuid: Option<String>,
    /// APaaS: the role (`-1`: none).
    pub role: Option<i32>,
    /// RTM 2: the resource permissions.
    pub permissions: Option<Vec<ParsedRtm2Permission>>,
}

/// One (resource type, permission type) pair of an RTM 2 service.
#[napi(object)]
pub struct ParsedRtm2Permission {
    /// `'message_channels'`, `'stream_channels'`, `'group_channels'`,
    /// `'server_groups'`, `'users'`, or the number of an unknown type.
    #[napi(ts_type = "string | number")]
    pub resource_type: String,
    /// `'read'`, `'write'`, or the number of an unknown type.
    #[napi(ts_type = "string | number")]
    pub permission_type: String,
    /// The resource names.
    pub resources: Vec<String>,
}

/// A parsed AccessToken ("006"). Its times are absolute (seconds since
/// 1970). The channel name and uid are only in the token as CRC32s.
#[napi(object)]
pub struct ParsedToken006 {
    /// Always `'006'`.
    #[napi(ts_type = "'006'")]
    pub version: String,
    /// The App ID.
    pub app_id: String,
    /// Random salt.
    pub salt: u32,
    /// When the token expires (the official builders: 24 hours after issue).
    pub ts: u32,
    /// `ts`, or `null` when it is `0` (no limit).
    #[napi(ts_type = "number | null")]
    pub expires_at: Option<f64>,
    /// CRC32 of the channel name (RTM tokens: of the user account).
    pub crc_channel_name: u32,
    /// CRC32 of the uid text (`''` for uid 0).
    pub crc_uid: u32,
    /// Privilege id -> expiry timestamp (`0`: never).
    pub privileges: HashMap<String, u32>,
    /// Privilege id -> name, for the privileges this package knows.
    pub privilege_names: HashMap<String, String>,
    /// Privilege id -> expiry timestamp (`null`: never).
    #[napi(ts_type = "Record<string, number | null>")]
    pub privilege_expires_at: HashMap<String, Option<f64>>,
}

fn to_js(env: Env, token: &AnyToken) -> Result<JsString> {
    compact::to_js(env, &token_core::json::serializable(token, Keys::Camel))
}

/// The strings the compact form refers to by index, for `index.js` to read
/// once (see [`crate::compact`]).
#[napi(js_name = "__compactAtoms", skip_typescript)]
pub fn compact_atoms() -> Vec<&'static str> {
    compact::atoms().to_vec()
}

/// Parses a 007 or 006 token, without checking its signature.
///
/// @param token The token.
/// @returns The token's fields.
/// @throws Error with `code` `wrong_version` or `malformed`.
#[napi(catch_unwind, ts_return_type = "ParsedToken007 | ParsedToken006")]
pub fn parse(env: Env, #[napi(ts_arg_type = "string")] token: JsUnknown) -> Result<JsString> {
    let a = Args(env);
    let parsed = a.core(token_core::parse(&a.string(token, "token")?))?;
    to_js(env, &parsed)
}

/// Parses a 007 or 006 token and checks its signature with the App
/// Certificate. A 006 signature also covers the channel name and uid the
/// token was built for (they are not in the token), so verifying a 006
/// token needs them; a 007 token ignores them.
///
/// @param token The token.
/// @param appCertificate The App Certificate (32 hexadecimal characters).
/// @param channelName 006 only: the channel name (RTM tokens: the user account).
/// @param uid 006 only: the uid or account (default `0`, i.e. `''`).
/// @returns The token's fields.
/// @throws Error with `code` `signature_mismatch`, `invalid_input`,
/// `wrong_version` or `malformed`.
#[napi(catch_unwind, ts_return_type = "ParsedToken007 | ParsedToken006")]
pub fn verify(
    env: Env,
    #[napi(ts_arg_type = "string")] token: JsUnknown,
    #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
    #[napi(ts_arg_type = "string")] channel_name: Option<JsUnknown>,
    #[napi(ts_arg_type = "string | number")] uid: Option<JsUnknown>,
) -> Result<JsString> {
    let a = Args(env);
    let token = a.string(token, "token")?;
    let app_certificate = a.string(app_certificate, "appCertificate")?;
    let channel_name = channel_name
        .map(|v| a.string(v, "channelName"))
        .transpose()?;
    let uid = uid.map(|v| a.user_text(v, "uid")).transpose()?;
    let parsed = a.core(token_core::verify(
        &token,
        &app_certificate,
        channel_name.as_deref(),
        uid.as_deref().unwrap_or(""),
    ))?;
    to_js(env, &parsed)
}
