//! AccessToken2, the "007" token: build, parse, verify.
//!
//! Layout (from the official AccessToken2 sources):
//!
//! ```text
//! token        = "007" base64( zlib( content ) )
//! content      = string(signature) signing_info
//! signing_info = string(app_id) u32(issue_ts) u32(expire) u32(salt)
//!                u16(service count) service*      ; sorted by type, stable
//! signing key  = HMAC(key = u32(salt), HMAC(key = u32(issue_ts), app_certificate))
//! signature    = HMAC-SHA256(key = signing key, signing_info)
//! ```
//!
//! `expire` and every privilege expire are seconds after `issue_ts`.

use crate::codec;
use crate::error::{Error, Result};
use crate::service::Service;
use crate::validate;
use crate::wire::{len_u16, Reader, Writer};

/// The version prefix of AccessToken2.
pub const VERSION: &str = "007";

/// An AccessToken2 before signing (or after parsing).
///
/// ```
/// use token_core::service::{Rtc, Service};
/// use token_core::v007::{self, AccessToken2};
///
/// let mut token = AccessToken2::new("970CA35de60c44645bbae8a215061b33", 600);
/// let mut rtc = Rtc { channel_name: "demo".into(), uid: "42".into(), ..Default::default() };
/// rtc.privileges.add(Rtc::JOIN_CHANNEL, 600);
/// token.add_service(rtc);
/// let text = token.build("5CFd2fd1755d40ecb72977518be15d3b").unwrap();
/// assert!(text.starts_with("007"));
/// let parsed = v007::verify(&text, "5CFd2fd1755d40ecb72977518be15d3b").unwrap();
/// assert_eq!(parsed.token.services, token.services);
/// ```
#[derive(Debug, Clone)]
pub struct AccessToken2 {
    /// The app ID (32 hex characters).
    pub app_id: String,
    /// Issue time, seconds since the Unix epoch.
    pub issue_ts: u32,
    /// Token lifetime in seconds after `issue_ts`.
    pub expire: u32,
    /// Random salt.
    pub salt: u32,
    /// Services in the order they were added; packing sorts them by type.
    pub services: Vec<Service>,
    /// The issue time and salt were given ([`AccessToken2::with_issue`],
    /// [`AccessToken2::pin`] with both) or read from a token, not drawn:
    /// the token's string is then predictable, and [`AccessToken2::build`]
    /// writes zlib's own bytes for it.
    reproducible: bool,
}

/// Two tokens are equal when their fields are (however their issue time and
/// salt were set).
impl PartialEq for AccessToken2 {
    fn eq(&self, other: &Self) -> bool {
        (
            &self.app_id,
            self.issue_ts,
            self.expire,
            self.salt,
            &self.services,
        ) == (
            &other.app_id,
            other.issue_ts,
            other.expire,
            other.salt,
            &other.services,
        )
    }
}

impl Eq for AccessToken2 {}

impl AccessToken2 {
    /// A token issued now with a fresh random salt and no service.
    pub fn new(app_id: impl Into<String>, expire: u32) -> Self {
        AccessToken2 {
            app_id: app_id.into(),
            issue_ts: codec::now(),
            expire,
            salt: codec::random_salt(),
            services: Vec::new(),
            reproducible: false,
        }
    }

    /// Fixes the issue time and salt (for reproducible tokens in tests).
    ///
    /// ```
    /// use token_core::builder::rtc::{self, Role};
    /// let a = rtc::with_uid("970CA35de60c44645bbae8a215061b33", "demo", 42, Role::Publisher, 600, 600)
    ///     .unwrap().with_issue(1_700_000_000, 1);
    /// assert_eq!((a.issue_ts, a.salt), (1_700_000_000, 1));
    /// ```
    pub fn with_issue(mut self, issue_ts: u32, salt: u32) -> Self {
        self.issue_ts = issue_ts;
        self.salt = salt;
        self.reproducible = true;
        self
    }

