//! AccessToken, the "006" token: build, parse, verify, and its RTC and RTM
//! builders.
//!
//! Layout (from the official AccessToken sources):
//!
//! ```text
//! token     = "006" app_id(32 chars) base64( content )
//! content   = string(signature) u32(crc32(channel_name)) u32(crc32(uid)) string(message)
//! message   = u32(salt) u32(ts) map<u16 privilege, u32 expire_ts>
//! signature = HMAC-SHA256(key = app_certificate, app_id channel_name uid message)
//! ```
//!
//! Unlike 007, the times are absolute (seconds since the epoch): `ts` is when
//! the token expires (the official builders set now + 24 h) and each privilege
//! carries its own expiry timestamp, `0` meaning it does not expire. The
//! channel name and uid are not in the token (only their CRC32), so verifying
//! needs them.

use crate::builder::User;
use crate::codec;
use crate::error::{Error, Result};
use crate::service::Privileges;
use crate::validate;
use crate::wire::{Reader, Writer};

/// The version prefix of AccessToken.
pub const VERSION: &str = "006";

/// How long a 006 token is valid when built: 24 hours.
pub const DEFAULT_VALIDITY: u32 = 24 * 3600;

/// 006 privilege ids.
pub mod privilege {
    /// Join an RTC channel.
    pub const JOIN_CHANNEL: u16 = 1;
    /// Publish audio.
    pub const PUBLISH_AUDIO_STREAM: u16 = 2;
    /// Publish video.
    pub const PUBLISH_VIDEO_STREAM: u16 = 3;
    /// Publish data streams.
    pub const PUBLISH_DATA_STREAM: u16 = 4;
    /// Log in to RTM.
    pub const RTM_LOGIN: u16 = 1000;

    /// Name of a 006 privilege, if known.
    pub fn name(id: u16) -> Option<&'static str> {
        Some(match id {
            JOIN_CHANNEL => "join_channel",
            PUBLISH_AUDIO_STREAM => "publish_audio_stream",
            PUBLISH_VIDEO_STREAM => "publish_video_stream",
            PUBLISH_DATA_STREAM => "publish_data_stream",
            RTM_LOGIN => "rtm_login",
            _ => return None,
        })
    }
}

/// A 006 token before signing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessToken {
    /// App ID.
    pub app_id: String,
    /// Channel name (for RTM tokens: the user account).
    pub channel_name: String,
    /// Uid as text, or account; empty for any user.
    pub uid: String,
    /// Random salt.
    pub salt: u32,
    /// Token expiry timestamp.
    pub ts: u32,
    /// Privilege id -> expiry timestamp.
    pub privileges: Privileges,
}

impl AccessToken {
    /// A token expiring in 24 hours with a random salt and no privilege.
    pub fn new(app_id: &str, channel_name: &str, uid: &str) -> Self {
        AccessToken {
            app_id: app_id.to_string(),
            channel_name: channel_name.to_string(),
            uid: uid.to_string(),
            salt: codec::random_salt(),
            ts: codec::now().saturating_add(DEFAULT_VALIDITY),
            privileges: Privileges::default(),
        }
    }

    /// Fixes the salt and the token expiry timestamp (for reproducible tokens).
    pub fn with_salt_and_ts(mut self, salt: u32, ts: u32) -> Self {
        self.salt = salt;
        self.ts = ts;
        self
    }

    /// Pins what a caller gave of the salt and the token expiry timestamp:
    /// each `Some` replaces the token's own value (a random salt, now + 24 h),
    /// each `None` keeps it.
    ///
    /// ```
    /// use token_core::v006::AccessToken;
    /// let t = AccessToken::new("970CA35de60c44645bbae8a215061b33", "demo", "42");
    /// let ts = t.ts;
    /// let pinned = t.pin(Some(7), None);
    /// assert_eq!((pinned.salt, pinned.ts), (7, ts));
    /// ```
    pub fn pin(mut self, salt: Option<u32>, ts: Option<u32>) -> Self {
        self.salt = salt.unwrap_or(self.salt);
        self.ts = ts.unwrap_or(self.ts);
        self
    }

