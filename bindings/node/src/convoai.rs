//! `ConvoAITokenBuilder` and `SttTokenBuilder` of npm `agora-token` 2.0.6:
//! the RTC + RTM token of `buildTokenWithRtm2` plus the ConvoAI or STT
//! service.

use napi::{Env, JsUnknown, Result};
use napi_derive::napi;
use token_core::builder::{convoai, stt};

use crate::convert::Args;

/// The methods of a builder class whose `buildToken` makes the token of
/// `buildTokenWithRtm2` plus one service (`$build`); `$summary` is the first
/// line of its doc comment.
macro_rules! rtc_rtm_builder {
    ($name:ident, $summary:literal, $build:path) => {
        #[napi]
        impl $name {
            /// An instance has no methods (the official builders are classes with
            /// static methods only, constructible like this one).
            #[napi(constructor)]
            pub fn new() -> Self {
                Self {}
            }

            #[doc = $summary]
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
            pub fn build_token(
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
                    $build,
                )
            }
        }
    };
}

/// Builds conversational AI engine tokens (AccessToken2, "007"); the static
/// method of agora-token's `ConvoAITokenBuilder`.
#[napi(js_name = "ConvoAITokenBuilder")]
#[derive(Default)]
pub struct ConvoAITokenBuilder {}

rtc_rtm_builder!(
    ConvoAITokenBuilder,
    " Builds a token with the RTC, RTM and ConvoAI services.",
    convoai::token_unchecked
);

/// Builds speech-to-text tokens (AccessToken2, "007"); the static method of
/// agora-token's `SttTokenBuilder`.
#[napi]
#[derive(Default)]
pub struct SttTokenBuilder {}

rtc_rtm_builder!(
    SttTokenBuilder,
    " Builds a token with the RTC, RTM and STT services.",
    stt::token_unchecked
);
