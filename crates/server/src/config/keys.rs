//! Caller authentication settings: API keys (only their SHA-256), the JWT
//! verifier and the named policies, each checked before the server starts.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use super::file::{FileApiKey, FileJwt};
use super::{err, ConfigError, Secret};
use crate::auth::{ApiKey, JwtAlgorithm, JwtConfig, Policy};

/// Caller authentication and policies.
#[derive(Debug, Clone, Default)]
pub struct Auth {
    /// API keys (hashed).
    pub api_keys: Vec<ApiKey>,
    /// JWT verification, if enabled.
    pub jwt: Option<JwtConfig>,
    /// Named policies. `default` applies to anonymous callers (when
    /// authentication is off) and to keys without a policy; when it is not
    /// defined, those callers are unrestricted.
    pub policies: BTreeMap<String, Arc<Policy>>,
}

impl Auth {
    /// Authentication is on when at least one API key or a JWT key is set.
    pub fn enabled(&self) -> bool {
        !self.api_keys.is_empty() || self.jwt.is_some()
    }
}

/// Reads a secret from a file, trimming surrounding whitespace (a trailing
/// newline from `echo` or a Kubernetes secret).
pub fn read_secret_file(path: &Path, what: &str) -> Result<String, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| err(format!("cannot read {what} file {}: {e}", path.display())))?;
    Ok(text.trim().to_string())
}

/// Parses `NAME=HEX[@POLICY]` (the form of `--api-key-hash` and
/// `API_KEY_HASHES`).
pub fn parse_key_spec(spec: &str) -> Result<FileApiKey, ConfigError> {
    let (name, rest) = spec.split_once('=').ok_or_else(|| {
        err(format!(
            "API key hash {spec:?}: expected NAME=SHA256HEX[@POLICY]"
        ))
    })?;
    let (hash, policy) = match rest.split_once('@') {
        Some((h, p)) => (h, Some(p.to_string())),
        None => (rest, None),
    };
    Ok(FileApiKey {
        name: name.trim().to_string(),
        sha256: hash.trim().to_string(),
        policy,
    })
}

/// Turns file entries into [`ApiKey`]s, checking names, hashes and policies.
pub fn api_keys(
    entries: &[FileApiKey],
    policies: &BTreeMap<String, Arc<Policy>>,
) -> Result<Vec<ApiKey>, ConfigError> {
    let mut out: Vec<ApiKey> = Vec::with_capacity(entries.len());
    for e in entries {
        if e.name.is_empty() || e.name.len() > 64 {
            return Err(err("API key name: must be 1 to 64 characters"));
        }
        let hash = token_core::codec::hex_decode(&e.sha256)
            .filter(|b| b.len() == 32)
            .ok_or_else(|| {
                err(format!(
                    "API key {:?}: sha256 must be 64 hexadecimal characters (the SHA-256 of the key, \
                     see --generate-api-key)",
                    e.name
                ))
            })?;
        let mut sha256 = [0u8; 32];
        sha256.copy_from_slice(&hash);
        if out.iter().any(|k| k.name.as_ref() == e.name) {
            return Err(err(format!("API key {:?}: name used twice", e.name)));
        }
        if out.iter().any(|k| k.sha256 == sha256) {
            return Err(err(format!(
                "API key {:?}: same key as another entry",
                e.name
            )));
        }
        let policy = policy_ref(
            e.policy.as_deref(),
            policies,
            &format!("API key {:?}", e.name),
        )?;
        out.push(ApiKey {
            name: e.name.as_str().into(),
            sha256,
            policy,
        });
    }
    Ok(out)
}

/// Looks a policy up by name; `None` means `default`, which may be absent
/// (unrestricted).
pub fn policy_ref(
    name: Option<&str>,
    policies: &BTreeMap<String, Arc<Policy>>,
    who: &str,
) -> Result<Arc<Policy>, ConfigError> {
    match name {
        None | Some("default") => Ok(policies
            .get("default")
            .cloned()
            .unwrap_or_else(|| Arc::new(Policy::default()))),
        Some(n) => policies
            .get(n)
            .cloned()
            .ok_or_else(|| err(format!("{who}: unknown policy {n:?}"))),
    }
}

/// Builds the JWT verifier settings from the file section plus overrides.
pub fn jwt_config(
    file: &FileJwt,
    secret: Option<Secret>,
    public_key_pem: Option<String>,
    policies: &BTreeMap<String, Arc<Policy>>,
) -> Result<JwtConfig, ConfigError> {
    let algorithm =
        match (file.algorithm, &secret, &public_key_pem) {
            (Some(a), _, _) => a,
            (None, Some(_), None) => JwtAlgorithm::Hs256,
            (None, None, Some(_)) => JwtAlgorithm::Rs256,
            _ => return Err(err(
                "JWT: set algorithm = \"HS256\" (with a secret) or \"RS256\" (with a public key)",
            )),
        };
    let policy = policy_ref(file.policy.as_deref(), policies, "JWT")?;
    let leeway = Duration::from_secs(file.leeway_s.unwrap_or(30));
    JwtConfig::new(
        algorithm,
        secret,
        public_key_pem,
        file.issuer.clone(),
        file.audience.clone(),
        leeway,
        policy,
    )
    .map_err(err)
}

/// Checks the named policies and wraps them.
pub fn policies(
    file: &BTreeMap<String, Policy>,
) -> Result<BTreeMap<String, Arc<Policy>>, ConfigError> {
    let mut out = BTreeMap::new();
    for (name, policy) in file {
        policy
            .check()
            .map_err(|e| err(format!("policy {name:?}: {e}")))?;
        out.insert(name.clone(), Arc::new(policy.clone()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_specs() {
        let k = parse_key_spec("web=ab@p").unwrap();
        assert_eq!((k.name.as_str(), k.sha256.as_str()), ("web", "ab"));
        assert_eq!(k.policy.as_deref(), Some("p"));
        assert!(parse_key_spec("nohash").is_err());
        let hash = "00".repeat(32);
        let keys = api_keys(
            &[parse_key_spec(&format!("a={hash}")).unwrap()],
            &BTreeMap::new(),
        );
        assert_eq!(keys.unwrap().len(), 1);
        let bad = api_keys(&[parse_key_spec("a=zz").unwrap()], &BTreeMap::new());
        assert!(bad.unwrap_err().0.contains("64 hexadecimal"));
        let unknown = api_keys(
            &[parse_key_spec(&format!("a={hash}@nope")).unwrap()],
            &BTreeMap::new(),
        );
        assert!(unknown.unwrap_err().0.contains("unknown policy"));
    }
}
