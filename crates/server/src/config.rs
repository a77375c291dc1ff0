//! Server configuration: built-in defaults, then an optional TOML file, then
//! environment variables and flags (see [`crate::cli`]).
//!
//! Secrets (the app certificate, the JWT HS256 secret) are held in [`Secret`],
//! whose `Debug` prints `<redacted>`; API keys are never held at all, only
//! their SHA-256. So `{:?}` of a [`Config`] is safe to log.

use std::collections::BTreeMap;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;

use crate::auth::{ApiKey, JwtAlgorithm, JwtConfig, Policy};

/// A secret string: its `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself, for the one place that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// A configuration error: one line that says what to fix. Never contains a
/// secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

fn err(message: impl Into<String>) -> ConfigError {
    ConfigError(message.into())
}

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line (for log collectors).
    Json,
}

/// A token-bucket rate: `rate` requests per second on average, bursts of up
/// to `burst`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    /// Requests per second (refill rate).
    pub rate: f64,
    /// Bucket size: requests allowed at once after an idle period.
    pub burst: u32,
}

impl Rate {
    /// `None` for a rate of 0 (limit off).
    fn enabled(self) -> Option<Rate> {
        (self.rate > 0.0).then_some(Rate {
            rate: self.rate,
            burst: self.burst.max(1),
        })
    }
}

/// Rate limits. In-process, so they apply per replica.
#[derive(Debug, Clone, PartialEq)]
pub struct RateLimits {
    /// Per client IP address, before authentication. `None`: off.
    pub per_ip: Option<Rate>,
    /// Per API key or JWT subject, after authentication. `None`: off.
    pub per_caller: Option<Rate>,
    /// How many reverse proxies in front of the server append to
    /// `X-Forwarded-For`. 0: the client IP is the TCP peer address.
    pub trusted_proxy_hops: usize,
    /// Most buckets kept per limiter (memory bound); past it, idle buckets
    /// are dropped and, if none is idle, new clients are refused (429).
    pub max_tracked: usize,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            per_ip: Some(Rate {
                rate: 20.0,
                burst: 40,
            }),
            per_caller: Some(Rate {
                rate: 200.0,
                burst: 400,
            }),
            trusted_proxy_hops: 0,
            max_tracked: 100_000,
        }
    }
}

/// Request and connection limits.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest request body accepted (413 past it).
    pub body_bytes: usize,
    /// Whole-request deadline, body included (408 past it).
    pub request_timeout: Duration,
    /// Deadline for a client to send its request headers (connection closed
    /// past it; defeats slow-header clients).
    pub header_read_timeout: Duration,
    /// Most open connections; further ones are closed at once.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            body_bytes: 16 * 1024,
            request_timeout: Duration::from_secs(10),
            header_read_timeout: Duration::from_secs(10),
            max_connections: 10_000,
        }
    }
}

/// Graceful shutdown on SIGTERM/SIGINT.
#[derive(Debug, Clone, PartialEq)]
pub struct Shutdown {
    /// Time between the signal and closing the listener, during which
    /// `/readyz` answers 503 so load balancers stop sending traffic.
    pub drain_delay: Duration,
    /// Longest wait for in-flight requests after the listener closed.
    pub timeout: Duration,
}

impl Default for Shutdown {
    fn default() -> Self {
        Shutdown {
            drain_delay: Duration::ZERO,
            timeout: Duration::from_secs(30),
        }
    }
}

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

/// Everything the server needs. Build one with [`Config::new`] (or
/// [`Config::demo`]) and adjust the public fields.
#[derive(Debug, Clone)]
pub struct Config {
    app_id: String,
    app_certificate: Secret,
    /// Demo mode: made-up credentials; the CLI binds loopback only.
    pub demo: bool,
    /// Address to listen on.
    pub listen: SocketAddr,
    /// Token lifetime (seconds) where a route takes none from the request:
    /// `POST /fetch_rtc_token` and the native API's default.
    pub default_expire: u32,
    /// Request and connection limits.
    pub limits: Limits,
    /// Graceful shutdown.
    pub shutdown: Shutdown,
    /// Origins allowed by CORS; empty: no CORS headers (the default);
    /// `["*"]`: any origin.
    pub cors_origins: Vec<String>,
    /// Rate limits.
    pub rate_limits: RateLimits,
    /// Caller authentication.
    pub auth: Auth,
    /// Log format (used by the CLI when it sets up logging).
    pub log_format: LogFormat,
    /// TESTS ONLY (`--fixed-issue-ts`/`--fixed-salt`): every token this
    /// server issues gets this issue ts and salt, so a test can compare its
    /// tokens byte for byte with known ones. `None` (the default) issues
    /// tokens now with a random salt; a server with it set gives predictable
    /// tokens and must never serve real users.
    pub fixed_issue: Option<FixedIssue>,
    /// Serve the playground web page at `/` (off by default, on in demo
    /// mode). The page holds no secret: it calls the native API, which keeps
    /// its authentication.
    pub playground: bool,
}

