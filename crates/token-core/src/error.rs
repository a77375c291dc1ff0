//! The one error type of token-core.
//!
//! Every message names the field and the rule that was broken. No message ever
//! contains the app certificate (or any part of it): certificate errors only
//! speak of its length and alphabet.

use std::fmt;

/// Result alias used across token-core.
pub type Result<T> = std::result::Result<T, Error>;

/// Broad category of an [`Error`], stable across releases.
///
/// Bindings map this to their own error kinds (C status codes, Python
/// exception classes, Node `code` strings), so the same bad input gives the
/// same kind on every surface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An argument broke a documented rule (length, alphabet, range).
    InvalidInput,
    /// A token was built without any service.
    NoService,
    /// The token does not start with the expected version prefix.
    WrongVersion,
    /// The token text or its decoded bytes are not a valid token.
    Malformed,
    /// The signature does not match the given certificate (or channel/uid for 006).
    SignatureMismatch,
}

impl ErrorKind {
    /// A short, stable, machine-readable name (`"invalid_input"`, ...).
    ///
    /// ```
    /// assert_eq!(token_core::ErrorKind::Malformed.as_str(), "malformed");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::NoService => "no_service",
            ErrorKind::WrongVersion => "wrong_version",
            ErrorKind::Malformed => "malformed",
            ErrorKind::SignatureMismatch => "signature_mismatch",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything that can go wrong when building, parsing or verifying a token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input field broke a rule.
    #[error("{field}: {rule}")]
    InvalidInput {
        /// The argument name, as in the official builders (`app_id`, `channel_name`, ...).
        field: &'static str,
        /// The rule, stated so a user can fix the call.
        rule: String,
    },
    /// `build` was called on a token with no service.
    #[error("services: a token needs at least one service")]
    NoService,
    /// The version prefix is not the expected one.
    #[error("token: expected version prefix \"{expected}\", found {found:?}")]
    WrongVersion {
        /// The prefix this parser understands (`"007"`, `"006"`, ...).
        expected: &'static str,
        /// The first characters of the token (at most 3, never secret).
        found: String,
    },
    /// The token cannot be decoded.
    #[error("malformed token: {0}")]
    Malformed(String),
    /// The signature does not match.
    #[error("signature: {0}")]
    SignatureMismatch(&'static str),
}

impl Error {
    /// The category of this error.
    ///
    /// ```
    /// use token_core::{v007, ErrorKind};
    /// let err = v007::parse("007garbage!").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Malformed);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidInput { .. } => ErrorKind::InvalidInput,
            Error::NoService => ErrorKind::NoService,
            Error::WrongVersion { .. } => ErrorKind::WrongVersion,
            Error::Malformed(_) => ErrorKind::Malformed,
            Error::SignatureMismatch(_) => ErrorKind::SignatureMismatch,
        }
    }

    /// The same error with the field of an [`Error::InvalidInput`] renamed;
    /// any other error unchanged. For a surface whose argument has another
    /// name than token-core's: an RTC + RTM builder's `rtc_role` is checked
    /// by [`Role::try_from`](crate::builder::rtc::Role), whose error names
    /// `role`.
    ///
    /// ```
    /// use token_core::builder::rtc::Role;
    /// let err = Role::try_from(7).unwrap_err().for_field("rtc_role");
    /// assert_eq!(err.to_string(), "rtc_role: must be 1 (publisher) or 2 (subscriber), got 7");
    /// ```
    pub fn for_field(self, field: &'static str) -> Error {
        match self {
            Error::InvalidInput { rule, .. } => Error::InvalidInput { field, rule },
            other => other,
        }
    }

    pub(crate) fn invalid(field: &'static str, rule: impl Into<String>) -> Self {
        Error::InvalidInput {
            field,
            rule: rule.into(),
        }
    }

    pub(crate) fn malformed(what: impl Into<String>) -> Self {
        Error::Malformed(what.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn for_field_renames_only_an_invalid_input_field() {
        let renamed = Error::invalid("role", "must be 1 or 2").for_field("rtc_role");
        assert_eq!(
            renamed,
            Error::InvalidInput {
                field: "rtc_role",
                rule: "must be 1 or 2".into()
            }
        );
        // The rule is kept as it is, even where it repeats the old name.
        assert_eq!(
            Error::invalid("role", "role: x").for_field("r").to_string(),
            "r: role: x"
        );
        for other in [
            Error::NoService,
            Error::malformed("x"),
            Error::SignatureMismatch("x"),
        ] {
            assert_eq!(other.clone().for_field("rtc_role"), other);
        }
    }
}
