//! The options every 007 and 006 builder takes: a fixed issue time and salt
//! for reproducible tokens, and the official builders' leniency.

use token_core::builder::rtc::Role;
use token_core::{v006, v007};

use std::ffi::c_char;

use crate::error::{AgoraTokenStatus, FfiError, FfiResult};
use crate::panic::ffi_guard;

/// Use `issue_ts` and `salt` (007) or `salt` and `ts` (006) from the options
/// instead of the current time and a random salt.
pub const AGORA_TOKEN_OPTION_FIXED_ISSUE: u32 = 1;

/// Accept what the official builders accept: no checks of channel names,
/// accounts, user IDs or roles (any role but 1 is a subscriber in 007; any
/// role but 0, 1 and 101 in 006). App ID and certificate are still checked,
/// and a token still needs a service.
pub const AGORA_TOKEN_OPTION_LENIENT: u32 = 2;

/// The issue time and salt a 007 builder draws when not given fixed ones
/// (now, and a salt from the OS in [1, 99999999]): for callers that must
/// know them before the token is built, as the official Go constructor
/// `accesstoken2.NewAccessToken` exposes them.
///
/// # Safety
/// Pointers as stated in the header's conventions.
#[no_mangle]
pub unsafe extern "C" fn agora_token_v007_issue(
    out_issue_ts: *mut u32,
    out_salt: *mut u32,
    out_error: *mut *mut c_char,
) -> AgoraTokenStatus {
    ffi_guard!(out_error, {
        if out_issue_ts.is_null() || out_salt.is_null() {
            let field = if out_issue_ts.is_null() {
                "out_issue_ts"
            } else {
                "out_salt"
            };
            return Err(FfiError::null(field));
        }
        let t = v007::AccessToken2::new("", 0);
        // SAFETY: both non-NULL, writable as the caller promises.
        unsafe { (*out_issue_ts, *out_salt) = (t.issue_ts, t.salt) };
        Ok(())
    })
}

/// Options of a builder. Pass NULL for the defaults: issued now with a random
/// salt from the OS, every input checked.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
pub struct AgoraTokenOptions {
    /// Bitwise OR of `AGORA_TOKEN_OPTION_*`; other bits are an error.
    pub flags: u32,
    /// 007 only, with `AGORA_TOKEN_OPTION_FIXED_ISSUE`: issue time, seconds
    /// since the Unix epoch.
    pub issue_ts: u32,
    /// With `AGORA_TOKEN_OPTION_FIXED_ISSUE`: the salt (007 and 006).
    pub salt: u32,
    /// 006 only, with `AGORA_TOKEN_OPTION_FIXED_ISSUE`: the token expiry
    /// timestamp (the official builders use now + 24 h).
    pub ts: u32,
}

/// [`AgoraTokenOptions`] read and checked.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Options {
    /// 007: the issue time, with `AGORA_TOKEN_OPTION_FIXED_ISSUE`.
    issue_ts: Option<u32>,
    /// 007 and 006: the salt, with `AGORA_TOKEN_OPTION_FIXED_ISSUE`.
    salt: Option<u32>,
    /// 006: the token expiry timestamp, with `AGORA_TOKEN_OPTION_FIXED_ISSUE`.
    ts: Option<u32>,
    /// Use the `_unchecked` builders and official role semantics.
    pub lenient: bool,
}

impl Options {
    /// Reads the options; NULL gives the defaults.
    ///
    /// # Safety
    /// `ptr` is NULL or points to an initialized [`AgoraTokenOptions`].
    pub unsafe fn read(ptr: *const AgoraTokenOptions) -> FfiResult<Options> {
        if ptr.is_null() {
            return Ok(Options::default());
        }
        // SAFETY: non-NULL and initialized, as the caller promises.
        let o = unsafe { *ptr };
        let known = AGORA_TOKEN_OPTION_FIXED_ISSUE | AGORA_TOKEN_OPTION_LENIENT;
        if o.flags & !known != 0 {
            return Err(FfiError::invalid(
                "options.flags",
                format!(
                    "unknown bits {:#x} (known: AGORA_TOKEN_OPTION_FIXED_ISSUE, AGORA_TOKEN_OPTION_LENIENT)",
                    o.flags & !known
                ),
            ));
        }
        let fixed = o.flags & AGORA_TOKEN_OPTION_FIXED_ISSUE != 0;
        Ok(Options {
            issue_ts: fixed.then_some(o.issue_ts),
            salt: fixed.then_some(o.salt),
            ts: fixed.then_some(o.ts),
            lenient: o.flags & AGORA_TOKEN_OPTION_LENIENT != 0,
        })
    }

    /// A 007 role: 1 or 2, or any value the official way when lenient.
    pub fn rtc_role(&self, field: &'static str, role: i32) -> FfiResult<Role> {
        if self.lenient {
            return Ok(Role::from_official(role.into()));
        }
        Ok(Role::try_from(i64::from(role)).map_err(|e| e.for_field(field))?)
    }

    /// A 006 role: 0, 1, 2 or 101, or any value the official way when lenient.
    pub fn rtc006_role(&self, role: i32) -> FfiResult<v006::rtc::Role> {
        if self.lenient {
            return Ok(v006::rtc::Role::from_official(role.into()));
        }
        Ok(v006::rtc::Role::try_from(i64::from(role))?)
    }

    /// Fixes the issue time and salt if asked, then signs.
    pub fn sign007(&self, token: v007::AccessToken2, app_certificate: &str) -> FfiResult<String> {
        Ok(token.pin(self.issue_ts, self.salt).build(app_certificate)?)
    }

    /// Fixes the salt and ts if asked, then signs.
    pub fn sign006(&self, token: v006::AccessToken, app_certificate: &str) -> FfiResult<String> {
        Ok(token.pin(self.salt, self.ts).build(app_certificate)?)
    }
}

/// `pick!(options.lenient, checked, unchecked)`: the checked builder's
/// result, or the `_unchecked` twin's token when lenient.
macro_rules! pick {
    ($lenient:expr, $checked:expr, $unchecked:expr) => {
        if $lenient {
            $unchecked
        } else {
            $checked?
        }
    };
}
pub(crate) use pick;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_gives_now_and_a_salt_in_range() {
        let (mut ts, mut salt) = (0u32, 0u32);
        // SAFETY: valid pointers; NULL out_error.
        let status = unsafe { agora_token_v007_issue(&mut ts, &mut salt, std::ptr::null_mut()) };
        assert_eq!(status, AgoraTokenStatus::Ok);
        assert!(ts.abs_diff(token_core::codec::now()) <= 1);
        assert!((1..=token_core::codec::MAX_SALT).contains(&salt));
        // SAFETY: a NULL out-parameter is refused.
        let status =
            unsafe { agora_token_v007_issue(&mut ts, std::ptr::null_mut(), std::ptr::null_mut()) };
        assert_eq!(status, AgoraTokenStatus::NullPointer);
    }
}
