//! Legacy keys: DynamicKey v3, v4, v5 and the Signaling token. Their issue
//! time and random value are arguments, so they are reproducible as they are.

use std::ffi::c_char;

use token_core::legacy::{dynamic_key3, dynamic_key4, dynamic_key5, signaling};

use crate::args::{out_arg, str_arg, write_string};
use crate::error::{AgoraTokenStatus, FfiError, FfiResult};
use crate::panic::ffi_guard;

/// Key kind: media channel (v4 "ACS", v5 service type 1).
pub const AGORA_TOKEN_KEY_MEDIA_CHANNEL: i32 = 1;
/// Key kind: recording (v4 "ARS", v5 service type 2).
pub const AGORA_TOKEN_KEY_RECORDING: i32 = 2;
/// Key kind: public sharing (v4 "APSS", v5 service type 3).
pub const AGORA_TOKEN_KEY_PUBLIC_SHARING: i32 = 3;
/// Key kind: in-channel permission (v5 only, service type 4).
pub const AGORA_TOKEN_KEY_IN_CHANNEL_PERMISSION: i32 = 4;

fn kind4(kind: i32) -> FfiResult<dynamic_key4::Kind> {
    match kind {
        AGORA_TOKEN_KEY_MEDIA_CHANNEL => Ok(dynamic_key4::Kind::MediaChannel),
        AGORA_TOKEN_KEY_RECORDING => Ok(dynamic_key4::Kind::Recording),
        AGORA_TOKEN_KEY_PUBLIC_SHARING => Ok(dynamic_key4::Kind::PublicSharing),
        other => Err(FfiError::invalid(
            "kind",
            format!("must be 1 (media channel), 2 (recording) or 3 (public sharing), got {other}"),
        )),
    }
}

fn kind5(kind: i32) -> FfiResult<dynamic_key5::Kind> {
    match kind {
        AGORA_TOKEN_KEY_MEDIA_CHANNEL => Ok(dynamic_key5::Kind::MediaChannel),
        AGORA_TOKEN_KEY_RECORDING => Ok(dynamic_key5::Kind::Recording),
        AGORA_TOKEN_KEY_PUBLIC_SHARING => Ok(dynamic_key5::Kind::PublicSharing),
        AGORA_TOKEN_KEY_IN_CHANNEL_PERMISSION => Ok(dynamic_key5::Kind::InChannelPermission),
        other => Err(FfiError::invalid(
            "kind",
            format!(
                "must be 1 (media channel), 2 (recording), 3 (public sharing) or 4 (in-channel permission), got {other}"
            ),
        )),
    }
}

/// Generates a DynamicKey v3 ("003") key.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_dynamic_key3_generate(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    out_key: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let out = unsafe { out_arg(out_key, "out_key") }?;
        let app_id = unsafe { str_arg(app_id, "app_id") }?;
        let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
        let channel = unsafe { str_arg(channel_name, "channel_name") }?;
        let key =
            dynamic_key3::generate(app_id, cert, channel, unix_ts, random_int, uid, expired_ts)?;
        write_string(out, key)
    })
}

/// Checks a DynamicKey v3 key against the certificate and channel name.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_dynamic_key3_verify(
    key: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let key = unsafe { str_arg(key, "key") }?;
        let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
        let channel = unsafe { str_arg(channel_name, "channel_name") }?;
        dynamic_key3::verify(key, cert, channel)?;
        Ok(())
    })
}

/// Generates a DynamicKey v4 ("004") key of `kind` (`AGORA_TOKEN_KEY_*`, 1 to 3).
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_dynamic_key4_generate(
    kind: i32,
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    out_key: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let out = unsafe { out_arg(out_key, "out_key") }?;
        let app_id = unsafe { str_arg(app_id, "app_id") }?;
        let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
        let channel = unsafe { str_arg(channel_name, "channel_name") }?;
        let key = dynamic_key4::generate(
            kind4(kind)?,
            app_id,
            cert,
            channel,
            unix_ts,
            random_int,
            uid,
            expired_ts,
        )?;
        write_string(out, key)
    })
}

/// Checks a DynamicKey v4 key against what it was generated for.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_dynamic_key4_verify(
    key: *const c_char,
    kind: i32,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let key = unsafe { str_arg(key, "key") }?;
        let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
        let channel = unsafe { str_arg(channel_name, "channel_name") }?;
        dynamic_key4::verify(key, kind4(kind)?, cert, channel, uid)?;
        Ok(())
    })
}

/// Generates a DynamicKey v5 ("005") key of `kind` (`AGORA_TOKEN_KEY_*`).
/// `permission` is `"0"` (no upload) or `"3"` (audio and video upload) for
/// `AGORA_TOKEN_KEY_IN_CHANNEL_PERMISSION`, and must be NULL otherwise.
///
/// # Safety
/// Pointers as stated in the header's conventions; `permission` may be NULL.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_dynamic_key5_generate(
    kind: i32,
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    permission: *const c_char,
    out_key: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let out = unsafe { out_arg(out_key, "out_key") }?;
        let app_id = unsafe { str_arg(app_id, "app_id") }?;
        let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
        let channel = unsafe { str_arg(channel_name, "channel_name") }?;
        let permission = if permission.is_null() {
            None
        } else {
            Some(unsafe { str_arg(permission, "permission") }?)
        };
        let key = dynamic_key5::generate(
            kind5(kind)?,
            app_id,
            cert,
            channel,
            unix_ts,
            random_int,
            uid,
            expired_ts,
            permission,
        )?;
        write_string(out, key)
    })
}

/// Checks a DynamicKey v5 key against the certificate, channel name and uid.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_dynamic_key5_verify(
    key: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let key = unsafe { str_arg(key, "key") }?;
        let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
        let channel = unsafe { str_arg(channel_name, "channel_name") }?;
        dynamic_key5::verify(key, cert, channel, uid)?;
        Ok(())
    })
}

/// Generates a Signaling token for `account`, expiring at `expired_ts`
/// (absolute).
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_signaling_generate(
    account: *const c_char,
    app_id: *const c_char,
    app_certificate: *const c_char,
    expired_ts: u32,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let out = unsafe { out_arg(out_token, "out_token") }?;
        let account = unsafe { str_arg(account, "account") }?;
        let app_id = unsafe { str_arg(app_id, "app_id") }?;
        let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
        write_string(out, signaling::token(account, app_id, cert, expired_ts)?)
    })
}

/// Checks a Signaling token for `account`. If `out_expired_ts` is not NULL,
/// it receives the token's expiry timestamp on success and 0 on failure.
///
/// # Safety
/// Pointers as stated in the header's conventions; `out_expired_ts` may be
/// NULL.
#[no_mangle]
pub unsafe extern "C" fn agora_token_signaling_verify(
    token: *const c_char,
    account: *const c_char,
    app_certificate: *const c_char,
    out_expired_ts: *mut u32,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let out = if out_expired_ts.is_null() {
            None
        } else {
            // SAFETY: non-NULL and writable, as the caller promises.
            let out = unsafe { &mut *out_expired_ts };
            *out = 0;
            Some(out)
        };
        let token = unsafe { str_arg(token, "token") }?;
        let account = unsafe { str_arg(account, "account") }?;
        let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
        let expired_ts = signaling::verify(token, account, cert)?;
        if let Some(out) = out {
            *out = expired_ts;
        }
        Ok(())
    })
}
