//! `RtcTokenBuilder` and `RtcRole` of npm `agora-token` 2.0.6
//! (RtcTokenBuilder2): RTC tokens, optionally with an RTM login.

use napi::{Env, JsUnknown, Result};
use napi_derive::napi;
use token_core::builder::rtc::{self, PrivilegeExpires};

use crate::convert::Args;

/// The RTC roles (`RtcRole` of agora-token). Roles are plain numbers: the
/// builders take any number and, like the official ones, give the publish
/// privileges to `1` only.
#[napi]
#[allow(non_camel_case_types)] // the official constant names
pub enum RtcRole {
    /// RECOMMENDED. Join and publish audio, video and data streams.
    PUBLISHER = 1,
    /// Join only; publishing needs co-host authentication to be enabled for
    /// the project, otherwise a subscriber has the publisher's privileges.
    SUBSCRIBER = 2,
}

/// Builds RTC tokens (AccessToken2, "007"); the static methods of
/// agora-token's `RtcTokenBuilder`, with the same names and arguments.
///
/// Expires are seconds from now (`0`: the privilege has no limit of its
/// own). A bad app ID or certificate throws an `Error` with code
/// `invalid_input` (the official builders return `''`).
#[napi]
#[derive(Default)]
pub struct RtcTokenBuilder {}

#[napi]
impl RtcTokenBuilder {
    /// An instance has no methods (the official builders are classes with
    /// static methods only, constructible like this one).
    #[napi(constructor)]
    pub fn new() -> Self {
        Self {}
    }

    /// Builds an RTC token for a uid.
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @param channelName The channel name.
    /// @param uid The user ID, 1 to 2^32 - 1; `0` lets any user join.
    /// @param role `RtcRole.PUBLISHER` or `RtcRole.SUBSCRIBER`.
    /// @param tokenExpire Seconds until the token expires.
    /// @param privilegeExpire Seconds until the privileges expire (default 0).
    /// @returns The token.
    #[napi(catch_unwind)]
    #[allow(clippy::too_many_arguments)] // the official signature
    pub fn build_token_with_uid(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
        #[napi(ts_arg_type = "string")] channel_name: JsUnknown,
        #[napi(ts_arg_type = "string | number")] uid: JsUnknown,
        #[napi(ts_arg_type = "number")] role: JsUnknown,
        #[napi(ts_arg_type = "number")] token_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] privilege_expire: Option<JsUnknown>,
    ) -> Result<String> {
        build_with_user(
            Args(env),
            [
                app_id,
                app_certificate,
                channel_name,
                uid,
                role,
                token_expire,
            ],
            privilege_expire,
            "uid",
        )
    }

    /// Builds an RTC token for a user account.
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @param channelName The channel name.
    /// @param account The user account (a number is taken as a uid).
    /// @param role `RtcRole.PUBLISHER` or `RtcRole.SUBSCRIBER`.
    /// @param tokenExpire Seconds until the token expires.
    /// @param privilegeExpire Seconds until the privileges expire (default 0).
    /// @returns The token.
    #[napi(catch_unwind)]
    #[allow(clippy::too_many_arguments)] // the official signature
    pub fn build_token_with_user_account(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
        #[napi(ts_arg_type = "string")] channel_name: JsUnknown,
        #[napi(ts_arg_type = "string | number")] account: JsUnknown,
        #[napi(ts_arg_type = "number")] role: JsUnknown,
        #[napi(ts_arg_type = "number")] token_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] privilege_expire: Option<JsUnknown>,
    ) -> Result<String> {
        build_with_user(
            Args(env),
            [
                app_id,
                app_certificate,
                channel_name,
                account,
                role,
                token_expire,
            ],
            privilege_expire,
            "account",
        )
    }

