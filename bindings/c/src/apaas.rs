//! APaaS and Education (007): `ApaasTokenBuilder` and
//! `EducationTokenBuilder2` of the official builders (Flexible Classroom),
//! room-user, user and app tokens (token-core's `builder::apaas`, which
//! `builder::education` re-exports).

use std::ffi::c_char;

use token_core::builder::apaas;

use crate::args::{read_app, str_arg, write_string};
use crate::error::AgoraTokenStatus;
use crate::options::{pick, AgoraTokenOptions, Options};
use crate::panic::ffi_guard;

/// Builds an APaaS room-user token: APaaS room user, RTM login as
/// `user_uuid`, and Chat user as the MD5 of `user_uuid`;
/// `ApaasTokenBuilder::BuildRoomUserToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_apaas_build_room_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    room_uuid: *const c_char,
    user_uuid: *const c_char,
    role: i16,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let room = unsafe { str_arg(room_uuid, "room_uuid") }?;
        let user = unsafe { str_arg(user_uuid, "user_uuid") }?;
        let opts = unsafe { Options::read(options) }?;
        let token = pick!(
            opts.lenient,
            apaas::room_user_token(app_id, room, user, role, expire),
            apaas::room_user_token_unchecked(app_id, room, user, role, expire)
        );
        write_string(out, opts.sign007(token, cert)?)
    })
}

/// Builds an APaaS user token (no room, role -1);
/// `ApaasTokenBuilder::BuildUserToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_apaas_build_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_uuid: *const c_char,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let user = unsafe { str_arg(user_uuid, "user_uuid") }?;
        let opts = unsafe { Options::read(options) }?;
        let token = pick!(
            opts.lenient,
            apaas::user_token(app_id, user, expire),
            apaas::user_token_unchecked(app_id, user, expire)
        );
        write_string(out, opts.sign007(token, cert)?)
    })
}

/// Builds an APaaS app token (no room, no user);
/// `ApaasTokenBuilder::BuildAppToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_apaas_build_app_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let opts = unsafe { Options::read(options) }?;
        let token = apaas::app_token(app_id, expire)?;
        write_string(out, opts.sign007(token, cert)?)
    })
}

// The Education builders are the APaaS builders under the names users of
// EducationTokenBuilder2 look for (token-core's `education` re-exports
// `apaas`), so these delegate; each callee has its own panic boundary.

/// Builds an Education room-user token (the APaaS one);
/// `EducationTokenBuilder2::BuildRoomUserToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn agora_token_education_build_room_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    room_uuid: *const c_char,
    user_uuid: *const c_char,
    role: i16,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    // SAFETY: same arguments, same contract.
    unsafe {
        agora_token_apaas_build_room_user_token(
            app_id,
            app_certificate,
            room_uuid,
            user_uuid,
            role,
            expire,
            options,
            out_token,
            out_error,
        )
    }
}

/// Builds an Education user token (the APaaS one);
/// `EducationTokenBuilder2::BuildUserToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_education_build_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_uuid: *const c_char,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    // SAFETY: same arguments, same contract.
    unsafe {
        agora_token_apaas_build_user_token(
            app_id,
            app_certificate,
            user_uuid,
            expire,
            options,
            out_token,
            out_error,
        )
    }
}

/// Builds an Education app token (the APaaS one);
/// `EducationTokenBuilder2::BuildAppToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_education_build_app_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    // SAFETY: same arguments, same contract.
    unsafe {
        agora_token_apaas_build_app_token(
            app_id,
            app_certificate,
            expire,
            options,
            out_token,
            out_error,
        )
    }
}
