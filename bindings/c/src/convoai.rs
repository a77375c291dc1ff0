//! ConvoAI and speech-to-text (007): `ConvoAITokenBuilder` and
//! `SttTokenBuilder` of npm `agora-token`, the RTC + RTM token of
//! `agora_token_rtc_build_with_rtm2` plus one service (token-core's
//! `builder::convoai` and `builder::stt`).

use std::ffi::c_char;

use token_core::builder::{convoai, stt};

use crate::error::AgoraTokenStatus;
use crate::options::AgoraTokenOptions;
use crate::panic::ffi_guard;
use crate::rtc::{expires, rtc_rtm_build};

/// Builds a ConvoAI token: the token of `agora_token_rtc_build_with_rtm2`
/// plus a ConvoAI service; `ConvoAITokenBuilder.buildToken` of npm
/// `agora-token`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_convoai_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    rtc_account: *const c_char,
    rtc_role: i32,
    rtc_token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    rtm_user_id: *const c_char,
    rtm_token_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        // SAFETY: forwarded.
        unsafe {
            rtc_rtm_build(
                app_id,
                app_certificate,
                channel_name,
                rtc_account,
                rtc_role,
                rtc_token_expire,
                expires(
                    join_channel_privilege_expire,
                    pub_audio_privilege_expire,
                    pub_video_privilege_expire,
                    pub_data_stream_privilege_expire,
                ),
                rtm_user_id,
                rtm_token_expire,
                options,
                out_token,
                convoai::token,
                convoai::token_unchecked,
            )
        }
    })
}

/// Builds a speech-to-text token: the token of
/// `agora_token_rtc_build_with_rtm2` plus an STT service;
/// `SttTokenBuilder.buildToken` of npm `agora-token`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_stt_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    rtc_account: *const c_char,
    rtc_role: i32,
    rtc_token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    rtm_user_id: *const c_char,
    rtm_token_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        // SAFETY: forwarded.
        unsafe {
            rtc_rtm_build(
                app_id,
                app_certificate,
                channel_name,
                rtc_account,
                rtc_role,
                rtc_token_expire,
                expires(
                    join_channel_privilege_expire,
                    pub_audio_privilege_expire,
                    pub_video_privilege_expire,
                    pub_data_stream_privilege_expire,
                ),
                rtm_user_id,
                rtm_token_expire,
                options,
                out_token,
                stt::token,
                stt::token_unchecked,
            )
        }
    })
}
