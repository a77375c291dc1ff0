//! Caller authentication: API keys (stored as SHA-256) and JWTs, each tied
//! to a [`Policy`].
//!
//! Both arrive as `Authorization: Bearer <credential>`: a credential with
//! three dot-separated parts is read as a JWT when JWT verification is on,
//! anything else as an API key. Authentication is off when no key and no JWT
//! key is configured; every caller is then anonymous under the `default`
//! policy.

mod jwt;
mod policy;

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use axum::http::{header, HeaderMap};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use sha2::{Digest, Sha256};

pub use jwt::{sign_hs256, JwtAlgorithm, JwtClaims, JwtConfig};
pub use policy::{glob_match, Grant, Kind, Operation, Policy};

/// A configured API key: its name, the SHA-256 of the key, its policy.
#[derive(Clone)]
pub struct ApiKey {
    /// Name, shown in logs and metrics instead of the key.
    pub name: Arc<str>,
    /// SHA-256 of the key text.
    pub sha256: [u8; 32],
    /// What the key may ask for.
    pub policy: Arc<Policy>,
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiKey")
            .field("name", &self.name)
            .field("sha256", &"<redacted>")
            .field("policy", &self.policy)
            .finish()
    }
}

/// A new random API key (`atk_` and 43 base64url characters: 256 bits) and
/// the lowercase hex SHA-256 to put in the configuration.
pub fn generate_api_key() -> (String, String) {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).expect("the operating system has no random source");
    let key = format!("atk_{}", URL_SAFE_NO_PAD.encode(bytes));
    let hash = hash_key(&key);
    (key, token_core::codec::hex_lower(&hash))
}

