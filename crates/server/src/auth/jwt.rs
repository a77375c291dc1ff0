//! JWT (RFC 7519) verification: HS256 with a shared secret or RS256 with a
//! public key. The algorithm is fixed by configuration, never taken from the
//! token's header, so `alg: none` and HS256-with-the-public-key tricks fail.

use std::sync::Arc;
use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::pkcs8::DecodePublicKey;
use rsa::signature::Verifier;
use rsa::traits::PublicKeyParts;
use rsa::RsaPublicKey;
use serde::Deserialize;
use serde_json::Value;
use sha2::Sha256;

use token_core::scope::Subject;

use super::policy::{glob_match, Grant, Policy};
use crate::secret::Secret;

/// Longest JWT accepted, in bytes.
const MAX_JWT_BYTES: usize = 8 * 1024;

/// Smallest RS256 modulus accepted, in bits (RFC 7518 §3.3).
const MIN_RSA_BITS: usize = 2048;

/// The signature algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
pub enum JwtAlgorithm {
    /// HMAC-SHA256 with a shared secret.
    #[serde(rename = "HS256")]
    #[value(name = "HS256")]
    Hs256,
    /// RSASSA-PKCS1-v1_5 with SHA-256 and a public key.
    #[serde(rename = "RS256")]
    #[value(name = "RS256")]
    Rs256,
}

impl JwtAlgorithm {
    fn as_str(self) -> &'static str {
        match self {
            JwtAlgorithm::Hs256 => "HS256",
            JwtAlgorithm::Rs256 => "RS256",
        }
    }
}

#[derive(Clone)]
enum Key {
    Hs256(Secret),
    Rs256(Box<VerifyingKey<Sha256>>),
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Key::Hs256(_) => f.write_str("Hs256(<redacted>)"),
            Key::Rs256(_) => f.write_str("Rs256(<public key>)"),
        }
    }
}

/// JWT verification settings.
#[derive(Debug, Clone)]
pub struct JwtConfig {
    algorithm: JwtAlgorithm,
    key: Key,
    /// Required `iss`, if set.
    pub issuer: Option<String>,
    /// Required audience, if set.
    pub audience: Option<String>,
    /// Clock leeway for `exp` and `nbf`.
    pub leeway: Duration,
    /// Policy for JWT callers.
    pub policy: Arc<Policy>,
}

/// The claims a verified JWT binds a request to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JwtClaims {
    /// `sub`, if any (names the caller in logs and rate limits).
    pub subject: Option<String>,
    /// `channel`: the one channel name the caller may ask for, literally
    /// (`?` and `*` are channel characters here, not patterns).
    pub channel: Option<String>,
    /// `channel_pattern`: channel names the caller may ask for, where `*`
    /// matches any run of characters and `?` one character.
    pub channel_pattern: Option<String>,
    /// `uid` (as decimal text) and/or `account`: the users the caller may ask for.
    pub users: Vec<String>,
    /// `any_user: true`: the caller may ask for a token for uid 0, which
    /// admits any user. No uid or account claim stands for it.
    pub any_user: bool,
    /// `app: true`: the caller may ask for app-level tokens (Chat app,
    /// APaaS app), which act for the whole app.
    pub app: bool,
}

impl JwtClaims {
    /// `Ok` when every channel and user of the grant is bound by a claim.
    pub fn binds(&self, grant: &Grant) -> Result<(), String> {
        let scope = &grant.scope;
        for c in &scope.channels {
            let literal = self.channel.as_deref() == Some(c.as_str());
            let pattern = self
                .channel_pattern
                .as_deref()
                .is_some_and(|p| glob_match(p, c));
            if literal || pattern {
                continue;
            }
            return Err(
                if self.channel.is_none() && self.channel_pattern.is_none() {
                    "the JWT has no \"channel\" or \"channel_pattern\" claim, so it cannot ask for a channel"
                    .into()
                } else {
                    format!(
                        "channel {c:?} is not the JWT's \"channel\" (or \"channel_pattern\") claim"
                    )
                },
            );
        }
        for user in &scope.users {
            match user {
                Subject::Any if !self.any_user => return Err(
                    "a token for uid 0 admits any user: the JWT needs an \"any_user\": true claim"
                        .into(),
                ),
                Subject::User(_) if self.users.is_empty() => {
                    return Err(
                        "the JWT has no \"uid\" or \"account\" claim, so it cannot ask for a user"
                            .into(),
                    )
                }
                Subject::User(u) if !self.users.contains(u) => {
                    return Err(format!(
                        "user {u:?} is not the JWT's \"uid\" or \"account\" claim"
                    ))
                }
                _ => {}
            }
        }
        if scope.app_level && !self.app {
            return Err(
                "an app-level token (Chat or APaaS app) needs an \"app\": true claim in the JWT"
                    .into(),
            );
        }
        Ok(())
    }
}

