//! FPA (007): `FpaTokenBuilder` of the official builders (token-core's
//! `builder::fpa`).

use std::ffi::c_char;

use token_core::builder::fpa;

use crate::args::{read_app, write_string};
use crate::error::AgoraTokenStatus;
use crate::options::{AgoraTokenOptions, Options};
use crate::panic::ffi_guard;

/// Builds an FPA login token valid 24 hours; `FpaTokenBuilder::BuildToken`.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_fpa_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    options: *const AgoraTokenOptions,
    out_token: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let (out, app_id, cert) = unsafe { read_app(out_token, app_id, app_certificate) }?;
        let opts = unsafe { Options::read(options) }?;
        let token = fpa::token(app_id)?;
        write_string(out, opts.sign007(token, cert)?)
    })
}
