//! The TOML configuration file: its sections ([`FileConfig`] and the
//! `File*` types), and the file of API keys.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{err, toml_error, ConfigError, LogFormat, Rate, RateLimits};
use crate::auth::{JwtAlgorithm, Policy};

/// The TOML configuration file. Every field is optional; see the README for
/// an annotated example.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// App ID (APP_ID and --app-id win over it).
    pub app_id: Option<String>,
    /// File holding the app certificate (the certificate itself is not
    /// accepted in the config file, which is often world-readable).
    pub app_certificate_file: Option<PathBuf>,
    /// Interface to bind.
    pub host: Option<IpAddr>,
    /// Port.
    pub port: Option<u16>,
    /// Default token lifetime in seconds.
    pub default_expire: Option<u32>,
    /// Log format.
    pub log_format: Option<LogFormat>,
    /// TESTS ONLY: fixed issue ts of every token (with `fixed_salt`).
    pub fixed_issue_ts: Option<u32>,
    /// TESTS ONLY: fixed salt of every token (with `fixed_issue_ts`).
    pub fixed_salt: Option<u32>,
    /// Serve the playground page at `/`.
    pub playground: Option<bool>,
    /// Limits.
    #[serde(default)]
    pub limits: FileLimits,
    /// Shutdown.
    #[serde(default)]
    pub shutdown: FileShutdown,
    /// CORS.
    #[serde(default)]
    pub cors: FileCors,
    /// Rate limits.
    #[serde(default)]
    pub rate_limit: FileRateLimit,
    /// Authentication.
    #[serde(default)]
    pub auth: FileAuth,
}

/// `[limits]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileLimits {
    /// Largest request body in bytes.
    pub body_bytes: Option<usize>,
    /// Whole-request deadline in milliseconds.
    pub request_timeout_ms: Option<u64>,
    /// Header read deadline in milliseconds.
    pub header_read_timeout_ms: Option<u64>,
    /// Most open connections.
    pub max_connections: Option<usize>,
    /// Most open connections per client address (0: no share).
    pub max_connections_per_ip: Option<usize>,
    /// Write timeout in milliseconds.
    pub write_timeout_ms: Option<u64>,
}

/// `[shutdown]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileShutdown {
    /// Milliseconds of `/readyz` = 503 before the listener closes.
    pub drain_delay_ms: Option<u64>,
    /// Longest wait for in-flight requests, milliseconds.
    pub timeout_ms: Option<u64>,
}

/// `[cors]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileCors {
    /// Allowed origins (`"*"` for any).
    pub allow_origins: Option<Vec<String>>,
}

/// `[rate_limit]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRateLimit {
    /// Per client IP (`rate = 0` turns it off).
    pub per_ip: Option<Rate>,
    /// Per API key / JWT subject (`rate = 0` turns it off).
    pub per_caller: Option<Rate>,
    /// Reverse proxies that append to X-Forwarded-For.
    pub trusted_proxy_hops: Option<usize>,
    /// Most buckets per limiter.
    pub max_tracked: Option<usize>,
}

/// `[auth]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileAuth {
    /// Another TOML file with `[[api_keys]]` entries (e.g. a mounted secret).
    pub api_keys_file: Option<PathBuf>,
    /// API keys.
    #[serde(default)]
    pub api_keys: Vec<FileApiKey>,
    /// JWT verification.
    pub jwt: Option<FileJwt>,
    /// Named policies.
    #[serde(default)]
    pub policies: BTreeMap<String, Policy>,
}

/// An `[[auth.api_keys]]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileApiKey {
    /// Name, used in logs, metrics and per-caller rate limits.
    pub name: String,
    /// Lowercase hex SHA-256 of the key (`agora-token serve --generate-api-key`).
    pub sha256: String,
    /// Policy name (default: `default`).
    pub policy: Option<String>,
}

/// A file of API keys.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileApiKeys {
    #[serde(default)]
    api_keys: Vec<FileApiKey>,
}

/// `[auth.jwt]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileJwt {
    /// `HS256` or `RS256`.
    pub algorithm: Option<JwtAlgorithm>,
    /// HS256: file holding the shared secret.
    pub secret_file: Option<PathBuf>,
    /// RS256: PEM file with the public key (SPKI or PKCS#1).
    pub public_key_file: Option<PathBuf>,
    /// Required `iss` claim.
    pub issuer: Option<String>,
    /// Required `aud` claim (one of the token's audiences).
    pub audience: Option<String>,
    /// Clock leeway for `exp` and `nbf`, seconds (default 30).
    pub leeway_s: Option<u64>,
    /// Policy for JWT callers (default: `default`).
    pub policy: Option<String>,
}

