//! Chat (007): `ChatTokenBuilder2` of the official builders, user and app
//! tokens (token-core's `builder::chat`).

use std::ffi::c_char;

use token_core::builder::chat;

use crate::args::{read_app, str_arg, write_string};
use crate::error::AgoraTokenStatus;
use crate::options::{pick, AgoraTokenOptions, Options};
use crate::panic::ffi_guard;

/// Builds a Chat user token; `ChatTokenBuilder2::BuildUserToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_chat_build_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_id: *const c_char,
    expire: u32,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let user_id = unsafe { str_arg(user_id, "user_id") }?;
        let opts = unsafe { Options::read(options) }?;
        let token = pick!(
            opts.lenient,
            chat::user_token(app_id, user_id, expire),
            chat::user_token_unchecked(app_id, user_id, expire)
        );
        write_string(out, opts.sign007(token, cert)?)
    })
}

/// Builds a Chat app token; `ChatTokenBuilder2::BuildAppToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_chat_build_app_token(
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
        let token = chat::app_token(app_id, expire)?;
        write_string(out, opts.sign007(token, cert)?)
    })
}