/// A fixed issue time and salt for every token a server issues: tests only,
/// see [`Config::fixed_issue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedIssue {
    /// Issue time, seconds since the Unix epoch.
    pub issue_ts: u32,
    /// Salt.
    pub salt: u32,
}

/// The port of the official Docker token service.
pub const DEFAULT_PORT: u16 = 8080;

impl Config {
    /// A configuration with the defaults, for these credentials (each must
    /// be 32 hexadecimal characters).
    pub fn new(app_id: &str, app_certificate: &str) -> Result<Config, ConfigError> {
        token_core::validate::app_id(app_id)
            .map_err(|e| err(format!("{e} (set APP_ID or --app-id)")))?;
        token_core::validate::app_certificate(app_certificate)
            .map_err(|e| err(format!("{e} (set APP_CERTIFICATE or --app-certificate)")))?;
        Ok(Config {
            app_id: app_id.to_string(),
            app_certificate: Secret::new(app_certificate),
            demo: false,
            listen: SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), DEFAULT_PORT),
            default_expire: 3600,
            limits: Limits::default(),
            shutdown: Shutdown::default(),
            cors_origins: Vec::new(),
            rate_limits: RateLimits::default(),
            auth: Auth::default(),
            log_format: LogFormat::Text,
            fixed_issue: None,
            playground: false,
        })
    }

    /// Demo mode: an app ID and certificate made up from the OS random source
    /// (tokens signed with them do not work on Agora), listening on loopback.
    pub fn demo() -> Config {
        let mut config = Config::new(&random_hex32(), &random_hex32())
            .expect("random hex is a valid app ID and certificate");
        config.demo = true;
        config.playground = true;
        config.listen = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), DEFAULT_PORT);
        config
    }

    /// The app ID.
    pub fn app_id(&self) -> &str {
        &self.app_id
    }

    /// The app certificate (redacted in `Debug`).
    pub fn app_certificate(&self) -> &Secret {
        &self.app_certificate
    }
}

/// 32 lowercase hex characters from the OS random source.
pub fn random_hex32() -> String {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes).expect("the operating system has no random source");
    token_core::codec::hex_lower(&bytes)
}

// ---------------------------------------------------------------------------
// The TOML file.

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
        toml::from_str(&text).map_err(|e| err(format!("config file {}: {e}", path.display())))
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

/// Reads the API keys of an `api_keys_file`.
pub fn load_api_keys_file(path: &Path) -> Result<Vec<FileApiKey>, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| err(format!("cannot read API keys file {}: {e}", path.display())))?;
    let keys: FileApiKeys =
        toml::from_str(&text).map_err(|e| err(format!("API keys file {}: {e}", path.display())))?;
    Ok(keys.api_keys)
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

/// A rate from a flag value: `RATE` or `RATE/BURST` (`0` turns the limit
/// off). The burst defaults to twice the rate.
pub fn parse_rate(text: &str) -> Result<Option<Rate>, String> {
    let (rate, burst) = match text.split_once('/') {
        Some((r, b)) => (r, Some(b)),
        None => (text, None),
    };
    let rate: f64 = rate
        .trim()
        .parse()
        .ok()
        .filter(|r: &f64| r.is_finite() && *r >= 0.0)
        .ok_or_else(|| format!("{text:?}: expected RATE or RATE/BURST, e.g. 20/40"))?;
    let burst = match burst {
        Some(b) => b
            .trim()
            .parse::<u32>()
            .map_err(|_| format!("{text:?}: the burst must be a whole number"))?,
        None => (rate * 2.0).ceil().min(u32::MAX as f64) as u32,
    };
    Ok(Rate { rate, burst }.enabled())
}

#[cfg(test)]
mod tests {
    use super::*;

    const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
    const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";

    #[test]
    fn debug_redacts_the_certificate() {
        let c = Config::new(APP_ID, CERT).unwrap();
        let text = format!("{c:?}");
        assert!(
            !text.contains(CERT) && text.contains("<redacted>"),
            "{text}"
        );
        assert!(text.contains(APP_ID));
    }

    #[test]
    fn bad_credentials_never_echo_the_certificate() {
        let bad = "5CFd2fd1755d40ecb72977518be15d3z";
        let e = Config::new(APP_ID, bad).unwrap_err().to_string();
        assert!(!e.contains(bad) && e.contains("APP_CERTIFICATE"), "{e}");
        assert!(Config::new("nope", CERT).is_err());
    }

    #[test]
    fn demo_is_random_and_loopback() {
        let a = Config::demo();
        let b = Config::demo();
        assert_ne!(a.app_id(), b.app_id());
        assert!(a.listen.ip().is_loopback() && a.demo);
    }

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