    fn message(&self) -> Result<Vec<u8>> {
        let mut w = Writer::with_capacity(64);
        w.u32(self.salt).u32(self.ts);
        w.u16(crate::wire::len_u16(
            "privileges",
            self.privileges.len(),
            "privileges",
        )?);
        for (k, v) in self.privileges.iter() {
            w.u16(k).u32(v);
        }
        Ok(w.into_vec())
    }

    /// The decoded content (signature, CRCs, message).
    pub fn content(&self, app_certificate: &str) -> Result<Vec<u8>> {
        validate::app_id(&self.app_id)?;
        validate::app_certificate(app_certificate)?;
        let message = self.message()?;
        let signature = sign(
            app_certificate,
            &self.app_id,
            &self.channel_name,
            &self.uid,
            &message,
        );
        let mut w = Writer::with_capacity(message.len() + 48);
        w.bytes("signature", &signature)?
            .u32(crc32fast::hash(self.channel_name.as_bytes()))
            .u32(crc32fast::hash(self.uid.as_bytes()))
            .bytes("message", &message)?;
        Ok(w.into_vec())
    }

    /// Signs and encodes the token.
    pub fn build(&self, app_certificate: &str) -> Result<String> {
        let content = self.content(app_certificate)?;
        Ok(format!(
            "{VERSION}{}{}",
            self.app_id,
            codec::base64_encode(&content)
        ))
    }
}

fn sign(cert: &str, app_id: &str, channel_name: &str, uid: &str, message: &[u8]) -> [u8; 32] {
    let mut signed =
        Vec::with_capacity(app_id.len() + channel_name.len() + uid.len() + message.len());
    signed.extend_from_slice(app_id.as_bytes());
    signed.extend_from_slice(channel_name.as_bytes());
    signed.extend_from_slice(uid.as_bytes());
    signed.extend_from_slice(message);
    codec::hmac_sha256(cert.as_bytes(), &signed)
}

/// A parsed 006 token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedAccessToken {
    /// App ID (the 32 characters after the version).
    pub app_id: String,
    /// The signature in the token.
    pub signature: Vec<u8>,
    /// CRC32 of the channel name.
    pub crc_channel_name: u32,
    /// CRC32 of the uid text.
    pub crc_uid: u32,
    /// Salt.
    pub salt: u32,
    /// Token expiry timestamp.
    pub ts: u32,
    /// Privilege id -> expiry timestamp.
    pub privileges: Privileges,
    message: Vec<u8>,
}

impl ParsedAccessToken {
    /// When the token stops being valid (`ts`, absolute), or `None` for `0`.
    pub fn expiry(&self) -> Option<u64> {
        (self.ts != 0).then_some(self.ts as u64)
    }

    /// Checks the token against the certificate, channel name and uid it was
    /// built for (uid `""` for a uid-0 token).
    pub fn verify(&self, app_certificate: &str, channel_name: &str, uid: &str) -> Result<()> {
        validate::app_certificate(app_certificate)?;
        if crc32fast::hash(channel_name.as_bytes()) != self.crc_channel_name {
            return Err(Error::SignatureMismatch(
                "the token was not built for this channel name",
            ));
        }
        if crc32fast::hash(uid.as_bytes()) != self.crc_uid {
            return Err(Error::SignatureMismatch(
                "the token was not built for this uid",
            ));
        }
        let expected = sign(
            app_certificate,
            &self.app_id,
            channel_name,
            uid,
            &self.message,
        );
        if codec::ct_eq(&expected, &self.signature) {
            Ok(())
        } else {
            Err(Error::SignatureMismatch(
                "does not match the app certificate (wrong certificate or altered token)",
            ))
        }
    }
}