    /// Builds an RTC token for a uid with an expire per privilege (all four
    /// privileges are granted).
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @param channelName The channel name.
    /// @param uid The user ID; `0` lets any user join.
    /// @param tokenExpire Seconds until the token expires.
    /// @param joinChannelPrivilegeExpire Seconds until joining expires.
    /// @param pubAudioPrivilegeExpire Seconds until publishing audio expires.
    /// @param pubVideoPrivilegeExpire Seconds until publishing video expires.
    /// @param pubDataStreamPrivilegeExpire Seconds until publishing data streams expires.
    /// @returns The token.
    #[napi(catch_unwind)]
    #[allow(clippy::too_many_arguments)] // the official signature
    pub fn build_token_with_uid_and_privilege(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
        #[napi(ts_arg_type = "string")] channel_name: JsUnknown,
        #[napi(ts_arg_type = "string | number")] uid: JsUnknown,
        #[napi(ts_arg_type = "number")] token_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] join_channel_privilege_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] pub_audio_privilege_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] pub_video_privilege_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] pub_data_stream_privilege_expire: JsUnknown,
    ) -> Result<String> {
        build_with_privileges(
            Args(env),
            [app_id, app_certificate, channel_name, uid, token_expire],
            [
                join_channel_privilege_expire,
                pub_audio_privilege_expire,
                pub_video_privilege_expire,
                pub_data_stream_privilege_expire,
            ],
            "uid",
        )
    }

    /// Builds an RTC token for a user account with an expire per privilege
    /// (all four privileges are granted). The capital `B` is the official
    /// name.
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @param channelName The channel name.
    /// @param account The user account (a number is taken as a uid).
    /// @param tokenExpire Seconds until the token expires.
    /// @param joinChannelPrivilegeExpire Seconds until joining expires.
    /// @param pubAudioPrivilegeExpire Seconds until publishing audio expires.
    /// @param pubVideoPrivilegeExpire Seconds until publishing video expires.
    /// @param pubDataStreamPrivilegeExpire Seconds until publishing data streams expires.
    /// @returns The token.
    #[napi(catch_unwind, js_name = "BuildTokenWithUserAccountAndPrivilege")]
    #[allow(clippy::too_many_arguments)] // the official signature
    pub fn build_token_with_user_account_and_privilege(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
        #[napi(ts_arg_type = "string")] channel_name: JsUnknown,
        #[napi(ts_arg_type = "string | number")] account: JsUnknown,
        #[napi(ts_arg_type = "number")] token_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] join_channel_privilege_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] pub_audio_privilege_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] pub_video_privilege_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] pub_data_stream_privilege_expire: JsUnknown,
    ) -> Result<String> {
        build_with_privileges(
            Args(env),
            [app_id, app_certificate, channel_name, account, token_expire],
            [
                join_channel_privilege_expire,
                pub_audio_privilege_expire,
                pub_video_privilege_expire,
                pub_data_stream_privilege_expire,
            ],
            "account",
        )
    }

    /// Builds a token for RTC and for logging in to RTM as the same account;
    /// the RTM login lasts `tokenExpire`.
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @param channelName The channel name.
    /// @param account The user account (a number is taken as a uid).
    /// @param role `RtcRole.PUBLISHER` or `RtcRole.SUBSCRIBER`.
    /// @param tokenExpire Seconds until the token (and the RTM login) expires.
    /// @param privilegeExpire Seconds until the RTC privileges expire (default 0).
    /// @returns The token.
    #[napi(catch_unwind)]
    #[allow(clippy::too_many_arguments)] // the official signature
    pub fn build_token_with_rtm(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
        #[napi(ts_arg_type = "string")] channel_name: JsUnknown,
        #[napi(ts_arg_type = "string | number")] account: JsUnknown,
        #[napi(ts_arg_type = "number")] role: JsUnknown,
        #[napi(ts_arg_type = "number")] token_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] privilege_expire: Option<JsUnknown>,
    ) -> Result<String> {
        let a = Args(env);
        let app_id = a.string(app_id, "appId")?;
        let app_certificate = a.string(app_certificate, "appCertificate")?;
        let token = rtc::with_rtm_unchecked(
            &app_id,
            &a.string(channel_name, "channelName")?,
            &a.user_text(account, "account")?,
            a.rtc_role(role, "role")?,
            a.u32(token_expire, "tokenExpire")?,
            a.u32_or_zero(privilege_expire, "privilegeExpire")?,
        );
        a.sign(token, &app_certificate)
    }