/// SHA-256 of an API key. API keys are random 256-bit values, so a fast hash
/// is enough (a password hash would only slow every request down).
pub fn hash_key(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

/// Who is calling, once authenticated.
#[derive(Debug, Clone)]
pub enum Caller {
    /// Authentication is off.
    Anonymous {
        /// The `default` policy.
        policy: Arc<Policy>,
    },
    /// An API key.
    ApiKey {
        /// The key's name.
        name: Arc<str>,
        /// The key's policy.
        policy: Arc<Policy>,
    },
    /// A verified JWT.
    Jwt {
        /// `jwt:<sub>` (or `jwt` without a subject).
        name: Arc<str>,
        /// The binding claims.
        claims: JwtClaims,
        /// The JWT policy.
        policy: Arc<Policy>,
    },
}

impl Caller {
    /// The caller's name for logs: `anonymous`, the key name or `jwt:<sub>`.
    pub fn name(&self) -> &str {
        match self {
            Caller::Anonymous { .. } => "anonymous",
            Caller::ApiKey { name, .. } | Caller::Jwt { name, .. } => name,
        }
    }

    /// The key of the per-caller rate limit (none for anonymous callers).
    pub fn rate_key(&self) -> Option<&Arc<str>> {
        match self {
            Caller::Anonymous { .. } => None,
            Caller::ApiKey { name, .. } | Caller::Jwt { name, .. } => Some(name),
        }
    }

    /// The caller's policy.
    pub fn policy(&self) -> &Policy {
        match self {
            Caller::Anonymous { policy }
            | Caller::ApiKey { policy, .. }
            | Caller::Jwt { policy, .. } => policy,
        }
    }

    /// `Ok` when the caller may have what the grant describes: within its
    /// policy and, for a JWT, bound by its claims.
    pub fn authorize(&self, grant: &Grant) -> Result<(), String> {
        self.policy().allows(grant)?;
        match self {
            Caller::Jwt { claims, .. } => claims.binds(grant),
            _ => Ok(()),
        }
    }
}

/// Checks credentials against the configured keys and JWT settings.
#[derive(Debug, Clone)]
pub struct Authenticator {
    keys: HashMap<[u8; 32], (Arc<str>, Arc<Policy>)>,
    jwt: Option<JwtConfig>,
    anonymous: Arc<Policy>,
}

impl Authenticator {
    /// An authenticator for these keys and JWT settings; `anonymous` is the
    /// policy of callers when both are empty.
    pub fn new(keys: &[ApiKey], jwt: Option<JwtConfig>, anonymous: Arc<Policy>) -> Self {
        Authenticator {
            keys: keys
                .iter()
                .map(|k| (k.sha256, (k.name.clone(), k.policy.clone())))
                .collect(),
            jwt,
            anonymous,
        }
    }

    /// True when callers must authenticate.
    pub fn enabled(&self) -> bool {
        !self.keys.is_empty() || self.jwt.is_some()
    }

    /// The caller, or why the credentials are refused (for a 401 reply).
    pub fn authenticate(&self, headers: &HeaderMap, now: u64) -> Result<Caller, String> {
        if !self.enabled() {
            return Ok(Caller::Anonymous {
                policy: self.anonymous.clone(),
            });
        }
        let value = headers
            .get(header::AUTHORIZATION)
            .ok_or("missing credentials: send Authorization: Bearer <API key or JWT>")?;
        let value = value
            .to_str()
            .map_err(|_| "malformed Authorization header")?;
        let (scheme, credential) = value
            .split_once(' ')
            .ok_or("malformed Authorization header: expected \"Bearer <credential>\"")?;
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err("unsupported Authorization scheme: use Bearer".into());
        }
        let credential = credential.trim();
        if credential.is_empty() {
            return Err("empty bearer credential".into());
        }
        let looks_like_jwt = credential.bytes().filter(|&b| b == b'.').count() == 2;
        if looks_like_jwt {
            if let Some(jwt) = &self.jwt {
                let claims = jwt.verify(credential, now)?;
                let name: Arc<str> = match &claims.subject {
                    Some(sub) => format!("jwt:{}", truncate(sub, 64)).into(),
                    None => "jwt".into(),
                };
                return Ok(Caller::Jwt {
                    name,
                    claims,
                    policy: jwt.policy.clone(),
                });
            }
        }
        match self.keys.get(&hash_key(credential)) {
            Some((name, policy)) => Ok(Caller::ApiKey {
                name: name.clone(),
                policy: policy.clone(),
            }),
            None if looks_like_jwt && self.jwt.is_none() => {
                Err("JWT authentication is not enabled on this server".into())
            }
            None => Err("unknown API key".into()),
        }
    }
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn api_keys() {
        let (key, hex) = generate_api_key();
        assert!(key.starts_with("atk_") && key.len() == 47 && hex.len() == 64);
        let mut sha256 = [0u8; 32];
        sha256.copy_from_slice(&token_core::codec::hex_decode(&hex).unwrap());
        let auth = Authenticator::new(
            &[ApiKey {
                name: "web".into(),
                sha256,
                policy: Arc::new(Policy::default()),
            }],
            None,
            Arc::new(Policy::default()),
        );
        let mut h = HeaderMap::new();
        assert!(auth.authenticate(&h, 0).unwrap_err().contains("missing"));
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(&format!("Bearer {key}")).unwrap(),
        );
        assert_eq!(auth.authenticate(&h, 0).unwrap().name(), "web");
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("bearer nope"),
        );
        assert_eq!(auth.authenticate(&h, 0).unwrap_err(), "unknown API key");
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert!(auth.authenticate(&h, 0).unwrap_err().contains("scheme"));
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer a.b.c"),
        );
        assert!(auth
            .authenticate(&h, 0)
            .unwrap_err()
            .contains("not enabled"));
    }

    #[test]
    fn off_means_anonymous() {
        let auth = Authenticator::new(&[], None, Arc::new(Policy::default()));
        assert!(!auth.enabled());
        assert_eq!(
            auth.authenticate(&HeaderMap::new(), 0).unwrap().name(),
            "anonymous"
        );
    }
}
