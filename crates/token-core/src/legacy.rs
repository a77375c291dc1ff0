//! Legacy keys the official repositories still ship: DynamicKey v3, v4, v5
//! and the Signaling token. Use AccessToken2 ([`crate::v007`]) for anything
//! new; these exist so old deployments can be served and checked.
//!
//! None of these keys carries the channel name (and v4 not the uid), so
//! verifying needs the same inputs the key was generated for.

use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use sha1::Sha1;

use crate::codec::{self, hex_lower};
use crate::error::{Error, Result};
use crate::validate;
use crate::wire::{Reader, Writer};

fn hmac_sha1(key: &[u8], msg: &[u8]) -> [u8; 20] {
    let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

fn check_credentials(app_id: &str, app_certificate: &str) -> Result<()> {
    validate::app_id(app_id)?;
    validate::app_certificate(app_certificate)
}

fn mismatch() -> Error {
    Error::SignatureMismatch("does not match the inputs (certificate, channel name or uid)")
}

/// Fields shared by the v3 and v4 text keys, in key order after the signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextKey {
    /// The 40-hex-character HMAC-SHA1 signature.
    pub signature: String,
    /// App ID.
    pub app_id: String,
    /// Generation timestamp.
    pub unix_ts: u32,
    /// Random value.
    pub random_int: u32,
    /// The uid (v3 only; v4 keys do not carry it).
    pub uid: Option<u32>,
    /// Expiry timestamp (`0`: none).
    pub expired_ts: u32,
}

/// Cuts a fixed-width decimal or hex field out of a text key.
fn field(key: &str, at: &mut usize, width: usize, radix: u32, what: &str) -> Result<u32> {
    let text = key
        .get(*at..*at + width)
        .ok_or_else(|| Error::malformed(format!("{what}: key too short")))?;
    *at += width;
    u32::from_str_radix(text, radix)
        .map_err(|_| Error::malformed(format!("{what}: {text:?} is not a number")))
}

fn parse_text_key(key: &str, version: &'static str, with_uid: bool) -> Result<TextKey> {
    if !key.starts_with(version) {
        return Err(Error::WrongVersion {
            expected: version,
            found: key.chars().take(3).collect(),
        });
    }
    let expected_len = 3 + 40 + 32 + 10 + 8 + if with_uid { 10 } else { 0 } + 10;
    if key.len() != expected_len || !key.is_ascii() {
        return Err(Error::malformed(format!(
            "a {version} key is {expected_len} ASCII characters, got {} bytes",
            key.len()
        )));
    }
    let mut at = 75;
    Ok(TextKey {
        signature: key[3..43].to_string(),
        app_id: key[43..75].to_string(),
        unix_ts: field(key, &mut at, 10, 10, "unix_ts")?,
        random_int: field(key, &mut at, 8, 16, "random_int")?,
        uid: if with_uid {
            Some(field(key, &mut at, 10, 10, "uid")?)
        } else {
            None
        },
        expired_ts: field(key, &mut at, 10, 10, "expired_ts")?,
    })
}

/// The text both v3 and v4 sign: `[service] app_id ts random channel uid expired`.
#[allow(clippy::too_many_arguments)]
fn text_signature(
    service: &str,
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
) -> String {
    let content = format!(
        "{service}{app_id}{unix_ts:0>10}{random_int:08x}{channel_name}{uid:0>10}{expired_ts:0>10}"
    );
    hex_lower(&hmac_sha1(app_certificate.as_bytes(), content.as_bytes()))
}

/// DynamicKey v3 ("003"): a text key with HMAC-SHA1.
pub mod dynamic_key3 {
    use super::*;

    /// Generates a v3 key.
    ///
    /// ```
    /// let key = token_core::legacy::dynamic_key3::generate(
    ///     "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b",
    ///     "7d72365eb983485397e3e3f9d460bdda", 1446455472, 58964981, 2882341273, 1446455471).unwrap();
    /// assert_eq!(key.len(), 113);
    /// ```
    pub fn generate(
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        unix_ts: u32,
        random_int: u32,
        uid: u32,
        expired_ts: u32,
    ) -> Result<String> {
        check_credentials(app_id, app_certificate)?;
        validate::channel_name(channel_name)?;
        let sig = text_signature(
            "",
            app_id,
            app_certificate,
            channel_name,
            unix_ts,
            random_int,
            uid,
            expired_ts,
        );
        Ok(format!(
            "003{sig}{app_id}{unix_ts:0>10}{random_int:08x}{uid:0>10}{expired_ts:0>10}"
        ))
    }

