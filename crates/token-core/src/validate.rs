//! Input rules shared by the builders.
//!
//! The rules come from Agora's documentation of the official builders: app ID
//! and certificate are 32 hexadecimal characters; a channel name is shorter
//! than 64 bytes and uses a documented character set; a user account is 1 to
//! 255 bytes. The official builders check only the first rule (and return an
//! empty string); token-core checks all of them and says which one failed.

use crate::error::{Error, Result};

/// The punctuation Agora documents for channel names (besides a-z, A-Z, 0-9
/// and space).
pub const CHANNEL_PUNCTUATION: &str = "!#$%&()+-:;<=.>?@[]^_{}|~,";

/// Longest channel name, in bytes.
pub const MAX_CHANNEL_NAME_BYTES: usize = 63;

/// Longest user account (and user ID), in bytes.
pub const MAX_ACCOUNT_BYTES: usize = 255;

/// Checks a 32-hex-character identifier without echoing it (it may be the
/// certificate).
fn hex32(field: &'static str, value: &str) -> Result<()> {
    if value.len() != 32 {
        return Err(Error::invalid(
            field,
            format!(
                "must be 32 hexadecimal characters (got {} bytes)",
                value.len()
            ),
        ));
    }
    if !value.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::invalid(
            field,
            "must be 32 hexadecimal characters (found a character outside 0-9, a-f, A-F)",
        ));
    }
    Ok(())
}

/// Checks an app ID: 32 hexadecimal characters, any case.
///
/// ```
/// assert!(token_core::validate::app_id("970CA35de60c44645bbae8a215061b33").is_ok());
/// assert!(token_core::validate::app_id("not-an-id").is_err());
/// ```
pub fn app_id(value: &str) -> Result<()> {
    hex32("app_id", value)
}

/// Checks an app certificate: 32 hexadecimal characters, any case. The error
/// never contains the value.
pub fn app_certificate(value: &str) -> Result<()> {
    hex32("app_certificate", value)
}

/// Checks a channel name: 1 to 63 bytes of a-z, A-Z, 0-9, space and
/// [`CHANNEL_PUNCTUATION`].
///
/// ```
/// assert!(token_core::validate::channel_name("room 1").is_ok());
/// let err = token_core::validate::channel_name("room/1").unwrap_err();
/// assert!(err.to_string().contains("'/'"));
/// ```
pub fn channel_name(value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid("channel_name", "must not be empty"));
    }
    if value.len() > MAX_CHANNEL_NAME_BYTES {
        return Err(Error::invalid(
            "channel_name",
            format!("must be shorter than 64 bytes (got {} bytes)", value.len()),
        ));
    }
    if let Some(c) = value
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || c == ' ' || CHANNEL_PUNCTUATION.contains(c)))
    {
        return Err(Error::invalid(
            "channel_name",
            format!(
                "character {c:?} is not allowed (allowed: a-z, A-Z, 0-9, space and {CHANNEL_PUNCTUATION})"
            ),
        ));
    }
    Ok(())
}

/// Checks a user account or user ID: 1 to 255 bytes.
pub fn account(field: &'static str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if value.len() > MAX_ACCOUNT_BYTES {
        return Err(Error::invalid(
            field,
            format!("must be at most 255 bytes (got {} bytes)", value.len()),
        ));
    }
    Ok(())
}

/// The account string for a numeric uid: `0` (any user) becomes the empty
/// string, as in every official builder.
///
/// ```
/// assert_eq!(token_core::validate::uid_to_account(0), "");
/// assert_eq!(token_core::validate::uid_to_account(42), "42");
/// ```
pub fn uid_to_account(uid: u32) -> String {
    if uid == 0 {
        String::new()
    } else {
        uid.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificate_errors_never_echo_the_value() {
        let secret = "5CFd2fd1755d40ecb72977518be15d3z";
        let err = app_certificate(secret).unwrap_err().to_string();
        assert!(!err.contains(secret) && !err.contains("5CFd"));
        assert!(err.starts_with("app_certificate: must be 32 hexadecimal"));
        let err = app_certificate("abc").unwrap_err().to_string();
        assert!(err.contains("got 3 bytes"));
    }

    #[test]
    fn channel_rules() {
        let all = format!("aZ09 {CHANNEL_PUNCTUATION}");
        assert!(channel_name(&all).is_ok());
        assert!(channel_name(&"c".repeat(63)).is_ok());
        assert!(channel_name(&"c".repeat(64))
            .unwrap_err()
            .to_string()
            .contains("shorter than 64 bytes"));
        assert!(channel_name("").is_err());
        assert!(channel_name("café").is_err());
        assert!(channel_name("a\"b").is_err());
    }

    #[test]
    fn account_rules() {
        assert!(account("account", &"é".repeat(127)).is_ok());
        assert!(account("account", &"a".repeat(256)).is_err());
        assert_eq!(
            account("user_id", "").unwrap_err().to_string(),
            "user_id: must not be empty"
        );
    }
}