/// Parses a "006" token. Never panics.
///
/// ```
/// let t = token_core::v006::rtm::token("970CA35de60c44645bbae8a215061b33", "alice", 0)
///     .unwrap()
///     .build("5CFd2fd1755d40ecb72977518be15d3b")
///     .unwrap();
/// let p = token_core::v006::parse(&t).unwrap();
/// assert!(p.verify("5CFd2fd1755d40ecb72977518be15d3b", "alice", "").is_ok());
/// ```
pub fn parse(token: &str) -> Result<ParsedAccessToken> {
    if !token.starts_with(VERSION) {
        return Err(Error::WrongVersion {
            expected: VERSION,
            found: token.chars().take(3).collect(),
        });
    }
    let app_id = token.get(3..35).ok_or_else(|| {
        Error::malformed("app_id: a 006 token has 32 characters of app ID after \"006\"")
    })?;
    validate::app_id(app_id)
        .map_err(|_| Error::malformed("app_id: not 32 hexadecimal characters"))?;
    let content = codec::base64_decode(&token[35..])?;
    let mut r = Reader::new(&content);
    let signature = r.bytes("signature")?.to_vec();
    let crc_channel_name = r.u32("crc_channel_name")?;
    let crc_uid = r.u32("crc_uid")?;
    let message = r.bytes("message")?.to_vec();
    let mut m = Reader::new(&message);
    let salt = m.u32("salt")?;
    let ts = m.u32("ts")?;
    let mut privileges = Privileges::default();
    let count = m.u16("privilege count")?;
    crate::service::check_count(
        "privilege count",
        count.into(),
        crate::service::MAX_PRIVILEGES.into(),
    )?;
    for _ in 0..count {
        let id = m.u16("privilege id")?;
        privileges.add(id, m.u32("privilege expire")?);
    }
    Ok(ParsedAccessToken {
        app_id: app_id.to_string(),
        signature,
        crc_channel_name,
        crc_uid,
        salt,
        ts,
        privileges,
        message,
    })
}

/// Parses and verifies a 006 token for a channel name and uid.
pub fn verify(
    token: &str,
    app_certificate: &str,
    channel_name: &str,
    uid: &str,
) -> Result<ParsedAccessToken> {
    let parsed = parse(token)?;
    parsed.verify(app_certificate, channel_name, uid)?;
    Ok(parsed)
}

/// The 006 RTC builder (RtcTokenBuilder).
pub mod rtc {
    use super::*;

    /// The 006 RTC roles.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[repr(u16)]
    pub enum Role {
        /// Deprecated; same privileges as publisher.
        Attendee = 0,
        /// Join and publish.
        Publisher = 1,
        /// Join only.
        Subscriber = 2,
        /// Deprecated; same privileges as publisher.
        Admin = 101,
    }

    impl TryFrom<i64> for Role {
        type Error = Error;

        fn try_from(v: i64) -> Result<Self> {
            Ok(match v {
                0 => Role::Attendee,
                1 => Role::Publisher,
                2 => Role::Subscriber,
                101 => Role::Admin,
                _ => {
                    return Err(Error::invalid(
                        "role",
                        format!("must be 0 (attendee), 1 (publisher), 2 (subscriber) or 101 (admin), got {v}"),
                    ))
                }
            })
        }
    }

    impl Role {
        /// The role the official 006 builders act on for any integer: 0, 1
        /// and 101 publish, every other value joins only. For drop-in layers.
        pub fn from_official(v: i64) -> Role {
            Role::try_from(v).unwrap_or(Role::Subscriber)
        }
    }

    /// A 006 RTC token for a uid; `buildTokenWithUid`. `privilege_expired_ts`
    /// is an absolute timestamp (`0`: no expiry).
    pub fn with_uid(
        app_id: &str,
        channel_name: &str,
        uid: u32,
        role: Role,
        privilege_expired_ts: u32,
    ) -> Result<AccessToken> {
        with_user(
            app_id,
            channel_name,
            User::Uid(uid),
            role,
            privilege_expired_ts,
        )
    }

    /// A 006 RTC token for a user account; `buildTokenWithAccount`.
    pub fn with_user_account(
        app_id: &str,
        channel_name: &str,
        account: &str,
        role: Role,
        privilege_expired_ts: u32,
    ) -> Result<AccessToken> {
        with_user(
            app_id,
            channel_name,
            User::Account(account),
            role,
            privilege_expired_ts,
        )
    }

    /// A 006 RTC token for a uid or an account.
    pub fn with_user(
        app_id: &str,
        channel_name: &str,
        user: User<'_>,
        role: Role,
        privilege_expired_ts: u32,
    ) -> Result<AccessToken> {
        with_privileges(
            app_id,
            channel_name,
            user,
            &role_privileges(role, privilege_expired_ts),
        )
    }