    /// Parses a v3 key.
    pub fn parse(key: &str) -> Result<TextKey> {
        parse_text_key(key, "003", true)
    }

    /// Checks a v3 key against the certificate and channel name.
    pub fn verify(key: &str, app_certificate: &str, channel_name: &str) -> Result<TextKey> {
        validate::app_certificate(app_certificate)?;
        let k = parse(key)?;
        let sig = text_signature(
            "",
            &k.app_id,
            app_certificate,
            channel_name,
            k.unix_ts,
            k.random_int,
            k.uid.unwrap_or(0),
            k.expired_ts,
        );
        if codec::ct_eq(sig.as_bytes(), k.signature.as_bytes()) {
            Ok(k)
        } else {
            Err(mismatch())
        }
    }
}

/// DynamicKey v4 ("004"): a text key with HMAC-SHA1 and a service prefix.
pub mod dynamic_key4 {
    use super::*;

    /// What a v4 key is for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Kind {
        /// Public sharing ("APSS").
        PublicSharing,
        /// Recording ("ARS").
        Recording,
        /// Media channel ("ACS").
        MediaChannel,
    }

    impl Kind {
        fn prefix(self) -> &'static str {
            match self {
                Kind::PublicSharing => "APSS",
                Kind::Recording => "ARS",
                Kind::MediaChannel => "ACS",
            }
        }
    }

    /// Generates a v4 key.
    #[allow(clippy::too_many_arguments)]
    pub fn generate(
        kind: Kind,
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        unix_ts: u32,
        random_int: u32,
        uid: u32,
        expired_ts: u32,
    ) -> Result<String> {
        check_credentials(app_id, app_certificate)?;
        validate::channel_name(channel_name)?;
        let sig = text_signature(
            kind.prefix(),
            app_id,
            app_certificate,
            channel_name,
            unix_ts,
            random_int,
            uid,
            expired_ts,
        );
        Ok(format!(
            "004{sig}{app_id}{unix_ts:0>10}{random_int:08x}{expired_ts:0>10}"
        ))
    }

    /// Parses a v4 key.
    pub fn parse(key: &str) -> Result<TextKey> {
        parse_text_key(key, "004", false)
    }

    /// Checks a v4 key against what it was generated for.
    pub fn verify(
        key: &str,
        kind: Kind,
        app_certificate: &str,
        channel_name: &str,
        uid: u32,
    ) -> Result<TextKey> {
        validate::app_certificate(app_certificate)?;
        let k = parse(key)?;
        let sig = text_signature(
            kind.prefix(),
            &k.app_id,
            app_certificate,
            channel_name,
            k.unix_ts,
            k.random_int,
            uid,
            k.expired_ts,
        );
        if codec::ct_eq(sig.as_bytes(), k.signature.as_bytes()) {
            Ok(k)
        } else {
            Err(mismatch())
        }
    }
}

/// DynamicKey v5 ("005"): packed binary, HMAC-SHA1 under the raw certificate.
pub mod dynamic_key5 {
    use super::*;

    /// What a v5 key is for (its service type number).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[repr(u16)]
    pub enum Kind {
        /// Media channel (1).
        MediaChannel = 1,
        /// Recording (2).
        Recording = 2,
        /// Public sharing (3).
        PublicSharing = 3,
        /// In-channel permission (4), with an upload permission.
        InChannelPermission = 4,
    }

    /// Extra key of the upload permission in an in-channel-permission key.
    pub const ALLOW_UPLOAD_IN_CHANNEL: u16 = 1;
    /// Upload permission value: no upload.
    pub const NO_UPLOAD: &str = "0";
    /// Upload permission value: audio and video upload.
    pub const AUDIO_VIDEO_UPLOAD: &str = "3";

