//! RTC (007): `RtcTokenBuilder2` of the official builders, one C function
//! per builder of token-core's `builder::rtc` (uid or account, a role or an
//! expire per privilege, with RTM, with RTM 2). The RTC + RTM body is shared
//! with the ConvoAI and STT builders (`convoai`).

use std::ffi::c_char;

use token_core::builder::rtc::{PrivilegeExpires, RtcRtmParams};
use token_core::builder::{rtc, User};
use token_core::v007;

use crate::args::{read_app, str_arg, write_string, UserArg};
use crate::error::{AgoraTokenStatus, FfiResult};
use crate::options::{pick, AgoraTokenOptions, Options};
use crate::panic::ffi_guard;

/// The body of `agora_token_rtc_build_with_uid` and
/// `agora_token_rtc_build_with_user_account`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[allow(clippy::too_many_arguments)]
unsafe fn rtc_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    user: UserArg,
    role: i32,
    token_expire: u32,
    privilege_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
) -> FfiResult {
    // SAFETY (all blocks): forwarded from the caller.
    let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
    let channel = unsafe { str_arg(channel_name, "channel_name") }?;
    let user = unsafe { user.read() }?;
    let opts = unsafe { Options::read(options) }?;
    let role = opts.rtc_role("role", role)?;
    let (te, pe) = (token_expire, privilege_expire);
    let token = pick!(
        opts.lenient,
        rtc::with_user(app_id, channel, user, role, te, pe),
        rtc::with_user_unchecked(app_id, channel, user, role, te, pe)
    );
    write_string(out, opts.sign007(token, cert)?)
}

/// The body of `agora_token_rtc_build_with_uid_and_privilege` and
/// `agora_token_rtc_build_with_user_account_and_privilege`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[allow(clippy::too_many_arguments)]
unsafe fn rtc_build_with_privileges(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    user: UserArg,
    token_expire: u32,
    ex: PrivilegeExpires,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
) -> FfiResult {
    // SAFETY (all blocks): forwarded from the caller.
    let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
    let channel = unsafe { str_arg(channel_name, "channel_name") }?;
    let user = unsafe { user.read() }?;
    let opts = unsafe { Options::read(options) }?;
    let token = pick!(
        opts.lenient,
        rtc::with_privileges(app_id, channel, user, token_expire, &ex),
        rtc::with_privileges_unchecked(app_id, channel, user, token_expire, &ex)
    );
    write_string(out, opts.sign007(token, cert)?)
}

/// Builds an RTC token for a uid (`0`: any user); `BuildTokenWithUid` of the
/// official builders. `role`: 1 publisher, 2 subscriber. Expires are seconds
/// after the issue time.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_rtc_build_with_uid(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    role: i32,
    token_expire: u32,
    privilege_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        // SAFETY: forwarded.
        unsafe {
            rtc_build(
                app_id,
                app_certificate,
                channel_name,
                UserArg::Uid(uid),
                role,
                token_expire,
                privilege_expire,
                options,
                out_token,
            )
        }
    })
}

/// Builds an RTC token for a user account; `BuildTokenWithUserAccount`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_rtc_build_with_user_account(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    account: *const c_char,
    role: i32,
    token_expire: u32,
    privilege_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        // SAFETY: forwarded.
        unsafe {
            rtc_build(
                app_id,
                app_certificate,
                channel_name,
                UserArg::Account(account),
                role,
                token_expire,
                privilege_expire,
                options,
                out_token,
            )
        }
    })
}

pub(crate) fn expires(join: u32, audio: u32, video: u32, data: u32) -> PrivilegeExpires {
    PrivilegeExpires {
        join_channel: join,
        publish_audio_stream: audio,
        publish_video_stream: video,
        publish_data_stream: data,
    }
}