impl FileConfig {
    /// Reads and parses a TOML file.
    pub fn load(path: &Path) -> Result<FileConfig, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| err(format!("cannot read config file {}: {e}", path.display())))?;
        toml::from_str(&text).map_err(|e| {
            err(format!(
                "config file {}: {}",
                path.display(),
                toml_error::describe(&text, &e)
            ))
        })
    }
}

/// Reads the API keys of an `api_keys_file`.
pub fn load_api_keys_file(path: &Path) -> Result<Vec<FileApiKey>, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| err(format!("cannot read API keys file {}: {e}", path.display())))?;
    let keys: FileApiKeys = toml::from_str(&text).map_err(|e| {
        err(format!(
            "API keys file {}: {}",
            path.display(),
            toml_error::describe(&text, &e)
        ))
    })?;
    Ok(keys.api_keys)
}

impl FileRateLimit {
    /// Applies the file's rate limits over `limits`.
    pub fn apply(&self, limits: &mut RateLimits) {
        if let Some(r) = self.per_ip {
            limits.per_ip = r.enabled();
        }
        if let Some(r) = self.per_caller {
            limits.per_caller = r.enabled();
        }
        if let Some(h) = self.trusted_proxy_hops {
            limits.trusted_proxy_hops = h;
        }
        if let Some(m) = self.max_tracked {
            limits.max_tracked = m.max(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::policies;

    const SECRET: &str = "5CFd2fd1755d40ecb72977518be15d3b";

    /// Loads `text` as a file with `load`, expecting an error.
    fn load_error<T: std::fmt::Debug>(
        text: &str,
        load: fn(&Path) -> Result<T, ConfigError>,
    ) -> String {
        let dir = std::env::temp_dir().join(format!(
            "agora-token-config-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("file.toml");
        std::fs::write(&path, text).unwrap();
        let e = load(&path).unwrap_err().0;
        let _ = std::fs::remove_dir_all(&dir);
        e
    }

    #[test]
    fn errors_never_quote_a_secret_from_the_file() {
        for (text, line) in [
            // The certificate itself where only a file path is accepted.
            (format!("port = 8080\napp_certificate = \"{SECRET}\"\n"), 2),
            // A value of the wrong type: serde quotes the value.
            (format!("port = \"{SECRET}\"\n"), 1),
            // A syntax error on the secret's line.
            (format!("app_id = {SECRET}\n"), 1),
            (format!("[auth.jwt]\nalgorithm = \"{SECRET}\"\n"), 2),
        ] {
            let e = load_error(&text, FileConfig::load);
            assert!(!e.contains(SECRET), "{e}");
            assert!(e.contains(&format!("line {line}, column")), "{e}");
        }
        for (text, line) in [
            // The API key itself instead of its hash.
            (
                format!("[[api_keys]]\nname = \"web\"\nkey = \"{SECRET}\"\n"),
                3,
            ),
            (
                format!("[[api_keys]]\nname = \"web\"\nsha256 = {SECRET}\n"),
                3,
            ),
            (
                format!("[[api_keys]]\nname = 1\nsha256 = \"{SECRET}\"\n"),
                2,
            ),
        ] {
            let e = load_error(&text, load_api_keys_file);
            assert!(!e.contains(SECRET), "{e}");
            assert!(e.contains(&format!("line {line}, column")), "{e}");
        }
    }

    #[test]
    fn file_rejects_unknown_keys() {
        let e = toml::from_str::<FileConfig>("prot = 1").unwrap_err();
        assert!(e.to_string().contains("unknown field"));
        let f: FileConfig = toml::from_str(
            "port = 9000\n[rate_limit]\nper_ip = { rate = 0, burst = 1 }\n\
             [auth.policies.web]\nkinds = [\"rtc\"]\nchannels = [\"room-*\"]\nmax_expire = 600\n",
        )
        .unwrap();
        assert_eq!(f.port, Some(9000));
        assert_eq!(f.rate_limit.per_ip.and_then(Rate::enabled), None);
        assert!(policies(&f.auth.policies).is_ok());
    }
}