    /// The decoded fields of a v5 key.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Key {
        /// Service type number.
        pub service_type: u16,
        /// Uppercase hex HMAC-SHA1.
        pub signature: String,
        /// Raw app ID (16 bytes).
        pub app_id: Vec<u8>,
        /// Generation timestamp.
        pub unix_ts: u32,
        /// Random value.
        pub random_int: u32,
        /// Expiry timestamp.
        pub expired_ts: u32,
        /// Extra map (the upload permission).
        pub extra: Vec<(u16, String)>,
    }

    fn pack_extra(w: &mut Writer, extra: &[(u16, String)]) -> Result<()> {
        w.u16(crate::wire::len_u16("extra", extra.len(), "entries")?);
        for (k, v) in extra {
            w.u16(*k).string("extra", v)?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn signature(
        service_type: u16,
        raw_app_id: &[u8],
        raw_cert: &[u8],
        channel_name: &str,
        unix_ts: u32,
        random_int: u32,
        uid: u32,
        expired_ts: u32,
        extra: &[(u16, String)],
    ) -> Result<String> {
        let mut w = Writer::with_capacity(96);
        w.u16(service_type)
            .bytes("app_id", raw_app_id)?
            .u32(unix_ts)
            .u32(random_int)
            .string("channel_name", channel_name)?
            .u32(uid)
            .u32(expired_ts);
        pack_extra(&mut w, extra)?;
        Ok(hex_lower(&hmac_sha1(raw_cert, w.as_slice())).to_ascii_uppercase())
    }

    fn raw(hex: &str) -> Vec<u8> {
        codec::hex_decode(hex).expect("validated as 32 hex characters")
    }

    /// Generates a v5 key. `permission` is required for
    /// [`Kind::InChannelPermission`] ([`NO_UPLOAD`] or [`AUDIO_VIDEO_UPLOAD`])
    /// and must be `None` otherwise.
    #[allow(clippy::too_many_arguments)]
    pub fn generate(
        kind: Kind,
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        unix_ts: u32,
        random_int: u32,
        uid: u32,
        expired_ts: u32,
        permission: Option<&str>,
    ) -> Result<String> {
        check_credentials(app_id, app_certificate)?;
        validate::channel_name(channel_name)?;
        let extra = match (kind, permission) {
            (Kind::InChannelPermission, Some(p @ (NO_UPLOAD | AUDIO_VIDEO_UPLOAD))) => {
                vec![(ALLOW_UPLOAD_IN_CHANNEL, p.to_string())]
            }
            (Kind::InChannelPermission, _) => {
                return Err(Error::invalid(
                    "permission",
                    "must be \"0\" (no upload) or \"3\" (audio and video upload)",
                ))
            }
            (_, None) => Vec::new(),
            (_, Some(_)) => {
                return Err(Error::invalid(
                    "permission",
                    "only in-channel-permission keys carry a permission",
                ))
            }
        };
        let raw_app_id = raw(app_id);
        let sig = signature(
            kind as u16,
            &raw_app_id,
            &raw(app_certificate),
            channel_name,
            unix_ts,
            random_int,
            uid,
            expired_ts,
            &extra,
        )?;
        let mut w = Writer::with_capacity(96);
        w.u16(kind as u16)
            .string("signature", &sig)?
            .bytes("app_id", &raw_app_id)?
            .u32(unix_ts)
            .u32(random_int)
            .u32(expired_ts);
        pack_extra(&mut w, &extra)?;
        Ok(format!("005{}", codec::base64_encode(w.as_slice())))
    }

    /// Parses a v5 key.
    pub fn parse(key: &str) -> Result<Key> {
        let body = key.strip_prefix("005").ok_or_else(|| Error::WrongVersion {
            expected: "005",
            found: key.chars().take(3).collect(),
        })?;
        let bytes = codec::base64_decode(body)?;
        let mut r = Reader::new(&bytes);
        let service_type = r.u16("service_type")?;
        let signature = r.string("signature")?;
        let app_id = r.bytes("app_id")?.to_vec();
        let unix_ts = r.u32("unix_ts")?;
        let random_int = r.u32("random_int")?;
        let expired_ts = r.u32("expired_ts")?;
        let extra = (0..r.u16("extra count")?)
            .map(|_| Ok((r.u16("extra key")?, r.string("extra value")?)))
            .collect::<Result<Vec<_>>>()?;
        Ok(Key {
            service_type,
            signature,
            app_id,
            unix_ts,
            random_int,
            expired_ts,
            extra,
        })
    }

    /// Checks a v5 key against the certificate, channel name and uid.
    pub fn verify(key: &str, app_certificate: &str, channel_name: &str, uid: u32) -> Result<Key> {
        validate::app_certificate(app_certificate)?;
        let k = parse(key)?;
        let sig = signature(
            k.service_type,
            &k.app_id,
            &raw(app_certificate),
            channel_name,
            k.unix_ts,
            k.random_int,
            uid,
            k.expired_ts,
            &k.extra,
        )?;
        if codec::ct_eq(sig.as_bytes(), k.signature.as_bytes()) {
            Ok(k)
        } else {
            Err(mismatch())
        }
    }
}

/// The Signaling token: `1:app_id:expired_ts:md5(account app_id certificate expired_ts)`.
pub mod signaling {
    use super::*;

    fn digest(account: &str, app_id: &str, app_certificate: &str, expired_ts: u32) -> String {
        let mut h = Md5::new();
        h.update(account.as_bytes());
        h.update(app_id.as_bytes());
        h.update(app_certificate.as_bytes());
        h.update(expired_ts.to_string().as_bytes());
        hex_lower(&h.finalize())
    }

    /// A Signaling token for `account`, expiring at `expired_ts` (absolute).
    ///
    /// ```
    /// let t = token_core::legacy::signaling::token(
    ///     "alice", "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b", 1446455471).unwrap();
    /// assert!(t.starts_with("1:970CA35de60c44645bbae8a215061b33:1446455471:"));
    /// ```
    pub fn token(
        account: &str,
        app_id: &str,
        app_certificate: &str,
        expired_ts: u32,
    ) -> Result<String> {
        check_credentials(app_id, app_certificate)?;
        validate::account("account", account)?;
        let md5 = digest(account, app_id, app_certificate, expired_ts);
        Ok(format!("1:{app_id}:{expired_ts}:{md5}"))
    }

    /// Checks a Signaling token for `account`; returns its expiry timestamp.
    pub fn verify(token: &str, account: &str, app_certificate: &str) -> Result<u32> {
        validate::app_certificate(app_certificate)?;
        let parts: Vec<&str> = token.split(':').collect();
        let [version, app_id, expired, md5] = parts[..] else {
            return Err(Error::malformed(
                "a Signaling token has four ':'-separated parts",
            ));
        };
        if version != "1" {
            return Err(Error::WrongVersion {
                expected: "1",
                found: version.chars().take(3).collect(),
            });
        }
        let expired_ts: u32 = expired
            .parse()
            .map_err(|_| Error::malformed("expired_ts: not a number"))?;
        let expected = digest(account, app_id, app_certificate, expired_ts);
        if codec::ct_eq(expected.as_bytes(), md5.as_bytes()) && expired_ts.to_string() == expired {
            Ok(expired_ts)
        } else {
            Err(mismatch())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
    const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";
    const CHANNEL: &str = "7d72365eb983485397e3e3f9d460bdda";

    #[test]
    fn round_trips() {
        let k3 = dynamic_key3::generate(
            APP_ID, CERT, CHANNEL, 1446455472, 58964981, 2882341273, 1446455471,
        )
        .unwrap();
        assert_eq!(
            dynamic_key3::verify(&k3, CERT, CHANNEL).unwrap().uid,
            Some(2882341273)
        );
        assert!(dynamic_key3::verify(&k3, CERT, "other").is_err());

        use dynamic_key4::Kind as K4;
        let k4 = dynamic_key4::generate(K4::Recording, APP_ID, CERT, CHANNEL, 1, 2, 3, 4).unwrap();
        assert!(dynamic_key4::verify(&k4, K4::Recording, CERT, CHANNEL, 3).is_ok());
        assert!(dynamic_key4::verify(&k4, K4::MediaChannel, CERT, CHANNEL, 3).is_err());

        use dynamic_key5::Kind as K5;
        let k5 = dynamic_key5::generate(
            K5::InChannelPermission,
            APP_ID,
            CERT,
            CHANNEL,
            1,
            2,
            3,
            4,
            Some("3"),
        )
        .unwrap();
        assert_eq!(
            dynamic_key5::verify(&k5, CERT, CHANNEL, 3).unwrap().extra,
            vec![(1, "3".to_string())]
        );
        assert!(dynamic_key5::verify(&k5, CERT, CHANNEL, 4).is_err());
        assert!(dynamic_key5::generate(
            K5::InChannelPermission,
            APP_ID,
            CERT,
            CHANNEL,
            1,
            2,
            3,
            4,
            None
        )
        .is_err());

        let s = signaling::token("alice", APP_ID, CERT, 99).unwrap();
        assert_eq!(signaling::verify(&s, "alice", CERT).unwrap(), 99);
        assert!(signaling::verify(&s, "bob", CERT).is_err());
        assert!(signaling::verify("1:2:3", "bob", CERT).is_err());
    }
}
