//! The options every 007 and 006 builder takes: a fixed issue time and salt
//! for reproducible tokens, and the official builders' leniency.

use token_core::builder::rtc::Role;
use token_core::{v006, v007};

use crate::error::{FfiError, FfiResult};

/// Use `issue_ts` and `salt` (007) or `salt` and `ts` (006) from the options
/// instead of the current time and a random salt.
pub const AGORA_TOKEN_OPTION_FIXED_ISSUE: u32 = 1;

/// Accept what the official builders accept: no checks of channel names,
/// accounts, user IDs or roles (any role but 1 is a subscriber in 007; any
/// role but 0, 1 and 101 in 006). App ID and certificate are still checked,
/// and a token still needs a service.
pub const AGORA_TOKEN_OPTION_LENIENT: u32 = 2;

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
