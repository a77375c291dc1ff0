//! The check engine over the C ABI: JSON request in, JSON report out, in the
//! forms of token-core's `json::request_from_json` and `json::report_json`
//! (the same as `agora-token check --json` and the server's
//! `POST /v1/tokens/check`).

use std::ffi::c_char;

use token_core::json;

use crate::args::{out_arg, str_arg, write_string};
use crate::error::AgoraTokenStatus;
use crate::panic::ffi_guard;

/// Would Agora admit this client with this token? Writes the report as JSON:
/// `{"allowed","version","app_id","now","issued_at","expires_at","signature","reasons":[{"code","message"}],"privileges":[{"service","privilege","expires_at","status"}]}`.
///
/// `request_json` describes the client, e.g.
/// `{"service":"rtc","channel_name":"demo","uid":"42","publish":["audio"]}`,
/// `{"service":"rtm","user_id":"alice"}`, `{"service":"chat"}` (the app);
/// any request may add `"app_id"`. `now` is the time to check at, in seconds
/// since the Unix epoch, at most 2^53 - 1 (it is echoed in the JSON report);
/// `0` means the current time.
///
/// A bad or expired token is a denial in the report (status OK), not an
/// error; the errors are a malformed certificate or request, or a larger
/// `now` (`AGORA_TOKEN_STATUS_INVALID_INPUT`, naming the field).
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_check(
    token: *const c_char,
    app_certificate: *const c_char,
    request_json: *const c_char,
    now: u64,
    out_report_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        let out = unsafe { out_arg(out_report_json, "out_report_json") }?;
        let token = unsafe { str_arg(token, "token") }?;
        let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
        let request = unsafe { str_arg(request_json, "request_json") }?;
        let now = if now == 0 {
            u64::from(token_core::codec::now())
        } else {
            now
        };
        write_string(out, json::check_str(token, cert, request, now)?.to_string())
    })
}
