//! AccessToken ("006"): the RTC and RTM builders and verify.

use std::ffi::c_char;

use token_core::builder::User;
use token_core::v006;
use token_core::{json, AnyToken};

use crate::args::{optional_out, read_app, slice_arg, str_arg, write_string, UserArg};
use crate::error::{AgoraTokenStatus, FfiResult};
use crate::options::{pick, AgoraTokenOptions, Options};
use crate::panic::ffi_guard;
use crate::v007::AgoraTokenPrivilege;

/// The body shared by the two 006 RTC builders.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[allow(clippy::too_many_arguments)]
unsafe fn rtc006(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    user: UserArg,
    role: i32,
    privilege_expired_ts: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
) -> FfiResult {
    // SAFETY (all blocks): forwarded from the caller.
    let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
    let channel = unsafe { str_arg(channel_name, "channel_name") }?;
    let user = unsafe { user.read() }?;
    let opts = unsafe { Options::read(options) }?;
    let role = opts.rtc006_role(role)?;
    let ts = privilege_expired_ts;
    let token = pick!(
        opts.lenient,
        v006::rtc::with_user(app_id, channel, user, role, ts),
        v006::rtc::with_user_unchecked(app_id, channel, user, role, ts)
    );
    write_string(out, opts.sign006(token, cert)?)
}

/// Builds a 006 RTC token for a uid (`0`: any user); `RtcTokenBuilder::
/// buildTokenWithUid`. `role`: 0 attendee, 1 publisher, 2 subscriber, 101
/// admin (all but subscriber may publish). `privilege_expired_ts` is an
/// absolute timestamp (0: no expiry). The token itself expires 24 hours after
/// now unless `options` fixes `ts`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_v006_rtc_build_with_uid(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    role: i32,
    privilege_expired_ts: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        unsafe {
            rtc006(
                app_id,
                app_certificate,
                channel_name,
                UserArg::Uid(uid),
                role,
                privilege_expired_ts,
                options,
                out_token,
            )
        }
    })
}

/// Builds a 006 RTC token for a user account; `RtcTokenBuilder::
/// buildTokenWithUserAccount`. Arguments as
/// `agora_token_v006_rtc_build_with_uid`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_v006_rtc_build_with_user_account(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    account: *const c_char,
    role: i32,
    privilege_expired_ts: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        unsafe {
            rtc006(
                app_id,
                app_certificate,
                channel_name,
                UserArg::Account(account),
                role,
                privilege_expired_ts,
                options,
                out_token,
            )
        }
    })
}

/// Builds a 006 RTC token with an explicit privilege map (ids 1 join, 2
/// publish audio, 3 publish video, 4 publish data; expire values are absolute
/// timestamps). `user_account` is the uid as decimal text or the account, or
/// `""` for any user (uid 0).
///
/// # Safety
/// Pointers as stated in the header's conventions; `privileges` points to
/// `privilege_count` entries (NULL allowed when the count is 0).
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_v006_rtc_build_with_privileges(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    user_account: *const c_char,
    privileges: *const AgoraTokenPrivilege,
    privilege_count: usize,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let channel = unsafe { str_arg(channel_name, "channel_name") }?;
        let account = unsafe { str_arg(user_account, "user_account") }?;
        let list = unsafe { slice_arg(privileges, privilege_count, "privileges") }?;
        let opts = unsafe { Options::read(options) }?;
        // "" is how every official builder packs uid 0 (any user).
        let user = if account.is_empty() {
            User::Uid(0)
        } else {
            User::Account(account)
        };
        let privileges: Vec<(u16, u32)> = list.iter().map(|p| (p.id, p.expire)).collect();
        let token = pick!(
            opts.lenient,
            v006::rtc::with_privileges(app_id, channel, user, &privileges),
            v006::rtc::with_privileges_unchecked(app_id, channel, user, &privileges)
        );
        write_string(out, opts.sign006(token, cert)?)
    })
}

/// Builds a 006 RTM login token for `user_account`; `RtmTokenBuilder::
/// buildToken`. `privilege_expired_ts` is an absolute timestamp (0: none).
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_v006_rtm_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_account: *const c_char,
    privilege_expired_ts: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let account = unsafe { str_arg(user_account, "user_account") }?;
        let opts = unsafe { Options::read(options) }?;
        let ts = privilege_expired_ts;
        let token = pick!(
            opts.lenient,
            v006::rtm::token(app_id, account, ts),
            v006::rtm::token_unchecked(app_id, account, ts)
        );
        write_string(out, opts.sign006(token, cert)?)
    })
}

/// Checks a 006 token against the certificate, channel name and uid it was
/// built for. `uid` is the uid as decimal text or the account, `""` for a
/// uid-0 token; for an RTM token pass the user account as `channel_name` and
/// `""` as `uid`. On success, and if `out_json` is not NULL, writes the
/// parsed token as JSON (see `agora_token_parse`).
///
/// # Safety
/// Pointers as stated in the header's conventions; `out_json` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn agora_token_v006_verify(
    token: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let out = unsafe { optional_out(out_json) };
        let token = unsafe { str_arg(token, "token") }?;
        let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
        let channel = unsafe { str_arg(channel_name, "channel_name") }?;
        let uid = unsafe { str_arg(uid, "uid") }?;
        let parsed = v006::verify(token, cert, channel, uid)?;
        match out {
            Some(out) => write_string(out, json::to_json(&AnyToken::V006(parsed)).to_string()),
            None => Ok(()),
        }
    })
}
