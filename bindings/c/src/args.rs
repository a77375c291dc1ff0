//! Reading C arguments and writing results: the one NULL check and the one
//! UTF-8 check (strings leave the library through [`crate::strings`]).

use std::ffi::{c_char, CStr};

use token_core::builder::User;

use crate::error::{FfiError, FfiResult};
use crate::strings::into_c_string;

/// Borrows a NUL-terminated UTF-8 argument; NULL and invalid UTF-8 are errors
/// that name `field`.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that outlives `'a`.
pub(crate) unsafe fn str_arg<'a>(ptr: *const c_char, field: &str) -> FfiResult<&'a str> {
    if ptr.is_null() {
        return Err(FfiError::null(field));
    }
    // SAFETY: non-NULL and NUL-terminated, as the caller promises.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    std::str::from_utf8(bytes).map_err(|e| FfiError::utf8(field, e.valid_up_to()))
}

/// Borrows `len` elements at `ptr`. NULL is accepted only when `len` is 0.
///
/// # Safety
/// When `len > 0`, `ptr` is NULL or points to `len` initialized elements that
/// outlive `'a`.
pub(crate) unsafe fn slice_arg<'a, T>(
    ptr: *const T,
    len: usize,
    field: &str,
) -> FfiResult<&'a [T]> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(FfiError::new(
            crate::error::AgoraTokenStatus::NullPointer,
            format!("{field}: must not be NULL when its count is {len}"),
        ));
    }
    // SAFETY: non-NULL, `len` elements, as the caller promises.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// The user of the uid and the user account variants of the RTC builders.
#[derive(Clone, Copy)]
pub(crate) enum UserArg {
    Uid(u32),
    Account(*const c_char),
}

impl UserArg {
    /// # Safety
    /// An account pointer is as stated in the header's conventions.
    pub(crate) unsafe fn read<'a>(self) -> FfiResult<User<'a>> {
        Ok(match self {
            UserArg::Uid(uid) => User::Uid(uid),
            // SAFETY: forwarded.
            UserArg::Account(account) => User::Account(unsafe { str_arg(account, "account") }?),
        })
    }
}

/// Reads the arguments every builder starts with, in the order their errors
/// are reported: the output, the app ID and the certificate.
///
/// # Safety
/// Pointers as stated in the header's conventions.
pub(crate) unsafe fn read_app<'a>(
    out_token: *mut *mut c_char,
    app_id: *const c_char,
    app_certificate: *const c_char,
) -> FfiResult<(&'a mut *mut c_char, &'a str, &'a str)> {
    // SAFETY (all blocks): forwarded from the caller.
    let out = unsafe { out_arg(out_token, "out_token") }?;
    let app_id = unsafe { str_arg(app_id, "app_id") }?;
    let cert = unsafe { str_arg(app_certificate, "app_certificate") }?;
    Ok((out, app_id, cert))
}

/// Checks an out-parameter and sets it to NULL, so it holds NULL whenever the
/// function fails.
///
/// # Safety
/// `ptr` is NULL or valid for writing one pointer.
pub(crate) unsafe fn out_arg<'a, T>(ptr: *mut *mut T, field: &str) -> FfiResult<&'a mut *mut T> {
    if ptr.is_null() {
        return Err(FfiError::null(field));
    }
    // SAFETY: non-NULL and writable, as the caller promises.
    let out = unsafe { &mut *ptr };
    *out = std::ptr::null_mut();
    Ok(out)
}

/// Like [`out_arg`] for an optional out-parameter: NULL means "not wanted".
///
/// # Safety
/// As [`out_arg`].
pub(crate) unsafe fn optional_out<'a, T>(ptr: *mut *mut T) -> Option<&'a mut *mut T> {
    // SAFETY: forwarded.
    unsafe { out_arg(ptr, "") }.ok()
}

/// Hands `s` to the caller through `out`.
pub(crate) fn write_string(out: &mut *mut c_char, s: String) -> FfiResult {
    *out = into_c_string(s);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_arg_reports_null_and_utf8_without_echoing() {
        // SAFETY: NULL and a valid C string literal.
        unsafe {
            let e = str_arg(std::ptr::null(), "channel_name").unwrap_err();
            assert_eq!(e.message, "channel_name: must not be NULL");
            let e = str_arg(c"ab\xffcd".as_ptr(), "app_certificate").unwrap_err();
            assert_eq!(
                e.message,
                "app_certificate: must be valid UTF-8 (invalid byte at offset 2)"
            );
            assert_eq!(str_arg(c"ok".as_ptr(), "x").unwrap(), "ok");
        }
    }
}