impl JwtConfig {
    /// Settings for `algorithm`: HS256 needs `secret` (at least 32 bytes,
    /// RFC 7518 §3.2), RS256 a PEM public key (SPKI or PKCS#1).
    pub fn new(
        algorithm: JwtAlgorithm,
        secret: Option<Secret>,
        public_key_pem: Option<String>,
        issuer: Option<String>,
        audience: Option<String>,
        leeway: Duration,
        policy: Arc<Policy>,
    ) -> Result<JwtConfig, String> {
        let key = match algorithm {
            JwtAlgorithm::Hs256 => {
                let secret =
                    secret.ok_or("JWT HS256: no secret (JWT_HS256_SECRET or a secret file)")?;
                if secret.expose().len() < 32 {
                    return Err("JWT HS256: the secret must be at least 32 bytes".into());
                }
                Key::Hs256(secret)
            }
            JwtAlgorithm::Rs256 => {
                let pem = public_key_pem.ok_or("JWT RS256: no public key file")?;
                let key = RsaPublicKey::from_public_key_pem(pem.trim())
                    .or_else(|_| RsaPublicKey::from_pkcs1_pem(pem.trim()))
                    .map_err(|_| {
                        "JWT RS256: the public key is not a PEM RSA public key \
                         (BEGIN PUBLIC KEY or BEGIN RSA PUBLIC KEY)"
                            .to_string()
                    })?;
                // RFC 7518 §3.3: RS256 keys of 2048 bits or more.
                let bits = key.n().bits();
                if bits < MIN_RSA_BITS {
                    return Err(format!(
                        "JWT RS256: the public key has {bits} bits; at least {MIN_RSA_BITS} are required"
                    ));
                }
                Key::Rs256(Box::new(VerifyingKey::<Sha256>::new(key)))
            }
        };
        Ok(JwtConfig {
            algorithm,
            key,
            issuer,
            audience,
            leeway,
            policy,
        })
    }

    /// The configured algorithm.
    pub fn algorithm(&self) -> JwtAlgorithm {
        self.algorithm
    }

