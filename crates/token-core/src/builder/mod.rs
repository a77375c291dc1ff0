//! Builders with the semantics of the official token builders, one module per
//! product. Each returns the unsigned [`AccessToken2`](crate::v007::AccessToken2)
//! (issued now, random salt); call `.build(app_certificate)` to sign it, or
//! `.with_issue(ts, salt)` first for a reproducible token.
//!
//! Unlike the official builders, these check every input and return an error
//! that names the field and the rule, instead of an empty string. Each checked
//! builder has an `_unchecked` twin with the official behaviour (no input
//! checks; `build` still requires a 32-hex app ID and certificate and at least
//! one service), for drop-in layers that must accept whatever the official
//! package accepts. Both build the same services, so for inputs the checked
//! builder accepts they give the same token.

pub mod apaas;
pub mod chat;
pub mod convoai;
pub mod education;
pub mod fpa;
pub mod rtc;
pub mod rtm;
pub mod stt;

use crate::validate;

/// Who a token is for: a numeric uid or a user account.
///
/// ```
/// use token_core::builder::User;
/// assert_eq!(User::from(0).account(), "");
/// assert_eq!(User::from(42).account(), "42");
/// assert_eq!(User::from("alice").account(), "alice");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum User<'a> {
    /// A uid; `0` means any user (packed as the empty string).
    Uid(u32),
    /// A user account of 1 to 255 bytes.
    Account(&'a str),
}

impl User<'_> {
    /// The string packed into the token.
    pub fn account(&self) -> String {
        match *self {
            User::Uid(uid) => validate::uid_to_account(uid),
            User::Account(a) => a.to_string(),
        }
    }

    pub(crate) fn check(&self, field: &'static str) -> crate::Result<()> {
        match *self {
            User::Uid(_) => Ok(()),
            User::Account(a) => validate::account(field, a),
        }
    }
}

impl From<u32> for User<'_> {
    fn from(uid: u32) -> Self {
        User::Uid(uid)
    }
}

impl<'a> From<&'a str> for User<'a> {
    fn from(account: &'a str) -> Self {
        User::Account(account)
    }
}