    /// Pins what a caller gave of the issue time and salt: each `Some`
    /// replaces the token's own value (now, a random salt), each `None` keeps
    /// it. How every surface applies its optional issue ts and salt
    /// arguments before signing.
    ///
    /// ```
    /// use token_core::builder::chat;
    /// let t = chat::app_token("970CA35de60c44645bbae8a215061b33", 600)?;
    /// let salt = t.salt;
    /// let pinned = t.pin(Some(1_700_000_000), None);
    /// assert_eq!((pinned.issue_ts, pinned.salt), (1_700_000_000, salt));
    /// # Ok::<(), token_core::Error>(())
    /// ```
    pub fn pin(mut self, issue_ts: Option<u32>, salt: Option<u32>) -> Self {
        if let (Some(issue_ts), Some(salt)) = (issue_ts, salt) {
            return self.with_issue(issue_ts, salt);
        }
        self.issue_ts = issue_ts.unwrap_or(self.issue_ts);
        self.salt = salt.unwrap_or(self.salt);
        self
    }

    /// Adds a service. Services of the same type may repeat; they are packed
    /// in the order they were added.
    pub fn add_service(&mut self, service: impl Into<Service>) -> &mut Self {
        self.services.push(service.into());
        self
    }

    /// The first service of `service_type`, if any.
    pub fn service(&self, service_type: u16) -> Option<&Service> {
        self.services
            .iter()
            .find(|s| s.service_type() == service_type)
    }

    /// When the token expires (`issue_ts + expire`), seconds since the epoch.
    pub fn expires_at(&self) -> u64 {
        self.issue_ts as u64 + self.expire as u64
    }

    /// When the token stops being valid, or `None` for an expire of `0`,
    /// read as "no limit" like a privilege expire of `0` (the official FPA
    /// builder relies on that for its login privilege).
    ///
    /// ```
    /// let t = token_core::v007::AccessToken2::new("970CA35de60c44645bbae8a215061b33", 60).with_issue(100, 1);
    /// assert_eq!(t.expiry(), Some(160));
    /// let mut never = t.clone();
    /// never.expire = 0;
    /// assert_eq!(never.expiry(), None);
    /// ```
    pub fn expiry(&self) -> Option<u64> {
        crate::service::expires_at(self.issue_ts.into(), self.expire)
    }

    /// The signed bytes: app ID, times, salt and services.
    pub fn signing_info(&self) -> Result<Vec<u8>> {
        let mut w = Writer::with_capacity(128);
        self.pack_signing_info(&mut w)?;
        Ok(w.into_vec())
    }

    fn pack_signing_info(&self, w: &mut Writer) -> Result<()> {
        w.string("app_id", &self.app_id)?
            .u32(self.issue_ts)
            .u32(self.expire)
            .u32(self.salt)
            .u16(len_u16("services", self.services.len(), "services")?);
        if self.services.is_sorted_by_key(Service::service_type) {
            // The usual case (every builder adds services in type order):
            // no reordering needed.
            return self.services.iter().try_for_each(|s| s.pack(w));
        }
        // A stable sort keeps repeated types in insertion order, as the
        // official Node builder does.
        let mut order: Vec<&Service> = self.services.iter().collect();
        order.sort_by_key(|s| s.service_type());
        order.into_iter().try_for_each(|s| s.pack(w))
    }

    /// The uncompressed token content: `string(signature) signing_info`.
    ///
    /// Checks the app ID and certificate (32 hex characters each) and that
    /// there is at least one service, as the official builders do.
    pub fn content(&self, app_certificate: &str) -> Result<Vec<u8>> {
        validate::app_id(&self.app_id)?;
        validate::app_certificate(app_certificate)?;
        if self.services.is_empty() {
            return Err(Error::NoService);
        }
        // The signature (u16 length + 32 bytes) goes first but signs what
        // follows: leave room for it, pack the signing info once, then fill it in.
        const SIGNATURE: usize = 2 + 32;
        let mut w = Writer::with_capacity(160);
        w.raw(&[0; SIGNATURE]);
        self.pack_signing_info(&mut w)?;
        let mut content = w.into_vec();
        let signature = codec::hmac_sha256(
            &signing_key_of_new_token(app_certificate, self.issue_ts, self.salt),
            &content[SIGNATURE..],
        );
        content[..2].copy_from_slice(&32u16.to_le_bytes());
        content[2..SIGNATURE].copy_from_slice(&signature);
        Ok(content)
    }