/// Builds an RTC token for a uid with an expire per privilege (all four are
/// set, whatever the role); `BuildTokenWithUid` with privileges.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_rtc_build_with_uid_and_privilege(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        // SAFETY: forwarded.
        unsafe {
            rtc_build_with_privileges(
                app_id,
                app_certificate,
                channel_name,
                UserArg::Uid(uid),
                token_expire,
                expires(
                    join_channel_privilege_expire,
                    pub_audio_privilege_expire,
                    pub_video_privilege_expire,
                    pub_data_stream_privilege_expire,
                ),
                options,
                out_token,
            )
        }
    })
}

/// Builds an RTC token for a user account with an expire per privilege;
/// `BuildTokenWithUserAccount` with privileges.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_rtc_build_with_user_account_and_privilege(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    account: *const c_char,
    token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        // SAFETY: forwarded.
        unsafe {
            rtc_build_with_privileges(
                app_id,
                app_certificate,
                channel_name,
                UserArg::Account(account),
                token_expire,
                expires(
                    join_channel_privilege_expire,
                    pub_audio_privilege_expire,
                    pub_video_privilege_expire,
                    pub_data_stream_privilege_expire,
                ),
                options,
                out_token,
            )
        }
    })
}

/// Builds an RTC token that also logs `account` in to RTM (login privilege
/// lasting `token_expire`); `BuildTokenWithRtm`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_rtc_build_with_rtm(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    account: *const c_char,
    role: i32,
    token_expire: u32,
    privilege_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let channel = unsafe { str_arg(channel_name, "channel_name") }?;
        let account = unsafe { str_arg(account, "account") }?;
        let opts = unsafe { Options::read(options) }?;
        let role = opts.rtc_role("role", role)?;
        let (te, pe) = (token_expire, privilege_expire);
        let token = pick!(
            opts.lenient,
            rtc::with_rtm(app_id, channel, account, role, te, pe),
            rtc::with_rtm_unchecked(app_id, channel, account, role, te, pe)
        );
        write_string(out, opts.sign007(token, cert)?)
    })
}

/// A builder of RTC + RTM tokens of token-core, and its lenient twin.
type RtcRtmBuilder = fn(&str, &RtcRtmParams<'_>) -> token_core::Result<v007::AccessToken2>;
type RtcRtmBuilderUnchecked = fn(&str, &RtcRtmParams<'_>) -> v007::AccessToken2;

/// The body of `BuildTokenWithRtm2` and the ConvoAI and STT builders: reads
/// the RTC + RTM arguments in the order of the official signature, then
/// builds with `checked` (or `unchecked` when lenient) and signs.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn rtc_rtm_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    rtc_account: *const c_char,
    rtc_role: i32,
    rtc_token_expire: u32,
    privileges: PrivilegeExpires,
    rtm_user_id: *const c_char,
    rtm_token_expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    checked: RtcRtmBuilder,
    unchecked: RtcRtmBuilderUnchecked,
) -> FfiResult {
    // SAFETY (all blocks): forwarded from the caller.
    let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
    let channel_name = unsafe { str_arg(channel_name, "channel_name") }?;
    let rtc_account = unsafe { str_arg(rtc_account, "rtc_account") }?;
    let rtm_user_id = unsafe { str_arg(rtm_user_id, "rtm_user_id") }?;
    let opts = unsafe { Options::read(options) }?;
    let params = RtcRtmParams {
        channel_name,
        rtc_user: User::Account(rtc_account),
        rtc_role: opts.rtc_role("rtc_role", rtc_role)?,
        rtc_token_expire,
        privileges,
        rtm_user_id,
        rtm_token_expire,
    };
    let token = pick!(
        opts.lenient,
        checked(app_id, &params),
        unchecked(app_id, &params)
    );
    write_string(out, opts.sign007(token, cert)?)
}

/// Builds an RTC token for `rtc_account` plus an RTM login for
/// `rtm_user_id`, each with its own expiry (publish privileges apply to
/// publishers only); `BuildTokenWithRtm2`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_rtc_build_with_rtm2(
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
                rtc::with_rtm2,
                rtc::with_rtm2_unchecked,
            )
        }
    })
}