    /// Verifies a compact JWT at time `now` (seconds since the epoch) and
    /// returns its binding claims, or why it is refused.
    pub fn verify(&self, token: &str, now: u64) -> Result<JwtClaims, String> {
        if token.len() > MAX_JWT_BYTES {
            return Err("JWT too long".into());
        }
        let mut parts = token.split('.');
        let (Some(h64), Some(p64), Some(s64), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err("malformed JWT (expected three base64url parts)".into());
        };
        let header: Value = decode_json(h64, "header")?;
        let alg = header.get("alg").and_then(Value::as_str).unwrap_or("");
        if alg != self.algorithm.as_str() {
            return Err(format!(
                "JWT algorithm {alg:?} is not the configured {}",
                self.algorithm.as_str()
            ));
        }
        if header.get("crit").is_some() {
            return Err("JWT header \"crit\" is not supported".into());
        }
        let signature = URL_SAFE_NO_PAD
            .decode(s64)
            .map_err(|_| "malformed JWT signature".to_string())?;
        let signed = &token[..h64.len() + 1 + p64.len()];
        let good = match &self.key {
            Key::Hs256(secret) => {
                let mut mac = Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes())
                    .map_err(|_| "JWT HS256 key unusable".to_string())?;
                mac.update(signed.as_bytes());
                mac.verify_slice(&signature).is_ok()
            }
            Key::Rs256(key) => Signature::try_from(signature.as_slice())
                .map(|sig| key.verify(signed.as_bytes(), &sig).is_ok())
                .unwrap_or(false),
        };
        if !good {
            return Err("JWT signature does not verify".into());
        }
        let claims: Value = decode_json(p64, "claims")?;
        self.check_claims(&claims, now)
    }

    fn check_claims(&self, claims: &Value, now: u64) -> Result<JwtClaims, String> {
        let leeway = self.leeway.as_secs() as f64;
        let now = now as f64;
        let exp = claims
            .get("exp")
            .and_then(Value::as_f64)
            .ok_or("the JWT has no numeric \"exp\" claim")?;
        if now > exp + leeway {
            return Err("the JWT has expired".into());
        }
        if let Some(nbf) = claims.get("nbf") {
            let nbf = nbf
                .as_f64()
                .ok_or("the JWT \"nbf\" claim is not a number")?;
            if now + leeway < nbf {
                return Err("the JWT is not valid yet (nbf)".into());
            }
        }
        if let Some(want) = &self.issuer {
            if claims.get("iss").and_then(Value::as_str) != Some(want) {
                return Err("the JWT issuer (iss) is not the configured one".into());
            }
        }
        if let Some(want) = &self.audience {
            let ok = match claims.get("aud") {
                Some(Value::String(a)) => a == want,
                Some(Value::Array(list)) => list.iter().any(|a| a.as_str() == Some(want)),
                _ => false,
            };
            if !ok {
                return Err("the JWT audience (aud) does not include this server".into());
            }
        }
        let str_claim = |name: &str| -> Result<Option<String>, String> {
            match claims.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(format!("the JWT \"{name}\" claim is not a string")),
            }
        };
        let mut users = Vec::new();
        match claims.get("uid") {
            None | Some(Value::Null) => {}
            Some(v) => {
                let uid = v
                    .as_u64()
                    .or_else(|| v.as_str().and_then(|s| s.parse::<u64>().ok()))
                    .filter(|&u| u <= u32::MAX as u64)
                    .ok_or("the JWT \"uid\" claim is not a uid (0 to 4294967295)")?;
                users.push(uid.to_string());
            }
        }
        if let Some(account) = str_claim("account")? {
            if account.is_empty() {
                return Err("the JWT \"account\" claim is empty".into());
            }
            users.push(account);
        }
        let bool_claim = |name: &str| -> Result<bool, String> {
            match claims.get(name) {
                None | Some(Value::Null) => Ok(false),
                Some(Value::Bool(b)) => Ok(*b),
                Some(_) => Err(format!("the JWT \"{name}\" claim is not true or false")),
            }
        };
        Ok(JwtClaims {
            subject: str_claim("sub")?,
            channel: str_claim("channel")?,
            channel_pattern: str_claim("channel_pattern")?,
            users,
            any_user: bool_claim("any_user")?,
            app: bool_claim("app")?,
        })
    }
}

fn decode_json(part: &str, what: &str) -> Result<Value, String> {
    let bytes = URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| format!("malformed JWT {what} (not base64url)"))?;
    let value: Value =
        serde_json::from_slice(&bytes).map_err(|_| format!("malformed JWT {what} (not JSON)"))?;
    if value.is_object() {
        Ok(value)
    } else {
        Err(format!("malformed JWT {what} (not a JSON object)"))
    }
}