    /// Builds a token for RTC and for logging in to RTM as a possibly
    /// different user, each with its own expires.
    ///
    /// @param appId The App ID (32 hexadecimal characters).
    /// @param appCertificate The App Certificate (32 hexadecimal characters).
    /// @param channelName The channel name.
    /// @param rtcAccount The RTC user account (a number is taken as a uid).
    /// @param rtcRole `RtcRole.PUBLISHER` or `RtcRole.SUBSCRIBER`.
    /// @param rtcTokenExpire Seconds until the token expires.
    /// @param joinChannelPrivilegeExpire Seconds until joining expires.
    /// @param pubAudioPrivilegeExpire Seconds until publishing audio expires (publishers only).
    /// @param pubVideoPrivilegeExpire Seconds until publishing video expires (publishers only).
    /// @param pubDataStreamPrivilegeExpire Seconds until publishing data streams expires (publishers only).
    /// @param rtmUserId The RTM user ID (a number is taken as a uid).
    /// @param rtmTokenExpire Seconds until the RTM login expires.
    /// @returns The token.
    #[napi(catch_unwind)]
    #[allow(clippy::too_many_arguments)] // the official signature
    pub fn build_token_with_rtm2(
        env: Env,
        #[napi(ts_arg_type = "string")] app_id: JsUnknown,
        #[napi(ts_arg_type = "string")] app_certificate: JsUnknown,
        #[napi(ts_arg_type = "string")] channel_name: JsUnknown,
        #[napi(ts_arg_type = "string | number")] rtc_account: JsUnknown,
        #[napi(ts_arg_type = "number")] rtc_role: JsUnknown,
        #[napi(ts_arg_type = "number")] rtc_token_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] join_channel_privilege_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] pub_audio_privilege_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] pub_video_privilege_expire: JsUnknown,
        #[napi(ts_arg_type = "number")] pub_data_stream_privilege_expire: JsUnknown,
        #[napi(ts_arg_type = "string | number")] rtm_user_id: JsUnknown,
        #[napi(ts_arg_type = "number")] rtm_token_expire: JsUnknown,
    ) -> Result<String> {
        Args(env).rtc_rtm_token(
            [app_id, app_certificate],
            [channel_name, rtc_account, rtc_role, rtc_token_expire],
            [
                join_channel_privilege_expire,
                pub_audio_privilege_expire,
                pub_video_privilege_expire,
                pub_data_stream_privilege_expire,
            ],
            [rtm_user_id, rtm_token_expire],
            rtc::with_rtm2_unchecked,
        )
    }
}

/// `buildTokenWithUid` / `buildTokenWithUserAccount`: the same builder, the
/// user argument named as in each.
fn build_with_user(
    a: Args,
    [app_id, app_certificate, channel_name, user, role, token_expire]: [JsUnknown; 6],
    privilege_expire: Option<JsUnknown>,
    user_name: &str,
) -> Result<String> {
    let app_id = a.string(app_id, "appId")?;
    let app_certificate = a.string(app_certificate, "appCertificate")?;
    let channel_name = a.string(channel_name, "channelName")?;
    let user = a.user(user, user_name)?;
    let token = rtc::with_user_unchecked(
        &app_id,
        &channel_name,
        user.user(),
        a.rtc_role(role, "role")?,
        a.u32(token_expire, "tokenExpire")?,
        a.u32_or_zero(privilege_expire, "privilegeExpire")?,
    );
    a.sign(token, &app_certificate)
}

/// `buildTokenWithUidAndPrivilege` / `BuildTokenWithUserAccountAndPrivilege`.
fn build_with_privileges(
    a: Args,
    [app_id, app_certificate, channel_name, user, token_expire]: [JsUnknown; 5],
    expires: [JsUnknown; 4],
    user_name: &str,
) -> Result<String> {
    let app_id = a.string(app_id, "appId")?;
    let app_certificate = a.string(app_certificate, "appCertificate")?;
    let channel_name = a.string(channel_name, "channelName")?;
    let user = a.user(user, user_name)?;
    let token_expire = a.u32(token_expire, "tokenExpire")?;
    let expires: PrivilegeExpires = a.privilege_expires(expires)?;
    let token =
        rtc::with_privileges_unchecked(&app_id, &channel_name, user.user(), token_expire, &expires);
    a.sign(token, &app_certificate)
}
