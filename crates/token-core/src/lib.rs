//! # token-core
//!
//! One implementation of Agora's access-token algorithms: AccessToken2
//! ([`v007`]) with every service of npm `agora-token` 2.0.6, AccessToken
//! ([`v006`]), and the [`legacy`] keys. Pure computation: no I/O beyond reading
//! the clock and the OS random source for default issue times and salts.
//!
//! ```
//! use token_core::builder::rtc::{self, Role};
//!
//! let app_id = "970CA35de60c44645bbae8a215061b33";
//! let app_certificate = "5CFd2fd1755d40ecb72977518be15d3b";
//! let token = rtc::with_uid(app_id, "demo", 42, Role::Publisher, 3600, 3600)?
//!     .build(app_certificate)?;
//! let parsed = token_core::v007::verify(&token, app_certificate)?;
//! assert_eq!(parsed.token.app_id, app_id);
//! # Ok::<(), token_core::Error>(())
//! ```
//!
//! Where is what: the 007 layout and signing in [`v007`]; its services and
//! privilege ids in [`service`]; the official builders' semantics per product
//! in [`builder`]; input rules in [`validate`]; little-endian packing in
//! [`wire`].

// One `unsafe` call is allowed, where it is: registering the fork handler of
// the salt buffer (`codec::fork_generation`); and the fork test.
#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod builder;
pub mod check;
pub mod codec;
pub mod deflate;
mod error;
pub mod inflate;
#[cfg(feature = "json")]
pub mod json;
pub mod legacy;
pub mod scope;
pub mod service;
pub mod time;
pub mod v006;
pub mod v007;
pub mod validate;
pub mod wire;

pub use error::{Error, ErrorKind, Result};

/// A parsed token of either current format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnyToken {
    /// An AccessToken2 ("007").
    V007(v007::ParsedToken),
    /// An AccessToken ("006").
    V006(v006::ParsedAccessToken),
}

impl AnyToken {
    /// When the token stops being valid (Unix seconds), or `None` when it
    /// never does: a 007 token `expire` seconds after its issue time, a 006
    /// token at its absolute privilege expiry; `0` means no limit in both.
    pub fn expiry(&self) -> Option<u64> {
        match self {
            AnyToken::V007(p) => p.token.expiry(),
            AnyToken::V006(p) => p.expiry(),
        }
    }

    /// The expiry time when the token has expired at `now` (a time `T` is
    /// past once `now >= T`, as in [`check`]), else `None`.
    ///
    /// ```
    /// use token_core::builder::rtm;
    /// let cert = "5CFd2fd1755d40ecb72977518be15d3b";
    /// let t = rtm::token("970CA35de60c44645bbae8a215061b33", "a", 60).unwrap().with_issue(1000, 1);
    /// let parsed = token_core::parse(&t.build(cert).unwrap()).unwrap();
    /// assert_eq!(parsed.expired_at(1059), None);
    /// assert_eq!(parsed.expired_at(1060), Some(1060));
    /// ```
    pub fn expired_at(&self, now: u64) -> Option<u64> {
        self.expiry().filter(|&at| now >= at)
    }
}

/// Parses a "007" or "006" token, chosen by its prefix.
///
/// ```
/// let err = token_core::parse("005abc").unwrap_err();
/// assert_eq!(err.kind(), token_core::ErrorKind::WrongVersion);
/// ```
pub fn parse(token: &str) -> Result<AnyToken> {
    parse_limited(token, codec::MAX_CONTENT_BYTES as usize)
}

/// [`parse`] with a tighter cap on a 007 token's inflated content (see
/// [`v007::parse_limited`]); a 006 token is not compressed, so its size is
/// the caller's to bound.
pub fn parse_limited(token: &str, max_content_bytes: usize) -> Result<AnyToken> {
    if token.starts_with(v006::VERSION) {
        v006::parse(token).map(AnyToken::V006)
    } else if token.starts_with(v007::VERSION) {
        v007::parse_limited(token, max_content_bytes).map(AnyToken::V007)
    } else {
        Err(Error::WrongVersion {
            expected: "007 or 006",
            found: token.chars().take(3).collect(),
        })
    }
}

/// Parses a "007" or "006" token and checks its signature.
///
/// A 007 token carries its channel and user, so `channel_name` and `uid` are
/// not used. A 006 token carries only their CRC32, so it needs the channel
/// name (for an RTM token: the user account) and the uid text it was built
/// for (`""` for uid 0 and for RTM tokens); without a channel name it is an
/// [`ErrorKind::InvalidInput`] error on `channel_name`.
///
/// ```
/// let cert = "5CFd2fd1755d40ecb72977518be15d3b";
/// let t = token_core::v006::rtm::token("970CA35de60c44645bbae8a215061b33", "alice", 0)
///     .unwrap()
///     .build(cert)
///     .unwrap();
/// assert!(token_core::verify(&t, cert, Some("alice"), "").is_ok());
/// assert_eq!(
///     token_core::verify(&t, cert, None, "").unwrap_err().kind(),
///     token_core::ErrorKind::InvalidInput
/// );
/// ```
pub fn verify(
    token: &str,
    app_certificate: &str,
    channel_name: Option<&str>,
    uid: &str,
) -> Result<AnyToken> {
    verify_limited(
        token,
        app_certificate,
        channel_name,
        uid,
        codec::MAX_CONTENT_BYTES as usize,
    )
}

/// [`verify`] with the content cap of [`parse_limited`].
pub fn verify_limited(
    token: &str,
    app_certificate: &str,
    channel_name: Option<&str>,
    uid: &str,
    max_content_bytes: usize,
) -> Result<AnyToken> {
    let parsed = parse_limited(token, max_content_bytes)?;
    match &parsed {
        AnyToken::V007(t) => t.verify(app_certificate)?,
        AnyToken::V006(t) => {
            let channel_name = channel_name.ok_or_else(|| {
                Error::invalid(
                    "channel_name",
                    "required to verify a 006 token: its signature covers the channel name \
                     (RTM: the user account) and uid, which the token does not contain",
                )
            })?;
            t.verify(app_certificate, channel_name, uid)?
        }
    }
    Ok(parsed)
}