    /// Signs the token with the app certificate and encodes it.
    ///
    /// A reproducible token (its issue time and salt given, as tests and
    /// snapshots pin them) is compressed exactly as zlib's `compress()` at
    /// level 6 does, so its string is the one Agora's zlib-based packages
    /// (Python, C++, Java, PHP, Ruby) give for the same inputs. A token
    /// issued now with a random salt, whose string nobody can predict, is
    /// compressed by the faster encoder: the same content, the same token to
    /// Agora, another string.
    ///
    /// ```
    /// use token_core::builder::chat;
    /// let cert = "5CFd2fd1755d40ecb72977518be15d3b";
    /// let pinned = chat::app_token("970CA35de60c44645bbae8a215061b33", 600)?.with_issue(1_700_000_000, 1);
    /// let text = pinned.build(cert)?;
    /// let zlib = token_core::codec::base64_decode(&text[3..])?;
    /// assert_eq!(&zlib[..2], &[0x78, 0x9c]); // zlib's header at level 6
    /// # Ok::<(), token_core::Error>(())
    /// ```
    pub fn build(&self, app_certificate: &str) -> Result<String> {
        let content = self.content(app_certificate)?;
        let mut out = String::with_capacity(VERSION.len() + content.len() * 4 / 3 + 8);
        out.push_str(VERSION);
        let compressed = if self.reproducible {
            codec::deflate(&content)
        } else {
            codec::deflate_fast(&content)
        };
        codec::base64_encode_into(&compressed, &mut out);
        Ok(out)
    }
}

/// The key a token is signed with: HMAC(salt, HMAC(issue_ts, certificate)).
fn signing_key(app_certificate: &str, issue_ts: u32, salt: u32) -> [u8; 32] {
    let k = codec::hmac_sha256(&issue_ts.to_le_bytes(), app_certificate.as_bytes());
    codec::hmac_sha256(&salt.to_le_bytes(), &k)
}

/// The first HMAC of [`signing_key`], `HMAC(issue_ts, certificate)`, kept
/// for the last issue time and certificate this thread signed with.
#[derive(Clone, Copy)]
struct IssueKey {
    issue_ts: u32,
    certificate: [u8; 32],
    key: [u8; 32],
}

thread_local! {
    static ISSUE_KEY: std::cell::Cell<Option<IssueKey>> = const { std::cell::Cell::new(None) };
}

/// [`signing_key`] for building: every token issued in the same second with
/// the same certificate shares the first HMAC, so a server signing many
/// tokens a second computes it once per second (and certificate) and each
/// token pays only for its salt's HMAC. Verifying does not use it: the
/// tokens it reads carry times of their own. The certificate is compared in
/// constant time; the kept values never leave the thread.
fn signing_key_of_new_token(app_certificate: &str, issue_ts: u32, salt: u32) -> [u8; 32] {
    let Ok(certificate) = <[u8; 32]>::try_from(app_certificate.as_bytes()) else {
        return signing_key(app_certificate, issue_ts, salt);
    };
    let key = ISSUE_KEY.with(|cell| match cell.get() {
        Some(kept)
            if kept.issue_ts == issue_ts && codec::ct_eq(&kept.certificate, &certificate) =>
        {
            kept.key
        }
        _ => {
            let key = codec::hmac_sha256(&issue_ts.to_le_bytes(), &certificate);
            cell.set(Some(IssueKey {
                issue_ts,
                certificate,
                key,
            }));
            key
        }
    });
    codec::hmac_sha256(&salt.to_le_bytes(), &key)
}

/// A parsed AccessToken2 with what is needed to verify it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedToken {
    /// The decoded fields.
    pub token: AccessToken2,
    /// The signature carried by the token.
    pub signature: Vec<u8>,
    /// A service type this crate does not know, if the token has one. Its
    /// layout is unknown, so the services after it are not read; the ones
    /// before it are in `token.services`. The signature still covers the
    /// whole token, so [`ParsedToken::verify`] works.
    pub unknown_service_type: Option<u16>,
    signing_info: Vec<u8>,
}

