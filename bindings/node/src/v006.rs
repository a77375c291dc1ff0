//! The 006 builders of npm `agora-access-token` 2.0.4 (AccessToken, "006"),
//! exported as the `v006` namespace and as the `agora-token-rs/v006` entry
//! point: `RtcTokenBuilder`, `RtcRole`, `RtmTokenBuilder`, `RtmRole`.
//!
//! Unlike 007, a 006 privilege expire is an absolute timestamp (seconds
//! since 1970; `0`: never), and the token itself is valid for 24 hours.

use napi::{Env, JsUnknown, Result};
use napi_derive::napi;
use token_core::v006::{self, rtc::Role};

use crate::convert::Args;

/// The 006 RTC roles (`RtcRole` of agora-access-token).
#[napi(namespace = "v006")]
#[allow(non_camel_case_types)] // the official constant names
pub enum RtcRole {
    /// DEPRECATED. Same privileges as `PUBLISHER`.
    ATTENDEE = 0,
    /// RECOMMENDED. Join and publish.
    PUBLISHER = 1,
    /// Join only (needs co-host authentication to be enabled).
    SUBSCRIBER = 2,
    /// DEPRECATED. Same privileges as `PUBLISHER`.
    ADMIN = 101,
}

/// The 006 RTM roles (`RtmRole` of agora-access-token).
#[napi(namespace = "v006")]
#[allow(non_camel_case_types)] // the official constant name
pub enum RtmRole {
    /// An RTM user.
    Rtm_User = 1,
}

/// Builds 006 RTC tokens; the static methods of agora-access-token's
/// `RtcTokenBuilder`.
#[napi(namespace = "v006")]
#[derive(Default)]
pub struct RtcTokenBuilder {}

#[napi(namespace = "v006")]
impl RtcTokenBuilder {
    /// An instance has no methods (the official builders are classes with
    /// static methods only, constructible like this one).
    #[napi(constructor)]
    pub fn new() -> Self {
        Self {}
    }

    /// Builds a 006 RTC token for a uid.
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @param channelName The channel name.
    /// @param uid The user ID; `0` lets any user join.
    /// @param role A `v006.RtcRole`: 0, 1 and 101 publish, others join only.
    /// @param privilegeExpiredTs When the privileges expire, seconds since 1970 (`0`: never).
    /// @returns The token.
    #[napi(catch_unwind)]
    pub fn build_token_with_uid(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
        #[napi(ts_arg_type = "string")] channel_name: JsUnknown,
        #[napi(ts_arg_type = "number | string")] uid: JsUnknown,
        #[napi(ts_arg_type = "number")] role: JsUnknown,
        #[napi(ts_arg_type = "number")] privilege_expired_ts: JsUnknown,
    ) -> Result<String> {
        build_rtc(
            Args(env),
            [
                app_id,
                app_certificate,
                channel_name,
                uid,
                role,
                privilege_expired_ts,
            ],
            "uid",
        )
    }

    /// Builds a 006 RTC token for a user account.
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @param channelName The channel name.
    /// @param account The user account (a number is taken as a uid).
    /// @param role A `v006.RtcRole`: 0, 1 and 101 publish, others join only.
    /// @param privilegeExpiredTs When the privileges expire, seconds since 1970 (`0`: never).
    /// @returns The token.
    #[napi(catch_unwind)]
    pub fn build_token_with_account(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
        #[napi(ts_arg_type = "string")] channel_name: JsUnknown,
        #[napi(ts_arg_type = "string | number")] account: JsUnknown,
        #[napi(ts_arg_type = "number")] role: JsUnknown,
        #[napi(ts_arg_type = "number")] privilege_expired_ts: JsUnknown,
    ) -> Result<String> {
        build_rtc(
            Args(env),
            [
                app_id,
                app_certificate,
                channel_name,
                account,
                role,
                privilege_expired_ts,
            ],
            "account",
        )
    }
}

/// Builds 006 RTM tokens; the static method of agora-access-token's
/// `RtmTokenBuilder`.
#[napi(namespace = "v006")]
#[derive(Default)]
pub struct RtmTokenBuilder {}

#[napi(namespace = "v006")]
impl RtmTokenBuilder {
    /// An instance has no methods (the official builders are classes with
    /// static methods only, constructible like this one).
    #[napi(constructor)]
    pub fn new() -> Self {
        Self {}
    }

    /// Builds a 006 RTM login token.
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @param account The user account (a number is taken as a uid: `0` is `''`).
    /// @param role `v006.RtmRole.Rtm_User` (not packed in the token, as in the official builder).
    /// @param privilegeExpiredTs When the login expires, seconds since 1970 (`0`: never).
    /// @returns The token.
    #[napi(catch_unwind)]
    pub fn build_token(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
        #[napi(ts_arg_type = "string | number")] account: JsUnknown,
        #[napi(ts_arg_type = "number")] role: Option<JsUnknown>,
        #[napi(ts_arg_type = "number")] privilege_expired_ts: JsUnknown,
    ) -> Result<String> {
        let a = Args(env);
        let app_id = a.string(app_id, "appId")?;
        let app_certificate = a.string(app_certificate, "appCertificate")?;
        let account = a.user_text(account, "account")?;
        if let Some(role) = role {
            a.role_number(role, "role")?;
        }
        let token = v006::rtm::token_unchecked(
            &app_id,
            &account,
            a.u32(privilege_expired_ts, "privilegeExpiredTs")?,
        );
        a.core(token.build(&app_certificate))
    }
}

fn build_rtc(
    a: Args,
    [app_id, app_certificate, channel_name, user, role, expired_ts]: [JsUnknown; 6],
    user_name: &str,
) -> Result<String> {
    let app_id = a.string(app_id, "appId")?;
    let app_certificate = a.string(app_certificate, "appCertificate")?;
    let channel_name = a.string(channel_name, "channelName")?;
    let user = a.user(user, user_name)?;
    let role = Role::from_official(a.role_number(role, "role")?);
    let expired_ts = a.u32(expired_ts, "privilegeExpiredTs")?;
    let token =
        v006::rtc::with_user_unchecked(&app_id, &channel_name, user.user(), role, expired_ts);
    a.core(token.build(&app_certificate))
}