/// Makes an HS256 JWT: for tests, and for whoever needs a JWT this server
/// accepts without an identity provider (the secret is the server's).
pub fn sign_hs256(secret: &[u8], claims: &Value) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signed = format!("{header}.{payload}");
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(signed.as_bytes());
    let sig = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    format!("{signed}.{sig}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    fn hs() -> JwtConfig {
        JwtConfig::new(
            JwtAlgorithm::Hs256,
            Some(Secret::new(SECRET)),
            None,
            Some("me".into()),
            Some("agora".into()),
            Duration::from_secs(30),
            Arc::new(Policy::default()),
        )
        .unwrap()
    }

    #[test]
    fn hs256_round_trip_and_claims() {
        let t = sign_hs256(
            SECRET.as_bytes(),
            &json!({"exp": 2000, "iss": "me", "aud": ["x", "agora"], "sub": "s", "channel": "room-?", "uid": 42, "account": "bob"}),
        );
        let c = hs().verify(&t, 1000).unwrap();
        assert_eq!(c.subject.as_deref(), Some("s"));
        assert_eq!(c.users, ["42", "bob"]);
        // "channel" is literal: "room-?" is that channel name, not a pattern.
        assert!(c.binds(&rtc("room-?", 42)).is_ok());
        assert!(c.binds(&rtc("room-1", 42)).unwrap_err().contains("room-1"));
        assert!(c.binds(&rtc("room-?", 43)).unwrap_err().contains("43"));
        let p = JwtClaims {
            channel_pattern: Some("room-*".into()),
            ..c.clone()
        };
        assert!(p.binds(&rtc("room-1", 42)).is_ok());
    }

    fn rtc(channel: &str, uid: u32) -> Grant {
        use token_core::builder::rtc::{with_uid, Role};
        let t = with_uid(
            "970CA35de60c44645bbae8a215061b33",
            channel,
            uid,
            Role::Publisher,
            60,
            60,
        );
        Grant::of(None, [&t.unwrap()])
    }

    #[test]
    fn uid_zero_and_app_tokens_need_their_own_claims() {
        // The account "0" is not the wildcard uid 0, and "??????" is not a
        // pattern.
        let c = JwtClaims {
            channel: Some("??????".into()),
            users: vec!["0".into()],
            ..Default::default()
        };
        assert!(c.binds(&rtc("??????", 0)).unwrap_err().contains("any_user"));
        assert!(c.binds(&rtc("abcdef", 7)).unwrap_err().contains("abcdef"));
        let any = JwtClaims {
            any_user: true,
            ..c.clone()
        };
        assert!(any.binds(&rtc("??????", 0)).is_ok());
        let app = token_core::builder::chat::app_token("970CA35de60c44645bbae8a215061b33", 60);
        let g = Grant::of(None, [&app.unwrap()]);
        assert!(c.binds(&g).unwrap_err().contains("\"app\""));
        assert!(JwtClaims { app: true, ..c }.binds(&g).is_ok());
        let empty = sign_hs256(
            SECRET.as_bytes(),
            &json!({"exp": 2000, "iss": "me", "aud": "agora", "account": ""}),
        );
        assert!(hs().verify(&empty, 1000).unwrap_err().contains("empty"));
        let not_bool = sign_hs256(
            SECRET.as_bytes(),
            &json!({"exp": 2000, "iss": "me", "aud": "agora", "app": "yes"}),
        );
        assert!(hs()
            .verify(&not_bool, 1000)
            .unwrap_err()
            .contains("\"app\""));
    }

    #[test]
    fn refusals() {
        let cfg = hs();
        let claims = json!({"exp": 2000, "iss": "me", "aud": "agora"});
        let good = sign_hs256(SECRET.as_bytes(), &claims);
        assert!(cfg.verify(&good, 2029).is_ok());
        assert!(cfg.verify(&good, 2031).unwrap_err().contains("expired"));
        let forged = sign_hs256(b"another secret of enough length!!", &claims);
        assert!(cfg.verify(&forged, 1000).unwrap_err().contains("signature"));
        let wrong_iss = sign_hs256(
            SECRET.as_bytes(),
            &json!({"exp": 2000, "iss": "x", "aud": "agora"}),
        );
        assert!(cfg.verify(&wrong_iss, 1000).unwrap_err().contains("iss"));
        let no_exp = sign_hs256(SECRET.as_bytes(), &json!({"iss": "me", "aud": "agora"}));
        assert!(cfg.verify(&no_exp, 1000).unwrap_err().contains("exp"));
        // alg "none" with an empty signature.
        let none = format!(
            "{}.{}.",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        assert!(cfg.verify(&none, 1000).unwrap_err().contains("algorithm"));
        assert!(cfg.verify("a.b", 1000).is_err());
        assert!(cfg.verify("!!.!!.!!", 1000).is_err());
        let early = sign_hs256(
            SECRET.as_bytes(),
            &json!({"exp": 9000, "nbf": 5000, "iss": "me", "aud": "agora"}),
        );
        assert!(cfg.verify(&early, 1000).unwrap_err().contains("nbf"));
    }

    #[test]
    fn small_rsa_keys_refused() {
        let rs = |pem: &str| {
            JwtConfig::new(
                JwtAlgorithm::Rs256,
                None,
                Some(pem.into()),
                None,
                None,
                Duration::ZERO,
                Arc::new(Policy::default()),
            )
        };
        assert!(rs(include_str!("../../tests/fixtures/rs256-test-public.pem")).is_ok());
        let e = rs(include_str!("../../tests/fixtures/rs256-1024-public.pem")).unwrap_err();
        assert!(e.contains("1024 bits; at least 2048"), "{e}");
    }

    #[test]
    fn short_secret_refused() {
        let e = JwtConfig::new(
            JwtAlgorithm::Hs256,
            Some(Secret::new("short")),
            None,
            None,
            None,
            Duration::ZERO,
            Arc::new(Policy::default()),
        )
        .unwrap_err();
        assert!(e.contains("32 bytes") && !e.contains("short"));
    }
}
