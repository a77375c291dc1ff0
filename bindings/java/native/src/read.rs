//! The readers: parse, verify (007 and 006), the decoded content, and the
//! check engine. Results are token-core's JSON form (`token_core::json`),
//! written as text straight from the parsed token.

use jni::objects::{JClass, JString};
use jni::sys::{jboolean, jlong, jstring, JNI_TRUE};
use jni::JNIEnv;
use token_core::json::{self, Keys};
use token_core::{codec, v007, AnyToken};

use crate::args;
use crate::error::guard;

/// `Native.parse`: a 007 or 006 token as JSON, without checking its
/// signature.
#[no_mangle]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_parse<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
) -> jstring {
    guard(&mut env, |env| {
        let token = args::string(env, &token, "token")?;
        Ok(Some(json::to_json_string(
            &token_core::parse(&token)?,
            Keys::Snake,
        )))
    })
}

/// `Native.verify007`: checks a 007 token's signature; returns the parsed
/// token as JSON when `want_json`, else `null` (no JSON made).
#[no_mangle]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_verify007<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
    app_certificate: JString<'l>,
    want_json: jboolean,
) -> jstring {
    guard(&mut env, |env| {
        let token = args::string(env, &token, "token")?;
        let cert = args::string(env, &app_certificate, "app_certificate")?;
        let parsed = v007::verify(&token, &cert)?;
        Ok((want_json == JNI_TRUE)
            .then(|| json::to_json_string(&AnyToken::V007(parsed), Keys::Snake)))
    })
}

/// `Native.verify`: checks a 007 or 006 token's signature (a 006 token
/// needs the channel name, or the RTM user account, and the uid text it was
/// built for); returns the parsed token as JSON.
#[no_mangle]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_verify<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    uid: JString<'l>,
) -> jstring {
    guard(&mut env, |env| {
        let token = args::string(env, &token, "token")?;
        let cert = args::string(env, &app_certificate, "app_certificate")?;
        let channel = args::optional_string(env, &channel_name)?;
        let uid = args::optional_string(env, &uid)?.unwrap_or_default();
        let parsed = token_core::verify(&token, &cert, channel.as_deref(), &uid)?;
        Ok(Some(json::to_json_string(&parsed, Keys::Snake)))
    })
}

/// `Native.contentHex`: the decoded content of a 007 token (signature and
/// signed fields, after base64 and zlib) as lowercase hex.
#[no_mangle]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_contentHex<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
) -> jstring {
    guard(&mut env, |env| {
        let token = args::string(env, &token, "token")?;
        Ok(Some(codec::hex_lower(&v007::decode_content(&token)?)))
    })
}

/// `Native.check`: would Agora admit the request (token-core's JSON
/// request form) with this token at `now` (Unix seconds); the report as
/// JSON.
#[no_mangle]
pub extern "system" fn Java_io_github_agoratoken_internal_Native_check<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
    app_certificate: JString<'l>,
    request: JString<'l>,
    now: jlong,
) -> jstring {
    guard(&mut env, |env| {
        let token = args::string(env, &token, "token")?;
        let cert = args::string(env, &app_certificate, "app_certificate")?;
        let request = args::string(env, &request, "request")?;
        let now = u64::try_from(now).map_err(|_| token_core::Error::InvalidInput {
            field: "now",
            rule: format!("must be 0 or more Unix seconds, got {now}"),
        })?;
        let report = json::check_str(&token, &cert, &request, now)?;
        Ok(Some(report.to_string()))
    })
}