impl ParsedToken {
    /// The signed bytes exactly as they are in the token.
    pub fn signing_info(&self) -> &[u8] {
        &self.signing_info
    }

    /// Checks the signature against `app_certificate`.
    pub fn verify(&self, app_certificate: &str) -> Result<()> {
        validate::app_certificate(app_certificate)?;
        let key = signing_key(app_certificate, self.token.issue_ts, self.token.salt);
        let expected = codec::hmac_sha256(&key, &self.signing_info);
        if codec::ct_eq(&expected, &self.signature) {
            Ok(())
        } else {
            Err(Error::SignatureMismatch(
                "does not match the app certificate (wrong certificate or altered token)",
            ))
        }
    }
}

/// The most services [`parse`] reads from one token. The official builders
/// put at most three in a token; the cap bounds what a hostile token that
/// declares thousands of empty services costs to read and to show.
pub const MAX_SERVICES: u16 = 64;

/// Decodes the outer layers: version prefix, base64, zlib. Returns the content.
pub fn decode_content(token: &str) -> Result<Vec<u8>> {
    decode_content_limited(token, codec::MAX_CONTENT_BYTES as usize)
}

fn decode_content_limited(token: &str, max_content_bytes: usize) -> Result<Vec<u8>> {
    let body = token
        .strip_prefix(VERSION)
        .ok_or_else(|| Error::WrongVersion {
            expected: VERSION,
            found: token.chars().take(3).collect(),
        })?;
    codec::inflate_limited(&codec::base64_decode(body)?, max_content_bytes)
}

/// Parses a "007" token. Never panics, whatever the input.
///
/// Refuses as malformed a token whose content inflates past
/// [`codec::MAX_CONTENT_BYTES`], or that declares more than
/// [`MAX_SERVICES`] services, [`crate::service::MAX_PRIVILEGES`] privileges
/// in a service or [`crate::service::MAX_RTM2_RESOURCES`] RTM2 resources.
///
/// ```
/// let err = token_core::v007::parse("006abc").unwrap_err();
/// assert_eq!(err.to_string(), "token: expected version prefix \"007\", found \"006\"");
/// ```
pub fn parse(token: &str) -> Result<ParsedToken> {
    parse_limited(token, codec::MAX_CONTENT_BYTES as usize)
}

/// [`parse`] with a tighter cap on the inflated content: a server passes its
/// request body limit, so a small token cannot make it hold (or answer with)
/// more than that.
///
/// ```
/// use token_core::builder::rtm;
/// let t = rtm::token("970CA35de60c44645bbae8a215061b33", "alice", 60).unwrap()
///     .build("5CFd2fd1755d40ecb72977518be15d3b").unwrap();
/// assert!(token_core::v007::parse_limited(&t, 1024).is_ok());
/// assert_eq!(token_core::v007::parse_limited(&t, 16).unwrap_err().kind(), token_core::ErrorKind::Malformed);
/// ```
pub fn parse_limited(token: &str, max_content_bytes: usize) -> Result<ParsedToken> {
    let content = decode_content_limited(token, max_content_bytes)?;
    let mut r = Reader::new(&content);
    let signature = r.bytes("signature")?.to_vec();
    let app_id = r.string("app_id")?;
    let issue_ts = r.u32("issue_ts")?;
    let expire = r.u32("expire")?;
    let salt = r.u32("salt")?;
    let count = r.u16("service count")?;
    if count > MAX_SERVICES {
        return Err(Error::malformed(format!(
            "service count: {count} services declared, more than the {MAX_SERVICES} this parser reads"
        )));
    }
    let mut services = Vec::with_capacity(count.min(16) as usize);
    let mut unknown_service_type = None;
    for _ in 0..count {
        let t = r.u16("service type")?;
        match Service::unpack(t, &mut r)? {
            Some(s) => services.push(s),
            None => {
                unknown_service_type = Some(t);
                break;
            }
        }
    }
    // The signed bytes are the content after the signature: the content
    // itself with the signature's bytes taken off (no second allocation).
    let mut signing_info = content;
    signing_info.drain(..2 + signature.len());
    Ok(ParsedToken {
        token: AccessToken2 {
            app_id,
            issue_ts,
            expire,
            salt,
            services,
            // Rebuilt, a parsed token keeps its string (for a zlib-made one).
            reproducible: true,
        },
        signature,
        unknown_service_type,
        signing_info,
    })
}