    /// [`with_user`] without input checks, as the official builder.
    pub fn with_user_unchecked(
        app_id: &str,
        channel_name: &str,
        user: User<'_>,
        role: Role,
        privilege_expired_ts: u32,
    ) -> AccessToken {
        with_privileges_unchecked(
            app_id,
            channel_name,
            user,
            &role_privileges(role, privilege_expired_ts),
        )
    }

    /// Join for every role; the publish privileges for all but subscribers.
    fn role_privileges(role: Role, expired_ts: u32) -> Vec<(u16, u32)> {
        let mut privileges = vec![(privilege::JOIN_CHANNEL, expired_ts)];
        if role != Role::Subscriber {
            privileges.extend(
                [
                    privilege::PUBLISH_AUDIO_STREAM,
                    privilege::PUBLISH_VIDEO_STREAM,
                    privilege::PUBLISH_DATA_STREAM,
                ]
                .map(|p| (p, expired_ts)),
            );
        }
        privileges
    }

    /// A 006 RTC token with an explicit privilege map (id -> expiry timestamp).
    pub fn with_privileges(
        app_id: &str,
        channel_name: &str,
        user: User<'_>,
        privileges: &[(u16, u32)],
    ) -> Result<AccessToken> {
        validate::channel_name(channel_name)?;
        user.check("account")?;
        Ok(with_privileges_unchecked(
            app_id,
            channel_name,
            user,
            privileges,
        ))
    }

    /// [`with_privileges`] without input checks, as the official builder.
    pub fn with_privileges_unchecked(
        app_id: &str,
        channel_name: &str,
        user: User<'_>,
        privileges: &[(u16, u32)],
    ) -> AccessToken {
        let mut t = AccessToken::new(app_id, channel_name, &user.account());
        for &(id, ts) in privileges {
            t.privileges.add(id, ts);
        }
        t
    }
}

/// The 006 RTM builder (RtmTokenBuilder).
pub mod rtm {
    use super::*;

    /// A 006 RTM login token: the user account goes where the channel name
    /// goes, the uid is empty; `buildToken`.
    pub fn token(
        app_id: &str,
        user_account: &str,
        privilege_expired_ts: u32,
    ) -> Result<AccessToken> {
        validate::account("user_account", user_account)?;
        Ok(token_unchecked(app_id, user_account, privilege_expired_ts))
    }

    /// [`token`] without input checks, as the official builder.
    pub fn token_unchecked(
        app_id: &str,
        user_account: &str,
        privilege_expired_ts: u32,
    ) -> AccessToken {
        let mut t = AccessToken::new(app_id, user_account, "");
        t.privileges.add(privilege::RTM_LOGIN, privilege_expired_ts);
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_replaces_only_what_is_given() {
        let t =
            AccessToken::new("970CA35de60c44645bbae8a215061b33", "c", "1").with_salt_and_ts(10, 20);
        let kept = t.clone().pin(None, None);
        assert_eq!((kept.salt, kept.ts), (10, 20));
        let ts_only = t.clone().pin(None, Some(3));
        assert_eq!((ts_only.salt, ts_only.ts), (10, 3));
        let both = t.pin(Some(1), Some(2));
        assert_eq!((both.salt, both.ts), (1, 2));
    }

    const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
    const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";

    #[test]
    fn round_trip_and_verify_rules() {
        let t = rtc::with_uid(
            APP_ID,
            "7d72365eb983485397e3e3f9d460bdda",
            2882341273,
            rtc::Role::Subscriber,
            1446455471,
        )
        .unwrap()
        .with_salt_and_ts(1, 1111111);
        let text = t.build(CERT).unwrap();
        let p = verify(&text, CERT, &t.channel_name, "2882341273").unwrap();
        assert_eq!((p.salt, p.ts), (1, 1111111));
        assert_eq!(
            p.privileges.iter().collect::<Vec<_>>(),
            vec![(1, 1446455471)]
        );
        assert!(p.verify(CERT, "other", "2882341273").is_err());
        assert!(p.verify(CERT, &t.channel_name, "").is_err());
        assert!(p
            .verify(
                "5CFd2fd1755d40ecb72977518be15d3c",
                &t.channel_name,
                "2882341273"
            )
            .is_err());
    }

    #[test]
    fn malformed_inputs() {
        for bad in [
            "",
            "006",
            "006short",
            "007abc",
            "006970CA35de60c44645bbae8a215061b33!!",
            "006é",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