/// Parses `token` and checks its signature against `app_certificate`.
pub fn verify(token: &str, app_certificate: &str) -> Result<ParsedToken> {
    let parsed = parse(token)?;
    parsed.verify(app_certificate)?;
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kept_issue_key_follows_the_time_and_the_certificate() {
        // Alternating certificates and times, repeated, in one thread: each
        // key must be the one computed from scratch (a stale kept key would
        // sign with another certificate or time).
        let certs = [
            "5CFd2fd1755d40ecb72977518be15d3b",
            "5CFd2fd1755d40ecb72977518be15d3c",
        ];
        for round in 0..3u32 {
            for ts in [1_700_000_000, 1_700_000_000, 1_700_000_001] {
                for cert in certs {
                    let salt = round * 7 + 1;
                    assert_eq!(
                        signing_key_of_new_token(cert, ts, salt),
                        signing_key(cert, ts, salt),
                        "{cert} {ts} {salt}"
                    );
                }
            }
        }
        // A certificate of another length (refused before signing) is
        // signed with, not kept.
        assert_eq!(
            signing_key_of_new_token("abc", 1, 2),
            signing_key("abc", 1, 2)
        );
    }

    #[test]
    fn reproducible_tokens_get_zlibs_bytes_and_others_the_fast_encoder() {
        const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";
        let header = |t: &AccessToken2| {
            let text = t.build(CERT).unwrap();
            codec::base64_decode(&text[3..]).unwrap()[..2].to_vec()
        };
        let mut now = AccessToken2::new("970CA35de60c44645bbae8a215061b33", 60);
        now.add_service(crate::service::Chat::app(60));
        assert_eq!(header(&now), [0x78, 0x01]);
        assert_eq!(header(&now.clone().pin(Some(1), None)), [0x78, 0x01]);
        let pinned = now.clone().pin(Some(1), Some(2));
        assert_eq!(header(&pinned), [0x78, 0x9c]);
        assert_eq!(header(&now.clone().with_issue(1, 2)), [0x78, 0x9c]);
        // Equal either way, and a parsed token rebuilds to its own string.
        assert_eq!(pinned, {
            let mut t = now.clone();
            (t.issue_ts, t.salt) = (1, 2);
            t
        });
        let text = pinned.build(CERT).unwrap();
        assert_eq!(parse(&text).unwrap().token.build(CERT).unwrap(), text);
    }

    #[test]
    fn pin_replaces_only_what_is_given() {
        let t = AccessToken2::new("970CA35de60c44645bbae8a215061b33", 60).with_issue(10, 20);
        let kept = t.clone().pin(None, None);
        assert_eq!((kept.issue_ts, kept.salt), (10, 20));
        let both = t.clone().pin(Some(1), Some(2));
        assert_eq!((both.issue_ts, both.salt), (1, 2));
        let salt_only = t.pin(None, Some(3));
        assert_eq!((salt_only.issue_ts, salt_only.salt), (10, 3));
    }
    use crate::service::{Chat, Rtc, Rtm};

    const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
    const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";

    fn sample() -> AccessToken2 {
        let mut t = AccessToken2::new(APP_ID, 900).with_issue(1111111, 1);
        let mut chat = Chat {
            user_id: "u".into(),
            ..Default::default()
        };
        chat.privileges.add(Chat::USER, 900);
        let mut rtm = Rtm {
            user_id: "u".into(),
            ..Default::default()
        };
        rtm.privileges.add(Rtm::LOGIN, 900);
        let rtc = |c: &str| Rtc {
            channel_name: c.into(),
            ..Default::default()
        };
        t.add_service(chat)
            .add_service(rtc("b"))
            .add_service(rtm)
            .add_service(rtc("a"));
        t
    }

    #[test]
    fn services_sorted_by_type_and_stable() {
        let parsed = verify(&sample().build(CERT).unwrap(), CERT).unwrap();
        let names: Vec<_> = parsed
            .token
            .services
            .iter()
            .map(|s| match s {
                Service::Rtc(r) => format!("rtc:{}", r.channel_name),
                other => other.name().to_string(),
            })
            .collect();
        assert_eq!(names, ["rtc:b", "rtc:a", "rtm", "chat"]);
    }

    #[test]
    fn verify_rejects_other_certificate_and_bad_input() {
        let token = sample().build(CERT).unwrap();
        let other = "5CFd2fd1755d40ecb72977518be15d3c";
        assert_eq!(
            verify(&token, other).unwrap_err().kind(),
            crate::ErrorKind::SignatureMismatch
        );
        assert_eq!(
            verify(&token, "short").unwrap_err().kind(),
            crate::ErrorKind::InvalidInput
        );
    }

    #[test]
    fn build_checks_inputs() {
        let mut t = sample();
        assert!(t.build("nothex").is_err());
        t.app_id = "x".into();
        assert!(t
            .build(CERT)
            .unwrap_err()
            .to_string()
            .starts_with("app_id:"));
        let empty = AccessToken2::new(APP_ID, 1);
        assert_eq!(empty.build(CERT).unwrap_err(), Error::NoService);
    }

    #[test]
    fn unknown_service_keeps_the_known_ones_before_it() {
        let t = sample();
        let mut info = t.signing_info().unwrap();
        // Append a service of type 99 and bump the count.
        info.extend_from_slice(&[99, 0, 0, 0]);
        let count_at = 2 + APP_ID.len() + 12;
        info[count_at] += 1;
        let mut w = Writer::default();
        let sig = codec::hmac_sha256(&signing_key(CERT, t.issue_ts, t.salt), &info);
        w.bytes("signature", &sig).unwrap().raw(&info);
        let token = format!("007{}", codec::base64_encode(&codec::deflate(w.as_slice())));
        let parsed = verify(&token, CERT).unwrap();
        assert_eq!(parsed.unknown_service_type, Some(99));
        assert_eq!(parsed.token.services.len(), 4);
    }

    /// A signed token with `services` empty RTC services of `privileges`
    /// privileges each (the amplification attack: building has no cap, so a
    /// ~9 KB token inflates to 655 KB and renders to megabytes).
    fn declared(services: u16, privileges: u16) -> String {
        let mut t = AccessToken2::new(APP_ID, 60).with_issue(1, 1);
        for _ in 0..services {
            t.add_service(Rtc::new("", "", (0..privileges).map(|id| (id, 0))));
        }
        t.build(CERT).unwrap()
    }

    #[test]
    fn parser_caps_services_privileges_and_content() {
        assert_eq!(
            verify(&declared(MAX_SERVICES, 4), CERT)
                .unwrap()
                .token
                .services
                .len(),
            64
        );
        let err = parse(&declared(MAX_SERVICES + 1, 0)).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Malformed);
        assert!(err.to_string().contains("65 services declared"), "{err}");
        // 65,535 empty services inflate to 655 KB: past the content cap.
        let err = parse(&declared(u16::MAX, 0)).unwrap_err();
        assert!(err.to_string().contains("larger than 65536 bytes"), "{err}");
        let err = parse(&declared(1, 33)).unwrap_err();
        assert!(
            err.to_string().contains("privilege count: 33 declared"),
            "{err}"
        );
        // The content cap a server sets from its body limit.
        let t = declared(8, 4);
        let size = decode_content(&t).unwrap().len();
        assert!(parse_limited(&t, size).is_ok());
        assert!(parse_limited(&t, size - 1)
            .unwrap_err()
            .to_string()
            .contains("larger than"));
    }

    #[test]
    fn truncated_content_is_malformed() {
        let content = sample().content(CERT).unwrap();
        for cut in 0..content.len() {
            let token = format!(
                "007{}",
                codec::base64_encode(&codec::deflate(&content[..cut]))
            );
            assert_eq!(
                parse(&token).unwrap_err().kind(),
                crate::ErrorKind::Malformed,
                "cut at {cut}"
            );
        }
    }
}
